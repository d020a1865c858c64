"""Answers drawn from an invoice ledger, with the facts behind them (docs/ledger.md).

Pure: the invoices come in already read (wizard/storage/ledger.py), the rules as data
(questions/ledger.toml, wizard/model/ledger_rules.py), and the wording of the facts is done
by wizard/render/evidence.py. Five questions can be answered from a ledger:

- late_payments: the share of invoices paid late, mapped to the 0–4 scale by the anchors of
  its help text;
- late_payments_trend: the share of late invoices in the last half of the window against the
  first (a client never late is "stable");
- revenue_share: the client's invoiced value out of all clients', in one currency;
- orders_trend: the client's invoiced value, the last half against the first;
- outstanding_receivables: anything unpaid past its due date (or at all, as the rules say).

Everything is counted as of the window's last day: a payment dated later is not yet made.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import compress
from typing import Union

from wizard.model.invoices import ClientCount, Ledger, Owed, Tally, Window, add_months, count_invoices, where_issued
from wizard.model.ledger_rules import LedgerRules

QUESTIONS = ("late_payments", "late_payments_trend", "revenue_share", "orders_trend", "outstanding_receivables")
EPSILON = 1e-9  # shares and changes are compared with this much slack, so 0.35 - 0.2 reaches 0.15


# ---------------------------------------------------------------------------------------------
# Facts


@dataclass(frozen=True)
class LateFact:
    answer: int | None
    tally: Tally
    needed: int  # the fewest known invoices that give an answer
    why: str = ""  # no_column: the ledger has no due date or payment date


@dataclass(frozen=True)
class LateTrendFact:
    answer: str | None
    window: Window
    first: Tally
    second: Tally
    needed: int
    why: str = ""


@dataclass(frozen=True)
class ShareFact:
    answer: int | None
    window: Window
    value: float  # the client's invoiced value in `currency`
    total: float  # every client's
    currency: str
    currencies: tuple[str, ...]  # of the window's invoices, when they are several and none was chosen
    net: bool  # values are net amounts

    @property
    def percent(self) -> float | None:
        return max(0.0, self.value) * 100 / self.total if self.total > 0 and not self.currencies else None


@dataclass(frozen=True)
class OrdersFact:
    answer: str | None
    window: Window
    first: float
    second: float
    currency: str
    currencies: tuple[str, ...]  # the client's, when several and none was chosen

    @property
    def change(self) -> float | None:
        return round((self.second - self.first) / self.first, 9) if self.first > 0 else None


@dataclass(frozen=True)
class OwedFact:
    answer: bool | None
    owed: Owed
    counts: str  # overdue | unpaid
    why: str = ""


Fact = Union[LateFact, LateTrendFact, ShareFact, OrdersFact, OwedFact]


@dataclass(frozen=True)
class ClientEvidence:
    """One client's derived answers, each with its fact (question id → fact, in QUESTIONS order)."""

    client: str
    key: str
    facts: dict[str, Fact]
    left_out: int = 0  # rows of this client that could not be read

    @property
    def answers(self) -> dict:
        return {question: fact.answer for question, fact in self.facts.items() if fact.answer is not None}


# ---------------------------------------------------------------------------------------------
# Deriving


def derive(ledger: Ledger, rules: LedgerRules, window: Window, currency: str | None = None) -> list[ClientEvidence]:
    """The evidence of every client with an invoice in the window or money still owed, by name."""
    # Counting makes thousands of lists and no cycle: the cycle collector would walk the ledger's
    # columns (and the lists as they grow) again and again meanwhile, for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _derive(ledger, rules, window, currency)
    finally:
        if collecting:
            gc.enable()


def _derive(ledger: Ledger, rules: LedgerRules, window: Window, currency: str | None) -> list[ClientEvidence]:
    scans = _scan(ledger, window, rules)
    scans = [scan for scan in scans if scan.revenue or scan.counted or scan.owed.overdue or scan.owed.pending]
    # A client credited more than invoiced brought no revenue: it never lowers the others' total.
    totals: dict[str, float] = {}
    for scan in scans:
        for money, value in scan.revenue.items():
            totals[money] = totals.get(money, 0.0) + max(0.0, value)
    chosen, several = _currency(totals, currency)
    found = [_facts(ledger, rules, window, scan, totals.get(chosen, 0.0), chosen, several, currency) for scan in scans]
    return sorted(found, key=lambda e: (e.key, e.client))


def _currency(totals: dict[str, float], chosen: str | None) -> tuple[str, tuple[str, ...]]:
    """The currency shares are counted in, and the currencies when they are several and none was chosen."""
    if chosen is not None:
        return chosen, ()
    names = sorted(totals)
    if len(names) == 1:
        return names[0], ()
    return "", tuple(names)


@dataclass
class _Scan:
    """What one pass over a client's invoices finds (see `_scan`)."""

    key: str
    whole: Tally  # over the window
    trend: Window  # the window, or its last months for a client with less history (see `trend_window`)
    halves: tuple[Tally, Tally]  # over the halves of `trend`
    revenue: dict[str, float]  # currency → value invoiced in the window
    sums: tuple[dict[str, float], dict[str, float]]  # per half of `trend`: currency → value invoiced
    owed: Owed
    counted: bool  # any invoice in the window


def trend_window(window: Window, first_issued: date, rules: LedgerRules) -> Window:
    """The days a client's trends compare: the window, or for a client whose first invoice came
    after the window began (less history than it), the last `short_history_months` (the help
    texts: "with less than a year of history, compare the last 3 months with the 3 before")."""
    if first_issued <= window.since:
        return window
    short = add_months(window.until, -rules.short_history_months) + timedelta(days=1)
    return Window(max(short, window.since), window.until)


def _scan(ledger: Ledger, window: Window, rules: LedgerRules) -> list[_Scan]:
    """Every client's scan, by key (the invoices counted by `count_invoices`)."""
    keys, issued, *_, currencies, _ = columns = ledger.invoices.columns
    since = window.since
    # A client's trend window depends only on whether its first invoice came after the window
    # began (`trend_window`): the clients with an invoice that early have the window, the others
    # all the same short one.
    days = set(issued)
    clients, early = set(keys), set(compress(keys, map({day for day in days if day <= since}.__contains__, issued)))
    trends = {True: window} if early >= clients else {True: window, False: trend_window(window, date.max, rules)}
    places = {kind: where_issued(window, trend, days) for kind, trend in trends.items()}
    counts = {key: ClientCount(trends[key in early], places[key in early]) for key in clients}
    count_invoices(columns, counts, window.until, rules.grace_days)
    own = _currencies(clients, keys, currencies)
    mixed = _mixed_sums(columns, window, counts, {key for key, names in own.items() if len(names) > 1})
    return [_scan_of(key, counts[key], own[key], mixed.get(key), rules.grace_days) for key in sorted(counts)]


def _scan_of(key: str, count: ClientCount, currencies: set[str], mixed: tuple | None, grace: int) -> _Scan:
    """A client's scan from its count. Its values are summed as gathered when it has one
    currency, else `mixed` has them by currency (see `_mixed_sums`)."""
    first, last, whole = count.tallies(grace)
    values, halves = count.values, count.halves
    if mixed is None:
        (only,) = currencies
        revenue, sums = ({only: sum(values)} if values else {}), tuple({only: sum(found)} if found else {}
                                                                       for found in halves)
    else:
        revenue, sums = mixed
    return _Scan(key, whole, count.trend, (first, last), revenue, sums, count.owed_now(), bool(values))


def _currencies(clients: set[str], keys: list[str], currencies: list[str]) -> dict[str, set[str]]:
    """Each client's currencies."""
    every = set(currencies)
    if len(every) <= 1:
        return dict.fromkeys(clients, every)
    found: dict[str, set[str]] = {}
    for key, currency in zip(keys, currencies):
        found.setdefault(key, set()).add(currency)
    return found


def _mixed_sums(columns: list[list], window: Window, counts: dict[str, ClientCount], mixed: set[str]) -> dict:
    """For each client in `mixed` (invoiced in several currencies): currency → the value invoiced,
    in the window and in each half of its trend's window, invoice by invoice."""
    found: dict[str, tuple] = {key: ({}, ({}, {})) for key in mixed}
    if not found:
        return found
    for key, issued, _, _, _, value, _, currency, _ in zip(*columns):
        if key in found and window.since <= issued <= window.until:
            revenue, sums = found[key]
            revenue[currency] = revenue.get(currency, 0.0) + value
            half = counts[key].places[issued]
            if half < 2:  # the first or the last half (see `where_issued`)
                sums[half][currency] = sums[half].get(currency, 0.0) + value
    return found


def _facts(ledger: Ledger, rules: LedgerRules, window: Window, scan: _Scan, total: float, currency: str,
           several: tuple[str, ...], chosen: str | None) -> ClientEvidence:
    first, second = scan.halves
    whole = scan.whole
    no_column = "no_column" if ledger.missing else ""
    # Orders are compared in the client's own currency; a share of revenue needs everyone's in one.
    mine = sorted(money for money, value in scan.revenue.items())
    own = chosen if chosen is not None else (mine[0] if len(mine) == 1 else "")
    mixed = tuple(mine) if chosen is None and len(mine) > 1 else ()
    early, late = (values.get(own, 0.0) for values in scan.sums)
    facts: dict[str, Fact] = {
        "late_payments": LateFact(None if no_column else late_answer(whole, rules), whole, rules.min_invoices,
                                  no_column),
        "late_payments_trend": LateTrendFact(None if no_column else late_trend(first, second, rules), scan.trend,
                                             first, second, rules.min_invoices_per_half, no_column),
        "revenue_share": _share(window, scan.revenue.get(currency, 0.0), total, currency, several, ledger.net),
        "orders_trend": OrdersFact(None if mixed else orders_trend(early, late, rules), scan.trend, early, late,
                                   own, mixed),
        "outstanding_receivables": OwedFact(None if no_column else owes(scan.owed, rules.counts), scan.owed,
                                            rules.counts, no_column),
    }
    return ClientEvidence(ledger.clients.get(scan.key, scan.key), scan.key, facts, ledger.left_out.get(scan.key, 0))


def _share(window: Window, value: float, total: float, currency: str, several: tuple[str, ...],
           net: bool) -> ShareFact:
    fact = ShareFact(None, window, value, total, currency, several, net)
    return fact if fact.percent is None else replace(fact, answer=min(100, round(fact.percent)))


# ---------------------------------------------------------------------------------------------
# The rules (questions/ledger.toml)


def late_answer(tally: Tally, rules: LedgerRules) -> int | None:
    """The 0–4 answer to late_payments, or None with too few invoices to judge."""
    if tally.known < rules.min_invoices:
        return None
    if not tally.late:
        return 0
    share = tally.share + EPSILON
    answer = 1 + sum(share >= step for step in rules.share_at_least)
    floor = max([2 + index for index, days in enumerate(rules.days_late_over) if tally.longest > days], default=1)
    return max(answer, floor)


def late_trend(first: Tally, second: Tally, rules: LedgerRules) -> str | None:
    """improving / stable / worsening, or None with too few invoices in either half."""
    if min(first.known, second.known) < rules.min_invoices_per_half:
        return None
    if not first.late and not second.late:
        return "stable"  # never late: nothing can be getting worse
    change = second.share - first.share
    if change >= rules.share_change - EPSILON:
        return "worsening"
    if change <= -rules.share_change + EPSILON:
        return "improving"
    if first.late and second.late:
        delay = second.median - first.median
        if delay >= rules.delay_change_days:
            return "worsening"
        if delay <= -rules.delay_change_days:
            return "improving"
    return "stable"


def orders_trend(first: float, second: float, rules: LedgerRules) -> str | None:
    """growing / stable / declining / sharply_declining, or None with nothing in the first half."""
    if first <= 0:
        return None
    change = round((second - first) / first, 9)
    if change < rules.sharply_declining_below:
        return "sharply_declining"
    if change < rules.declining_below:
        return "declining"
    if change > rules.growing_above:
        return "growing"
    return "stable"


def owes(owed: Owed, counts: str) -> bool:
    return bool(owed.overdue or (counts == "unpaid" and owed.pending))


@dataclass(frozen=True)
class Drawn:
    """A ledger read and every client's answers drawn from it."""

    ledger: Ledger
    rules: LedgerRules
    window: Window
    clients: list[ClientEvidence]

    def find(self, client: str) -> ClientEvidence | None:
        from wizard.model.clients import same_client

        return next((found for found in self.clients if same_client(found.client, client)), None)

    def similar(self, client: str) -> list[str]:
        from wizard.model.clients import close_names

        return close_names(client, [found.client for found in self.clients])
