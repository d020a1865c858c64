"""The list cache: what `client-exit list` shows of each record, kept beside the records.

Reading 10,000 records means parsing 10,000 TOML files; the cache lets a second `list` read one
small file instead. It lives in `<records>/.index/list-v1.json` and maps each record file's name
to the file's identity when it was read, (size, mtime_ns, ctime_ns, inode), and either its
summary or the problems that make it broken. It is never trusted blindly:

- every `list` stats every record file (one cheap scandir pass) and re-reads the new ones and
  those whose identity changed; names that are gone are dropped;
- a file changed less than two seconds before the scan is not cached: a second change within
  the file system's timestamp resolution could otherwise keep size and times unchanged;
- a file is accepted only if `read_record` would accept it, so the list never shows what `show`
  would refuse (see `plainly_valid`); problems that depend on reading (permissions, I/O) are
  never cached;
- the question bank decides which answers are valid, so the cache holds a fingerprint of the
  bank (and of this program's version) and is rebuilt when it differs.

Deleting the folder loses nothing. Writing it is atomic (a temporary file, then a rename), and
when it cannot be written (a read-only folder, a full disk) `list` works the same, only
slower. The folder holds a `.gitignore` of `*`, so git never sees it in a shared folder.
"""

from __future__ import annotations

import json
import os
import time
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from wizard.i18n import LANGUAGES
from wizard.model.bank import BANDS, LEVELS, STATES
from wizard.model.problems import InvalidFile, Problem
from wizard.model.records import (
    CHANGE_KEYS, DECISION_KEYS, EVIDENCE_KEYS, LEDGER_KEYS, RECORD_KEYS, SCHEMA, STATUSES,
)
from wizard.storage import files as guarded
from wizard.storage.record_reader import parse_record
from wizard.model.records import is_record_id
from wizard.storage.folder import odd_file
from wizard.storage.toml_read import read_toml

TYPE_CHECKING = False
if TYPE_CHECKING:
    from wizard.model.bank import Bank
    from wizard.model.records import DecisionRecord

FOLDER = ".index"
FILE = "list-v1.json"
FORMAT = 1
MAX_CACHE = 200_000_000  # bytes; 10,000 records take about 2 MB
RACY_NS = 2_000_000_000  # coarser than any common file system's timestamps (FAT: 2 s)


class Summary(NamedTuple):
    """The fields of a record that `list` shows (and sorts and filters by).

    Named tuples, not dataclasses: a list of 10,000 records makes 10,000 of each, and a frozen
    dataclass costs several times as much to make."""

    id: str
    client: str
    assessor: str
    created: datetime
    status: str
    recommended: str | None  # the result's level
    decided: str | None  # the decision's level
    score: int | None
    review_date: date | None

    @property
    def level(self) -> str | None:
        """The level decided on, else the level recommended (as DecisionRecord.level)."""
        return self.decided or self.recommended


class Listed(NamedTuple):
    """One record file: its summary, or the problems that make it unreadable."""

    path: Path
    summary: Summary | None
    problems: tuple[Problem, ...] = ()


def summarize(record: DecisionRecord) -> Summary:
    result, decision = record.result, record.decision
    return Summary(
        id=record.id, client=record.client, assessor=record.assessor, created=record.created,
        status=record.status, recommended=result.level if result else None,
        decided=decision.level if decision else None, score=result.score if result else None,
        review_date=record.review_date,
    )


def list_records(root: Path, files: list[os.DirEntry], bank: Bank) -> list[Listed]:
    """A summary of each of `files` (the record files in `root`), newest first, broken last."""
    started = time.time_ns()
    fingerprint = bank_fingerprint(bank)
    old = _load(root, fingerprint)
    new: dict[str, list] = {}
    listed: list[Listed] = []
    child = _child_maker(root)
    for file in files:
        path = child(file.name)
        odd = odd_file(file, path)
        if odd is not None:  # a link, a FIFO, a folder: never read, never cached
            listed.append(Listed(path, None, (odd,)))
            continue
        key = _key(file)
        row = old.get(file.name)
        entry = _from_row(path, row) if row is not None and row[:4] == key else None
        if entry is None:
            try:
                entry = Listed(path, read_summary(path, bank))
            except InvalidFile as error:
                entry = Listed(path, None, tuple(error.problems))
            if key is None or _racy(key, started) or _read_failure(entry):
                row = None
            else:
                row = key + _to_row(entry)
        if row is not None:
            new[file.name] = row
        listed.append(entry)
    if new != old:
        _save(root, fingerprint, new)
    listed.sort(key=_newest_first)
    return listed


def _child_maker(root: Path):
    """`root / name`, made cheaply: pathlib's own way for a name known to be one plain part
    (what its directory walks use) where this Python has it, the operator elsewhere."""
    fast = getattr(root, "_make_child_relpath", None)
    if fast is not None and fast("x") == root / "x":
        return fast
    return root.__truediv__


def read_summary(path: Path, bank: Bank) -> Summary:
    """The summary of one record file. Raises InvalidFile exactly when `read_record` would."""
    data = read_toml(path)
    if plainly_valid(data, bank):
        result, decision = data.get("result"), data.get("decision")
        return Summary(
            id=data["id"], client=data["client"], assessor=data.get("assessor", ""), created=data["created"],
            status=data["status"], recommended=result["level"] if result else None,
            decided=decision["level"] if decision else None, score=result["score"] if result else None,
            review_date=data.get("review_date"),
        )
    return summarize(parse_record(data, str(path), bank))


# ---------------------------------------------------------------------------------------------
# A cheaper check for the common case
#
# Reading a record validates every field and builds the whole Assessment: a sixth of the cost
# of a cold `list`, on top of parsing the TOML. `plainly_valid` checks the same rules without
# building anything, and more strictly: it is True only for data that `parse_record` accepts
# (tests/unit/test_index.py checks this on fuzzed records, and notices when the rules of
# parse_record change). Anything else goes to `parse_record`, for the verdict and the problems.

_RECORD_KEYS = frozenset(RECORD_KEYS)
_DECISION_KEYS = frozenset(DECISION_KEYS)
_CHANGE_KEYS = frozenset(CHANGE_KEYS)
_EVIDENCE_KEYS = frozenset(EVIDENCE_KEYS)
_LEDGER_KEYS = frozenset(LEDGER_KEYS)
_TEXT_LISTS = ("decision_makers", "consulted", "informed", "supersedes", "superseded_by", "skipped")
_STEP_SHAPES = {
    "reasons": {"question": (str,), "share": (int, float)},
    "warnings": {"id": (str,), "kind": (str,), "text": (str,)},
    "actions": {"id": (str,), "text": (str,)},
    "more_actions": {"id": (str,), "text": (str,)},
    "exit_plan": {"id": (str,), "stage": (str,), "text": (str,)},
    "prevention": {"id": (str,), "text": (str,)},
    "consequences": {"id": (str,), "side": (str,), "text": (str,)},
    "problems": {"id": (str,), "band": (int,), "state": (str,), "level": (str,)},
}
_CHANGE_FIELDS = frozenset({"question", "from", "to", "level", "then"})


def plainly_valid(data: dict, bank: Bank) -> bool:
    """True only if `parse_record` accepts `data` (False says nothing: ask parse_record)."""
    get = data.get
    client, record_id, created = get("client"), get("id"), get("created")
    if not (data.keys() <= _RECORD_KEYS and "prefilled" not in data and type(get("schema")) is int and 1 <= get("schema") <= SCHEMA
            and type(client) is str and client.strip() and type(record_id) is str and is_record_id(record_id)
            and type(created) is datetime and created.tzinfo is not None
            and get("language") in LANGUAGES and get("status") in STATUSES and type(get("bank_version")) is str
            and type(get("assessor", "")) is str and type(get("outcome", "")) is str
            and type(get("review_date", date.min)) is date
            and all(_texts(get(key, [])) for key in _TEXT_LISTS)):
        return False
    answers, notes, question = get("answers", {}), get("notes", {}), bank.question
    if type(answers) is not dict or type(notes) is not dict:
        return False
    for key, value in answers.items():
        asked = question(key)
        if asked is None or asked.check(value) is not None:
            return False
    if not all(type(value) is str and question(key) is not None for key, value in notes.items()):
        return False
    if not all(question(key) is not None and key not in answers for key in get("skipped", [])):
        return False
    if ("evidence" in data or "ledger" in data) and not _plain_evidence(get("evidence", {}), get("ledger"), question):
        return False
    decision = get("decision")
    if decision is not None and not (
            type(decision) is dict and decision.keys() <= _DECISION_KEYS
            and type(decision.get("level")) is str and decision["level"] in LEVELS
            and type(decision.get("reason", "")) is str and type(decision.get("by", "")) is str
            and type(decision.get("comment", "")) is str and type(decision.get("at", created)) is datetime):
        return False
    if not all(_plain_change(change) for change in _list(get("status_history", []))):
        return False
    result = get("result")
    return result is None or (type(result) is dict and _plain_result(result))


def _plain_result(result: dict) -> bool:
    get = result.get
    sections, confidence = get("sections"), get("confidence")
    if not (type(get("level")) is str and get("level") in LEVELS and _whole(get("score"), 0, 100)
            and type(confidence) in (int, float) and 0 <= confidence <= 1
            and type(get("review_date")) is date and type(sections) is dict
            and all(_whole(value, 0, 100) for value in sections.values())
            and type(get("staged_exit", False)) is bool and _texts(get("principles", []))
            and type(get("actions_for_exit", False)) is bool and _texts(get("decisive", []))):
        return False
    for key, shape in _STEP_SHAPES.items():
        items = get(key, [])
        if type(items) is not list or not all(
                type(item) is dict and item.keys() == shape.keys()
                and all(type(item[name]) in kinds for name, kinds in shape.items()) for item in items):
            return False
    if not all(0 <= p["band"] < len(BANDS) and p["state"] in STATES and p["level"] in LEVELS
               for p in get("problems", [])):
        return False
    span = get("range")
    if not (_texts(get("open_questions", [])) and (span is None or (
            type(span) is list and len(span) == 2 and all(type(v) is str and v in LEVELS for v in span)))):
        return False
    for key in ("milder", "harsher"):
        change = get(key)
        if change is not None and not (type(change) is dict and change.keys() <= _CHANGE_FIELDS
                                       and type(change.get("question")) is str
                                       and type(change.get("level")) is str and change["level"] in LEVELS
                                       and "to" in change and _plain_then(change.get("then"))):
            return False
    return True


def _plain_evidence(evidence: object, ledger: object, question) -> bool:
    if not (type(ledger) is dict and ledger.keys() == _LEDGER_KEYS and type(ledger["file"]) is str
            and type(ledger["since"]) is date and type(ledger["until"]) is date and ledger["since"] <= ledger["until"]
            and type(evidence) is dict):
        return False
    for key, item in evidence.items():
        asked = question(key)
        if (asked is None or type(item) is not dict or not item.keys() <= _EVIDENCE_KEYS
                or type(item.get("text")) is not str
                or ("derived" in item and asked.check(item["derived"]) is not None)):
            return False
    return True


def _plain_then(then: object) -> bool:
    return then is None or (type(then) is dict and then.keys() == {"question", "to"} and type(then["question"]) is str)


def _plain_change(change: object) -> bool:
    if type(change) is not dict or not change.keys() <= _CHANGE_KEYS:
        return False
    at = change.get("at")
    return (type(change.get("status")) is str and change["status"] in STATUSES
            and (at is None or (type(at) is datetime and at.tzinfo is not None))
            and ("level" not in change or (type(change["level"]) is str and change["level"] in LEVELS))
            and all(type(change.get(key, "")) is str for key in ("by", "reason", "comment", "outcome")))


def _list(value: object) -> list:
    return value if type(value) is list else [None]  # a non-list fails the check of its item


def _texts(value: object) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


def _whole(value: object, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def bank_fingerprint(bank: Bank) -> str:
    """What of the bank and the program decides whether a record is valid, as a short hash."""
    import hashlib

    from wizard import __version__
    from wizard.model.records import SCHEMA

    parts = [f"{__version__} schema {SCHEMA} format {FORMAT}"]
    parts += [f"{q.id} {q.kind} {' '.join(q.options)}" for q in bank.questions]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:32]


# ---------------------------------------------------------------------------------------------
# Rows: a file's identity, then [summary] or [None, problems] (compact JSON lists)


def _key(file: os.DirEntry) -> list[int] | None:
    try:
        stat = file.stat(follow_symlinks=False)
    except OSError:
        return None  # gone meanwhile: read it every time, to report it
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]


def _racy(key: list[int], started: int) -> bool:
    return started - max(key[1], key[2]) < RACY_NS


def _read_failure(entry: Listed) -> bool:
    """Problems of reading rather than of content (permissions, I/O): never cached."""
    return any(not p.field and p.message.startswith(("cannot be read", "no such file")) for p in entry.problems)


def _to_row(entry: Listed) -> list:
    summary = entry.summary
    if summary is None:
        return [None, [[p.field, p.message] for p in entry.problems]]
    return [[summary.id, summary.client, summary.assessor, summary.created.isoformat(), summary.status,
             summary.recommended, summary.decided, summary.score,
             summary.review_date.isoformat() if summary.review_date else None]]


def _from_row(path: Path, row: list) -> Listed | None:
    """The entry a cached row describes, or None when the row is malformed (then: re-read)."""
    try:
        if len(row) == 6 and row[4] is None:
            file = str(path)
            return Listed(path, None, tuple(Problem(file, str(f), str(m)) for f, m in row[5]))
        (record_id, client, assessor, created, status, recommended, decided, score, review), = row[4:]
        if not all(type(v) is str for v in (record_id, client, assessor, status)):
            return None
        return Listed(path, Summary(
            record_id, client, assessor, datetime.fromisoformat(created), status, recommended, decided,
            score, date.fromisoformat(review) if review else None,
        ))
    except (TypeError, ValueError):
        return None


def _newest_first(entry: Listed) -> tuple:
    if entry.summary is None:
        return (1, 0.0, str(entry.path))
    return (0, -entry.summary.created.timestamp(), entry.path.name)


# ---------------------------------------------------------------------------------------------
# The file


def _load(root: Path, fingerprint: str) -> dict[str, list]:
    """The cached rows, or nothing when the cache is missing, unreadable, or for another bank."""
    try:
        data = json.loads(guarded.read_bytes(root / FOLDER / FILE, limit=MAX_CACHE, follow=False, root=root))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("bank") != fingerprint:
        return {}
    files = data.get("files")
    if not isinstance(files, dict):
        return {}
    return {name: row for name, row in files.items() if isinstance(row, list) and len(row) in (5, 6)}


def _save(root: Path, fingerprint: str, rows: dict[str, list]) -> None:
    """Replace the cache in one step; give up quietly when the folder cannot be written."""
    folder = root / FOLDER
    try:
        guarded.make_folder(root, folder)
        for stale in guarded.stale_temp_files(root, folder):  # from a list that was killed while writing
            guarded.delete(root, stale, missing_ok=True)
        guarded.ignored_by_git(root, folder, "client-exit-wizard's list cache")
        text = json.dumps({"format": FORMAT, "bank": fingerprint, "files": rows}, ensure_ascii=False,
                          separators=(",", ":"))
        guarded.write_text(root, folder / FILE, text, overwrite=True, durable=False)
    except OSError:
        pass  # the cache is an optimisation: list works without it (a linked .index/ is never used)
