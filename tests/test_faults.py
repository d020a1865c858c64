"""Faults on save: a full disk, a read-only folder, no permission. The command line names the
folder and the reason, exits 1 without a traceback, and leaves no partial file behind; the
records already there stay valid, and saving works again once the fault is gone.

Each fault is simulated in-process (so it runs everywhere, as any user) and, where the system
allows, made real: a 64 KiB tmpfs that fills up, remounted read-only (root only; skipped when
mounting is not permitted), and a folder without write permission (not as root, who ignores it).
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.privileges import obeying_permissions
from wizard.cli import main as cli
from wizard.storage.record_reader import read_record
from wizard.storage import files as guarded

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "examples" / "late-payer.toml"


def run_cli(*args, prefix: list[str] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "wizard", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"})


def files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def assert_clean_failure(code: int, err: str, folder: Path, reason: str) -> None:
    assert code == 1
    assert "Traceback" not in err
    line = next(line for line in err.splitlines() if "cannot save" in line)
    assert str(folder) in line and reason in line, err


def assert_no_partial_files(folder: Path, bank) -> None:
    assert not [p for p in folder.rglob(".tmp-*") if p.is_file()], files(folder)
    for path in folder.glob("*.toml"):
        read_record(path, bank)  # every record left is whole and valid


def save_in_process(capsys, folder: Path) -> tuple[int, str]:
    code = cli.main(["assess", str(ANSWERS), "--save", "--force", "--records-dir", str(folder)])
    return code, capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# Simulated faults: run everywhere


def test_full_disk_on_fsync(capsys, monkeypatch, records_dir, bank):
    assert save_in_process(capsys, records_dir)[0] == 0
    before = files(records_dir)

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    code, err = save_in_process(capsys, records_dir)
    assert_clean_failure(code, err, records_dir, "No space left on device")
    assert files(records_dir) == before
    assert_no_partial_files(records_dir, bank)
    monkeypatch.undo()
    assert save_in_process(capsys, records_dir)[0] == 0  # saving works again
    assert len(files(records_dir)) == len(before) + 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_disk_on_write(capsys, monkeypatch, records_dir, bank):
    """Every write goes to /dev/full, which fails as a full disk does (ENOSPC)."""
    real = guarded._create_temp

    def create_temp(*args, **kwargs):
        name, fd = real(*args, **kwargs)
        os.close(fd)
        return name, os.open("/dev/full", os.O_WRONLY)

    monkeypatch.setattr(guarded, "_create_temp", create_temp)
    code, err = save_in_process(capsys, records_dir)
    assert_clean_failure(code, err, records_dir, "No space left on device")
    # Nothing but the folder's own settings (the list cache, the drafts' .gitignore).
    assert [name for name in files(records_dir) if not name.startswith(".index")
            and name != "drafts/.gitignore"] == []


@pytest.mark.parametrize("error", [
    OSError(errno.EACCES, "Permission denied"),
    OSError(errno.EROFS, "Read-only file system"),
])
def test_no_permission_or_read_only_folder(capsys, monkeypatch, records_dir, bank, error):
    assert save_in_process(capsys, records_dir)[0] == 0
    before = files(records_dir)

    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr(guarded, "_create_temp", refuse)
    code, err = save_in_process(capsys, records_dir)
    assert_clean_failure(code, err, records_dir, error.strerror)
    assert files(records_dir) == before
    code = cli.main(["list", "--records-dir", str(records_dir)])  # listing needs no writing
    assert code == 0 and "Kowalski" in capsys.readouterr().out


def test_a_folder_that_cannot_be_created(capsys, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, err = save_in_process(capsys, blocker / "records")
    assert_clean_failure(code, err, blocker / "records", "Not a directory")


def test_store_failures_leave_the_record_in_memory_to_retry(monkeypatch, store, bank):
    from wizard.storage.answers_codec import read_answers
    from wizard.model.reasoning import assess
    from wizard.model.records import DecisionRecord, new_id, now

    sheet = read_answers(ANSWERS, bank)
    created = now()
    result = assess(bank, sheet.answers, "en", created.date())
    record = DecisionRecord(id=new_id(), client=sheet.client, created=created, language="en",
                            bank_version=bank.version, answers=sheet.answers, result=result,
                            review_date=result.review_date)
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space")))
    with pytest.raises(OSError):
        store.save_new(record)
    with pytest.raises(OSError):
        store.save_draft(record)
    monkeypatch.undo()
    path, saved = store.save_new(record)
    assert read_record(path, bank) == saved
    assert_no_partial_files(store.root, bank)


# ---------------------------------------------------------------------------------------------
# Real faults: a tiny tmpfs (root, where mounting is permitted); a read-only folder (not root)


@pytest.fixture
def tiny_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_real_full_disk(tiny_disk, bank):
    records = tiny_disk / "records"
    saved = 0
    for _ in range(100):
        done = run_cli("assess", ANSWERS, "--save", "--force", "--records-dir", records)
        if done.returncode != 0:
            break
        saved += 1
    else:
        pytest.fail("64 KiB never filled up")
    assert saved >= 1
    assert_clean_failure(done.returncode, done.stderr, records, "No space left on device")
    assert "Kowalski" in done.stdout  # the assessment itself is still shown
    assert_no_partial_files(records, bank)
    listing = run_cli("list", "--records-dir", records)
    assert listing.returncode == 0 and listing.stdout.count("Kowalski") == saved
    # Free some space: saving works again.
    for path in sorted(records.glob("*.toml"))[:2]:
        path.unlink()
    assert run_cli("assess", ANSWERS, "--save", "--force", "--records-dir", records).returncode == 0


def test_a_real_read_only_file_system(tiny_disk, bank):
    records = tiny_disk / "records"
    assert run_cli("assess", ANSWERS, "--save", "--force", "--records-dir", records).returncode == 0
    remount = subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], capture_output=True, text=True)
    if remount.returncode != 0:
        pytest.skip(f"cannot remount read-only: {remount.stderr.strip()}")
    done = run_cli("assess", ANSWERS, "--save", "--force", "--records-dir", records)
    assert_clean_failure(done.returncode, done.stderr, records, "Read-only file system")
    listing = run_cli("list", "--records-dir", records)  # the list cache cannot be written: no matter
    assert listing.returncode == 0 and "Kowalski" in listing.stdout, listing.stderr
    forget = run_cli("forget", "Kowalski Meble Sp. z o.o.", "--yes", "--records-dir", records)
    assert forget.returncode == 1 and "Read-only file system" in forget.stderr
    assert "Traceback" not in forget.stderr


@pytest.mark.skipif(os.name != "posix", reason="POSIX folder modes")
def test_a_real_folder_without_write_permission(records_dir, bank):
    assert run_cli("assess", ANSWERS, "--save", "--force").returncode == 0
    records_dir.chmod(0o500)
    try:
        done = run_cli("assess", ANSWERS, "--save", "--force", prefix=obeying_permissions())
        assert_clean_failure(done.returncode, done.stderr, records_dir, "Permission denied")
        assert run_cli("list", prefix=obeying_permissions()).returncode == 0
    finally:
        records_dir.chmod(0o700)
    assert_no_partial_files(records_dir, bank)
