"""Teammates' feedback on a record: a stance (agree, disagree, abstain) and a comment.

Feedback is never written into the record. Each piece is its own small TOML file,

    <records>/feedback/<record id>/<UTC time>-<slug of the name>-<random>.toml

so two teammates giving feedback on the same record in their own clones of a shared git
repository add two different files: git merges them without a conflict and nobody's input is
lost. A file is written once and never changed; a newer file from the same person replaces
their stance (see `current`), the older ones stay as the trail of the discussion.

Time. Feedback is stamped to the microsecond (`created` in the file, and the UTC time in the
name: `20260105T083000.123456Z`), so two pieces given in the same second are still ordered.
Files written before (stamped to the second, `20260105T083000Z`) are read as they are; two of
them from the same second are ordered by their names.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from wizard.model.feedback import STANCES, Feedback
from wizard.model.problems import FieldReader, InvalidFile, Problem, show
from wizard.model.records import is_record_id, slug
from wizard.storage import files
from wizard.storage.toml_read import check_schema, read_toml, unreadable

SCHEMA = 1
FOLDER = "feedback"
KEYS = ("schema", "record", "by", "stance", "comment", "created")


@dataclass(frozen=True)
class FeedbackEntry:
    """One feedback file: its feedback, or why it could not be read (like store.Entry)."""

    path: Path
    feedback: Feedback | None
    problems: tuple[Problem, ...] = ()


def folder(root: Path, record_id: str) -> Path:
    """Where the feedback on one record lives."""
    if not is_record_id(record_id):
        raise ValueError(f"not a record id: {record_id!r}")
    return Path(root) / FOLDER / record_id


def to_toml(feedback: Feedback) -> str:
    import tomli_w

    return tomli_w.dumps({
        "schema": SCHEMA,
        "record": feedback.record,
        "by": feedback.by,
        "stance": feedback.stance,
        "comment": feedback.comment,
        "created": feedback.created,
    })


def make(record_id: str, by: str, stance: str, comment: str = "", created: datetime | None = None) -> Feedback:
    """A new piece of feedback, checked like a file would be. Raises ValueError."""
    by = " ".join(by.split())
    if not by:
        raise ValueError("the name (--by) must not be empty")
    if stance not in STANCES:
        raise ValueError(f"the stance must be one of {', '.join(STANCES)} (got {stance!r})")
    created = created or precise_now()
    if created.tzinfo is None:
        raise ValueError("the time must carry a time zone")
    return Feedback(record_id, by, stance, created, comment.strip())


def precise_now() -> datetime:
    """The current time with the local time zone, to the microsecond (records use seconds)."""
    return datetime.now().astimezone()


def stamp(created: datetime) -> str:
    """The UTC time for a file name: sorts by time, to the microsecond."""
    return created.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")


def add(root: Path, feedback: Feedback) -> Path:
    """Write one feedback file. Never replaces another file, not even one written the same second.
    Refused for a record of a forgotten client, and when the record's folder is a link."""
    from wizard.storage import forgotten

    target = folder(root, feedback.record)
    when = stamp(feedback.created)
    from wizard.storage.locks import lock

    with lock(root, "feedback"):
        stone = forgotten.load(root).covering(feedback.record)
        if stone is not None:
            raise files.Refused("files.forgotten", target, date=f"{stone.forgotten.astimezone():%Y-%m-%d %H:%M}")
        for _ in range(20):
            path = target / f"{when}-{slug(feedback.by, 24)}-{secrets.token_hex(3)}.toml"
            try:
                files.write_text(root, path, to_toml(feedback), overwrite=False)
            except FileExistsError:
                continue
            return path
    raise FileExistsError(f"could not find a free file name in {target}")


def read(path: Path, record_id: str | None = None) -> Feedback:
    """Load and validate one feedback file. Raises InvalidFile naming the file and each bad field."""
    return parse(read_toml(path), str(path), record_id)


def parse(data: dict, file: str, record_id: str | None = None) -> Feedback:
    reader = FieldReader(file)
    check_schema(reader, data, "feedback", SCHEMA)
    for key in data:
        if key not in KEYS:
            reader.problem(key, f"unknown field (a feedback file has: {', '.join(KEYS)})")
    record = reader.get(data, "record", str, "")
    if record is not None and not is_record_id(record):
        reader.problem("record", f"must be a record id, 4 to 32 lower-case hex digits (got {show(record)})")
    elif record is not None and record_id is not None and record != record_id:
        reader.problem("record", f"is {show(record)} but the file sits in the folder of record {record_id}")
    by = reader.get(data, "by", str, "")
    if by is not None and not by.strip():
        reader.problem("by", "must not be empty")
    stance = reader.get(data, "stance", str, "")
    if stance is not None and stance not in STANCES:
        reader.problem("stance", f"must be one of {', '.join(STANCES)} (got {show(stance)})")
    comment = reader.get(data, "comment", str, "", required=False) or ""
    created = reader.get(data, "created", datetime, "")
    if created is not None and created.tzinfo is None:
        reader.problem("created", "must be a date and time with a time zone, like 2026-11-23T09:15:00+01:00")
    reader.raise_if_any()
    return Feedback(record, by.strip(), stance, created, comment)


def load(root: Path, record_id: str) -> list[FeedbackEntry]:
    """Every feedback file on one record, oldest first; broken files come last, with their
    problems. A folder that cannot be read (or is a link) is one broken entry, never skipped."""
    target = folder(root, record_id)
    try:
        found = [e for e in files.entries(root, target) if e.name.endswith(".toml") and not e.name.startswith(".")]
    except OSError as error:
        return [FeedbackEntry(target, None, (unreadable(target, error),))]
    from wizard.storage.folder import odd_file

    entries = []
    for item in sorted(found, key=lambda e: e.name):
        path = target / item.name
        odd = odd_file(item, path)
        if odd is not None:  # a link, a FIFO, a folder: never read
            entries.append(FeedbackEntry(path, None, (odd,)))
            continue
        try:
            entries.append(FeedbackEntry(path, read(path, record_id)))
        except InvalidFile as error:
            entries.append(FeedbackEntry(path, None, tuple(error.problems)))
    return sorted(entries, key=_oldest_first)


def load_all(root: Path) -> dict[str, list[FeedbackEntry]]:
    """The feedback on every record that has some, by record id (an unreadable feedback/ folder
    under the key "")."""
    base = Path(root) / FOLDER
    try:
        subs = files.entries(root, base)
    except OSError as error:
        return {"": [FeedbackEntry(base, None, (unreadable(base, error),))]}
    result = {}
    for sub in sorted(subs, key=lambda e: e.name):
        if is_record_id(sub.name) and (sub.is_dir(follow_symlinks=False) or sub.is_symlink()):
            entries = load(root, sub.name)
            if entries:
                result[sub.name] = entries
    return result


def good(entries: list[FeedbackEntry]) -> list[Feedback]:
    return [e.feedback for e in entries if e.feedback is not None]


def broken(entries_by_record: dict[str, list[FeedbackEntry]]) -> list[Problem]:
    return [p for entries in entries_by_record.values() for e in entries for p in e.problems]


def _oldest_first(entry: FeedbackEntry) -> tuple:
    if entry.feedback is None:
        return (1, 0.0, entry.path.name)
    return (0, entry.feedback.created.timestamp(), entry.path.name)
