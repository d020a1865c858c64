"""Answers filled in before the assessor gives them: carried over from an earlier assessment of
the same client (a reassessment), or read from another source (an invoice ledger, issue 14).

A pre-filled answer is an ordinary answer in the draft's `answers`, with a `Prefill` beside it in
`prefilled` saying where it came from and what the assessor did with it:

    pending  shown, not yet looked at: the questionnaire asks to keep it (Enter) or answer again
    kept     the assessor confirmed it unchanged
    changed  the assessor answered again (or said "don't know"): the answer is their own

The entries stay in the finished record, so a reader sees which answers were carried over and
confirmed, and which still only repeat the earlier assessment. Pure data: no files, no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

TYPE_CHECKING = False
if TYPE_CHECKING:
    from wizard.model.bank import Answer, Bank
    from wizard.model.records import DecisionRecord

SOURCES = ("record", "ledger")  # "record": an earlier assessment, `ref` its id; "ledger": see issue 14
PENDING, KEPT, CHANGED = "pending", "kept", "changed"
STATES = (PENDING, KEPT, CHANGED)
KEYS = ("source", "ref", "on", "evidence", "state")


@dataclass(frozen=True)
class Prefill:
    """Where one pre-filled answer came from, and whether the assessor has confirmed it."""

    source: str  # one of SOURCES
    ref: str = ""  # the earlier record's id, or the file the answer was read from
    on: date | None = None  # the date of the source (the earlier assessment's day)
    evidence: str = ""  # why this answer, in words (a ledger's figures); empty when carried over
    state: str = PENDING

    @property
    def pending(self) -> bool:
        return self.state == PENDING


def after_answer(prefill: Prefill | None, before: Answer | None, after: Answer | None) -> Prefill | None:
    """The entry once the assessor has answered (`after`, None for "don't know"): kept when the
    pending answer was confirmed as it was, changed once it differs; a changed one stays changed."""
    if prefill is None:
        return None
    if prefill.state != CHANGED and after is not None and after == before and type(after) is type(before):
        return replace(prefill, state=KEPT)
    return replace(prefill, state=CHANGED)


def carry_over(bank: Bank, earlier: DecisionRecord) -> dict[str, tuple[Answer, Prefill]]:
    """The answers of an earlier assessment that still fit the bank, each marked as carried over
    from it (pending). Skipped questions and notes are not carried: they are asked afresh."""
    found: dict[str, tuple[Answer, Prefill]] = {}
    for question in bank.questions:
        if question.id in earlier.answers and question.check(earlier.answers[question.id]) is None:
            found[question.id] = (earlier.answers[question.id],
                                  Prefill("record", earlier.id, earlier.created.date()))
    return found


def carried_from(prefilled: dict[str, Prefill]) -> tuple[str, ...]:
    """The ids of the earlier records the answers were carried over from, in order."""
    return tuple(dict.fromkeys(p.ref for p in prefilled.values() if p.source == "record" and p.ref))
