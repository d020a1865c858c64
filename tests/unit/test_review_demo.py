"""The demo folder: a realistic sample that shows every view."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from wizard.storage import feedback
from wizard.cli.demo_folder import KOWALSKI, NORTHWIND, build
from wizard.storage.store import RecordStore
from wizard.model.team import history, team_view

TODAY = datetime(2026, 11, 23, 12, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture(scope="module")
def demo(bank, tmp_path_factory):
    return build(tmp_path_factory.mktemp("demo"), bank, "en", TODAY)


def records(demo, bank):
    entries = RecordStore(demo.folder).scan(bank)
    assert [e.problems for e in entries if e.problems] == []  # every file is a valid record
    return [e.record for e in entries]


def test_several_clients_with_polish_and_english_names(demo, bank):
    saved = records(demo, bank)
    assert len(saved) == len(demo.records) >= 8
    clients = {r.client for r in saved}
    assert len(clients) >= 5
    assert any(set(c) & set("ąćęłńóśźżŁŚŻ") for c in clients)
    assert {"Brightline Analytics", NORTHWIND} <= clients
    assert {r.result.level for r in saved} >= {"continue", "monitor", "revise_terms", "prepare_exit", "end_now"}


def test_one_client_over_four_assessments(demo, bank):
    hist = history(records(demo, bank), KOWALSKI)
    assert len(hist.records) == 4
    assert len(set(hist.scores)) == 4 and hist.scores[-1] > hist.scores[0]
    assert hist.level_changes and hist.decisions
    chain = hist.records
    for older, newer in zip(chain, chain[1:]):
        assert older.status == "superseded"
        assert older.superseded_by == (newer.id,) and newer.supersedes == (older.id,)
    assert chain[-1].status == "proposed"


def test_two_teammates_who_disagree(demo, bank):
    found = feedback.load_all(demo.folder)
    view = team_view(bank, records(demo, bank), NORTHWIND,
                     {rid: feedback.good(items) for rid, items in found.items()})
    assert len(view.members) == 2 and len({r.assessor for r in view.members}) == 2
    assert view.consensus.spread >= 1
    assert len(view.disagreements) >= 3
    assert all(view.feedback.get(r.id) for r in view.members)  # each commented on the other's


def test_decisions_feedback_and_one_overdue_review(demo, bank):
    saved = records(demo, bank)
    assert len(demo.overdue) == 1
    (overdue,) = [r for r in saved if r.id in demo.overdue]
    assert overdue.review_date < TODAY.date() and overdue.status == "accepted"
    departed = [r for r in saved if r.decision and r.decision.level != r.result.level]
    assert departed and all(r.decision.reason for r in departed)
    assert any(r.outcome for r in saved)
    found = feedback.load_all(demo.folder)
    assert feedback.broken(found) == []
    assert sum(len(v) for v in found.values()) == demo.feedback >= 3
    assert {f.stance for v in found.values() for f in feedback.good(v)} == {"agree", "disagree", "abstain"}


def test_polish_demo(bank, tmp_path):
    demo = build(tmp_path, bank, "pl", TODAY)
    assert all(r.language == "pl" for r in demo.records)
    # The free texts (notes, reasons, outcomes, comments) are Polish too.
    assert "Przedłużono na kolejny rok." in {r.outcome for r in demo.records}
    assert any(r.decision and r.decision.reason.startswith("W zeszłym tygodniu") for r in demo.records)
    comments = {f.comment for v in feedback.load_all(tmp_path).values() for f in feedback.good(v)}
    assert "Najpierw muszę odsłuchać nagrania rozmów." in comments
