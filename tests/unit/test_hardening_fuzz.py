"""Bad input, fuzzed: the answers-file loader, the record loader and the bank validator.

Truncated, mistyped, unknown-schema, binary, huge and deeply nested input always ends in an
`InvalidFile` whose problems name the file (and, when the file is valid TOML, the field);
never in another exception.
"""

from __future__ import annotations

import re

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.unit._support import with_schema
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


from wizard.storage import bank_files
from wizard.model.problems import InvalidFile
from wizard.storage.toml_read import read_toml
from wizard.model.reasoning import assess
from wizard.model.records import RECORD_KEYS, SCHEMA, DecisionRecord, Decision
from wizard.storage.answers_codec import read_answers
from wizard.storage.record_reader import read_record
from wizard.storage.record_writer import to_toml

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "questions"
FILE_LEVEL = ("is not valid TOML", "is not UTF-8", "is not text", "is nested too deeply", "cannot be read",
              "has a dotted key", "has more than", "is larger than", "is not a regular file")
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])


def sample_record(bank) -> str:
    answers = {"late_payments": 4, "late_payments_trend": "worsening", "payment_terms_enforced": True,
               "revenue_share": 62.5, "relationship_years": 7, "toxicity": 3, "asked_unethical": False}
    created = datetime(2026, 2, 3, 10, 30, tzinfo=timezone(timedelta(hours=1)))
    result = assess(bank, answers, "pl", created.date())
    return to_toml(DecisionRecord(
        id="c0ffee00", client="Kowalski Meble", assessor="Anna", created=created, language="pl",
        bank_version=bank.version, status="accepted", review_date=result.review_date, answers=answers,
        notes={"toxicity": "shouting on calls"}, skipped=("attachment",), result=result,
        decision=Decision("prepare_exit", "our call", "Anna", created), decision_makers=("Anna",),
    ))


# Any TOML value, to put where another was expected.
scalars = st.one_of(
    st.integers(-2**63, 2**63 - 1), st.floats(allow_nan=True), st.booleans(), st.text(max_size=30),
    st.dates(), st.times(), st.datetimes(), st.datetimes(timezones=st.just(timezone.utc)),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)
keys = st.one_of(st.sampled_from(RECORD_KEYS), st.sampled_from(["late_payments", "level", "score", "id"]),
                 st.text(min_size=1, max_size=12))


SCHEMAS = ["0", "-1", "4", "99", "1.0", "true", '"1"', "[1]"]


def toml_line(key: str, value) -> str:
    return tomli_w.dumps({key: value})


@st.composite
def mutated(draw, text: str) -> bytes:
    """`text` broken in one to three ways."""
    for _ in range(draw(st.integers(1, 3))):
        lines = text.splitlines(keepends=True)
        kind = draw(st.sampled_from(["truncate", "retype", "insert", "delete", "schema", "bytes", "nest"]))
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        if kind == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
        elif kind == "retype" and lines and " = " in lines[at]:
            key = lines[at].split(" = ", 1)[0].strip()
            lines[at] = toml_line(key, draw(values)) if key.isidentifier() else lines[at]
            text = "".join(lines)
        elif kind == "insert":
            section = draw(st.sampled_from(["", "[answers]\n", "[result]\n", "[decision]\n", "[[result.reasons]]\n"]))
            text = toml_line(draw(keys), draw(values)) + text if not section else text + section + toml_line(
                draw(keys), draw(values))
        elif kind == "delete" and lines:
            del lines[at]
            text = "".join(lines)
        elif kind == "schema":
            text = re.sub(r"^schema = \d+$", "schema = " + draw(st.sampled_from(SCHEMAS)), text, count=1, flags=re.M)
        elif kind == "nest":
            depth = draw(st.integers(1, 3000))
            text = text.replace("late_payments = 4", "late_payments = " + "[" * depth + "1" + "]" * depth)
        else:
            raw = text.encode("utf-8")
            cut = draw(st.integers(0, len(raw)))
            return raw[:cut] + draw(st.binary(min_size=1, max_size=20)) + raw[cut:]
    return text.encode("utf-8")


def parses(path: Path) -> bool:
    """Is the file readable TOML? (read_toml itself: plain tomllib could exhaust the memory.)"""
    try:
        read_toml(path)
    except InvalidFile:
        return False
    return True


def assert_clear(error: InvalidFile, path: Path) -> None:
    assert error.problems, "an InvalidFile without problems"
    parsed = parses(path)
    for problem in error.problems:
        assert problem.file == str(path)
        assert problem.message
        if parsed:
            assert problem.field, problem  # a valid TOML file: the field is named
        else:
            assert problem.field or problem.message.startswith(FILE_LEVEL), problem
    assert str(error)


def load_each_way(path: Path, raw: bytes, bank) -> None:
    path.write_bytes(raw)
    for loader in (read_record, read_answers):
        try:
            loader(path, bank)
        except InvalidFile as error:
            assert_clear(error, path)


@FUZZ
@given(data=st.data())
def test_fuzzed_records_and_answers_files(tmp_path, bank, data):
    raw = data.draw(mutated(sample_record(bank)))
    load_each_way(tmp_path / "fuzzed.toml", raw, bank)


@FUZZ
@given(raw=st.binary(max_size=2000))
def test_binary_input(tmp_path, bank, raw):
    load_each_way(tmp_path / "binary.toml", raw, bank)


@FUZZ
@given(table=st.dictionaries(keys, values, max_size=8))
def test_any_toml_table(tmp_path, bank, table):
    load_each_way(tmp_path / "table.toml", tomli_w.dumps(table).encode("utf-8"), bank)


DEEP = 100_000
HUGE = 5 * 1024 * 1024


@pytest.mark.parametrize("text", [
    "a = " + "[" * DEEP,
    "a = " + "[" * DEEP + "]" * DEEP,
    "a = " + "{b = " * DEEP,
    "answers = " + "[" * 500 + "]" * 500,  # deep, yet parsable: the field is named
    "." * DEEP,
    "[" + "a." * DEEP + "a]\nx = 1\n",  # a table nested 100,000 deep, valid TOML
    "a" + ".a" * DEEP + " = 1\n",
    'client = "' + "x" * HUGE + '"\n',  # a huge but valid answers file
    "client = 'x'\n" + "".join(f"q{i} = {i}\n" for i in range(100_000)),
    "client = 'x'\n[answers]\n" + "".join(f"late_payments{i} = {i}\n" for i in range(100_000)),
], ids=["open-arrays", "closed-arrays", "inline-tables", "parsable-nesting", "dots", "deep-table",
        "deep-key", "huge-string", "many-keys", "many-answers"])
def test_huge_and_deeply_nested(tmp_path, bank, text):
    path = tmp_path / "big.toml"
    raw = text.encode("utf-8")
    path.write_bytes(raw)
    for loader in (read_record, read_answers):
        try:
            loader(path, bank)
        except InvalidFile as error:
            assert_clear(error, path)
            assert len(str(error)) < 20 * HUGE


def test_binary_megabytes(tmp_path, bank):
    import random

    load_each_way(tmp_path / "noise.toml", random.Random(5).randbytes(3 * 1024 * 1024), bank)


@pytest.mark.parametrize("schema", [SCHEMA + 1, 99, 2**40])
def test_newer_schema_is_refused_clearly(tmp_path, bank, schema):
    path = tmp_path / "future.toml"
    path.write_text(with_schema(sample_record(bank), schema), encoding="utf-8")
    with pytest.raises(InvalidFile) as caught:
        read_record(path, bank)
    [problem] = caught.value.problems
    assert problem.field == "schema" and f"schema {schema}" in problem.message and "newer" in problem.message


# ---------------------------------------------------------------------------------------------
# The bank validator


@pytest.fixture(scope="module")
def bank_copy(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bank") / "questions"
    shutil.copytree(QUESTIONS, folder)
    return folder


BANK_FILES = sorted(p.name for p in QUESTIONS.glob("*.toml"))


def load_bank_with(folder: Path, name: str, raw: bytes) -> None:
    original = (QUESTIONS / name).read_bytes()
    (folder / name).write_bytes(raw)
    try:
        bank_files.load(folder)
    except InvalidFile as error:
        for problem in error.problems:
            assert Path(problem.file).parent == folder, problem
            assert problem.message
            assert problem.field or problem.message.startswith(FILE_LEVEL), problem
        if parses(folder / name):
            assert any(p.field for p in error.problems), error.problems
    finally:
        (folder / name).write_bytes(original)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=st.data())
def test_fuzzed_question_bank(bank_copy, data):
    name = data.draw(st.sampled_from(BANK_FILES))
    raw = data.draw(mutated((QUESTIONS / name).read_text(encoding="utf-8")))
    load_bank_with(bank_copy, name, raw)


@pytest.mark.parametrize("text", [
    "version = " + "[" * DEEP, "[" + "a." * DEEP + "a]\n", "a" + ".a" * DEEP + " = 1\n",
    'version = "' + "9" * HUGE + '"\n', "\x00\x01\x02",
], ids=["deep-value", "deep-table", "deep-key", "huge-string", "binary"])
@pytest.mark.parametrize("name", ["bank.toml", "payments.toml"])
def test_question_bank_huge_and_deep(bank_copy, name, text):
    load_bank_with(bank_copy, name, text.encode("utf-8"))


def test_a_bank_that_is_missing_or_a_folder(tmp_path):
    for target in (tmp_path / "nothing", tmp_path / "empty"):
        if target.name == "empty":
            target.mkdir()
        with pytest.raises(InvalidFile) as caught:
            bank_files.load(target)
        assert all(p.file and p.message for p in caught.value.problems)



# ---------------------------------------------------------------------------------------------
# Dotted-key bombs and sizes over the limit
#
# tomllib's time grows with every part of every dotted key, and with the square of one key's
# parts: 3,000 keys of 999 parts took 20 s of CPU, 1 MB of 32-part keys 3 s. Such files are
# refused before tomllib sees them (proved by a tomllib that fails the test if called), so
# reading one costs a count of dots and a regular expression.

BOMBS = {
    "3000 keys of 999 parts": "".join(f"k{i}" + ".a" * 998 + " = 1\n" for i in range(3000)),
    "1 MB of 999-part keys": "".join(f"k{i}" + ".a" * 998 + " = 1\n" for i in range(499)),
    "1 MB of 32-part keys": "".join(f"k{i}" + ".a" * 31 + " = 1\n" for i in range(14_000)),
    "1 MB of 32-part tables": "".join(f"[k{i}" + ".a" * 31 + "]\nx = 1\n" for i in range(13_000)),
    "one key of 101 parts": "a" + ".a" * 100 + " = 1\n",
    "quoted parts": "".join(f'k{i}."a".\'b\'' + '."c"' * 40 + " = 1\n" for i in range(200)),
    "spaced parts": "".join(f"k{i}" + " . a" * 60 + " = 1\n" for i in range(200)),
}


@pytest.mark.parametrize("text", BOMBS.values(), ids=BOMBS.keys())
def test_dotted_key_bombs_are_refused_before_parsing(tmp_path, bank, monkeypatch, text):
    import tomllib

    path = tmp_path / "bomb.toml"
    path.write_text(text, encoding="utf-8")

    def never(*args, **kwargs):
        raise AssertionError("tomllib was given a dotted-key bomb")

    monkeypatch.setattr(tomllib, "loads", never)
    for loader in (read_record, read_answers):
        with pytest.raises(InvalidFile) as caught:
            loader(path, bank)
        [problem] = caught.value.problems
        assert problem.file == str(path) and not problem.field
        assert problem.message.startswith(("has a dotted key of more than", "has more than", "is larger than 1 MB"))


@FUZZ
@given(keys=st.lists(st.tuples(st.integers(1, 150), st.sampled_from(["=", "table"])), min_size=1, max_size=60),
       padding=st.integers(0, 200))
def test_any_file_read_has_few_enough_key_parts(tmp_path, bank, keys, padding):
    """Whatever mix of dotted keys a file holds, it is refused with a clear message, or it holds
    no key of more than MAX_KEY_PARTS parts and no more than MAX_DOTS dots outside its texts:
    the bounds that keep tomllib fast."""
    from wizard.storage import toml_read

    lines = [f'note{i} = "{"." * padding}"' for i in range(3)]
    for number, (parts, kind) in enumerate(keys):
        key = f"k{number}" + ".p" * (parts - 1)
        lines.append(f"{key} = 1" if kind == "=" else f"[{key}]\nx = 1")
    path = tmp_path / "keys.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    longest = max(parts for parts, _ in keys)
    dots = sum(parts - 1 for parts, _ in keys)
    try:
        read_toml(path)
    except InvalidFile as error:
        message = error.problems[0].message
        assert longest > toml_read.MAX_KEY_PARTS or dots > toml_read.MAX_DOTS, message
        assert message.startswith(("has a dotted key of more than", "has more than")), message
    else:
        assert longest <= toml_read.MAX_KEY_PARTS and dots <= toml_read.MAX_DOTS


@FUZZ
@given(size=st.integers(1_000_001, 300_000_000), head=st.binary(max_size=50))
def test_files_over_the_limit_are_refused_whatever_they_hold(tmp_path, bank, size, head):
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:  # sparse: takes no disk
        handle.write(head)
        handle.truncate(size)
    for loader in (read_record, read_answers):
        with pytest.raises(InvalidFile) as caught:
            loader(path, bank)
        assert caught.value.problems[0].message.startswith("is larger than 1 MB, the limit for a record")
