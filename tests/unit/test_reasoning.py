"""The reasoning: the nine principles of the domain brief, each traced to its source passage.

Sources (shared/seeds/): 000 = "Kiedy warto zakończyć współpracę z Klientem?",
004 = "Kiedy wycofać się z obsługi klienta?". Section numbers of 000 follow shared/domain.md.
The rules are read from the bank (problems, remedies, the decision table), never restated here.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.unit._support import HEAVY, TODAY, answer_sets, copy_bank, edit, index, value_strategy
from wizard.storage import bank_files
from wizard.model.bank import EXIT_LEVELS
from wizard.model.reasoning import assess, level_of

BANK = bank_files.load_default()
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SIGNALS = [q for q in BANK.questions if q.is_signal]
REMEDIES = [r.question for r in BANK.remedies]
NOTHING_TRIED = dict(problem_discussed=False, terms_revised=False, payment_terms_enforced=False,
                     improvement="not_applicable")


def run(answers, lang="en", bank=BANK):
    return assess(bank, answers, lang, TODAY)


def quiet(bank=BANK) -> dict:
    """Every question answered in the least worrying way, nothing tried (nothing needed it)."""
    answers = {q.id: min(q.choices(), key=q.band) if q.kind not in ("percent", "number") else 0
               for q in bank.questions if q.is_signal}
    return answers | NOTHING_TRIED | dict(attachment=0, relationship_years=2, strategic_value=2,
                                          notice_period_days=30, outstanding_receivables=False)


def worst(question):
    if question.kind == "percent":
        return 100
    return max(question.choices(), key=question.band)


def problem(qid):
    return BANK.problem_of(qid)


# ---------------------------------------------------------------------------------------------
# dealbreaker (000 §1): a request to act illegally, severe unethical business or constant abuse
# of staff decide alone, whatever else is answered.


@PROPERTY
@given(answer_sets(BANK))
def test_dealbreaker_asked_unethical_whatever_else(answers):
    result = run({**answers, "asked_unethical": True})
    assert result.level == "end_now" and "dealbreaker" in result.principles
    assert result.reasons[0].question == "asked_unethical" and result.reasons[0].decisive


@pytest.mark.parametrize("sign", ["disrespect", "unethical_business"])
def test_dealbreaker_at_the_top_of_the_scale_even_after_a_clear_improvement(sign):
    answers = quiet() | {sign: 4, "problem_discussed": True, "improvement": "clear", "strategic_value": 4}
    assert run(answers).level == "end_now"


@pytest.mark.parametrize("sign", ["disrespect", "unethical_business", "distrust"])
def test_one_step_below_a_dealbreaker_is_never_milder_than_revise_terms(sign):
    """No cliff: 3 is 'often', not 'fine'. 000 §1 says to consider ending over both."""
    assert index(run(quiet() | {sign: 3}).level) >= index("revise_terms")


# ---------------------------------------------------------------------------------------------
# weighted_score: a problem is as serious as its worst sign; quiet answers never dilute it.


@pytest.mark.parametrize("question", [q for q in SIGNALS if not problem(q.id).dependency and not q.qualifies
                                      and max(map(q.band, q.choices() if q.kind != "percent" else [100])) >= 3],
                         ids=lambda q: q.id)
def test_one_serious_sign_among_quiet_answers_is_not_diluted(question):
    """A serious sign (band 3 or more) alone, every other answer quiet: at least revise_terms,
    unless its own problem is tempered by your own fault (complaints: see own_quality)."""
    value = next(v for v in (question.choices() if question.kind != "percent" else range(101))
                 if question.band(v) >= 3)
    result = run(quiet() | {question.id: value})
    assert index(result.level) >= index("revise_terms"), (question.id, result.level)
    assert result.reasons[0].question == question.id


def test_the_score_follows_the_documented_formula():
    """docs/reasoning.md: 100 × (peak_share × worst sign + (1 − peak_share) × the weighted mean
    of the sections' worst answered signs), every band on a 0..1 scale."""
    weights = {s.id: s.weight for s in BANK.sections if any(q.is_signal for q in s.questions)}
    peak = BANK.scoring.peak_share
    result = run({"late_payments": 4, "urgent_demands": 2})
    payments, workload = weights["payments"], weights["workload"]
    expected = 100 * (peak * 1.0 + (1 - peak) * (payments * 1.0 + workload * 0.5) / sum(weights.values()))
    assert result.score == int(expected + 0.5)
    assert result.sections == {"payments": 100, "workload": 50}


def test_a_section_with_nothing_answered_is_unknown_not_zero():
    result = run({"late_payments": 0})
    assert result.sections == {"payments": 0}
    assert result.score == 0 and result.reasons == ()


@PROPERTY
@given(answer_sets(BANK), st.data())
def test_skipping_a_warning_sign_never_raises_the_level_or_the_score(answers, data):
    """Unknown is not zero: a skipped sign adds no risk (and takes none away: see the remedies)."""
    answered = [q.id for q in SIGNALS if q.id in answers]
    assume(answered)
    qid = data.draw(st.sampled_from(answered))
    skipped = {k: v for k, v in answers.items() if k != qid}
    before, after = run(answers), run(skipped)
    assert index(after.level) <= index(before.level)
    assert after.score <= before.score


def test_a_changed_decision_table_changes_the_result_without_code(tmp_path):
    folder = copy_bank(tmp_path)
    edit(folder / "bank.toml",
         'moderate = { untried = "monitor",      unknown = "monitor",      failed = "revise_terms"',
         'moderate = { untried = "revise_terms", unknown = "revise_terms", failed = "revise_terms"')
    custom = bank_files.load(folder)
    answers = quiet() | {"late_payments": 2}
    assert run(answers).level == "monitor"
    assert run(answers, bank=custom).level == "revise_terms"


# ---------------------------------------------------------------------------------------------
# fix_first (004 closing; 000 §7): a fixable serious problem whose remedy was not tried points
# to revise_terms first, at least that and no more; a remedy counts only for what it addresses.


def test_fix_first_late_payer_never_reminded():
    """004: a client pays late because you let them. Tell them now, and enforce your terms."""
    result = run(quiet() | {"late_payments": 3, "late_payments_trend": "worsening"})
    assert result.level == "revise_terms" and "fix_first" in result.principles
    assert result.actions[0].id in REMEDIES


def test_an_unrelated_remedy_does_not_unlock_an_exit():
    """Enforcing payment terms addresses money, not workload that was never raised."""
    answers = quiet() | {"urgent_demands": 4, "resource_drain": 4, "payment_terms_enforced": True,
                         "improvement": "none"}
    assert run(answers).level == "revise_terms"
    assert run(answers | {"terms_revised": True, "problem_discussed": True}).level == "prepare_exit"


@PROPERTY
@given(answer_sets(BANK), st.sampled_from(REMEDIES))
def test_trying_a_remedy_whose_outcome_is_unknown_never_raises_the_level(answers, remedy):
    answers = {k: v for k, v in answers.items() if k != "improvement"}
    if answers.get(remedy) is True:
        answers[remedy] = False
    before = level_of(BANK, answers)
    for outcome in (None, "not_applicable"):
        tried = {**answers, remedy: True} | ({"improvement": outcome} if outcome else {})
        assert index(level_of(BANK, tried)) <= index(before)


# ---------------------------------------------------------------------------------------------
# remediation_outcome (000 §7): no improvement raises the level, clear improvement lowers it.


@pytest.mark.parametrize(("outcome", "level"), [("none", "prepare_exit"), ("partial", "revise_terms"),
                                                ("clear", "monitor"), ("not_applicable", "revise_terms")])
def test_remediation_outcome_of_revised_terms(outcome, level):
    answers = quiet() | {"resource_drain": 3, "terms_revised": True, "problem_discussed": True, "improvement": outcome}
    result = run(answers)
    assert result.level == level
    assert ("remediation_outcome" in result.principles) == (outcome in ("none", "clear"))


# ---------------------------------------------------------------------------------------------
# dependency (004): a risk to the owner's budget, never a reason to hasten an exit.


@PROPERTY
@given(answer_sets(BANK), st.integers(0, 100), st.integers(0, 100))
def test_a_larger_revenue_share_never_moves_the_level_into_or_within_the_exit_levels(answers, low, high):
    low, high = sorted((low, high))
    smaller, larger = level_of(BANK, {**answers, "revenue_share": low}), level_of(BANK, {**answers, "revenue_share": high})
    assert index(larger) >= index(smaller)
    if larger in EXIT_LEVELS or smaller in EXIT_LEVELS:
        assert larger == smaller


@PROPERTY
@given(answer_sets(BANK), st.sampled_from(["exclusivity_demand", "blocks_other_work"]))
def test_exclusivity_or_blocked_capacity_never_moves_the_level_into_or_within_the_exit_levels(answers, sign):
    question = BANK.question(sign)
    calm, loud = {**answers, sign: min(question.choices(), key=question.band)}, {**answers, sign: worst(question)}
    before, after = level_of(BANK, calm), level_of(BANK, loud)
    if before in EXIT_LEVELS or after in EXIT_LEVELS:
        assert before == after


@pytest.mark.parametrize("share", [30, 50, 70])
def test_dependency_stages_any_exit_and_adds_a_diversification_track(share):
    for extra in ({"late_payments": 4, "payment_terms_enforced": True, "problem_discussed": True, "improvement": "none"},
                  {"asked_unethical": True}, {"late_payments": 3}):
        result = run(quiet() | extra | {"revenue_share": share})
        assert "dependency" in result.principles
        assert "revenue_share" in [a.id for a in result.actions], extra
        if result.level in EXIT_LEVELS:
            assert result.staged_exit and "prepare" in [s.tag for s in result.exit_plan]


def test_exclusivity_alone_moves_continue_to_monitor_and_nothing_more():
    result = run(quiet() | {"exclusivity_demand": True})
    assert result.level == "monitor" and "dependency" in result.principles
    assert [a.id for a in result.actions] == ["exclusivity_demand"]


# ---------------------------------------------------------------------------------------------
# A trend counts relative to what it qualifies.


def test_never_late_and_stable_carries_no_risk():
    result = run(quiet() | {"late_payments": 0, "late_payments_trend": "stable"})
    assert result.level == "continue" and result.score == 0 and result.reasons == ()


def test_worsening_without_late_payments_is_a_contradiction_not_a_risk():
    result = run(quiet() | {"late_payments": 0, "late_payments_trend": "worsening"})
    assert result.score == 0
    assert "worsening_payments_never_late" in [w.id for w in result.warnings]


def test_a_worsening_trend_makes_late_payment_worse():
    plain = run(quiet() | {"late_payments": 2})
    worse = run(quiet() | {"late_payments": 2, "late_payments_trend": "worsening"})
    assert (plain.level, worse.level) == ("monitor", "revise_terms")
    assert "late_payments_trend" in [r.question for r in worse.reasons]


# ---------------------------------------------------------------------------------------------
# attachment_bias (004 closing): attachment fires it; the years together only strengthen it.


def test_attachment_bias_fires_on_attachment_and_names_the_years():
    serious = quiet() | {"late_payments": 4, "payment_terms_enforced": True, "problem_discussed": True,
                         "improvement": "none"}
    result = run(serious | {"attachment": 4, "relationship_years": 9})
    assert "attachment_bias" in result.principles
    bias = next(w for w in result.warnings if w.id == "attachment_bias")
    assert "9 years" in bias.text
    assert "9 lat" in next(w for w in run(serious | {"attachment": 4, "relationship_years": 9}, lang="pl").warnings
                           if w.id == "attachment_bias").text
    assert "attachment_bias" not in run(serious | {"attachment": 0, "relationship_years": 9}).principles


# ---------------------------------------------------------------------------------------------
# own_quality (000 §5, §7): rising complaints may be your own quality problem.


def test_rising_complaints_mostly_your_own_fault_put_the_root_cause_review_first():
    result = run(quiet() | {"complaints_trend": "many_more", "complaints_justified": 4, "urgent_demands": 3})
    assert "own_quality" in result.principles
    assert result.actions[0].id == "complaints_trend"
    assert "own_fault" in [w.id for w in result.warnings]
    assert result.level != "continue"  # a closer look, even when it was your own fault


@PROPERTY
@given(answer_sets(BANK), st.integers(0, 4), st.integers(0, 4))
def test_more_of_the_complaints_your_own_fault_is_never_harsher(answers, low, high):
    low, high = sorted((low, high))
    assert index(level_of(BANK, {**answers, "complaints_justified": high})) <= \
        index(level_of(BANK, {**answers, "complaints_justified": low}))


# ---------------------------------------------------------------------------------------------
# monotone: making any warning sign worse never gives a milder recommendation.


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets(BANK), st.sampled_from(SIGNALS), st.data())
def test_monotone_a_worse_sign_is_never_milder(answers, question, data):
    a = data.draw(value_strategy(question))
    b = data.draw(value_strategy(question))
    if question.band(a) > question.band(b) or question.kind in ("percent", "number") and a > b:
        a, b = b, a
    assert index(level_of(BANK, {**answers, question.id: b})) >= index(level_of(BANK, {**answers, question.id: a}))


def test_heavy_everything_fixable_and_nothing_tried_is_fixed_first_and_no_more():
    result = run({**HEAVY, **NOTHING_TRIED, "toxicity": 3, "wellbeing_impact": 3, "team_morale": 3})
    assert result.level == "revise_terms" and "fix_first" in result.principles
    assert run({**HEAVY, **NOTHING_TRIED}).level == "prepare_exit"  # toxicity 4 is past fixing by terms
