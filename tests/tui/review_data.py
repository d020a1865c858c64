"""Records for the review screens' tests: the demo set, written the real way, with fixed ids."""

from __future__ import annotations

import itertools

import pytest

from tests.tui.support import NOW
from wizard.cli import demo_folder as demo_module
from wizard.cli.demo_folder import Demo, build
from wizard.storage.store import RecordStore

BROKEN = "2026-01-01-broken-0000dead.toml"  # sorts after every record: broken files come last


@pytest.fixture
def demo(bank, store, monkeypatch) -> Demo:
    """The demo folder (a history, two teammates, feedback, an overdue review), made on NOW,
    with ids 00d00000, 00d00001, … so snapshots and paths never change."""
    counter = itertools.count(0xD00000)
    monkeypatch.setattr(demo_module, "new_id", lambda: f"{next(counter):08x}")
    return build(store.root, bank, "en", NOW)


@pytest.fixture
def with_broken(demo, store) -> Demo:
    """The demo folder and one file that is not a record."""
    (store.root / BROKEN).write_text("client = [", encoding="utf-8")
    return demo


def path_of(store: RecordStore, demo: Demo, client: str, index: int = -1):
    """The file of a client's record: index 0 is the oldest, -1 the newest."""
    records = sorted((r for r in demo.records if r.client == client), key=lambda r: r.created)
    return store.root / records[index].file_name(), records[index]
