"""The portfolio: one row per client, attention first, and the concentration of revenue."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.model.clients import client_key
from wizard.storage.index import Summary
from wizard.model.evidence import derive
from wizard.model.invoices import Ledger, Window
from wizard.model.portfolio import portfolio
from wizard.storage.ledger import load_rules

RULES = load_rules()
TODAY = date(2026, 11, 30)
WINDOW = Window(date(2025, 12, 1), date(2026, 11, 30))
CET = timezone(timedelta(hours=1))


def summary(client: str, days_ago: int, score: int | None = 40, level: str = "revise_terms", status: str = "draft",
            review: date | None = None, decided: str | None = None, record_id: str | None = None) -> Summary:
    created = datetime(2026, 11, 30, 9, tzinfo=CET) - timedelta(days=days_ago)
    return Summary(record_id or f"{abs(hash((client, days_ago))) % 16**8:08x}", client, "Anna", created, status,
                   level, decided, score, review or TODAY + timedelta(days=30))


def evidence(shares: dict[str, float], currencies: dict[str, str] | None = None):
    """Each client's evidence from one invoice of `shares[name]` (in PLN, unless `currencies` says)."""
    invoices = [(client_key(name), date(2026, 3, 1), date(2026, 3, 15), date(2026, 3, 15), value, value, None,
                 (currencies or {}).get(name, "PLN"), 2) for name, value in shares.items()]
    ledger = Ledger("l.csv", "l.csv", invoices, {client_key(name): name for name in shares})
    return derive(ledger, RULES, WINDOW)


def test_a_client_is_its_newest_standing_record_with_the_change_since_the_one_before():
    rows = portfolio([summary("Acme", 100, score=30, level="monitor"), summary("ACME ", 10, score=55),
                      summary("acme", 5, score=70, level="end_now", status="superseded")], TODAY).rows
    (row,) = rows
    assert (row.level, row.score, row.previous_score, row.trend, row.assessments) == ("revise_terms", 55, 30, 25, 3)


def test_the_decided_level_stands_before_the_recommended_one():
    (row,) = portfolio([summary("Acme", 3, level="end_now", decided="monitor")], TODAY).rows
    assert row.level == "monitor"


def test_attention_first_overdue_then_harsher_then_rising_then_higher_then_owed_then_revenue():
    records = [
        summary("Calm", 5, score=10, level="continue"),
        summary("Overdue", 100, score=15, level="monitor", review=TODAY - timedelta(days=1)),
        summary("Harsh", 5, score=65, level="prepare_exit"),
        summary("Rising", 50, score=20, level="revise_terms"), summary("Rising", 5, score=45, level="revise_terms"),
        summary("Higher", 5, score=48, level="revise_terms"),
        summary("Lower", 5, score=41, level="revise_terms"),
    ]
    found = portfolio(records, TODAY, evidence({"Calm": 100.0, "Unassessed": 900.0}), RULES)
    assert [row.client for row in found.rows] == ["Overdue", "Harsh", "Rising", "Higher", "Lower", "Calm",
                                                  "Unassessed"]
    assert found.rows[0].overdue and not found.rows[-1].assessments


@pytest.mark.parametrize(("shares", "top", "hhi", "reading"), [
    ({"A": 100}, 100, 10_000, "dependent"),
    ({"A": 30, "B": 70}, 70, 5_800, "dependent"),
    ({"A": 29, "B": 29, "C": 28, "D": 14}, 29, 2_662, "high"),  # nobody at 30%, but few clients
    ({name: 10 for name in "ABCDEFGHIJ"}, 10, 1_000, "spread"),
    ({**{name: 6 for name in "ABCDEFGHIJ"}, "K": 20, "L": 20}, 20, 1_160, "spread"),
    ({**{name: 5 for name in "ABCDEFGH"}, "I": 20, "J": 20, "K": 20}, 20, 1_400, "spread"),
    ({**{name: 4 for name in "ABCDE"}, "F": 25, "G": 25, "H": 15, "I": 15}, 25, 1_780, "moderate"),
])
def test_concentration_reads_the_top_share_and_the_herfindahl_index(shares, top, hhi, reading):
    found = portfolio([], TODAY, evidence({k: float(v) for k, v in shares.items()}), RULES).concentration
    assert (round(found.top_share), found.hhi, found.reading) == (top, hhi, reading)


def test_several_currencies_give_no_concentration_and_say_which():
    found = portfolio([], TODAY, evidence({"A": 100.0, "B": 50.0}, {"B": "EUR"}), RULES)
    assert found.concentration is None and found.currencies == ("EUR", "PLN")
    assert all(row.revenue_share is None for row in found.rows)


def test_a_ledger_client_with_a_close_record_name_is_pointed_out():
    found = portfolio([summary("Kowalski Meble Sp. z o.o.", 5)], TODAY, evidence({"Kowalski Meble": 10.0}), RULES)
    assert found.unmatched == (("Kowalski Meble", "Kowalski Meble Sp. z o.o."),)
    assert [row.assessments for row in found.rows] == [1, 0]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "c", "d"]), st.integers(0, 400), st.integers(0, 100),
                          st.sampled_from(["continue", "monitor", "revise_terms", "prepare_exit", "end_now"])),
                max_size=12))
def test_every_client_has_one_row_and_an_overdue_one_is_never_below_one_that_is_not(items):
    records = [summary(client, days, score=score, level=level, review=TODAY + timedelta(days=days - 200))
               for client, days, score, level in items]
    rows = portfolio(records, TODAY).rows
    assert sorted(row.client.casefold() for row in rows) == sorted({client.casefold() for client, *_ in items})
    flags = [row.overdue for row in rows]
    assert flags == sorted(flags, reverse=True)
    levels = [row.level for row in rows if row.overdue], [row.level for row in rows if not row.overdue]
    order = ["end_now", "prepare_exit", "revise_terms", "monitor", "continue"]
    for group in levels:
        assert [order.index(level) for level in group] == sorted(order.index(level) for level in group)
