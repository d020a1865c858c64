"""The program's own texts: both languages, the same placeholders, the locale's default."""

from __future__ import annotations

import string

import pytest

from wizard.i18n import default_language, every_text, t


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(every_text()))
def test_every_message_has_both_languages_with_the_same_placeholders(key):
    en, pl = every_text()[key]
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


# ---------------------------------------------------------------------------------------------
# Plurals


@pytest.mark.parametrize(("count", "expected"), [
    (0, "0 członków"), (1, "1 członek"), (2, "2 członkowie"), (4, "4 członkowie"), (5, "5 członków"),
    (11, "11 członków"), (12, "12 członków"), (13, "13 członków"), (14, "14 członków"), (21, "21 członków"),
    (22, "22 członkowie"), (24, "24 członkowie"), (25, "25 członków"), (102, "102 członkowie"),
    (112, "112 członków"),
])
def test_polish_plurals_one_few_many(count, expected):
    from wizard.i18n import register

    register({"test.members": ("{count:plural:# member|# members}", "{count:plural:# członek|# członkowie|# członków}")})
    assert t("test.members", "pl", count=count) == expected
    assert t("test.members", "en", count=count) == (f"{count} member" if count == 1 else f"{count} members")


def _plurals(text: str) -> list[str]:
    return [spec for _, name, spec, _ in string.Formatter().parse(text) if name and spec and spec.startswith("plural:")]


def _messages_with_plurals() -> list[str]:
    return sorted(key for key, (en, pl) in every_text().items() if _plurals(en) or _plurals(pl))


@pytest.mark.parametrize("key", _messages_with_plurals())
def test_every_plural_has_the_forms_of_its_language(key):
    """English: one|other; Polish: one|few|many. Every count from 0 to 30 formats."""
    en, pl = every_text()[key]
    assert all(len(spec.split("|")) == 2 for spec in _plurals(en)), en
    assert all(len(spec.split("|")) == 3 for spec in _plurals(pl)), pl
    for count in range(31):
        values = {name: count for name in _fields(en)}
        assert "#" not in t(key, "en", **values).replace("{", "")
        t(key, "pl", **values)


@pytest.mark.parametrize(("key", "values", "en", "pl"), [
    ("review.team.agreed", {"count": 1}, "only one teammate so far", "na razie ocenia tylko jedna osoba"),
    ("review.team.agreed", {"count": 3}, "all 3 agree", "zgodne oceny 3 osób"),
    ("cli.what.bank", {"count": 1}, "question bank, 1 question", "zestaw pytań, 1 pytanie"),
    ("cli.what.bank", {"count": 23}, "question bank, 23 questions", "zestaw pytań, 23 pytania"),
    ("privacy.confirm", {"count": 1}, "Delete this file?", "Usunąć ten plik?"),
    ("privacy.confirm", {"count": 12}, "Delete these 12 files?", "Usunąć te 12 plików?"),
])
def test_counts_read_naturally(key, values, en, pl):
    assert en in t(key, "en", **values)
    assert pl in t(key, "pl", **values)
