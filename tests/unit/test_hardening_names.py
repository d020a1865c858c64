"""Client names: any Unicode, path separators, `..`, control characters, 1,000 characters →
a safe file name inside the records folder, and the exact name inside the file."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.model.records import DecisionRecord
from wizard.storage.answers_codec import read_answers
from wizard.storage.record_reader import read_record
from wizard.storage.record_writer import to_toml
from wizard.storage.store import RecordStore

TZ = timezone(timedelta(hours=-5))
SAFE_NAME = re.compile(r"\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{8}\.toml")
NASTY = [
    "../../etc/passwd", "..", ".", "/", "\\", "C:\\Windows\\system32", "a/b\\c/../d", "~root",
    "\x00", "nul\x00byte", "\x1b[31mred\x1b[0m", "line\nbreak", "tab\tand\rreturn", "\x7f\x80\x9f",
    "\u2028x\u2029", "\ufeffbom", "ＡＣＭＥ", "Zażółć gęślą jaźń", "Ærøskøbing Ⅻ", "東京株式会社",
    "مؤسسة", "🦄🚀", "e\u0301\u0301\u0301", "CON", "aux.txt", " leading and trailing ", "-", "---",
    "'\"", "\"\"\"", "a" * 1000, "ł" * 1000, "🦄" * 1000, "x\u202eevil\u202cgpj.exe",
]


def make(bank, client: str) -> DecisionRecord:
    return DecisionRecord(id="0123abcd", client=client, created=datetime(2026, 5, 1, 12, tzinfo=TZ),
                          language="en", bank_version=bank.version, answers={"late_payments": 2})


def check(store: RecordStore, bank, client: str) -> None:
    path, record = store.save_new(make(bank, client))
    assert path.parent == store.root
    assert SAFE_NAME.fullmatch(path.name), path.name
    assert len(path.name.encode("utf-8")) <= 80
    assert read_record(path, bank).client == client  # the exact name, inside
    assert read_answers(path, bank).client == client  # a record is an answers file too
    assert [e.summary.client for e in store.summaries(bank) if e.path == path] == [client]
    path.unlink()


@pytest.mark.parametrize("client", NASTY, ids=range(len(NASTY)))
def test_nasty_client_names(store, bank, client):
    check(store, bank, client)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(client=st.text(min_size=1, max_size=1000).filter(lambda s: s.strip()))
def test_any_client_name(store, bank, client):
    check(store, bank, client)


def test_the_same_name_twice_gives_two_files(store, bank):
    first, _ = store.save_new(make(bank, "../same"))
    second, record = store.save_new(make(bank, "../same"))
    assert first != second and first.parent == second.parent == store.root
    assert record.id != "0123abcd"  # a fresh id on collision, never an overwrite


def test_a_client_name_never_leaves_the_folder_in_the_toml(bank):
    text = to_toml(make(bank, 'x"\nschema = 99\n[answers]\nevil = "'))
    assert text.count("\nschema = ") == 0 and text.startswith("schema = 1\n")
