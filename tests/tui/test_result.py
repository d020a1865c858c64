"""The result screen: what it shows, and recording the decision, proposing it, exporting it."""

from __future__ import annotations

import errno

from tests.tui.support import NOW, make_app, saved_draft, saved_record, visible_text, widget_text
from wizard.storage.record_reader import read_record
from wizard.tui.dialogs.confirm import ConfirmScreen
from wizard.tui.dialogs.decide import DecisionScreen
from wizard.tui.screens.review import ReviewScreen
from wizard.tui.screens.result import ResultScreen
from wizard.tui.widgets.result_view import ResultView


async def open_first_record(app, pilot):
    """Home → saved decisions → the first (newest) record."""
    await pilot.pause()
    await pilot.press("v")
    await pilot.pause()
    assert isinstance(app.screen, ReviewScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ResultScreen)


async def test_the_result_explains_itself(bank, store):
    path = saved_record(bank, store, "fading", "0000f00d")
    record = read_record(path, bank)
    result = record.result
    app = make_app(bank, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_record(app, pilot)
        text = widget_text(app.screen)
        assert "Recommendation:  PREPARE TO EXIT" in text
        assert bank.level("prepare_exit").summary("en") in text
        assert f"~/records/{path.name}" in text
        view = app.screen.query_one(ResultView)
        assert view.query_one("#risk-score").value == result.score
        assert len(view.query(".section-bar")) == len(result.sections)
        for principle in result.principles:
            assert bank.principles[principle].name("en") in text
        for reason in result.reasons:
            assert bank.question(reason.question).text("en") in text
        assert "If the answer to “" in text or "No single change" in text
        for warning in result.warnings:
            assert warning.text in text
        for action in result.actions:
            assert action.text in text
        assert f"Review by {result.review_date.isoformat()}." in text
        assert result.exit_plan and all(step.text in text for step in result.exit_plan)


async def test_accept_the_recommendation(bank, store, named):
    path = saved_record(bank, store, "late-payer", "0000f00d")
    app = make_app(bank, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_record(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Record the decision “Revise the terms”, as recommended?" in visible_text(app)
        await pilot.press("enter")
        await pilot.pause()
        decision = read_record(path, bank).decision
        assert (decision.level, decision.reason, decision.by, decision.at) == ("revise_terms", "", "Anna", NOW)
        assert "Decision taken: Revise the terms, recorded by Anna on 2026-11-23" in widget_text(app.screen)


async def test_the_decision_comment_and_the_status_history_are_shown(bank, store):
    """As `client-exit show` prints them: the comment under the decision, and every step of the
    record's life (who, when, which status, level, reason, comment, outcome), in both languages."""
    from datetime import timedelta

    from wizard.model.lifecycle import decide

    path = saved_record(bank, store, "late-payer", "0000f00d")
    record = decide(read_record(path, bank), "proposed", by="Anna", at=NOW)
    record = decide(record, "accepted", reason="Talked it over with Ola", outcome="New terms signed",
                    by="Ola", at=NOW + timedelta(hours=2), decision_makers=["Ola", "Piotr"],
                    consulted=["Marek"], informed=["Kasia"])
    store.update(path, record)
    app = make_app(bank, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_record(app, pilot)
        decision = str(app.screen.query_one("#decision").render())
        assert "Comment: Talked it over with Ola" in decision
        assert "Reason:" not in decision  # the recommended level needs none: the text is a comment
        assert "Revise the terms, recorded by Ola on 2026-11-23" in decision  # who wrote it down...
        assert "Decided by: Ola, Piotr · Consulted: Marek · Informed: Kasia" in decision  # ...and who decided
        assert "Outcome: New terms signed" in decision
        steps = [str(item.text) for item in app.screen.query(".history-step")]
        assert steps == [
            "2026-11-23 09:15 · proposed · Anna",
            "2026-11-23 11:15 · accepted · Ola · Revise the terms. Comment: Talked it over with Ola. "
            "Outcome: New terms signed",
        ]
        assert "Status history" in widget_text(app.screen)
        await pilot.press("f2")
        await pilot.pause()
        decision = str(app.screen.query_one("#decision").render())
        assert "Komentarz: Talked it over with Ola" in decision
        assert "Osoby decydujące: Ola, Piotr · Osoby konsultowane: Marek · Osoby poinformowane: Kasia" in decision
        assert "Historia statusów" in widget_text(app.screen)
        steps = [str(item.text) for item in app.screen.query(".history-step")]
        assert steps[0] == "2026-11-23 09:15 · zaproponowany · Anna"


async def test_no_comment_and_no_history_are_shown_when_there_are_none(bank, store, named):
    saved_record(bank, store, "late-payer", "0000f00d")
    app = make_app(bank, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_record(app, pilot)
        assert "Status history" not in widget_text(app.screen)  # never decided: no history yet
        assert not app.screen.query(".history-step")
        await pilot.press("a", "enter")  # accepted as recommended, without a comment
        await pilot.pause()
        assert "Comment" not in str(app.screen.query_one("#decision").render())
        assert [str(item.text) for item in app.screen.query(".history-step")] == [
            "2026-11-23 09:15 · accepted · Anna · Revise the terms"]


async def test_another_level_needs_a_reason(bank, store, named):
    path = saved_record(bank, store, "late-payer", "0000f00d")
    app = make_app(bank, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_record(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
        await pilot.press("down", "enter")  # prepare_exit: the reason field gets the focus
        assert app.screen.focused.id == "reason"
        await pilot.press("enter")
        assert "A different level needs a reason." in visible_text(app)
        assert read_record(path, bank).decision is None
        await pilot.press(*"They owe us too much", "enter")
        await pilot.pause()
        decision = read_record(path, bank).decision
        assert (decision.level, decision.reason, decision.by) == ("prepare_exit", "They owe us too much", "Anna")
        text = widget_text(app.screen)
        assert "Decision taken: Prepare to exit" in text and "Reason: They owe us too much" in text


async def test_propose_for_the_team_and_export_markdown(bank, store, named):
    path = saved_record(bank, store, "late-payer", "0000f00d")
    app = make_app(bank, store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_record(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert read_record(path, bank).status == "proposed"
        assert "proposed" in visible_text(app)
        app.clear_notifications()
        await pilot.press("p")  # proposed already: said so, nothing asked
        await pilot.pause()
        assert "This record is already proposed." in visible_text(app)
        await pilot.press("e")
        await pilot.pause()
        markdown = path.with_suffix(".md")
        assert markdown.read_text(encoding="utf-8").startswith("# Client assessment: Kowalski Meble")
        assert f"~/records/{markdown.name}" in widget_text(app.screen)
        assert "Markdown written" in visible_text(app)


async def test_a_failed_update_changes_nothing_and_says_why(bank, store, monkeypatch, named):
    path = saved_record(bank, store, "late-payer", "0000f00d")

    def read_only(path, record, **options):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(store, "update", read_only)
    app = make_app(bank, store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_record(app, pilot)
        await pilot.press("p", "enter")
        await pilot.pause()
        assert "Read-only file system" in visible_text(app)
        assert app.screen.record.status == "draft"
        assert read_record(path, bank).status == "draft"


async def test_a_record_made_in_english_reads_in_polish(bank, store):
    saved_record(bank, store, "fading", "0000f00d")
    app = make_app(bank, store, lang="pl")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_record(app, pilot)
        text = widget_text(app.screen)
        record = app.screen.record
        assert record.language == "en"
        assert record.result.actions_for_exit  # an exit level: the actions are steps of leaving

        def polish(action):
            return bank.question(action.id).exit_action("pl")

        for action in record.result.actions:
            assert polish(action) in text
            assert action.text not in text
        assert "PRZYGOTUJ ROZSTANIE" in text
        await pilot.press("e")  # the export is in the language on screen too
        await pilot.pause()
        exported = app.screen.path.with_suffix(".md").read_text(encoding="utf-8")
        assert record.result.actions[0].text not in exported
        assert polish(record.result.actions[0]) in exported


async def test_names_in_the_list_keep_brackets(bank, store):
    """Client names are data, never markup."""
    draft = saved_draft(bank, store, {"late_payments": 4}, client="[b]Acme[/b] Ltd", record_id="0000abcd")
    draft.finish("en", NOW)
    app = make_app(bank, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_record(app, pilot)
        assert "[b]Acme[/b] Ltd" in visible_text(app)


async def test_the_view_of_a_record_without_a_result(bank):
    """A record with no result (an unfinished draft read as a record) says so."""
    from textual.app import App

    from wizard.model.records import DecisionRecord
    from wizard.tui.widgets.result_view import ResultView

    record = DecisionRecord(id="0000abcd", client="K", created=NOW, language="en", bank_version="1.0.0")

    class Host(App):
        def compose(self):
            yield ResultView(record, bank, "en", id="view")

    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "This record has no result yet" in visible_text(app)
        app.query_one(ResultView).lang = "pl"
        await pilot.pause()
        assert "Ten zapis nie ma jeszcze wyniku" in visible_text(app)
