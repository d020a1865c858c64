"""One rule for client names, used by list, history, team, forget, compare and supersede."""

from __future__ import annotations

import unicodedata

import pytest

from wizard.model.clients import client_key, close_names, contains, same_client


@pytest.mark.parametrize(("a", "b"), [
    ("Acme Sp. z o.o.", "ACME  sp. z o.o."),
    ("  Acme\tLtd ", "acme ltd"),
    ("Zielona Łąka", unicodedata.normalize("NFD", "zielona łąka")),  # accents typed as combining marks
    ("Straße GmbH", "STRASSE GMBH"),  # case folding, not just lower()
    ("Ｎｏｗａｋ", "Nowak"),  # full-width letters (NFKC)
    ("Zielona Łąka", "zielona laka"),  # typed without Polish letters
    ("Firma Ślęża / Oddział 2", "firma sleza / oddzial 2"),
])
def test_the_same_client(a, b):
    assert same_client(a, b) and client_key(a) == client_key(b)


@pytest.mark.parametrize(("a", "b"), [("Zielona Łąka", "Zielona Łąki"), ("Acme", "Acme Group"), ("Nowak", "Nowak.")])
def test_different_clients(a, b):
    assert not same_client(a, b)


def test_contains_uses_the_same_rule():
    assert contains("Kowalski  Meble Sp. z o.o.", "kowalski meble")
    assert not contains("Kowalski", "kowalski meble")


def test_close_names_suggest_typos_missing_accents_and_parts():
    names = ["Kowalski Meble Sp. z o.o.", "Zielona Łąka", "Acme", "ACME", "Northwind Digital Ltd", "A"]
    assert close_names("Kowalsky Meble Sp. z o.o.", names) == ["Kowalski Meble Sp. z o.o."]
    assert close_names("zielona lak", names) == ["Zielona Łąka"]
    assert close_names("northwind", names) == ["Northwind Digital Ltd"]
    assert close_names("acme", names) == []  # an exact match is no suggestion
    assert close_names("Acne", names) == ["Acme"]  # each client once, as first spelt
    assert close_names("Völlig anders", names) == [] and close_names("  ", names) == []
    assert close_names("Kowalsky", names) == ["Kowalski Meble Sp. z o.o."]  # the start of a long name, mistyped
    assert close_names("Northwnd", names) == ["Northwind Digital Ltd"]
    assert close_names("Kowalczyk", names) == []  # another name that starts alike is not suggested


def test_the_command_line_and_the_wizard_filter_fold_alike():
    from wizard.tui.screens.review_rows import fold as filter_fold

    assert filter_fold is client_key.__globals__["fold"]
    assert contains("Firma Ślęża / Oddział 2", "sleza")
