"""The questionnaire driven by keys: answer, go back, skip, note, jump, resume, finish and save."""

from __future__ import annotations

import errno

from textual.widgets import Input, Static

from tests.tui.support import answer_all, example, keys_for, make_app, saved_draft, visible_text
from wizard.storage.record_reader import read_record
from wizard.tui.dialogs.confirm import ConfirmScreen
from wizard.tui.screens.names import NamesScreen
from wizard.tui.dialogs.note import NoteScreen
from wizard.tui.dialogs.overview import OverviewScreen
from wizard.tui.screens.questionnaire import QuestionnaireScreen
from wizard.tui.screens.result import ResultScreen


def draft_file(store):
    files = sorted(store.drafts.glob("*.toml"))
    assert len(files) == 1, files
    return files[0]


def on_disk(store, bank):
    return read_record(draft_file(store), bank)


async def test_new_with_both_names_shows_the_first_question_at_once(bank, store):
    app = make_app(bank, store, command="new", client="Kowalski Meble", assessor="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionnaireScreen)
        text = visible_text(app)
        assert f"Question 1 of {len(bank.questions)} · Payments and contract" in text
        assert bank.questions[0].text("en") in text
        assert "Kowalski Meble · assessed by Anna" in text
        # The draft exists before the first answer: even the names are never lost.
        record = on_disk(store, bank)
        assert (record.client, record.assessor, record.status) == ("Kowalski Meble", "Anna", "draft")


async def test_only_the_missing_name_is_asked_for(bank, store):
    app = make_app(bank, store, command="new", client="Kowalski Meble")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NamesScreen)
        assert app.screen.query_one("#client", Input).value == "Kowalski Meble"
        assert app.screen.focused.id == "assessor"
        await pilot.press("enter")  # empty assessor: refused, with a message
        assert isinstance(app.screen, NamesScreen)
        assert "Please give both names." in visible_text(app)
        await pilot.press(*"Anna", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionnaireScreen)
        assert on_disk(store, bank).assessor == "Anna"


async def test_every_kind_of_answer_by_keys_is_saved_at_once(bank, store):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")  # scale: the digit picks and moves on
        assert on_disk(store, bank).answers == {"late_payments": 3}
        await pilot.press("3")  # choice, numbered from 1
        await pilot.press("n")  # yes/no by letter
        assert on_disk(store, bank).answers == {
            "late_payments": 3, "late_payments_trend": "worsening", "payment_terms_enforced": False,
        }
        screen = app.screen
        await pilot.press("down", "down", "enter")  # Enter confirms the highlighted option
        assert on_disk(store, bank).answers["contract_breaches"] == 1
        screen.show(bank.questions.index(bank.question("revenue_share")))
        await pilot.pause()
        await pilot.press("1", "2", "0", "enter")  # a percent above 100: refused inline
        assert "“120” is more than 100. Allowed: a number from 0 to 100, e.g. 40 or 12.5." in visible_text(app)
        assert screen.question.id == "revenue_share"
        assert "revenue_share" not in on_disk(store, bank).answers
        await pilot.press("backspace", "backspace", "enter")
        assert on_disk(store, bank).answers["revenue_share"] == 1
        screen.show(bank.questions.index(bank.question("relationship_years")))
        await pilot.pause()
        await pilot.press("2", "comma", "5", "enter")  # a decimal comma works too
        assert on_disk(store, bank).answers["relationship_years"] == 2.5


async def test_back_keeps_the_earlier_answer_and_skip_is_recorded(bank, store):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("2", "s")
        assert screen.question.id == "payment_terms_enforced"
        record = on_disk(store, bank)
        assert record.skipped == ("late_payments_trend",)
        await pilot.press("b")
        assert screen.question.id == "late_payments_trend"
        assert "don't know (skipped)" in visible_text(app)
        await pilot.press("b")
        assert screen.question.id == "late_payments"
        assert "Your answer: 2 · sometimes" in visible_text(app)
        await pilot.press("right")  # forward over an answered question, nothing changes
        assert screen.question.id == "late_payments_trend"
        await pilot.press("1")  # answering a skipped question takes it off the skipped list
        record = on_disk(store, bank)
        assert record.answers == {"late_payments": 2, "late_payments_trend": "improving"}
        assert record.skipped == ()


async def test_back_from_the_first_question_edits_the_names(bank, store):
    app = make_app(bank, store, command="new", client="Kowalsky", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, NamesScreen)
        app.screen.query_one("#client", Input).value = "Kowalski Meble"
        await pilot.press("enter")  # moves to the assessor field
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionnaireScreen)
        assert on_disk(store, bank).client == "Kowalski Meble"


async def test_a_note_is_added_to_the_current_answer(bank, store):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"May unpaid", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionnaireScreen)
        assert on_disk(store, bank).notes == {"late_payments": "May unpaid"}
        assert "Note: May unpaid" in visible_text(app)
        await pilot.press("a")  # editing it to nothing removes it
        await pilot.pause()
        app.screen.query_one("#note", Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert on_disk(store, bank).notes == {}


async def test_overview_shows_status_and_jumps(bank, store):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("4", "s", "o")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        text = visible_text(app)
        assert f"1 answered · 1 don't know · {len(bank.questions) - 2} open" in text
        # Jump to question 10 (revenue_share): the list starts with names and a section title.
        await pilot.press(*["down"] * 8, "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionnaireScreen)
        assert app.screen.question.id == bank.questions[10].id
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.question.id == bank.questions[10].id


async def test_resume_an_interrupted_draft_where_it_stopped(bank, store):
    sheet = example("late-payer", bank)
    first_five = {q.id: sheet.answers[q.id] for q in bank.questions[:5] if q.id in sheet.answers}
    saved_draft(bank, store, first_five, skipped=("contract_breaches",), record_id="0000beef")
    app = make_app(bank, store, command="resume", draft=draft_file(store))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionnaireScreen)
        assert screen.question.id == "renegotiation"  # the first open question
        assert screen.draft.record.answers == first_five
        await pilot.press("b")
        assert "don't know (skipped)" in visible_text(app)


async def test_finish_saves_the_record_and_only_then_removes_the_draft(bank, store):
    sheet = example("late-payer", bank)
    app = make_app(bank, store, command="new", client=sheet.client, assessor=sheet.assessor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await answer_all(pilot, bank, sheet.answers)
        assert isinstance(app.screen, ConfirmScreen)
        assert _standing_out(app.screen) == "yes"  # all answered: Enter shows the result
        assert draft_file(store).exists()  # still there until the record is written
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        records = store.paths()
        assert len(records) == 1
        record = read_record(records[0], bank)
        assert record.answers == sheet.answers
        assert set(record.skipped) == {q.id for q in bank.questions} - set(sheet.answers)
        assert record.status == "draft" and record.result is not None
        assert record.created.isoformat() == "2026-11-23T09:15:00+01:00"
        assert list(store.drafts.glob("*.toml")) == []
        assert records[0].name in visible_text(app) or records[0].name in str(app.screen.path)


async def test_finishing_with_open_questions_asks_first(bank, store):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "f")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        # The dialog names the first open questions, by number and text, and how many more.
        open_count = len(bank.questions) - 1
        assert f"{open_count} questions are still open:" in visible_text(app)
        items = [str(item.render()) for item in app.screen.query(".confirm-item")]
        assert items == [*(f"{n}. {bank.questions[n - 1].text('en')}" for n in (2, 3, 4)), f"and {open_count - 3} more"]
        assert "2. Is the client paying late more often than before?" in visible_text(app)  # short: whole
        assert _standing_out(app.screen) == "no"  # the default is "not yet", and it looks it
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionnaireScreen)
        assert store.paths() == []


def _standing_out(dialog: ConfirmScreen) -> str:
    """The dialog's button that Enter presses, which must also be the one drawn as primary."""
    from textual.widgets import Button

    primary = [button.id for button in dialog.query(Button) if button.variant == "primary"]
    assert primary == [dialog.focused.id]
    return dialog.focused.id


async def test_the_last_answer_leads_to_the_first_open_question(bank, store):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.show(len(bank.questions) - 1)
        await pilot.press("y")
        await pilot.pause()
        assert screen.question.id == bank.questions[0].id
        toasts = [notification.message for notification in app._notifications]
        assert f"{len(bank.questions) - 1} questions are still open: here is the first." in toasts


async def test_a_full_disk_keeps_the_answers_and_allows_a_retry(bank, store, monkeypatch):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        real_save = store.save_draft

        def full(record):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(store, "save_draft", full)
        await pilot.press("3", "1")
        await pilot.pause()
        screen = app.screen
        assert screen.draft.record.answers == {"late_payments": 3, "late_payments_trend": "improving"}
        assert "not saved: No space left on device" in visible_text(app)
        assert "Your answers could not be saved" in visible_text(app)
        assert on_disk(store, bank).answers == {}
        for key in ("escape", "ctrl+q"):  # leaving now would lose answers: asked first, "no" by default
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            assert "not saved (No space left on device). Leave anyway?" in visible_text(app)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is screen and app.is_running
        monkeypatch.setattr(store, "save_draft", real_save)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert on_disk(store, bank).answers == {"late_payments": 3, "late_payments_trend": "improving"}
        assert "answers saved" in str(screen.query_one("#save-state", Static).render())


async def test_a_record_that_cannot_be_written_is_offered_again(bank, store, monkeypatch):
    sheet = example("abusive", bank)
    last = bank.questions[-1]
    saved_draft(bank, store, {k: v for k, v in sheet.answers.items() if k != last.id},
                skipped=tuple(q.id for q in bank.questions[:-1] if q.id not in sheet.answers))
    app = make_app(bank, store, command="resume", draft=draft_file(store))
    real_save = store.save_new

    def read_only(record):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(store, "save_new", read_only)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.question.id == last.id
        await pilot.press(*keys_for(last, sheet.answers.get(last.id)))
        await pilot.press("enter")  # confirm: see the result
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Read-only file system" in visible_text(app)
        assert draft_file(store).exists()
        monkeypatch.setattr(store, "save_new", real_save)
        await pilot.press("enter")  # try again
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert len(store.paths()) == 1
        assert read_record(store.paths()[0], bank).answers == sheet.answers
        assert list(store.drafts.glob("*.toml")) == []


async def test_escape_goes_home_and_the_draft_is_listed(bank, store):
    app = make_app(bank, store, command="new", client="Kowalski Meble", assessor="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "escape")
        await pilot.pause()
        text = visible_text(app)
        assert "Unfinished assessments" in text
        assert "Kowalski Meble" in text and f"1 of {len(bank.questions)}" in text
        await pilot.press("r")  # one draft: resumes it at once
        await pilot.pause()
        assert isinstance(app.screen, QuestionnaireScreen)
        assert app.screen.question.id == bank.questions[1].id


def test_keys_for_every_kind(bank):
    kinds = {q.kind: q for q in bank.questions}
    assert keys_for(kinds["scale"], 3) == ["3"]
    assert keys_for(kinds["bool"], False) == ["n"]
    assert keys_for(kinds["percent"], 2.5) == ["2", "full_stop", "5", "enter"]


def test_finishing_again_after_a_kill_between_record_and_draft_removal(bank, store, monkeypatch):
    """Killed after the record was written but before the draft was removed: resuming and
    finishing again gives the same record, not a second one."""
    from tests.tui.support import NOW

    draft = saved_draft(bank, store, {"late_payments": 4}, record_id="0000beef")
    with monkeypatch.context() as patch:
        patch.setattr(store, "delete_draft", lambda record_id: None)  # "killed" right here
        first_path, _ = draft.finish("en", NOW)
    assert draft_file(store).exists()
    again = type(draft).open(bank, store, draft_file(store))
    path, record = again.finish("en", NOW)
    assert path == first_path and store.paths() == [first_path]
    assert record.answers == {"late_payments": 4}
    assert list(store.drafts.glob("*.toml")) == []


async def test_every_footer_key_fits_at_80_columns_after_a_failed_save(bank, store, monkeypatch):
    """A failed save adds "^s save" to the footer: every key shown must still fit, in both
    languages, so none is cut off at the right edge."""

    def full(record):
        raise OSError(errno.ENOSPC, "No space left on device")

    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(store, "save_draft", full)
        await pilot.press("3")
        await pilot.pause()
        for lang in ("en", "pl"):
            keys = list(app.screen.query("FooterKey"))
            assert "save" in [key.action for key in keys]
            footer = visible_text(app).splitlines()[-1]
            for key in keys:
                assert key.region.width and key.region.right <= 80, (lang, key.key, key.description)
                assert f"{key.key_display} {key.description}" in footer, (lang, footer)
            await pilot.press("f2")
            await pilot.pause()
