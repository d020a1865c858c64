"""What the review views need from a records folder, read once: the records (all, or one
client's) and their feedback, with every broken file as a problem."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.model.bank import Bank
from wizard.model.clients import close_names, same_client
from wizard.model.feedback import Feedback
from wizard.model.problems import InvalidFile, Problem
from wizard.model.records import DecisionRecord
from wizard.storage import feedback as feedback_files
from wizard.storage.record_reader import read_record
from wizard.storage.store import RecordStore


@dataclass(frozen=True)
class Gathered:
    """What the review views need from a records folder, read once."""

    records: list[DecisionRecord]  # readable records (of one client, when one was asked for)
    feedback: dict[str, list[Feedback]]  # record id → its readable feedback, oldest first
    problems: list[Problem]  # broken record and feedback files, each naming its file and field
    similar: tuple[str, ...] = ()  # when the client asked for has no record: close names that do


def gather(store: RecordStore, bank: Bank, client: str | None = None) -> Gathered:
    """Read the records (all, or one client's) and their feedback; broken files become problems.

    For one client, the store's list cache picks the client's files, so only those are read in
    full: a folder of 10,000 records costs one cached listing plus a few files. The client is
    matched by `wizard.model.clients.same_client`; with no match, `similar` holds close names.
    """
    similar: tuple[str, ...] = ()
    if client is None:
        entries = store.scan(bank)
        problems = [p for e in entries for p in e.problems]
        records = [e.record for e in entries if e.record is not None]
    else:
        listed = store.summaries(bank)
        problems = [p for item in listed for p in item.problems]
        records = []
        for item in listed:
            if item.summary is not None and same_client(item.summary.client, client):
                try:
                    records.append(read_record(item.path, bank))
                except InvalidFile as error:  # changed since it was listed
                    problems += error.problems
        if not records:
            similar = tuple(close_names(client, (item.summary.client for item in listed if item.summary)))
    found = {r.id: feedback_files.load(store.root, r.id) for r in records}
    problems += feedback_files.broken(found)
    return Gathered(records, {rid: feedback_files.good(items) for rid, items in found.items() if items}, problems,
                    similar)
