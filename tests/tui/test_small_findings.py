"""The smaller findings of issue 12: a key that does nothing says why, and a message asking for
both names goes once both are there."""

from __future__ import annotations

from tests.tui.support import make_app, widget_text
from wizard.tui.screens.names import NamesScreen
from wizard.tui.screens.questionnaire import QuestionnaireScreen
from wizard.tui.widgets.answer_options import AnswerOptions


async def test_the_names_hint_goes_once_both_names_are_given(bank, store):
    app = make_app(bank, store, command="new")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NamesScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert "Please give both names." in widget_text(app.screen)
        await pilot.press(*"Acme", "tab", *"Ola")
        await pilot.pause()
        assert "Please give both names." not in widget_text(app.screen)


async def test_enter_with_no_option_highlighted_says_which_keys_answer(bank, store):
    app = make_app(bank, store, command="new", client="Acme", assessor="Ola")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionnaireScreen)
        options = screen.query_one(AnswerOptions)
        assert options.highlighted is None  # a fresh question: nothing picked yet
        await pilot.press("enter")
        await pilot.pause()
        hint = str(screen.query_one("#hint").render())
        assert "The key “Enter” does nothing here." in hint and "Press 0–4" in hint
        assert screen.index == 0 and not screen.draft.record.answers
