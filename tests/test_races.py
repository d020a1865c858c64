"""Two processes racing on one records folder: nothing lost, nothing silent.

Each test runs two worker processes that call the command line in-process (`cli.main`, the
real commands) and meet at a barrier before every step, so each step really races the other
one. The invariants hold however the race falls:

- 2 × 100 `decide` on one record: all 200 steps are in its history, each worker's in order;
- accept against reject, 100 records: exactly one wins each, the other is refused with the
  status the record has now, and the file says what the winner did;
- `decide` against `feedback`: every step and every piece of feedback is there;
- 100 rounds of `forget` against `assess --save`, `decide` or `feedback`: after the round, nothing
  of the client is left that the forget covers, and every writer either landed or said why not.

Slow (a minute or so): `pytest -m "not slow"` leaves them out; the full suite runs them.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
from datetime import datetime, timedelta, timezone

import pytest
import tomli_w

from wizard.cli import main as cli
from wizard.storage import feedback
from wizard.model.reasoning import assess
from wizard.model.records import DecisionRecord
from wizard.storage.record_reader import read_record
from wizard.storage import forgotten
from wizard.storage.store import RecordStore

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="fork and fcntl")]
ROUNDS = 100
TZ = timezone(timedelta(hours=1))


def make(bank, client: str, record_id: str) -> DecisionRecord:
    answers = {"late_payments": 3, "toxicity": 2}
    created = (datetime.now(TZ) - timedelta(days=3)).replace(microsecond=0)
    result = assess(bank, answers, "en", created.date())
    return DecisionRecord(id=record_id, client=client, created=created, language="en", bank_version=bank.version,
                          assessor="Ewa", review_date=result.review_date, answers=answers, result=result)


def quiet(argv: list[str]) -> tuple[int, str]:
    """Run one command in this process; its exit code and what it said on stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return code, err.getvalue()


def _worker(steps, barrier, results) -> None:
    outcome = []
    for argv in steps:
        barrier.wait(timeout=60)
        outcome.append(quiet(argv))
    results.put(outcome)


def race(first: list[list[str]], second: list[list[str]]) -> tuple[list, list]:
    """Run two lists of commands against each other, step by step. Returns each one's results."""
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(2), [context.Queue(), context.Queue()]
    workers = [context.Process(target=_worker, args=(steps, barrier, queue))
               for steps, queue in ((first, results[0]), (second, results[1]))]
    for worker in workers:
        worker.start()
    outcomes = [queue.get(timeout=600) for queue in results]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    return outcomes[0], outcomes[1]


def test_two_hundred_decides_at_once_lose_nothing(store, bank):
    path, record = store.save_new(make(bank, "Acme", "0a0a0a0a"))
    steps = {name: [["decide", record.id, "--status", "proposed", "--by", name, "--outcome", f"{name} {i}"]
                    for i in range(ROUNDS)] for name in ("Anna", "Piotr")}
    anna, piotr = race(steps["Anna"], steps["Piotr"])
    assert [code for code, _ in anna + piotr] == [0] * (2 * ROUNDS), [err for _, err in anna + piotr if err][:3]
    history = read_record(path, bank).status_history
    assert len(history) == 2 * ROUNDS  # not one lost
    for name in ("Anna", "Piotr"):  # each one's steps, in the order taken
        assert [c.outcome for c in history if c.by == name] == [f"{name} {i}" for i in range(ROUNDS)]


def test_accept_against_reject_one_wins_the_other_is_told(store, bank):
    paths = [store.save_new(make(bank, f"Client {i}", f"{i + 1:08x}"))[0] for i in range(ROUNDS)]
    ids = [f"{i + 1:08x}" for i in range(ROUNDS)]
    accepts, rejects = race([["decide", rid, "--status", "accepted", "--by", "Anna"] for rid in ids],
                            [["decide", rid, "--status", "rejected", "--by", "Piotr"] for rid in ids])
    for path, (a_code, a_err), (r_code, r_err) in zip(paths, accepts, rejects):
        record = read_record(path, bank)
        assert sorted((a_code, r_code)) == [0, 1], (a_err, r_err)  # never both "done"
        winner, loser_err = ("accepted", r_err) if a_code == 0 else ("rejected", a_err)
        assert record.status == winner and len(record.status_history) == 1
        assert f"a record that is {winner} cannot become" in loser_err, loser_err  # the status now
        assert f"(now {winner}: {'Anna' if winner == 'accepted' else 'Piotr'}" in loser_err, loser_err


def test_decide_against_feedback_both_land(store, bank):
    path, record = store.save_new(make(bank, "Acme", "0a0a0a0a"))
    decided, given = race(
        [["decide", record.id, "--status", "proposed", "--by", "Anna", "--outcome", f"step {i}"] for i in range(ROUNDS)],
        [["feedback", record.id, "--by", "Piotr", "--stance", "agree", "--comment", f"view {i}"] for i in range(ROUNDS)])
    assert [code for code, _ in decided + given] == [0] * (2 * ROUNDS)
    assert [c.outcome for c in read_record(path, bank).status_history] == [f"step {i}" for i in range(ROUNDS)]
    comments = sorted(f.comment for f in feedback.good(feedback.load(store.root, record.id)))
    assert comments == sorted(f"view {i}" for i in range(ROUNDS))


def test_forget_against_writers_keeps_its_word(store, bank, tmp_path):
    kinds = ("assess", "decide", "feedback")
    forgets, writes = [], []
    for i in range(ROUNDS):
        client = f"Client {i}"
        path, record = store.save_new(make(bank, client, f"{i + 1:08x}"))
        feedback.add(store.root, feedback.make(record.id, "Ola", "agree"))
        answers = tmp_path / f"answers-{i}.toml"
        answers.write_text(tomli_w.dumps({"client": client, "answers": {"late_payments": 2}}), encoding="utf-8")
        forgets.append(["forget", client, "--yes"])
        writes.append({"assess": ["assess", str(answers), "--save"],
                       "decide": ["decide", record.id, "--status", "proposed", "--by", "Anna"],
                       "feedback": ["feedback", record.id, "--by", "Piotr", "--stance", "disagree"]}[kinds[i % 3]])
    forgot, wrote = race(forgets, writes)
    assert [code for code, _ in forgot] == [0] * ROUNDS, [err for _, err in forgot if err][:3]
    for (code, err), argv in zip(wrote, writes):
        assert code == 0 or err.strip(), argv  # never silent: a refused write says why
    stones = forgotten.load(store.root)
    listed = RecordStore(store.root).summaries(bank)
    for entry in listed:  # what is left is a new assessment, made after its client was forgotten
        assert entry.summary is not None
        assert stones.covering(entry.summary.id, entry.summary.client, entry.summary.created) is None, entry.path
    left = [e.summary.id for e in listed]
    assert {p.name for p in (store.root / "feedback").iterdir()} <= set(left)  # no feedback left behind
    assert not list(store.root.rglob(".tmp-*"))
    assert quiet(["validate", str(store.root)])[0] == 0
