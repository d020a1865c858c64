"""Decision records: file names, lossless TOML, atomic writes, validation, where they live."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit._support import EXAMPLES, answer_sets, value_strategy, with_schema
from wizard.storage import bank_files
from wizard.model.bank import LEVELS
from wizard.model.problems import InvalidFile
from wizard.model.reasoning import assess
from wizard.model.records import (
    SCHEMA,
    STATUSES,
    Decision,
    DecisionRecord,
    Evidence,
    LedgerSource,
    StatusChange,
    slug,
)
from wizard.storage.answers_codec import read_answers
from wizard.storage.record_reader import read_record
from wizard.storage.record_writer import to_toml
from wizard.storage.files import write_text
from wizard.storage.store import RecordStore, records_dir

BANK = bank_files.load_default()
SLUG = re.compile(r"^[a-z0-9-]{1,40}$")
NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9-]{1,40})-([0-9a-f]+)\.toml$")
CET = timezone(timedelta(hours=1))


def make_record(client="Kowalski Meble Sp. z o.o.", answers=None, created=None, **fields) -> DecisionRecord:
    answers = dict(answers if answers is not None else {"late_payments": 3, "revenue_share": 45})
    created = created or datetime(2026, 3, 2, 9, 15, 0, tzinfo=CET)
    result = assess(BANK, answers, "en", created.date())
    values = dict(id="0a1b2c3d", client=client, created=created, language="en", bank_version=BANK.version,
                  status="draft", assessor="Anna", review_date=result.review_date, answers=answers,
                  result=result)
    values.update(fields)
    return DecisionRecord(**values)


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.startswith(".tmp") or p.name.endswith(".tmp")]


# ---------------------------------------------------------------------------------------------
# File names


@pytest.mark.parametrize(("name", "expected"), [
    ("Łódź", "lodz"),
    ("Zielona Łąka", "zielona-laka"),
    ("Żółć & Gęś Sp. z o.o.", "zolc-ges-sp-z-o-o"),
    ("ACME/Trade", "acme-trade"),
    ("../../etc/passwd", "etc-passwd"),
    ("..", "client"),
    (".", "client"),
    ("a.b.c", "a-b-c"),
    ("tab\there\x00nul\x1bescape", "tab-here-nul-escape"),
    ("🚀 Rocket 🚀", "rocket"),
    ("🚀🔥", "client"),
    ("Straße", "strasse"),
    ("   ", "client"),
    ("C:\\Windows\\system32", "c-windows-system32"),
])
def test_slug_examples(name, expected):
    assert slug(name) == expected


def test_slug_of_a_very_long_name_is_cut_to_40_without_a_trailing_dash():
    name = "Bardzo Długa Nazwa Firmy " * 40  # 1,000 characters
    assert len(name) == 1000
    result = slug(name)
    assert SLUG.match(result) and len(result) <= 40
    assert not result.endswith("-") and not result.startswith("-")
    assert result.startswith("bardzo-dluga-nazwa-firmy-")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=1200))
def test_slug_is_always_safe(name):
    result = slug(name)
    assert SLUG.match(result), repr(result)
    assert not result.startswith("-") and not result.endswith("-") and "--" not in result


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=1000).filter(lambda s: s.strip()))
def test_any_client_name_gives_a_safe_file_and_is_kept_exactly(tmp_path_factory, name):
    store = RecordStore(tmp_path_factory.mktemp("records"))
    record = make_record(client=name)
    path, saved = store.save_new(record)
    assert path.parent == store.root
    match = NAME.match(path.name)
    assert match, path.name
    assert match.group(1) == "2026-03-02"
    assert match.group(2) == slug(name)
    assert match.group(3) == saved.id
    assert read_record(path, BANK).client == name
    assert read_answers(path, BANK).client == name


def test_file_name_uses_the_local_date_of_creation():
    late = datetime(2026, 12, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    record = make_record(client="Łódź Design", created=late, id="beef")
    assert record.file_name() == "2026-12-31-lodz-design-beef.toml"


# ---------------------------------------------------------------------------------------------
# Write → read → write is lossless

TEXT = st.text(max_size=60)
OFFSETS = st.integers(-12 * 60, 14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))
AWARE = st.builds(
    lambda moment, tz: moment.replace(tzinfo=tz, microsecond=0),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)),
    OFFSETS,
)
PRECISE = st.builds(lambda moment, tz: moment.replace(tzinfo=tz),
                    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)), OFFSETS)
IDS = st.text(alphabet="0123456789abcdef", min_size=4, max_size=32)
QUESTION_IDS = [q.id for q in BANK.questions]


@st.composite
def records(draw) -> DecisionRecord:
    answers = draw(answer_sets(BANK))
    language = draw(st.sampled_from(["en", "pl"]))
    created = draw(AWARE)
    result = draw(st.one_of(st.none(), st.just(assess(BANK, answers, language, created.date()))))
    unanswered = [q for q in QUESTION_IDS if q not in answers]
    decision = draw(st.one_of(st.none(), st.builds(
        Decision,
        level=st.sampled_from(LEVELS),
        reason=TEXT,
        by=TEXT,
        at=st.one_of(st.none(), AWARE),
        comment=TEXT,
    )))
    history = draw(st.lists(st.builds(
        StatusChange,
        status=st.sampled_from(STATUSES),
        at=st.one_of(st.none(), PRECISE),
        by=TEXT,
        level=st.one_of(st.none(), st.sampled_from(LEVELS)),
        reason=TEXT,
        comment=TEXT,
        outcome=TEXT,
    ), max_size=3).map(tuple))
    texts = st.lists(TEXT, max_size=3).map(tuple)
    evidence = draw(st.dictionaries(st.sampled_from(QUESTION_IDS), st.builds(
        Evidence, text=st.text(max_size=200), derived=st.none()), max_size=4))
    for question in list(evidence)[:2]:  # some with the answer the ledger gave, some without one
        derived = draw(value_strategy(BANK.question(question)))
        evidence[question] = Evidence(evidence[question].text, derived)
    ledger = None
    if evidence or draw(st.booleans()):
        since = draw(st.dates(date(1990, 1, 1), date(2099, 1, 1)))
        ledger = LedgerSource(draw(st.text(min_size=1, max_size=60)), since,
                              since + timedelta(days=draw(st.integers(0, 800))))
    return DecisionRecord(
        id=draw(IDS),
        client=draw(st.text(min_size=1, max_size=80).filter(lambda s: s.strip())),
        created=created,
        language=language,
        bank_version=draw(TEXT),
        status=draw(st.sampled_from(STATUSES)),
        assessor=draw(TEXT),
        review_date=draw(st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2100, 1, 1)))),
        answers=answers,
        notes=draw(st.dictionaries(st.sampled_from(QUESTION_IDS), st.text(max_size=200), max_size=5)),
        skipped=tuple(draw(st.lists(st.sampled_from(unanswered), unique=True, max_size=5))) if unanswered else (),
        evidence=evidence,
        ledger=ledger,
        result=result,
        decision=decision,
        decision_makers=draw(texts),
        consulted=draw(texts),
        informed=draw(texts),
        outcome=draw(TEXT),
        supersedes=draw(st.lists(IDS, max_size=2).map(tuple)),
        superseded_by=draw(st.lists(IDS, max_size=2).map(tuple)),
        status_history=history,
    )


@settings(max_examples=70, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(record=records())
def test_write_read_write_is_lossless(tmp_path_factory, record):
    folder = tmp_path_factory.mktemp("roundtrip")
    first = to_toml(record)
    path = folder / record.file_name()
    write_text(path.parent, path, first, overwrite=False)
    assert path.read_bytes() == first.encode("utf-8")
    loaded = read_record(path, BANK)
    assert loaded == record
    second = to_toml(loaded)
    assert second == first
    # a record is also a valid answers file with the same answers
    sheet = read_answers(path, BANK)
    assert sheet.answers == record.answers
    assert sheet.notes == record.notes
    assert sheet.skipped == record.skipped
    assert (sheet.client, sheet.assessor) == (record.client, record.assessor)
    assert (sheet.evidence, sheet.ledger) == (record.evidence, record.ledger)


def test_record_is_readable_toml_with_time_zone_and_bank_version(store):
    import tomllib

    path, record = store.save_new(make_record())
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == 3  # its result names the problems found: what bank 2.0 added
    assert data["id"] == record.id and data["client"] == record.client
    assert data["created"].utcoffset() == timedelta(hours=1)
    assert data["bank_version"] == BANK.version
    assert data["status"] == "draft"
    assert data["answers"] == {"late_payments": 3, "revenue_share": 45}
    assert data["result"]["level"] == record.result.level
    assert data["result"]["score"] == record.result.score


def test_example_answers_file_round_trips_through_a_record(store):
    sheet = read_answers(EXAMPLES / "late-payer.toml", BANK)
    assert sheet.notes  # the example carries notes
    record = make_record(client=sheet.client, answers=sheet.answers, notes=sheet.notes, assessor=sheet.assessor)
    path, saved = store.save_new(record)
    again = read_answers(path, BANK)
    assert again == sheet


# ---------------------------------------------------------------------------------------------
# Never overwrite, atomic writes


def test_save_new_never_overwrites_the_same_record_saved_twice(store):
    record = make_record()
    first_path, first = store.save_new(record)
    first_bytes = first_path.read_bytes()
    second_path, second = store.save_new(record)  # same id, same name
    assert first.id == record.id
    assert second.id != record.id
    assert first_path != second_path
    assert first_path.read_bytes() == first_bytes
    assert read_record(second_path, BANK).id == second.id
    assert sorted(p.name for p in store.root.glob("*.toml")) == sorted([first_path.name, second_path.name])


def test_save_new_never_overwrites_a_foreign_file_with_the_same_name(store):
    record = make_record()
    store.ensure()
    squatter = store.root / record.file_name()
    squatter.write_text("not mine\n", encoding="utf-8")
    path, saved = store.save_new(record)
    assert squatter.read_text(encoding="utf-8") == "not mine\n"
    assert path != squatter and saved.id != record.id


def test_atomic_write_success_leaves_only_the_file(tmp_path):
    target = tmp_path / "r.toml"
    write_text(target.parent, target, "a = 1\n", overwrite=False)
    assert [p.name for p in tmp_path.iterdir()] == ["r.toml"]
    assert target.read_text(encoding="utf-8") == "a = 1\n"
    with pytest.raises(FileExistsError):
        write_text(target.parent, target, "a = 2\n", overwrite=False)
    assert target.read_text(encoding="utf-8") == "a = 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.toml"]
    write_text(target.parent, target, "a = 3\n", overwrite=True)
    assert target.read_text(encoding="utf-8") == "a = 3\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.toml"]


@pytest.mark.parametrize("failing", ["fsync", "link"])
def test_atomic_write_failure_leaves_no_partial_file(tmp_path, monkeypatch, failing):
    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, broken)
    target = tmp_path / "r.toml"
    with pytest.raises(OSError):
        write_text(target.parent, target, "a = 1\n" * 1000, overwrite=False)
    assert list(tmp_path.iterdir()) == []


def test_atomic_replace_failure_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "r.toml"
    target.write_text("old = true\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError(5, "I/O error")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_text(target.parent, target, "new = true\n", overwrite=True)
    assert target.read_text(encoding="utf-8") == "old = true\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.toml"]


def test_save_new_failure_leaves_the_store_clean(store, monkeypatch):
    store.ensure()

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError):
        store.save_new(make_record())
    assert list(store.root.glob("*.toml")) == []
    assert no_temp_files(store.root)


def test_records_are_private_to_their_owner(store):
    path, _ = store.save_new(make_record())
    assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE(store.root.stat().st_mode) & 0o077 == 0


# ---------------------------------------------------------------------------------------------
# Loading validates, naming the file and the field


@pytest.fixture
def saved(store) -> Path:
    path, _ = store.save_new(make_record(answers={"late_payments": 3, "revenue_share": 45, "improvement": "none"}))
    return path


def _broken(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _problem(path: Path, field: str) -> str:
    with pytest.raises(InvalidFile) as caught:
        read_record(path, BANK)
    for problem in caught.value.problems:
        if problem.file == str(path) and problem.field == field:
            assert str(path) in str(problem) and field in str(problem)
            return problem.message
    raise AssertionError(f"no problem for {field}: {caught.value}")


def test_bad_status(saved):
    message = _problem(_broken(saved, 'status = "draft"', 'status = "maybe"'), "status")
    assert "accepted" in message and "maybe" in message


def test_naive_created(saved):
    text = saved.read_text(encoding="utf-8")
    created = re.search(r"^created = (.+)$", text, re.M).group(1)
    naive = created[:19]
    message = _problem(_broken(saved, f"created = {created}", f"created = {naive}"), "created")
    assert "zone" in message


def test_created_not_a_date(saved):
    text = saved.read_text(encoding="utf-8")
    created = re.search(r"^created = (.+)$", text, re.M).group(1)
    _problem(_broken(saved, f"created = {created}", 'created = "yesterday"'), "created")


def test_unknown_answer_id(saved):
    message = _problem(_broken(saved, "late_payments = 3", "late_paymentz = 3"), "answers.late_paymentz")
    assert "unknown" in message


def test_out_of_range_scale(saved):
    message = _problem(_broken(saved, "late_payments = 3", "late_payments = 7"), "answers.late_payments")
    assert "7" in message and "4" in message


def test_percent_out_of_range(saved):
    _problem(_broken(saved, "revenue_share = 45", "revenue_share = 145"), "answers.revenue_share")


def test_wrong_answer_type(saved):
    message = _problem(_broken(saved, "late_payments = 3", 'late_payments = "often"'), "answers.late_payments")
    assert "often" in message


def test_unknown_choice_value(saved):
    _problem(_broken(saved, 'improvement = "none"', 'improvement = "some"'), "answers.improvement")


def test_wrong_type_of_a_top_level_field(saved):
    _problem(_broken(saved, 'assessor = "Anna"', "assessor = 42"), "assessor")


def test_unknown_top_level_field(saved):
    _problem(_broken(saved, 'status = "draft"', 'status = "draft"\nmood = "grumpy"'), "mood")


def test_bad_result_level(saved):
    text = saved.read_text(encoding="utf-8")
    level = re.search(r'^\[result\]\nlevel = "(\w+)"', text, re.M).group(1)
    _problem(_broken(saved, f'[result]\nlevel = "{level}"', '[result]\nlevel = "panic"'), "result.level")


def test_newer_schema_is_refused_with_a_clear_message(saved):
    saved.write_text(with_schema(saved.read_text(encoding="utf-8"), SCHEMA + 1), encoding="utf-8")
    message = _problem(saved, "schema")
    assert "newer" in message.lower()


def test_binary_file_is_not_text(tmp_path):
    path = tmp_path / "2026-01-01-x-abcd.toml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    with pytest.raises(InvalidFile) as caught:
        read_record(path, BANK)
    assert caught.value.problems[0].file == str(path)
    assert "text" in str(caught.value).lower() or "utf-8" in str(caught.value).lower()


def test_nul_bytes_are_not_text(tmp_path):
    path = tmp_path / "2026-01-01-x-abcd.toml"
    path.write_bytes(b'client = "a"\x00\n')
    with pytest.raises(InvalidFile) as caught:
        read_record(path, BANK)
    assert "text" in str(caught.value).lower()


def test_bad_toml(saved):
    _broken(saved, 'status = "draft"', 'status = "draft')
    with pytest.raises(InvalidFile) as caught:
        read_record(saved, BANK)
    assert caught.value.problems[0].file == str(saved)
    assert "TOML" in str(caught.value)


def test_every_bad_field_is_reported_at_once(saved):
    _broken(saved, 'status = "draft"', 'status = "maybe"')
    _broken(saved, "late_payments = 3", "late_payments = 9")
    with pytest.raises(InvalidFile) as caught:
        read_record(saved, BANK)
    fields = {p.field for p in caught.value.problems}
    assert {"status", "answers.late_payments"} <= fields


def test_answers_file_errors_name_file_and_field(tmp_path):
    path = tmp_path / "answers.toml"
    path.write_text('client = "X"\n[answers]\nlate_payments = true\nmystery = 1\n', encoding="utf-8")
    with pytest.raises(InvalidFile) as caught:
        read_answers(path, BANK)
    fields = {(p.file, p.field) for p in caught.value.problems}
    assert (str(path), "answers.late_payments") in fields
    assert (str(path), "answers.mystery") in fields


def test_answers_file_needs_a_client(tmp_path):
    path = tmp_path / "answers.toml"
    path.write_text("[answers]\nlate_payments = 1\n", encoding="utf-8")
    with pytest.raises(InvalidFile) as caught:
        read_answers(path, BANK)
    assert [p.field for p in caught.value.problems] == ["client"]


# ---------------------------------------------------------------------------------------------
# The store: scanning, order, drafts


def test_scan_lists_good_records_newest_first_and_reports_broken_ones(store):
    # 10:00 at +05:00 is 05:00 UTC; 08:00 at UTC is later, although its local hour is earlier
    early = make_record(client="Early", id="aaaa0001", created=datetime(2026, 1, 1, 10, 0, tzinfo=timezone(timedelta(hours=5))))
    late = make_record(client="Late", id="aaaa0002", created=datetime(2026, 1, 1, 8, 0, tzinfo=timezone.utc))
    oldest = make_record(client="Oldest", id="aaaa0003", created=datetime(2025, 6, 1, 12, 0, tzinfo=CET))
    for record in (oldest, early, late):
        store.save_new(record)
    broken = store.root / "2026-02-01-broken-dead.toml"
    broken.write_text("this is = = not toml", encoding="utf-8")
    binary = store.root / "2026-02-02-binary-beef.toml"
    binary.write_bytes(b"\xff\xfe\x00\x01")

    entries = store.scan(BANK)
    good = [e.record.client for e in entries if e.record is not None]
    assert good == ["Late", "Early", "Oldest"]
    bad = {e.path: e.problems for e in entries if e.record is None}
    assert set(bad) == {broken, binary}
    for path, problems in bad.items():
        assert problems and all(p.file == str(path) for p in problems)


def test_find_by_id_prefix_and_path(store):
    path_a, a = store.save_new(make_record(id="abc12345"))
    path_b, b = store.save_new(make_record(id="abd67890"))
    assert store.find("abc", BANK) == path_a
    assert store.find("ABD6", BANK) == path_b
    assert store.find(str(path_a), BANK) == path_a
    with pytest.raises(InvalidFile) as caught:
        store.find("ab", BANK)
    assert "several" in str(caught.value)
    with pytest.raises(InvalidFile):
        store.find("ffff", BANK)


def test_drafts_live_in_drafts(store):
    draft = make_record(id="d0d0d0d0", status="draft")
    path = store.save_draft(draft)
    assert path.parent == store.root / "drafts"
    assert store.scan(BANK) == []  # drafts are not records
    entries = store.scan_drafts(BANK)
    assert [e.record for e in entries] == [draft]
    assert entries[0].record.status == "draft"
    # saving a draft again replaces it (same id), leaving one file
    store.save_draft(replace(draft, answers={"late_payments": 4}))
    assert len(list(store.drafts.glob("*.toml"))) == 1
    assert store.scan_drafts(BANK)[0].record.answers == {"late_payments": 4}
    store.delete_draft(draft.id)
    assert store.scan_drafts(BANK) == []


def test_update_replaces_a_record_in_place(store):
    path, record = store.save_new(make_record())
    store.update(path, replace(record, status="accepted"))
    assert read_record(path, BANK).status == "accepted"
    assert len(list(store.root.glob("*.toml"))) == 1
    assert no_temp_files(store.root)


# ---------------------------------------------------------------------------------------------
# Where records live


def test_records_dir_option_beats_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("CLIENT_EXIT_RECORDS", str(tmp_path / "from-env"))
    assert records_dir(str(tmp_path / "from-option")) == tmp_path / "from-option"
    assert records_dir(tmp_path / "from-option") == tmp_path / "from-option"


def test_records_dir_environment_beats_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CLIENT_EXIT_RECORDS", str(tmp_path / "from-env"))
    assert records_dir(None) == tmp_path / "from-env"


def test_records_dir_defaults_to_the_user_data_dir(tmp_path, monkeypatch):
    data = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.delenv("CLIENT_EXIT_RECORDS", raising=False)
    default = records_dir(None)
    assert data in default.parents
    assert "client-exit" in str(default.relative_to(data))
    monkeypatch.setenv("CLIENT_EXIT_RECORDS", "")
    assert records_dir(None) == default


def test_records_dir_expands_the_home_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert records_dir("~/decisions") == tmp_path / "decisions"


def test_store_on_a_missing_folder_is_empty(tmp_path):
    store = RecordStore(tmp_path / "nowhere")
    assert store.scan(BANK) == [] and store.scan_drafts(BANK) == []
    assert not (tmp_path / "nowhere").exists()



def test_a_newer_records_answers_are_not_assessed_as_ours(tmp_path, bank):
    """A record of a newer schema may give its answers another meaning: reading it as an
    answers file is refused with the file and the field named, like reading it as a record."""
    from wizard.model.problems import InvalidFile
    from wizard.storage.answers_codec import read_answers

    path = tmp_path / "newer.toml"
    path.write_text(f'schema = {SCHEMA + 1}\nclient = "Acme"\n[answers]\nlate_payments = 3\n', encoding="utf-8")
    with pytest.raises(InvalidFile) as caught:
        read_answers(path, bank)
    (problem,) = caught.value.problems
    assert problem.file == str(path) and problem.field == "schema" and "newer version" in problem.message


def _old_style(result):
    """A result as the reasoning of bank 1.x made it: no problems, no range."""
    return replace(result, problems=(), range=None, open_questions=(), milder=None, harsher=None)


def test_a_record_needs_schema_2_only_for_what_schema_1_did_not_have(tmp_path):
    """Teammates on an older version keep reading records without a status history."""
    import tomllib

    old = _old_style(make_record().result)
    plain = make_record(decision=Decision("monitor", reason="why", by="Anna"), result=old)
    assert tomllib.loads(to_toml(plain))["schema"] == 1
    for record in (make_record(decision=Decision("monitor", comment="as recommended"), result=old),
                   make_record(status="proposed", status_history=(StatusChange("proposed", by="Anna"),), result=old)):
        data = tomllib.loads(to_toml(record))
        assert data["schema"] == 2
        path = tmp_path / record.file_name()
        path.write_text(to_toml(record), encoding="utf-8")
        assert read_record(path, BANK) == record


def test_a_result_of_bank_2_needs_schema_3_and_reads_back_whole(tmp_path):
    """The problems, the range of a thin result and a remedy's two-step path round-trip."""
    import tomllib

    record = make_record(answers={"late_payments": 4, "payment_terms_enforced": False})
    result = record.result
    assert result.problems and result.range and result.open_questions
    assert result.harsher is not None and result.harsher.then is not None
    data = tomllib.loads(to_toml(record))
    assert data["schema"] == 3
    assert data["result"]["range"] == list(result.range)
    assert data["result"]["harsher"]["then"] == {"question": result.harsher.then[0], "to": result.harsher.then[1]}
    path = tmp_path / record.file_name()
    path.write_text(to_toml(record), encoding="utf-8")
    assert read_record(path, BANK) == record


def test_an_old_record_without_history_reads_and_keeps_its_fields(tmp_path):
    """Written by version 1 (no status history, a reason on a recommended level): read as it is."""
    record = make_record(result=_old_style(make_record().result))
    text = to_toml(record) + (f'\n[decision]\nlevel = "{record.result.level}"\nreason = "agreed in the call"\n'
                              f'by = "Anna"\nat = 2026-03-03T10:00:00+01:00\n')
    path = tmp_path / record.file_name()
    path.write_text(text, encoding="utf-8")
    loaded = read_record(path, BANK)
    assert loaded.status_history == () and loaded.decision.reason == "agreed in the call"
    assert to_toml(loaded).startswith("schema = 1\n")


@pytest.mark.parametrize(("entry", "field", "message"), [
    ('status = "maybe"', "status_history[0].status", "must be one of"),
    ('status = "proposed"\nat = 2026-03-03T10:00:00', "status_history[0].at", "time zone"),
    ('status = "proposed"\nmood = "good"', "status_history[0].mood", "unknown field"),
    ('status = "proposed"\nlevel = "panic"', "status_history[0].level", "must be one of"),
    ('by = "Anna"', "status_history[0].status", "is missing"),
])
def test_a_broken_status_history_names_the_field(tmp_path, entry, field, message):
    path = tmp_path / "r.toml"
    path.write_text(to_toml(make_record()) + f"\n[[status_history]]\n{entry}\n", encoding="utf-8")
    with pytest.raises(InvalidFile) as caught:
        read_record(path, BANK)
    (problem,) = caught.value.problems
    assert problem.field == field and message in problem.message


# ---------------------------------------------------------------------------------------------
# Evidence drawn from an invoice ledger

LEDGER = LedgerSource("faktury-2026.csv", date(2025, 12, 1), date(2026, 11, 30))
LEDGER_TABLE = '[ledger]\nfile = "l.csv"\nsince = 2026-01-01\nuntil = 2026-02-01\n'


def test_a_record_needs_schema_5_only_when_it_carries_evidence(tmp_path):
    import tomllib

    assert tomllib.loads(to_toml(make_record()))["schema"] < 5  # nothing drawn from a ledger
    record = make_record(answers={"late_payments": 3}, ledger=LEDGER,
                         evidence={"late_payments": Evidence("7 of 12 invoices paid late", 3)})
    data = tomllib.loads(to_toml(record))
    assert data["schema"] == 5
    assert data["evidence"] == {"late_payments": {"derived": 3, "text": "7 of 12 invoices paid late"}}
    assert data["ledger"] == {"file": "faktury-2026.csv", "since": date(2025, 12, 1), "until": date(2026, 11, 30)}
    path = tmp_path / record.file_name()
    path.write_text(to_toml(record), encoding="utf-8")
    assert read_record(path, BANK) == record


def test_an_answer_came_from_the_ledger_when_it_is_the_one_the_ledger_gave():
    evidence = {"late_payments": Evidence("7 of 12 late", 3), "revenue_share": Evidence("45%", 45),
                "outstanding_receivables": Evidence("2 unpaid", True), "orders_trend": Evidence("too few")}
    record = make_record(answers={"late_payments": 3, "revenue_share": 30, "outstanding_receivables": True,
                                  "orders_trend": "stable"}, evidence=evidence, ledger=LEDGER)
    assert record.from_ledger == ("late_payments", "outstanding_receivables")  # the user changed revenue_share
    assert make_record(answers={"outstanding_receivables": 1 == 1}, ledger=LEDGER,
                       evidence={"outstanding_receivables": Evidence("x", 1)}).from_ledger == ()


@pytest.mark.parametrize(("extra", "field", "message"), [
    ('[evidence.no_such_question]\ntext = "x"\n', "evidence.no_such_question", "unknown question id"),
    ('[evidence.late_payments]\nderived = 9\ntext = "x"\n', "evidence.late_payments.derived", "scale question"),
    ('[evidence.late_payments]\nderived = 3\n', "evidence.late_payments.text", "is missing"),
    (LEDGER_TABLE + '[evidence.late_payments]\ntext = "x"\nsource = "bank"\n', "evidence.late_payments.source",
     "unknown field"),
    ('[evidence]\nlate_payments = "x"\n', "evidence.late_payments", "must be a table"),
    ('[ledger]\nfile = "l.csv"\nsince = 2026-12-01\nuntil = 2026-01-01\n', "ledger.until", "must not be before"),
    ('[ledger]\nfile = "l.csv"\nsince = 2026-01-01T10:00:00\nuntil = 2026-02-01\n', "ledger.since", "without a time"),
    ('[ledger]\nsince = 2026-01-01\nuntil = 2026-02-01\n', "ledger.file", "is missing"),
    ('[evidence.late_payments]\ntext = "x"\n', "ledger", "is missing"),
])
def test_broken_evidence_names_the_field(tmp_path, extra, field, message):
    path = tmp_path / "r.toml"
    path.write_text(with_schema(to_toml(make_record()), 5) + "\n" + extra, encoding="utf-8")
    with pytest.raises(InvalidFile) as caught:
        read_record(path, BANK)
    assert [(p.field, message in p.message) for p in caught.value.problems] == [(field, True)]
