"""The record screen's decisions, apart from its keys: why the lifecycle refuses a step, in the
language on screen, and which earlier records an accepted reassessment supersedes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from wizard.model.lifecycle import LifecycleError, supersede, to_supersede
from wizard.model.problems import InvalidFile, NoSuchRecord
from wizard.model.records import DecisionRecord
from wizard.storage.record_reader import read_record

if TYPE_CHECKING:
    from pathlib import Path

    from wizard.model.bank import Bank
    from wizard.storage.store import RecordStore


def refusal(error: LifecycleError, bank: Bank, lang: str) -> str:
    """The lifecycle's reason for refusing a step, as the command line gives it, written as a
    sentence with the levels in words; where a key on this screen does what is asked, its name."""
    key = KEYS.get(error.key)
    return error.text(lang, bank, sentence=True) + (f" ({key})" if key else "")


# The keys of the record screen that give what a refusal asks for.
KEYS = {"life.no_recommendation": "o", "life.reason_needed": "o"}


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

