"""The main path by mouse: home, names, every question, the result, the decision."""

from __future__ import annotations

from tests.tui.support import example, keys_for, make_app
from wizard.storage.record_reader import read_record
from wizard.tui.dialogs.confirm import ConfirmScreen
from wizard.tui.screens.names import NamesScreen
from wizard.tui.screens.questionnaire import QuestionnaireScreen
from wizard.tui.screens.result import ResultScreen
from wizard.tui.widgets.answer_options import AnswerOptions


async def click_footer_key(pilot, action: str) -> None:
    key = next(k for k in pilot.app.screen.query("FooterKey") if k.action == action)
    await pilot.click(key)
    await pilot.pause()


async def test_main_path_by_mouse(bank, store):
    sheet = example("fading", bank)
    app = make_app(bank, store)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        await pilot.click("#menu", offset=(10, 0))  # "Start a new assessment"
        await pilot.pause()
        assert isinstance(app.screen, NamesScreen)
        await pilot.click("#client")
        await pilot.press(*sheet.client)
        await pilot.click("#assessor")
        await pilot.press(*sheet.assessor)
        await pilot.click("#start")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionnaireScreen)

        for question in bank.questions:
            value = sheet.answers.get(question.id)
            if value is None:
                await click_footer_key(pilot, "skip")
            elif question.kind in ("percent", "number"):
                await pilot.click("#number")
                await pilot.press(*keys_for(question, value))  # numbers are typed
            else:
                options = screen.query_one(AnswerOptions)
                row = next(i for i, (_, v, _) in enumerate(options.choices) if v == value and type(v) is type(value))
                await pilot.click(options, offset=(6, row))

        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        [path] = store.paths()
        assert read_record(path, bank).answers == sheet.answers

        await click_footer_key(pilot, "accept")
        await pilot.click("#yes")
        await pilot.pause()
        record = read_record(path, bank)
        assert record.decision is not None and record.decision.level == record.result.level
