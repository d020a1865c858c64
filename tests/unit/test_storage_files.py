"""The one guarded file layer (wizard/storage/files.py): links refused and never followed, only
regular files read and only up to 1 MB, owner-only folders whatever the umask, the folder's lock,
and nothing else in the program touching the records folder."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from wizard.cli import main as cli
from wizard.storage import feedback
from wizard.model.problems import InvalidFile
from wizard.storage.toml_read import read_toml
from wizard.model.reasoning import assess
from wizard.model.records import DecisionRecord
from wizard.storage.record_reader import read_record
from wizard.storage.record_writer import to_toml
from wizard.storage import files, locks
from wizard.storage.store import RecordStore
from wizard.storage.exports import export_path, write_export

ROOT = Path(__file__).resolve().parents[2]
TZ = timezone(timedelta(hours=1))
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX links, FIFOs and modes")


def make(bank, client="Acme", record_id="0a0a0a0a", minute=0) -> DecisionRecord:
    answers = {"late_payments": 3}
    created = datetime(2026, 3, 1, 9, minute, tzinfo=TZ)
    result = assess(bank, answers, "en", created.date())
    return DecisionRecord(id=record_id, client=client, created=created, language="en", bank_version=bank.version,
                          assessor="Ewa", review_date=result.review_date, answers=answers, result=result)


def tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def outside(tmp_path) -> Path:
    folder = tmp_path / "somebody-elses"
    folder.mkdir()
    (folder / "notes.md").write_text("# History: Acme\nmy own notes\n", encoding="utf-8")
    return folder


# ---------------------------------------------------------------------------------------------
# Links


@posix_only
@pytest.mark.parametrize("name", ["drafts", "feedback", "exports", ".index", ".locks"])
def test_a_linked_folder_is_refused_naming_the_link_and_never_written_through(store, bank, outside, name):
    path, record = store.save_new(make(bank))
    link = store.root / name
    if link.exists():
        import shutil

        shutil.rmtree(link)
    link.symlink_to(outside, target_is_directory=True)
    before = tree(outside)
    attempts = {
        "drafts": lambda: store.save_draft(make(bank, record_id="0b0b0b0b")),
        "feedback": lambda: feedback.add(store.root, feedback.make(record.id, "Ola", "agree")),
        "exports": lambda: write_export(store.root, export_path(store.root, "Acme", "history"), "# History: Acme\n"),
        ".locks": lambda: store.update(path, record),
    }
    if name == ".index":
        store.summaries(bank)  # the cache is an optimisation: list works, and writes nothing there
        assert [e.summary.client for e in store.summaries(bank)] == ["Acme"]
    else:
        with pytest.raises(files.Refused) as refused:
            attempts[name]()
        assert refused.value.key == "files.link" and str(link) in str(refused.value)
        assert str(outside) in refused.value.text("en") and str(link) in refused.value.text("pl")
    assert tree(outside) == before


@posix_only
def test_a_linked_feedback_record_folder_is_refused(store, bank, outside):
    _, record = store.save_new(make(bank))
    (store.root / "feedback").mkdir()
    (store.root / "feedback" / record.id).symlink_to(outside, target_is_directory=True)
    with pytest.raises(files.Refused):
        feedback.add(store.root, feedback.make(record.id, "Ola", "agree"))
    entries = feedback.load(store.root, record.id)
    assert entries[0].feedback is None and "symbolic link" in entries[0].problems[0].message
    assert tree(outside) == ["notes.md"]


@posix_only
def test_forget_never_deletes_through_a_link(store, bank, outside, capsys):
    """feedback/ linked to a folder named like a record id, exports/ to a notes folder whose
    note names the client: forget deletes neither, says so, and exits 1."""
    _, record = store.save_new(make(bank))
    (outside / record.id).mkdir()
    (outside / record.id / "keep.toml").write_text("mine", encoding="utf-8")
    (store.root / "feedback").symlink_to(outside, target_is_directory=True)
    (store.root / "exports").symlink_to(outside, target_is_directory=True)
    code = cli.main(["forget", "Acme", "--yes"])
    err = capsys.readouterr().err
    assert code == 1
    assert tree(outside) == [record.id, f"{record.id}/keep.toml", "notes.md"]
    assert f"{store.root / 'feedback'} is a symbolic link" in err
    assert f"{store.root / 'exports'}: is a symbolic link" in err


@posix_only
def test_a_linked_record_is_listed_as_a_problem_and_never_changed_or_deleted(store, bank, tmp_path, capsys):
    target = tmp_path / "elsewhere.toml"
    target.write_text(to_toml(make(bank)), encoding="utf-8")
    link = store.root / "2026-03-01-acme-0a0a0a0a.toml"
    store.ensure()
    link.symlink_to(target)
    assert cli.main(["list"]) == 1
    err = capsys.readouterr().err
    assert f"{link}: is a symbolic link (to {target})" in err
    with pytest.raises(files.Refused):
        store.update(link, make(bank))
    with pytest.raises(files.Refused):
        files.delete(store.root, link)
    assert target.read_text(encoding="utf-8") == to_toml(make(bank)) and link.is_symlink()


# ---------------------------------------------------------------------------------------------
# Reads: regular files only, never blocking, up to 1 MB


@posix_only
def test_a_fifo_or_a_device_is_never_read(store, bank, tmp_path):
    store.ensure()
    fifo = store.root / "2026-01-01-fifo-0c0c0c0c.toml"
    os.mkfifo(fifo)
    (store.root / "2026-01-01-zero-0d0d0d0d.toml").symlink_to("/dev/zero")
    own_fifo = tmp_path / "answers.toml"
    os.mkfifo(own_fifo)
    runs = [subprocess.run([sys.executable, "-m", "wizard", *args], capture_output=True, text=True, cwd=ROOT,
                           timeout=60) for args in (["list"], ["validate", str(store.root)], ["assess", str(own_fifo)],
                                                    ["validate", "/dev/zero"], ["assess", "/dev/urandom"],
                                                    ["show", str(own_fifo)], ["decide", str(fifo), "--status",
                                                                               "proposed", "--by", "Ola"])]
    for run in runs:
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert "2026-01-01-fifo-0c0c0c0c.toml: is not a regular file" in runs[0].stderr
    assert "2026-01-01-zero-0d0d0d0d.toml: is a symbolic link (to /dev/zero)" in runs[0].stderr
    assert f"{own_fifo}: is not a regular file" in runs[2].stderr
    assert "/dev/zero: is not a regular file" in runs[3].stderr
    assert f"{own_fifo}: is not a regular file" in runs[5].stderr  # said, not "no such record file"
    assert f"{fifo}: is not a regular file" in runs[6].stderr


def test_files_over_1_mb_are_refused_with_the_limit(tmp_path, bank, capsys):
    big = tmp_path / "big.toml"
    with big.open("wb") as handle:  # sparse: 200 MB that take no disk
        handle.write(b'client = "x"\n')
        handle.truncate(200_000_000)
    near = tmp_path / "near.toml"
    near.write_text('client = "x"\n#' + "x" * 999_000 + "\n", encoding="utf-8")
    assert read_toml(near)["client"] == "x"  # just under the limit: read
    for path in (big,):
        with pytest.raises(InvalidFile) as caught:
            read_toml(path)
        assert caught.value.problems[0].message.startswith("is larger than 1 MB, the limit for a record")
    assert cli.main(["assess", str(big), "--save"]) == 1
    assert "larger than 1 MB" in capsys.readouterr().err
    assert not list(Path(os.environ["CLIENT_EXIT_RECORDS"]).glob("*.toml"))


def test_a_file_that_grows_while_it_is_read_is_cut_at_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "growing.toml"
    path.write_bytes(b"a = 1\n")
    real = os.fstat

    class Small:  # the size as it was when stat was asked; the file is bigger when read
        def __init__(self, info):
            self.st_mode, self.st_size = info.st_mode, 6

    path.write_bytes(b"a = 1\n" + b"#" * 2_000_000)
    monkeypatch.setattr(os, "fstat", lambda fd: Small(real(fd)))
    with pytest.raises(files.Refused) as caught:
        files.read_bytes(path)
    assert caught.value.key == "files.too_large"


# ---------------------------------------------------------------------------------------------
# Folder modes


@posix_only
def test_folders_are_owner_only_whatever_the_umask(tmp_path, bank, monkeypatch):
    from wizard.storage import index

    monkeypatch.setattr(index, "RACY_NS", 0)  # let the list cache be written at once
    store = RecordStore(tmp_path / "a" / "b" / "c")
    old = os.umask(0)
    try:
        path, record = store.save_new(make(bank))
        store.save_draft(make(bank, record_id="0b0b0b0b"))
        feedback.add(store.root, feedback.make(record.id, "Ola", "agree"))
        store.summaries(bank)
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", store.root, store.drafts, store.root / "feedback",
                   store.root / "feedback" / record.id, store.root / ".index", store.root / ".locks"):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    for file in [p for p in store.root.rglob("*") if p.is_file()]:
        assert file.stat().st_mode & 0o077 == 0, file


# ---------------------------------------------------------------------------------------------
# Writes: atomic, never re-creating what is gone


def test_an_update_never_brings_back_a_record_that_is_gone(store, bank):
    path, record = store.save_new(make(bank))
    path.unlink()
    with pytest.raises(files.Refused) as caught:
        store.update(path, record)
    assert caught.value.key == "files.gone" and not path.exists()
    assert "nothing was written" in str(caught.value)


def test_an_update_of_a_record_changed_meanwhile_is_refused_with_its_status_now(store, bank):
    from wizard.model.lifecycle import decide

    path, record = store.save_new(make(bank))
    theirs = decide(record, "accepted", by="Anna")
    store.update(path, theirs)
    mine = decide(record, "rejected", by="Piotr")
    with pytest.raises(files.RecordChanged) as caught:
        store.update(path, mine, expected=record)
    assert "it is now accepted" in str(caught.value) and "by Anna" in str(caught.value)
    from wizard.i18n import t

    assert f"obecny status: {t('status.accepted', 'pl')}" in caught.value.text("pl")
    assert read_record(path, bank) == theirs


# ---------------------------------------------------------------------------------------------
# The lock

HOLDER = r"""
import sys
from wizard.storage.locks import lock
with lock(sys.argv[1], "decide (held by the test)"):
    print("held", flush=True)
    sys.stdin.readline()
"""


@posix_only
def test_a_held_lock_times_out_with_a_message_naming_who_holds_it(store, bank, monkeypatch):
    path, record = store.save_new(make(bank))
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store.root)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline() == "held\n"
        monkeypatch.setattr(locks, "LOCK_TIMEOUT", 0.2)
        with pytest.raises(files.Refused) as caught:
            store.update(path, record)
        message = str(caught.value)
        assert caught.value.key == "files.locked"
        assert f"client-exit decide (held by the test), process {holder.pid}" in message
        assert "Try again in a moment" in message and "zajęty" in caught.value.text("pl")
    finally:
        holder.communicate("\n", timeout=30)
    store.update(path, record)  # free again


def test_the_lock_is_reentrant_within_a_process(store, bank):
    path, record = store.save_new(make(bank))
    with store.lock("outer"):
        with store.lock("inner"):
            store.update(path, record)
        store.update(path, record)


# ---------------------------------------------------------------------------------------------
# Nothing else touches the disk under the records folder

WRITES = re.compile(
    r"\bos\.(replace|rename|renames|unlink|remove|rmdir|removedirs|link|symlink|mkdir|makedirs|chmod|truncate)\("
    r"|\.(unlink|rmdir|mkdir|touch|write_text|write_bytes|rename|symlink_to|hardlink_to|chmod)\("
    r"|shutil\.(rmtree|move|copy\w*)\(|tempfile\.mk\w*\(|\bopen\([^)]*[\"'][wax+]"
)
# The exceptions: `demo` makes a new temporary folder to hold its sample records folder, and the
# developers' generator of docs/questions.md writes into the repository.
ALLOWED = {("wizard/cli/demo.py", 'folder = Path(tempfile.mkdtemp(prefix="client-exit-demo-"))'),
           ("wizard/render/bank_docs.py", 'DOC.write_text(questions_markdown(load_default()), encoding="utf-8")')}


# Calls of the file layer itself, and the wizard's own `draft.rename` (of a client), are fine.
OURS = re.compile(r"\b(files|guarded|draft)\.\w+\(")


def writes(line: str) -> bool:
    return bool(WRITES.search(OURS.sub("", line)))


def test_nothing_but_the_file_layer_writes_renames_or_deletes():
    found = []
    for path in sorted((ROOT / "wizard").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name == "wizard/storage/files.py":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if writes(line) and (name, line.strip()) not in ALLOWED:
                found.append(f"{name}: {line.strip()}")
    assert not found, "\n".join(found)


def test_the_check_finds_what_it_looks_for():
    for line in ("os.replace(a, b)", "path.unlink(missing_ok=True)", "shutil.rmtree(x)", "open(p, 'w')",
                 'with open(path, "a", encoding="utf-8") as f:', "tempfile.mkstemp(dir=d)", "p.write_text('x')",
                 "store.root.rename(other)"):
        assert writes(line), line
    assert not writes("files.write_text(root, path, text, overwrite=True)")


def test_an_os_error_never_ends_in_a_traceback(store, bank, monkeypatch, capsys):
    path, record = store.save_new(make(bank))

    def broken(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error", str(path))

    monkeypatch.setattr(files, "write_text", broken)
    assert cli.main(["decide", record.id, "--status", "proposed", "--by", "Ola"]) == 1
    err = capsys.readouterr().err
    assert "Input/output error" in err and str(path) in err
