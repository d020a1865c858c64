"""SIGKILL the wizard at random moments during a questionnaire, again and again, and resume.

The real program runs on a pseudo-terminal and is driven by keys, as a person would. An answer
counts as confirmed once the screen has moved on to the next question. After every kill:

- no file in the records folder is unreadable (temporary files of an interrupted write are
  hidden names, which nothing reads);
- the draft holds every confirmed answer, and nothing else but, perhaps, the answer whose key
  was pressed just before the kill;
- `client-exit resume` opens it at the first open question.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wizard.storage.record_reader import read_record

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")]

ROOT = Path(__file__).resolve().parent.parent
KILLS = 22
ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|P[^\x1b]*\x1b\\|[@-Z\\-_])")


class Terminal:
    """The wizard on a 120 x 40 pseudo-terminal."""

    def __init__(self, args: list[str]) -> None:
        import fcntl
        import pty
        import struct
        import termios

        self.leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "wizard", *args], stdin=follower, stdout=follower, stderr=follower,
            cwd=ROOT, start_new_session=True, env={**os.environ, "TERM": "xterm-256color", "LANG": "en_US.UTF-8"})
        os.close(follower)
        self.screen = b""

    def wait_for(self, pattern: bytes, timeout: float = 30.0) -> re.Match:
        import select

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.search(pattern, ESCAPES.sub(b"", self.screen))
            if found:
                self.screen = b""  # what comes next is looked for in what comes next
                return found
            ready, _, _ = select.select([self.leader], [], [], 0.05)
            if ready:
                try:
                    self.screen += os.read(self.leader, 1 << 16)
                except OSError:
                    break
            elif self.process.poll() is not None:
                break
        tail = ESCAPES.sub(b"", self.screen)[-600:].decode("utf-8", "replace")
        raise AssertionError(f"{pattern!r} never appeared; the terminal shows: {tail}")

    def press(self, keys: str) -> None:
        os.write(self.leader, keys.encode())

    def kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=30)
        os.close(self.leader)


def planned_answers(bank, rng: random.Random) -> dict[str, tuple[str, object]]:
    """For each question: the keys that answer it, and the answer they give."""
    plan = {}
    for question in bank.questions:
        if question.kind == "scale":
            value = rng.randint(0, 4)
            plan[question.id] = (str(value), value)
        elif question.kind == "choice":
            index = rng.randrange(len(question.options))
            plan[question.id] = (str(index + 1), question.options[index])  # numbered from 1
        elif question.kind == "bool":
            value = rng.random() < 0.5
            plan[question.id] = ("y" if value else "n", value)
        else:
            value = rng.randint(0, 100)
            plan[question.id] = (f"{value}\r", value)
    return plan


def check_folder(records: Path, bank) -> Path | None:
    """Every visible file readable; returns the one draft (or None before there is one)."""
    for path in records.rglob("*.toml"):
        if not path.name.startswith("."):
            read_record(path, bank)  # raises on an unreadable file
    drafts = [p for p in (records / "drafts").glob("*.toml") if not p.name.startswith(".")]
    assert len(drafts) <= 1, drafts
    return drafts[0] if drafts else None


def test_sigkill_at_random_moments_loses_no_confirmed_answer(records_dir, bank):
    rng = random.Random(int(os.environ.get("KILL_TEST_SEED", "2026")))
    questions = bank.questions
    total = len(questions)
    plan = planned_answers(bank, rng)
    confirmed: dict[str, object] = {}
    kills = 0
    while kills < KILLS:
        draft = check_folder(records_dir, bank)
        args = ["resume"] if draft else ["new", "--client", "Kill Test", "--assessor", "Bot"]
        terminal = Terminal(args)
        in_flight: str | None = None
        try:
            if rng.random() < 0.2:  # a kill while the program starts or opens the draft
                time.sleep(rng.uniform(0.0, 1.0))
            else:
                shown = int(terminal.wait_for(rb"Question (\d+) of %d" % total).group(1)) - 1
                answered = read_record(draft, bank).answers if draft else {}
                first_open = next((i for i, q in enumerate(questions) if q.id not in answered), total - 1)
                assert shown == first_open, "resume opened the wrong question"
                for _ in range(rng.randint(0, 2)):
                    if shown >= total - 1:
                        break
                    keys, value = plan[questions[shown].id]
                    terminal.press(keys)
                    terminal.wait_for(rb"Question %d of %d" % (shown + 2, total))
                    confirmed[questions[shown].id] = value
                    shown += 1
                if shown < total - 1:
                    in_flight = questions[shown].id
                    terminal.press(plan[in_flight][0])
                time.sleep(rng.uniform(0.0, 0.06))
        finally:
            terminal.kill()
        kills += 1

        draft = check_folder(records_dir, bank)
        if draft is None:
            assert not confirmed, "the draft vanished"
            continue
        answers = read_record(draft, bank).answers
        for question_id, value in confirmed.items():
            assert answers.get(question_id) == value, f"kill {kills}: confirmed answer {question_id} lost"
        extra = set(answers) - set(confirmed)
        assert extra <= {in_flight}, f"kill {kills}: answers nobody gave: {extra}"
        confirmed.update({question_id: answers[question_id] for question_id in extra})
        assert all(plan[q][1] == v for q, v in confirmed.items())

    assert kills >= 20 and len(confirmed) >= 10, (kills, len(confirmed))
    leftovers = [p.name for p in records_dir.rglob("*") if p.is_file() and p.suffix != ".toml"
                 and not any(part.startswith(".") for part in p.relative_to(records_dir).parts)]
    assert not leftovers, leftovers
