"""Invoices as a ledger holds them, the window of days they are counted over, and their tallies.

Pure data: read by wizard/storage/ledger.py, counted by wizard/model/evidence.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from wizard.model.ledger_rules import LedgerRules

CENT = 0.005  # amounts closer than this are equal (a payment "in full")


class Invoice(NamedTuple):
    """One row of a ledger. `key` is the client's name under the one name rule (wizard/model/clients.py).

    The reader keeps plain tuples in this layout (making 100,000 named tuples takes longer than
    reading the file), and everything here unpacks them by position: `Invoice(*row)` names the
    fields where that helps."""

    key: str
    issued: date
    due: date
    paid_on: date | None  # None: not paid (or the payment's date is not known, see `paid`)
    amount: float  # what the client is to pay (gross when the ledger has it); below zero: a credit note
    value: float  # what counts as revenue: the net amount when the ledger has one, else `amount`
    paid: float | None  # the amount paid, when the ledger gives it; None: all of it once paid_on is set
    currency: str  # "" when the ledger names none
    row: int  # the row in the file, the header being row 1


@dataclass
class Ledger:
    """A ledger as read: its invoices, and what could not be read of it."""

    file: str  # as the user named it, for messages
    name: str  # the file's name alone, kept in records
    invoices: list[tuple]  # Invoice's fields, in the order read (a row read carefully may come later)
    clients: dict[str, str]  # client key → the name as first written in the ledger
    rows: int = 0  # data rows in the file
    left_out: dict[str, int] = field(default_factory=dict)  # client key ("" when unreadable) → rows left out
    missing: tuple[str, ...] = ()  # the optional columns it lacks: due, paid
    net: bool = False  # values are net amounts (the ledger has a net column)
    problems: list = field(default_factory=list)  # wizard.model.problems.Problem: what could not be read
    dialect: tuple[str, str, str] = ("", "", "")  # how it was read: encoding, delimiter, decimal mark
    newest: date | None = None  # the newest issue or payment date in it

    @property
    def left_out_total(self) -> int:
        return sum(self.left_out.values())


@dataclass(frozen=True)
class Window:
    """The days counted, both ends included; `mid` is the first day of the last half."""

    since: date
    until: date

    @property
    def mid(self) -> date:
        return self.since + timedelta(days=((self.until - self.since).days + 1) // 2)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (earlier when negative), the month's last day when it has fewer."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def default_window(ledger: Ledger, rules: LedgerRules, today: date, since: date | None = None,
                   until: date | None = None) -> Window:
    """`until` defaults to the ledger's newest entry (never after today), so an export gives the
    same answers whenever it is read; `since` to the rules' number of months before it."""
    if until is None:
        until = min(ledger.newest, today) if ledger.newest else today
    if since is None:
        since = add_months(until, -rules.months) + timedelta(days=1)
    return Window(since, until)


class Tally(NamedTuple):
    """How some invoices were paid: `known` have a known outcome (paid, or unpaid past due)."""

    known: int = 0
    late: int = 0
    delays: tuple[int, ...] = ()  # days late of the late ones, shortest first
    pending: int = 0  # unpaid and not yet due: the outcome is not known yet
    undated: int = 0  # paid, on a date the ledger does not give

    @property
    def share(self) -> float:
        return self.late / self.known if self.known else 0.0

    @property
    def median(self) -> int:
        delays = self.delays
        if not delays:
            return 0
        middle = len(delays) // 2
        return delays[middle] if len(delays) % 2 else round((delays[middle - 1] + delays[middle]) / 2)

    @property
    def longest(self) -> int:
        return self.delays[-1] if self.delays else 0


Money = tuple[tuple[str, float], ...]  # (currency, amount), by currency


class Owed(NamedTuple):
    overdue: int  # invoices unpaid (in part or whole) past their due date
    overdue_money: Money
    oldest_due: date | None
    pending: int  # unpaid, not yet due
    pending_money: Money
