"""Where records live, and the folder of records on disk.

`--records-dir DIR`, else the environment variable CLIENT_EXIT_RECORDS, else the user data
directory. Records sit at the top of that folder; drafts (same format, status draft) in
`drafts/` under it. Files and folders are created readable by their owner only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from wizard.bank import Bank
from wizard.problems import InvalidFile, Problem, display_path
from wizard.records import DecisionRecord, new_id, read_record, to_toml, write_atomic

ENV_VAR = "CLIENT_EXIT_RECORDS"
APP_NAME = "client-exit-wizard"


def records_dir(option: str | Path | None = None) -> Path:
    if option:
        return Path(option).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "records"


@dataclass(frozen=True)
class Entry:
    """One file of the store: its record, or why it could not be read."""

    path: Path
    record: DecisionRecord | None
    problems: tuple[Problem, ...] = ()


class RecordStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.drafts = self.root / "drafts"

    def ensure(self) -> None:
        for folder in (self.root, self.drafts):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)

    # -- records ------------------------------------------------------------------------------

    def save_new(self, record: DecisionRecord) -> tuple[Path, DecisionRecord]:
        """Write a new record under a name no other record has. Returns its path and record
        (with a fresh id if the first one collided)."""
        self.ensure()
        for _ in range(20):
            path = self.root / record.file_name()
            try:
                write_atomic(path, to_toml(record), overwrite=False)
                return path, record
            except FileExistsError:
                record = replace(record, id=new_id())
        raise FileExistsError(f"could not find a free file name in {self.root}")

    def update(self, path: Path, record: DecisionRecord) -> None:
        """Replace a record that was read from `path` (a status change, a decision)."""
        write_atomic(path, to_toml(record), overwrite=True)

    def paths(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return sorted(p for p in self.root.glob("*.toml") if not p.name.startswith("."))

    def scan(self, bank: Bank) -> list[Entry]:
        """Every record file, newest first; broken files are entries with their problems."""
        entries = [self._entry(path, bank) for path in self.paths()]
        return sorted(entries, key=_newest_first)

    def find(self, ref: str, bank: Bank) -> Path:
        """A record by path, or by a prefix of its id. Raises InvalidFile when none or several."""
        candidate = Path(ref).expanduser()
        if candidate.suffix == ".toml" or os.sep in ref:
            if candidate.is_file():
                return candidate
            raise InvalidFile([Problem(ref, "", "no such record file")])
        matches = [p for p in self.paths() if p.stem.rsplit("-", 1)[-1].startswith(ref.lower())]
        if not matches:
            raise InvalidFile([Problem(ref, "", f"no record with this id in {self.root}")])
        if len(matches) > 1:
            names = ", ".join(p.name for p in matches[:5])
            raise InvalidFile([Problem(ref, "", f"several records match; give more of the id ({names})")])
        return matches[0]

    # -- drafts -------------------------------------------------------------------------------

    def draft_path(self, record_id: str) -> Path:
        return self.drafts / f"{record_id}.toml"

    def save_draft(self, record: DecisionRecord) -> Path:
        self.ensure()
        path = self.draft_path(record.id)
        write_atomic(path, to_toml(record), overwrite=True)
        return path

    def delete_draft(self, record_id: str) -> None:
        self.draft_path(record_id).unlink(missing_ok=True)

    def scan_drafts(self, bank: Bank) -> list[Entry]:
        if not self.drafts.is_dir():
            return []
        paths = [p for p in self.drafts.glob("*.toml") if not p.name.startswith(".")]
        return sorted((self._entry(p, bank) for p in paths), key=_newest_first)

    @staticmethod
    def _entry(path: Path, bank: Bank) -> Entry:
        try:
            return Entry(path, read_record(path, bank))
        except InvalidFile as error:
            return Entry(path, None, tuple(error.problems))


def _newest_first(entry: Entry) -> tuple:
    if entry.record is None:
        return (1, 0.0, display_path(entry.path))
    return (0, -entry.record.created.timestamp(), entry.path.name)
