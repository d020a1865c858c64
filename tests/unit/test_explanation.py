"""explained: every result lists its main reasons, the principles that fired, what change of
answer would move it (plausible and relevant), and how thin it is.
"""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings

from tests.unit._support import TODAY, answer_sets, index
from tests.unit.test_reasoning import BANK, NOTHING_TRIED, REMEDIES, quiet, run
from wizard.model.reasoning import level_of

PROPERTY = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def changed(answers, change):
    moved = {**answers, change.question: change.to}
    if change.then is not None:
        moved[change.then[0]] = change.then[1]
    return moved


@PROPERTY
@given(answer_sets(BANK))
def test_counterfactuals_are_true_and_plausible(answers):
    result = run(answers)
    for direction, change in (("milder", result.milder), ("harsher", result.harsher)):
        if change is None:
            continue
        moved = level_of(BANK, changed(answers, change))
        assert moved == change.level
        assert (index(moved) < index(result.level)) == (direction == "milder")
        question = BANK.question(change.question)
        was = answers.get(change.question)
        assert change.was == was
        if question.is_signal:
            # never a worse answer for a milder result, nor a better one for a harsher result
            assert (question.band(change.to) < question.band(was)) == (direction == "milder")
        if change.question in REMEDIES:
            assert was is not True and change.to is True  # never un-trying a remedy
            if direction == "harsher":
                assert change.then is not None  # trying a remedy only hurts when it then fails


@PROPERTY
@given(answer_sets(BANK))
def test_reasons_shares_and_confidence(answers):
    result = run(answers)
    assert 0 <= sum(r.share for r in result.reasons) <= 1 + 0.0005 * len(result.reasons) + 1e-9  # each rounded
    assert len(result.reasons) <= BANK.scoring.top_reasons
    assert result.confidence == round(len([k for k in answers if BANK.question(k)]) / len(BANK.questions), 2)
    if result.score > 0:
        assert result.reasons


def test_the_next_step_is_a_remedy_said_as_its_two_step_path():
    """'Revise the rules or end it' (004): try the remedy; if nothing improves → prepare to exit."""
    result = run(quiet() | {"resource_drain": 4})
    assert result.level == "revise_terms"
    assert result.harsher.question in REMEDIES and result.harsher.then == ("improvement", "none")
    assert result.harsher.level == "prepare_exit"
    assert result.milder.then == ("improvement", "clear")


def test_no_irrelevant_change_is_proposed():
    """Demanding exclusivity, or asking for something illegal, says nothing about this client."""
    answers = quiet() | {"late_payments": 4, "payment_terms_enforced": True, "terms_revised": True,
                         "problem_discussed": True, "improvement": "none"}
    result = run(answers)
    assert result.level == "prepare_exit"
    assert result.harsher is None or BANK.problem_of(result.harsher.question).id == "money"
    assert result.milder.question in ("late_payments", "improvement")


def test_one_step_below_a_dealbreaker_names_the_dealbreaker_as_the_harsher_change():
    result = run(quiet() | {"disrespect": 3})
    assert result.harsher is not None
    assert {result.harsher.question, (result.harsher.then or ("",))[0]} & {"disrespect", "improvement"}


def test_a_dealbreaker_is_shown_as_decisive_and_undone_only_by_its_own_answer():
    result = run(quiet() | {"asked_unethical": True})
    assert result.reasons[0].question == "asked_unethical" and result.reasons[0].decisive
    assert result.milder.question == "asked_unethical" and result.harsher is None


# ---------------------------------------------------------------------------------------------
# Thin results: unknown is not zero


def test_a_thin_result_warns_with_its_range_and_the_questions_that_could_move_it():
    answers = {"late_payments": 4, "late_payments_trend": "worsening", "payment_terms_enforced": False,
               "revenue_share": 20, "outstanding_receivables": True, "notice_period_days": 30}
    result = run(answers)
    low, high = result.range
    assert index(low) <= index(result.level) <= index(high) and low != high
    assert result.open_questions and all(q not in answers for q in result.open_questions)
    for qid in result.open_questions:
        question = BANK.question(qid)
        values = question.choices() if question.kind not in ("percent", "number") else (0, 100)
        assert any(level_of(BANK, {**answers, qid: v}) != result.level for v in values), qid
    thin = next(w for w in result.warnings if w.kind == "thin")
    assert f"{len(answers)} of {len(BANK.questions)}" in thin.text
    assert BANK.level(low).label.en in thin.text and BANK.level(high).label.en in thin.text
    polish = next(w for w in run(answers, lang="pl").warnings if w.kind == "thin")
    assert BANK.level(high).label.pl in polish.text


def test_a_full_result_has_no_range():
    result = run(quiet() | {"late_payments": 2})
    assert result.range is None and result.open_questions == ()
    assert "thin" not in [w.kind for w in result.warnings]


@PROPERTY
@given(answer_sets(BANK))
def test_the_range_holds_the_level(answers):
    result = run(answers)
    assume(result.range is not None)
    low, high = result.range
    assert index(low) <= index(result.level) <= index(high)


def test_no_warning_repeats_a_principle_word_for_word():
    result = run(quiet() | NOTHING_TRIED | {"late_payments": 4, "attachment": 4, "relationship_years": 8,
                                           "complaints_trend": "more", "payment_terms_enforced": True,
                                           "problem_discussed": True, "improvement": "none"})
    principles = {BANK.principles[p].text.en for p in result.principles}
    assert {"attachment_bias", "own_quality"} <= set(result.principles)
    assert not principles & {w.text for w in result.warnings}


def test_review_date_is_today_plus_the_levels_review_days():
    from datetime import timedelta

    for answers in ({}, quiet(), quiet() | {"asked_unethical": True}):
        result = run(answers)
        assert result.review_date == TODAY + timedelta(days=BANK.level(result.level).review_days)


def test_a_known_outcome_is_never_made_unknown_and_leads_when_it_matters():
    answers = quiet() | {"effort_vs_result": 4, "terms_revised": True, "problem_discussed": True, "improvement": "none"}
    result = run(answers)
    assert result.level == "prepare_exit"
    assert result.milder.question == "improvement" and result.milder.to in ("partial", "clear")
    pending = run(quiet() | {"disrespect": 3, "problem_discussed": True, "improvement": "not_applicable"})
    assert pending.harsher.question == "improvement" and pending.harsher.to == "none"


def test_a_remedy_path_never_credits_another_remedys_outcome():
    """The outcome is one answer for all that was tried: once something was tried, no path."""
    answers = quiet() | {"renegotiation": 4, "distrust": 3, "problem_discussed": True, "improvement": "none"}
    result = run(answers)
    for change in (result.milder, result.harsher):
        assert change is None or change.then is None
