"""Fixtures of the wizard's tests."""

from __future__ import annotations

import os

import pytest


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
