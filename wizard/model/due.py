"""Which reviews are due: the review date of each client's newest standing record.

A record stands unless it is superseded or rejected (as `lifecycle.is_overdue` says). A newer
assessment of the same client is itself the review of the older ones, so each client has one
review date: that of its newest standing record. A review is overdue once its date has passed,
due on the day itself, and upcoming within the window asked for. Pure: works on the list
summaries (`wizard.storage.index.Summary`) or on whole records alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from wizard.model.clients import client_key

STANDING_OUT = ("superseded", "rejected")
WINDOW_DAYS = 30  # upcoming reviews listed by default


@dataclass(frozen=True)
class DueReview:
    record: object  # a Summary or a DecisionRecord: id, client, assessor, level, status, review_date
    path: object  # where the record is, when known
    days: int  # days from today to the review date: negative when overdue

    @property
    def overdue(self) -> bool:
        return self.days < 0


def due_reviews(listed, today: date, within: int = WINDOW_DAYS) -> list[DueReview]:
    """The reviews overdue or due within `within` days, soonest (most overdue) first.
    `listed` holds (path, record-or-summary) pairs."""
    newest: dict[str, tuple] = {}
    for path, record in listed:
        if record is None or record.status in STANDING_OUT:
            continue
        key = client_key(record.client)
        if key not in newest or (record.created, record.id) > (newest[key][1].created, newest[key][1].id):
            newest[key] = (path, record)
    found = [DueReview(record, path, (record.review_date - today).days)
             for path, record in newest.values() if record.review_date is not None]
    limit = today + timedelta(days=within)
    return sorted((d for d in found if d.record.review_date <= limit),
                  key=lambda d: (d.record.review_date, client_key(d.record.client), d.record.id))
