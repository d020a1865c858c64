"""Due reviews as an iCalendar file (RFC 5545) that any calendar imports: one all-day event per
review, with a stable UID so that importing a newer file updates the events instead of doubling
them. Written with the `icalendar` library (folding, escaping and CRLF line ends are its job)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from wizard.i18n import t

PRODID = "-//client-exit-wizard//due reviews//EN"


def review_calendar(reviews, level_label, lang: str, stamp: datetime | None = None) -> bytes:
    """The calendar of `reviews` (model/due.py), texts in `lang`; `level_label(level)` names a level."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", t("due.ics.name", lang))
    stamp = (stamp or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    for review in reviews:
        record = review.record
        event = Event()
        event.add("uid", f"{record.id}-review@client-exit-wizard")
        event.add("dtstamp", stamp)
        event.add("dtstart", record.review_date)
        event.add("dtend", record.review_date + timedelta(days=1))
        event.add("summary", t("due.ics.summary", lang, client=record.client))
        level = level_label(record.level) if record.level else "—"
        event.add("description", t("due.ics.description", lang, client=record.client, level=level,
                                   assessor=record.assessor or "?", status=t(f"status.{record.status}", lang),
                                   id=record.id))
        event.add("categories", [t("due.ics.category", lang)])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
