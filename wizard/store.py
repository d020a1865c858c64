"""Where records live, and the folder of records on disk.

`--records-dir DIR`, else the environment variable CLIENT_EXIT_RECORDS, else the user data
directory. Records sit at the top of that folder; drafts (same format, status draft) in
`drafts/` under it.

Privacy: files and folders are created readable by their owner only (0600 / 0700), unless the
records folder is marked shared by a `.client-exit-shared` file in it; then they follow the
umask, so the team's group can read them (see `shared`).

This module imports nothing heavy when it loads (no dataclasses, no records, no bank): the
command line imports it for `list`, which must start about as fast as Python itself.
"""

from __future__ import annotations

import os
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from wizard.bank import Bank
    from wizard.index import Listed
    from wizard.problems import Problem
    from wizard.records import DecisionRecord

ENV_VAR = "CLIENT_EXIT_RECORDS"
APP_NAME = "client-exit-wizard"
SHARED_MARKER = ".client-exit-shared"
PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700


def records_dir(option: str | Path | None = None) -> Path:
    if option:
        return Path(option).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "records"


def shared(root: Path) -> bool:
    """Is this records folder shared with a team? Marked by a `.client-exit-shared` file.

    An explicit marker, not a guess: a git work tree may be private, a synced or network
    folder may be shared without git, and the marker travels with the folder (commit it).
    """
    return (Path(root) / SHARED_MARKER).is_file()


def current_umask() -> int:
    """The process umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # Elsewhere: set and restore; the brief value in between is the strict one, never looser.
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def file_mode(root: Path) -> int:
    """The mode of new files in this records folder: owner only, or the umask when shared."""
    return (0o666 & ~current_umask()) if shared(root) else PRIVATE_FILE


def make_folder(folder: Path, root: Path) -> None:
    """Create `folder` (and missing parents) for the records folder `root`, private unless shared."""
    mode = 0o777 if shared(root) else PRIVATE_FOLDER  # mkdir applies the umask to 0o777
    Path(folder).mkdir(mode=mode, parents=True, exist_ok=True)


def ignored_by_git(folder: Path, root: Path, what: str) -> None:
    """Give `folder` a `.gitignore` of `*`, so that in a records folder shared through git its
    files stay on this machine. Raises OSError when the folder cannot be written."""
    path = folder / ".gitignore"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, file_mode(root))
    except FileExistsError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f"# {what}: never commit it\n*\n")
    except OSError:
        path.unlink(missing_ok=True)  # a full disk: tried again next time, never left empty
        raise


def set_mode(path: Path, root: Path) -> None:
    """Give a newly written file the mode the folder's rule asks for (mkstemp makes it 0600)."""
    mode = file_mode(root)
    if mode != PRIVATE_FILE:
        os.chmod(path, mode)


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


def record_files(folder: Path) -> list[os.DirEntry]:
    """The record files directly in `folder` (never those in drafts/ or feedback/), unsorted.

    Hidden names are skipped: temporary files of a write in progress start with a dot.
    """
    try:
        with os.scandir(folder) as found:
            return [e for e in found if e.name.endswith(".toml") and not e.name.startswith(".")]
    except (FileNotFoundError, NotADirectoryError):
        return []


def record_names(folder: Path) -> list[str]:
    return [entry.name for entry in record_files(folder)]


def stale_temp_files(folder: Path, older_than: float = 60.0) -> list[Path]:
    """Temporary files (`.tmp-*`) that an interrupted write left behind: a program killed between
    creating one and renaming it. A write in progress is younger than a minute, so never touched."""
    import time

    limit = time.time() - older_than
    try:
        with os.scandir(folder) as found:
            return [Path(e.path) for e in found if e.name.startswith(".tmp-") and e.is_file(follow_symlinks=False)
                    and e.stat(follow_symlinks=False).st_mtime < limit]
    except OSError:
        return []


class RecordStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.drafts = self.root / "drafts"

    @property
    def shared(self) -> bool:
        return shared(self.root)

    def ensure(self) -> None:
        for folder in (self.root, self.drafts):
            make_folder(folder, self.root)
        # A draft is one person's unfinished answers: teammates assess independently, so in a
        # folder shared through git the drafts stay with whoever is answering.
        ignored_by_git(self.drafts, self.root, "client-exit-wizard's drafts, unfinished and personal")

    # -- records ------------------------------------------------------------------------------

    def save_new(self, record: DecisionRecord) -> tuple[Path, DecisionRecord]:
        """Write a new record under a name no other record has. Returns its path and record
        (with a fresh id if the first one collided)."""
        from dataclasses import replace

        from wizard.records import new_id, to_toml, write_atomic

        self.ensure()
        for _ in range(20):
            path = self.root / record.file_name()
            try:
                write_atomic(path, to_toml(record), overwrite=False)
            except FileExistsError:
                record = replace(record, id=new_id())
                continue
            set_mode(path, self.root)
            return path, record
        raise FileExistsError(f"could not find a free file name in {self.root}")

    def update(self, path: Path, record: DecisionRecord) -> None:
        """Replace a record that was read from `path` (a status change, a decision).

        A file that a newer version has rewritten in the meantime is refused (InvalidFile),
        never overwritten.
        """
        from wizard.records import to_toml, write_atomic

        _refuse_newer_schema(Path(path))
        write_atomic(path, to_toml(record), overwrite=True)
        set_mode(path, self.root)

    def paths(self) -> list[Path]:
        return sorted(self.root / name for name in record_names(self.root))

    def scan(self, bank: Bank) -> list[Entry]:
        """Every record file, read in full, newest first; broken files are entries with their problems."""
        entries = [self._entry(path, bank) for path in self.paths()]
        return sorted(entries, key=_newest_first)

    def summaries(self, bank: Bank | Callable[[], Bank]) -> list[Listed]:
        """What `list` shows of every record file, newest first, broken files last.

        Served from the list cache (wizard/index.py), which re-reads only new and changed
        files. `bank` may be a function: it is called only when some file must be read, so an
        empty folder never loads the question bank.
        """
        files = record_files(self.root)
        if not files:
            return []
        from wizard.index import list_records

        return list_records(self.root, files, bank() if callable(bank) else bank)

    def find(self, ref: str, bank: Bank) -> Path:
        """A record by path, or by a prefix of its id. Raises NoSuchRecord when none or several."""
        from wizard.problems import NoSuchRecord

        candidate = Path(ref).expanduser()
        if candidate.suffix == ".toml" or os.sep in ref:
            if candidate.is_file():
                return candidate
            raise NoSuchRecord(ref, "file", "no such record file")
        matches = [p for p in self.paths() if p.stem.rsplit("-", 1)[-1].startswith(ref.lower())]
        if not matches:
            raise NoSuchRecord(ref, "id", f"no record with this id in {self.root}")
        if len(matches) > 1:
            names = ", ".join(p.name for p in matches[:5])
            raise NoSuchRecord(ref, "several", f"several records match; give more of the id ({names})", matches)
        return matches[0]

    # -- drafts -------------------------------------------------------------------------------

    def draft_path(self, record_id: str) -> Path:
        return self.drafts / f"{record_id}.toml"

    def save_draft(self, record: DecisionRecord) -> Path:
        from wizard.records import to_toml, write_atomic

        self.ensure()
        path = self.draft_path(record.id)
        write_atomic(path, to_toml(record), overwrite=True)
        set_mode(path, self.root)
        return path

    def delete_draft(self, record_id: str) -> None:
        self.draft_path(record_id).unlink(missing_ok=True)

    def scan_drafts(self, bank: Bank) -> list[Entry]:
        paths = [self.drafts / name for name in record_names(self.drafts)]
        return sorted((self._entry(p, bank) for p in paths), key=_newest_first)

    @staticmethod
    def _entry(path: Path, bank: Bank) -> Entry:
        from wizard.problems import InvalidFile
        from wizard.records import read_record

        try:
            return Entry(path, read_record(path, bank))
        except InvalidFile as error:
            return Entry(path, None, tuple(error.problems))


def _refuse_newer_schema(path: Path) -> None:
    from wizard.problems import InvalidFile, Problem, display_path, read_toml
    from wizard.records import SCHEMA

    try:
        schema = read_toml(path).get("schema")
    except InvalidFile:
        return  # unreadable or gone: replacing it loses no newer data
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA:
        raise InvalidFile([Problem(display_path(path), "schema", (
            f"this record was written by a newer version of client-exit-wizard (schema {schema}); "
            f"this version reads schema {SCHEMA}. It is left untouched."))])


def _newest_first(entry: Entry) -> tuple:
    from wizard.problems import display_path

    if entry.record is None:
        return (1, 0.0, display_path(entry.path))
    return (0, -entry.record.created.timestamp(), entry.path.name)
