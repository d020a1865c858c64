"""Where records live, and the folder of records on disk.

`--records-dir DIR`, else the environment variable CLIENT_EXIT_RECORDS, else the user data
directory. Records sit at the top of that folder; drafts (same format, status draft) in
`drafts/` under it.

Every file is read, written and deleted through the guarded file layer (wizard/storage/files.py):
atomic writes, no link followed, regular files up to 1 MB, owner-only modes unless the folder is
marked shared by a `.client-exit-shared` file, and the folder's lock around read-change-write.

This module imports nothing heavy when it loads (no dataclasses, no records, no bank): the
command line imports it for `list`, which must start about as fast as Python itself.
"""

from __future__ import annotations

import os
from pathlib import Path

from wizard.storage.files import SHARED_MARKER, shared  # noqa: F401  (re-exported: the shared folder)
from wizard.storage.folder import odd_file, record_files, record_names

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from wizard.model.bank import Bank
    from wizard.storage.index import Listed
    from wizard.model.problems import Problem
    from wizard.model.records import DecisionRecord

ENV_VAR = "CLIENT_EXIT_RECORDS"
APP_NAME = "client-exit-wizard"


def records_dir(option: str | Path | None = None) -> Path:
    if option:
        return Path(option).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "records"


class Entry:
    """One file of the store: its record, or why it could not be read.

    A plain class rather than a dataclass, so that importing this module stays cheap.
    """

    __slots__ = ("path", "record", "problems")

    def __init__(self, path: Path, record: DecisionRecord | None, problems: tuple[Problem, ...] = ()) -> None:
        self.path = path
        self.record = record
        self.problems = tuple(problems)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Entry):
            return NotImplemented
        return (self.path, self.record, self.problems) == (other.path, other.record, other.problems)

    def __repr__(self) -> str:
        return f"Entry(path={self.path!r}, record={self.record!r}, problems={self.problems!r})"


class RecordStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.drafts = self.root / "drafts"

    @property
    def shared(self) -> bool:
        return shared(self.root)

    def ensure(self) -> None:
        from wizard.storage import files

        files.make_folder(self.root, self.drafts)
        # A draft is one person's unfinished answers: teammates assess independently, so in a
        # folder shared through git the drafts stay with whoever is answering.
        files.ignored_by_git(self.root, self.drafts, "client-exit-wizard's drafts, unfinished and personal")

    def lock(self, what: str):
        """The records folder's write lock (wizard/storage/locks.py), for a read-change-write."""
        from wizard.storage.locks import lock

        return lock(self.root, what)

    # -- records ------------------------------------------------------------------------------

    def save_new(self, record: DecisionRecord) -> tuple[Path, DecisionRecord]:
        """Write a new record under a name no other record has. Returns its path and record
        (with a fresh id if the first one collided). Refused for a client forgotten after the
        record was made (Refused files.forgotten)."""
        from dataclasses import replace

        from wizard.model.records import new_id
        from wizard.storage.record_writer import to_toml
        from wizard.storage import files

        with self.lock("save"):
            self._refuse_forgotten(self.root / record.file_name(), record)
            for _ in range(20):
                path = self.root / record.file_name()
                try:
                    files.write_text(self.root, path, to_toml(record), overwrite=False)
                except FileExistsError:
                    record = replace(record, id=new_id())
                    continue
                return path, record
        raise FileExistsError(f"could not find a free file name in {self.root}")

    def update(self, path: Path, record: DecisionRecord, *, expected: DecisionRecord | None = None) -> None:
        """Replace a record that was read from `path` (a status change, a decision), under the
        folder's lock.

        Refused: a file a newer version has rewritten (InvalidFile); a file that is gone, which
        is never re-created; a record of a forgotten client; and, given `expected` (the record
        as the caller last read it), a record changed since (RecordChanged, with the record as
        it is now). To read, change and write in one step, hold `lock()` around all three.
        """
        from wizard.storage.record_writer import to_toml
        from wizard.storage import files

        from wizard.storage.locks import lock

        root, path = self._root_of(Path(path))
        with lock(root, "decide"):
            _refuse_newer_schema(path)
            if expected is not None:
                _refuse_changed(path, expected)
            self._refuse_forgotten(path, record)
            files.write_text(root, path, to_toml(record), overwrite=True, must_exist=True)

    def _root_of(self, path: Path) -> tuple[Path, Path]:
        """The records folder a record file belongs to, and its path inside it: the store's
        folder (or its drafts), else the folder the file was named in."""
        for folder in (self.root, self.drafts):
            if path.parent == folder or os.path.realpath(path.parent) == os.path.realpath(folder):
                return self.root, folder / path.name
        return path.parent, path

    def _refuse_forgotten(self, path: Path, record: DecisionRecord) -> None:
        from wizard.storage import files, forgotten

        stone = forgotten.load(self.root).covering(record.id, record.client, record.created)
        if stone is not None:
            raise files.Refused("files.forgotten", path, date=f"{stone.forgotten.astimezone():%Y-%m-%d %H:%M}")

    def paths(self) -> list[Path]:
        return sorted(self.root / name for name in record_names(self.root))

    def scan(self, bank: Bank) -> list[Entry]:
        """Every record file, read in full, newest first; broken files are entries with their problems."""
        entries = self._entries(self.root, bank)
        return sorted(entries, key=_newest_first)

    def summaries(self, bank: Bank | Callable[[], Bank]) -> list[Listed]:
        """What `list` shows of every record file, newest first, broken files last.

        Served from the list cache (wizard/storage/index.py), which re-reads only new and changed
        files. `bank` may be a function: it is called only when some file must be read, so an
        empty folder never loads the question bank.
        """
        try:
            files = record_files(self.root)
        except FileNotFoundError:
            return []
        if not files:
            return []
        from wizard.storage.index import list_records

        return list_records(self.root, files, bank() if callable(bank) else bank)

    def find(self, ref: str | None, bank: Bank, *, drafts: bool = False) -> Path:
        """A record (with `drafts`, a draft) by path, or by a prefix of its id; with `drafts` and
        no `ref`, the newest readable draft. Raises NoSuchRecord (kind: none, file, id, duplicate
        or several) when there is none, or several."""
        from wizard.model.problems import NoSuchRecord

        folder = self.drafts if drafts else self.root
        if ref is None:
            newest = [e.path for e in self.scan_drafts(bank) if e.record is not None] if drafts else []
            if not newest:
                raise NoSuchRecord("", "none", f"nothing to open in {folder}")
            return newest[0]
        candidate = Path(ref).expanduser()
        if candidate.suffix == ".toml" or os.sep in ref:
            if candidate.exists() and not candidate.is_dir():
                return candidate  # a FIFO or a device is refused by the reader, which says so
            raise NoSuchRecord(ref, "file", "no such record file")
        paths = sorted(folder / name for name in record_names(folder)) if drafts else self.paths()
        matches = [p for p in paths if p.stem.rsplit("-", 1)[-1].startswith(ref.lower())]
        if not matches:
            raise NoSuchRecord(ref, "id", f"no record with this id in {folder}")
        if len(matches) > 1:
            names = ", ".join(p.name for p in matches[:5])
            if len({p.stem.rsplit("-", 1)[-1] for p in matches}) == 1:
                raise NoSuchRecord(ref, "duplicate", f"several records have this id: {names}", matches)
            raise NoSuchRecord(ref, "several", f"several records match; give more of the id ({names})", matches)
        return matches[0]

    def read(self, path: Path, bank: Bank) -> DecisionRecord:
        """One record or draft. Raises InvalidFile naming the file and every bad field."""
        from wizard.storage.record_reader import read_record

        return read_record(path, bank)

    # -- drafts -------------------------------------------------------------------------------

    def draft_path(self, record_id: str) -> Path:
        return self.drafts / f"{record_id}.toml"

    def save_draft(self, record: DecisionRecord) -> Path:
        from wizard.storage.record_writer import to_toml
        from wizard.storage import files

        self.ensure()
        path = self.draft_path(record.id)
        with self.lock("draft"):
            self._refuse_forgotten(path, record)
            files.write_text(self.root, path, to_toml(record), overwrite=True)
        return path

    def delete_draft(self, record_id: str) -> None:
        from wizard.storage import files

        files.delete(self.root, self.draft_path(record_id), missing_ok=True)

    def scan_drafts(self, bank: Bank) -> list[Entry]:
        return sorted(self._entries(self.drafts, bank), key=_newest_first)

    def _entries(self, folder: Path, bank: Bank) -> list[Entry]:
        """Every record file in `folder`, read; an unreadable folder is one broken entry."""
        from wizard.storage.toml_read import unreadable

        try:
            found = record_files(folder, self.root)
        except OSError as error:
            return [Entry(folder, None, (unreadable(folder, error),))]
        entries = []
        for item in found:
            path = folder / item.name
            odd = odd_file(item, path)
            entries.append(Entry(path, None, (odd,)) if odd else self._entry(path, bank))
        return entries

    @staticmethod
    def _entry(path: Path, bank: Bank) -> Entry:
        from wizard.model.problems import InvalidFile
        from wizard.storage.record_reader import read_record

        try:
            return Entry(path, read_record(path, bank))
        except InvalidFile as error:
            return Entry(path, None, tuple(error.problems))


def _refuse_changed(path: Path, expected: DecisionRecord) -> None:
    """Raise RecordChanged when the record at `path` is no longer what the caller read."""
    import tomllib

    from wizard.model.problems import InvalidFile
    from wizard.storage.toml_read import read_toml
    from wizard.storage.record_writer import to_toml
    from wizard.storage.refusals import RecordChanged

    try:
        now = read_toml(path)
    except InvalidFile:
        return  # unreadable or gone: the write itself says so
    if now != tomllib.loads(to_toml(expected)):
        history = now.get("status_history")
        last = history[-1] if isinstance(history, list) and history and isinstance(history[-1], dict) else {}
        decision = now.get("decision") if isinstance(now.get("decision"), dict) else {}
        by = last.get("by") or decision.get("by") or "?"
        raise RecordChanged(path, str(now.get("status", "?")), str(by))


def _refuse_newer_schema(path: Path) -> None:
    from wizard.model.problems import InvalidFile
    from wizard.model.records import SCHEMA
    from wizard.storage.toml_read import newer_schema, read_toml

    try:
        schema = read_toml(path).get("schema")
    except InvalidFile:
        return  # unreadable or gone: replacing it loses no newer data
    newer = newer_schema(str(path), "record", schema, SCHEMA)
    if newer is not None:
        raise InvalidFile([newer])


def _newest_first(entry: Entry) -> tuple:

    if entry.record is None:
        return (1, 0.0, str(entry.path))
    return (0, -entry.record.created.timestamp(), entry.path.name)
