"""The program's own texts: both languages, the same placeholders, the locale's default."""

from __future__ import annotations

import string

import pytest

from wizard.i18n import MESSAGES, default_language, t


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key):
    en, pl = MESSAGES[key]
    assert en.strip() and pl.strip()
    assert _fields(en) == _fields(pl)


def test_t_picks_the_language_and_fills_in_values():
    assert t("report.title", "en", client="Łódź") == "Client assessment: Łódź"
    assert t("report.title", "pl", client="Łódź") == "Ocena klienta: Łódź"


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "pl_PL.UTF-8"}, "pl"),
    ({"LANG": "pl"}, "pl"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "pl_PL.UTF-8"}, "pl"),
    ({"LANG": "pl_PL.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
    ({"LANG": "pl_PL.UTF-8", "LC_ALL": ""}, "pl"),
])
def test_default_language_from_the_locale(environ, expected):
    assert default_language(environ) == expected
