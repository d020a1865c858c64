"""Decision records and answers files: TOML in and out, and the store on disk.

A record is a TOML file a person can read without the app. Its `client`, `assessor`,
`skipped`, `[answers]` and `[notes]` have exactly the shape of an answers file, so any record
is also a valid answers file. Writing is the store's job (wizard/storage/store.py), through the
guarded file layer (wizard/storage/files.py).

Schema. A record says which version of the format it needs: 1; 2 once it carries what
version 1 did not have (a `[[status_history]]`, a `decision.comment`); 3 once its result
carries what the reasoning of bank 2.0 adds (`[[result.problems]]`, a `range` with its
`open_questions`, a two-step change); 4 once it has answers pre-filled from elsewhere
(`[prefilled]`, see wizard/model/prefill.py); 5 once it carries evidence drawn from an invoice
ledger (`[ledger]`, `[evidence]`). A record that needs nothing new keeps the lowest schema, so
teammates on an older version still read it; one they could not read fully is refused by them
with "written by a newer version", never half-read.

Evidence. `[evidence.<question id>]` holds the facts behind an answer drawn from a ledger
(`text`, in the record's language) and the answer the ledger gave (`derived`, absent when the
ledger could not say); `[ledger]` names the ledger file and its window. An answer came from the
ledger when it equals `derived`: what the user typed instead wins, and the evidence stays. In the
wizard, the ledger's answers are offered as pre-filled answers (`[prefilled]`, source "ledger"),
confirmed or changed like any other.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from wizard.model.bank import LEVELS, Answer, Bank
from wizard.model import prefill as prefill_model
from wizard.model.prefill import Prefill
from wizard.model.problems import FieldReader, InvalidFile, Problem, display_path, join, read_toml, show
from wizard.model.assessment import Assessment, Change, Finding, ProblemView, Reason, Step
from wizard.model.bank import BANDS, STATES

SCHEMA = 5  # the newest format this version reads and writes (see the module's doc)
STATUSES = ("draft", "proposed", "accepted", "rejected", "superseded")
LANGUAGES = ("en", "pl")
ID_LENGTH = 8

# Top-level keys of a record; an answers file may carry them too (a record is an answers file).
RECORD_KEYS = (
    "schema", "id", "client", "assessor", "created", "language", "bank_version", "status",
    "review_date", "decision_makers", "consulted", "informed", "outcome", "supersedes",
    "superseded_by", "skipped", "answers", "notes", "prefilled", "ledger", "evidence", "decision", "status_history",
    "result",
)
DECISION_KEYS = ("level", "reason", "comment", "by", "at")
CHANGE_KEYS = ("status", "at", "by", "level", "reason", "comment", "outcome")
ANSWERS_KEYS = ("client", "assessor", "skipped", "answers", "notes", "ledger", "evidence")
EVIDENCE_KEYS = ("derived", "text")
LEDGER_KEYS = ("file", "since", "until")


@dataclass(frozen=True)
class Evidence:
    """The facts behind one answer, drawn from an invoice ledger, and the answer they give."""

    text: str
    derived: Answer | None = None  # None: the ledger could not say (the text says why)


@dataclass(frozen=True)
class LedgerSource:
    """The invoice ledger that evidence was drawn from: its file's name and the window counted."""

    file: str
    since: date
    until: date


@dataclass(frozen=True)
class AnswerSheet:
    """What an answers file holds: whose client, who answered, and the answers."""

    client: str
    assessor: str = ""
    answers: dict[str, Answer] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()  # answered "don't know"; missing ids are simply not answered
    evidence: dict[str, Evidence] = field(default_factory=dict)  # question id → evidence from a ledger
    ledger: LedgerSource | None = None


@dataclass(frozen=True)
class Decision:
    """The decision taken; its level may differ from the recommendation, with a reason.

    `reason` explains a level other than the recommendation; a remark on a decision that
    follows the recommendation is a `comment`. `by` and `at` are the latest change; every
    earlier one is in the record's `status_history`."""

    level: str
    reason: str = ""
    by: str = ""
    at: datetime | None = None
    comment: str = ""


@dataclass(frozen=True)
class StatusChange:
    """One step of a record's life: who moved it to which status, when, with what decision."""

    status: str
    at: datetime | None = None  # None only for a step rebuilt from a record that had no history
    by: str = ""
    level: str | None = None  # the level decided on after this step, if any
    reason: str = ""  # given at this step: why the level differs from the recommendation
    comment: str = ""  # given at this step, on a level that follows the recommendation
    outcome: str = ""  # given at this step


@dataclass(frozen=True)
class DecisionRecord:
    id: str
    client: str
    created: datetime
    language: str
    bank_version: str
    status: str = "draft"
    assessor: str = ""
    review_date: date | None = None
    answers: dict[str, Answer] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()
    evidence: dict[str, Evidence] = field(default_factory=dict)
    ledger: LedgerSource | None = None
    result: Assessment | None = None
    decision: Decision | None = None
    decision_makers: tuple[str, ...] = ()
    consulted: tuple[str, ...] = ()
    informed: tuple[str, ...] = ()
    outcome: str = ""
    supersedes: tuple[str, ...] = ()
    superseded_by: tuple[str, ...] = ()
    status_history: tuple[StatusChange, ...] = ()  # oldest first
    prefilled: dict[str, Prefill] = field(default_factory=dict)  # question id → where its answer came from

    @property
    def sheet(self) -> AnswerSheet:
        return AnswerSheet(self.client, self.assessor, self.answers, self.notes, self.skipped, self.evidence,
                           self.ledger)

    @property
    def from_ledger(self) -> tuple[str, ...]:
        """The questions answered as the ledger says (see the module's doc)."""
        return from_ledger(self.answers, self.evidence)

    @property
    def level(self) -> str | None:
        """The level decided on, else the level recommended."""
        if self.decision is not None:
            return self.decision.level
        return self.result.level if self.result else None

    def file_name(self) -> str:
        return f"{self.created.date().isoformat()}-{slug(self.client)}-{self.id}.toml"


def from_ledger(answers: dict[str, Answer], evidence: dict[str, Evidence]) -> tuple[str, ...]:
    """The questions whose answer is the one the ledger gave (True is not 1: types must match)."""
    return tuple(q for q, found in evidence.items() if found.derived is not None and q in answers
                 and answers[q] == found.derived and type(answers[q]) is type(found.derived))


def with_evidence(sheet: AnswerSheet, evidence: dict[str, Evidence], ledger: LedgerSource) -> AnswerSheet:
    """The sheet with answers drawn from a ledger: a question the sheet leaves open, or skipped
    ("don't know"), takes the ledger's answer; one it answers keeps its answer (what a person
    typed wins). Every question the ledger speaks to keeps its evidence."""
    answers = dict(sheet.answers)
    for question, found in evidence.items():
        if found.derived is not None and question not in answers:
            answers[question] = found.derived
    skipped = tuple(q for q in sheet.skipped if q not in answers)
    return replace(sheet, answers=answers, skipped=skipped, evidence={**sheet.evidence, **evidence}, ledger=ledger)


def new_id() -> str:
    return secrets.token_hex(ID_LENGTH // 2)


def now() -> datetime:
    """The current time with the local time zone, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


def slug(name: str, limit: int = 40) -> str:
    """A safe, readable file-name part for any client name (the exact name stays inside)."""
    text = name.replace("ł", "l").replace("Ł", "L").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    text = text[:limit].rstrip("-")
    return text or "client"


# ---------------------------------------------------------------------------------------------
# Answers files


def read_answers(path: Path, bank: Bank) -> AnswerSheet:
    """Load and validate an answers file (or a record, read as one). Raises InvalidFile."""
    return parse_answers(read_toml(path), display_path(path), bank)


def parse_answers(data: dict, file: str, bank: Bank) -> AnswerSheet:
    reader = FieldReader(file)
    schema = data.get("schema")
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA:
        # A newer record's answers may mean something else: do not assess them as ours.
        reader.problem("schema", f"this record was written by a newer version of client-exit-wizard "
                                 f"(schema {schema}); this version reads schema {SCHEMA}")
        reader.raise_if_any()
    for key in data:
        if key not in RECORD_KEYS:
            reader.problem(key, f"unknown field (an answers file has: {', '.join(ANSWERS_KEYS)})")
    sheet = _read_sheet(reader, data, bank)
    reader.raise_if_any()
    return sheet


def _read_sheet(reader: FieldReader, data: dict, bank: Bank) -> AnswerSheet:
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
    skipped = _strings(reader, data, "skipped")
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


def _strings(reader: FieldReader, data: dict, key: str) -> tuple[str, ...]:
    values = reader.get(data, key, list, "", required=False) or []
    if not all(isinstance(v, str) for v in values):
        reader.problem(key, "must be a list of texts")
        return ()
    return tuple(values)


# ---------------------------------------------------------------------------------------------
# Records: to and from TOML


def to_toml(record: DecisionRecord) -> str:
    import tomli_w

    return tomli_w.dumps(to_table(record))


def to_table(record: DecisionRecord) -> dict:
    table: dict = {
        "schema": schema_of(record),
        "id": record.id,
        "client": record.client,
        "assessor": record.assessor,
        "created": record.created,
        "language": record.language,
        "bank_version": record.bank_version,
        "status": record.status,
    }
    if record.review_date is not None:
        table["review_date"] = record.review_date
    for key in ("decision_makers", "consulted", "informed"):
        if getattr(record, key):
            table[key] = list(getattr(record, key))
    if record.outcome:
        table["outcome"] = record.outcome
    for key in ("supersedes", "superseded_by", "skipped"):
        if getattr(record, key):
            table[key] = list(getattr(record, key))
    table["answers"] = dict(record.answers)
    table["notes"] = dict(record.notes)
    if record.prefilled:
        table["prefilled"] = {qid: _prefill_table(p) for qid, p in record.prefilled.items()}
    if record.ledger is not None:
        table["ledger"] = {"file": record.ledger.file, "since": record.ledger.since, "until": record.ledger.until}
    if record.evidence:
        table["evidence"] = {q: ({} if e.derived is None else {"derived": e.derived}) | {"text": e.text}
                             for q, e in record.evidence.items()}
    if record.decision is not None:
        decision = {"level": record.decision.level}
        for key in DECISION_KEYS[1:]:
            if getattr(record.decision, key):
                decision[key] = getattr(record.decision, key)
        table["decision"] = decision
    if record.status_history:
        table["status_history"] = [
            {key: getattr(change, key) for key in CHANGE_KEYS if getattr(change, key)}
            for change in record.status_history
        ]
    if record.result is not None:
        table["result"] = _result_table(record.result)
    return table


def _prefill_table(prefill: Prefill) -> dict:
    return {key: getattr(prefill, key) for key in prefill_model.KEYS if getattr(prefill, key)}


def schema_of(record: DecisionRecord) -> int:
    """The oldest format version that reads everything in `record` (see the module's doc)."""
    if record.evidence or record.ledger is not None:
        return 5
    if record.prefilled:
        return 4
    result = record.result
    if result is not None and (result.problems or result.range or any(
            c is not None and c.then is not None for c in (result.milder, result.harsher))):
        return 3
    if record.status_history or (record.decision is not None and record.decision.comment):
        return 2
    return 1


def _result_table(result: Assessment) -> dict:
    table: dict = {
        "level": result.level,
        "score": result.score,
        "confidence": result.confidence,
        "review_date": result.review_date,
        "staged_exit": result.staged_exit,
        "principles": list(result.principles),
        "sections": dict(result.sections),
        "reasons": [{"question": r.question, "share": r.share} for r in result.reasons],
    }
    for direction in ("milder", "harsher"):
        change = getattr(result, direction)
        if change is not None:
            entry = {"question": change.question}
            if change.was is not None:
                entry["from"] = change.was
            entry |= {"to": change.to, "level": change.level}
            if change.then is not None:
                entry["then"] = {"question": change.then[0], "to": change.then[1]}
            table[direction] = entry
    if result.range is not None:
        table["range"] = list(result.range)
        table["open_questions"] = list(result.open_questions)
    table["warnings"] = [{"id": w.id, "kind": w.kind, "text": w.text} for w in result.warnings]
    table["actions"] = [_step(s, "") for s in result.actions]
    table["exit_plan"] = [_step(s, "stage") for s in result.exit_plan]
    table["prevention"] = [_step(s, "") for s in result.prevention]
    table["consequences"] = [_step(s, "side") for s in result.consequences]
    # Added in bank 1.1 as keys of their own, which earlier versions skip when they read.
    decisive = [r.question for r in result.reasons if r.decisive]
    if decisive:
        table["decisive"] = decisive
    if result.actions_for_exit:
        table["actions_for_exit"] = True
    if result.more_actions:
        table["more_actions"] = [_step(s, "") for s in result.more_actions]
    if result.problems:
        table["problems"] = [{"id": p.id, "band": p.band, "state": p.state, "level": p.level} for p in result.problems]
    return table


def _step(step: Step, tag_name: str) -> dict:
    entry = {"id": step.id}
    if tag_name:
        entry[tag_name] = step.tag
    entry["text"] = step.text
    return entry


def read_record(path: Path, bank: Bank) -> DecisionRecord:
    """Load and validate a record. Raises InvalidFile naming the file and every bad field."""
    return parse_record(read_toml(path), display_path(path), bank)


def parse_record(data: dict, file: str, bank: Bank) -> DecisionRecord:
    reader = _RecordReader(file)
    schema = reader.get(data, "schema", int, "")
    if schema is not None and schema > SCHEMA:
        raise InvalidFile([Problem(file, "schema", (
            f"this record was written by a newer version of client-exit-wizard (schema {schema}); "
            f"this version reads schema {SCHEMA}. Upgrade to read it; the file is left untouched."))])
    if schema is not None and schema < 1:
        reader.problem("schema", f"must be {SCHEMA} (got {schema})")
    for key in data:
        if key not in RECORD_KEYS:
            reader.problem(key, "unknown field in a record")
    sheet = _read_sheet(reader, data, bank)
    record_id = reader.get(data, "id", str, "")
    if record_id is not None and not re.fullmatch(r"[0-9a-f]{4,32}", record_id):
        reader.problem("id", f"must be 4 to 32 lower-case hex digits (got {show(record_id)})")
    created = reader.get(data, "created", datetime, "")
    if created is not None and created.tzinfo is None:
        reader.problem("created", "must be a date and time with a time zone, like 2026-11-23T09:15:00+01:00")
    language = reader.choice(data, "language", LANGUAGES, "")
    status = reader.choice(data, "status", STATUSES, "")
    fields = {key: _strings(reader, data, key) for key in
              ("decision_makers", "consulted", "informed", "supersedes", "superseded_by")}
    record = DecisionRecord(
        id=record_id or "",
        client=sheet.client,
        created=created or datetime.min,
        language=language or "en",
        bank_version=reader.get(data, "bank_version", str, "") or "",
        status=status or "draft",
        assessor=sheet.assessor,
        review_date=reader.date(data, "review_date", ""),
        answers=sheet.answers,
        notes=sheet.notes,
        skipped=sheet.skipped,
        evidence=sheet.evidence,
        ledger=sheet.ledger,
        result=reader.result(data),
        decision=reader.decision(data),
        outcome=reader.get(data, "outcome", str, "", required=False) or "",
        status_history=reader.status_history(data),
        prefilled=reader.prefilled(data, sheet),
        **fields,
    )
    reader.raise_if_any()
    return record


class _RecordReader(FieldReader):
    def choice(self, table: dict, key: str, allowed: tuple[str, ...], where: str, required: bool = True):
        value = self.get(table, key, str, where, required)
        if value is not None and value not in allowed:
            self.problem(join(where, key), f"must be one of {', '.join(allowed)} (got {show(value)})")
            return None
        return value

    def date(self, table: dict, key: str, where: str, required: bool = False) -> date | None:
        value = self.get(table, key, date, where, required)
        if isinstance(value, datetime):
            self.problem(join(where, key), "must be a date like 2026-12-31, without a time")
            return None
        return value

    def decision(self, data: dict) -> Decision | None:
        table = self.get(data, "decision", dict, "", required=False)
        if table is None:
            return None
        level = self.choice(table, "level", LEVELS, "decision")
        at = self.get(table, "at", datetime, "decision", required=False)
        for key in sorted(set(table) - set(DECISION_KEYS)):
            self.problem(join("decision", key), f"unknown field (allowed: {', '.join(DECISION_KEYS)})")
        return Decision(
            level=level or LEVELS[0],
            reason=self.get(table, "reason", str, "decision", required=False) or "",
            by=self.get(table, "by", str, "decision", required=False) or "",
            at=at,
            comment=self.get(table, "comment", str, "decision", required=False) or "",
        )

    def status_history(self, data: dict) -> tuple[StatusChange, ...]:
        changes = []
        for index, item in enumerate(self.get(data, "status_history", list, "", required=False) or []):
            where = f"status_history[{index}]"
            if not isinstance(item, dict):
                self.problem(where, "must be a table")
                continue
            for key in sorted(set(item) - set(CHANGE_KEYS)):
                self.problem(join(where, key), f"unknown field (allowed: {', '.join(CHANGE_KEYS)})")
            status = self.choice(item, "status", STATUSES, where)
            level = self.choice(item, "level", LEVELS, where, required=False)
            texts = {key: self.get(item, key, str, where, required=False) or ""
                     for key in ("by", "reason", "comment", "outcome")}
            changes.append(StatusChange(status=status or STATUSES[0], at=self.aware(item, "at", where),
                                        level=level, **texts))
        return tuple(changes)

    def prefilled(self, data: dict, sheet: AnswerSheet) -> dict[str, Prefill]:
        """`[prefilled.<question id>]`: where a pre-filled answer came from (model/prefill.py)."""
        found: dict[str, Prefill] = {}
        for qid, item in (self.get(data, "prefilled", dict, "", required=False) or {}).items():
            where = join("prefilled", qid)
            if not isinstance(item, dict):
                self.problem(where, "must be a table (source, ref, on, evidence, state)")
                continue
            for key in sorted(set(item) - set(prefill_model.KEYS)):
                self.problem(join(where, key), f"unknown field (allowed: {', '.join(prefill_model.KEYS)})")
            if qid not in sheet.answers and qid not in sheet.skipped:
                self.problem(where, "names a question that is neither answered nor skipped")
            source = self.choice(item, "source", prefill_model.SOURCES, where)
            state = self.choice(item, "state", prefill_model.STATES, where, required=False)
            texts = {key: self.get(item, key, str, where, required=False) or "" for key in ("ref", "evidence")}
            found[qid] = Prefill(source or prefill_model.SOURCES[0], on=self.date(item, "on", where),
                                 state=state or prefill_model.PENDING, **texts)
        return found

    def aware(self, table: dict, key: str, where: str) -> datetime | None:
        """An optional date and time, which must carry a time zone."""
        value = self.get(table, key, datetime, where, required=False)
        if value is not None and value.tzinfo is None:
            self.problem(join(where, key), "must be a date and time with a time zone, like 2026-11-23T09:15:00+01:00")
            return None
        return value

    def result(self, data: dict) -> Assessment | None:
        table = self.get(data, "result", dict, "", required=False)
        if table is None:
            return None
        where = "result"
        score = self.get(table, "score", int, where)
        if score is not None and not 0 <= score <= 100:
            self.problem("result.score", f"must be 0 to 100 (got {score})")
        confidence = self.get(table, "confidence", (int, float), where)
        if confidence is not None and not 0 <= confidence <= 1:
            self.problem("result.confidence", f"must be 0 to 1 (got {confidence})")
        sections = self.get(table, "sections", dict, where) or {}
        for key, value in sections.items():
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
                self.problem(join(where, "sections", key), f"must be a whole number 0 to 100 (got {show(value)})")
        decisive = _strings(self, table, "decisive")
        reasons = tuple(
            Reason(r["question"], float(r["share"]), r["question"] in decisive)
            for r in self.entries(table, "reasons", {"question": str, "share": (int, float)})
        )
        return Assessment(
            level=self.choice(table, "level", LEVELS, where) or LEVELS[0],
            score=score or 0,
            sections=dict(sections),
            confidence=float(confidence or 0),
            principles=_strings(self, table, "principles"),
            reasons=reasons,
            milder=self.change(table, "milder"),
            harsher=self.change(table, "harsher"),
            warnings=tuple(
                Finding(w["id"], w["kind"], w["text"])
                for w in self.entries(table, "warnings", {"id": str, "kind": str, "text": str})
            ),
            actions=self.steps(table, "actions", ""),
            review_date=self.date(table, "review_date", where, required=True) or date.min,
            exit_plan=self.steps(table, "exit_plan", "stage"),
            staged_exit=bool(self.get(table, "staged_exit", bool, where, required=False)),
            prevention=self.steps(table, "prevention", ""),
            consequences=self.steps(table, "consequences", "side"),
            more_actions=self.steps(table, "more_actions", ""),
            actions_for_exit=bool(self.get(table, "actions_for_exit", bool, where, required=False)),
            problems=self.problems_of(table),
            range=self.level_range(table),
            open_questions=_strings(self, table, "open_questions"),
        )

    def problems_of(self, table: dict) -> tuple[ProblemView, ...]:
        views = []
        for item in self.entries(table, "problems", {"id": str, "band": int, "state": str, "level": str}):
            where = f"result.problems '{item['id']}'"
            if not 0 <= item["band"] < len(BANDS):
                self.problem(join(where, "band"), f"must be 0 to {len(BANDS) - 1} (got {item['band']})")
            elif item["state"] not in STATES:
                self.problem(join(where, "state"), f"must be one of {', '.join(STATES)}")
            elif item["level"] not in LEVELS:
                self.problem(join(where, "level"), f"must be one of {', '.join(LEVELS)}")
            else:
                views.append(ProblemView(item["id"], item["band"], item["state"], item["level"]))
        return tuple(views)

    def level_range(self, table: dict) -> tuple[str, str] | None:
        value = self.get(table, "range", list, "result", required=False)
        if value is None:
            return None
        if len(value) != 2 or any(v not in LEVELS for v in value):
            self.problem("result.range", f"must be two levels, the mildest and the harshest ({', '.join(LEVELS)})")
            return None
        return (value[0], value[1])

    def entries(self, table: dict, key: str, shape: dict[str, type | tuple]) -> list[dict]:
        """An array of tables, each checked against `shape` (field → type)."""
        good = []
        for index, item in enumerate(self.get(table, key, list, "result", required=False) or []):
            where = f"result.{key}[{index}]"
            if not isinstance(item, dict):
                self.problem(where, "must be a table")
                continue
            values = [self.get(item, name, kind, where) for name, kind in shape.items()]
            extra = set(item) - set(shape)
            if extra:
                self.problem(join(where, sorted(extra)[0]), f"unknown field (allowed: {', '.join(shape)})")
            elif None not in values:
                good.append(item)
        return good

    def steps(self, table: dict, key: str, tag: str) -> tuple[Step, ...]:
        shape: dict[str, type] = {"id": str, "text": str}
        if tag:
            shape = {"id": str, tag: str, "text": str}
        return tuple(Step(i["id"], i["text"], i.get(tag, "")) for i in self.entries(table, key, shape))

    def change(self, table: dict, key: str) -> Change | None:
        item = self.get(table, key, dict, "result", required=False)
        if item is None:
            return None
        where = f"result.{key}"
        question = self.get(item, "question", str, where)
        level = self.choice(item, "level", LEVELS, where)
        if "to" not in item:
            self.problem(join(where, "to"), "is missing")
        for extra in sorted(set(item) - {"question", "from", "to", "level", "then"}):
            self.problem(join(where, extra), "unknown field (allowed: question, from, to, level, then)")
        then = self.get(item, "then", dict, where, required=False)
        if then is not None and (set(then) != {"question", "to"} or not isinstance(then["question"], str)):
            self.problem(join(where, "then"), "must be a table { question = ID, to = ANSWER }")
            then = None
        if question is None or level is None or "to" not in item:
            return None
        return Change(question, item["to"], level, item.get("from"), (then["question"], then["to"]) if then else None)


def with_new_id(record: DecisionRecord) -> DecisionRecord:
    return replace(record, id=new_id())
