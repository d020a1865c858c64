"""Two teammates, two clones of one shared records repository: no merge conflict, nothing lost.

Each teammate, in their own clone, assesses the same client and gives feedback on the same
shared record through the real command line, commits and pushes; the other pulls (once with
rebase, once with a merge). Records and feedback are new files with unique names, so git never
has to merge the inside of a file, and both teammates' input ends up in both clones.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

ROOT = Path(__file__).resolve().parent.parent
CLIENT = "Studio Nowak Sp. j."


def git(clone: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    return subprocess.run(["git", *args], cwd=clone, env=env, capture_output=True, text=True, timeout=60)


def ok(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 0, f"{done.args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def wizard(clone: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "wizard", *args, "--records-dir", str(clone)],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=60,
                          env=dict(os.environ, PYTHONIOENCODING="utf-8"))
    return ok(done)


def clone(bare: Path, folder: Path, name: str) -> Path:
    ok(git(folder.parent, "clone", "--quiet", str(bare), folder.name))
    ok(git(folder, "config", "user.name", name))
    ok(git(folder, "config", "user.email", f"{name.lower()}@example.com"))
    ok(git(folder, "config", "commit.gpgsign", "false"))
    return folder


def assess(clone: Path, tmp: Path, assessor: str, answers: str) -> str:
    """Save an assessment of CLIENT with the real CLI; returns the new record's id."""
    sheet = tmp / f"{assessor}-{len(list(tmp.glob('*.answers.toml')))}.answers.toml"
    sheet.write_text(f'client = "{CLIENT}"\nassessor = "{assessor}"\n\n[answers]\n{answers}\n', encoding="utf-8")
    line = wizard(clone, "assess", str(sheet), "--save", "--json")
    return json.loads(line)["record"].rsplit("-", 1)[-1].removesuffix(".toml")


def commit_all(clone: Path, message: str) -> None:
    ok(git(clone, "add", "-A"))
    ok(git(clone, "commit", "--quiet", "-m", message))


def test_two_clones_never_conflict_and_keep_everyones_input(tmp_path):
    bare = tmp_path / "records.git"
    ok(git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(bare)))
    anna = clone(bare, tmp_path / "anna", "Anna")
    ok(git(anna, "checkout", "--quiet", "-b", "main"))
    # Anna's two assessments may fall in the same second; either one disagrees with Marek's.
    shared = assess(anna, tmp_path, "Anna", "late_payments = 1\nurgent_demands = 2\nproblem_discussed = true")
    wizard(anna, "list")  # writes the list cache, which git must not see
    commit_all(anna, "First assessment")
    ok(git(anna, "push", "--quiet", "origin", "main"))
    marek = clone(bare, tmp_path / "marek", "Marek")

    # Round 1, at the same time in both clones: an assessment each, feedback on the shared record.
    assess(anna, tmp_path, "Anna", "late_payments = 2\nurgent_demands = 1\nproblem_discussed = true")
    assess(marek, tmp_path, "Marek", "late_payments = 4\nurgent_demands = 4\nproblem_discussed = false")
    wizard(anna, "feedback", shared, "--by", "Anna", "--stance", "abstain", "--comment", "Wait for the call.")
    wizard(marek, "feedback", shared, "--by", "Marek", "--stance", "agree", "--comment", "Fair.")
    for folder in (anna, marek):
        wizard(folder, "team", CLIENT)
        wizard(folder, "list")
        commit_all(folder, "Assessment and feedback")
    ok(git(anna, "push", "--quiet", "origin", "main"))
    ok(git(marek, "pull", "--quiet", "--rebase", "origin", "main"))  # rebase: no conflict
    ok(git(marek, "push", "--quiet", "origin", "main"))
    ok(git(anna, "pull", "--quiet", "--no-rebase", "origin", "main"))

    # Round 2: both give feedback on the same record again; this time a true merge commit.
    wizard(anna, "feedback", shared, "--by", "Anna", "--stance", "agree", "--comment", "After the call: yes.")
    wizard(marek, "feedback", shared, "--by", "Marek", "--stance", "disagree", "--comment", "Changed my mind.")
    commit_all(anna, "Anna's second view")
    commit_all(marek, "Marek's second view")
    ok(git(marek, "push", "--quiet", "origin", "main"))
    ok(git(anna, "pull", "--quiet", "--no-rebase", "--no-edit", "origin", "main"))
    ok(git(anna, "push", "--quiet", "origin", "main"))
    ok(git(marek, "pull", "--quiet", "--ff-only", "origin", "main"))

    for folder in (anna, marek):
        assert ok(git(folder, "status", "--porcelain")) == ""  # nothing left over, no cache to commit
        tracked = ok(git(folder, "ls-files")).split()
        assert not [name for name in tracked if name.startswith(".index")]
        records = [json.loads(line) for line in wizard(folder, "list", "--json").splitlines()]
        assert sorted(r["assessor"] for r in records) == ["Anna", "Anna", "Marek"]
        team = json.loads(wizard(folder, "team", CLIENT, "--format", "json"))
        assert [m["name"] for m in team["members"]] == ["Anna", "Marek"]
        assert team["disagreements"]  # they answered differently
        history = json.loads(wizard(folder, "history", CLIENT, "--format", "json"))
        (first,) = [r for r in history["records"] if r["id"] == shared]
        assert sorted((f["by"], f["stance"]) for f in first["feedback"]) == [
            ("Anna", "abstain"), ("Anna", "agree"), ("Marek", "agree"), ("Marek", "disagree")]
    assert ok(git(anna, "rev-parse", "HEAD")) == ok(git(marek, "rev-parse", "HEAD"))


def test_a_draft_stays_with_the_person_answering(tmp_path):
    """Teammates assess independently: an unfinished assessment (a draft, written as the wizard
    writes it after every answer) is never committed with the rest of the folder, so nobody sees
    another's answers before they are done, and nobody resumes someone else's draft."""
    from datetime import datetime, timezone

    from wizard.storage.bank_files import load_default
    from wizard.model.records import DecisionRecord
    from wizard.storage.store import RecordStore

    folder = tmp_path / "anna"
    ok(git(tmp_path, "init", "--quiet", str(folder)))
    store = RecordStore(folder)
    bank = load_default()
    draft = DecisionRecord(id="0d0d0d0d", client=CLIENT, created=datetime.now(timezone.utc), language="en",
                           bank_version=bank.version, status="draft", assessor="Anna",
                           answers={"late_payments": 3})
    store.save_draft(draft)
    assert [entry.record.assessor for entry in store.scan_drafts(bank)] == ["Anna"]  # the wizard finds it
    ok(git(folder, "add", "-A"))
    # Ignored, with the lock taken while the draft was written.
    assert ok(git(folder, "status", "--porcelain", "--ignored")).split() == ["!!", ".locks/", "!!", "drafts/"]
