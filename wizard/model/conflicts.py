"""Conflicting decisions: records of one client that both stand accepted at different levels.

Pure and cheap (only the client-name rule): `list` uses it on the list cache's summaries, the
team view and the history on whole records.
"""

from __future__ import annotations

from wizard.model.clients import client_key


def accepted_conflict(records) -> tuple:
    """The records of one client that stand accepted at different levels (empty when they agree).
    Works on records and on list summaries alike (status, level, superseded)."""
    accepted = [r for r in records if r.status == "accepted" and not getattr(r, "superseded_by", ())]
    if len({r.level for r in accepted}) < 2:
        return ()
    return tuple(sorted(accepted, key=lambda r: (r.created, r.id)))  # oldest first, wherever listed


def conflicting_clients(summaries) -> dict[str, tuple]:
    """Client key → its conflicting accepted records, for every client that has such a conflict."""
    by_client: dict[str, list] = {}
    for summary in summaries:
        by_client.setdefault(client_key(summary.client), []).append(summary)
    found = {key: accepted_conflict(items) for key, items in by_client.items()}
    return {key: items for key, items in found.items() if items}
