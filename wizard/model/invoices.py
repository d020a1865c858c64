"""Invoices as a ledger holds them, the window of days they are counted over, and their tallies.

Pure data: read by wizard/storage/ledger.py; counted here, client by client, for
wizard/model/evidence.py, which draws the answers.
"""

from __future__ import annotations

import operator
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import repeat
from typing import NamedTuple

from wizard.model.ledger_rules import LedgerRules

CENT = 0.005  # amounts closer than this are equal (a payment "in full")


class Invoice(NamedTuple):
    """One row of a ledger. `key` is the client's name under the one name rule (wizard/model/clients.py).

    A ledger keeps its invoices as columns (`Invoices`), and gives a row as a plain tuple in this
    layout (making 100,000 named tuples takes longer than reading the file): `Invoice(*row)`
    names the fields where that helps."""

    key: str
    issued: date
    due: date
    paid_on: date | None  # None: not paid (or the payment's date is not known, see `paid`)
    amount: float  # what the client is to pay (gross when the ledger has it); below zero: a credit note
    value: float  # what counts as revenue: the net amount when the ledger has one, else `amount`
    paid: float | None  # the amount paid, when the ledger gives it; None: all of it once paid_on is set
    currency: str  # "" when the ledger names none
    row: int  # the row in the file, the header being row 1


class Invoices(Sequence):
    """A ledger's invoices, kept as columns: a list for each field of `Invoice`, in the order read.
    Reading a big ledger fills the columns a chunk at a time, and counting goes through them in
    step; a row is made as a tuple only when asked for (making one tuple per invoice would take
    a good part of the time reading takes)."""

    __slots__ = ("columns",)

    def __init__(self, rows: Iterable[tuple] = ()) -> None:
        self.columns: list[list] = [list(column) for column in zip(*rows)] or [[] for _ in Invoice._fields]

    def __len__(self) -> int:
        return len(self.columns[0])

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(zip(*(column[index] for column in self.columns)))
        return tuple(column[index] for column in self.columns)

    def __iter__(self) -> Iterator[tuple]:
        return zip(*self.columns)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Invoices, list, tuple)):
            return len(self) == len(other) and all(map(operator.eq, self, other))
        return NotImplemented

    def __repr__(self) -> str:
        return f"Invoices({list(self)!r})"

    def append(self, row: tuple) -> None:
        for column, value in zip(self.columns, row, strict=True):
            column.append(value)

    def extend_columns(self, columns: list[Iterable]) -> None:
        """Rows given as columns, one iterable for each field."""
        for column, values in zip(self.columns, columns, strict=True):
            column.extend(values)


@dataclass
class Ledger:
    """A ledger as read: its invoices, and what could not be read of it."""

    file: str  # as the user named it, for messages
    name: str  # the file's name alone, kept in records
    invoices: Invoices  # in the order read (a row read carefully may come later); a list of rows becomes one
    clients: dict[str, str]  # client key → the name as first written in the ledger
    rows: int = 0  # data rows in the file
    left_out: dict[str, int] = field(default_factory=dict)  # client key ("" when unreadable) → rows left out
    missing: tuple[str, ...] = ()  # the optional columns it lacks: due, paid
    net: bool = False  # values are net amounts (the ledger has a net column)
    problems: list = field(default_factory=list)  # wizard.model.problems.Problem: what could not be read
    dialect: tuple[str, str, str] = ("", "", "")  # how it was read: encoding, delimiter, decimal mark
    newest: date | None = None  # the newest issue or payment date in it

    def __post_init__(self) -> None:
        if not isinstance(self.invoices, Invoices):
            self.invoices = Invoices(self.invoices)

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


# ---------------------------------------------------------------------------------------------
# Counting each client's invoices (for wizard/model/evidence.py)

FIRST, LAST, NEITHER, BEFORE, AFTER = range(5)  # where an invoice was issued (see `where_issued`)


def where_issued(window: Window, trend: Window, days: set[date]) -> dict[date, int]:
    """Issue date → where it is: in the FIRST or LAST half of the trend's window, in the window
    but in NEITHER half, BEFORE the window or AFTER it."""
    def place(day: date) -> int:
        if day > window.until:
            return AFTER
        if day < window.since:
            return BEFORE
        return (LAST if day >= trend.mid else FIRST) if day >= trend.since else NEITHER

    return {day: place(day) for day in days}


def count_invoices(columns: list[list], counts: dict[str, ClientCount], until: date, grace: int) -> None:
    """Each invoice (a row of `Invoices.columns`) counted for its client: how it was paid as of
    the window's end (`until`), what is owed, and the values invoiced, in the window and in each
    half of the trend's window. The invoices are counted in the order read, their columns in
    step: going through them client by client would take twice as long on a big ledger, as a
    client's invoices lie all over memory. This is the hot path of `evidence`: an invoice paid in
    full on a known date (most of them) costs a subtraction and a few appends."""
    keys, issue_dates, due_dates, payment_dates, amounts, values, paid_amounts, currencies, _ = columns
    if paid_amounts.count(None) == len(paid_amounts):
        paid_amounts = repeat(None)  # no partial payments (the usual ledger): quicker to go through
    rows = zip(keys, issue_dates, due_dates, payment_dates, amounts, values, paid_amounts, currencies)
    for key, issued, due, paid_on, amount, value, paid, currency in rows:
        count = counts[key]
        where = count.places[issued]
        if where < BEFORE:  # in the window
            count.values.append(value)
            if where < NEITHER:
                count.halves[where].append(value)
        elif where == AFTER:
            continue
        if amount <= 0.0:
            continue  # a credit note is not paid by the client
        if paid is None and paid_on is not None and paid_on <= until:  # paid in full, by the window's end
            if where < BEFORE:
                count.outcomes[where].append((paid_on - due).days)
        else:
            count.unsettled(due, paid_on, amount, paid, currency, where, until, grace)


class ClientCount:
    """One client's invoices, as `count_invoices` counts them."""

    __slots__ = ("trend", "places", "values", "halves", "outcomes", "waiting", "owed", "oldest")

    def __init__(self, trend: Window, places: dict[date, int]) -> None:
        self.trend, self.places = trend, places  # issue date → where it is (see `where_issued`)
        self.values: list[float] = []  # the values invoiced in the window, in the order read
        self.halves: tuple[list[float], list[float]] = ([], [])  # ... in each half of the trend's window
        # Of the window's invoices, by where they were issued (FIRST, LAST, NEITHER):
        self.outcomes: tuple[list[int], ...] = ([], [], [])  # days after due, when the outcome is known
        self.waiting = [[0, 0], [0, 0], [0, 0]]  # unpaid and not yet late; paid on a date not given
        self.owed: dict[bool, dict[str, list[float]]] = {True: {}, False: {}}  # overdue? → currency → amounts
        self.oldest: date | None = None

    def unsettled(self, due: date, paid_on: date | None, amount: float, paid: float | None, currency: str,
                  where: int, until: date, grace: int) -> None:
        """An invoice not simply paid in full by the window's end: in part, later, on a date not
        given, or not at all. What is owed counts wherever it was issued; the outcome, in the window."""
        if paid_on is not None and paid_on > until:
            paid_on, left = None, amount  # paid after the window: not yet, as of its end
        else:
            left = amount - paid if paid is not None else 0.0 if paid_on is not None else amount
        if left > CENT:
            overdue = due < until
            self.owed[overdue].setdefault(currency, []).append(left)
            if overdue and (self.oldest is None or due < self.oldest):
                self.oldest = due
        if where >= BEFORE:
            return
        if left <= CENT:
            if paid_on is None:
                self.waiting[where][1] += 1  # paid, on a date the ledger does not give
            else:
                self.outcomes[where].append((paid_on - due).days)
        elif (until - due).days <= grace:
            self.waiting[where][0] += 1  # not due yet, or within the grace days: it may yet be paid on time
        else:
            self.outcomes[where].append((until - due).days)

    def tallies(self, grace: int) -> tuple[Tally, Tally, Tally]:
        """How the invoices of the first half, the last half and the whole window were paid."""
        first, last, neither = self.outcomes
        whole = [sum(counts) for counts in zip(*self.waiting)]
        return (_tally(first, self.waiting[FIRST], grace), _tally(last, self.waiting[LAST], grace),
                _tally(first + last + neither, whole, grace))

    def owed_now(self) -> Owed:
        """What is owed at the window's end: overdue, and not yet due."""
        owed = self.owed
        money = {overdue: tuple((currency, sum(amounts)) for currency, amounts in sorted(owed[overdue].items()))
                 for overdue in (True, False)}
        count = {overdue: sum(len(amounts) for amounts in owed[overdue].values()) for overdue in (True, False)}
        return Owed(count[True], money[True], self.oldest, count[False], money[False])


def _tally(days: list[int], waiting: list[int], grace: int) -> Tally:
    days.sort()
    late = days[bisect_right(days, grace):]
    return Tally(len(days), len(late), tuple(late), *waiting)
