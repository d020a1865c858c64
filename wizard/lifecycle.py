"""A record's life: draft → proposed → accepted or rejected, and superseded by a newer one.

Pure functions over `DecisionRecord`: they return changed copies and raise `LifecycleError`
(naming the record field at fault) for a move the rules do not allow. Writing is the caller's job.

    draft     → proposed, accepted, rejected   (a one-person business may decide at once)
    proposed  → proposed, accepted, rejected   (proposed again: to add people or a level)
    rejected  → rejected, proposed             (re-proposed after a new discussion)
    accepted  → accepted                       (to add the outcome, people; never another level)
    superseded: final; decide on the record that replaced it

A record becomes superseded only through `supersede`, by a newer record of the same client;
both keep the link (`supersedes` on the newer, `superseded_by` on the older, as lists).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from wizard.bank import LEVELS
from wizard.records import Decision, DecisionRecord, now
from wizard.clients import same_client

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("proposed", "accepted", "rejected"),
    "proposed": ("proposed", "accepted", "rejected"),
    "rejected": ("rejected", "proposed"),
    "accepted": ("accepted",),
    "superseded": (),
}
DECIDED = ("proposed", "accepted", "rejected")


class LifecycleError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


def allowed(before: str, after: str) -> bool:
    return after in TRANSITIONS.get(before, ())


def decide(
    record: DecisionRecord,
    status: str,
    *,
    level: str | None = None,
    reason: str = "",
    outcome: str = "",
    by: str = "",
    decision_makers: tuple[str, ...] | list[str] = (),
    consulted: tuple[str, ...] | list[str] = (),
    informed: tuple[str, ...] | list[str] = (),
    at: datetime | None = None,
) -> DecisionRecord:
    """The record with its new status, decision, people and outcome. Raises LifecycleError."""
    if status not in DECIDED:
        raise LifecycleError("status", f"must be one of {', '.join(DECIDED)} (got {status!r})")
    if record.status == "superseded":
        newer = ", ".join(record.superseded_by) or "a newer record"
        raise LifecycleError("status", f"this record is superseded by {newer}; decide on the newer record")
    if not allowed(record.status, status):
        raise LifecycleError("status", f"a record that is {record.status} cannot become {status} "
                                       f"(allowed: {', '.join(TRANSITIONS[record.status])})")
    if level is not None and level not in LEVELS:
        raise LifecycleError("decision.level", f"must be one of {', '.join(LEVELS)} (got {level!r})")
    reason = reason.strip()
    decision = _decision(record, status, level, reason, by.strip(), at or now())
    return replace(
        record,
        status=status,
        decision=decision,
        outcome=outcome.strip() or record.outcome,
        decision_makers=_merge(record.decision_makers, decision_makers),
        consulted=_merge(record.consulted, consulted),
        informed=_merge(record.informed, informed),
    )


def _decision(record: DecisionRecord, status: str, level: str | None, reason: str, by: str,
              at: datetime) -> Decision | None:
    recommended = record.result.level if record.result else None
    old = record.decision
    if record.status == "accepted" and old is not None and level not in (None, old.level):
        raise LifecycleError("decision.level", (
            f"this record was accepted at {old.level}; a different level needs a new assessment "
            "that supersedes this one"))
    if level is None:
        if old is not None:
            level = old.level  # keep the level proposed or decided before
        elif status == "accepted":
            if recommended is None:
                raise LifecycleError("decision.level", "this record has no recommendation; give the level decided on")
            level = recommended
        elif reason:
            raise LifecycleError("decision.reason", "a reason explains a chosen level: give the level too")
        else:
            return None  # proposed or rejected as recommended: nothing decided yet
    if old is not None and old.level == level and not reason:
        reason = old.reason
    if recommended is not None and level != recommended and not reason:
        raise LifecycleError("decision.reason", (
            f"the level decided on ({level}) differs from the recommendation ({recommended}); "
            "give the reason for the difference"))
    return Decision(level=level, reason=reason, by=by or (old.by if old else ""), at=at)


def _merge(before: tuple[str, ...], added) -> tuple[str, ...]:
    """Names kept in order, each once (compared without case), empty ones dropped."""
    result = list(before)
    seen = {n.casefold() for n in result}
    for name in added:
        name = " ".join(name.split())
        if name and name.casefold() not in seen:
            result.append(name)
            seen.add(name.casefold())
    return tuple(result)


def supersede(newer: DecisionRecord, older: DecisionRecord) -> tuple[DecisionRecord, DecisionRecord]:
    """Mark `older` as superseded by `newer`, linking both ways. Returns (newer, older)."""
    if newer.id == older.id:
        raise LifecycleError("supersedes", "a record cannot supersede itself")
    if not same_client(newer.client, older.client):
        raise LifecycleError("client", (
            f"record {older.id} is about {older.client!r}, not {newer.client!r}; "
            "a record can only supersede an older record of the same client"))
    if older.created > newer.created:
        raise LifecycleError("created", (
            f"record {older.id} ({older.created:%Y-%m-%d %H:%M}) is newer than {newer.id} "
            f"({newer.created:%Y-%m-%d %H:%M}); only a newer record supersedes an older one"))
    if older.id in newer.superseded_by:
        raise LifecycleError("superseded_by", f"record {older.id} already supersedes {newer.id}")
    newer = replace(newer, supersedes=_merge(newer.supersedes, [older.id]))
    older = replace(older, status="superseded", superseded_by=_merge(older.superseded_by, [newer.id]))
    return newer, older


def is_overdue(record: DecisionRecord, today: date) -> bool:
    """The review date has passed on a record that still stands (not superseded or rejected)."""
    return (record.review_date is not None and record.review_date < today
            and record.status not in ("superseded", "rejected"))
