"""Polish as an editor would write it: every Polish text (the program's catalogues and the question
bank's *.pl texts) uses the glossary's terms (docs/glossary.md), never a banned variant."""

from __future__ import annotations

import re
import tomllib

import pytest

from tests.unit._support import QUESTIONS, ROOT
from wizard.i18n import day, every_text, t
from wizard.model.records import STATUSES

BANNED = {
    r"\bpoziom\w* ryzyka\b": "wskaźnik ryzyka",
    r"\bocen\w* ryzyka\b": "wskaźnik ryzyka",
    r"\bwynik\w* ryzyka\b": "wskaźnik ryzyka",
    r"\bpoziom\w* rekomendacji\b": "poziom",
    r"\bbank\w* pytań\b": "zestaw pytań",
    r"\boceniając(?:y|ego|emu|ym)\b": "osoba oceniająca",
    r"\bszkic\w*": "niedokończona ocena (status: roboczy)",
    r"\bprzegląd do\b(?! zrobienia)": "termin przeglądu: …",
    r"\bnie powiódł": "nie udało się zapisać",
    r"\bobie nazwy\b": "imię (a person has no nazwa)",
    r"\bdostaw(?:a|y|ie|ą|om|ach)?\b": "oddana praca, etap",
    r"\bbrakuje ci mocy\b(?! przerobowych)": "mocy przerobowych",
    r"\bodbija się na\b": "Na ile współpraca z tym klientem…",
    r"\bwspólnik\w*": "współuczestnik",
    r"\b\d{4}-\d{2}-\d{2}\b": "a date as 17.12.2026",
    r"[„\"'](?:draft|proposed|accepted|rejected|superseded|continue|monitor|revise_terms|prepare_exit|end_now)[”\"']":
        "the Polish word, not the id",
}


def _bank_texts() -> list[tuple[str, str]]:
    found = []

    def walk(where: str, value) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "pl":
                    for text in (item if isinstance(item, list) else [item]):
                        found.append((where, str(text)))
                else:
                    walk(f"{where}.{key}", item)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(f"{where}[{index}]", item)

    for path in sorted(QUESTIONS.glob("*.toml")):
        walk(path.name, tomllib.loads(path.read_text(encoding="utf-8")))
    return found


POLISH = [(key, pl) for key, (_, pl) in every_text().items()] + _bank_texts()


def test_every_catalogue_is_scanned():
    assert any(key.startswith("tui.") for key, _ in POLISH) and any(key.startswith("due.") for key, _ in POLISH)
    assert any(key.startswith("emotional.toml") for key, _ in POLISH) and len(POLISH) > 700


@pytest.mark.parametrize("pattern", sorted(BANNED))
def test_no_banned_variant(pattern):
    found = [f"{key}: {text}" for key, text in POLISH if re.search(pattern, text, re.IGNORECASE)]
    assert not found, f"use “{BANNED[pattern]}” instead:\n" + "\n".join(found)


def test_statuses_agree_with_zapis():
    assert [t(f"status.{s}", "pl") for s in STATUSES] == [
        "roboczy", "zaproponowany", "zaakceptowany", "odrzucony", "zastąpiony"]


def test_dates_in_polish_prose():
    from datetime import date

    assert day(date(2026, 12, 17), "pl") == "17.12.2026" and day(date(2026, 12, 17), "en") == "2026-12-17"
    assert t("report.review", "pl", date=day(date(2026, 12, 17), "pl")) == "Termin przeglądu: 17.12.2026."


def test_the_glossary_lists_every_banned_replacement():
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    for term in ("wskaźnik ryzyka", "zestaw pytań", "osoba oceniająca", "niedokończona ocena", "zapis",
                 "przegląd", "poziom", "ocena", "roboczy", "zaakceptowany"):
        assert f"**{term}**" in glossary or f"| {term} |" in glossary, term


def test_a_refused_decision_names_statuses_and_levels_in_polish(store, bank, capsys):
    from tests.unit.review_support import make_record
    from wizard.cli import main as cli
    from wizard.model.lifecycle import decide

    _, record = store.save_new(decide(make_record(bank), "accepted", by="Anna"))
    assert cli.main(["decide", record.id, "--status", "proposed", "--by", "Ola", "--lang", "pl"]) == 1
    err = capsys.readouterr().err
    assert "zapis o statusie „zaakceptowany” nie może przejść w status „zaproponowany” (dozwolone: zaakceptowany)" in err
    other = "end_now" if record.result.level != "end_now" else "continue"
    cli.main(["decide", record.id, "--status", "accepted", "--level", other, "--reason", "x", "--by", "Ola",
              "--lang", "pl"])
    err = capsys.readouterr().err
    assert f"na poziomie „{bank.level(record.result.level).label('pl')}”" in err
    assert not re.search(r"„(?:accepted|proposed|continue|monitor|revise_terms|prepare_exit|end_now)”", err)


def test_a_counterfactual_reads_as_english_with_any_option_label():
    line = t("report.change_line", "en", question="Is working with this client profitable?",
             to="it roughly breaks even", was="yes, it is profitable", level="Monitor")
    assert line == ("If the answer to “Is working with this client profitable?” were “it roughly breaks even” "
                    "(now: “yes, it is profitable”), the recommendation would be: Monitor.")
