"""Any locale, any bytes, any folder modes: a clear message, never a traceback.

- A terminal whose encoding cannot show every character (Latin-2, ASCII): what it cannot show
  is replaced. Simulated with PYTHONIOENCODING, so no system locale is needed.
- Text options with bytes that are not UTF-8 (they arrive as surrogates): refused, named.
- A folder with mode 000 under drafts/ or feedback/: every command names it and says what to do.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile import CLIENT, build
from tests.privileges import obeying_permissions
from wizard.cli import main as cli
from wizard.storage import feedback

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX bytes and modes")


def run(args: list, *, encoding: str = "utf-8", columns: int = 100, prefix: list[str] = ()) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "COLUMNS": str(columns)}
    env.pop("PYTHONUTF8", None)
    return subprocess.run([*prefix, sys.executable, "-m", "wizard", *args], capture_output=True, cwd=ROOT,
                          env=env, timeout=120)


@pytest.fixture
def polish_folder(store, bank):
    """A record and a team of a client with a Polish name, accents and typographic marks."""
    made = build(store, bank)  # escape codes too: the replacement must not turn them back raw
    examples = ROOT / "examples"
    assert cli.main(["assess", *map(str, sorted(examples.glob("*.toml"))), "--save", "--json"]) == 0
    return made


@pytest.mark.parametrize("encoding", ["iso8859-2", "ascii"])
def test_a_terminal_that_cannot_show_every_character(store, polish_folder, encoding):
    record = polish_folder["record1"][1].id
    commands = [
        ["--lang", "pl", "show", record], ["--lang", "pl", "history", CLIENT], ["--lang", "pl", "team", CLIENT],
        ["--lang", "pl", "list"], ["--lang", "pl", "assess", ROOT / "examples" / "late-payer.toml"],
        ["--lang", "pl", "compare", record, polish_folder["record2"][1].id], ["--lang", "pl", "validate", store.root],
        ["--lang", "pl", "forget", "Nikt Taki"],
    ]
    for args in commands:
        narrow = args[2] in ("list", "history", "team")  # a narrow table takes other paths (cut names, …)
        for columns in (100, 40) if narrow else (100,):
            done = run([*args, "--records-dir", store.root], encoding=encoding, columns=columns)
            err = done.stderr.decode(encoding)
            assert b"Traceback" not in done.stderr, (args, err)
            assert done.returncode in (0, 1), (args, done.returncode, err)
            assert b"\x1b" not in done.stdout + done.stderr
            done.stdout.decode(encoding)  # nothing but that encoding was written
    shown = run(["--lang", "pl", "show", record, "--records-dir", store.root], encoding="iso8859-2")
    assert "Ocena klienta" in shown.stdout.decode("iso8859-2")
    assert "ą" in run(["--lang", "pl", "list", "--records-dir", store.root], encoding="iso8859-2").stdout.decode(
        "iso8859-2")  # what Latin-2 has is shown as it is


@posix_only
@pytest.mark.parametrize("option", ["--by", "--comment", "--reason", "--outcome", "--consulted"])
def test_text_options_with_bytes_that_are_not_utf8_are_refused(store, bank, option):
    made = build(store, bank)
    record = made["record2"][1].id
    before = sorted(p.read_bytes() for p in store.root.rglob("*.toml"))
    if option == "--comment":
        args = ["feedback", record, "--by", "Ola", "--stance", "agree", option]
    else:
        args = ["decide", record, "--status", "accepted", "--by", "Ola", "--level", "end_now", "--reason", "x", option]
    done = subprocess.run([sys.executable, "-m", "wizard", *args, b"Zdzis\xb3aw", "--records-dir", store.root],
                          capture_output=True, cwd=ROOT, env={**os.environ, "LC_ALL": "C.UTF-8"}, timeout=60)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2 and "Traceback" not in err, err
    assert f"{option}: Zdzis\\udcb3aw holds bytes that are not valid" in err
    assert sorted(p.read_bytes() for p in store.root.rglob("*.toml")) == before  # nothing written


@posix_only
def test_a_file_name_that_is_not_utf8_still_works(store, tmp_path):
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/odpowiedzi-\xb3.toml"))
    odd.write_bytes((ROOT / "examples" / "late-payer.toml").read_bytes())
    done = run(["assess", odd, "--save", "--records-dir", store.root])
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr


# ---------------------------------------------------------------------------------------------
# Folders without permission


@posix_only
@pytest.mark.parametrize("where", ["feedback record", "feedback", "drafts"])
def test_a_folder_without_permission_is_named_with_what_to_do(store, bank, where):
    made = build(store, bank)
    record = made["record1"][1]
    folder = {"feedback record": feedback.folder(store.root, record.id), "feedback": store.root / "feedback",
              "drafts": store.drafts}[where]
    folder.chmod(0o000)
    prefix = obeying_permissions()
    try:
        runs = {name: run([*args, "--records-dir", store.root], prefix=prefix) for name, args in {
            "show": ["show", record.id], "history": ["history", CLIENT], "team": ["team", CLIENT],
            "validate": ["validate", store.root], "list": ["list"], "forget": ["forget", CLIENT, "--yes"],
        }.items()}
    finally:
        folder.chmod(0o700)
    readers = {"validate", "forget"} | (set() if where == "drafts" else {"show", "history", "team"})
    for name, done in runs.items():
        err = done.stderr.decode("utf-8", "replace")
        assert "Traceback" not in err, (name, err)
        if name in readers:  # the others never look into that folder
            assert done.returncode == 1, (name, err)
            assert str(folder) in err and "chmod" in err, (name, err)
    assert not made["record1"][0].exists()  # forget deleted what it could
