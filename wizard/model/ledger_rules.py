"""The rules that draw answers from an invoice ledger, as data (questions/ledger.toml).

`parse_rules` checks a parsed TOML table and names every bad field (file: field: message); the
rules' meaning is documented in docs/ledger.md. Pure: no files, no screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from wizard.model.problems import FieldReader, join, show

COUNTS = ("overdue", "unpaid")
SECTIONS = ("window", "late_payments", "late_payments_trend", "orders_trend", "outstanding_receivables",
            "concentration")


@dataclass(frozen=True)
class LedgerRules:
    """What questions/ledger.toml says (its comments and docs/ledger.md explain each rule)."""

    version: str
    months: int  # the default window
    short_history_months: int  # the trends of a client with less history than the window
    grace_days: int
    min_invoices: int
    share_at_least: tuple[float, float, float]  # the share of late invoices for answers 2, 3, 4
    days_late_over: tuple[int, int]  # any invoice later than this: answers 2, 3 at least
    min_invoices_per_half: int
    share_change: float
    delay_change_days: int
    growing_above: float
    declining_below: float
    sharply_declining_below: float
    counts: str  # overdue | unpaid
    top_share: float
    hhi_moderate: float
    hhi_high: float


def parse_rules(data: dict, file: str) -> LedgerRules:
    """The rules in `data` (the parsed ledger.toml). Raises InvalidFile naming every bad field."""
    reader = _Reader(file)
    for key in sorted(set(data) - {"version", *SECTIONS}):
        reader.problem(key, f"unknown field (allowed: version, {', '.join(SECTIONS)})")
    version = reader.get(data, "version", str, "")
    tables = {name: reader.get(data, name, dict, "") or {} for name in SECTIONS}
    window, late, trend = tables["window"], tables["late_payments"], tables["late_payments_trend"]
    orders, owed, spread = tables["orders_trend"], tables["outstanding_receivables"], tables["concentration"]
    allowed = {
        "window": ("months", "short_history_months"),
        "late_payments": ("grace_days", "min_invoices", "share_at_least", "days_late_over"),
        "late_payments_trend": ("min_invoices_per_half", "share_change", "delay_change_days"),
        "orders_trend": ("growing_above", "declining_below", "sharply_declining_below"),
        "outstanding_receivables": ("counts",),
        "concentration": ("top_share", "hhi_moderate", "hhi_high"),
    }
    for name, keys in allowed.items():
        for key in sorted(set(tables[name]) - set(keys)):
            reader.problem(join(name, key), f"unknown field (allowed: {', '.join(keys)})")
    rules = dict(
        version=version,
        months=reader.whole(window, "months", "window", 1, 120),
        short_history_months=reader.whole(window, "short_history_months", "window", 2, 120),
        grace_days=reader.whole(late, "grace_days", "late_payments", 0, 365),
        min_invoices=reader.whole(late, "min_invoices", "late_payments", 1, 1000),
        share_at_least=reader.rising(late, "share_at_least", "late_payments", 3, 0, 1),
        days_late_over=reader.rising(late, "days_late_over", "late_payments", 2, 0, 3650, whole=True),
        min_invoices_per_half=reader.whole(trend, "min_invoices_per_half", "late_payments_trend", 1, 1000),
        share_change=reader.number(trend, "share_change", "late_payments_trend", 0, 1, above=True),
        delay_change_days=reader.whole(trend, "delay_change_days", "late_payments_trend", 1, 3650),
        growing_above=reader.number(orders, "growing_above", "orders_trend", 0, 100),
        declining_below=reader.number(orders, "declining_below", "orders_trend", -1, 0),
        sharply_declining_below=reader.number(orders, "sharply_declining_below", "orders_trend", -1, 0),
        counts=reader.choice(owed, "counts", "outstanding_receivables", COUNTS),
        top_share=reader.number(spread, "top_share", "concentration", 0, 100, above=True),
        hhi_moderate=reader.number(spread, "hhi_moderate", "concentration", 0, 10_000, above=True),
        hhi_high=reader.number(spread, "hhi_high", "concentration", 0, 10_000, above=True),
    )
    declining, sharply = rules["declining_below"], rules["sharply_declining_below"]
    if declining is not None and sharply is not None and not sharply < declining:
        reader.problem("orders_trend.sharply_declining_below",
                       f"must be below declining_below ({declining}) (got {sharply})")
    moderate, high = rules["hhi_moderate"], rules["hhi_high"]
    if moderate is not None and high is not None and not moderate < high:
        reader.problem("concentration.hhi_high", f"must be above hhi_moderate ({moderate}) (got {high})")
    reader.raise_if_any()
    return LedgerRules(**rules)


class _Reader(FieldReader):
    def number(self, table: dict, key: str, where: str, low: float, high: float, above: bool = False):
        value = self.get(table, key, (int, float), where)
        if value is None:
            return None
        if not math.isfinite(value) or value > high or value < low or (above and value == low):
            allowed = f"more than {low} and at most {high}" if above else f"{low} to {high}"
            self.problem(join(where, key), f"must be {allowed} (got {show(value)})")
            return None
        return value

    def whole(self, table: dict, key: str, where: str, low: int, high: int):
        value = self.get(table, key, int, where)
        if value is not None and not low <= value <= high:
            self.problem(join(where, key), f"must be a whole number from {low} to {high} (got {value})")
            return None
        return value

    def rising(self, table: dict, key: str, where: str, count: int, low: float, high: float, whole: bool = False):
        values = self.get(table, key, list, where)
        if values is None:
            return None
        kinds = (int,) if whole else (int, float)
        what = "whole numbers" if whole else "numbers"
        if (len(values) != count or not all(isinstance(v, kinds) and not isinstance(v, bool) for v in values)
                or not all(low < v <= high for v in values) or list(values) != sorted(set(values))):
            self.problem(join(where, key), f"must be {count} rising {what}, each above {low} and at most {high} "
                                           f"(got {values})")
            return None
        return tuple(values)

    def choice(self, table: dict, key: str, where: str, allowed: tuple[str, ...]):
        value = self.get(table, key, str, where)
        if value is not None and value not in allowed:
            self.problem(join(where, key), f"must be one of {', '.join(allowed)} (got {show(value)})")
            return None
        return value
