"""Tombstones of forgotten clients, so that forgetting holds in a folder shared through git.

`forget` deletes a client's files here, but another clone may still hold records or feedback of
that client and push them later. So `forget` leaves a tombstone, committed with the folder:

    .forgotten/<UTC time>-<random>.toml
        client = "sha256:…"          # a hash of the client's name (as wizard.model.clients matches it)
        forgotten = 2026-12-17T09:30:00.123456Z
        records = ["0123abcd", …]    # the ids of the records and drafts deleted

The name itself is never kept: the hash cannot be turned back into it, though it can confirm a
guess. A record is covered by a tombstone when its id is listed, or when its client's name has
that hash and it was created before the forget: a record made later is a new assessment, and
stays. `list` and `validate` report what a tombstone covers, and the next `forget` deletes it.
Writes refuse to bring back a covered record (`RecordStore` and `feedback.add` check).

One file per forget: two clones forgetting at once add two files, and git merges them.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

FOLDER = ".forgotten"
_PREFIX = "client-exit-wizard forgotten client\n"


class Tombstone(NamedTuple):
    client: str  # "sha256:<hex>"
    forgotten: datetime
    records: frozenset[str]


def client_hash(name: str) -> str:
    from wizard.model.clients import client_key

    return "sha256:" + hashlib.sha256((_PREFIX + client_key(name)).encode("utf-8", "surrogatepass")).hexdigest()


class Forgotten:
    """The tombstones of one records folder, with the questions asked of them."""

    def __init__(self, tombstones: list[Tombstone]) -> None:
        self.tombstones = tombstones
        self._ids = {rid: stone for stone in tombstones for rid in stone.records}
        self._clients: dict[str, list[Tombstone]] = {}
        for stone in tombstones:
            self._clients.setdefault(stone.client, []).append(stone)
        self._hashes: dict[str, str] = {}

    def __bool__(self) -> bool:
        return bool(self.tombstones)

    def of_client(self, name: str) -> list[Tombstone]:
        if not self.tombstones:
            return []
        hashed = self._hashes.get(name)
        if hashed is None:
            hashed = self._hashes[name] = client_hash(name)
        return self._clients.get(hashed, [])

    def covering(self, record_id: str, client: str | None = None, created: datetime | None = None) -> Tombstone | None:
        """The tombstone that covers a record (or a draft), if any."""
        stone = self._ids.get(record_id)
        if stone is not None or client is None:
            return stone
        for stone in self.of_client(client):
            if created is None or _aware(created) <= stone.forgotten:
                return stone
        return None

    def ids_of(self, client: str) -> set[str]:
        """Every record id forgotten for this client, in any forget so far."""
        return {rid for stone in self.of_client(client) for rid in stone.records}


def load(root: Path) -> Forgotten:
    """The folder's tombstones; a broken one is skipped here (`problems` names it)."""
    paths, _ = _paths(root)
    return Forgotten([stone for stone in map(_read, paths) if isinstance(stone, Tombstone)])


def problems(root: Path) -> list:
    """The tombstone files (or their folder) that cannot be read, as problems (for `validate`)."""
    paths, unreadable = _paths(root)
    return unreadable + [item for item in map(_read, paths) if not isinstance(item, Tombstone)]


def write(root: Path, client: str, record_ids: set[str] | list[str], when: datetime | None = None) -> Path:
    """Leave a tombstone for `client`. Raises OSError."""
    import tomli_w

    from wizard.storage import files

    when = (when or datetime.now(timezone.utc)).astimezone(timezone.utc)
    path = Path(root) / FOLDER / f"{when:%Y%m%dT%H%M%S.%fZ}-{secrets.token_hex(3)}.toml"
    text = ("# client-exit-wizard: a client whose data was deleted with `client-exit forget`.\n"
            "# Commit this file: it makes other copies of the folder delete what they still hold.\n"
            + tomli_w.dumps({"schema": 1, "client": client_hash(client), "forgotten": when,
                             "records": sorted(record_ids)}))
    files.write_text(root, path, text, overwrite=False)
    return path


def _paths(root: Path) -> tuple[list[Path], list]:
    from wizard.storage.toml_read import unreadable
    from wizard.storage import files

    folder = Path(root) / FOLDER
    try:
        found = files.entries(root, folder)
    except OSError as error:
        return [], [unreadable(folder, error)]
    return sorted(folder / e.name for e in found if e.name.endswith(".toml") and not e.name.startswith(".")), []


def _read(path: Path):
    """A Tombstone, or the Problem that keeps it from being one."""
    import re

    from wizard.model.problems import FieldReader, InvalidFile
    from wizard.storage.toml_read import read_toml

    try:
        data = read_toml(path)
    except InvalidFile as error:
        return error.problems[0]
    reader = FieldReader(str(path))
    client = reader.get(data, "client", str, "")
    when = reader.get(data, "forgotten", datetime, "")
    ids = reader.get(data, "records", list, "") or []
    if client is not None and not re.fullmatch(r"sha256:[0-9a-f]{64}", client):
        reader.problem("client", "must be sha256: and 64 hex digits")
    if when is not None and when.tzinfo is None:
        reader.problem("forgotten", "must be a date and time with a time zone")
    if not all(isinstance(rid, str) for rid in ids):
        reader.problem("records", "must be a list of record ids")
    if reader.problems:
        return reader.problems[0]
    return Tombstone(client, when, frozenset(ids))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.astimezone()
