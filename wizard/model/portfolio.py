"""The portfolio: one row per client, what needs attention first, and how concentrated revenue is.

Pure: built from the records' summaries (the list cache's, so 10,000 records cost no more than
`list`) and, with a ledger, each client's evidence (wizard/model/evidence.py).

A client's row stands for its newest record that is not superseded: its level (decided, else
recommended), its risk score and the change from the assessment before, its review date (and
whether it has passed). With a ledger: the share of revenue, the share of invoices paid late and
the money unpaid past its due date. Ledger clients with no assessment get a row of their own.
Clients are the same under the one name rule (wizard/model/clients.py).

Order, what needs attention first (README, docs/ledger.md):
  1. a review date that has passed;
  2. the harsher level (a client not yet assessed comes after every assessed one);
  3. a risk score that rose since the assessment before;
  4. the higher risk score;
  5. more money unpaid past its due date;
  6. the larger share of revenue;
  7. the name.

Concentration: the largest client's share of revenue and the Herfindahl-Hirschman index (each
client's share in percent, squared and summed: 10,000 for one client, 1,000 for ten equal ones),
read as "dependent" when the largest share reaches the rules' `top_share` (004: never base the
budget on one big client), else "high", "moderate" or "spread" by the index's thresholds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from wizard.model.bank import LEVELS
from wizard.model.clients import client_key, close_names
from wizard.model.lifecycle import is_overdue
from wizard.model.evidence import ClientEvidence, LateFact, OwedFact, ShareFact
from wizard.model.invoices import Money, Window
from wizard.model.ledger_rules import LedgerRules

UNMATCHED_SHOWN = 10  # ledger clients without a record for whom close names are looked for


class Assessed(Protocol):
    """What a row needs of a record (wizard.storage.index.Summary has it)."""

    id: str
    client: str
    created: object
    status: str
    score: int | None
    review_date: date | None

    @property
    def level(self) -> str | None: ...


@dataclass(frozen=True)
class ClientRow:
    client: str
    record_id: str | None = None  # the newest record that stands for the client
    level: str | None = None
    score: int | None = None
    previous_score: int | None = None  # of the assessment before it
    review_date: date | None = None
    overdue: bool = False  # the review date has passed
    assessments: int = 0
    evidence: ClientEvidence | None = None  # with a ledger

    @property
    def trend(self) -> int | None:
        """The change of the risk score since the assessment before (positive: riskier)."""
        return None if self.score is None or self.previous_score is None else self.score - self.previous_score

    @property
    def revenue_share(self) -> float | None:
        fact = self.evidence.facts["revenue_share"] if self.evidence else None
        return fact.percent if isinstance(fact, ShareFact) else None

    @property
    def late_share(self) -> float | None:
        """The share of invoices with a known outcome that were paid late, 0 to 1; None with too few
        invoices to judge (as late_payments then has no answer)."""
        fact = self.evidence.facts["late_payments"] if self.evidence else None
        return fact.tally.share if isinstance(fact, LateFact) and fact.answer is not None else None

    @property
    def owed(self) -> Money:
        """The money unpaid past its due date, by currency."""
        fact = self.evidence.facts["outstanding_receivables"] if self.evidence else None
        return fact.owed.overdue_money if isinstance(fact, OwedFact) and not fact.why else ()


@dataclass(frozen=True)
class Concentration:
    currency: str
    window: Window
    top: str  # the largest client's name
    top_share: float  # percent
    hhi: int  # 0 to 10,000
    reading: str  # dependent | high | moderate | spread


@dataclass(frozen=True)
class Portfolio:
    rows: tuple[ClientRow, ...]  # what needs attention first
    concentration: Concentration | None  # with a ledger in one currency
    currencies: tuple[str, ...] = ()  # the ledger's, when several and none was chosen: no concentration
    unmatched: tuple[tuple[str, str], ...] = ()  # a ledger client with no record, and a close record name


def portfolio(records: list[Assessed], today: date, evidence: list[ClientEvidence] | None = None,
              rules: LedgerRules | None = None) -> Portfolio:
    by_client: dict[str, list[Assessed]] = {}
    for record in records:
        by_client.setdefault(client_key(record.client), []).append(record)
    drawn = {found.key: found for found in evidence or ()}
    rows = [_row(assessed, today, drawn.get(key)) for key, assessed in by_client.items()]
    rows += [ClientRow(found.client, evidence=found) for key, found in drawn.items() if key not in by_client]
    rows.sort(key=_attention)
    names = [row.client for row in rows if row.assessments]
    unmatched = []
    for row in [row for row in rows if not row.assessments][:UNMATCHED_SHOWN]:
        close = close_names(row.client, names, limit=1)
        if close:
            unmatched.append((row.client, close[0]))
    concentration, currencies = _concentration(evidence, rules) if evidence is not None and rules else (None, ())
    return Portfolio(tuple(rows), concentration, currencies, tuple(unmatched))


def _row(assessed: list[Assessed], today: date, evidence: ClientEvidence | None) -> ClientRow:
    assessed = sorted(assessed, key=lambda record: (record.created, record.id), reverse=True)
    standing = next((record for record in assessed if record.status != "superseded"), assessed[0])
    before = assessed[assessed.index(standing) + 1:]
    previous = next((record.score for record in before if record.score is not None), None)
    return ClientRow(standing.client, standing.id, standing.level, standing.score, previous, standing.review_date,
                     is_overdue(standing, today), len(assessed), evidence)


def _attention(row: ClientRow) -> tuple:
    level = LEVELS.index(row.level) if row.level in LEVELS else -1
    trend = row.trend or 0
    owed = sum(amount for _, amount in row.owed)
    return (not row.overdue, -level, trend <= 0, -(row.score if row.score is not None else -1), -owed,
            -(row.revenue_share or 0.0), client_key(row.client))


def _concentration(evidence: list[ClientEvidence],
                   rules: LedgerRules) -> tuple[Concentration | None, tuple[str, ...]]:
    facts = [(found.client, found.facts["revenue_share"]) for found in evidence]
    shares = [(fact.percent, client) for client, fact in facts if isinstance(fact, ShareFact) and fact.percent]
    several = next((fact.currencies for _, fact in facts if isinstance(fact, ShareFact) and fact.currencies), ())
    if several or not shares:
        return None, several
    top_share, top = max(shares, key=lambda item: (item[0], item[1]))
    hhi = round(sum(share * share for share, _ in shares))
    if top_share >= rules.top_share:
        reading = "dependent"
    elif hhi >= rules.hhi_high:
        reading = "high"
    elif hhi >= rules.hhi_moderate:
        reading = "moderate"
    else:
        reading = "spread"
    fact = facts[0][1]
    return Concentration(fact.currency, fact.window, top, top_share, hhi, reading), ()
