"""Two decision records side by side: every answer, what got better or worse, the scores.

Direction. The first record is "before", the second "after". Two records of the same client are
always put in time order (older first), so "better" and "worse" mean what happened since; for
two different clients the order given is kept and the second is measured against the first.
A changed answer to a signal question is `better` when it warns less (a lower
`Question.severity`) and `worse` when it warns more; any other changed answer, a change that does
not move the severity, or a question answered in only one of the records is just `changed`.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.model.bank import LEVELS, SCALE_MAX, Answer, Bank
from wizard.model.records import DecisionRecord
from wizard.model.clients import same_client

SAME, BETTER, WORSE, CHANGED = "same", "better", "worse", "changed"


@dataclass(frozen=True)
class AnswerDiff:
    question: str
    section: str
    first: Answer | None  # None: skipped or not answered
    second: Answer | None
    change: str  # same | better | worse | changed
    severity_delta: float = 0.0  # second − first, signal questions only


@dataclass(frozen=True)
class SectionDelta:
    section: str
    first: int | None
    second: int | None

    @property
    def delta(self) -> int | None:
        if self.first is None or self.second is None:
            return None
        return self.second - self.first


@dataclass(frozen=True)
class ChangeSummary:
    """What changed from the older assessment of a client to the newer one."""

    days: int
    score_delta: int
    level_before: str
    level_after: str
    better: tuple[str, ...]  # question ids, the largest change first
    worse: tuple[str, ...]
    changed: tuple[str, ...]
    principles_added: tuple[str, ...]
    principles_dropped: tuple[str, ...]

    @property
    def level_direction(self) -> str:
        return level_direction(self.level_before, self.level_after)


@dataclass(frozen=True)
class Comparison:
    first: DecisionRecord
    second: DecisionRecord
    answers: tuple[AnswerDiff, ...]  # every question answered in either record, in bank order
    sections: tuple[SectionDelta, ...]
    same_client: bool
    since: ChangeSummary | None  # only for two results of the same client

    @property
    def score_delta(self) -> int | None:
        if self.first.result is None or self.second.result is None:
            return None
        return self.second.result.score - self.first.result.score


def level_direction(before: str, after: str) -> str:
    """better / worse / same for a move between two levels (milder is better)."""
    step = LEVELS.index(after) - LEVELS.index(before)
    return SAME if step == 0 else WORSE if step > 0 else BETTER


def compare(bank: Bank, first: DecisionRecord, second: DecisionRecord) -> Comparison:
    together = same_client(first.client, second.client)
    if together and (second.created, second.id) < (first.created, first.id):
        first, second = second, first
    answers = tuple(_diff(bank, q.id, q.section, first, second) for q in bank.questions
                    if _mentioned(first, q.id) or _mentioned(second, q.id))
    sections = _sections(bank, first, second)
    since = None
    if together and first.result is not None and second.result is not None:
        since = _summary(first, second, answers)
    return Comparison(first, second, answers, sections, together, since)


def _mentioned(record: DecisionRecord, question_id: str) -> bool:
    return question_id in record.answers or question_id in record.skipped


def _diff(bank: Bank, question_id: str, section: str, first: DecisionRecord, second: DecisionRecord) -> AnswerDiff:
    question = bank.question(question_id)
    a, b = first.answers.get(question_id), second.answers.get(question_id)
    if a == b and type(a) is type(b):
        return AnswerDiff(question_id, section, a, b, SAME)
    if a is None or b is None or not question.is_signal:
        return AnswerDiff(question_id, section, a, b, CHANGED)
    delta = round((question.band(b) - question.band(a)) / SCALE_MAX, 3)
    change = WORSE if delta > 0 else BETTER if delta < 0 else CHANGED
    return AnswerDiff(question_id, section, a, b, change, delta)


def _sections(bank: Bank, first: DecisionRecord, second: DecisionRecord) -> tuple[SectionDelta, ...]:
    a = first.result.sections if first.result else {}
    b = second.result.sections if second.result else {}
    return tuple(SectionDelta(s.id, a.get(s.id), b.get(s.id)) for s in bank.sections if s.id in a or s.id in b)


def _summary(first: DecisionRecord, second: DecisionRecord, answers: tuple[AnswerDiff, ...]) -> ChangeSummary:
    by_size = sorted(answers, key=lambda d: -abs(d.severity_delta))
    return ChangeSummary(
        days=(second.created - first.created).days,
        score_delta=second.result.score - first.result.score,
        level_before=first.result.level,
        level_after=second.result.level,
        better=tuple(d.question for d in by_size if d.change == BETTER),
        worse=tuple(d.question for d in by_size if d.change == WORSE),
        changed=tuple(d.question for d in answers if d.change == CHANGED),
        principles_added=tuple(p for p in second.result.principles if p not in first.result.principles),
        principles_dropped=tuple(p for p in first.result.principles if p not in second.result.principles),
    )
