"""A teammate's feedback on a record, and each person's current stance (the files are
wizard/storage/feedback.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wizard.model.clients import client_key


STANCES = ("agree", "disagree", "abstain")


@dataclass(frozen=True)
class Feedback:
    record: str  # the id of the record it is about
    by: str
    stance: str
    created: datetime
    comment: str = ""


def current(feedback: list[Feedback]) -> list[Feedback]:
    """Each person's latest stance (names compared like client names), oldest first.

    Given in the same instant (old files are stamped to the second), the later one in the list
    wins: `load` lists such files in the order of their names."""
    latest: dict[str, Feedback] = {}
    for item in sorted(feedback, key=lambda f: f.created):  # stable: ties keep the order given
        latest[client_key(item.by)] = item
    return sorted(latest.values(), key=lambda f: f.created)


def tally(feedback: list[Feedback]) -> dict[str, int]:
    """How many people currently agree, disagree and abstain."""
    counts = dict.fromkeys(STANCES, 0)
    for item in current(feedback):
        counts[item.stance] += 1
    return counts
