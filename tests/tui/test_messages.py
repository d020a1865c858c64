"""The wizard's texts: both languages, the same {values}, and every key used exists."""

from __future__ import annotations

import re
from pathlib import Path
from string import Formatter

from wizard.i18n import every_text
from wizard.texts import tui, tui_review

ALL = every_text()
MESSAGES = {**tui.MESSAGES, **tui_review.MESSAGES}

TUI = Path(__file__).resolve().parents[2] / "wizard" / "tui"


def names(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field}


def test_every_text_has_both_languages_with_the_same_values():
    for key, (en, pl) in MESSAGES.items():
        assert key.startswith("tui."), key
        assert en.strip() and pl.strip(), key
        assert names(en) == names(pl), key
        assert ALL[key] == (en, pl)  # registered in the program's catalogue


def test_every_key_the_screens_use_exists():
    used = set()
    for path in TUI.rglob("*.py"):
        used |= set(re.findall(r'"(tui\.[a-z_.]+)"', path.read_text(encoding="utf-8")))
    # Keys built at run time: "tui.q.hint." + kind, "tui.overview." + status.
    used = {key for key in used if not key.endswith(".")}
    missing = sorted(key for key in used if key not in MESSAGES)
    assert not missing, missing


# Past tenses and participles that take a gender in Polish: "zdecydował(a)", "Decydowali",
# "odpowiedzieli", "Konsultowani". A text about people says it without one ("osoba decydująca",
# "osoby konsultowane", "w zespole odpowiedzi są podobne"); about things it may ("rekomendacja
# zmieniła się").
GENDERED = re.compile(r"\w+ł\(a\)|\b(Decydowali|Konsultowani|Poinformowani|\w+dzieli|\w+cydowali)\b",
                      re.IGNORECASE)


def test_polish_texts_about_people_take_no_gender():
    gendered = [(key, pl) for key, (_, pl) in ALL.items() if GENDERED.search(pl)]
    assert not gendered, gendered


def test_the_next_open_key_is_named_clearly_in_polish():
    # "otwarte" alone read as an open-ended question; the overview says "bez odpowiedzi".
    assert MESSAGES["tui.key.next_open"][1] == "bez odp."
    assert "bez odpowiedzi" in MESSAGES["tui.overview.open"][1]
