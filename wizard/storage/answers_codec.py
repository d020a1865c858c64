"""Answers files: the answers the wizard asks for, written by hand or by another tool, read
and checked against the question bank. A record is also a valid answers file (same keys)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from wizard.model.bank import Answer, Bank
from wizard.model.problems import FieldReader, InvalidFile, join, show
from wizard.model.records import (
    ANSWERS_KEYS, EVIDENCE_KEYS, LEDGER_KEYS, RECORD_KEYS, SCHEMA, AnswerSheet, Evidence, LedgerSource,
)
from wizard.storage.toml_read import newer_schema, read_toml


def read_answers(path: Path, bank: Bank) -> AnswerSheet:
    """Load and validate an answers file (or a record, read as one). Raises InvalidFile."""
    return parse_answers(read_toml(path), str(path), bank)


def parse_answers(data: dict, file: str, bank: Bank) -> AnswerSheet:
    reader = FieldReader(file)
    newer = newer_schema(file, "record", data.get("schema"), SCHEMA)
    if newer is not None:  # a newer record's answers may mean something else: never assessed as ours
        raise InvalidFile([newer])
    for key in data:
        if key not in RECORD_KEYS:
            reader.problem(key, f"unknown field (an answers file has: {', '.join(ANSWERS_KEYS)})")
    sheet = read_sheet(reader, data, bank)
    reader.raise_if_any()
    return sheet


def read_sheet(reader: FieldReader, data: dict, bank: Bank) -> AnswerSheet:
    client = reader.get(data, "client", str, "")
    if client is not None and not client.strip():
        reader.problem("client", "must not be empty")
    assessor = reader.get(data, "assessor", str, "", required=False) or ""
    answers: dict[str, Answer] = {}
    for key, value in (reader.get(data, "answers", dict, "", required=False) or {}).items():
        question = bank.question(key)
        if question is None:
            reader.problem(join("answers", key), unknown_id(key, bank))
            continue
        error = question.check(value)
        if error:
            reader.problem(join("answers", key), f"{question.kind} question: {error}")
            continue
        answers[key] = value
    notes: dict[str, str] = {}
    for key, value in (reader.get(data, "notes", dict, "", required=False) or {}).items():
        if bank.question(key) is None:
            reader.problem(join("notes", key), unknown_id(key, bank))
        elif not isinstance(value, str):
            reader.problem(join("notes", key), f"must be a text (got {show(value)})")
        else:
            notes[key] = value
    skipped = text_list(reader, data, "skipped")
    for key in skipped:
        if bank.question(key) is None:
            reader.problem("skipped", f"'{key}': {unknown_id(key, bank)}")
        elif key in answers:
            reader.problem("skipped", f"'{key}' is both answered and skipped")
    evidence = _evidence(reader, data, bank)
    ledger = _ledger(reader, data)
    if evidence and ledger is None:
        reader.problem("ledger", "is missing: evidence names the ledger it was drawn from")
    return AnswerSheet(client or "", assessor, answers, notes, skipped, evidence, ledger)


def _evidence(reader: FieldReader, data: dict, bank: Bank) -> dict[str, Evidence]:
    found: dict[str, Evidence] = {}
    for key, item in (reader.get(data, "evidence", dict, "", required=False) or {}).items():
        where = join("evidence", key)
        question = bank.question(key)
        if question is None:
            reader.problem(where, "unknown question id")
            continue
        if not isinstance(item, dict):
            reader.problem(where, f"must be a table with {' and '.join(EVIDENCE_KEYS)} (got {show(item)})")
            continue
        for extra in sorted(set(item) - set(EVIDENCE_KEYS)):
            reader.problem(join(where, extra), f"unknown field (allowed: {', '.join(EVIDENCE_KEYS)})")
        text = reader.get(item, "text", str, where)
        derived = item.get("derived")
        error = question.check(derived) if derived is not None else None
        if error:
            reader.problem(join(where, "derived"), f"{question.kind} question: {error}")
        elif text is not None:
            found[key] = Evidence(text, derived)
    return found


def _ledger(reader: FieldReader, data: dict) -> LedgerSource | None:
    table = reader.get(data, "ledger", dict, "", required=False)
    if table is None:
        return None
    for extra in sorted(set(table) - set(LEDGER_KEYS)):
        reader.problem(join("ledger", extra), f"unknown field (allowed: {', '.join(LEDGER_KEYS)})")
    file = reader.get(table, "file", str, "ledger")
    since, until = (_day(reader, table, key) for key in ("since", "until"))
    if since is not None and until is not None and since > until:
        reader.problem("ledger.until", f"must not be before since ({since.isoformat()})")
    if file is None or since is None or until is None:
        return None
    return LedgerSource(file, since, until)


def _day(reader: FieldReader, table: dict, key: str) -> date | None:
    value = reader.get(table, key, date, "ledger")
    if isinstance(value, datetime):
        reader.problem(join("ledger", key), "must be a date like 2026-12-31, without a time")
        return None
    return value


def unknown_id(key: str, bank: Bank) -> str:
    """An unknown question id, with the ids it was probably meant to be (a typo, a lost letter)."""
    import difflib

    close = difflib.get_close_matches(key, [q.id for q in bank.questions], n=1, cutoff=0.75)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else \
        " (`client-exit template` lists every id)"
    return f"unknown question id{hint}"


def text_list(reader: FieldReader, data: dict, key: str) -> tuple[str, ...]:
    values = reader.get(data, key, list, "", required=False) or []
    if not all(isinstance(v, str) for v in values):
        reader.problem(key, "must be a list of texts")
        return ()
    return tuple(values)
