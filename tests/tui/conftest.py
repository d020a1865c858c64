"""Fixtures of the wizard's tests."""

from __future__ import annotations

import itertools
import os
from datetime import timedelta

import pytest

from tests.tui.review_data import BROKEN
from tests.tui.support import NOW, saved_draft, saved_record
from wizard.cli import demo_folder as demo_module
from wizard.cli.demo_folder import Demo, build


@pytest.fixture(autouse=True)
def no_fsync(monkeypatch):
    """Skip fsync in the screens' tests: it only guards against power loss, and on a busy disk
    it costs up to 0.1 s per answer. Writes stay atomic (temporary file, then rename), and the
    SIGKILL test runs the real thing in a separate process."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)


@pytest.fixture
def named():
    """The user has said who they are (`client-exit config name`): decisions are credited to them."""
    from wizard.storage.settings import save_name

    save_name("Anna")
    return "Anna"


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


@pytest.fixture
def filled(bank, store):
    """A records folder with two decisions and two unfinished drafts."""
    saved_record(bank, store, "late-payer", "0000f00d", days_ago=2)
    saved_record(bank, store, "fading", "0000cafe", days_ago=1)
    saved_draft(bank, store, {"late_payments": 2, "late_payments_trend": "stable"}, record_id="0000beef")
    saved_draft(bank, store, {}, client="Acme Ltd", assessor="Anna", record_id="0000abcd",
                created=NOW - timedelta(hours=3))
    return store
