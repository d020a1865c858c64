"""Advice: actions only for problems that fired and never for a step already taken, an exit plan
that fits its cause (000 §6), and advice that follows the level actually decided.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings

from tests.unit._support import answer_sets
from tests.unit.test_reasoning import BANK, quiet, run
from wizard.model.bank import EXIT_LEVELS, LEVELS, STAGES
from wizard.model.reasoning import advice_for
from wizard.model.records import Decision, DecisionRecord
from wizard.render.report import markdown

FAILED_MONEY = {"late_payments": 4, "payment_terms_enforced": True, "terms_revised": True, "problem_discussed": True,
                "improvement": "none"}


def steps(result):
    return [s.id for s in result.exit_plan]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets(BANK))
def test_exit_plan_only_at_the_exit_levels_in_stage_order_and_filled_in(answers):
    result = run(answers)
    if result.level in EXIT_LEVELS:
        tags = [s.tag for s in result.exit_plan]
        assert tags and tags == sorted(tags, key=STAGES.index)
        assert all("{" not in s.text for s in result.exit_plan)
        assert result.staged_exit == ("prepare" in tags) == ("dependency" in result.principles)
        assert {c.tag for c in result.consequences} == {"us", "client"}  # 000 §2: both sides
    else:
        assert result.exit_plan == () and result.consequences == () and not result.staged_exit


def test_after_a_dealbreaker_the_exit_is_for_cause_never_a_parting_on_good_terms():
    result = run(quiet() | {"asked_unethical": True, "outstanding_receivables": True})
    plan = steps(result)
    assert {"check_termination", "document_evidence", "protect_staff", "secure_receivables"} <= set(plan)
    assert not {"thank_and_part", "final_meeting", "tell_early", "respect_notice"} & set(plan)
    assert "terms_revised" not in [a.id for a in result.actions]  # nothing left to renegotiate


def test_an_ordinary_exit_parts_on_good_terms():
    plan = steps(run(quiet() | FAILED_MONEY))
    assert {"tell_early", "respect_notice", "project_summary", "final_meeting", "thank_and_part"} <= set(plan)
    assert "check_termination" not in plan


@pytest.mark.parametrize("money", [{"outstanding_receivables": True}, {"late_payments": 3}])
@pytest.mark.parametrize("extra", [FAILED_MONEY | {"late_payments": 3}, {"disrespect": 4}])
def test_securing_what_is_owed_comes_first_at_either_exit_level(money, extra):
    result = run(quiet() | extra | money)
    assert result.level in EXIT_LEVELS
    step = next(s for s in result.exit_plan if s.id == "secure_receivables")
    assert step.tag == "secure" == result.exit_plan[0].tag  # in the first stage, before anyone is told


def test_no_receivables_step_when_nothing_is_owed_and_payments_are_on_time():
    result = run(quiet() | {"disrespect": 4})
    assert "secure_receivables" not in steps(result)


def test_dependency_stages_an_exit_at_end_now_too_with_a_short_preparation():
    result = run(quiet() | {"asked_unethical": True, "revenue_share": 60})
    assert result.level == "end_now" and result.staged_exit
    assert "plan_capacity" in steps(result) and "diversify" not in steps(result)
    assert "diversify" in steps(run(quiet() | FAILED_MONEY | {"revenue_share": 60}))


def test_actions_only_for_problems_that_fired():
    result = run(quiet() | {"urgent_demands": 3})
    assert "late_payments" not in [a.id for a in result.actions]
    fired = {BANK.problem_of(a.id).id for a in result.actions if BANK.problem_of(a.id)}
    assert fired == {"workload"}


def test_a_step_already_taken_is_followed_by_the_next_one():
    """Payment terms already enforced: 'enforce your payment terms' would be done already."""
    result = run(quiet() | {"late_payments": 3, "payment_terms_enforced": True, "improvement": "partial"})
    ids = [a.id for a in result.actions]
    assert "payment_terms_enforced.next" in ids
    assert "late_payments" not in ids and "payment_terms_enforced" not in ids


def test_a_fixed_problem_is_kept_fixed():
    result = run(quiet() | {"urgent_demands": 3, "terms_revised": True, "problem_discussed": True,
                            "improvement": "clear"})
    assert result.level == "monitor" and "kept" in [a.id for a in result.actions]


def record(answers, level=None):
    result = run(answers)
    created = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
    decision = Decision(level, reason="the team knows more", by="Anna", at=created) if level else None
    return DecisionRecord(id="0a1b2c3d", client="Acme", created=created, language="en", bank_version=BANK.version,
                          status="accepted" if level else "draft", answers=answers, result=result, decision=decision)


def test_advice_follows_the_level_decided_instead_of_the_recommendation():
    answers = quiet() | FAILED_MONEY
    assert run(answers).level == "prepare_exit"
    decided = advice_for(BANK, answers, "revise_terms", "en")
    assert decided.exit_plan == () and decided.consequences == () and not decided.actions_for_exit
    text = markdown(record(answers, "revise_terms"), BANK, "en")
    assert "Advice for the level decided, Revise the terms" in text
    assert "Exit plan" not in text and "Consequences of ending" not in text
    ended = markdown(record(quiet() | {"urgent_demands": 3}, "end_now"), BANK, "en")
    assert "Exit plan" in ended


@pytest.mark.parametrize("level", LEVELS)
def test_advice_for_any_level_is_whole(level):
    advice = advice_for(BANK, quiet() | {"late_payments": 3, "outstanding_receivables": True}, level, "pl")
    assert advice.level == level and bool(advice.exit_plan) == (level in EXIT_LEVELS)
    assert all(step.text for step in (*advice.actions, *advice.exit_plan))


def test_a_fixed_problem_no_longer_counts_towards_breadth():
    """Everything tried and clearly improved: new terms kept, no call for revising them again."""
    answers = quiet() | {"renegotiation": 3, "effort_vs_result": 3, "late_payments": 2, "payment_terms_enforced": True,
                         "terms_revised": True, "problem_discussed": True, "improvement": "clear"}
    assert run(answers).level == "monitor"


def test_breadth_is_named_when_it_sets_the_level():
    result = run(quiet() | {"late_payments": 2, "urgent_demands": 2, "communication_breakdown": 2})
    assert result.level == "revise_terms"
    assert "breadth" in [w.id for w in result.warnings]


def test_the_diversification_track_is_there_beside_other_dependency_actions():
    answers = quiet() | {"late_payments": 3, "late_payments_trend": "worsening", "exclusivity_demand": True,
                         "revenue_share": 40, "blocks_other_work": 2, "urgent_demands": 2, "contract_breaches": 2,
                         "outstanding_receivables": True}
    assert BANK.scoring.diversify in [a.id for a in run(answers).actions]


def test_while_an_outcome_is_unknown_the_remedy_has_a_pending_step():
    result = run(quiet() | {"late_payments": 3, "payment_terms_enforced": True, "improvement": "not_applicable"})
    assert "payment_terms_enforced.pending" in [a.id for a in result.actions]


def test_money_owed_is_collected_now_below_the_exit_levels():
    result = run(quiet() | {"late_payments": 3, "outstanding_receivables": True})
    assert "outstanding_receivables" in [a.id for a in result.actions]


@pytest.mark.parametrize(("notice", "step"), [(0, "no_notice"), (30, "respect_notice"), (None, "check_notice")])
def test_the_notice_steps_fit_the_answer(notice, step):
    answers = quiet() | FAILED_MONEY
    answers.pop("notice_period_days")
    if notice is not None:
        answers["notice_period_days"] = notice
    plan = steps(run(answers))
    assert step in plan and len({"no_notice", "respect_notice", "check_notice"} & set(plan)) == 1


def test_consequences_fit_the_answers():
    loss = run(quiet() | FAILED_MONEY | {"profitability": "loss_making", "strategic_value": 0})
    ids = [c.id for c in loss.consequences]
    assert "lost_revenue" not in ids and "lost_strategic_value" not in ids and "freed_capacity" in ids
    famous = run(quiet() | FAILED_MONEY | {"strategic_value": 4})
    assert "lost_strategic_value" in [c.id for c in famous.consequences]
    assert "strategic_value" in [w.id for w in famous.warnings]
