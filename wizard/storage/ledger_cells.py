"""The cells of an invoice ledger: dates, amounts and their decimal mark (docs/ledger.md).

Each parser returns the value, or a `BadCell` saying what is wrong with the cell and what is
allowed; the caller names the file, the row and the column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

SYMBOLS = {"zł": "PLN", "zl": "PLN", "€": "EUR", "$": "USD", "£": "GBP"}
_CODE = re.compile(r"[A-Za-z]{3}")


def currency_code(cell: str) -> str:
    """The currency a cell names (a three-letter code, or zł, €, $, £), or "" when it names none."""
    text = cell.strip()
    return SYMBOLS.get(text.lower()) or (text.upper() if _CODE.fullmatch(text) else "")


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+\-Z ]*)?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?: ?r\.)?(?: [\d:]*)?")
_PLAIN_NUMBER = re.compile(r"-?(?:\d+(?:[.,]\d*)?|[.,]\d+)")
_SPACES = dict.fromkeys(map(ord, " \u00a0\u202f\u2009'"), None)


_NOT_PLAIN = str.maketrans("", "", "0123456789.-\n")


def plain_numbers(cells: Sequence[str], decimal: str) -> tuple[list[float | None], bool]:
    """Each cell as a plain number (digits, a minus, the decimal mark, spaces between thousands),
    or None for any other cell, which `parse_amount` then reads; and whether all were plain. A
    whole column of cells is checked and converted at once: the hot path of reading 100,000 rows."""
    other = "." if decimal == "," else ","
    joined = "\n".join(cells)
    if other not in joined:
        text = joined.replace(" ", "")
        if decimal == ",":
            text = text.replace(",", ".")
        if not text.translate(_NOT_PLAIN):
            try:
                values = list(map(float, text.split("\n")))
            except ValueError:  # "", "-", "1.2.3", "5-": one cell at a time below
                values = []
            if len(values) == len(cells):
                return values, True
    values = [_plain_number(cell, other) for cell in cells]
    return values, None not in values


def _plain_number(cell: str, other: str) -> float | None:
    text = cell.replace(" ", "").replace(",", ".")
    if other in cell or text.translate(_NOT_PLAIN) or "\n" in text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


class BadCell(str):
    """Why a cell could not be read (kept in the caches in place of its value)."""


def parse_date(text: str) -> date | BadCell:
    text = text.strip()
    match = _ISO.fullmatch(text)
    year_month_day = match and (match[1], match[2], match[3])
    if not match:
        match = _DOTTED.fullmatch(text)
        year_month_day = match and (match[3], match[2], match[1])
    if not match:
        return BadCell(f'"{short(text)}" is not a date: write it as 2026-10-15 or 15.10.2026')
    year, month, day = map(int, year_month_day)
    if not 1900 <= year < 2200:
        return BadCell(f'"{short(text)}" is not a date of an invoice (the year must be 1900 to 2199)')
    try:
        return date(year, month, day)
    except ValueError:
        return BadCell(f'"{short(text)}" is not a real date (day or month out of range)')


def decimal_mark(samples: list[str]) -> str:
    """The decimal mark most amounts use: one followed by other than three digits, or the later of
    two marks, decides; with no such amount, a mark followed by three digits groups thousands."""
    votes = {",": 0, ".": 0}
    grouping = None
    for text in samples:
        comma, dot = text.rfind(","), text.rfind(".")
        if comma >= 0 and dot >= 0:
            votes["," if comma > dot else "."] += 1
        elif comma >= 0 or dot >= 0:
            mark, at = ("," , comma) if comma >= 0 else (".", dot)
            digits = len(text) - at - 1 - len(text[at + 1:].lstrip("0123456789"))
            if digits == 3 and text.count(mark) == 1:
                grouping = mark
            else:
                votes[mark] += 1
    if votes[","] != votes["."]:
        return "," if votes[","] > votes["."] else "."
    return "." if grouping == "," else ","


def parse_amount(text: str, decimal: str) -> tuple[float, str] | BadCell:
    """An amount and the currency written with it ("" when none). Groups of thousands may be
    separated by spaces, apostrophes or the other mark; a credit note is negative: -100, (100)
    or 100-."""
    raw = text.strip()
    if _PLAIN_NUMBER.fullmatch(raw) and ("," not in raw or decimal == ",") and ("." not in raw or decimal == "."):
        return float(raw.replace(",", ".")), ""
    return _amount(raw, decimal)


def _amount(raw: str, decimal: str) -> tuple[float, str] | BadCell:
    bad = BadCell(f'"{short(raw)}" is not an amount (like 1 234{decimal}56, with this file\'s decimal mark "{decimal}")')
    text, negative = raw.replace("−", "-"), False
    if text.startswith("(") and text.endswith(")"):
        text, negative = text[1:-1].strip(), True
    currency = ""
    match = re.fullmatch(r"([^\d\-+.,]*?)\s*([-+]?)\s*([^\d\-+.,]*?)\s*([\d.,\s\u00a0\u202f\u2009']*\d)\s*(-?)\s*([^\d]*)",
                         text)
    if not match:
        return bad
    before, sign, between, number, trailing, after = match.groups()
    words = [w.strip() for w in (before, between, after) if w.strip()]
    if len(words) > 1:
        return bad
    if words:
        currency = currency_code(words[0])
        if not currency:
            return bad
    negative = negative or sign == "-" or trailing == "-"
    number = number.translate(_SPACES)
    group = "." if decimal == "," else ","
    whole, _, fraction = number.partition(decimal)
    if decimal in fraction or group in fraction or not re.fullmatch(r"\d+|\d{1,3}(?:" + re.escape(group) + r"\d{3})+", whole):
        return bad
    value = float(whole.replace(group, "") + ("." + fraction if fraction else ""))
    return (-value if negative else value), currency


def short(text: str) -> str:
    """A cell as quoted in a message: printable, at most 40 characters."""
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 40 else text[:37] + "..."

