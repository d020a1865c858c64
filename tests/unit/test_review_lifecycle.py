"""Status transitions, decisions that depart from the recommendation, supersession."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from tests.unit.review_support import CALM, T0, make_record
from wizard.model.lifecycle import TRANSITIONS, LifecycleError, allowed, decide, is_overdue, supersede
from wizard.storage.record_reader import parse_record
from wizard.storage.record_writer import to_table

RISKY = CALM | {"late_payments": 4, "urgent_demands": 4, "revenue_share": 50, "problem_discussed": True,
                "improvement": "none"}


def test_draft_proposed_accepted(bank):
    record = make_record(bank)
    proposed = decide(record, "proposed", by="Anna", consulted=["Marek"])
    assert proposed.status == "proposed" and proposed.decision is None  # proposed as recommended
    accepted = decide(proposed, "accepted", by="Ola", decision_makers=["Ola", "Anna"], informed=["Team"],
                      outcome="Kept; reviewed in six months.", at=T0)
    assert accepted.status == "accepted"
    assert accepted.decision.level == record.result.level  # accepting adopts the recommendation
    assert (accepted.decision.by, accepted.decision.at) == ("Ola", T0)
    assert accepted.consulted == ("Marek",) and accepted.decision_makers == ("Ola", "Anna")
    assert accepted.informed == ("Team",) and accepted.outcome == "Kept; reviewed in six months."


@pytest.mark.parametrize(("before", "after"), [
    ("accepted", "rejected"), ("accepted", "proposed"), ("rejected", "accepted"),
    ("superseded", "proposed"), ("superseded", "accepted"), ("superseded", "rejected"),
])
def test_invalid_transitions_are_refused(bank, before, after):
    record = make_record(bank, status=before)
    with pytest.raises(LifecycleError) as error:
        decide(record, after)
    assert error.value.field == "status"
    assert before in error.value.message or "superseded" in error.value.message


def test_decide_cannot_set_draft_or_superseded(bank):
    for status in ("draft", "superseded", "done"):
        with pytest.raises(LifecycleError, match="must be one of proposed, accepted, rejected"):
            decide(make_record(bank), status)


def test_transition_table():
    assert allowed("draft", "accepted") and allowed("rejected", "proposed") and allowed("accepted", "accepted")
    assert not allowed("accepted", "rejected") and TRANSITIONS["superseded"] == ()


def test_a_different_level_needs_a_reason(bank):
    record = make_record(bank, answers=RISKY)
    recommended = record.result.level
    other = "continue" if recommended != "continue" else "monitor"
    with pytest.raises(LifecycleError) as error:
        decide(record, "accepted", level=other)
    assert error.value.field == "decision.reason" and recommended in error.value.message
    decided = decide(record, "accepted", level=other, reason="Their new manager starts next week.")
    assert decided.level == other and decided.decision.reason == "Their new manager starts next week."
    assert decide(record, "accepted", level=recommended).decision.reason == ""  # same level: no reason needed


@pytest.mark.parametrize("decided", ["continue", "monitor", "revise_terms", "prepare_exit", "end_now"])
def test_an_accepted_other_level_brings_its_own_review_date(bank, decided):
    """Kept on after "end now": reviewed as a kept client is, counted from the decision."""
    record = make_record(bank, answers=RISKY)
    recommended = record.result.level
    at = T0 + timedelta(days=3)
    days = bank.review_days
    accepted = decide(record, "accepted", level=decided, reason="We talked it over.", at=at, review_days=days)
    if decided == recommended:
        assert accepted.review_date == record.review_date  # the assessment's own date stands
    else:
        assert accepted.review_date == at.date() + timedelta(days=days[decided])
    proposed = decide(record, "proposed", level=decided, reason="We talked it over.", at=at, review_days=days)
    assert proposed.review_date == record.review_date  # a proposal moves nothing yet
    assert decide(record, "accepted", level=decided, reason="x", at=at).review_date == record.review_date


def test_a_proposed_level_is_kept_when_accepted(bank):
    record = make_record(bank, answers=RISKY)
    proposed = decide(record, "proposed", level="monitor", reason="Give them a month.")
    accepted = decide(proposed, "accepted")
    assert accepted.decision.level == "monitor" and accepted.decision.reason == "Give them a month."


def test_a_reason_without_a_level_is_refused(bank):
    with pytest.raises(LifecycleError, match="give the level too"):
        decide(make_record(bank), "proposed", reason="because")


def test_an_accepted_level_cannot_change_but_the_outcome_can_be_added(bank):
    accepted = decide(make_record(bank, answers=RISKY), "accepted")
    with pytest.raises(LifecycleError) as error:
        decide(accepted, "accepted", level="continue", reason="changed our minds")
    assert error.value.field == "decision.level" and "supersedes" in error.value.message
    later = decide(accepted, "accepted", outcome="Client informed; hand-over done.", informed=["Ola"])
    assert later.outcome == "Client informed; hand-over done." and later.decision.level == accepted.decision.level


def test_rejected_and_proposed_again(bank):
    rejected = decide(make_record(bank), "rejected", outcome="Not now.")
    assert rejected.status == "rejected" and rejected.decision is None
    again = decide(rejected, "proposed", level="monitor", reason="After the call, monitor.")
    assert again.status == "proposed" and again.outcome == "Not now."


def test_people_are_merged_once_each(bank):
    record = decide(make_record(bank), "proposed", consulted=["Marek", "  Ola  "])
    record = decide(record, "proposed", consulted=["marek", "Piotr", ""])
    assert record.consulted == ("Marek", "Ola", "Piotr")


def test_a_decided_record_survives_toml(bank):
    record = decide(make_record(bank, answers=RISKY), "accepted", level="monitor", reason="Wait a month.",
                    by="Anna", decision_makers=["Anna"], outcome="Agreed.", at=T0)
    again = parse_record(to_table(record), "memory", bank)
    assert again == record


# ---------------------------------------------------------------------------------------------


def test_supersede_links_both_ways_as_lists(bank):
    first = make_record(bank, client="Kowalski", days=0)
    second = make_record(bank, client="Kowalski", days=10)
    third = make_record(bank, client="kowalski", days=20)
    second, first = supersede(second, first)
    assert first.status == "superseded" and first.superseded_by == (second.id,)
    assert second.supersedes == (first.id,)
    third, first = supersede(third, first)
    third, second = supersede(third, second)
    assert third.supersedes == (first.id, second.id)
    assert first.superseded_by == (second.id, third.id)
    with pytest.raises(LifecycleError, match="superseded by"):
        decide(first, "accepted")


def test_supersede_refuses_another_client_an_older_record_or_itself(bank):
    old = make_record(bank, client="Kowalski", days=0)
    new = make_record(bank, client="Nowak", days=5)
    with pytest.raises(LifecycleError) as error:
        supersede(new, old)
    assert error.value.field == "client" and "same client" in error.value.message
    newer = make_record(bank, client="Kowalski", days=9)
    with pytest.raises(LifecycleError) as error:
        supersede(old, newer)
    assert error.value.field == "created"
    with pytest.raises(LifecycleError, match="itself"):
        supersede(old, old)


def test_overdue_only_for_records_that_still_stand(bank):
    record = make_record(bank)
    after = record.review_date + timedelta(days=1)
    assert not is_overdue(record, record.review_date)
    assert is_overdue(record, after)
    assert not is_overdue(replace(record, status="superseded"), after)
    assert not is_overdue(replace(record, status="rejected"), after)
    assert not is_overdue(replace(record, review_date=None), after)


# ---------------------------------------------------------------------------------------------
# The status history, reasons and comments


def test_accepting_keeps_who_proposed_in_the_status_history(bank):
    record = make_record(bank, answers=RISKY)
    proposed = decide(record, "proposed", level="monitor", reason="Give them a month.", by="Marek", at=T0)
    accepted = decide(proposed, "accepted", by="Ola", outcome="Agreed in the meeting.", at=T0 + timedelta(days=2))
    assert (accepted.decision.by, accepted.decision.at) == ("Ola", T0 + timedelta(days=2))
    first, second = accepted.status_history
    assert (first.status, first.by, first.at, first.level, first.reason) == (
        "proposed", "Marek", T0, "monitor", "Give them a month.")
    assert (second.status, second.by, second.level, second.reason, second.outcome) == (
        "accepted", "Ola", "monitor", "", "Agreed in the meeting.")
    again = parse_record(to_table(accepted), "memory", bank)
    assert again == accepted and to_table(again) == to_table(accepted)  # lossless


def test_a_reason_on_the_recommended_level_is_kept_as_a_comment(bank):
    record = make_record(bank, answers=RISKY)
    accepted = decide(record, "accepted", level=record.result.level, reason="Talked it over with the team.", by="Ola")
    assert accepted.decision.reason == "" and accepted.decision.comment == "Talked it over with the team."
    assert accepted.status_history[-1].comment == "Talked it over with the team."
    assert accepted.status_history[-1].reason == ""
    assert "reason" not in to_table(accepted)["decision"]


def test_a_record_decided_before_histories_keeps_its_first_decision(bank):
    from wizard.model.records import Decision

    old = replace(make_record(bank, answers=RISKY), status="proposed",
                  decision=Decision("monitor", reason="Give them a month.", by="Marek", at=T0))
    accepted = decide(old, "accepted", by="Ola", at=T0 + timedelta(days=1))
    rebuilt, step = accepted.status_history
    assert (rebuilt.status, rebuilt.by, rebuilt.at, rebuilt.level) == ("proposed", "Marek", T0, "monitor")
    assert (step.status, step.by) == ("accepted", "Ola")


def test_superseding_is_a_step_of_the_older_record(bank):
    old = decide(make_record(bank, client="Kowalski"), "accepted", by="Anna", at=T0)
    new = make_record(bank, client="Kowalski", days=10)
    new, old = supersede(new, old, by="Ola", at=T0 + timedelta(days=10))
    assert [(c.status, c.by) for c in old.status_history] == [("accepted", "Anna"), ("superseded", "Ola")]


def test_refusals_are_said_in_polish_too(bank):
    record = make_record(bank, answers=RISKY)
    other = "continue" if record.result.level != "continue" else "monitor"
    with pytest.raises(LifecycleError) as error:
        decide(record, "accepted", level=other)
    assert error.value.text("pl").startswith(f"wybrany poziom ({other}) różni się od rekomendacji")
    assert error.value.message.startswith(f"the level decided on ({other}) differs")
