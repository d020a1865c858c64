"""Who am I: the user's name in their own settings file, used for assessments, decisions and
feedback; never guessed, and `--by` still overrides it."""

from __future__ import annotations

import stat

import pytest

from tests.unit.review_support import make_record
from wizard.cli import main as cli
from wizard.storage.record_reader import read_record
from wizard.storage.settings import read_settings, save_name, settings_path, user_name


def test_the_settings_live_in_the_user_config_folder(isolated):
    assert settings_path() == isolated.parent / "config" / "client-exit-wizard" / "settings.toml"


def test_config_name_sets_shows_and_prints_the_name(capsys):
    assert cli.main(["config", "name"]) == 1
    assert "name: not set (set it with: client-exit config name" in capsys.readouterr().err
    assert cli.main(["config", "name", "  Anna   Nowak "]) == 0
    assert "Your name is now “Anna Nowak”" in capsys.readouterr().out
    assert cli.main(["config", "name"]) == 0
    assert capsys.readouterr().out == "Anna Nowak\n"
    assert cli.main(["config", "--lang", "pl"]) == 0
    out = capsys.readouterr().out
    assert f"ustawienia: {settings_path()}" in out and "imię: Anna Nowak" in out
    assert stat.S_IMODE(settings_path().stat().st_mode) == 0o600


def test_an_empty_name_is_refused_and_nothing_is_written(capsys):
    assert cli.main(["config", "name", "   "]) == 2
    assert "a name must be readable text and not empty" in capsys.readouterr().err
    assert not settings_path().exists()


def test_a_broken_settings_file_is_named_and_replaced_by_a_good_one(capsys):
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text('name = 3\ncolour = "blue"\n', encoding="utf-8")
    assert cli.main(["config"]) == 1
    err = capsys.readouterr().err
    assert f"{settings_path()}: name: must be a text (got 3)" in err
    assert "colour: unknown setting (allowed: name)" in err
    assert user_name() == ""  # never guessed from a broken file
    save_name("Ola")
    assert read_settings() == {"name": "Ola"}


def test_decide_and_feedback_credit_the_user_unless_by_says_otherwise(store, bank, capsys):
    path, record = store.save_new(make_record(bank))
    assert cli.main(["decide", record.id, "--status", "proposed"]) == 2
    assert "decide: who are you?" in capsys.readouterr().err
    assert read_record(path, bank).status == "draft"  # nothing credited to anyone
    save_name("Anna Nowak")
    assert cli.main(["decide", record.id, "--status", "proposed"]) == 0
    assert cli.main(["decide", record.id, "--status", "accepted", "--by", "Marek"]) == 0
    history = read_record(path, bank).status_history
    assert [(c.status, c.by) for c in history] == [("proposed", "Anna Nowak"), ("accepted", "Marek")]
    assert cli.main(["feedback", record.id, "--stance", "agree"]) == 0
    from wizard.storage import feedback

    assert [f.by for f in feedback.good(feedback.load(store.root, record.id))] == ["Anna Nowak"]


def test_feedback_without_a_name_asks_who_you_are(store, bank, capsys):
    _, record = store.save_new(make_record(bank))
    assert cli.main(["feedback", record.id, "--stance", "agree", "--lang", "pl"]) == 2
    assert "feedback: kim jesteś? Podaj --by IMIĘ" in capsys.readouterr().err


def test_new_from_an_unknown_record_stops_before_any_screen(store, bank, capsys, monkeypatch):
    store.save_new(make_record(bank))
    import wizard.tui.app as tui

    monkeypatch.setattr(tui, "run", lambda *a, **k: pytest.fail("the wizard must not start"))
    assert cli.main(["new", "--from", "ffff"]) == 1
    assert "ffff: no record with this id" in capsys.readouterr().err


def test_new_from_a_record_hands_it_to_the_wizard(store, bank, monkeypatch):
    path, record = store.save_new(make_record(bank))
    import wizard.tui.app as tui

    seen = {}

    def run(bank, store, lang, *, command, client, assessor, draft, from_record, ledger):
        seen["from"] = from_record
        seen["command"] = command
        return 0

    monkeypatch.setattr(tui, "run", run)
    assert cli.main(["new", "--from", record.id[:5]]) == 0
    assert seen["from"] == path
    assert seen["command"] == "new"
