"""The portfolio screen: from home and the review, attention first, and the ways out of it."""

from __future__ import annotations

import argparse

import pytest
from textual.widgets import DataTable

from tests.tui.review_data import path_of
from tests.tui.support import make_app, visible_text, widget_text
from wizard.cli.ledger import draw
from wizard.cli.demo_folder import KOWALSKI
from wizard.tui.screens.history import HistoryScreen
from wizard.tui.screens.names import NamesScreen
from wizard.tui.screens.portfolio import PortfolioScreen
from wizard.tui.screens.result import ResultScreen


def drawn(demo, lang: str = "en"):
    """The demo's ledger, read as `--ledger` reads it before the app starts."""
    return draw(argparse.Namespace(map=None, since=None, until=None, currency=None, questions=None),
                str(demo.ledger), lang)


def rows(app) -> list[str]:
    return [str(key.value) for key in app.screen.query_one("#portfolio-table", DataTable).rows]


@pytest.mark.parametrize("start", [["p"], ["v", "p"]], ids=["home", "review"])
async def test_the_portfolio_opens_from_home_and_the_review(bank, store, demo, start):
    app = make_app(bank, store, ledger=drawn(demo))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*start)
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        assert rows(app)[:2] == ["Zielony Ogród Łódź", "Brightline Analytics"]  # overdue, then end now
        assert rows(app)[-2:] == ["Apteka Pod Lipami", "Pracownia Pixel s.c."]  # never assessed
        text = widget_text(app.screen)
        assert f"the largest client, {KOWALSKI}, 40%" in text
        assert "One client carries a large part of the budget" in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PortfolioScreen)


async def test_enter_opens_the_newest_record_h_the_history_n_a_new_assessment(bank, store, demo):
    app = make_app(bank, store, ledger=drawn(demo))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        app.show_portfolio()
        await pilot.pause()
        index = rows(app).index(KOWALSKI)
        await pilot.press(*["down"] * index)
        assert KOWALSKI in str(app.screen.query_one("#portfolio-detail").content)
        await pilot.press("enter")
        await pilot.pause()
        _, newest = path_of(store, demo, KOWALSKI, -1)
        assert isinstance(app.screen, ResultScreen) and app.screen.record.id == newest.id
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen) and app.screen.client == KOWALSKI
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("end", "h")  # a client never assessed has no history
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        assert "has no assessment yet" in "\n".join(n.message for n in app._notifications)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NamesScreen)
        assert app.screen.query_one("#client").value == "Pracownia Pixel s.c."


async def test_without_a_ledger_it_says_how_to_get_one_in_polish(bank, store, demo):
    app = make_app(bank, store, "pl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        text = visible_text(app)
        assert "Uruchom kreator z opcją --ledger PLIK" in text and "Przychód" not in text
        assert len(rows(app)) == 6  # the assessed clients only


async def test_a_level_is_never_cut_at_80_columns_in_polish(bank, store, demo):
    app = make_app(bank, store, "pl", ledger=drawn(demo, "pl"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        table = app.screen.query_one("#portfolio-table", DataTable)
        levels = [str(table.get_cell_at((row, 1)).plain) for row in range(table.row_count)]
        assert "Plan rozstania" in levels and "Zakończ teraz" in levels  # the short labels of tables
        width = next(column.width for column in table.columns.values() if str(column.key.value) == "level")
        assert width > max(map(len, levels))  # the column holds the longest level, and its gap
        await pilot.press("f2")
        await pilot.pause()
        assert "Concentration of revenue" in widget_text(app.screen)


# ---------------------------------------------------------------------------------------------
# A new assessment with the ledger's answers offered, to confirm or change


async def test_the_ledgers_answers_are_pre_filled_to_keep_or_change_and_the_record_says_which(bank, store, demo):
    """The ledger's answers come as pre-filled answers (wizard/model/prefill.py, source "ledger"),
    each with its evidence: Enter keeps one, another answer replaces it."""
    app = make_app(bank, store, ledger=drawn(demo), command="new", client="apteka pod lipami", assessor="Ola")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        draft = app.screen.draft
        assert draft.record.answers["late_payments"] == 3 and draft.pending_count() == 5
        assert {p.source for p in draft.record.prefilled.values()} == {"ledger"}
        assert "5 answers read from ledger.csv: confirm each with Enter" in "\n".join(
            n.message for n in app._notifications)
        text = visible_text(app)
        assert "↺ 3 · often — read from the invoice ledger ledger.csv: 10 of 24 invoices paid late" in text
        await pilot.press("enter")  # late_payments: the ledger's answer, kept
        await pilot.pause()
        assert draft.record.prefilled["late_payments"].state == "kept"
        await pilot.press("1")  # late_payments_trend: the ledger says worsening; answered improving
        await pilot.pause()
        assert draft.record.answers["late_payments_trend"] == "improving"
        app.screen.show(app.screen.index - 1)
        await pilot.pause()
        assert "◆ Invoice ledger: getting worse: more late payments — late: " in visible_text(app)
        questions = [q.id for q in bank.questions]
        app.screen.show(questions.index("revenue_share"))
        await pilot.pause()
        assert app.screen.query_one("#number").value == "3"  # pre-filled in the field: Enter keeps it
        await pilot.press("enter")
        await pilot.pause()
        app.finish(draft)
        await pilot.pause()
        record = app.screen.record
    assert record.from_ledger == ("late_payments", "revenue_share", "orders_trend", "outstanding_receivables")
    assert {q: p.state for q, p in record.prefilled.items()} == {
        "late_payments": "kept", "late_payments_trend": "changed", "revenue_share": "kept",
        "orders_trend": "pending", "outstanding_receivables": "pending"}
    assert record.evidence["late_payments_trend"].derived == "worsening"  # kept beside the answer given
    assert record.ledger.file == "ledger.csv" and not record.prefilled["late_payments"].evidence  # said once


async def test_a_client_the_ledger_does_not_know_gets_close_names_and_nothing_filled_in(bank, store, demo):
    app = make_app(bank, store, ledger=drawn(demo), command="new", client="Apteka pod Lipą", assessor="Ola")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert app.screen.draft.record.evidence == {} and app.screen.draft.record.answers == {}
        toast = "\n".join(n.message for n in app._notifications)
        assert "No invoices of “Apteka pod Lipą” in ledger.csv" in toast and "Apteka Pod Lipami" in toast
