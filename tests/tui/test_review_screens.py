"""Compare, history, team and feedback screens, decisions through the lifecycle rules, and the
Markdown export of each screen."""

from __future__ import annotations

import itertools
from datetime import timedelta

from textual.command import CommandPalette
from textual.widgets import DataTable, Static

from tests.tui.review_data import path_of
from tests.tui.support import NOW, ids, make_app, visible_text, widget_text
from wizard.model import records
from wizard.model.compare import SAME, compare
from wizard.model.feedback import current
from wizard.model.team import team_view
from wizard.storage import feedback
from wizard.cli.demo_folder import KOWALSKI, NORTHWIND
from wizard.storage.record_reader import read_record
from wizard.tui.app import build_app
from wizard.tui.dialogs.feedback import FeedbackScreen
from wizard.tui.screens.compare import CompareScreen
from wizard.tui.screens.history import HistoryScreen
from wizard.tui.screens.result import ResultScreen
from wizard.tui.screens.team import TeamScreen
from wizard.tui.widgets.score_chart import ScoreChart


def toasts(app) -> str:
    """The notifications shown now, whole (on screen a long one wraps)."""
    return "\n".join(notification.message for notification in app._notifications)


def rows(app, table_id: str) -> list[str]:
    return [str(key.value) for key in app.screen.query_one(table_id, DataTable).rows]


def answer_rows(app) -> list[tuple[str, ...]]:
    """The compare screen's answer table, row by row (section titles and blank lines left out)."""
    table = app.screen.query_one("#answer-table", Static).content
    cells = [[getattr(c, "plain", str(c)) for c in column._cells] for column in table.columns]
    return [row for row in zip(*cells) if row[1] or row[2]]


async def test_compare_two_assessments_of_one_client(bank, store, demo):
    older_path, older = path_of(store, demo, KOWALSKI, 0)
    newer_path, newer = path_of(store, demo, KOWALSKI, -1)
    cmp = compare(bank, older, newer)
    app = make_app(bank, store)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        app.compare_paths(newer_path, older_path)  # any order: the older one is A
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        text = widget_text(screen)
        assert f"What changed since {older.created:%Y-%m-%d}" in text
        assert f"went from {older.result.score} to {newer.result.score} ({cmp.score_delta:+d})" in text
        assert "The recommendation moved from Monitor to Prepare to exit (worse)." in text
        assert f"Worse ({len(cmp.since.worse)})" in text
        assert "MONITOR" in text and "PREPARE TO EXIT" in text
        assert len(screen.query(".section-row")) == len(cmp.sections) + 1  # and the heading
        shown = answer_rows(app)
        assert len(shown) == len(cmp.answers)
        marks = {"▲": "worse", "▼": "better", "≠": "changed", "": "same"}
        assert [marks[row[3]] for row in shown] == [d.change for d in cmp.answers]
        await pilot.press("d")  # only the differences
        await pilot.pause()
        assert len(answer_rows(app)) == len([d for d in cmp.answers if d.change != SAME])
        await pilot.press("e")
        await pilot.pause()
        [exported] = (store.root / "exports").glob("*.md")
        assert exported.name == f"kowalski-meble-sp-z-o-o-compare-{older.id}-{newer.id}.md"
        assert exported.read_text(encoding="utf-8").startswith(f"# Comparison: {KOWALSKI}")
        assert f"Markdown written: ~/records/exports/{exported.name}" in toasts(app)
        assert f"Markdown: ~/records/exports/{exported.name}" in widget_text(screen)

        await pilot.press("escape")  # two clients: no summary of what changed
        app.compare_paths(newer_path, path_of(store, demo, "Brightline Analytics")[0])
        await pilot.pause()
        text = widget_text(app.screen)
        assert "What changed since" not in text
        assert f"Comparison: {KOWALSKI} / Brightline Analytics" in text


async def test_history_of_a_client(bank, store, demo):
    own = sorted((r for r in demo.records if r.client == KOWALSKI), key=lambda r: r.created)
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(100, 34), notifications=True) as pilot:
        await pilot.pause()
        app.screen.query_one("#filter").value = "kowalski"
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert [p.score for p in screen.query_one(ScoreChart).points] == [r.result.score for r in own]
        assert rows(app, "#history-table") == [r.id for r in own]  # oldest first, like the chart
        text = widget_text(screen)
        assert f"Risk score over time ({own[0].result.score} → {own[-1].result.score})" in text
        assert "Monitor → Revise the terms  (worse)" in text
        assert "Revise the terms → Prepare to exit  (worse)" in text
        assert text.count("(recommended: ") == 3  # the decisions taken
        await pilot.press("end", "c")  # the newest against the one before
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.first.id, app.screen.second.id) == (own[-2].id, own[-1].id)
        await pilot.press("escape", "e")
        await pilot.pause()
        exported = store.root / "exports" / "kowalski-meble-sp-z-o-o-history.md"
        assert exported.read_text(encoding="utf-8").startswith(f"# History: {KOWALSKI}")
        await pilot.press("enter")  # the newest (the cursor is on it) opens in full
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen) and app.screen.record.id == own[-1].id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)

        [overdue] = [r for r in demo.records if r.id in demo.overdue]  # marked in its client's history
        app.show_history(overdue.client)
        await pilot.pause()
        table = app.screen.query_one("#history-table", DataTable)
        assert table.get_cell(overdue.id, "due").plain == f"⚠ {overdue.review_date.isoformat()}"


async def test_team_view_consensus_disagreements_and_feedback(bank, store, demo):
    view = team_view(bank, list(demo.records), NORTHWIND,
                     {r.id: feedback.good(feedback.load(store.root, r.id)) for r in demo.records})
    _, anna = path_of(store, demo, NORTHWIND, 0)
    app = make_app(bank, store)
    async with app.run_test(size=(100, 34), notifications=True) as pilot:
        await pilot.pause()
        app.show_team(NORTHWIND)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TeamScreen)
        assert rows(app, "#team-table") == [r.id for r in view.members]
        text = widget_text(screen)
        assert "Consensus:  PREPARE TO EXIT" in text
        questions = [bank.question(d.question).text("en") for d in view.disagreements]
        positions = [text.index(q) for q in questions]
        assert positions == sorted(positions) and len(questions) >= 3  # largest first
        assert "Marek Wiśniewski: disagrees" in text and "Anna Nowak: abstains" in text
        await pilot.press("e")
        await pilot.pause()
        exported = store.root / "exports" / "northwind-digital-ltd-team.md"
        assert exported.read_text(encoding="utf-8").startswith(f"# Team view: {NORTHWIND}")
        await pilot.press("f")  # feedback on the highlighted teammate's assessment (Anna's)
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen) and app.screen.record.id == anna.id
        await pilot.press(*"Ola", "enter", "down", "enter", "tab", *"Tone", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)
        assert "Ola: disagrees" in widget_text(app.screen) and "Tone" in widget_text(app.screen)


async def test_feedback_from_a_record_writes_a_file_of_its_own(bank, store, demo):
    path, record = path_of(store, demo, "Harbor & Finch Legal")
    app = make_app(bank, store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.open_record(path)
        await pilot.pause()
        assert "No feedback from the team yet" in visible_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.press("tab", "tab", "enter")  # name → stance → comment: save with nothing given
        await pilot.pause()
        assert "Please give your name." in visible_text(app)
        await pilot.press(*"Marek", "enter", "tab", "enter")
        await pilot.pause()
        assert "Please choose a stance." in visible_text(app)
        await pilot.press("down", "down", "enter", "tab")
        app.screen.query_one("#feedback-comment").value = "Need the call notes"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        [entry] = feedback.load(store.root, record.id)
        given = entry.feedback
        assert (given.by, given.stance, given.comment, given.created) == ("Marek", "abstain", "Need the call notes", NOW)
        assert entry.path.parent == store.root / "feedback" / record.id
        assert read_record(path, bank) == record  # the record itself is never touched
        assert "Team: ○ Marek" in visible_text(app)
        assert f"Feedback saved: ~/records/feedback/{record.id}/" in toasts(app)
        await pilot.press("f")
        await pilot.pause()
        assert app.screen.query_one("#feedback-by").value == "Marek"  # remembered
        assert "○ Marek: abstains — Need the call notes" in widget_text(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        assert len(feedback.load(store.root, record.id)) == 1  # cancelled: nothing written


async def test_feedback_from_the_screen_is_stamped_to_the_microsecond(bank, store, demo, monkeypatch):
    """Like the command line's: two stances given by one person in the same second keep their
    order, and the newer one counts. Without a test clock, records still get whole seconds."""
    path, record = path_of(store, demo, "Harbor & Finch Legal")
    ticks = itertools.count(1)
    monkeypatch.setattr(records, "now", lambda: NOW)  # the app's clock for records
    monkeypatch.setattr(feedback, "precise_now", lambda: NOW + timedelta(microseconds=250_000 * next(ticks)))
    app = build_app(bank, store, "en", make_id=ids())
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_record(path)
        await pilot.pause()
        await pilot.press("f", *"Marek", "enter", "enter", "tab", "enter")  # agrees
        await pilot.pause()
        await pilot.press("f", "down", "enter", "tab", "enter")  # then disagrees, the same second
        await pilot.pause()
        given = feedback.good(feedback.load(store.root, record.id))
        assert [(f.stance, f.created) for f in given] == [
            ("agree", NOW + timedelta(microseconds=250_000)), ("disagree", NOW + timedelta(microseconds=500_000))]
        assert [f.stance for f in current(given)] == ["disagree"]
        assert "Team: ✗ Marek" in visible_text(app)

async def test_decisions_follow_the_lifecycle_and_a_refusal_is_explained(bank, store, demo, named):
    proposed_path, proposed = path_of(store, demo, NORTHWIND, 0)
    superseded_path, superseded = path_of(store, demo, KOWALSKI, 0)
    app = make_app(bank, store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        app.open_record(superseded_path)
        await pilot.pause()
        before = superseded_path.read_bytes()
        newer = read_record(superseded_path, bank).superseded_by[0]
        # Refused at once, before any dialog asks to confirm: accept, another level, reject, propose.
        for key in ("a", "o", "r", "p"):
            app.clear_notifications()
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ResultScreen), key
            assert f"This record is superseded by {newer}; decide on the newer record." in toasts(app), key
        assert superseded_path.read_bytes() == before  # refused: nothing written

        app.clear_notifications()
        await pilot.press("escape")
        app.open_record(proposed_path)
        await pilot.pause()
        await pilot.press("a", "enter")  # proposed → accepted, at the recommended level
        await pilot.pause()
        record = read_record(proposed_path, bank)
        assert (record.status, record.decision.level, record.decision.at) == ("accepted", proposed.result.level, NOW)
        before = proposed_path.read_bytes()
        await pilot.press("o", "down", "enter")
        app.screen.query_one("#reason").value = "Another level"
        await pilot.press("enter")
        await pilot.pause()
        assert "This record was accepted at Revise the terms; a different level needs a new assessment" in toasts(app)
        assert proposed_path.read_bytes() == before
        app.clear_notifications()
        await pilot.press("r")  # accepted → rejected is not allowed: said before any dialog
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert "A record that is accepted cannot become rejected (allowed: accepted)." in toasts(app)
        app.clear_notifications()
        await pilot.press("p")  # nor proposed again: said, not silently ignored
        await pilot.pause()
        assert "A record that is accepted cannot become proposed (allowed: accepted)." in toasts(app)
        assert proposed_path.read_bytes() == before


async def test_reject_then_propose_again(bank, store, demo, named):
    path, _ = path_of(store, demo, NORTHWIND, 0)  # proposed
    app = make_app(bank, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_record(path)
        await pilot.pause()
        await pilot.press("r", "enter")  # the dialog's default is No
        assert read_record(path, bank).status == "proposed"
        await pilot.press("r", "shift+tab", "enter")
        assert read_record(path, bank).status == "rejected"
        assert app.screen.check_action("propose", ()) is True
        await pilot.press("p", "enter")
        assert read_record(path, bank).status == "proposed"


async def test_the_palette_offers_history_and_team_for_saved_records_only(bank, store, demo):
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Compare the marked records" in titles
        client = app.screen._current().summary.client
        assert f"History: {client}" in titles and f"Team view: {client}" in titles
        app.new_assessment("Acme", "Ola")  # a questionnaire: no one else's answers from here
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert not any(t.startswith(("History", "Team view", "Compare")) for t in titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_new_screens_at_60_by_20(bank, store, demo):
    """Cramped, but nothing breaks (120×40 is where the other tests run)."""
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("space", "down", "space", "c", "end", "d")
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("escape", "h", "end", "escape", "t", "escape", "enter", "f")
        assert isinstance(app.screen, FeedbackScreen)
