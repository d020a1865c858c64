"""Answers drawn from an invoice ledger: each rule of questions/ledger.toml at its edges."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.model.clients import client_key
from wizard.model.evidence import derive, late_answer, late_trend, orders_trend, owes
from wizard.model.invoices import Invoice, Ledger, Tally, Window, add_months, default_window
from wizard.render.evidence import evidence_json, evidence_texts
from wizard.storage.ledger import load_rules

RULES = load_rules()
WINDOW = Window(date(2025, 12, 1), date(2026, 11, 30))  # halves: to 31.05.2026, from 01.06.2026


def invoice(client="Acme", issued=date(2026, 1, 10), due=None, paid_on=None, amount=1000.0, value=None,
            paid=None, currency="PLN", row=2) -> Invoice:
    due = due or issued + timedelta(days=14)
    return Invoice(client_key(client), issued, due, paid_on, amount, amount if value is None else value, paid,
                   currency, row)


def ledger(*invoices: Invoice, **fields) -> Ledger:
    return Ledger("l.csv", "l.csv", list(invoices), {i.key: i.key.title() for i in invoices}, **fields)


def one(*invoices: Invoice, window: Window = WINDOW, **fields):
    (found,) = [e for e in derive(ledger(*invoices, **fields), RULES, window) if e.key == "acme"]
    return found


def tally(known: int, late: int, delays=None) -> Tally:
    return Tally(known, late, tuple(delays if delays is not None else [5] * late))


# ---------------------------------------------------------------------------------------------
# late_payments: the share of late invoices on the 0–4 scale of the help text's anchors


@pytest.mark.parametrize(("known", "late", "longest", "expected"), [
    (2, 2, 5, None),  # too few to judge (3 needed)
    (3, 0, 0, 0),  # all on time
    (10, 1, 5, 1),  # "one paid a few days late"
    (100, 14, 5, 1),  # just below 15%
    (20, 3, 5, 2),  # 15%: "two or three"
    (100, 39, 5, 2),
    (10, 4, 5, 3),  # 40%: "about half"
    (100, 74, 5, 3),
    (4, 3, 5, 4),  # 75%: "nearly every invoice"
    (10, 10, 5, 4),
    (10, 1, 14, 1),  # 14 days late is not more than 14
    (10, 1, 15, 2),  # "or one more than 14 days late"
    (10, 1, 30, 2),
    (10, 1, 31, 3),  # "or any more than 30 days late"
    (10, 9, 31, 4),  # the share decides when it says more
])
def test_late_payments_at_the_edges(known, late, longest, expected):
    delays = [1] * (late - 1) + [longest] if late else []
    assert late_answer(tally(known, late, sorted(delays)), RULES) == expected


def test_an_invoice_paid_on_its_due_date_is_on_time_and_one_day_later_is_late():
    due = date(2026, 2, 1)
    found = one(*[invoice(issued=date(2026, 1, 10), due=due, paid_on=due) for _ in range(3)],
                invoice(issued=date(2026, 1, 11), due=due, paid_on=due + timedelta(days=1)))
    fact = found.facts["late_payments"]
    assert (fact.tally.known, fact.tally.late, fact.tally.delays) == (4, 1, (1,))


def test_unpaid_past_due_counts_as_late_until_the_window_ends_and_not_yet_due_is_unknown():
    until = WINDOW.until
    found = one(invoice(issued=date(2026, 10, 1), due=until - timedelta(days=20)),  # unpaid, 20 days late
                invoice(issued=date(2026, 11, 20), due=until),  # due on the last day: not yet late
                invoice(issued=date(2026, 1, 5), paid_on=date(2026, 1, 6)),
                invoice(issued=date(2026, 2, 5), paid_on=date(2026, 2, 6)))
    fact = found.facts["late_payments"]
    assert (fact.tally.known, fact.tally.late, fact.tally.pending, fact.tally.delays) == (3, 1, 1, (20,))
    assert fact.answer == 2  # a third late, and more than 14 days


def test_a_payment_after_the_window_is_not_yet_made():
    paid_later = invoice(issued=date(2026, 11, 1), due=date(2026, 11, 15), paid_on=date(2026, 12, 10))
    found = one(paid_later)
    assert found.facts["late_payments"].tally.delays == (15,)  # counted to the window's last day
    assert found.facts["outstanding_receivables"].answer is True


def test_grace_days_count_as_on_time(monkeypatch):
    from dataclasses import replace

    lenient = replace(RULES, grace_days=3)
    invoices = [invoice(issued=date(2026, 1, d), due=date(2026, 2, 1), paid_on=date(2026, 2, 1) + timedelta(days=d))
                for d in (3, 4, 4)]
    (found,) = derive(ledger(*invoices), lenient, WINDOW)
    assert (found.facts["late_payments"].tally.late, found.facts["late_payments"].answer) == (2, 3)


def test_a_client_credited_more_than_invoiced_brings_no_revenue_and_takes_none_from_the_others():
    found = {e.client: e for e in derive(ledger(invoice("Acme", amount=-500.0), invoice("Beta")), RULES, WINDOW)}
    assert (found["Acme"].answers["revenue_share"], found["Beta"].answers["revenue_share"]) == (0, 100)


def test_credit_notes_are_never_late_nor_owed_but_lower_the_revenue():
    found = one(invoice(amount=1000.0, paid_on=date(2026, 1, 20)), invoice(issued=date(2026, 2, 1), amount=-400.0))
    assert found.facts["late_payments"].tally.known == 1
    assert found.facts["outstanding_receivables"].owed.overdue == 0
    assert found.facts["revenue_share"].value == 600.0


def test_a_partly_paid_invoice_is_unpaid_for_the_rest():
    found = one(invoice(issued=date(2026, 10, 1), due=date(2026, 10, 15), paid_on=date(2026, 10, 14), paid=600.0))
    owed = found.facts["outstanding_receivables"].owed
    assert (owed.overdue, owed.overdue_money, owed.oldest_due) == (1, (("PLN", 400.0),), date(2026, 10, 15))
    assert found.facts["late_payments"].tally.delays == ((WINDOW.until - date(2026, 10, 15)).days,)


# ---------------------------------------------------------------------------------------------
# late_payments_trend: the last half against the first; never late is stable


@pytest.mark.parametrize(("first", "second", "expected"), [
    (tally(1, 0), tally(5, 5), None),  # too few in the first half (2 needed)
    (tally(5, 0), tally(5, 0), "stable"),  # never late: never "worsening"
    (tally(20, 2), tally(20, 5), "worsening"),  # 10% → 25%: +15 points
    (tally(20, 2), tally(100, 24), "stable"),  # 10% → 24%: +14 points
    (tally(20, 5), tally(20, 2), "improving"),
    (tally(100, 24), tally(20, 2), "stable"),
    (tally(10, 3, [10, 10, 10]), tally(10, 3, [24, 24, 24]), "worsening"),  # longer delays: +14 days median
    (tally(10, 3, [10, 10, 10]), tally(10, 3, [23, 23, 23]), "stable"),
    (tally(10, 3, [24, 24, 24]), tally(10, 3, [10, 10, 10]), "improving"),
    (tally(20, 7), tally(20, 4), "improving"),  # 35% → 20%, a float edge
])
def test_late_payments_trend_at_the_edges(first, second, expected):
    assert late_trend(first, second, RULES) == expected


def test_a_client_never_late_stays_stable_however_many_more_invoices():
    on_time = [invoice(issued=date(2026, month, 1), paid_on=date(2026, month, 2)) for month in (1, 2, 7, 8, 9, 10)]
    found = one(*on_time)
    assert found.answers["late_payments"] == 0 and found.answers["late_payments_trend"] == "stable"


# ---------------------------------------------------------------------------------------------
# orders_trend: the invoiced value, the last half against the first


@pytest.mark.parametrize(("first", "second", "expected"), [
    (0, 500, None),  # nothing to compare with
    (100, 111, "growing"),  # more than 10% up
    (100, 110, "stable"),  # 10% either way: about the same
    (100, 90, "stable"),
    (3, 2.7, "stable"),  # a float edge: exactly 10% down
    (100, 89, "declining"),
    (100, 60, "declining"),  # 40% down: still "declining"
    (100, 59, "sharply_declining"),
    (100, 0, "sharply_declining"),  # orders stopped
    (100, -20, "sharply_declining"),  # only credit notes since
])
def test_orders_trend_at_the_edges(first, second, expected):
    assert orders_trend(first, second, RULES) == expected


def test_orders_are_split_by_the_issue_date_at_the_middle_of_the_window():
    assert WINDOW.mid == date(2026, 6, 1)
    found = one(invoice(issued=date(2025, 1, 5), amount=50.0),  # a client since before the window
                invoice(issued=date(2026, 5, 31), amount=1000.0), invoice(issued=date(2026, 6, 1), amount=500.0))
    fact = found.facts["orders_trend"]
    assert (fact.first, fact.second, fact.answer, fact.window) == (1000.0, 500.0, "sharply_declining", WINDOW)


def test_a_client_with_less_history_than_the_window_compares_its_last_3_months_with_the_3_before():
    """The help texts: "with less than a year of history, compare the last 3 months with the 3 before"."""
    paid = [invoice(issued=date(2026, month, 2), due=date(2026, month, 16), paid_on=date(2026, month, 16))
            for month in (6, 7, 8, 9, 10, 11)]
    late = [invoice(issued=date(2026, month, 5), due=date(2026, month, 19), paid_on=date(2026, month, 28))
            for month in (9, 10, 11)]
    found = one(*paid, *late)  # first invoice on 02.06.2026: after the window began (01.12.2025)
    trend = found.facts["late_payments_trend"]
    assert trend.window == Window(date(2026, 5, 31), date(2026, 11, 30))
    assert (trend.first.known, trend.first.late, trend.second.known, trend.second.late) == (3, 0, 6, 3)
    assert trend.answer == "worsening" and found.facts["orders_trend"].answer == "growing"
    assert "from 2026-05-31 to 2026-08-30, 3 of 6 (50%) from 2026-08-31" in evidence_texts(found, "en")["late_payments_trend"]


# ---------------------------------------------------------------------------------------------
# revenue_share and currencies


def test_revenue_share_counts_net_values_of_the_window_in_one_currency():
    found = derive(ledger(invoice("Acme", amount=1230.0, value=1000.0), invoice("Beta", amount=3690.0, value=3000.0),
                          invoice("Beta", issued=date(2025, 11, 30), amount=9000.0)), RULES, WINDOW)
    assert {e.client: e.answers["revenue_share"] for e in found} == {"Acme": 25, "Beta": 75}


def test_several_currencies_are_never_mixed_silently():
    invoices = [invoice("Acme", currency="PLN"), invoice("Beta", currency="EUR", amount=300.0)]
    found = {e.client: e for e in derive(ledger(*invoices), RULES, WINDOW)}
    share = found["Acme"].facts["revenue_share"]
    assert share.answer is None and share.currencies == ("EUR", "PLN")
    assert "several currencies (EUR, PLN)" in evidence_texts(found["Acme"], "en")["revenue_share"]
    chosen = {e.client: e.answers.get("revenue_share") for e in derive(ledger(*invoices), RULES, WINDOW, "PLN")}
    assert chosen == {"Acme": 100, "Beta": 0}


def test_a_client_invoiced_in_two_currencies_has_no_orders_trend_without_a_choice():
    found = one(invoice(issued=date(2026, 1, 1)), invoice(issued=date(2026, 7, 1), currency="EUR", amount=10.0))
    assert found.facts["orders_trend"].answer is None
    assert "several currencies (EUR, PLN)" in evidence_texts(found, "en")["orders_trend"]


# ---------------------------------------------------------------------------------------------
# outstanding_receivables, windows, the whole evidence


def test_money_owed_from_before_the_window_still_counts():
    old = invoice(issued=date(2025, 6, 1), due=date(2025, 6, 15))
    found = one(old)
    assert found.answers == {"outstanding_receivables": True}
    text = evidence_texts(found, "en")["outstanding_receivables"]
    assert text == "unpaid past the due date: 1 invoice, 1 000 PLN, the oldest due 2025-06-15"


@pytest.mark.parametrize(("counts", "expected"), [("overdue", False), ("unpaid", True)])
def test_an_invoice_not_yet_due_counts_as_owed_only_by_the_unpaid_rule(counts, expected):
    found = one(invoice(issued=date(2026, 11, 25), due=date(2026, 12, 9)))
    assert owes(found.facts["outstanding_receivables"].owed, counts) is expected


def test_the_default_window_ends_at_the_ledgers_newest_entry_never_after_today():
    data = ledger(invoice(), newest=date(2026, 11, 30))
    assert default_window(data, RULES, date(2027, 3, 1)) == Window(date(2025, 12, 1), date(2026, 11, 30))
    assert default_window(data, RULES, date(2026, 10, 1)).until == date(2026, 10, 1)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28) and add_months(date(2024, 2, 29), 12) == date(
        2025, 2, 28)


def test_the_evidence_reads_as_in_the_issue_and_in_polish():
    late = [invoice(issued=date(2026, 1, d), due=date(2026, 2, d), paid_on=date(2026, 2, d) + timedelta(days=18))
            for d in range(1, 8)]
    on_time = [invoice(issued=date(2026, 3, d), due=date(2026, 4, d), paid_on=date(2026, 4, d)) for d in range(1, 4)]
    unpaid = [invoice(issued=date(2026, 9, 1), due=date(2026, 10, 15), amount=10000.0),
              invoice(issued=date(2026, 10, 1), due=date(2026, 11, 1), amount=4300.0)]
    found = one(*late, *on_time, *unpaid)
    en, pl = evidence_texts(found, "en"), evidence_texts(found, "pl")
    assert en["late_payments"] == "9 of 12 invoices paid late (75%), median 18 days late, the longest 46 days"
    assert pl["late_payments"] == ("9 z 12 faktur zapłacono po terminie (75%), mediana opóźnienia: 18 dni, "
                                   "najdłuższe: 46 dni")
    assert en["outstanding_receivables"] == ("unpaid past the due date: 2 invoices, 14 300 PLN, the oldest due "
                                             "2026-10-15")
    assert "najstarsza z terminem 15.10.2026" in pl["outstanding_receivables"]
    assert evidence_json(found, "en") == {"client": "Acme", "answers": found.answers, "evidence": en}


def test_rows_left_out_are_counted_in_every_text_of_the_client():
    found = one(invoice(), left_out={"acme": 2})
    assert all(text.endswith("left out, unreadable: 2 rows of this client")
               for text in evidence_texts(found, "en").values())


def test_without_a_due_date_or_payment_date_column_nothing_about_lateness_is_answered():
    found = one(invoice(), invoice(issued=date(2026, 7, 1)), missing=("paid",))
    assert set(found.answers) == {"revenue_share", "orders_trend"}
    assert "no column for the due date or the payment date" in evidence_texts(found, "en")["late_payments"]


# ---------------------------------------------------------------------------------------------
# General rules, on random ledgers


INVOICES = st.builds(
    invoice,
    client=st.sampled_from(["Acme", "Beta", "Gamma"]),
    issued=st.dates(date(2025, 6, 1), date(2026, 11, 30)),
    due=st.one_of(st.none(), st.dates(date(2025, 6, 1), date(2027, 1, 31))),
    paid_on=st.one_of(st.none(), st.dates(date(2025, 6, 1), date(2027, 1, 31))),
    amount=st.sampled_from([-500.0, 100.0, 1000.0, 2500.5]),
    currency=st.just("PLN"),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(INVOICES, max_size=40))
def test_every_derived_answer_is_one_the_bank_allows_and_the_shares_add_up(bank, invoices):
    found = derive(ledger(*invoices), RULES, WINDOW)
    for evidence in found:
        for question, answer in evidence.answers.items():
            assert bank.question(question).check(answer) is None, (question, answer)
        assert set(evidence_texts(evidence, "pl")) == set(evidence.facts)
    percents = [e.facts["revenue_share"].percent for e in found if e.facts["revenue_share"].percent is not None]
    assert sum(percents) <= 100 + 1e-6


@settings(max_examples=100, deadline=None)
@given(st.lists(INVOICES, min_size=1, max_size=30), st.integers(0, 29), st.integers(1, 60))
def test_paying_an_invoice_later_never_lowers_the_late_payments_answer(invoices, pick, days):
    import dataclasses  # noqa: F401  (Invoice is a NamedTuple: _replace)

    target = invoices[pick % len(invoices)]
    if target.paid_on is None:
        return
    later = target._replace(paid_on=target.paid_on + timedelta(days=days))
    before = {e.key: e.answers.get("late_payments") for e in derive(ledger(*invoices), RULES, WINDOW)}
    after = {e.key: e.answers.get("late_payments")
             for e in derive(ledger(*[later if i is target else i for i in invoices]), RULES, WINDOW)}
    if before.get(target.key) is not None and after.get(target.key) is not None:
        assert after[target.key] >= before[target.key]


MIXED = st.builds(
    invoice,
    client=st.sampled_from(["Acme", "Beta", "Gamma", "Delta"]),
    issued=st.dates(date(2025, 1, 1), date(2027, 1, 31)),  # before, in and after the window
    due=st.one_of(st.none(), st.dates(date(2025, 1, 1), date(2027, 2, 28))),
    paid_on=st.one_of(st.none(), st.dates(date(2025, 1, 1), date(2027, 2, 28))),
    amount=st.sampled_from([-500.0, 100.0, 1000.0, 2500.5]),
    paid=st.one_of(st.none(), st.sampled_from([0.0, 50.0, 1000.0])),
    currency=st.sampled_from(["PLN", "PLN", "EUR"]),
    row=st.integers(2, 10**6),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(MIXED, max_size=40))
def test_a_clients_evidence_is_drawn_from_its_own_invoices_alone(invoices):
    """The invoices of all clients are counted in one pass, in the order read: what one client's
    evidence says (its share of revenue aside) is what its invoices alone say."""
    found = derive(ledger(*invoices), RULES, WINDOW, "PLN")
    assert [e.key for e in found] == sorted(e.key for e in found)
    for evidence in found:
        (alone,) = derive(ledger(*[i for i in invoices if i.key == evidence.key]), RULES, WINDOW, "PLN")
        assert {q: f for q, f in evidence.facts.items() if q != "revenue_share"} == \
            {q: f for q, f in alone.facts.items() if q != "revenue_share"}
        assert evidence.facts["revenue_share"].value == alone.facts["revenue_share"].value


def test_a_ledger_keeps_its_invoices_as_columns_and_gives_each_as_a_row():
    rows = [invoice("Acme", row=2), invoice("Beta", paid_on=date(2026, 2, 1), row=3), invoice("Acme", row=5)]
    found = ledger(*rows)
    assert len(found.invoices) == 3 and found.invoices == rows and list(found.invoices) == rows
    assert Invoice(*found.invoices[1]) == rows[1] and found.invoices[1:] == rows[1:]
    assert found.invoices.columns[0] == ["acme", "beta", "acme"] and found.invoices.columns[8] == [2, 3, 5]
    found.invoices.append(invoice("Gamma", row=7))
    assert found.invoices[-1] == invoice("Gamma", row=7) and found.invoices != rows
    assert ledger().invoices == [] and len(ledger().invoices.columns) == len(Invoice._fields)


# ---------------------------------------------------------------------------------------------
# The rules file: every bad field named


@pytest.mark.parametrize(("old", "new", "field", "message"), [
    ("months = 12", "months = 0", "window.months", "must be a whole number from 1 to 120"),
    ("share_at_least = [0.15, 0.40, 0.75]", "share_at_least = [0.40, 0.15, 0.75]", "late_payments.share_at_least",
     "must be 3 rising numbers"),
    ("days_late_over = [14, 30]", "days_late_over = [14]", "late_payments.days_late_over", "must be 2 rising"),
    ('counts = "overdue"', 'counts = "due"', "outstanding_receivables.counts", "must be one of overdue, unpaid"),
    ("sharply_declining_below = -0.40", "sharply_declining_below = -0.05", "orders_trend.sharply_declining_below",
     "must be below declining_below"),
    ("hhi_high = 2500", "hhi_high = 1000", "concentration.hhi_high", "must be above hhi_moderate"),
    ("grace_days = 0", "grace_days = 0\nmercy = 3", "late_payments.mercy", "unknown field"),
    ("share_change = 0.15", "share_change = 0", "late_payments_trend.share_change", "must be more than 0"),
])
def test_a_broken_rules_file_names_the_field(tmp_path, old, new, field, message, capsys):
    from tests.unit._support import QUESTIONS, edit
    from wizard.cli.main import main
    from wizard.model.problems import InvalidFile

    path = tmp_path / "ledger.toml"
    path.write_text((QUESTIONS / "ledger.toml").read_text(encoding="utf-8"), encoding="utf-8")
    edit(path, old, new)
    with pytest.raises(InvalidFile) as caught:
        load_rules(tmp_path)
    assert [(p.file, p.field) for p in caught.value.problems] == [(str(path), field)]
    assert message in caught.value.problems[0].message
    assert main(["validate", str(path)]) == 1
    assert f"{path}: {field}: " in capsys.readouterr().err


def test_the_shipped_rules_validate(capsys):
    from tests.unit._support import QUESTIONS
    from wizard.cli.main import main

    assert main(["validate", str(QUESTIONS / "ledger.toml")]) == 0
    assert "the rules that draw answers from an invoice ledger" in capsys.readouterr().out
