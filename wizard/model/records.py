"""Decision records and answers sheets: what a record holds (read and written as TOML by
wizard/storage/record_reader.py, record_writer.py and answers_codec.py).

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

from wizard.model.bank import Answer
from wizard.model.prefill import Prefill
from wizard.model.assessment import Assessment

SCHEMA = 5  # the newest format this version reads and writes (see the module's doc)
STATUSES = ("draft", "proposed", "accepted", "rejected", "superseded")
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


_ID = re.compile(r"[0-9a-f]{4,32}")


def is_record_id(text: object) -> bool:
    """A record id as this program writes them (new_id), or a shorter hex prefix of one."""
    return isinstance(text, str) and _ID.fullmatch(text) is not None


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


# ---------------------------------------------------------------------------------------------
# Records: to and from TOML
