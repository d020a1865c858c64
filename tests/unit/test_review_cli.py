"""The review commands run for real: `python -m wizard ...` in a subprocess, on a demo folder."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit._support import with_schema

from tests.unit.review_support import CALM, make_record
from wizard.storage import feedback
from wizard.cli.demo_folder import KOWALSKI, NORTHWIND
from wizard.storage.record_reader import read_record
from wizard.storage.store import RecordStore

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, records: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, COLUMNS="120", PYTHONIOENCODING="utf-8")
    command = [sys.executable, "-m", "wizard", *args]
    if records is not None:
        command += ["--records-dir", str(records)]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=60)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "demo"
    done = run("demo", "--keep", str(folder))
    assert done.returncode == 0, done.stderr
    assert str(folder) in done.stdout and "1 overdue review" in done.stdout  # no terminal: a summary
    return folder


def ids_of(folder: Path, client: str) -> list[str]:
    listed = run("list", "--json", "--client", client, records=folder)
    return [json.loads(line)["id"] for line in listed.stdout.splitlines()][::-1]  # oldest first


def test_demo_refuses_a_folder_that_is_not_empty(folder):
    done = run("demo", "--keep", str(folder))
    assert done.returncode == 1
    assert f"{folder}: is not empty" in done.stderr


def test_compare_in_three_formats(folder):
    first, _, _, last = ids_of(folder, KOWALSKI)
    data = json.loads(run("compare", last, first, "--format", "json", records=folder).stdout)
    assert data["same_client"] and data["first"]["id"] == first and data["second"]["id"] == last
    assert data["since"]["level_direction"] == "worse" and data["since"]["worse"]
    markdown = run("compare", first, last, "--format", "markdown", records=folder).stdout
    assert markdown.startswith(f"# Comparison: {KOWALSKI}") and "## What changed since" in markdown
    text = run("compare", first, last, records=folder)
    assert text.returncode == 0 and "▲ worse" in text.stdout and "What changed since" in text.stdout


def test_compare_names_a_bad_reference(folder):
    done = run("compare", "ffffff", "nope.toml", records=folder)
    assert done.returncode == 1
    assert "ffffff: no record with this id" in done.stderr


def test_history(folder):
    text = run("history", KOWALSKI.upper(), records=folder)
    assert text.returncode == 0
    assert any(ch in text.stdout for ch in "▁▂▃▄▅▆▇█") and "▲ worse" in text.stdout
    assert "Decisions taken" in text.stdout
    data = json.loads(run("history", KOWALSKI, "--format", "json", records=folder).stdout)
    assert len(data["scores"]) == 4 and data["level_changes"] and data["decisions"]
    markdown = run("history", KOWALSKI, "--format", "markdown", "--lang", "pl", records=folder).stdout
    assert markdown.startswith(f"# Historia: {KOWALSKI}")
    missing = run("history", "Kowalski", "--format", "json", records=folder)  # not an exact name
    assert missing.returncode == 1 and "No assessments of “Kowalski”" in missing.stderr


def test_team(folder):
    data = json.loads(run("team", NORTHWIND.lower(), "--format", "json", records=folder).stdout)
    assert [m["name"] for m in data["members"]] == ["Anna Nowak", "Marek Wiśniewski"]
    assert data["consensus"]["level"] and data["disagreements"]
    text = run("team", NORTHWIND, records=folder).stdout
    assert "Consensus" in text and "Where the team disagrees" in text


def test_decide_and_supersede(tmp_path, bank):
    store = RecordStore(tmp_path)
    old_path, old = store.save_new(make_record(bank, client="Nowak", days=0))
    new_path, new = store.save_new(make_record(bank, client="nowak", days=30, answers=CALM | {"late_payments": 4}))
    done = run("decide", new.id, "--status", "accepted", "--by", "Anna", "--decision-maker", "Anna",
               "--consulted", "Marek", "--informed", "Ola", "--outcome", "Reminder sent.", "--supersedes", old.id,
               records=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"{old.id} is now superseded by {new.id}" in done.stdout
    new, old = read_record(new_path, bank), read_record(old_path, bank)
    assert new.status == "accepted" and new.decision.level == new.result.level and new.decision.by == "Anna"
    assert (new.decision_makers, new.consulted, new.informed) == (("Anna",), ("Marek",), ("Ola",))
    assert new.supersedes == (old.id,) and old.superseded_by == (new.id,) and old.status == "superseded"


def test_decide_says_when_the_review_date_moves(tmp_path, bank):
    path, record = RecordStore(tmp_path).save_new(make_record(bank, client="Nowak", answers=CALM | {"late_payments": 4}))
    level = "end_now" if record.result.level != "end_now" else "continue"
    done = run("decide", record.id, "--status", "accepted", "--level", level, "--reason", "Board", "--by", "Ola",
               records=tmp_path)
    assert done.returncode == 0, done.stderr
    moved = read_record(path, bank).review_date
    assert moved != record.review_date
    assert f"Next review: {moved.isoformat()}, as for “{bank.level(level).label('en')}”" in done.stdout
    other_path, other = RecordStore(tmp_path).save_new(make_record(bank, client="Kowalczyk", days=-5))
    done = run("decide", other.id, "--status", "accepted", "--by", "Ola", "--lang", "pl", records=tmp_path)
    assert done.returncode == 0 and "Termin przeglądu" not in done.stdout  # the recommendation: nothing moves


def test_a_records_dir_that_is_a_file_is_named(tmp_path):
    file = tmp_path / "records.toml"
    file.write_text("", encoding="utf-8")
    for command in (["list"], ["due"], ["clients"], ["forget", "Acme", "--yes"]):
        done = run(*command, records=file)
        assert done.returncode == 2, command
        assert f"{file} is not a folder" in done.stderr and "Traceback" not in done.stderr, command


def test_decide_errors_name_the_file_and_field_and_change_nothing(tmp_path, bank):
    store = RecordStore(tmp_path)
    path, record = store.save_new(make_record(bank, client="Nowak", answers=CALM | {"late_payments": 4}))
    other_path, other = store.save_new(make_record(bank, client="Kowalczyk", days=-5))
    before = path.read_bytes(), other_path.read_bytes()
    level = "end_now" if record.result.level != "end_now" else "continue"
    done = run("decide", record.id, "--status", "accepted", "--level", level, "--by", "Ola", records=tmp_path)
    assert done.returncode == 1
    assert f"{path}: decision.reason: the level decided on ({level}) differs" in done.stderr
    done = run("decide", record.id, "--status", "proposed", "--supersedes", other.id, "--by", "Ola",
               records=tmp_path)
    assert done.returncode == 1
    assert f"{other_path}: client: record {other.id} is about 'Kowalczyk', while this record is about 'Nowak'" in done.stderr
    assert (path.read_bytes(), other_path.read_bytes()) == before
    done = run("decide", record.id, "--status", "done", records=tmp_path)
    assert done.returncode == 2 and "invalid choice" in done.stderr


def test_decide_refuses_an_invalid_transition(tmp_path, bank):
    path, record = RecordStore(tmp_path).save_new(make_record(bank, status="accepted"))
    done = run("decide", record.id, "--status", "rejected", "--by", "Ola", records=tmp_path)
    assert done.returncode == 1
    assert f"{path}: status: a record that is accepted cannot become rejected" in done.stderr


def test_a_record_of_a_newer_schema_is_refused_and_never_overwritten(tmp_path, bank):
    path, record = RecordStore(tmp_path).save_new(make_record(bank))
    text = with_schema(path.read_text(encoding="utf-8"), 99)
    path.write_text(text, encoding="utf-8")
    for command in (("decide", record.id, "--status", "accepted", "--by", "Ola"),
                    ("feedback", record.id, "--by", "Ola", "--stance", "agree")):
        done = run(*command, records=tmp_path)
        assert done.returncode == 1 and f"{path}: schema: this record was written by a newer version" in done.stderr
    assert path.read_text(encoding="utf-8") == text
    assert not (tmp_path / "feedback").exists()


def test_feedback_is_saved_as_its_own_file_and_shown_by_team(tmp_path, bank):
    path, record = RecordStore(tmp_path).save_new(make_record(bank, client="Nowak", assessor="Anna"))
    before = path.read_bytes()
    for by, stance in (("Marek", "disagree"), ("Ola", "agree")):
        done = run("feedback", record.id[:5], "--by", by, "--stance", stance, "--comment", f"{by} says so",
                   records=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "feedback saved: " in done.stdout
    assert path.read_bytes() == before  # the record itself is never touched
    assert len(feedback.load(tmp_path, record.id)) == 2
    data = json.loads(run("team", "Nowak", "--format", "json", records=tmp_path).stdout)
    assert [(f["by"], f["stance"]) for f in data["members"][0]["feedback"]] == [("Marek", "disagree"), ("Ola", "agree")]
    assert "Ola says so" in run("team", "Nowak", "--format", "markdown", records=tmp_path).stdout
    done = run("feedback", record.id, "--by", "Ola", "--stance", "maybe", records=tmp_path)
    assert done.returncode == 2 and "invalid choice" in done.stderr


def test_broken_feedback_is_reported_with_file_and_field(tmp_path, bank):
    _, record = RecordStore(tmp_path).save_new(make_record(bank, client="Nowak"))
    assert run("feedback", record.id, "--by", "Ola", "--stance", "agree", records=tmp_path).returncode == 0
    bad = feedback.folder(tmp_path, record.id) / "20260101T000000Z-x-000000.toml"
    bad.write_text(f'schema = 1\nrecord = "{record.id}"\nby = "X"\nstance = "meh"\n'
                   'created = 2026-01-01T00:00:00Z\n', encoding="utf-8")
    for command in ("team", "history"):
        done = run(command, "Nowak", "--format", "json", records=tmp_path)
        assert done.returncode == 1
        assert f"{bad}: stance: must be one of agree, disagree, abstain" in done.stderr
    data = json.loads(done.stdout)  # the good feedback still shows
    assert [f["by"] for f in data["records"][0]["feedback"]] == ["Ola"]


def test_feedback_on_an_unknown_record(tmp_path):
    done = run("feedback", "abcdef", "--by", "Ola", "--stance", "agree", records=tmp_path)
    assert done.returncode == 1 and "abcdef: no record with this id" in done.stderr


def test_no_textual_is_imported(folder):
    code = ("import sys\nfrom wizard.cli.main import main\n"
            f"for argv in (['team', {NORTHWIND!r}], ['history', {KOWALSKI!r}, '--format', 'markdown']):\n"
            f"    main(argv + ['--records-dir', {str(folder)!r}])\n"
            "assert not [m for m in sys.modules if m.startswith('textual')], 'textual imported'\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr


def test_demo_opens_the_review_screen_in_a_terminal(monkeypatch, tmp_path, capsys):
    """In a terminal the demo hands its folder to the TUI's review screen (a stand-in here)."""
    import types

    from wizard.cli import main as cli

    calls = []

    def run_tui(bank, store, lang, *, command, ledger):
        calls.append((command, lang, store.root, len(store.scan(bank)), ledger.ledger.name, len(ledger.clients)))
        return 0

    monkeypatch.setitem(sys.modules, "wizard.tui.app", types.SimpleNamespace(run=run_tui))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    assert cli.main(["demo", "--keep", str(tmp_path / "d"), "--lang", "pl"]) == 0
    assert calls == [("review", "pl", tmp_path / "d", 10, "ledger.csv", 8)]  # and its ledger
    assert capsys.readouterr().out == ""


def test_history_and_team_match_the_name_like_every_command_and_suggest_close_ones(folder):
    spaced = "  " + KOWALSKI.upper().replace(" ", "   ") + " "
    data = json.loads(run("history", spaced, "--format", "json", records=folder).stdout)
    assert len(data["scores"]) == 4
    assert json.loads(run("team", NORTHWIND.replace(" ", "  "), "--format", "json", records=folder).stdout)["members"]
    for command in ("history", "team"):
        missing = run(command, "Kowalsky Meble", records=folder)
        assert missing.returncode == 1
        assert f"Clients with a similar name: {KOWALSKI}" in missing.stderr
        polish = run(command, "Kowalsky Meble", "--lang", "pl", records=folder)
        assert f"Klienci o podobnej nazwie: {KOWALSKI}" in polish.stderr


def test_decide_needs_by_and_keeps_who_proposed(tmp_path, bank):
    path, record = RecordStore(tmp_path).save_new(make_record(bank, client="Nowak", answers=CALM | {"late_payments": 4}))
    before = path.read_bytes()
    for lang, message in (("en", "decide: who are you? Give --by NAME, or set your name once with: "
                                 "client-exit config name"),
                          ("pl", "decide: kim jesteś? Podaj --by IMIĘ albo raz ustaw swoje imię")):
        done = run("decide", record.id, "--status", "accepted", "--lang", lang, records=tmp_path)
        assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
    assert path.read_bytes() == before
    level = record.result.level
    assert run("decide", record.id, "--status", "proposed", "--level", level, "--by", "Marek",
               records=tmp_path).returncode == 0
    done = run("decide", record.id, "--status", "accepted", "--by", "Ola", "--reason", "Agreed in the meeting.",
               records=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "your text is kept as a comment" in done.stdout
    decided = read_record(path, bank)
    assert [(c.status, c.by) for c in decided.status_history] == [("proposed", "Marek"), ("accepted", "Ola")]
    assert decided.decision.reason == "" and decided.decision.comment == "Agreed in the meeting."
    shown = run("show", record.id, records=tmp_path).stdout
    assert "Marek" in shown and "Ola" in shown and "Agreed in the meeting." in shown
    data = json.loads(run("history", "Nowak", "--format", "json", records=tmp_path).stdout)["records"][0]
    assert [(c["status"], c["by"]) for c in data["status_history"]] == [("proposed", "Marek"), ("accepted", "Ola")]
    assert data["decision"]["comment"] == "Agreed in the meeting."


def test_a_reference_that_finds_no_record_suggests_the_records_meant(tmp_path, bank):
    store = RecordStore(tmp_path)
    _, kept = store.save_new(make_record(bank, client="Kowalski Meble"))
    typo = kept.id[:-1] + ("0" if kept.id[-1] != "0" else "1")
    commands = (("show", "{}"), ("decide", "{}", "--status", "accepted", "--by", "Ola"),
                ("feedback", "{}", "--by", "Ola", "--stance", "agree"), ("compare", kept.id, "{}"))
    for command in commands:
        done = run(*[part.format(typo) for part in command], records=tmp_path)
        assert done.returncode == 1 and f"{typo}: no record with this id in {tmp_path}" in done.stderr
        assert "The closest ids:" in done.stderr and kept.id in done.stderr
    by_name = run("show", "kowalski meble", records=tmp_path)
    assert "the records of Kowalski Meble:" in by_name.stderr and kept.id in by_name.stderr
    polish = run("show", typo, "--lang", "pl", records=tmp_path)
    assert f"{typo}: w {tmp_path} nie ma zapisu o takim identyfikatorze" in polish.stderr
    assert "Najbliższe identyfikatory:" in polish.stderr


def test_compare_speaks_the_language_asked_for_and_warns_on_one_record(tmp_path, bank):
    store = RecordStore(tmp_path)
    _, first = store.save_new(make_record(bank, client="Nowak", lang="pl"))
    _, second = store.save_new(make_record(bank, client="Nowak", days=9, lang="pl", answers=CALM | {"late_payments": 4}))
    english = run("compare", first.id, second.id, "--format", "markdown", records=tmp_path)
    assert english.stdout.startswith("# Comparison: Nowak")  # the locale's language, not the records'
    polish = run("compare", first.id, second.id, "--format", "markdown", "--lang", "pl", records=tmp_path)
    assert polish.stdout.startswith("# Porównanie: Nowak")
    itself = run("compare", first.id, first.id, records=tmp_path)
    assert itself.returncode == 0 and f"both are the same record ({first.id})" in itself.stderr
    assert f"to ten sam zapis ({first.id})" in run("compare", first.id, first.id, "--lang", "pl", records=tmp_path).stderr


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("lang", ["en", "pl"])
def test_history_and_team_never_cut_a_level(folder, columns, lang):
    from wizard.storage import bank_files

    labels = [level.label(lang) for level in bank_files.load_default().levels]
    env = dict(os.environ, COLUMNS=str(columns), PYTHONIOENCODING="utf-8")
    for command in (["history", KOWALSKI], ["team", NORTHWIND]):
        done = subprocess.run([sys.executable, "-m", "wizard", *command, "--lang", lang, "--records-dir", str(folder)],
                              capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=60)
        assert done.returncode == 0, done.stderr
        rows = [line for line in done.stdout.splitlines() if re.search(r" [0-9a-f]{8}$", line)]  # the record's id
        assert rows
        for row in rows:
            assert any(label in row for label in labels), row  # whole, never "Revise…" or wrapped
            if columns >= 80:
                assert len(row) <= columns, row


def test_show_gives_the_feedback_and_the_status_history(tmp_path, bank):
    path, record = RecordStore(tmp_path).save_new(make_record(bank, client="Nowak"))
    assert run("decide", record.id, "--status", "proposed", "--by", "Marek", records=tmp_path).returncode == 0
    assert run("feedback", record.id, "--by", "Ola", "--stance", "disagree", "--comment", "Too early.",
               records=tmp_path).returncode == 0
    for fmt in ("text", "markdown"):
        shown = run("show", record.id, "--format", fmt, records=tmp_path)
        assert shown.returncode == 0, shown.stderr
        assert "Status history" in shown.stdout and "proposed · Marek" in shown.stdout
        assert "Ola" in shown.stdout and "disagrees" in shown.stdout and "Too early." in shown.stdout
    polish = run("show", record.id, "--format", "markdown", "--lang", "pl", records=tmp_path).stdout
    assert "## Historia statusów" in polish and "## Opinie" in polish and "nie zgadza się" in polish


def test_the_markdown_of_a_decided_record_has_the_decision_date(tmp_path, bank):
    _, record = RecordStore(tmp_path).save_new(make_record(bank, client="Nowak"))
    assert run("decide", record.id, "--status", "accepted", "--by", "Anna", records=tmp_path).returncode == 0
    from datetime import date

    markdown = run("show", record.id, "--format", "markdown", records=tmp_path).stdout
    assert f"recorded by Anna on {date.today():%Y-%m-%d}" in markdown


def test_demo_without_keep_makes_its_folder_where_temporary_files_go(isolated, capsys):
    """Run by the tests, the demo's temporary folder lands in pytest's temporary folder (TMPDIR),
    never in /tmp where it would be left behind."""
    import os

    from wizard.cli import main as cli

    assert cli.main(["demo"]) == 0
    folder = Path(re.search(r"(\S+client-exit-demo-\S+)", capsys.readouterr().out).group(1))
    assert folder.parent == Path(os.environ["TMPDIR"]) and folder.name.startswith("client-exit-demo-")
