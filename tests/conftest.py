"""Fixtures shared by every test: no test ever touches the user's real data directory."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest


from wizard.storage import bank_files
from wizard.storage.store import RecordStore

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated(tmp_path_factory, monkeypatch) -> Path:
    """Point the records folder, the data folders and the locale at temporary, known values."""
    home = tmp_path_factory.mktemp("home")
    records = home / "records"
    monkeypatch.setenv("CLIENT_EXIT_RECORDS", str(records))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("HOME", str(home))
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    # Temporary folders the program makes (`client-exit demo`, in-process or in a subprocess) go
    # under pytest's own temporary folder, which pytest cleans: nothing is left in /tmp.
    scratch = home / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    return records


@pytest.fixture
def records_dir(isolated) -> Path:
    return isolated


@pytest.fixture
def store(records_dir) -> RecordStore:
    return RecordStore(records_dir)


@pytest.fixture(scope="session")
def bank():
    return bank_files.load_default()
