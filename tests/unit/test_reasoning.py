"""The reasoning: the nine principles of the domain brief, each traced to its source passage.

Sources (shared/seeds/): 000 = "Kiedy warto zakończyć współpracę z Klientem?",
004 = "Kiedy wycofać się z obsługi klienta?". Section numbers of 000 follow shared/domain.md.
"""

from __future__ import annotations

import tomllib
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.unit._support import (
    EXAMPLES, HEAVY, REMEDIES, TODAY, answer_sets, index, level_for_score, value_strategy,
)
from wizard import bank as bank_module
from wizard.reasoning import assess, level_of

BANK = bank_module.load_default()
PROPERTY = settings(max_examples=70, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SIGNALS = [q for q in BANK.questions if q.is_signal]


def run(answers, lang="en", bank=BANK):
    return assess(bank, answers, lang, TODAY)


def example(name: str) -> dict:
    return tomllib.loads((EXAMPLES / f"{name}.toml").read_text(encoding="utf-8"))["answers"]


def mildest(bank=BANK) -> dict:
    """Every question answered in the least worrying way, remedies tried and working."""
    answers = {}
    for question in bank.questions:
        if question.is_signal:
            values = (0,) if question.kind in ("percent", "number") else question.choices()
            answers[question.id] = min(values, key=question.severity)
    answers.update(problem_discussed=True, terms_revised=True, payment_terms_enforced=True,
                   improvement="clear", attachment=0, relationship_years=1, strategic_value=4,
                   notice_period_days=30, outstanding_receivables=False)
    return answers


NOTHING_TRIED = dict(problem_discussed=False, terms_revised=False, payment_terms_enforced=False,
                     improvement="not_applicable")
ALL_TRIED = dict(problem_discussed=True, terms_revised=True, payment_terms_enforced=True)


def test_heavy_scenario_scores_in_the_prepare_exit_band():
    """Precondition of several tests below: HEAVY scores at the prepare_exit threshold, and
    with every remedy tried (no outcome given) that is the level."""
    result = run({**HEAVY, **ALL_TRIED})
    assert level_for_score(BANK, result.score) == "prepare_exit"
    assert result.level == "prepare_exit"


def test_skipped_remedies_count_as_not_tried():
    """Skipping lowers confidence, never the risk: with the remedy questions skipped nothing is
    known to have been tried, so fix_first holds (revise_terms), exactly as when the user
    answers 'no' to all three. Skipping them never gives a harsher result than answering."""
    skipped = run(HEAVY)
    assert skipped.level == "revise_terms" and "fix_first" in skipped.principles
    assert run({**HEAVY, **NOTHING_TRIED}).level == skipped.level


# ---------------------------------------------------------------------------------------------
# 1. dealbreaker


def test_dealbreaker_asked_unethical_with_everything_else_mild():
    """000 §1: when a client's business is morally wrong or it trades dishonestly and we know
    it, we should end the cooperation, because our own reputation suffers with theirs. Being
    asked to do something illegal or unethical decides alone, however good the rest looks."""
    answers = mildest()
    assert run(answers).level == "continue"
    answers["asked_unethical"] = True
    result = run(answers)
    assert result.level == "end_now"
    assert "dealbreaker" in result.principles
    assert "weighted_score" not in result.principles
    assert [w.id for w in result.warnings if w.kind == "dealbreaker"] == ["asked_unethical"]
    assert result.score < BANK.level("end_now").min_score  # the score did not decide it


@settings(max_examples=50, deadline=None)
@given(answer_sets(BANK))
def test_dealbreaker_asked_unethical_whatever_else(answers):
    """000 §1: an unethical request ends the cooperation whatever else is answered."""
    answers["asked_unethical"] = True
    result = run(answers)
    assert result.level == "end_now"
    assert "dealbreaker" in result.principles
    assert "fix_first" not in result.principles
    assert "remediation_outcome" not in result.principles


def test_dealbreaker_severe_unethical_business():
    """000 §1: a partner whose trading practices are seriously dishonest harms our reputation;
    the brief makes the most severe answer (4) a dealbreaker, and 3 only a weighted signal."""
    answers = mildest()
    answers["unethical_business"] = 4
    result = run(answers)
    assert result.level == "end_now" and "dealbreaker" in result.principles
    answers["unethical_business"] = 3
    result = run(answers)
    assert "dealbreaker" not in result.principles
    assert result.level != "end_now"


def test_dealbreaker_constant_abuse_of_staff():
    """000 §1: a client who treats us or our people offensively means the relationship should
    seriously be ended; cooperation rests on mutual respect. Constant abuse (4) decides alone."""
    answers = mildest()
    answers["disrespect"] = 4
    result = run(answers)
    assert result.level == "end_now" and "dealbreaker" in result.principles
    assert "disrespect" in [w.id for w in result.warnings if w.kind == "dealbreaker"]
    answers["disrespect"] = 3
    assert "dealbreaker" not in run(answers).principles


def test_dealbreaker_is_not_softened_by_clear_improvement_or_fix_first():
    """000 §1 (dealbreakers) against 000 §7 (fix, then decide): the dealbreaker wins."""
    for remedies in (NOTHING_TRIED, {**ALL_TRIED, "improvement": "clear"}):
        result = run({**HEAVY, **remedies, "disrespect": 4})
        assert result.level == "end_now"
        assert "fix_first" not in result.principles
        assert "remediation_outcome" not in result.principles


def test_abusive_example_two_dealbreakers_no_single_change_helps():
    """000 §1: abuse of staff and a request to backdate invoices. Two dealbreakers hold, so
    no single change of answer can make the result milder, and nothing is harsher."""
    result = run(example("abusive"))
    assert result.level == "end_now"
    assert {w.id for w in result.warnings if w.kind == "dealbreaker"} == {"asked_unethical", "disrespect"}
    assert result.milder is None and result.harsher is None


# ---------------------------------------------------------------------------------------------
# 2. weighted_score


def _expected_score(bank, answers) -> tuple[float, dict[str, float]]:
    """The score as docs/question-bank.md describes it, computed here from the bank's data:
    breadth_share of it is the section-weighted mean of the per-section weighted means of all
    signal severities, the rest the mean severity of the peak_count most severe signals;
    a tempering question's answer first scales the severity of the signals it names."""
    scoring = bank.scoring
    severity = {q.id: q.severity(answers.get(q.id)) for q in bank.questions if q.is_signal}
    for question in bank.questions:  # a tempering answer scales its signals down by its fraction
        if question.tempers and question.id in answers:
            top = 4 if question.kind == "scale" else 100
            for target in question.tempers:
                severity[target] *= 1 - answers[question.id] / top
    sections, breadth, total = {}, 0.0, 0.0
    for section in bank.sections:
        signals = [q for q in section.questions if q.is_signal]
        if not signals:
            continue
        mean = sum(q.weight * severity[q.id] for q in signals) / sum(q.weight for q in signals)
        sections[section.id] = 100 * mean
        breadth += section.weight * mean
        total += section.weight
    peak = sorted(severity.values(), reverse=True)[: scoring.peak_count]
    value = 100 * (scoring.breadth_share * breadth / total + (1 - scoring.breadth_share) * sum(peak) / scoring.peak_count)
    return min(100.0, value), sections


@PROPERTY
@given(answer_sets(BANK))
def test_weighted_score_follows_the_documented_formula(answers):
    """The brief: signals are weighted by section and severity into a 0-100 risk score with
    per-section scores; the weights and thresholds are the bank's data."""
    result = run(answers)
    expected, sections = _expected_score(BANK, answers)
    assert 0 <= result.score <= 100
    assert abs(result.score - expected) <= 0.5 + 1e-6
    assert set(result.sections) == set(sections)
    for section_id, value in sections.items():
        assert 0 <= result.sections[section_id] <= 100
        assert abs(result.sections[section_id] - value) <= 0.5 + 1e-6
    if "dealbreaker" not in result.principles:
        assert "weighted_score" in result.principles
        # without the level-shifting principles, the level is the score's band
        if not {"fix_first", "remediation_outcome"} & set(result.principles):
            assert result.level == level_for_score(BANK, result.score)


def test_weighted_score_extremes():
    """Nothing worrying scores 0; every signal at its worst scores 100."""
    assert run({}).score == 0
    assert run(mildest()).score == 0
    worst = {}
    for question in SIGNALS:
        values = (100,) if question.kind == "percent" else question.choices()
        worst[question.id] = max(values, key=question.severity)
    result = run(worst)
    assert result.score == 100
    assert set(result.sections.values()) == {100}


def test_weighted_score_changes_with_a_weight_in_a_bank_copy(tmp_path):
    """Weights live in the data: a heavier toxicity weight in a copy moves the score."""
    from tests.unit._support import copy_bank, edit

    answers = {"toxicity": 4, "wellbeing_impact": 0, "team_morale": 0}
    before = run(answers)
    folder = copy_bank(tmp_path)
    edit(folder / "emotional.toml", 'id = "toxicity"\nkind = "scale"\nrole = "signal"\nweight = 3.0',
         'id = "toxicity"\nkind = "scale"\nrole = "signal"\nweight = 9.0')
    after = run(answers, bank=bank_module.load(folder))
    assert after.sections["emotional"] > before.sections["emotional"]
    assert after.score > before.score


# ---------------------------------------------------------------------------------------------
# 3. fix_first


def test_fix_first_serious_problems_nothing_tried():
    """004 closing: when you see these signals, either revise the rules of the cooperation or
    end it; 000 §7: identify the problem, look for a fix, monitor, and only then decide.
    Serious problems with no remedy tried point to revising the terms first, and the actions
    start with the remedies not yet tried."""
    result = run({**HEAVY, **NOTHING_TRIED})
    assert result.level == "revise_terms"
    assert "fix_first" in result.principles
    first = [a.id for a in result.actions[: len(REMEDIES)]]
    assert sorted(first) == sorted(REMEDIES)
    for action in result.actions[: len(REMEDIES)]:
        assert action.text == BANK.question(action.id).action("en")
    assert result.exit_plan == ()


def test_fix_first_lists_only_the_untried_remedies_first():
    """004: a client pays later and later 'because you let them'. With payment terms known
    to be never enforced, that remedy leads the actions; remedies not answered follow it
    (nothing says they were tried); a remedy answered 'yes' is not listed."""
    result = run({**HEAVY, "payment_terms_enforced": False})
    assert result.level == "revise_terms" and "fix_first" in result.principles
    ids = [a.id for a in result.actions]
    assert ids[:3] == ["payment_terms_enforced", "problem_discussed", "terms_revised"]
    tried = run({**HEAVY, "payment_terms_enforced": False, "problem_discussed": True})
    assert "problem_discussed" not in [a.id for a in tried.actions]


def test_fix_first_not_when_something_was_tried():
    """000 §7: once a fix was tried, its outcome counts instead (remediation_outcome)."""
    result = run({**HEAVY, **NOTHING_TRIED, "problem_discussed": True, "improvement": "partial"})
    assert "fix_first" not in result.principles
    assert result.level == "prepare_exit"


def test_fix_first_not_when_a_dealbreaker_holds():
    """The brief: fix before you leave, unless a dealbreaker holds (000 §1)."""
    result = run({**HEAVY, **NOTHING_TRIED, "asked_unethical": True})
    assert result.level == "end_now"
    assert "fix_first" not in result.principles


def test_fix_first_never_raises_a_mild_result():
    """Nothing tried is no reason to escalate a relationship that is fine."""
    answers = {"late_payments": 1, **NOTHING_TRIED}
    result = run(answers)
    assert result.level == level_for_score(BANK, result.score) == "continue"
    assert "fix_first" not in result.principles


# ---------------------------------------------------------------------------------------------
# 4. remediation_outcome


def test_remediation_outcome_none_raises_clear_lowers():
    """000 §7: if despite our efforts the relationship cannot be repaired, consider ending it;
    000 §5: signs of the end appear 'despite our attempts to fix things'. Tried with no
    improvement → one level harsher than a partial improvement; clear improvement → milder."""
    base = {**HEAVY, **ALL_TRIED}
    partial = run({**base, "improvement": "partial"})
    none = run({**base, "improvement": "none"})
    clear = run({**base, "improvement": "clear"})
    assert partial.score == none.score == clear.score
    assert partial.level == level_for_score(BANK, partial.score) == "prepare_exit"
    assert index(none.level) == index(partial.level) + 1
    assert index(clear.level) == index(partial.level) - 1
    assert "remediation_outcome" in none.principles and "remediation_outcome" in clear.principles
    assert "remediation_outcome" not in partial.principles


def test_remediation_outcome_in_the_middle_band():
    """The same rule lower down: monitor becomes revise_terms when the talk changed nothing."""
    answers = {"late_payments": 2, "late_payments_trend": "worsening", "contract_breaches": 2,
               "problem_discussed": True}
    partial = run({**answers, "improvement": "partial"})
    assert partial.level == "monitor", "scenario must sit in the monitor band"
    assert run({**answers, "improvement": "none"}).level == "revise_terms"
    assert run({**answers, "improvement": "clear"}).level == "continue"


def test_fading_example_tried_without_improvement():
    """000 §5: orders fading, communication breaking down, complaints rising, after remedies
    were tried and did not help: one level above the score's band."""
    result = run(example("fading"))
    assert "remediation_outcome" in result.principles
    assert index(result.level) == index(level_for_score(BANK, result.score)) + 1
    # the milder counterfactual is about the outcome of the fix
    assert result.milder is not None


# A failed fix while another remedy is untried (QA finding 9): 004 says the client pays late
# "because you let them", so payment terms never enforced are a remedy still in your hands.
FAILED_FIX_TERMS_NEVER_ENFORCED = {**HEAVY, "revenue_share": 45, "problem_discussed": True,
                                   "terms_revised": True, "payment_terms_enforced": False,
                                   "improvement": "none"}


def test_fix_first_holds_a_failed_fix_at_prepare_exit_while_a_remedy_is_untried():
    """004 closing (revise the rules, or end it) and 000 §7 (fix, monitor, then decide): the
    talk changed nothing, but payment terms were never enforced. No improvement still raises
    the level, but not past prepare_exit: the exit is prepared (and staged, the client being
    45% of revenue), it does not end at once, and enforcing the terms leads the actions, as a
    step of the exit. Before this rule the result was end_now with a staged plan."""
    result = run(FAILED_FIX_TERMS_NEVER_ENFORCED)
    assert level_for_score(BANK, result.score) == "prepare_exit"
    assert result.level == "prepare_exit"
    assert "fix_first" in result.principles
    assert "remediation_outcome" not in result.principles  # the raise did not move the level
    assert "dependency" in result.principles and result.staged_exit
    assert result.actions[0].id == "payment_terms_enforced"
    assert result.actions[0].text == BANK.question("payment_terms_enforced").exit_action("en")


def test_fix_first_hold_counts_a_skipped_remedy_as_untried():
    """Skipping lowers confidence, never raises the risk: a skipped remedy holds the level
    exactly like one answered 'no'."""
    skipped = {k: v for k, v in FAILED_FIX_TERMS_NEVER_ENFORCED.items() if k != "payment_terms_enforced"}
    assert run(skipped).level == run(FAILED_FIX_TERMS_NEVER_ENFORCED).level == "prepare_exit"


def test_remediation_outcome_reaches_end_now_once_every_remedy_was_tried():
    """000 §7: when every fix was tried and nothing changed, ending is the next step."""
    result = run({**FAILED_FIX_TERMS_NEVER_ENFORCED, "payment_terms_enforced": True})
    assert result.level == "end_now"
    assert "remediation_outcome" in result.principles and "fix_first" not in result.principles


def test_remediation_outcome_below_prepare_exit_is_not_held():
    """The hold is about ending at once: from revise_terms a failed fix still prepares the exit."""
    answers = {"late_payments": 3, "late_payments_trend": "worsening", "contract_breaches": 3,
               "urgent_demands": 3, "resource_drain": 3, "problem_discussed": True,
               "payment_terms_enforced": False, "improvement": "none"}
    partial = run({**answers, "improvement": "partial"})
    assert partial.level == "revise_terms", "scenario must sit in the revise_terms band"
    none = run(answers)
    assert none.level == "prepare_exit" and "remediation_outcome" in none.principles


def test_untried_remedies_lead_the_actions_after_a_partial_fix():
    """000 §7 and 004: the problems were raised and things only partly improved; the remedies
    not yet tried (revised terms, enforced payment terms) are the next steps."""
    result = run({"late_payments": 3, "late_payments_trend": "worsening", "contract_breaches": 3,
                  "urgent_demands": 3, "resource_drain": 3, "problem_discussed": True,
                  "terms_revised": False, "payment_terms_enforced": False, "improvement": "partial"})
    assert result.level == "revise_terms"
    assert [a.id for a in result.actions[:2]] == ["terms_revised", "payment_terms_enforced"]
    assert "problem_discussed" not in [a.id for a in (*result.actions, *result.more_actions)]


# ---------------------------------------------------------------------------------------------
# 5. dependency


def test_dependency_stages_the_exit():
    """004: success depends on diversified orders; you cannot base the budget on one big
    client, it will collapse like a house of cards. A high revenue share does not make a bad
    client good: it turns the exit into a staged one, preparing first."""
    base = {**HEAVY, **ALL_TRIED, "improvement": "partial"}
    dependent = run({**base, "revenue_share": 40})
    assert "dependency" in dependent.principles
    assert dependent.level == "prepare_exit"
    assert dependent.staged_exit
    stages = [s.tag for s in dependent.exit_plan]
    assert stages[0] == "prepare"
    assert stages == sorted(stages, key=("prepare", "notify", "close").index)
    assert {"prepare", "notify", "close"} <= set(stages)

    independent = run({**base, "revenue_share": 10})
    assert "dependency" not in independent.principles
    assert independent.level == "prepare_exit"
    assert not independent.staged_exit
    assert "prepare" not in [s.tag for s in independent.exit_plan]
    # dependency never makes the recommendation milder
    assert index(dependent.level) >= index(independent.level)


def test_dependency_at_end_now_prepares_without_waiting_for_new_clients():
    """004 (never base the budget on one client) with 000 §6 (close well): every fix was tried
    and failed, so the cooperation ends now; with 45% of revenue at stake the exit still has a
    preparation stage, but a short one that protects money and capacity. Winning new clients
    before announcing (the bank's diversify step) belongs to a prepared exit, not to ending
    now; the revenue gap is the revenue_share exit action instead."""
    answers = {**FAILED_FIX_TERMS_NEVER_ENFORCED, "payment_terms_enforced": True, "outstanding_receivables": True}
    result = run(answers)
    assert result.level == "end_now" and result.staged_exit
    ids = [s.id for s in result.exit_plan]
    waiting = [r.id for r in BANK.exit_steps if "end_now" not in r.levels]
    assert waiting and not set(waiting) & set(ids)
    assert "secure_receivables" in ids and [s.tag for s in result.exit_plan][0] == "prepare"
    revenue = next(a for a in (*result.actions, *result.more_actions) if a.id == "revenue_share")
    assert revenue.text == BANK.question("revenue_share").exit_action("en")
    prepared = run({**answers, "improvement": "partial"})
    assert prepared.level == "prepare_exit" and set(waiting) <= {s.id for s in prepared.exit_plan}


def test_dependency_threshold_is_the_banks():
    """004: relying on one client is too risky; the threshold is the bank's dependency_share."""
    share = BANK.scoring.dependency_share
    assert "dependency" in run({"revenue_share": share}).principles
    assert "dependency" not in run({"revenue_share": share - 1}).principles


@pytest.mark.parametrize("answers", [{"blocks_other_work": 3}, {"exclusivity_demand": True}])
def test_dependency_from_capacity_or_exclusivity(answers):
    """004: a client who expects exclusivity, or takes so much capacity that you cannot accept
    other orders, makes you dependent on them."""
    assert "dependency" in run(answers).principles


def test_late_payer_example_is_dependent_but_below_exit():
    """004: the long-standing client paying later and later, with 45% of revenue. Dependency
    fires, but with no exit in the recommendation there is no exit plan to stage."""
    result = run(example("late-payer"))
    assert "dependency" in result.principles
    assert result.level in ("monitor", "revise_terms")
    assert result.exit_plan == () and not result.staged_exit


# ---------------------------------------------------------------------------------------------
# 6. attachment_bias


def test_attachment_bias_named_when_risk_is_high():
    """004 closing: do not give in to the conformist idea that a regular client is a treasure
    to be kept at any cost. High attachment with a high score earns an explicit bias warning,
    and changes neither the score nor the level."""
    answers = example("late-payer")
    result = run(answers)
    assert result.score >= BANK.scoring.attachment_score
    assert "attachment_bias" in result.principles
    bias = [w for w in result.warnings if w.kind == "bias"]
    assert [w.id for w in bias] == ["attachment_bias"]
    assert bias[0].text == BANK.principles["attachment_bias"].text("en")

    detached = {k: v for k, v in answers.items() if k not in ("attachment", "relationship_years")}
    plain = run(detached)
    assert "attachment_bias" not in plain.principles
    assert (plain.level, plain.score) == (result.level, result.score)


def test_attachment_bias_from_years_together():
    """004 opens with the comfort of a many-years cooperation: the years are a bias too."""
    result = run({**HEAVY, "relationship_years": 12})
    assert "attachment_bias" in result.principles


def test_attachment_bias_not_with_a_low_score():
    answers = {"attachment": 4, "relationship_years": 15, "late_payments": 1}
    result = run(answers)
    assert result.score < BANK.scoring.attachment_score
    assert "attachment_bias" not in result.principles
    assert not [w for w in result.warnings if w.kind == "bias"]


# ---------------------------------------------------------------------------------------------
# 7. own_quality


@pytest.mark.parametrize("trend", ["more", "many_more"])
def test_own_quality_rising_complaints(trend):
    """000 §5: more complaints about our services may mean our quality stays low; analyse the
    causes and fix them. 000 §7: first identify the problem, often poor management or
    communication on our side. So: a warning, and a root-cause review among the actions."""
    result = run({"complaints_trend": trend, "dissatisfaction": 2})
    assert "own_quality" in result.principles
    assert [w.id for w in result.warnings if w.kind == "quality"] == ["own_quality"]
    action = next(a for a in result.actions if a.id == "complaints_trend")
    assert action.text == BANK.question("complaints_trend").action("en")
    assert "root" in action.text.lower()


@pytest.mark.parametrize("trend", ["fewer", "stable", None])
def test_own_quality_not_without_rising_complaints(trend):
    answers = {"dissatisfaction": 3} if trend is None else {"complaints_trend": trend, "dissatisfaction": 3}
    result = run(answers)
    assert "own_quality" not in result.principles
    assert not [w for w in result.warnings if w.kind == "quality"]


COMPLAINTS = {"complaints_trend": "many_more", "dissatisfaction": 2}


def test_own_quality_justified_complaints_weigh_less_against_the_client():
    """000 §5: more complaints may mean our own quality stays low; 000 §7: the cause is often
    on our side. Complaints that were our own fault are no evidence against the client: the
    more of them were justified, the less complaints_trend adds to the score, and when all
    were, it adds nothing. The warning to look at our own quality stays, and so does the
    root-cause review."""
    scores, shares = [], []
    for justified in range(5):
        result = run({**COMPLAINTS, "complaints_justified": justified})
        assert "own_quality" in result.principles
        assert "complaints_trend" in [a.id for a in result.actions]
        scores.append(result.score)
        shares.append(next((r.share for r in result.reasons if r.question == "complaints_trend"), 0.0))
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]
    assert shares == sorted(shares, reverse=True) and shares[-1] == 0.0
    # none justified, or the question skipped: the complaints count in full
    assert run(COMPLAINTS).score == scores[0]


@PROPERTY
@given(answer_sets(BANK), st.integers(0, 4), st.integers(0, 4))
def test_own_quality_more_own_fault_never_harsher(answers, low, high):
    """Owning more of the complaints never makes the recommendation against the client harsher."""
    low, high = sorted((low, high))
    milder = run({**answers, "complaints_justified": high})
    harsher = run({**answers, "complaints_justified": low})
    assert index(milder.level) <= index(harsher.level)
    assert milder.score <= harsher.score


# ---------------------------------------------------------------------------------------------
# 8. monotone


@st.composite
def worsened(draw):
    """A random answer set, a signal question, and a strictly more severe answer to it."""
    answers = draw(answer_sets(BANK))
    question = draw(st.sampled_from(SIGNALS))
    was = answers.get(question.id)
    before = question.severity(was)
    if question.kind in ("percent", "number"):
        low = 0 if was is None else was
        high = 100 if question.kind == "percent" else max(400, low)
        value = draw(st.one_of(st.integers(int(-(-low // 1)), int(high)), st.floats(low, high)))
    else:
        worse = [v for v in question.choices() if question.severity(v) > before or was is None]
        assume(worse)
        value = draw(st.sampled_from(worse))
    assume(question.severity(value) >= before)
    return answers, question.id, value


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(worsened())
def test_monotone_worse_signal_never_milder(case):
    """The brief: making any warning signal worse never gives a milder recommendation (and
    never a lower score). Random answer sets over every question, skipped ones included."""
    answers, qid, value = case
    before = run(answers)
    after = run({**answers, qid: value})
    assert index(after.level) >= index(before.level), (qid, answers.get(qid), value)
    assert after.score >= before.score


@settings(max_examples=150, deadline=None)
@given(answer_sets(BANK), st.sampled_from(SIGNALS), st.data())
def test_monotone_level_of_along_a_whole_scale(answers, question, data):
    """The same property, walking one signal through all its values from mildest to worst."""
    if question.kind == "percent":
        values = sorted(data.draw(st.lists(st.integers(0, 100), min_size=2, max_size=6)))
    else:
        values = sorted(question.choices(), key=question.severity)
    # keep the dealbreakers out of the base, so that the level is decided by the score
    answers.pop("asked_unethical", None)
    for qid in ("disrespect", "unethical_business"):
        if answers.get(qid) == 4:
            answers[qid] = 3
    levels = [index(level_of(BANK, {**answers, question.id: v})) for v in values]
    assert levels == sorted(levels), (question.id, values, levels)


# ---------------------------------------------------------------------------------------------
# 9. explained


@settings(max_examples=50, deadline=None)
@given(answer_sets(BANK))
def test_explained_reasons_confidence_and_counterfactuals(answers):
    """The brief: every result lists its top signals with their share, the principles that
    fired, what single change of answer would move it to another level, and the confidence
    (the share of questions answered)."""
    result = run(answers)
    decisive = [r for r in result.reasons if r.decisive]
    ranked = [r for r in result.reasons if not r.decisive]
    assert result.reasons[: len(decisive)] == tuple(decisive)  # a dealbreaker's reasons lead
    assert bool(decisive) == ("dealbreaker" in result.principles)
    shares = [r.share for r in ranked]
    assert shares == sorted(shares, reverse=True)
    assert all(0 < s <= 1 for s in shares)
    assert sum(r.share for r in result.reasons) <= 1 + 0.0005 * len(result.reasons)
    assert len(result.reasons) <= BANK.scoring.top_reasons
    for reason in result.reasons:
        question = BANK.question(reason.question)
        assert question.is_signal and question.severity(answers.get(question.id)) > 0
    if result.score > 0:
        assert result.reasons
    assert result.confidence == pytest.approx(len(answers) / len(BANK.questions), abs=0.005)
    assert set(result.principles) <= set(BANK.principles)
    assert ("dealbreaker" in result.principles) != ("weighted_score" in result.principles)

    for direction, change in (("milder", result.milder), ("harsher", result.harsher)):
        if change is None:
            continue
        question = BANK.question(change.question)
        assert question is not None and question.check(change.to) is None
        assert change.was == answers.get(change.question)
        assert change.to != change.was or type(change.to) is not type(change.was)
        moved = run({**answers, change.question: change.to})
        assert moved.level == change.level
        if direction == "milder":
            assert index(moved.level) < index(result.level)
        else:
            assert index(moved.level) > index(result.level)
    if result.level == "end_now":
        assert result.harsher is None
    if result.level == "continue":
        assert result.milder is None


@pytest.mark.parametrize("dealbreaker", [{"asked_unethical": True}, {"disrespect": 4}])
def test_explained_a_dealbreaker_reason_leads_marked_decisive(dealbreaker):
    """000 §1: a dealbreaker decides alone, so listing it by its share of the score (a few
    percent next to the heavy payment problems) would misstate what decided. It leads the
    reasons, marked decisive; the rest keep their shares, largest first."""
    result = run({**HEAVY, **dealbreaker})
    (qid,) = dealbreaker
    assert result.level == "end_now"
    first = result.reasons[0]
    assert (first.question, first.decisive) == (qid, True)
    assert first.share < max(r.share for r in result.reasons[1:])  # its share alone would hide it
    assert not any(r.decisive for r in result.reasons[1:])
    plain = run(HEAVY)
    assert not any(r.decisive for r in plain.reasons)


def test_explained_a_dealbreaker_is_not_the_harsher_change_when_a_signal_moves_the_level():
    """QA finding 12: "if they asked you to do something unethical, end now" is true of every
    client. Here a signal (late payments) can also reach end_now, so that is reported, even
    though it is a bigger change of answer."""
    answers = {**ALL_TRIED, "improvement": "none", "contract_breaches": 3, "renegotiation": 2,
               "profitability": "loss_making", "revenue_share": 20, "dissatisfaction": 3,
               "communication_breakdown": 3, "orders_trend": "stable", "complaints_trend": "many_more",
               "toxicity": 3, "team_morale": 2}
    result = run(answers)
    assert result.level == "prepare_exit"
    assert run({**answers, "asked_unethical": True}).level == "end_now"
    assert result.harsher is not None and result.harsher.level == "end_now"
    assert BANK.question(result.harsher.question).is_signal
    assert result.harsher.question not in _dealbreaker_questions()


def test_explained_a_dealbreaker_is_the_harsher_change_only_when_nothing_else_moves():
    """When no other single change reaches a harsher level, crossing a dealbreaker line is
    the only thing that would, and the result says so."""
    result = run({**ALL_TRIED, "improvement": "none", "late_payments": 3, "late_payments_trend": "worsening",
                  "contract_breaches": 3, "toxicity": 3})
    assert result.level == "prepare_exit" and result.score < BANK.level("prepare_exit").min_score
    assert result.harsher is not None and result.harsher.question in _dealbreaker_questions()
    assert result.harsher.level == "end_now"


def _dealbreaker_questions() -> set[str]:
    return {c.question for rule in BANK.dealbreakers for c in rule.when}


def _all_single_changes(answers):
    for question in BANK.questions:
        if question.kind == "percent":
            values = range(0, 101)
        elif question.kind == "number":
            values = (0, 1, 5, 10, 30, 90)
        else:
            values = question.choices()
        for value in values:
            if answers.get(question.id) != value:
                yield question.id, value


@pytest.mark.parametrize("answers", [
    example("fading"), example("late-payer"), example("abusive"), {**HEAVY, **NOTHING_TRIED},
    {**HEAVY, **ALL_TRIED, "improvement": "none"}, {"late_payments": 2, "urgent_demands": 1},
], ids=["fading", "late-payer", "abusive", "fix-first", "no-improvement", "mild"])
def test_explained_counterfactual_reaches_the_nearest_level(answers):
    """'The smallest single change': no single change (that adds no contradiction between
    answers) reaches a level nearer to the current one than the change reported, and when
    some single change moves the result in a direction, a change is reported for it. A change
    that only works by crossing a new dealbreaker line is trivially true of any client: it is
    reported only when no other change moves the result that way."""
    result = run(answers)
    contradictions = {w.id for w in result.warnings if w.kind == "consistency"}
    crossed = _dealbreakers(result)
    current = index(result.level)
    nearest = {(d, trivial): None for d in ("milder", "harsher") for trivial in (False, True)}
    for qid, value in _all_single_changes(answers):
        if qid in REMEDIES and answers.get(qid) is True and value is not True:
            continue  # what was tried stays tried
        changed = {**answers, qid: value}
        new = index(level_of(BANK, changed))
        if new == current:
            continue
        moved = run(changed)
        if not {w.id for w in moved.warnings if w.kind == "consistency"} <= contradictions:
            continue
        key = ("milder" if new < current else "harsher", not _dealbreakers(moved) <= crossed)
        distance = abs(new - current)
        if nearest[key] is None or distance < nearest[key]:
            nearest[key] = distance
    for direction in ("milder", "harsher"):
        change = getattr(result, direction)
        expected = nearest[(direction, False)]
        if expected is None:
            expected = nearest[(direction, True)]
        if expected is None:
            assert change is None
        else:
            assert change is not None
            assert abs(index(change.level) - current) == expected
            moved = run({**answers, change.question: change.to})
            assert (_dealbreakers(moved) <= crossed) == (nearest[(direction, False)] is not None)


@given(answer_sets(BANK))
@PROPERTY
def test_a_counterfactual_never_untries_a_remedy(answers):
    """'What would change it' is advice for what comes next: a remedy already tried (the
    problem raised, the terms revised, the payment terms enforced) cannot be undone, so no
    counterfactual proposes answering 'no' to it."""
    result = run(answers)
    for change in (result.milder, result.harsher):
        if change is not None and change.question in REMEDIES:
            assert not (answers.get(change.question) is True and change.to is not True)


def test_a_failed_fix_is_not_made_milder_by_untrying_it():
    answers = {**HEAVY, **ALL_TRIED, "improvement": "none"}
    result = run(answers)
    assert result.level == "prepare_exit" or result.level == "end_now"
    assert result.milder is None or result.milder.question not in REMEDIES


def _dealbreakers(result) -> set[str]:
    return {w.id for w in result.warnings if w.kind == "dealbreaker"}


# ---------------------------------------------------------------------------------------------
# Actions: one per group, most important first, exit steps at the exit levels


@PROPERTY
@given(answer_sets(BANK))
def test_actions_at_the_exit_levels_are_steps_of_leaving(answers):
    """QA finding 9/10: advice to mend the relationship ("start enforcing payment terms",
    "propose revised terms") contradicts a recommendation to leave it. At prepare_exit and
    end_now every action is its question's exit action; below them, its ordinary action."""
    result = run(answers)
    at_exit = result.level in ("prepare_exit", "end_now")
    assert result.actions_for_exit == at_exit
    for action in (*result.actions, *result.more_actions):
        question = BANK.question(action.id)
        expected = question.exit_action if at_exit else question.action
        assert expected is not None and action.text == expected("en"), action.id


@PROPERTY
@given(answer_sets(BANK))
def test_actions_one_per_group_capped_and_nothing_lost(answers):
    """QA finding 11: actions that say the same thing (an action_group in the bank) are listed
    once; the result shows the bank's top_actions and keeps the rest, in order. Every fired
    signal's group is covered by some action when the level has a text for it."""
    result = run(answers)
    every = (*result.actions, *result.more_actions)
    assert len(result.actions) <= BANK.scoring.top_actions
    assert not result.more_actions or len(result.actions) == BANK.scoring.top_actions
    groups = [BANK.question(a.id).action_group or a.id for a in every]
    assert len(groups) == len(set(groups))
    at_exit = result.level in ("prepare_exit", "end_now")
    for question in SIGNALS:
        if question.severity(answers.get(question.id)) >= BANK.scoring.fires_at:
            if (question.exit_action if at_exit else question.action) is not None:
                assert (question.action_group or question.id) in groups, question.id


def test_actions_payment_terms_said_once():
    """004: the client pays late "because you let them". Enforcing payment terms is one action,
    however many payment answers point to it (late payments, a worsening trend, terms never
    enforced); the untried remedy's wording leads."""
    result = run(example("late-payer"))
    ids = [a.id for a in (*result.actions, *result.more_actions)]
    assert "payment_terms_enforced" in ids[:3]  # the untried remedies come first
    assert "late_payments" not in ids and "late_payments_trend" not in ids
    assert not {"resource_drain", "blocks_other_work"} <= set(ids)  # one capacity action


def test_actions_after_the_remedies_follow_the_signals_contribution():
    """The most important first: after the untried remedies, by each signal's contribution."""
    result = run({**HEAVY, **ALL_TRIED, "improvement": "partial", "revenue_share": 10})
    contributions = {r.question: r.share for r in result.reasons}
    shown = [a.id for a in result.actions if a.id in contributions]
    assert shown == sorted(shown, key=lambda qid: -contributions[qid])
    assert len(result.actions) == BANK.scoring.top_actions and result.more_actions


# ---------------------------------------------------------------------------------------------
# Skipping lowers confidence, never the risk


@PROPERTY
@given(answer_sets(BANK), st.data())
def test_skipping_never_raises_the_score(answers, data):
    """domain.md: every question can be skipped; skipping lowers confidence, never the risk.
    A skipped question is no evidence: a skipped warning sign adds no risk, and a skipped
    tempering question (were the complaints your own fault?) takes none away."""
    assume(answers)
    qid = data.draw(st.sampled_from(sorted(answers)))
    full = run(answers)
    skipped = run({k: v for k, v in answers.items() if k != qid})
    assert skipped.confidence <= full.confidence
    if BANK.question(qid).tempers:
        assert skipped.score >= full.score
        assert index(skipped.level) >= index(full.level)
        return
    assert skipped.score <= full.score
    if BANK.question(qid).is_signal:
        assert index(skipped.level) <= index(full.level)


# ---------------------------------------------------------------------------------------------
# Consistency warnings


def test_warning_improvement_reported_though_nothing_tried():
    result = run({"improvement": "partial", "problem_discussed": False, "terms_revised": False})
    assert "improvement_without_remediation" in [w.id for w in result.warnings if w.kind == "consistency"]
    fine = run({"improvement": "partial", "problem_discussed": True, "terms_revised": False})
    assert "improvement_without_remediation" not in [w.id for w in fine.warnings]


def test_warning_worsening_trend_but_never_late():
    result = run({"late_payments_trend": "worsening", "late_payments": 0})
    warning = [w for w in result.warnings if w.id == "worsening_payments_never_late"]
    assert warning and warning[0].kind == "consistency" and warning[0].text
    assert "worsening_payments_never_late" not in [w.id for w in run({"late_payments_trend": "worsening", "late_payments": 2}).warnings]
    # a skipped late_payments contradicts nothing
    assert "worsening_payments_never_late" not in [w.id for w in run({"late_payments_trend": "worsening"}).warnings]


def test_warnings_in_polish():
    result = run({"late_payments_trend": "worsening", "late_payments": 0}, lang="pl")
    rule = next(r for r in BANK.consistency if r.id == "worsening_payments_never_late")
    assert [w.text for w in result.warnings if w.id == rule.id] == [rule.text.pl]


# ---------------------------------------------------------------------------------------------
# Review date, exit plan, prevention


@pytest.mark.parametrize("answers", [
    {}, example("abusive"), example("fading"), example("late-payer"),
    {**HEAVY, **NOTHING_TRIED}, {**HEAVY, **ALL_TRIED, "improvement": "none"},
], ids=["empty", "abusive", "fading", "late-payer", "fix-first", "no-improvement"])
def test_review_date_is_today_plus_the_levels_review_days(answers):
    result = run(answers)
    assert result.review_date == TODAY + timedelta(days=BANK.level(result.level).review_days)


@PROPERTY
@given(answer_sets(BANK))
def test_exit_plan_only_for_prepare_exit_and_end_now(answers):
    result = run(answers)
    if result.level in ("prepare_exit", "end_now"):
        assert result.exit_plan
        assert [s.tag for s in result.exit_plan] == sorted(
            (s.tag for s in result.exit_plan), key=("prepare", "notify", "close").index)
        for step in result.exit_plan:
            assert "{" not in step.text and "}" not in step.text
        assert result.staged_exit == ("prepare" in [s.tag for s in result.exit_plan])
    else:
        assert result.exit_plan == () and not result.staged_exit
    assert len(result.prevention) == len(BANK.prevention)


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_exit_plan_fills_in_the_notice_period(lang):
    """000 §6: close a cooperation in a planned way; the brief: respect the notice period."""
    result = run({**HEAVY, **ALL_TRIED, "improvement": "none", "notice_period_days": 45}, lang=lang)
    assert result.level == "end_now"
    texts = [s.text for s in result.exit_plan]
    assert any("45" in text for text in texts)
    assert not any("{notice_period_days}" in text for text in texts)


def _receivable_steps():
    """The exit steps the bank ties to money still owed (by their conditions, not their ids)."""
    return {
        rule.id for rule in BANK.exit_steps
        if any(c.question == "outstanding_receivables" and c.op == "equals" and c.value is True and not c.negate
               for c in rule.when)
    }


@pytest.mark.parametrize("owed", [True, False, None])
def test_exit_plan_collects_receivables_only_when_owed(owed):
    """000 §6: settle finances transparently at the end; 004: you are not your client's bank.
    The step to collect what is owed appears only when money is owed."""
    steps = _receivable_steps()
    assert steps, "the shipped bank has an exit step for receivables"
    answers = {**HEAVY, **ALL_TRIED, "improvement": "partial", "revenue_share": 45}
    answers.pop("outstanding_receivables")
    if owed is not None:
        answers["outstanding_receivables"] = owed
    result = run(answers)
    assert result.level == "prepare_exit" and result.staged_exit
    present = {s.id for s in result.exit_plan} & steps
    if owed:
        assert present == steps
    else:
        assert present == set()


def test_no_exit_plan_and_no_consequences_below_prepare_exit():
    result = run({**HEAVY, **NOTHING_TRIED})
    assert result.level == "revise_terms"
    assert result.exit_plan == () and result.consequences == ()
    ended = run({**HEAVY, "asked_unethical": True})
    assert {c.tag for c in ended.consequences} == {"us", "client"}  # 000 §2: both sides


def test_texts_follow_the_language():
    en = run({**HEAVY, **NOTHING_TRIED}, lang="en")
    pl = run({**HEAVY, **NOTHING_TRIED}, lang="pl")
    assert [a.id for a in en.actions] == [a.id for a in pl.actions]
    for a_en, a_pl in zip(en.actions, pl.actions):
        question = BANK.question(a_en.id)
        assert (a_en.text, a_pl.text) == (question.action.en, question.action.pl)
