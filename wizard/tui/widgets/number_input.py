"""The number field of a percent or number question: strict about what a number is, and every
mistake explained (what was typed, what is allowed), never dropped."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from textual.validation import ValidationResult, Validator
from textual.widgets import Input

if TYPE_CHECKING:
    from wizard.tui.base import Translated

NUMBER_PATTERN = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")


def parse_number(text: str) -> int | float | None:
    """A typed number (a comma works as the decimal mark too), or None when it is not one.

    Strict on purpose: only digits, one decimal mark and a sign. `float()` alone would also take
    "1e3", "inf" or "1_000", numbers the user never meant to type."""
    text = text.strip()
    if not NUMBER_PATTERN.fullmatch(text):
        return None
    value = float(text.replace(",", "."))
    if not math.isfinite(value):
        return None
    return int(value) if value.is_integer() else value


class NumberAnswer(Validator):
    """A percent is 0–100, any other number is at least 0. Every message names what was typed
    and what is allowed, in the app's language."""

    def __init__(self, percent: bool, owner: Translated) -> None:
        super().__init__()
        self.percent, self.owner = percent, owner  # the owner's `t` says it in the app's language

    def validate(self, value: str) -> ValidationResult:
        number = parse_number(value)
        if not value.strip():
            return self.failure(self._explain("tui.q.number_missing", value))
        if number is None:
            return self.failure(self._explain("tui.q.invalid_number", value))
        if number < 0:
            return self.failure(self._explain("tui.q.invalid_negative", value))
        if self.percent and number > 100:
            return self.failure(self._explain("tui.q.invalid_percent", value))
        return self.success()

    def _explain(self, problem: str, typed: str) -> str:
        allowed = "tui.q.allowed_percent" if self.percent else "tui.q.allowed_number"
        return f"{self.owner.t(problem, typed=typed.strip())} {self.owner.t(allowed)}"


class NumberInput(Input):
    """The number field. It keeps every character typed, so a wrong one is shown and explained,
    never dropped. While it is empty, the screen's letter keys (s, b, a, ...) work as usual;
    once something is typed, every printable key goes into the field."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id, compact=True, valid_empty=False, validate_on=["changed", "submitted"])

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if character is None or not character.isprintable():
            return False
        return bool(self.value) or character.isdigit() or character in ".,+-"

    def watch_value(self, before: str, after: str) -> None:
        if bool(before) != bool(after) and self.is_mounted:
            self.screen.refresh_bindings()  # the footer shows the letter keys only while empty
