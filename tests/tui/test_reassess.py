"""Reassess (`n` on a record, `client-exit new --from`): the earlier answers are carried over,
marked, confirmed with Enter or answered again; the accepted new record supersedes the old one."""

from __future__ import annotations

from tests.tui.support import NOW, make_app, saved_record, widget_text
from wizard.storage.record_reader import read_record
from wizard.storage.settings import save_name, user_name
from wizard.tui.dialogs.confirm import ConfirmScreen
from wizard.tui.dialogs.overview import OverviewScreen
from wizard.tui.screens.questionnaire import QuestionnaireScreen
from wizard.tui.screens.result import ResultScreen
from wizard.tui.dialogs.whoami import WhoAmIScreen


async def test_reassess_from_the_record_screen_carries_answers_over(bank, store):
    save_name("Marek")
    path = saved_record(bank, store, "late-payer", "0000f00d", days_ago=90)
    earlier = read_record(path, bank)
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionnaireScreen)
        draft = screen.draft
        assert draft.record.client == earlier.client and draft.record.assessor == "Marek"
        first = draft.questions[screen.index]
        assert first.id == next(q.id for q in bank.questions if q.id in earlier.answers)
        date = f"{earlier.created.date():%Y-%m-%d}"
        assert f"carried over from the assessment of {date}. Enter keeps it, or answer again." in widget_text(screen)
        await pilot.press("enter")  # keep it
        await pilot.pause()
        assert draft.record.prefilled[first.id].state == "kept"
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert "carried over, to confirm" in widget_text(app.screen)
        await pilot.press("escape")
        await pilot.press("f")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        await pilot.press("tab", "enter") if dialog.focused.id == "no" else None
        await pilot.pause()
        if isinstance(app.screen, ConfirmScreen):  # the open questions first, then the carried ones
            app.screen.dismiss(True)
            await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        new_path = app.screen.path
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    newer, older = read_record(new_path, bank), read_record(path, bank)
    assert newer.status == "accepted" and newer.supersedes == (earlier.id,)
    assert older.status == "superseded" and older.superseded_by == (newer.id,)
    assert newer.status_history[-1].by == "Marek" and older.status_history[-1].by == "Marek"


async def test_a_decision_asks_who_you_are_once_and_never_guesses(bank, store):
    path = saved_record(bank, store, "late-payer", "0000f00d")
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")  # confirm the level
        await pilot.pause()
        assert isinstance(app.screen, WhoAmIScreen)
        await pilot.press("escape")  # nobody named: nothing is written
        await pilot.pause()
        assert read_record(path, bank).status == "draft"
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Ola", "enter")
        await pilot.pause()
    record = read_record(path, bank)
    assert record.status == "accepted" and record.decision.by == "Ola" and record.assessor != "Ola"
    assert user_name() == "Ola"


async def test_new_from_opens_the_reassessment(bank, store):
    path = saved_record(bank, store, "fading", "0000f00d", days_ago=90)
    app = make_app(bank, store, command="new", from_record=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # No name set yet: the names screen asks for it, with the client filled in.
        await pilot.press(*"Anna", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionnaireScreen)
        assert app.screen.draft.carried_from == ("0000f00d",)
        assert app.screen.draft.record.created == NOW
    assert user_name() == "Anna"
