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

Every step is added to the record's `status_history` (who, when, to which status, with which
level, reason, comment or outcome), so accepting a proposal never erases who proposed it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta

from wizard.model.bank import LEVELS
from wizard.i18n import t
from wizard.model.records import Decision, DecisionRecord, StatusChange, now
from wizard.model.clients import same_client
from wizard.model.prefill import carried_from

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("proposed", "accepted", "rejected"),
    "proposed": ("proposed", "accepted", "rejected"),
    "rejected": ("rejected", "proposed"),
    "accepted": ("accepted",),
    "superseded": (),
}
DECIDED = ("proposed", "accepted", "rejected")


class LifecycleError(ValueError):
    """A move the rules refuse. `field` names the record field at fault; the message is a text
    of `wizard.i18n` (`key`, `values`), so each front end can say it in its own language."""

    def __init__(self, field: str, key: str, **values: object) -> None:
        self.field = field
        self.key = key
        self.values = values
        self.message = self.text("en")
        super().__init__(f"{field}: {self.message}")

    def text(self, lang: str, bank=None, *, sentence: bool = False) -> str:
        """The message in `lang`. In Polish, statuses (and, given the bank, levels) are named in
        words, never by their ids: "zapis o statusie „zaakceptowany”", not "„accepted”"; English
        keeps the values as they are written in the record, like every problem in a file.

        `sentence` is for a screen: levels named in words in every language, and the message
        written as a sentence (a capital, a full stop)."""
        values = dict(self.values)
        for key in ("before", "after"):
            if key in values:
                values[key] = t(f"status.{values[key]}", lang)
        if self.key == "life.transition":
            values["allowed"] = ", ".join(t(f"status.{s}", lang) for s in str(values["allowed"]).split(", ") if s)
        if bank is not None and (lang != "en" or sentence):
            for key in ("level", "recommended"):
                if values.get(key) in LEVELS:
                    values[key] = bank.level(values[key]).label(lang)
        text = t(self.key, lang, **values)
        return f"{text[:1].upper()}{text[1:]}." if sentence else text


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
    review_days: Mapping[str, int] | None = None,
) -> DecisionRecord:
    """The record with its new status, decision, people and outcome, and the step added to its
    status history. Raises LifecycleError.

    `reason` explains a level other than the recommendation (and is then required); given with
    the recommended level it is kept as the decision's comment, never as a reason. With
    `review_days` (each level's days to the next review, from the bank), an accepted decision
    for another level than the recommendation moves the review date to that level's, counted
    from the decision: a client kept on after an "end now" is looked at again as a kept client."""
    if status not in DECIDED:
        raise LifecycleError("status", "life.status_choice", allowed=", ".join(DECIDED), got=status)
    if record.status == "superseded":
        raise LifecycleError("status", "life.superseded", newer=", ".join(record.superseded_by) or "?")
    if not allowed(record.status, status):
        raise LifecycleError("status", "life.transition", before=record.status, after=status,
                             allowed=", ".join(TRANSITIONS[record.status]))
    if level is not None and level not in LEVELS:
        raise LifecycleError("decision.level", "life.level_choice", allowed=", ".join(LEVELS), got=level)
    at, by, outcome = at or now(), " ".join(by.split()), outcome.strip()
    decision, step = _decision(record, status, level, reason.strip(), by, at)
    change = replace(step, status=status, at=at, by=by, outcome=outcome)
    review_date = record.review_date
    if review_days and status == "accepted" and decision is not None and decision.level in review_days \
            and record.result is not None and decision.level != record.result.level:
        review_date = at.date() + timedelta(days=review_days[decision.level])
    return replace(
        record,
        status=status,
        review_date=review_date,
        decision=decision,
        outcome=outcome or record.outcome,
        decision_makers=_merge(record.decision_makers, decision_makers),
        consulted=_merge(record.consulted, consulted),
        informed=_merge(record.informed, informed),
        status_history=(*history_of(record), change),
    )


def _decision(record: DecisionRecord, status: str, level: str | None, text: str, by: str,
              at: datetime) -> tuple[Decision | None, StatusChange]:
    """The decision after this step, and what the step itself decided (level, reason, comment)."""
    recommended = record.result.level if record.result else None
    old = record.decision
    if record.status == "accepted" and old is not None and level not in (None, old.level):
        raise LifecycleError("decision.level", "life.accepted_level", level=old.level)
    if level is None:
        if old is not None:
            level = old.level  # keep the level proposed or decided before
        elif status == "accepted":
            if recommended is None:
                raise LifecycleError("decision.level", "life.no_recommendation")
            level = recommended
        elif text:
            raise LifecycleError("decision.reason", "life.reason_without_level")
        else:
            return None, StatusChange(status)  # proposed or rejected as recommended: nothing decided yet
    same = old if old is not None and old.level == level else None  # the earlier decision on this level
    if recommended is not None and level != recommended:
        reason = text or (same.reason if same else "")
        if not reason:
            raise LifecycleError("decision.reason", "life.reason_needed", level=level, recommended=recommended)
        comment, step = (same.comment if same else ""), StatusChange(status, level=level, reason=text)
    else:  # the recommended level needs no reason: a text given is a comment
        reason = ""
        comment = text or (same.comment or same.reason if same else "")
        step = StatusChange(status, level=level, comment=text)
    decision = Decision(level=level, reason=reason, by=by or (old.by if old else ""), at=at, comment=comment)
    return decision, step


def history_of(record: DecisionRecord) -> tuple[StatusChange, ...]:
    """The record's status history; for a record decided before histories were kept, its one
    known step, rebuilt from the decision it carries (so the next step does not erase it)."""
    if record.status_history or record.status == "draft":
        return record.status_history
    old = record.decision
    if old is None:
        return (StatusChange(record.status),)
    return (StatusChange(record.status, old.at, old.by, old.level, old.reason, old.comment),)


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


def supersede(newer: DecisionRecord, older: DecisionRecord, *, by: str = "",
              at: datetime | None = None) -> tuple[DecisionRecord, DecisionRecord]:
    """Mark `older` as superseded by `newer`, linking both ways. Returns (newer, older)."""
    if newer.id == older.id:
        raise LifecycleError("supersedes", "life.supersede_itself")
    if not same_client(newer.client, older.client):
        raise LifecycleError("client", "life.supersede_client", old=older.id, old_client=repr(older.client),
                             new_client=repr(newer.client))
    if older.created > newer.created:
        raise LifecycleError("created", "life.supersede_newer", old=older.id, new=newer.id,
                             old_created=f"{older.created:%Y-%m-%d %H:%M}",
                             new_created=f"{newer.created:%Y-%m-%d %H:%M}")
    if older.id in newer.superseded_by:
        raise LifecycleError("superseded_by", "life.supersede_loop", old=older.id, new=newer.id)
    change = StatusChange("superseded", at or now(), " ".join(by.split()))
    newer = replace(newer, supersedes=_merge(newer.supersedes, [older.id]))
    older = replace(older, status="superseded", superseded_by=_merge(older.superseded_by, [newer.id]),
                    status_history=(*history_of(older), change))
    return newer, older


def to_supersede(record: DecisionRecord, status: str) -> tuple[str, ...]:
    """The earlier records a reassessment replaces once it is accepted: those its answers were
    carried over from (`client-exit new --from`), not linked yet."""
    if status != "accepted":
        return ()
    return tuple(ref for ref in carried_from(record.prefilled) if ref not in record.supersedes)


def is_overdue(record: DecisionRecord, today: date) -> bool:
    """The review date has passed on a record that still stands (not superseded or rejected)."""
    return (record.review_date is not None and record.review_date < today
            and record.status not in ("superseded", "rejected"))
