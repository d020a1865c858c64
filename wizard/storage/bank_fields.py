"""The field readers a question bank is read with: texts in every language, numbers in range,
arrays of tables, bands, and unknown keys named (so a misspelt field never drops data)."""

from __future__ import annotations

import math

from wizard.i18n import LANGUAGES
from wizard.model.bank import SCALE_MAX, Text
from wizard.model.problems import FieldReader, join


class BankFields(FieldReader):
    """Reads plain TOML values into bank values, collecting problems instead of raising."""

    def text(self, table: dict, key: str, where: str, required: bool = True) -> Text | None:
        value = self.get(table, key, dict, where, required)
        if value is None:
            return None
        texts = {}
        for lang in LANGUAGES:
            texts[lang] = self.get(value, lang, str, join(where, key))
            if texts[lang] is not None and not texts[lang].strip():
                self.problem(join(where, key, lang), "must not be empty")
        for extra in set(value) - set(LANGUAGES):
            self.problem(join(where, key, extra), f"unknown language (allowed: {', '.join(LANGUAGES)})")
        if None in texts.values():
            return None
        return Text(**texts)

    def texts(self, table: dict, key: str, where: str, count: int | None) -> tuple[Text, ...]:
        value = self.get(table, key, dict, where)
        if value is None:
            return ()
        lists = {}
        for lang in LANGUAGES:
            items = self.get(value, lang, list, join(where, key))
            if items is None:
                return ()
            if not all(isinstance(i, str) and i.strip() for i in items):
                self.problem(join(where, key, lang), "must be a list of non-empty texts")
                return ()
            if count is not None and len(items) != count:
                self.problem(join(where, key, lang), f"must have {count} entries (got {len(items)})")
                return ()
            lists[lang] = items
        if len(lists["en"]) != len(lists["pl"]):
            self.problem(join(where, key), "en and pl must have the same number of entries")
            return ()
        return tuple(Text(en, pl) for en, pl in zip(lists["en"], lists["pl"]))

    def number(self, table: dict, key: str, where: str, low: float, high: float | None = None):
        value = self.get(table, key, (int, float), where)
        if value is None:
            return None
        if value < low or (high is not None and value > high) or not math.isfinite(value):
            allowed = f"{low} to {high}" if high is not None else f"at least {low}"
            self.problem(join(where, key), f"must be {allowed} (got {value})")
            return None
        return value

    def entries(self, data: dict, key: str, where: str = "") -> list[tuple[str, dict]]:
        """An array of tables, each paired with a readable name for problem messages."""
        items = self.get(data, key, list, where, required=False) or []
        result = []
        for index, item in enumerate(items):
            name = f"{key}[{index}]"
            if not isinstance(item, dict):
                self.problem(name, "must be a table")
                continue
            if isinstance(item.get("id"), str):
                name = f"{key} '{item['id']}'"
            result.append((name, item))
        return result

    def known(self, table: object, allowed: set[str], where: str) -> None:
        """A misspelt field would silently drop data: name it instead."""
        if isinstance(table, dict):
            for key in sorted(set(table) - allowed):
                self.problem(join(where, key), f"unknown field (allowed: {', '.join(sorted(allowed))})")

    def band(self, table: dict, key: str, where: str) -> int | None:
        value = self.get(table, key, int, where)
        if value is not None and not 0 <= value <= SCALE_MAX:
            self.problem(join(where, key), f"must be a band from 0 to {SCALE_MAX} (got {value})")
            return None
        return value
