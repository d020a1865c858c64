"""Texts of the program itself (the question bank carries its own), in English and Polish.

`t(key, lang, **values)` returns the text in the language asked for. Every key has both
languages: a test checks it, and another walks every screen in Polish looking for English.

Plurals. A count is written with the `plural` format: `{count:plural:# question|# questions}`
picks a form by the number, and `#` stands for the number itself. English has two forms (one,
other); Polish has three (one, few, many): `{count:plural:# członek|# członkowie|# członków}`
gives 1 członek, 2–4 członkowie, 5–21 członków, 22–24 członkowie, and 12–14 członków.
"""

from __future__ import annotations

import os
import string

from wizard.texts import cli, files, ledger, report, review, workflow

LANGUAGES = ("en", "pl")

# Every text by key, from the catalogues in wizard/texts/ (each one a plain dict, by area).
MESSAGES: dict[str, tuple[str, str]] = {
    **report.MESSAGES, **cli.MESSAGES, **review.MESSAGES, **files.MESSAGES, **ledger.MESSAGES,
    **workflow.MESSAGES,
}
# The screens' texts are read the first time one of them is asked for: a command that draws no
# screen never pays for them.
SCREEN_TEXTS = ("wizard.texts.tui", "wizard.texts.tui_review")


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Add texts to the catalogue (the screens' texts, a test's own)."""
    MESSAGES.update(messages)


def every_text() -> dict[str, tuple[str, str]]:
    """The whole catalogue, the screens' texts too (for checks that walk every text)."""
    import importlib

    for name in SCREEN_TEXTS:
        register(importlib.import_module(name).MESSAGES)
    return MESSAGES


def t(key: str, lang: str, **values: object) -> str:
    try:
        en, pl = MESSAGES[key]
    except KeyError:
        if not key.startswith("tui."):
            raise
        en, pl = every_text()[key]
    text = pl if lang == "pl" else en
    return _FORMATTERS[lang if lang == "pl" else "en"].format(text, **values) if values else text


PLURAL_FORMS = {"en": ("one", "other"), "pl": ("one", "few", "many")}


def plural_form(lang: str, count: int) -> str:
    """The plural category of a whole number: en one/other, pl one/few/many (CLDR rules)."""
    count = abs(int(count))
    if lang == "pl":
        if count == 1:
            return "one"
        if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
            return "few"
        return "many"
    return "one" if count == 1 else "other"


# The forms of a unit after any number: Polish adds one for fractions (1,5 dnia, 2,5 roku).
NUMBER_FORMS = {"en": ("one", "other"), "pl": ("one", "few", "many", "fraction")}


def number_form(lang: str, number: float | None) -> str:
    """The category of NUMBER_FORMS that goes with `number`; None asks for the form of a label
    ("how many": days, dni)."""
    if number is None:
        return PLURAL_FORMS[lang][-1]
    if not float(number).is_integer():
        return "fraction" if lang == "pl" else "other"
    return plural_form(lang, int(number))


class _Formatter(string.Formatter):
    """`str.format` plus `{count:plural:one|other}` (see the module's doc)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if not format_spec.startswith("plural:"):
            return super().format_field(value, format_spec)
        forms = format_spec.removeprefix("plural:").split("|")
        categories = PLURAL_FORMS[self.lang]
        if len(forms) != len(categories):
            raise ValueError(f"{self.lang}: a plural needs {len(categories)} forms "
                             f"({', '.join(categories)}), got {len(forms)}: {format_spec!r}")
        return forms[categories.index(plural_form(self.lang, value))].replace("#", str(value))


_FORMATTERS = {lang: _Formatter(lang) for lang in LANGUAGES}


def default_language(environ: dict[str, str] | None = None) -> str:
    """Polish when the locale is Polish, else English (LC_ALL, then LC_MESSAGES, then LANG)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "pl" if value.lower().startswith("pl") else "en"
    return "en"


def day(value, lang: str) -> str:
    """A date as written in prose: 2026-12-17 in English, 17.12.2026 in Polish."""
    return f"{value:%d.%m.%Y}" if lang == "pl" else value.isoformat()[:10]
