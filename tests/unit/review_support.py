"""Shared helpers for the review tests: records built the real way, through `reasoning.assess`."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from wizard.model.reasoning import assess
from wizard.model.records import DecisionRecord, new_id

T0 = datetime(2026, 1, 5, 9, 30, tzinfo=timezone(timedelta(hours=1)))

CALM = {
    "late_payments": 0, "urgent_demands": 1, "disrespect": 0, "profitability": "profitable",
    "revenue_share": 10, "problem_discussed": False, "relationship_years": 3,
}


def make_record(bank, client: str = "Acme", assessor: str = "Anna", answers: dict | None = None,
                days: int = 0, status: str = "draft", lang: str = "en") -> DecisionRecord:
    created = T0 + timedelta(days=days)
    answers = dict(CALM if answers is None else answers)
    result = assess(bank, answers, lang, created.date())
    return DecisionRecord(
        id=new_id(), client=client, assessor=assessor, created=created, language=lang,
        bank_version=bank.version, status=status, review_date=result.review_date,
        answers=answers, result=result,
    )


def test_make_record_is_a_real_assessment(bank):
    record = make_record(bank)
    assert record.result.level == "continue"
    assert record.review_date > record.created.date()
