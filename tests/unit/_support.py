"""Helpers shared by the unit tests: bank copies edited as text, and answer strategies.

Everything here is built from the question bank's *public* description (docs/question-bank.md,
the domain brief) and from `Question.choices()` / `Question.check()`, never from the reasoning's
private helpers.
"""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

from hypothesis import strategies as st

from wizard.model.bank import Bank, Question
from wizard.model.problems import InvalidFile

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "questions"
EXAMPLES = ROOT / "examples"
TODAY = date(2026, 3, 2)
LEVEL_ORDER = ("continue", "monitor", "revise_terms", "prepare_exit", "end_now")
REMEDIES = ("problem_discussed", "terms_revised", "payment_terms_enforced")


def copy_bank(tmp_path: Path, name: str = "q") -> Path:
    """A copy of the shipped question bank folder, to break or change as data."""
    target = tmp_path / name
    shutil.copytree(QUESTIONS, target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` in a file; the test fails loudly if `old` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}: the bank changed, update the test"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems_of(error: InvalidFile) -> list[tuple[str, str, str]]:
    return [(p.file, p.field, p.message) for p in error.problems]


def index(level: str) -> int:
    return LEVEL_ORDER.index(level)


def level_for_score(bank: Bank, score: int) -> str:
    """The level the bank's thresholds give a score (the highest min_score not above it)."""
    return [lv.id for lv in bank.levels if lv.min_score <= score][-1]


# ---------------------------------------------------------------------------------------------
# Answers


def value_strategy(question: Question) -> st.SearchStrategy:
    """Any answer the bank allows for `question` (checked with Question.check in the tests)."""
    if question.kind == "percent":
        return st.one_of(st.integers(0, 100), st.floats(0, 100, allow_nan=False, allow_infinity=False))
    if question.kind == "number":
        return st.one_of(st.integers(0, 400), st.floats(0, 400, allow_nan=False, allow_infinity=False))
    return st.sampled_from(question.choices())


@st.composite
def answer_sets(draw, bank: Bank, min_answered: int = 0) -> dict:
    """A random answers dict over ALL questions of the bank, each answered or skipped."""
    answers = {}
    for question in bank.questions:
        if draw(st.booleans()):
            answers[question.id] = draw(value_strategy(question))
    return answers


def python() -> str:
    return sys.executable


# 000 §1 and 004: broken contract terms, chronic late payment, constant renegotiation, "right
# now" demands pulling the team off other work, a loss-making, toxic account.
HEAVY = dict(
    late_payments=4, late_payments_trend="worsening", contract_breaches=4, renegotiation=4,
    urgent_demands=4, resource_drain=4, effort_vs_result=4, profitability="loss_making",
    distrust=3, dissatisfaction=4, communication_breakdown=4, toxicity=4, wellbeing_impact=4,
    team_morale=4, revenue_share=10, notice_period_days=30, outstanding_receivables=False,
)


def with_schema(text: str, schema: int | str) -> str:
    """A record's TOML with its `schema` line set to `schema` (the test fails if it has none)."""
    import re

    changed, count = re.subn(r"^schema = \d+$", f"schema = {schema}", text, count=1, flags=re.M)
    assert count == 1, "the record has no schema line: the format changed, update the test"
    return changed
