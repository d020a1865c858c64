"""The record screen's decisions, apart from its keys: why the lifecycle refuses a step, in the
language on screen, and which earlier records an accepted reassessment supersedes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from wizard.i18n import t
from wizard.model.lifecycle import TRANSITIONS, LifecycleError, supersede, to_supersede
from wizard.model.problems import InvalidFile, NoSuchRecord
from wizard.model.records import DecisionRecord
from wizard.render.report import level_label
from wizard.storage.record_reader import read_record

if TYPE_CHECKING:
    from pathlib import Path

    from wizard.model.bank import Bank
    from wizard.storage.store import RecordStore


def refusal(error: LifecycleError, record: DecisionRecord, status: str, bank: Bank, lang: str) -> str:
    """The lifecycle's reason for refusing to move `record` to `status`, in `lang` (its own
    message is English)."""
    recommended = record.result.level if record.result else None
    level = level_label(bank, record.decision.level, lang) if record.decision else "—"
    if record.status == "superseded":
        return t("tui.life.superseded", lang, newer=", ".join(record.superseded_by) or "?")
    if error.field == "status":
        allowed = ", ".join(t(f"status.{s}", lang) for s in TRANSITIONS.get(record.status, ()))
        return t("tui.life.transition", lang, before=t(f"status.{record.status}", lang),
                 after=t(f"status.{status}", lang), allowed=allowed or "—")
    if error.field == "decision.level" and record.status == "accepted":
        return t("tui.life.accepted_level", lang, level=level)
    if error.field == "decision.level":
        return t("tui.life.no_level", lang)
    if error.field == "decision.reason" and recommended is not None:
        return t("tui.life.reason", lang, recommended=level_label(bank, recommended, lang))
    return f"{error.field}: {error.message}"


def superseding(record: DecisionRecord, status: str, by: str, store: RecordStore, bank: Bank,
                missing: Callable[[str], None]) -> tuple[DecisionRecord, list[tuple[Path, DecisionRecord]]]:
    """A reassessment, once accepted, supersedes the records its answers came from: the record
    so marked, and each earlier one (its file, as it becomes). `missing(id)` hears of an earlier
    record no longer found."""
    older = []
    for ref in to_supersede(record, status):
        try:
            path = store.find(ref, bank)
            old = read_record(path, bank)
        except (NoSuchRecord, InvalidFile):
            missing(ref)
            continue
        record, old = supersede(record, old, by=by, at=record.status_history[-1].at)
        older.append((path, old))
    return record, older

