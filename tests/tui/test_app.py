"""The app around the screens: languages, themes, palette, help, sizes, the command line, SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta

import pytest
from textual.command import CommandPalette

from tests.tui.support import NOW, ROOT, make_app, saved_draft, saved_record, visible_text
from wizard.storage.record_reader import read_record
from wizard.cli.main import main as cli_main
from wizard.model.problems import NoSuchRecord
from wizard.tui.dialogs.help import HelpScreen
from wizard.tui.dialogs.note import NoteScreen
from wizard.tui.screens.questionnaire import QuestionnaireScreen
from wizard.tui.screens.result import ResultScreen


async def test_f2_switches_every_screen_in_the_stack(bank, store):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")  # a modal on top of the questionnaire
        await pilot.pause()
        await pilot.press(*"abc")
        await pilot.press("f2")
        await pilot.pause()
        assert app.lang == "pl"
        assert isinstance(app.screen, NoteScreen)
        assert "Notatka do odpowiedzi" in visible_text(app)
        assert app.screen.query_one("#note").value == "abc"  # typing survives the switch
        await pilot.press("escape")
        await pilot.pause()
        text = visible_text(app)
        assert f"Pytanie 1 z {len(bank.questions)} · Płatności i umowa" in text
        assert bank.questions[0].text("pl") in text
        assert "nie wiem" in text  # the footer too
        await pilot.press("f2")
        await pilot.pause()
        assert f"Question 1 of {len(bank.questions)}" in visible_text(app)


async def test_the_palette_offers_the_apps_commands_in_its_language(bank, store):
    app = make_app(bank, store, lang="pl")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        text = visible_text(app)
        assert "Szukaj poleceń" in text
        assert "Zmień język: English" in text
        await pilot.press(*"Zmie", "enter")
        await pilot.pause()
        assert app.lang == "en"


async def test_themes_include_a_light_one(bank, store):
    app = make_app(bank, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.current_theme.dark
        await pilot.press("f3")
        await pilot.pause()
        assert not app.current_theme.dark


async def test_help_opens_and_closes(bank, store):
    app = make_app(bank, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in ("f1", "question_mark"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert "don't know: skip" in "".join(
                str(w.render()) for w in app.screen.query(".key-text"))
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen)


async def test_ctrl_q_quits(bank, store):
    app = make_app(bank, store, command="new", client="K", assessor="A")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_every_screen_at_60_by_20(bank, store):
    """Cramped, but nothing breaks (120×40 is covered by the result test and the screenshots)."""
    saved_record(bank, store, "fading", "0000f00d")
    saved_draft(bank, store, {"late_payments": 2})
    app = make_app(bank, store, command="new", client="Kowalski Meble", assessor="Anna")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        for index in (0, 1, 2, 9):  # scale, choice, yes/no, percent
            screen.show(index)
            await pilot.pause()
        for keys in (["a"], ["o"], ["f"], ["f1"]):
            await pilot.press(*keys)
            await pilot.pause()
            assert app.screen is not screen
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("escape")  # home
        await pilot.pause()
        await pilot.press("v", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("escape", "end")
        await pilot.pause()


def find_draft(store, ref, bank):
    return store.find(ref, bank, drafts=True)


def test_find_draft_by_id_prefix_path_or_newest(bank, store):
    with pytest.raises(NoSuchRecord) as error:
        find_draft(store, None, bank)
    assert error.value.kind == "none"
    older = saved_draft(bank, store, {}, record_id="0000aaaa", created=NOW - timedelta(days=1))
    newer = saved_draft(bank, store, {}, record_id="0000bbbb", created=NOW)
    assert find_draft(store, None, bank) == store.draft_path(newer.record.id)
    assert find_draft(store, "0000a", bank) == store.draft_path(older.record.id)
    assert find_draft(store, str(store.draft_path("0000bbbb")), bank) == store.draft_path("0000bbbb")
    for ref, kind in (("0000", "several"), ("ffff", "id"), ("nowhere/x.toml", "file")):
        with pytest.raises(NoSuchRecord) as error:
            find_draft(store, ref, bank)
        assert error.value.kind == kind


def test_resume_without_a_draft_fails_clearly(store, capsys):
    """Said by the command line before any screen opens (wizard/cli/launch.py)."""
    code = cli_main(["resume", "--records-dir", str(store.root), "--lang", "en"])
    assert code == 1
    assert "there is no unfinished assessment to resume" in capsys.readouterr().err
    code = cli_main(["resume", "abc", "--records-dir", str(store.root), "--lang", "pl"])
    assert code == 1
    assert "nie ma niedokończonej oceny o takim identyfikatorze" in capsys.readouterr().err


async def test_resume_from_the_command_line_opens_the_newest_draft(bank, store):
    saved_draft(bank, store, {"late_payments": 1, "late_payments_trend": "stable"})
    path = find_draft(store, None, bank)
    app = make_app(bank, store, command="resume", draft=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionnaireScreen)
        assert app.screen.question.id == "payment_terms_enforced"


KILLED_RUN = textwrap.dedent("""
    import asyncio, os, signal, sys
    from wizard.storage.bank_files import load_default
    from wizard.storage.store import RecordStore
    from tests.tui.support import make_app

    async def main():
        bank = load_default()
        app = make_app(bank, RecordStore(sys.argv[1]), command="new", client="Kowalski Meble", assessor="Anna")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3", "3", "n", "a", *"May", "enter", "s")
            await pilot.pause()
            os.kill(os.getpid(), signal.SIGKILL)  # no clean-up, no exit handlers

    asyncio.run(main())
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
async def test_sigkill_loses_nothing_already_answered(bank, store, tmp_path):
    records = tmp_path / "killed"
    process = subprocess.run([sys.executable, "-c", KILLED_RUN, str(records)], cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, timeout=60)
    assert process.returncode == -signal.SIGKILL, process.stderr.decode()
    from wizard.storage.store import RecordStore

    killed = RecordStore(records)
    draft = read_record(find_draft(killed, None, bank), bank)
    assert draft.answers == {"late_payments": 3, "late_payments_trend": "worsening",
                             "payment_terms_enforced": False}
    assert draft.notes == {"contract_breaches": "May"}
    assert draft.skipped == ("contract_breaches",)
    app = make_app(bank, killed, command="resume", draft=find_draft(killed, None, bank))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.question.id == "renegotiation"


async def test_an_unreadable_records_folder_is_named_not_a_crash(bank, store, monkeypatch):
    def denied(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store, "scan", denied)
    monkeypatch.setattr(store, "summaries", denied)  # the home count and the review table read the list cache
    monkeypatch.setattr(store, "scan_drafts", denied)
    app = make_app(bank, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "cannot be read: Permission denied" in visible_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert "cannot be read: Permission denied" in visible_text(app)


async def test_client_exit_review_reads_the_folder_once_at_start_then_afresh(bank, store, monkeypatch):
    """`client-exit review` reads the folder while Textual starts; the screen uses that read
    once, and its error is named as any other; coming back reads the folder again."""
    import threading

    calls = []

    def denied(*args):
        calls.append(threading.current_thread().name)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store, "summaries", denied)
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"
        assert "cannot be read: Permission denied" in visible_text(app)
        assert calls == ["client-exit-folder-read"]  # the start-up read, not a second one
        assert app.take_folder_read() is None  # used up: the next visit reads afresh


@pytest.mark.parametrize(("command", "names"), [("home", {}), ("new", {}), ("new", {"client": "A", "assessor": "B"}),
                                                ("review", {})])
async def test_a_broken_bank_ends_every_command_with_its_problems_only(store, command, names):
    """No screen fails on the way out (a traceback before the message, as `new --client` printed)."""
    from wizard.model.problems import InvalidFile, Problem

    def broken():
        raise InvalidFile([Problem("bank.toml", "", "is not valid TOML")])

    app = make_app(broken, store, command=command, **names)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert isinstance(app.bank_error, InvalidFile)
