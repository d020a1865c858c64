"""A client's history, the team's consensus and the ranking of disagreements."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest

from tests.unit.review_support import CALM, T0, make_record
from wizard.storage.feedback import make as make_feedback
from wizard.model.lifecycle import decide
from wizard.render.history import history_json, markdown_history
from wizard.render.team import markdown_team, team_json
from wizard.model.team import consensus, disagreements, history, same_client, sparkline, team_view


def test_sparkline_is_on_an_absolute_scale():
    assert sparkline([0, 12, 50, 99, 100]) == "▁▁▅██"
    assert sparkline([]) == ""


def test_same_client_ignores_case_and_spaces_but_nothing_else():
    assert same_client("Kowalski  Meble ", "kowalski meble")
    assert same_client("ZIELONY OGRÓD", "zielony ogród")
    assert not same_client("Kowalski Meble", "Kowalski")


def test_history_is_one_client_oldest_first(bank):
    late = make_record(bank, client="Acme", days=60, answers=CALM | {"late_payments": 4, "urgent_demands": 4,
                                                                     "revenue_share": 50})
    early = make_record(bank, client="acme", days=0)
    middle = make_record(bank, client="ACME", days=30, answers=CALM | {"late_payments": 2})
    other = make_record(bank, client="Acme Two", days=10)
    hist = history([late, other, early, middle], "Acme")
    assert [r.id for r in hist.records] == [early.id, middle.id, late.id]
    assert hist.scores == [early.result.score, middle.result.score, late.result.score]
    assert hist.sparkline == sparkline(hist.scores)
    assert hist.client == "Acme"  # the spelling of the newest record


def test_history_level_changes_and_decisions(bank):
    a = make_record(bank, days=0)
    b = decide(make_record(bank, days=30, answers=CALM | {"late_payments": 4, "revenue_share": 50}),
               "accepted", outcome="New terms signed.")
    c = make_record(bank, days=60)
    hist = history([a, b, c], "Acme")
    levels = [r.result.level for r in (a, b, c)]
    assert levels[0] == levels[2] != levels[1]
    assert [(ch.before, ch.after, ch.direction) for ch in hist.level_changes] == [
        (levels[0], levels[1], "worse"), (levels[1], levels[0], "better")]
    assert [d.record for d in hist.decisions] == [b.id]
    assert hist.decisions[0].decision.level == levels[1]
    assert hist.decisions[0].outcome == "New terms signed."


def test_history_renderings(bank):
    a = make_record(bank, days=0)
    b = make_record(bank, days=10, answers=CALM | {"late_payments": 4})
    fb = make_feedback(b.id, "Marek", "disagree", "too harsh", T0)
    hist = history([a, b], "acme", {b.id: [fb]})
    today = b.review_date + timedelta(days=1)
    text = markdown_history(hist, bank, "en", today)
    assert "# History: Acme" in text and hist.sparkline in text
    assert "⚠" in text and "overdue" in text
    data = json.loads(json.dumps(history_json(hist, today)))
    assert data["scores"] == hist.scores
    assert [r["overdue"] for r in data["records"]] == [False, True]  # "continue" is reviewed in 180 days
    assert data["records"][1]["feedback"][0]["stance"] == "disagree"
    assert "Historia: Acme" in markdown_history(hist, bank, "pl", date(2026, 1, 1))


def test_history_of_an_unknown_client_is_empty(bank):
    hist = history([make_record(bank)], "Nobody")
    assert hist.records == () and hist.scores == []
    assert "No assessments of “Nobody”" in markdown_history(hist, bank, "en", date(2026, 1, 1))


# ---------------------------------------------------------------------------------------------
# Consensus


@pytest.mark.parametrize(("levels", "expected", "spread"), [
    (["monitor"], "monitor", 0),
    (["continue", "monitor", "end_now"], "monitor", 4),
    (["revise_terms", "monitor", "revise_terms"], "revise_terms", 1),
    (["monitor", "prepare_exit"], "prepare_exit", 2),  # even: the harsher middle level
    (["continue", "monitor", "revise_terms", "end_now"], "revise_terms", 4),
    (["end_now", "end_now"], "end_now", 0),
])
def test_consensus_is_the_median_level_harsher_when_even(levels, expected, spread):
    result = consensus({f"mate{i}": level for i, level in enumerate(levels)})
    assert result.level == expected
    assert result.spread == spread
    assert result.agreed == (spread == 0)


def test_consensus_of_nobody():
    result = consensus({})
    assert result.level is None and not result.agreed


# ---------------------------------------------------------------------------------------------
# Disagreements


def ids(found):
    return [d.question for d in found]


def test_disagreement_thresholds(bank):
    found = disagreements(bank, {
        "Anna": {"late_payments": 1, "urgent_demands": 0, "problem_discussed": True, "profitability": "profitable",
                 "revenue_share": 10, "relationship_years": 2, "notice_period_days": 30, "toxicity": 2},
        "Marek": {"late_payments": 2, "urgent_demands": 2, "problem_discussed": False, "profitability": "profitable",
                  "revenue_share": 29, "relationship_years": 22, "notice_period_days": 49},
    })
    assert set(ids(found)) == {"urgent_demands", "problem_discussed", "relationship_years"}
    # not: a 1-step scale spread, the same choice, 19 points apart, a question only one answered


def test_percent_at_twenty_points_and_choices_disagree(bank):
    found = disagreements(bank, {
        "A": {"revenue_share": 10, "orders_trend": "growing"},
        "B": {"revenue_share": 30, "orders_trend": "stable"},
    })
    assert set(ids(found)) == {"revenue_share", "orders_trend"}


def test_disagreements_largest_first(bank):
    found = disagreements(bank, {
        "Anna": {"late_payments": 0, "toxicity": 1, "asked_unethical": False, "profitability": "profitable",
                 "terms_revised": True},
        "Ola": {"late_payments": 2, "toxicity": 4, "asked_unethical": True, "profitability": "break_even",
                "terms_revised": False},
        "Marek": {"late_payments": 1},
    })
    sizes = [d.size for d in found]
    assert sizes == sorted(sizes, reverse=True)
    # yes against no on a signal (1.0) and on a remediation (1.0) first, in bank order; then
    # toxicity 1→4 (0.75); then late payments 0→2 and break-even against profitable (both 0.5)
    assert ids(found) == ["asked_unethical", "terms_revised", "toxicity", "late_payments", "profitability"]
    late = next(d for d in found if d.question == "late_payments")
    assert late.answers == {"Anna": 0, "Ola": 2, "Marek": 1} and late.spread == 2


def test_skipping_is_not_disagreeing(bank):
    assert disagreements(bank, {"A": {"late_payments": 4}, "B": {}}) == ()


# ---------------------------------------------------------------------------------------------
# Team view


def test_team_view_takes_each_assessors_latest_record(bank):
    anna_old = make_record(bank, client="Northwind", assessor="Anna", days=0,
                           answers=CALM | {"late_payments": 4, "revenue_share": 60})
    anna_new = make_record(bank, client="Northwind", assessor="anna ", days=20, answers=CALM | {"late_payments": 1})
    marek = make_record(bank, client="northwind", assessor="Marek", days=5,
                        answers=CALM | {"late_payments": 4, "problem_discussed": True, "improvement": "none"})
    other = make_record(bank, client="Elsewhere", assessor="Ola", days=3)
    fb = make_feedback(anna_new.id, "Marek", "disagree", "", T0)
    view = team_view(bank, [anna_old, anna_new, marek, other], "NORTHWIND", {anna_new.id: [fb], other.id: [fb]})
    assert [r.id for r in view.members] == [anna_new.id, marek.id]
    assert view.consensus.levels == {"anna": anna_new.result.level, "Marek": marek.result.level}
    assert ids(view.disagreements)[:2] in (["problem_discussed", "late_payments"], ["late_payments", "problem_discussed"])
    assert "late_payments" in ids(view.disagreements)
    assert set(view.feedback) == {anna_new.id}
    assert view.mean_score == round((anna_new.result.score + marek.result.score) / 2)


@pytest.mark.parametrize("older_id", ["ffffffff", "00000000"])
def test_a_superseded_record_never_stands_for_its_assessor(bank, older_id):
    """Two assessments made in the same second: the one that supersedes the other is the
    assessor's current view, whichever id sorts first."""
    older = replace(make_record(bank, client="Northwind", assessor="Anna", answers=CALM | {"late_payments": 4}),
                    id=older_id)
    newer = replace(make_record(bank, client="Northwind", assessor="Anna"), id="77777777",
                    supersedes=(older.id,))
    older = replace(older, status="superseded", superseded_by=(newer.id,))
    assert [r.id for r in team_view(bank, [older, newer], "Northwind").members] == ["77777777"]
    alone = team_view(bank, [older], "Northwind")  # with nothing newer, the superseded one still counts
    assert [r.id for r in alone.members] == [older_id]


def test_team_renderings(bank):
    a = make_record(bank, client="Northwind", assessor="Anna", answers=CALM | {"urgent_demands": 0})
    b = make_record(bank, client="Northwind", assessor="Marek Wiśniewski", days=1,
                    answers=CALM | {"urgent_demands": 4, "late_payments": 3, "revenue_share": 45})
    fb = make_feedback(b.id, "Anna", "agree", "fair | point", T0)
    view = team_view(bank, [a, b], "Northwind", {b.id: [fb]})
    text = markdown_team(view, bank, "en")
    assert "**Consensus:" in text and "median" in text
    assert "| Anna | Marek Wiśniewski |" in text.replace("Question | ", "")
    assert "fair \\| point" in text  # stored text is Markdown-escaped: shown as typed, never a table cell
    data = json.loads(json.dumps(team_json(view), ensure_ascii=False))
    assert [m["name"] for m in data["members"]] == ["Anna", "Marek Wiśniewski"]
    assert data["disagreements"][0]["question"] in {"urgent_demands", "late_payments", "revenue_share"}
    assert data["members"][1]["feedback"][0]["by"] == "Anna"
    assert "Stanowisko zespołu" in markdown_team(view, bank, "pl")


def test_team_view_without_records(bank):
    view = team_view(bank, [], "Ghost")
    assert view.members == () and view.consensus.level is None and view.mean_score is None
    assert "No assessments" in markdown_team(view, bank, "en")


def test_unassessed_drafts_are_left_out(bank):
    draft = replace(make_record(bank), result=None)
    assert history([draft], "Acme").records == ()


def test_gather_reads_one_clients_records_and_feedback(bank, store):
    from wizard.storage import feedback as feedback_files
    from wizard.storage.gather import gather

    _, mine = store.save_new(make_record(bank, client="Nowak"))
    _, other = store.save_new(make_record(bank, client="Kowalski"))
    for record in (mine, other):
        feedback_files.add(store.root, make_feedback(record.id, "Ola", "agree", "", T0))
    (store.root / "2026-01-01-broken-0000.toml").write_text("schema = 1\n", encoding="utf-8")
    bad = feedback_files.folder(store.root, mine.id) / "bad.toml"
    bad.write_text("stance = 1\n", encoding="utf-8")
    found = gather(store, bank, "NOWAK")
    assert [r.id for r in found.records] == [mine.id]
    assert list(found.feedback) == [mine.id] and found.feedback[mine.id][0].by == "Ola"
    files = {p.file for p in found.problems}
    assert str(bad) in files and str(store.root / "2026-01-01-broken-0000.toml") in files
    everything = gather(store, bank)
    assert {r.id for r in everything.records} == {mine.id, other.id} and set(everything.feedback) == {mine.id, other.id}
