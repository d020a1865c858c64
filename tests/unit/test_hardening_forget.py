"""`forget` keeps its word, and two records with one id never mix.

- It leaves a tombstone with a hash of the client's name (never the name); records and feedback
  of the client merged in later from another clone are reported by `list` and `validate`, and
  deleted by the next `forget`; writers refuse to bring the client's records back.
- It exits non-zero when anything could not be deleted, and deletes everything even when its
  output goes nowhere (`forget ... | head`).
- A record id carried by two files: `list` and `validate` report it; `show`, `decide`,
  `feedback` and `forget` refuse, naming both files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from wizard.cli import main as cli
from wizard.storage import feedback
from wizard.model.reasoning import assess
from wizard.model.records import DecisionRecord
from wizard.storage.record_writer import to_toml
from wizard.storage import files, forgotten

ROOT = Path(__file__).resolve().parents[2]
TZ = timezone(timedelta(hours=1))


def make(bank, client="Kowalski Meble", record_id="0a0a0a0a", days_ago=10) -> DecisionRecord:
    answers = {"late_payments": 3}
    created = (datetime.now(TZ) - timedelta(days=days_ago)).replace(microsecond=0)
    result = assess(bank, answers, "en", created.date())
    return DecisionRecord(id=record_id, client=client, created=created, language="en", bank_version=bank.version,
                          assessor="Ewa", review_date=result.review_date, answers=answers, result=result)


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([*map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------------------------------------
# Tombstones


def test_forget_leaves_a_tombstone_with_a_hash_never_the_name(store, bank, capsys):
    _, record = store.save_new(make(bank))
    code, out, _ = run(capsys, "forget", "kowalski  MEBLE", "--yes")
    assert code == 0
    [tombstone] = (store.root / forgotten.FOLDER).iterdir()
    text = tombstone.read_text(encoding="utf-8")
    assert "kowalski" not in text.lower() and forgotten.client_hash("Kowalski Meble") in text
    assert record.id in text
    assert ".forgotten/" in out and "hash" in out


def test_what_another_clone_merges_in_later_is_reported_and_deleted_by_the_next_forget(store, bank, capsys):
    """A teammate's clone still had the record and gave feedback on it; after the merge, list
    and validate say so, and forget deletes it again."""
    path, record = store.save_new(make(bank))
    feedback.add(store.root, feedback.make(record.id, "Piotr", "agree"))
    text = path.read_text(encoding="utf-8")
    clone = Path(str(store.root) + "-clone")
    shutil.copytree(store.root, clone)
    assert run(capsys, "forget", "Kowalski Meble", "--yes")[0] == 0
    assert not path.exists()

    # the merge: the record, and feedback given in the clone meanwhile, come back
    path.write_text(text, encoding="utf-8")
    later = feedback.make(record.id, "Ola", "disagree")
    (store.root / "feedback" / record.id).mkdir(parents=True)
    (store.root / "feedback" / record.id / "20990101T000000.000000Z-ola-abcdef.toml").write_text(
        feedback.to_toml(later), encoding="utf-8")
    code, out, err = run(capsys, "list")
    assert code == 1
    assert f"{path}: a record of a client deleted with forget" in err and 'forget "Kowalski Meble"' in err
    assert f"feedback/{record.id}: feedback on a record deleted with forget" in err
    code, out, err = run(capsys, "validate", store.root)
    assert code == 1 and "deleted with forget" in err

    code, out, err = run(capsys, "forget", "Kowalski Meble", "--yes")
    assert code == 0, err
    assert not path.exists() and not (store.root / "feedback" / record.id).exists()
    assert run(capsys, "list")[0] == 0
    shutil.rmtree(clone)


def test_feedback_merged_in_alone_is_found_by_the_next_forget(store, bank, capsys):
    path, record = store.save_new(make(bank))
    assert run(capsys, "forget", "Kowalski Meble", "--yes")[0] == 0
    orphan = store.root / "feedback" / record.id
    orphan.mkdir(parents=True)
    (orphan / "20990101T000000.000000Z-ola-abcdef.toml").write_text(
        feedback.to_toml(feedback.make(record.id, "Ola", "agree")), encoding="utf-8")
    code, out, err = run(capsys, "forget", "Kowalski Meble", "--yes")
    assert code == 0, err
    assert not orphan.exists() and f"deleted: {orphan}" in out


def test_writers_never_bring_a_forgotten_client_back(store, bank, capsys):
    path, record = store.save_new(make(bank))
    old_draft = make(bank, record_id="0d0d0d0d")
    store.save_draft(old_draft)
    assert run(capsys, "forget", "Kowalski Meble", "--yes")[0] == 0
    for attempt in (lambda: store.save_new(record),  # an assessment made before the forget, saved after
                    lambda: store.save_draft(old_draft),  # the wizard still open on the deleted draft
                    lambda: feedback.add(store.root, feedback.make(record.id, "Ola", "agree"))):
        with pytest.raises(files.Refused) as caught:
            attempt()
        assert caught.value.key == "files.forgotten" and "forget" in str(caught.value)
    assert not list(store.root.glob("*.toml")) and not list(store.drafts.glob("*.toml"))
    later = make(bank, record_id="0e0e0e0e", days_ago=-1)  # a new assessment, after the forget: kept
    store.save_new(later)
    assert [e.summary.id for e in store.summaries(bank)] == ["0e0e0e0e"]


# ---------------------------------------------------------------------------------------------
# Exit codes and output


def test_forget_deletes_everything_even_when_its_reader_is_gone(store, bank):
    """`forget ... --yes | head`: the pipe is closed before the first line; every file is still
    deleted and the exit code says so."""
    for number in range(30):
        path, record = store.save_new(make(bank, record_id=f"{number:08x}", days_ago=number + 1))
        feedback.add(store.root, feedback.make(record.id, "Ola", "agree"))
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will read: the first write fails (EPIPE)
    done = subprocess.run([sys.executable, "-m", "wizard", "forget", "Kowalski Meble", "--yes"],
                          stdout=write_end, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120)
    os.close(write_end)
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
    assert done.returncode == 0
    assert not list(store.root.glob("*.toml")) and not list((store.root / "feedback").iterdir())


def test_forget_exits_non_zero_when_a_file_could_not_be_deleted(store, bank, capsys, monkeypatch):
    path, _ = store.save_new(make(bank))
    real = files.delete

    def refuse(root, target, **options):
        if target == path:
            raise PermissionError(13, "Permission denied", str(path))
        return real(root, target, **options)

    monkeypatch.setattr(files, "delete", refuse)
    code, out, err = run(capsys, "forget", "Kowalski Meble", "--yes")
    assert code == 1 and path.exists()
    assert f"could not delete {path}" in err and "chmod" in err and "run forget again" in err


# ---------------------------------------------------------------------------------------------
# Duplicate ids


@pytest.fixture
def twins(store, bank):
    """A record copied, with only the client and the file name changed: one id, two files."""
    path, record = store.save_new(make(bank, "Acme"))
    feedback.add(store.root, feedback.make(record.id, "Piotr", "disagree", "only about Acme"))
    copy = store.root / path.name.replace("acme", "nova")
    copy.write_text(to_toml(make(bank, "Nova")), encoding="utf-8")
    return path, copy, record


def test_list_and_validate_report_two_records_with_one_id(capsys, store, twins):
    path, copy, record = twins
    code, out, err = run(capsys, "list")
    assert code == 1 and "Acme" in out and "Nova" in out
    assert f"{path}: id: {record.id} is also the id of {copy}" in err
    code, out, err = run(capsys, "validate", store.root)
    assert code == 1 and f"{copy}: id: {record.id} is also the id of {path}" in err


@pytest.mark.parametrize("args", [
    ("show", "ID"), ("show", "COPY"), ("decide", "ID", "--status", "accepted", "--by", "Ola"),
    ("feedback", "COPY", "--by", "Ola", "--stance", "agree"), ("forget", "Nova", "--yes"),
], ids=["show", "show by path", "decide", "feedback", "forget"])
def test_an_ambiguous_id_is_refused_naming_both_files(capsys, store, twins, args):
    path, copy, record = twins
    before = sorted((p, p.read_bytes()) for p in store.root.rglob("*.toml"))
    code, out, err = run(capsys, *[{"ID": record.id, "COPY": copy}.get(a, a) for a in args])
    assert code == 1
    assert str(path) in err and str(copy) in err, err
    assert "only about Acme" not in out  # Acme's feedback is never shown as Nova's
    assert sorted((p, p.read_bytes()) for p in store.root.rglob("*.toml")) == before
