"""The portfolio in words: its concentration line, each row's cells, and JSON (CLI and TUI)."""

from __future__ import annotations

from wizard.i18n import day, t
from wizard.model.portfolio import ClientRow, Concentration, Portfolio
from wizard.render.evidence import money

COLUMNS = ("client", "level", "score", "review", "revenue", "late", "owed")
LEDGER_COLUMNS = ("revenue", "late", "owed")


def concentration_lines(portfolio: Portfolio, lang: str, with_ledger: bool) -> list[str]:
    """The line on the concentration of revenue and its reading; or why there is none."""
    found = portfolio.concentration
    if found is None:
        if portfolio.currencies:
            return [t("portfolio.currencies", lang, currencies=", ".join(c or "?" for c in portfolio.currencies))]
        return [] if with_ledger else [t("portfolio.no_concentration", lang)]
    return [concentration_text(found, lang), t(f"portfolio.reading.{found.reading}", lang)]


def concentration_text(found: Concentration, lang: str) -> str:
    return t("portfolio.concentration", lang, currency=found.currency or "?", since=day(found.window.since, lang),
             until=day(found.window.until, lang), top=found.top, share=round(found.top_share),
             hhi=found.hhi)


def score_text(row: ClientRow) -> str:
    """The risk score and its change since the assessment before: 64 ▲18 (riskier), 40 ▼5, 30 =."""
    if row.score is None:
        return "—"
    change = row.trend
    if change is None:
        return str(row.score)
    return f"{row.score} " + ("=" if change == 0 else f"▲{change}" if change > 0 else f"▼{-change}")


def review_text(row: ClientRow, lang: str) -> str:
    if row.review_date is None:
        return "—"
    return f"⚠ {day(row.review_date, lang)}" if row.overdue else day(row.review_date, lang)


def cells(row: ClientRow, levels: dict[str, str], lang: str) -> dict[str, str]:
    """Each column's text for a row (`levels`: level id → label in `lang`)."""
    revenue, late = row.revenue_share, row.late_share
    return {
        "client": row.client,
        "level": levels.get(row.level, row.level) if row.level else t("portfolio.not_assessed", lang),
        "score": score_text(row),
        "review": review_text(row, lang),
        "revenue": "—" if revenue is None else f"{round(revenue)}%",
        "late": "—" if late is None else f"{round(late * 100)}%",
        "owed": money(row.owed) if row.owed else ("0" if row.evidence else "—"),
    }


def row_json(row: ClientRow, with_ledger: bool) -> dict:
    data = {"client": row.client, "level": row.level, "score": row.score, "score_change": row.trend,
            "review_date": row.review_date.isoformat() if row.review_date else None, "overdue": row.overdue,
            "record": row.record_id, "assessments": row.assessments}
    if with_ledger:
        revenue, late = row.revenue_share, row.late_share
        data |= {"revenue_share": None if revenue is None else round(revenue, 1),
                 "late_share": None if late is None else round(late, 3),
                 "owed": {currency or "": round(amount, 2) for currency, amount in row.owed}}
    return data


def unmatched_lines(portfolio: Portfolio, lang: str) -> list[str]:
    return [t("portfolio.unmatched", lang, name=name, similar=similar) for name, similar in portfolio.unmatched]
