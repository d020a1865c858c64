"""The scenario suite: situations written from the two source articles, each with the band of
levels an experienced advisor would accept and the passage that justifies it.

Sources (shared/seeds/): 000 = "Kiedy warto zakończyć współpracę z Klientem?", 004 = "Kiedy
wycofać się z obsługi klienta?". The scenarios live in scenarios.toml, next to this file; they
were written from the articles before the model was tuned, and the model must fit them, not
the other way round.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.unit._support import TODAY
from wizard.storage import bank_files
from wizard.model.bank import EXIT_LEVELS, LEVELS, PRINCIPLES
from wizard.model.reasoning import assess

BANK = bank_files.load_default()
SCENARIOS = tomllib.loads((Path(__file__).parent / "scenarios.toml").read_text(encoding="utf-8"))["scenario"]


def test_the_suite_is_large_and_every_scenario_is_traced():
    assert len(SCENARIOS) >= 40
    assert len({s["id"] for s in SCENARIOS}) == len(SCENARIOS)
    for scenario in SCENARIOS:
        assert scenario["source"].strip() and scenario["why"].strip(), scenario["id"]
        assert scenario["source"].startswith(("000", "004")), scenario["id"]
        band = [LEVELS.index(level) for level in scenario["accept"]]
        assert band == list(range(band[0], band[0] + len(band))) and len(band) <= 3, scenario["id"]
        assert set(scenario.get("principles", [])) <= set(PRINCIPLES), scenario["id"]
        for qid, value in scenario["answers"].items():
            question = BANK.question(qid)
            assert question is not None and question.check(value) is None, (scenario["id"], qid)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_scenario(scenario):
    result = assess(BANK, scenario["answers"], "en", TODAY)
    assert result.level in scenario["accept"], f"{scenario['title']}: {scenario['why']} ({scenario['source']})"
    for principle in scenario.get("principles", []):
        assert principle in result.principles, scenario["id"]
    if "staged_exit" in scenario:
        assert result.level in EXIT_LEVELS and result.staged_exit == scenario["staged_exit"]
