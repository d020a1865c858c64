"""Privacy: owner-only files unless the folder is shared; `forget` deletes a client's data."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.unit._support import with_schema

from wizard.storage import feedback
from wizard.storage.index import FILE, FOLDER
from wizard.model.reasoning import assess
from wizard.model.records import SCHEMA, DecisionRecord
from wizard.storage.record_writer import to_toml
from wizard.storage.store import RecordStore

TZ = timezone(timedelta(hours=1))
ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def make(bank, client="Acme", minute=0, record_id=None):
    answers = {"late_payments": 3}
    created = datetime(2026, 3, 1, 9, 0, tzinfo=TZ) + timedelta(minutes=minute)
    result = assess(bank, answers, "en", created.date())
    return DecisionRecord(id=record_id or os.urandom(4).hex(), client=client, created=created, language="en",
                          bank_version=bank.version, status="draft", assessor="Ewa",
                          review_date=result.review_date, answers=answers, result=result)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def cli(*args, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wizard", *map(str, args)], stdin=stdin, capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=60,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


# ---------------------------------------------------------------------------------------------
# Modes


@posix_only
def test_files_and_folders_are_private_by_default_whatever_the_umask(store, bank):
    old = os.umask(0o002)
    try:
        path, record = store.save_new(make(bank))
        draft = store.save_draft(make(bank, "Draft"))
        store.update(path, record)
    finally:
        os.umask(old)
    assert mode(store.root) == 0o700 and mode(store.drafts) == 0o700
    assert mode(path) == 0o600 and mode(draft) == 0o600
    assert mode(store.drafts / ".gitignore") == 0o600


@posix_only
def test_a_shared_folder_follows_the_umask(tmp_path, bank):
    store = RecordStore(tmp_path / "team")
    store.root.mkdir(mode=0o750)
    (store.root / ".client-exit-shared").write_text("", encoding="utf-8")
    assert store.shared
    old = os.umask(0o027)
    try:
        path, record = store.save_new(make(bank))
        draft = store.save_draft(make(bank, "Draft"))
        store.update(path, record)
        feedback_file = feedback.add(store.root, feedback.make(record.id, "Ewa", "agree"))
    finally:
        os.umask(old)
    assert mode(store.drafts) == 0o750
    assert mode(path) == 0o640 and mode(draft) == 0o640
    assert feedback_file.exists()


def test_update_refuses_to_overwrite_a_newer_schema(store, bank):
    from wizard.model.problems import InvalidFile

    path, record = store.save_new(make(bank))
    newer = with_schema(path.read_text(encoding="utf-8"), 7)
    path.write_text(newer, encoding="utf-8")
    with pytest.raises(InvalidFile) as caught:
        store.update(path, record)
    assert "schema 7" in str(caught.value) and caught.value.problems[0].field == "schema"
    assert path.read_text(encoding="utf-8") == newer


# ---------------------------------------------------------------------------------------------
# forget


@pytest.fixture
def team(store, bank, monkeypatch):
    """Two records and a draft of "Kowalski Meble", with feedback; other clients around them."""
    from wizard.storage import index

    monkeypatch.setattr(index, "RACY_NS", 0)  # let the list cache keep these new files
    made = {}
    for minute, client in enumerate(["Kowalski Meble", "KOWALSKI MEBLE", "Kowalski Meble Sp. z o.o.", "Nowak"]):
        path, record = store.save_new(make(bank, client, minute))
        made[client] = (path, record)
        feedback.add(store.root, feedback.make(record.id, "Piotr", "disagree", "not so sure"))
    made["draft"] = (store.save_draft(make(bank, "kowalski meble", 9)), None)
    made["other draft"] = (store.save_draft(make(bank, "Nowak", 10)), None)
    store.summaries(bank)
    assert '"KOWALSKI MEBLE"' in (store.root / FOLDER / FILE).read_text(encoding="utf-8")
    return made


def test_forget_without_a_terminal_refuses_and_deletes_nothing(store, team):
    before = sorted(p for p in store.root.rglob("*") if p.is_file())
    run = cli("forget", "kowalski meble")
    assert run.returncode == 1
    assert "--yes" in run.stderr and "Traceback" not in run.stderr
    assert str(team["Kowalski Meble"][0]) in run.stdout  # says what would be deleted
    assert sorted(p for p in store.root.rglob("*") if p.is_file()) == before


def test_forget_yes_deletes_records_drafts_and_feedback_of_exactly_that_client(store, bank, team):
    run = cli("forget", "kowalski meble", "--yes")
    assert run.returncode == 0, run.stderr
    gone = [team["Kowalski Meble"][0], team["KOWALSKI MEBLE"][0], team["draft"][0]]
    for path in gone:
        assert not path.exists()
        assert f"deleted: {path}" in run.stdout
    for client in ("Kowalski Meble", "KOWALSKI MEBLE"):
        assert not feedback.folder(store.root, team[client][1].id).exists()
    kept = [team["Kowalski Meble Sp. z o.o."], team["Nowak"]]
    for path, record in kept:
        assert path.exists() and feedback.folder(store.root, record.id).is_dir()
    assert team["other draft"][0].exists()
    cache = (store.root / FOLDER / FILE).read_text(encoding="utf-8")
    assert '"Kowalski Meble"' not in cache and '"KOWALSKI MEBLE"' not in cache
    assert [e.summary.client for e in store.summaries(bank)] == ["Nowak", "Kowalski Meble Sp. z o.o."]


def test_forget_an_unknown_client_says_so_and_suggests_names(store, team):
    run = cli("forget", "Kowalski")
    assert run.returncode == 1
    assert "No records or unfinished assessments of “Kowalski”" in run.stdout and "Kowalski Meble" in run.stdout
    assert team["Kowalski Meble"][0].exists()


def test_forget_matches_the_name_as_every_command_does(store, team):
    """Case, runs of spaces and the Unicode form of the name aside; nothing else."""
    run = cli("forget", "  KOWALSKI   meble ", "--yes")
    assert run.returncode == 0, run.stderr
    assert not team["Kowalski Meble"][0].exists() and not team["KOWALSKI MEBLE"][0].exists()
    assert team["Kowalski Meble Sp. z o.o."][0].exists()


def test_forget_names_the_files_it_could_not_check(store, team):
    broken = store.root / "2026-01-01-broken-0000.toml"
    broken.write_text("client = ", encoding="utf-8")
    run = cli("forget", "Nowak", "--yes")
    assert run.returncode == 0
    assert str(broken) in run.stderr and broken.exists()


def _forget_on_a_terminal(answer: str) -> tuple[int, str]:
    """Run `forget Nowak` with a pseudo-terminal as its input, typing `answer` and Enter."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "wizard", "forget", "Nowak"], stdin=follower,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                               env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    os.close(follower)
    os.write(leader, answer.encode() + b"\n")  # the terminal keeps the line until input() reads it
    out, _ = process.communicate(timeout=60)
    os.close(leader)
    return process.returncode, out.decode()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("answer, deleted", [("y", True), ("n", False), ("", False)])
def test_forget_asks_on_a_terminal(store, team, answer, deleted):
    code, out = _forget_on_a_terminal(answer)
    assert "Delete these 3 files? This cannot be undone. [y/N]" in out
    assert team["Nowak"][0].exists() is not deleted
    assert team["other draft"][0].exists() is not deleted
    assert code == (0 if deleted else 1)
    assert ("Nothing was deleted." in out) is not deleted


def test_forget_speaks_polish(store, team):
    run = cli("--lang", "pl", "forget", "Nowak", "--yes")
    assert run.returncode == 0
    assert "usunięto:" in run.stdout and "Klient „Nowak”: usunięto 3 pliki." in run.stdout


def test_a_record_of_a_newer_schema_is_never_rewritten_by_a_command(store, bank):
    path, record = store.save_new(make(bank, "Future"))
    text = with_schema(to_toml(record), SCHEMA + 1)
    path.write_text(text, encoding="utf-8")
    runs = [cli("list"), cli("show", record.id), cli("validate", path),
            cli("decide", record.id, "--status", "accepted", "--by", "Ola"), cli("forget", "Future")]
    for run in runs:
        assert run.returncode != 0 and "Traceback" not in run.stderr, run.stderr
    assert "newer version" in runs[0].stderr and "newer version" in runs[1].stderr
    assert path.read_text(encoding="utf-8") == text


def test_forget_also_deletes_leftovers_of_interrupted_saves_about_the_client(store, bank, team):
    old = time.time() - 3600
    leftovers = {
        "mine": store.root / ".tmp-aaaa.toml", "escaped": store.drafts / ".tmp-bbbb.toml",
        "other": store.root / ".tmp-cccc.toml", "fresh": store.root / ".tmp-dddd.toml",
    }
    leftovers["mine"].write_text('schema = 1\nclient = "Nowak"\n[answers]\nlate_pa', encoding="utf-8")
    leftovers["escaped"].write_text('client = "nowak"\n', encoding="utf-8")
    leftovers["other"].write_text('client = "Kowalski Meble"\n', encoding="utf-8")
    leftovers["fresh"].write_text('client = "Nowak"\n', encoding="utf-8")  # a save in progress
    for name, path in leftovers.items():
        if name != "fresh":
            os.utime(path, (old, old))
    run = cli("forget", "Nowak", "--yes")
    assert run.returncode == 0, run.stderr
    assert not leftovers["mine"].exists() and not leftovers["escaped"].exists()
    assert leftovers["other"].exists() and leftovers["fresh"].exists()
    assert "unsaved" in run.stdout


def test_forget_deletes_the_clients_markdown_exports_and_no_one_elses(store, bank, team):
    """Exports are copies of the records in another format: forgetting a client deletes the
    record's .md beside it and the comparisons, histories and team views titled with the
    client's exact name, but not those of a client whose name merely starts the same."""
    record_path = team["Kowalski Meble"][0]
    beside = record_path.with_suffix(".md")
    beside.write_text("# Client assessment: Kowalski Meble\n", encoding="utf-8")
    exports = store.root / "exports"
    exports.mkdir()
    mine = exports / "kowalski-meble-history.md"
    mine.write_text("# History: Kowalski Meble\n\n...", encoding="utf-8")
    compared = exports / "nowak-compare.md"
    compared.write_text("# Porównanie: Nowak / Kowalski Meble\n", encoding="utf-8")
    longer = exports / "kowalski-meble-sp-z-o-o-team.md"
    longer.write_text("# Team view: Kowalski Meble Sp. z o.o.\n", encoding="utf-8")
    run = cli("forget", "Kowalski Meble", "--yes")
    assert run.returncode == 0, run.stderr
    for path in (beside, mine, compared):
        assert not path.exists() and f"deleted: {path}" in run.stdout
    assert longer.exists()
