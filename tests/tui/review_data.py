"""Records for the review screens' tests: the demo set, written the real way, with fixed ids."""

from __future__ import annotations

from wizard.cli.demo_folder import Demo
from wizard.storage.store import RecordStore

BROKEN = "2026-01-01-broken-0000dead.toml"  # sorts after every record: broken files come last


def path_of(store: RecordStore, demo: Demo, client: str, index: int = -1):
    """The file of a client's record: index 0 is the oldest, -1 the newest."""
    records = sorted((r for r in demo.records if r.client == client), key=lambda r: r.created)
    return store.root / records[index].file_name(), records[index]
