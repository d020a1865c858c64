"""Snapshots at 80×24 in Polish: the screens whose texts are longest in Polish, so that dialogs
show their buttons, levels are never cut and headers never split mid-word in either language
(review changes with `pytest --snapshot-update`, then look at the pictures)."""

from __future__ import annotations

from tests.tui.support import make_app, saved_record
from tests.tui.test_snapshots import new_app, show, still_cursor
from wizard.cli.demo_folder import KOWALSKI, NORTHWIND

SIZE = (80, 24)


def test_home_pl(snap_compare, bank, filled):
    assert snap_compare(make_app(bank, filled, "pl"), terminal_size=SIZE)


def test_question_longest_why_pl(snap_compare, bank, store):
    index = [q.id for q in bank.questions].index("unethical_business")  # "more below" shows
    assert snap_compare(new_app(bank, store, "pl"), terminal_size=SIZE, run_before=show(index))


def test_overview_pl(snap_compare, bank, store):
    assert snap_compare(new_app(bank, store, "pl"), terminal_size=SIZE, press=["4", "s", "1", "o"])


def test_decision_dialog_pl(snap_compare, bank, filled):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("enter", "_", "o", "_", "down")
        still_cursor(pilot)

    assert snap_compare(make_app(bank, filled, "pl", command="review"), terminal_size=SIZE, run_before=run_before)


def test_records_pl(snap_compare, bank, store, demo):
    assert snap_compare(make_app(bank, store, "pl", command="review"), terminal_size=SIZE)


def test_history_pl(snap_compare, bank, store, demo):
    async def run_before(pilot):
        await pilot.pause()
        pilot.app.show_history(KOWALSKI)
        await pilot.pause()
        pilot.app.screen.query_one("#history-body").scroll_to(y=8, animate=False)
        await pilot.pause()

    assert snap_compare(make_app(bank, store, "pl"), terminal_size=SIZE, run_before=run_before)


def test_team_pl(snap_compare, bank, store, demo):
    async def run_before(pilot):
        await pilot.pause()
        pilot.app.show_team(NORTHWIND)
        await pilot.pause()
        pilot.app.screen.query_one("#team-body").scroll_to(y=8, animate=False)
        await pilot.pause()

    assert snap_compare(make_app(bank, store, "pl"), terminal_size=SIZE, run_before=run_before)


def test_reassess_pl(snap_compare, bank, store, named):
    saved_record(bank, store, "late-payer", "0000f00d", days_ago=90)

    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(make_app(bank, store, "pl", command="review"), terminal_size=SIZE, run_before=run_before)


def test_whoami_pl(snap_compare, bank, filled):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("enter", "_", "p", "_", "enter")
        await pilot.pause()
        still_cursor(pilot)

    assert snap_compare(make_app(bank, filled, "pl", command="review"), terminal_size=SIZE, run_before=run_before)
