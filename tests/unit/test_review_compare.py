"""Two records side by side: directions, section deltas, time order, "what changed since"."""

from __future__ import annotations

import json

from tests.unit.review_support import CALM, make_record
from wizard.model.compare import BETTER, CHANGED, SAME, WORSE, compare, level_direction
from wizard.render.comparison import comparison_json, markdown_comparison


def by_question(cmp):
    return {d.question: d for d in cmp.answers}


def test_directions_follow_severity(bank):
    before = make_record(bank, answers=CALM | {"late_payments": 1, "urgent_demands": 3, "late_payments_trend": "stable"})
    after = make_record(bank, days=30, answers=CALM | {
        "late_payments": 3, "urgent_demands": 1, "late_payments_trend": "stable", "problem_discussed": True})
    diffs = by_question(compare(bank, before, after))
    assert diffs["late_payments"].change == WORSE
    assert diffs["late_payments"].severity_delta == 0.5
    assert diffs["urgent_demands"].change == BETTER
    assert diffs["problem_discussed"].change == CHANGED  # not a signal: no direction
    assert diffs["late_payments_trend"].change == SAME
    assert diffs["disrespect"].change == SAME


def test_skipped_or_severity_neutral_changes_are_just_changed(bank):
    before = make_record(bank, answers=CALM | {"revenue_share": 60})
    after = make_record(bank, days=1, answers={k: v for k, v in CALM.items() if k != "late_payments"} | {"revenue_share": 90})
    diffs = by_question(compare(bank, before, after))
    assert diffs["revenue_share"].change == CHANGED  # the same band: a change, not a direction
    assert diffs["late_payments"].change == CHANGED and diffs["late_payments"].second is None


def test_every_answered_question_is_listed_in_bank_order(bank):
    a = make_record(bank, answers={"late_payments": 1})
    b = make_record(bank, days=1, answers={"toxicity": 2})
    cmp = compare(bank, a, b)
    order = [q.id for q in bank.questions]
    assert [d.question for d in cmp.answers] == [q for q in order if q in ("late_payments", "toxicity")]


def test_same_client_is_put_in_time_order(bank):
    old = make_record(bank, client="Kowalski Meble", answers=CALM | {"late_payments": 1})
    new = make_record(bank, client="KOWALSKI  meble", days=90, answers=CALM | {"late_payments": 4})
    cmp = compare(bank, new, old)  # given newest first
    assert cmp.same_client
    assert (cmp.first.id, cmp.second.id) == (old.id, new.id)
    assert by_question(cmp)["late_payments"].change == WORSE


def test_different_clients_keep_the_order_given_and_have_no_summary(bank):
    a = make_record(bank, client="Beta", days=10)
    b = make_record(bank, client="Alpha")
    cmp = compare(bank, a, b)
    assert not cmp.same_client and cmp.since is None
    assert (cmp.first.id, cmp.second.id) == (a.id, b.id)
    assert "What changed since" not in markdown_comparison(cmp, bank, "en")


def test_section_deltas_and_score_delta(bank):
    a = make_record(bank, answers=CALM)
    b = make_record(bank, days=7, answers=CALM | {"late_payments": 4, "contract_breaches": 4})
    cmp = compare(bank, a, b)
    deltas = {s.section: s for s in cmp.sections}
    assert deltas["payments"].delta == b.result.sections["payments"] - a.result.sections["payments"] > 0
    assert "ethics" not in deltas  # answered in neither: unknown, so there is nothing to compare
    assert cmp.score_delta == b.result.score - a.result.score > 0


def test_what_changed_since(bank):
    a = make_record(bank, answers=CALM)
    b = make_record(bank, days=45, answers=CALM | {"late_payments": 4, "urgent_demands": 2, "toxicity": 4,
                                                   "revenue_share": 50, "disrespect": 0})
    since = compare(bank, a, b).since
    assert since.days == 45
    assert since.score_delta == b.result.score - a.result.score
    assert (since.level_before, since.level_after) == (a.result.level, b.result.level)
    # The largest change of severity first: 0→4 (1.0), then 10%→50% (0.93), then 1→2 (0.25);
    # toxicity was not answered before, so it only changed.
    assert since.worse == ("late_payments", "revenue_share", "urgent_demands")
    assert since.changed == ("toxicity",)
    assert "dependency" in since.principles_added
    assert since.better == () and since.principles_dropped == ()


def test_level_direction():
    assert level_direction("monitor", "end_now") == WORSE
    assert level_direction("end_now", "continue") == BETTER
    assert level_direction("monitor", "monitor") == SAME


def test_renderings(bank):
    a = make_record(bank, client="Zielony Ogród Łódź", answers=CALM)
    b = make_record(bank, client="Zielony Ogród Łódź", days=10, answers=CALM | {"late_payments": 3})
    cmp = compare(bank, a, b)
    text = markdown_comparison(cmp, bank, "en")
    assert text.startswith("# Comparison: Zielony Ogród Łódź")
    assert "## What changed since 2026-01-05" in text
    assert "▲ worse" in text
    polish = markdown_comparison(cmp, bank, "pl")
    assert "Co się zmieniło od" in polish and "▲ gorzej" in polish
    data = json.loads(json.dumps(comparison_json(cmp)))
    assert data["same_client"] is True
    assert data["since"]["worse"] == ["late_payments"]
    assert {d["question"]: d["change"] for d in data["answers"]}["late_payments"] == "worse"


def test_a_dealbreaker_reason_is_shown_as_decisive_not_as_its_share(bank):
    a = make_record(bank, client="Brightline", answers=CALM)
    b = make_record(bank, client="Brightline", days=10, answers=CALM | {"asked_unethical": True})
    (decisive,) = [r for r in b.result.reasons if r.decisive]
    assert decisive.question == "asked_unethical"
    text = markdown_comparison(compare(bank, a, b), bank, "en")
    reasons_b = text.split("(B)", 1)[1]
    assert "decisive on its own (a dealbreaker)" in reasons_b
    assert f"{round(decisive.share * 100)}%" not in reasons_b.splitlines()[2]  # the first reason line
    data = json.loads(json.dumps(comparison_json(compare(bank, a, b))))
    assert [r["decisive"] for r in data["second"]["reasons"]] == [r.decisive for r in b.result.reasons]
