"""The QA review's findings, each driven by keys: number input never silently changed, the record
screen at 80×24, keys typed before a screen was shown, the theme toast, hints for keys that do
nothing, the open questions named, the overview, "next open question", refusals before dialogs."""

from __future__ import annotations

import re

from textual import events
from textual.widgets import Input, OptionList, Static

from tests.tui.review_data import path_of
from tests.tui.support import make_app, saved_draft, visible_text
from wizard.cli.demo_folder import KOWALSKI
from wizard.storage.record_reader import read_record
from wizard.tui.dialogs.confirm import ConfirmScreen
from wizard.tui.dialogs.note import NoteScreen
from wizard.tui.dialogs.overview import OverviewScreen
from wizard.tui.screens.questionnaire import QuestionnaireScreen
from wizard.tui.screens.result import ResultScreen

LONG_CLIENT = "Przedsiębiorstwo Handlowo-Usługowe Kowalski i Wspólnicy Sp. z o.o."


def index_of(bank, question_id: str) -> int:
    return [q.id for q in bank.questions].index(question_id)


def toasts(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def hint(app) -> str:
    return str(app.screen.query_one("#hint", Static).render())


def error_line(app) -> str:
    return str(app.screen.query_one("#number-error", Static).render())


async def questionnaire(pilot, app, index: int | None = None):
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, QuestionnaireScreen)
    if index is not None:
        screen.show(index)
        await pilot.pause()
    return screen


# (1) Numbers: what is typed stays typed; a wrong value is refused visibly, and not saved -------


async def test_a_minus_sign_is_kept_and_refused_with_what_is_allowed(bank, store):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await questionnaire(pilot, app, index_of(bank, "revenue_share"))
        await pilot.press("minus", "5")
        field = screen.query_one("#number", Input)
        assert field.value == "-5"  # not silently 5
        message = "“-5” is less than 0. Allowed: a number from 0 to 100, e.g. 40 or 12.5."
        assert error_line(app) == message
        await pilot.press("enter")
        await pilot.pause()
        assert screen.question.id == "revenue_share"  # not confirmed
        assert "revenue_share" not in screen.draft.record.answers
        assert message in visible_text(app)
        await pilot.press("home", "delete", "enter")  # "5" is fine
        await pilot.pause()
        assert screen.draft.record.answers["revenue_share"] == 5


async def test_letters_typed_into_a_number_stay_there_and_are_explained(bank, store):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await questionnaire(pilot, app, index_of(bank, "notice_period_days"))
        field = screen.query_one("#number", Input)
        await pilot.press("3", "0", "space", "d", "a", "y", "s")  # "s" and "a" are keys of the screen
        assert field.value == "30 days"  # ... but once typing has begun, the field takes them
        assert isinstance(app.screen, QuestionnaireScreen) and screen.question.id == "notice_period_days"
        assert error_line(app) == "“30 days” is not a number. Allowed: a number of 0 or more, e.g. 30 or 2.5."
        await pilot.press("enter")
        assert "notice_period_days" not in screen.draft.record.answers
        field.value = ""
        await pilot.press("e")  # an empty field: a letter that is no key of the screen is shown too
        assert field.value == "e"
        assert error_line(app).startswith("“e” is not a number.")
        field.value = ""
        await pilot.press("enter")
        assert error_line(app).startswith("Nothing is typed yet. Allowed:")
        await pilot.press("s")  # with the field empty, s is "don't know" again
        await pilot.pause()
        assert "notice_period_days" in screen.draft.record.skipped


async def test_number_messages_in_polish(bank, store):
    app = make_app(bank, store, "pl", command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        await questionnaire(pilot, app, index_of(bank, "revenue_share"))
        await pilot.press("1", "2", "0")
        assert error_line(app) == "„120” to więcej niż 100. Dozwolona jest liczba od 0 do 100, np. 40 albo 12,5."


# (5) The record screen at 80×24: a long client name is cut, the assessor and date stay, keys in the footer


async def test_record_header_at_80_by_24_with_a_long_client_name(bank, store):
    draft = saved_draft(bank, store, {"late_payments": 3}, client=LONG_CLIENT, assessor="Anna Wiśniewska")
    path, _ = draft.finish("en", draft.record.created)
    app = make_app(bank, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_record(path)
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        lines = visible_text(app).splitlines()
        header, footer = lines[0], lines[-1]
        assert header.startswith(" Client assessment: Przedsiębiorst")
        assert "…  Anna Wiśniewska · 2026-11-23 09:15 · draft" in header  # cut, then a gap
        # e (export) and h (history) stay out of the footer to make room for n (reassess); the
        # palette offers both.
        for key in ("a accept", "o other level", "p propose", "f feedback", "t team", "n reassess", "f1 help"):
            assert key in footer, key
        assert not app.screen.query("#record-keys")
        await pilot.press("f2")
        await pilot.pause()
        footer = visible_text(app).splitlines()[-1]
        assert footer.rstrip().endswith("t zespół n nowa ocena f1 pomoc")  # every key fits in Polish too


# (7) Keys typed before a screen was shown never act on it -------------------------------------


async def test_keys_typed_while_the_finish_dialog_closes_do_not_become_a_note(bank, store):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await questionnaire(pilot, app)
        await pilot.press("2", "f")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        typed_meanwhile = [events.Key(k, k) for k in "axy"]  # read while the dialog is still shown
        await pilot.press("enter")  # "not yet"
        await pilot.pause()
        for key in typed_meanwhile:  # handled only after the dialog has gone
            app.post_message(key)
            await pilot.pause()
        assert app.screen is screen
        assert screen.draft.record.notes == {}
        await pilot.press("a", *"ok")  # typed now: they work
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        assert app.screen.query_one("#note", Input).value == "ok"


async def test_keys_typed_before_a_dialog_appeared_do_not_press_its_buttons_or_fill_a_field(bank, store):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await questionnaire(pilot, app, index_of(bank, "revenue_share"))
        typed_before = [events.Key("enter", "\r")]
        await pilot.press("f")
        await pilot.pause()
        app.post_message(typed_before[0])
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # the stray Enter pressed no button
        early_digits = [events.Key(k, k) for k in "42"]
        await pilot.press("escape")
        await pilot.pause()
        for key in early_digits:
            app.post_message(key)
            await pilot.pause()
        assert screen.query_one("#number", Input).value == ""


# (16) The theme toast names the theme in the app's language ------------------------------------


async def test_theme_toast_is_translated(bank, store):
    app = make_app(bank, store, "pl")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert toasts(app) == ["Motyw: jasny"]
        await pilot.press("f2", "f3")
        await pilot.pause()
        assert "Theme: dark" in toasts(app)
        assert not any("textual" in toast for toast in toasts(app))


# UX: keys that do nothing, the open questions named, the overview, next open, refusals ---------


async def test_a_key_that_does_nothing_says_which_keys_do(bank, store):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await questionnaire(pilot, app)
        await pilot.press("7")  # outside the scale 0–4
        assert screen.question.id == bank.questions[0].id
        expected = ("The key “7” does nothing here. Press 0–4 to answer, or ↑↓ and Enter. "
                    "The other keys are in the bar below; F1 lists them all.")
        assert hint(app) == expected
        assert screen.query_one("#hint").has_class("-unbound")
        await pilot.press("2")  # an answer: the next question, its plain hint again
        assert hint(app) == "Press 1–3 to answer, or ↑↓ and Enter."
        await pilot.press("x")
        assert hint(app).startswith("The key “x” does nothing here. Press 1–3 to answer")
        await pilot.press("y")  # yes/no keys do nothing on a choice
        assert hint(app).startswith("The key “y” does nothing here.")


async def test_the_key_hint_in_polish(bank, store):
    app = make_app(bank, store, "pl", command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        await questionnaire(pilot, app)
        await pilot.press("9")
        assert hint(app) == ("Klawisz „9” nic tu nie robi. Naciśnij 0–4, aby odpowiedzieć, albo ↑↓ i Enter. "
                             "Pozostałe klawisze są na pasku poniżej; F1 pokazuje wszystkie.")


async def test_the_finish_dialog_names_the_open_questions_in_polish(bank, store):
    app = make_app(bank, store, "pl", command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await questionnaire(pilot, app)
        for index in range(3, len(bank.questions) - 1):  # all but questions 1, 2, 3 and the last
            screen.draft.skip(bank.questions[index].id)
        await pilot.press("3", "f")
        await pilot.pause()
        text = visible_text(app)
        assert "3 pytania nie mają odpowiedzi:" in text
        items = [str(item.render()) for item in app.screen.query(".confirm-item")]
        last = len(bank.questions)
        assert items == [f"2. {bank.questions[1].text('pl')}", f"3. {bank.questions[2].text('pl')}",
                         f"{last}. {bank.questions[-1].text('pl')}"]
        assert "Zostaną zapisane jako „nie wiem”" in text
        await pilot.press("escape", "2", "f")  # two open now
        await pilot.pause()
        assert "2 pytania nie mają odpowiedzi:" in visible_text(app)
        await pilot.press("escape", "1", "f")
        await pilot.pause()
        text = visible_text(app)
        assert "1 pytanie nie ma odpowiedzi:" in text and "Zostanie zapisane jako" in text


async def test_the_finish_dialog_says_how_many_more_in_polish(bank, store):
    app = make_app(bank, store, "pl", command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await questionnaire(pilot, app)
        for index in range(1, len(bank.questions) - 4):  # five open: three named, two more
            screen.draft.skip(bank.questions[index].id)
        await pilot.press("f")
        await pilot.pause()
        items = [str(item.render()) for item in app.screen.query(".confirm-item")]
        assert items[-1] == "i jeszcze 2 inne"
        assert "5 pytań nie ma odpowiedzi:" in visible_text(app)


async def test_the_overview_shows_whole_questions_around_the_current_one(bank, store):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        current = 24
        await questionnaire(pilot, app, current)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        options = app.screen.query_one("#overview-list", OptionList)
        assert options.get_option_at_index(options.highlighted).id == f"q{current}"
        # The whole question is on screen, wrapped under itself: nothing cut off.
        shown = " ".join(re.sub(r"[│▁▂▃▄▅▆▇█]", " ", visible_text(app)).split())
        assert " ".join(bank.questions[current].text("en").split()) in shown
        assert "…" not in shown
        # The cursor is in the middle of the list, not at its edge: questions before and after it.
        rows = [y for y, (index, _) in enumerate(options._lines) if index == options.highlighted]
        top = options.scroll_offset.y
        assert top + 2 <= rows[0] and rows[-1] <= top + options.scrollable_content_region.height - 3


async def test_u_goes_to_the_next_open_question(bank, store):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await questionnaire(pilot, app)
        await pilot.pause()  # the footer is drawn after the first frame
        assert "u next open" in visible_text(app).splitlines()[-1]
        for index in (1, 2, 4):
            screen.draft.skip(bank.questions[index].id)
        screen.draft.answer(bank.questions[0].id, 1)
        await pilot.press("u")  # from question 1 (answered): 2, 3 are skipped → question 4
        assert screen.index == 3
        await pilot.press("u")  # 5 is skipped → 6
        assert screen.index == 5
        screen.show(len(bank.questions) - 1)
        await pilot.press("u")  # wraps round to the first open one
        assert screen.index == 3
        for question in bank.questions:
            if screen.draft.status(question.id) == "open" and question.id != bank.questions[3].id:
                screen.draft.skip(question.id)
        await pilot.press("u")
        assert screen.index == 3 and "This is the only open question." in toasts(app)
        await pilot.press("s")  # the last open one: none is left
        await pilot.pause()
        app.clear_notifications()
        if isinstance(app.screen, ConfirmScreen):  # answering the last one offers to finish
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("u")
        assert "All questions are done. Press f to see the result." in toasts(app)


async def test_accept_on_a_superseded_record_is_refused_before_the_dialog(bank, store, demo):
    path, _ = path_of(store, demo, KOWALSKI, 0)
    assert read_record(path, bank).status == "superseded"
    app = make_app(bank, store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.open_record(path)
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)  # no "Record the decision?" first
        assert any("superseded" in toast for toast in toasts(app))


async def test_answers_typed_faster_than_the_screen_follows_go_to_their_own_questions(bank, store):
    """Digits read in one burst (as a fast typist or a paste sends them): each answers the next
    question in turn, and none is applied to a question it was not meant for."""
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await questionnaire(pilot, app)
        for key in "311":  # scale, then two choices, all queued before the first is handled
            app.post_message(events.Key(key, key))
        await pilot.pause()
        first, second, third = bank.questions[:3]
        assert screen.draft.record.answers == {first.id: 3, second.id: second.options[0],
                                               third.id: third.choices()[0]}
        assert screen.index == 3
