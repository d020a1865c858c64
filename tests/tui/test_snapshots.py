"""Snapshots of every screen at 80×24 (review changes with `pytest --snapshot-update`, then look).

Dates, ids and paths are fixed (the clock and ids are injected; records live under a temporary
home shown as ~), so the pictures do not change from day to day.
"""

from __future__ import annotations


from textual.widgets import Input

from tests.tui.support import example, make_app, saved_draft
from wizard.tui.app import LIGHT

SIZE = (80, 24)


def still_cursor(pilot) -> None:
    """Input cursors blink; a snapshot wants them still."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


def new_app(bank, store, lang="en", **options):
    return make_app(bank, store, lang, command="new", client="Kowalski Meble", assessor="Anna", **options)


def show(index):
    async def run_before(pilot):
        await pilot.pause()
        pilot.app.screen.show(index)
        still_cursor(pilot)

    return run_before


def test_home(snap_compare, bank, filled):
    assert snap_compare(make_app(bank, filled), terminal_size=SIZE)


def test_names(snap_compare, bank, store):
    async def run_before(pilot):
        await pilot.pause()
        still_cursor(pilot)

    assert snap_compare(make_app(bank, store, command="new", client="Kowalski Meble"),
                        terminal_size=SIZE, run_before=run_before)


def test_question_scale(snap_compare, bank, store):
    assert snap_compare(new_app(bank, store), terminal_size=SIZE)


def test_question_with_why(snap_compare, bank, store):
    index = [q.id for q in bank.questions].index("toxicity")
    assert snap_compare(new_app(bank, store), terminal_size=SIZE, run_before=show(index))


def test_question_number_invalid(snap_compare, bank, store):
    index = [q.id for q in bank.questions].index("revenue_share")
    assert snap_compare(new_app(bank, store), terminal_size=SIZE, run_before=show(index),
                        press=["1", "2", "0", "enter"])


def test_question_answered_with_note_in_polish(snap_compare, bank, store):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("3", "b", "a", *"Faktury z maja", "enter")
        still_cursor(pilot)

    assert snap_compare(new_app(bank, store, "pl"), terminal_size=SIZE, run_before=run_before)


def test_note(snap_compare, bank, store):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("a", *"Invoices from May")
        still_cursor(pilot)

    assert snap_compare(new_app(bank, store), terminal_size=SIZE, run_before=run_before)


def test_overview(snap_compare, bank, store):
    assert snap_compare(new_app(bank, store), terminal_size=SIZE, press=["4", "s", "1", "o"])


def test_confirm_finish(snap_compare, bank, store):
    assert snap_compare(new_app(bank, store), terminal_size=SIZE, press=["2", "f"])


def test_result(snap_compare, bank, store):
    sheet = example("fading", bank)
    last = bank.questions[-1]
    saved_draft(bank, store, {k: v for k, v in sheet.answers.items() if k != last.id},
                client=sheet.client, assessor=sheet.assessor, record_id="0000cafe",
                skipped=tuple(q.id for q in bank.questions[:-1] if q.id not in sheet.answers))

    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("n", "enter")  # the last question, then "see the result"
        await pilot.pause()

    app = make_app(bank, store, command="resume", draft=store.draft_path("0000cafe"))
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_result_in_polish_scrolled(snap_compare, bank, filled):
    assert snap_compare(make_app(bank, filled, "pl", command="review"), terminal_size=SIZE,
                        press=["enter", "_", "pagedown", "pagedown"])


def test_decision(snap_compare, bank, filled):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("enter", "_", "o", "_", "down", "enter")
        still_cursor(pilot)

    assert snap_compare(make_app(bank, filled, command="review"), terminal_size=SIZE, run_before=run_before)


def test_records(snap_compare, bank, filled):
    assert snap_compare(make_app(bank, filled, command="review"), terminal_size=SIZE)


def test_help_in_light_theme(snap_compare, bank, store):
    assert snap_compare(make_app(bank, store, theme=LIGHT), terminal_size=SIZE, press=["f1"])
