"""The list cache (wizard/storage/index.py): fast, and never stale.

Every test compares the cached listing with what reading every file in full gives
(`RecordStore.scan`), after adding, changing, removing and breaking files behind its back.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.privileges import obeying_permissions
from tests.unit._support import with_schema
from wizard.storage import index
from wizard.model.records import SCHEMA
from wizard.model.reasoning import assess
from wizard.model.records import DecisionRecord, Decision
from wizard.storage.record_writer import to_toml
from wizard.storage.store import RecordStore

TZ = timezone(timedelta(hours=1))
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def trust_fresh_files(monkeypatch):
    """Files written by a test are seconds old at most; let the cache keep them (see test_racy)."""
    monkeypatch.setattr(index, "RACY_NS", 0)


def make(bank, client="Acme", minute=0, record_id=None, status="draft", answers=None, decided=None):
    answers = {"late_payments": 3, "toxicity": 1} if answers is None else answers
    created = datetime(2026, 3, 1, 9, 0, tzinfo=TZ) + timedelta(minutes=minute)
    result = assess(bank, answers, "en", created.date())
    return DecisionRecord(
        id=record_id or f"{minute:08x}", client=client, created=created, language="en",
        bank_version=bank.version, status=status, assessor="Ewa", review_date=result.review_date,
        answers=answers, result=result,
        decision=Decision(decided, reason="we know better", by="Ewa") if decided else None,
    )


def expected(store, bank) -> list[tuple]:
    """The listing computed the slow way: every file read and validated in full."""
    rows = []
    for entry in store.scan(bank):
        if entry.record is None:
            rows.append((entry.path.name, None, tuple(str(p) for p in entry.problems)))
        else:
            rows.append((entry.path.name, index.summarize(entry.record), ()))
    return rows


def listed(store, bank) -> list[tuple]:
    return [(e.path.name, e.summary, tuple(str(p) for p in e.problems)) for e in store.summaries(bank)]


def count_reads(monkeypatch) -> list[Path]:
    reads: list[Path] = []
    real = index.read_summary

    def counting(path, bank):
        reads.append(Path(path))
        return real(path, bank)

    monkeypatch.setattr(index, "read_summary", counting)
    return reads


def index_file(store) -> Path:
    return store.root / index.FOLDER / index.FILE


def test_summaries_equal_a_full_read_newest_first(store, bank):
    for minute in (5, 1, 9):
        store.save_new(make(bank, f"Client {minute}", minute))
    store.save_new(make(bank, "Decided", 20, decided="end_now", status="accepted"))
    rows = listed(store, bank)
    assert rows == expected(store, bank)
    assert [r[1].client for r in rows] == ["Decided", "Client 9", "Client 5", "Client 1"]
    assert rows[0][1].level == "end_now" and rows[0][1].recommended != "end_now"


def test_warm_listing_reads_no_file(store, bank, monkeypatch):
    for minute in range(5):
        store.save_new(make(bank, minute=minute))
    first = listed(store, bank)
    reads = count_reads(monkeypatch)
    assert listed(store, bank) == first
    assert reads == []


def test_added_changed_and_removed_files_are_seen(store, bank, monkeypatch):
    paths = [store.save_new(make(bank, f"C{m}", m))[0] for m in range(4)]
    listed(store, bank)
    reads = count_reads(monkeypatch)
    added, _ = store.save_new(make(bank, "New", 30))
    paths[0].unlink()
    changed = paths[1]
    record = make(bank, "C1", 1, status="accepted")  # same length as "proposed": same size
    store.update(changed, make(bank, "C1", 1, status="proposed"))
    listed(store, bank)
    before = os.stat(changed)
    time.sleep(0.05)
    changed.write_text(to_toml(record), encoding="utf-8")  # in place: same inode, same size
    os.utime(changed, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same mtime
    assert os.stat(changed).st_size == before.st_size
    reads.clear()
    rows = listed(store, bank)
    assert {p.name for p in reads} == {changed.name}
    assert rows == expected(store, bank)
    assert {r[0] for r in rows} == {added.name, paths[1].name, paths[2].name, paths[3].name}
    assert next(r[1] for r in rows if r[0] == changed.name).status == "accepted"


def test_broken_files_are_always_reported_and_good_ones_still_listed(store, bank, monkeypatch):
    store.save_new(make(bank, "Good", 1))
    (store.root / "2026-01-01-bad-toml-0001.toml").write_text("client = \n", encoding="utf-8")
    (store.root / "2026-01-01-bad-field-0002.toml").write_text(
        to_toml(make(bank, "Bad", 2)).replace('status = "draft"', 'status = "maybe"'), encoding="utf-8")
    (store.root / "2026-01-01-folder-0003.toml").mkdir()
    first = listed(store, bank)
    assert first == expected(store, bank)
    assert [r[1].client for r in first if r[1]] == ["Good"]
    assert len([r for r in first if r[1] is None]) == 3
    assert any("status" in line for r in first for line in r[2])
    reads = count_reads(monkeypatch)
    assert listed(store, bank) == first  # still reported, from the cache
    assert reads == []


def test_a_file_that_read_record_rejects_is_broken_in_the_listing_too(store, bank):
    text = to_toml(make(bank, "Odd", 1))
    cases = {
        "unknown-question": text.replace("[answers]\n", "[answers]\nno_such_question = 1\n"),
        "bad-answer": text.replace("late_payments = 3", "late_payments = 9"),
        "bad-reason": text.replace("share = ", "share = \"x\"\nignored = ", 1),
        "naive-time": text.replace("+01:00", "", 1),
        "unknown-field": "colour = \"red\"\n" + text,
        "newer-schema": with_schema(text, SCHEMA + 1),
    }
    for name, content in cases.items():
        (store.root / f"2026-01-01-{name}-00aa.toml").parent.mkdir(parents=True, exist_ok=True)
        (store.root / f"2026-01-01-{name}-00aa.toml").write_text(content, encoding="utf-8")
    rows = listed(store, bank)
    assert rows == expected(store, bank)
    assert all(r[1] is None for r in rows), rows


def test_read_failures_are_not_cached(store, bank, monkeypatch):
    from wizard.storage import files

    path, _ = store.save_new(make(bank, "Flaky", 1))
    real = files.read_bytes

    def failing(name, **options):
        if Path(name) == path:
            raise OSError(5, "Input/output error")
        return real(name, **options)

    monkeypatch.setattr(files, "read_bytes", failing)
    rows = listed(store, bank)
    assert rows[0][1] is None and "cannot be read" in rows[0][2][0]
    monkeypatch.setattr(files, "read_bytes", real)
    assert listed(store, bank)[0][1].client == "Flaky"


def test_deleting_or_corrupting_the_index_loses_nothing(store, bank):
    for minute in range(3):
        store.save_new(make(bank, minute=minute))
    (store.root / "2026-01-01-bad-0001.toml").write_text("[[[", encoding="utf-8")
    truth = expected(store, bank)
    assert listed(store, bank) == truth
    shutil.rmtree(store.root / index.FOLDER)
    assert listed(store, bank) == truth
    good = json.loads(index_file(store).read_text(encoding="utf-8"))
    name = next(iter(good["files"]))
    corruptions = [
        "", "{", "[]", "null", '{"format": 1}', "\x00\x01binary",
        json.dumps({**good, "format": 99}),
        json.dumps({**good, "files": []}),
        json.dumps({**good, "files": {name: "x"}}),
        json.dumps({**good, "files": {name: good["files"][name][:4] + [[1, 2, 3]]}}),
        json.dumps({**good, "files": {name: good["files"][name][:4] + [[None] * 9]}}),
        json.dumps({**good, "files": {name: good["files"][name][:4] + [None, [[1]]]}}),
        json.dumps({**good, "files": {name: good["files"][name][:4] + [["a", "b", "c", "not a date", "d",
                                                                        None, None, 1, None]]}}),
        "[" * 100_000,
    ]
    for text in corruptions:
        index_file(store).write_text(text, encoding="utf-8")
        assert listed(store, bank) == truth, text[:80]


def test_another_question_bank_rebuilds_the_cache(store, bank, tmp_path):
    from tests.unit._support import copy_bank
    from wizard.storage import bank_files

    folder = copy_bank(tmp_path)
    with (folder / "context.toml").open("a", encoding="utf-8") as handle:
        handle.write(EXTRA_QUESTION)
    custom = bank_files.load(folder)
    assert index.bank_fingerprint(custom) != index.bank_fingerprint(bank)
    answers = {"late_payments": 3, "extra_question": 2}
    store.save_new(make(custom, "Acme", 1, answers=answers))
    assert listed(store, custom)[0][1].client == "Acme"
    rows = listed(store, bank)  # the shipped bank has no such question: the record is broken
    assert rows[0][1] is None and any("extra_question" in line for line in rows[0][2])
    assert rows == expected(store, bank)
    assert listed(store, custom)[0][1].client == "Acme"


EXTRA_QUESTION = """
[[question]]
id = "extra_question"
kind = "scale"
role = "context"
text.en = "A question this team added"
text.pl = "Pytanie dodane przez zespół"
help.en = "Anything."
help.pl = "Cokolwiek."
"""


def test_drafts_feedback_and_hidden_files_are_not_listed(store, bank):
    store.save_new(make(bank, "Kept", 1))
    store.save_draft(make(bank, "Draft", 2))
    feedback = store.root / "feedback" / "00000001"
    feedback.mkdir(parents=True)
    (feedback / "x.toml").write_text("schema = 1\n", encoding="utf-8")
    (store.root / ".tmp-half-written.toml").write_text("client = ", encoding="utf-8")
    listed(store, bank)
    assert [r[1].client for r in listed(store, bank)] == ["Kept"]
    assert set(json.loads(index_file(store).read_text(encoding="utf-8"))["files"]) == {
        p.name for p in store.paths()}


def test_racy_files_are_not_cached(store, bank, monkeypatch):
    monkeypatch.setattr(index, "RACY_NS", 2_000_000_000)
    path, _ = store.save_new(make(bank, "Just written", 1))
    listed(store, bank)
    assert not index_file(store).exists() or path.name not in json.loads(index_file(store).read_text())["files"]
    old = time.time_ns() - 10 * 10**9
    os.utime(path, ns=(old, old))
    real = time.time_ns
    monkeypatch.setattr(index.time, "time_ns", lambda: real() + 5 * 10**9)  # ctime too is old now
    listed(store, bank)
    assert path.name in json.loads(index_file(store).read_text())["files"]


def test_an_unwritable_index_is_ignored_and_leaves_nothing_behind(store, bank, monkeypatch):
    for minute in range(3):
        store.save_new(make(bank, minute=minute))
    truth = expected(store, bank)

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(index.json, "dumps", refuse)
    assert listed(store, bank) == truth
    assert not index_file(store).exists()
    assert [p.name for p in (store.root / index.FOLDER).iterdir()] == [".gitignore"]
    monkeypatch.setattr(index.guarded, "make_folder", refuse)
    assert listed(store, bank) == truth


@pytest.mark.skipif(os.name != "posix", reason="POSIX folder modes")
def test_a_read_only_folder_still_lists(store, bank):
    """The cache cannot be written into a folder without write permission: list works anyway."""
    saved = [store.save_new(make(bank, minute=m))[1].id for m in (1, 2)]
    store.root.chmod(0o500)
    try:
        done = subprocess.run(
            [*obeying_permissions(), sys.executable, "-m", "wizard", "list", "--json", "--records-dir", str(store.root)],
            capture_output=True, text=True, encoding="utf-8", timeout=120,
        )
    finally:
        store.root.chmod(0o700)
    assert done.returncode == 0, done.stderr
    assert sorted(json.loads(line)["id"] for line in done.stdout.splitlines()) == sorted(saved)
    assert not (store.root / index.FOLDER).exists()  # really refused: no cache was written


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_index_is_private_unless_the_folder_is_shared(store, bank, tmp_path):
    store.save_new(make(bank))
    listed(store, bank)
    assert (store.root / index.FOLDER).stat().st_mode & 0o777 == 0o700
    assert index_file(store).stat().st_mode & 0o777 == 0o600
    shared = RecordStore(tmp_path / "shared")
    shared.root.mkdir()
    (shared.root / ".client-exit-shared").write_text("", encoding="utf-8")
    old = os.umask(0o027)
    try:
        shared.save_new(make(bank))
        listed(shared, bank)
    finally:
        os.umask(old)
    assert (shared.root / index.FOLDER).stat().st_mode & 0o777 == 0o750
    assert index_file(shared).stat().st_mode & 0o777 == 0o640


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_never_sees_the_index(store, bank):
    store.root.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(store.root)], check=True)
    store.save_new(make(bank))
    listed(store, bank)
    assert index_file(store).exists()
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=store.root,
                            capture_output=True, text=True, check=True).stdout
    assert status.strip() and ".index" not in status


def test_cli_list_is_the_same_cold_and_warm(store, bank):
    for minute in range(4):
        store.save_new(make(bank, f"Client {minute}", minute, decided="monitor" if minute == 2 else None))
    (store.root / "2026-01-01-bad-0001.toml").write_text("nope", encoding="utf-8")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "wizard", "list", *args], capture_output=True,
                              text=True, encoding="utf-8", cwd=ROOT, timeout=60)

    time.sleep(2.1)  # older than the cache's racy window (this runs in other processes)
    cold = [run("--json"), run()]
    assert len(json.loads(index_file(store).read_text(encoding="utf-8"))["files"]) == 5
    warm = [run("--json"), run()]
    for a, b in zip(cold, warm):
        assert (a.returncode, a.stdout, a.stderr) == (b.returncode, b.stdout, b.stderr)
    assert cold[0].returncode == 1 and "bad-0001" in cold[0].stderr
    lines = [json.loads(line) for line in cold[0].stdout.splitlines()]
    assert [line["client"] for line in lines] == ["Client 3", "Client 2", "Client 1", "Client 0"]
    assert lines[1]["level"] == "monitor"


def test_list_on_an_empty_folder_imports_nothing_heavy(tmp_path):
    code = (
        "import sys, io, contextlib\n"
        "from wizard.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    code = main(['list', '--records-dir', {str(tmp_path / 'none')!r}])\n"
        "assert code == 0 and 'No records' in out.getvalue(), out.getvalue()\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.returncode == 0, run.stderr
    modules = set(run.stdout.split())
    for heavy in ("rich", "textual", "tomllib", "wizard.model.bank", "wizard.model.records", "wizard.storage.index",
                  "dataclasses", "platformdirs"):
        assert heavy not in modules, heavy


# ---------------------------------------------------------------------------------------------
# The cheaper check (index.plainly_valid) never accepts what parse_record refuses

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.unit._support import answer_sets  # noqa: E402
from wizard.storage.record_reader import parse_record  # noqa: E402

SCALARS = st.one_of(st.integers(-3, 120), st.floats(-1, 2), st.booleans(), st.text(max_size=6),
                    st.sampled_from(["continue", "end_now", "draft", "en", "abcd", "late_payments", ""]),
                    st.dates(), st.datetimes(), st.datetimes(timezones=st.just(TZ)))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(st.text(max_size=5), inner, max_size=3)),
                      max_leaves=6)


def paths_in(value, prefix=()):
    """Every place in nested tables and lists, as a tuple of keys and indexes."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_in(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths_in(item, (*prefix, index))


def full_record(bank, answers, decided=None, skipped=()):
    record = make(bank, "Fuzz", 3, answers={k: v for k, v in answers.items() if k not in skipped},
                  decided=decided)
    from dataclasses import replace

    from wizard.model.records import StatusChange
    history = (StatusChange("proposed", record.created, "Ewa", "monitor", reason="we know better"),
               StatusChange("accepted", None, "Ola", comment="fine", outcome="done"))
    decision = replace(record.decision, comment="fine") if record.decision else None
    from datetime import date

    from wizard.model.records import Evidence, LedgerSource
    evidence = {k: Evidence("7 of 12 invoices paid late", v) for k, v in list(record.answers.items())[:2]}
    evidence["orders_trend"] = Evidence("nothing in the first half to compare with")
    return replace(record, skipped=tuple(skipped), notes={k: "a note" for k in list(answers)[:2]},
                   decision_makers=("Ewa",), outcome="done", status_history=history, decision=decision,
                   evidence=evidence, ledger=LedgerSource("ledger.csv", date(2025, 12, 1), date(2026, 11, 30)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(data=st.data())
def test_the_cheaper_check_never_accepts_what_parse_record_refuses(bank, data):
    import copy
    import tomllib

    answers = data.draw(answer_sets(bank))
    record = full_record(bank, answers, decided=data.draw(st.sampled_from([None, "monitor"])))
    table = tomllib.loads(to_toml(record))
    for _ in range(data.draw(st.integers(1, 3))):
        table = copy.deepcopy(table)
        path = data.draw(st.sampled_from(list(paths_in(table))[1:]))
        parent = table
        for step in path[:-1]:
            parent = parent[step]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = data.draw(VALUES)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[data.draw(st.text(max_size=8))] = data.draw(VALUES)
        else:
            parent.append(data.draw(VALUES))
    if index.plainly_valid(table, bank):
        parse_record(table, "fuzzed.toml", bank)  # must not raise


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_record_the_writer_makes_takes_the_cheap_path_with_the_same_summary(bank, data, tmp_path):
    answers = data.draw(answer_sets(bank))
    skipped = data.draw(st.lists(st.sampled_from([q.id for q in bank.questions]), max_size=3, unique=True))
    record = full_record(bank, answers, decided=data.draw(st.sampled_from([None, "end_now"])), skipped=skipped)
    path = tmp_path / "record.toml"
    path.write_text(to_toml(record), encoding="utf-8")
    import tomllib

    assert index.plainly_valid(tomllib.loads(path.read_text(encoding="utf-8")), bank)
    from wizard.storage.record_reader import read_record

    assert index.read_summary(path, bank) == index.summarize(read_record(path, bank))


# If this fails, the rules of reading a record changed: check that index.plainly_valid is still
# at least as strict as parse_record (and extend the fuzzing above to the new rule), then update
# the fingerprint below.
READER_FINGERPRINT = "46e495e6597443fb"


def test_the_cheaper_check_is_reviewed_when_the_record_rules_change():
    import hashlib
    import inspect

    from wizard import i18n
    from wizard.model import problems, records
    from wizard.storage import answers_codec, record_reader

    parts = [record_reader.parse_record, answers_codec.read_sheet, answers_codec.text_list,
             record_reader._RecordReader, problems.FieldReader, records.RECORD_KEYS, records.STATUSES,
             i18n.LANGUAGES, records.SCHEMA, answers_codec._evidence, answers_codec._ledger, answers_codec._day]
    source = "\n".join(inspect.getsource(p) if callable(p) else repr(p) for p in parts)
    fingerprint = hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
    assert fingerprint == READER_FINGERPRINT, (
        f"parse_record's rules changed (fingerprint {fingerprint}): review wizard/storage/index.py "
        "plainly_valid, then set READER_FINGERPRINT in this test")


def test_stale_temporary_files_of_the_cache_are_cleaned_up(store, bank):
    store.save_new(make(bank))
    listed(store, bank)
    folder = store.root / index.FOLDER
    stale, fresh = folder / ".tmp-killed.json", folder / ".tmp-writing.json"
    for path in (stale, fresh):
        path.write_text('{"files": {"x": "Kowalski"}}', encoding="utf-8")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    store.save_new(make(bank, "Another", 5))
    listed(store, bank)
    assert not stale.exists() and fresh.exists()


def test_list_says_when_the_folder_cannot_be_read(store, bank, monkeypatch, capsys):
    from wizard.cli import main as cli

    store.save_new(make(bank))

    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", refuse)
    assert cli.main(["list"]) == 1
    err = capsys.readouterr().err
    assert f"{store.root}: cannot read the records folder (Permission denied for {store.root}: give yourself " \
           "access (chmod u+rwx" in err
