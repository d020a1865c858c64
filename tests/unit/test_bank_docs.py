"""Answers files made easy: a template with every question, docs/questions.md generated from the
bank (and current), "did you mean" for a mistyped id."""

from __future__ import annotations

import re
import tomllib

import pytest

from tests.unit._support import ROOT
from wizard.cli import main as cli
from wizard.model.problems import InvalidFile
from wizard.storage.answers_codec import parse_answers
from wizard.render.bank_docs import DOC, answers_template, questions_markdown


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_the_template_names_every_question_and_a_filled_in_copy_is_valid(bank, lang):
    text = answers_template(bank, lang)
    assert tomllib.loads(text) == {"client": "", "assessor": "", "answers": {}, "notes": {}}
    for question in bank.questions:
        assert f"# {question.id} = \n" in text and question.text(lang) in text.replace("\n# ", " ")
    filled = {}
    for question in bank.questions:
        value = question.choices()[-1] if question.kind in ("scale", "bool", "choice") else 30
        filled[question.id] = value
        literal = "true" if value is True else "false" if value is False else \
            f'"{value}"' if isinstance(value, str) else str(value)
        text = text.replace(f"# {question.id} = \n", f"{question.id} = {literal}\n")
    text = text.replace('client = ""', 'client = "Acme"')
    assert parse_answers(tomllib.loads(text), "t.toml", bank).answers == filled


def test_template_prints_in_the_language_asked(capsys):
    assert cli.main(["template", "--lang", "pl"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Plik odpowiedzi dla client-exit-wizard") and "# dozwolone: 0 = " in out


def test_docs_questions_md_is_current(bank):
    assert DOC == ROOT / "docs" / "questions.md"
    assert DOC.read_text(encoding="utf-8") == questions_markdown(bank), (
        "docs/questions.md is out of date: run `python -m wizard.render.bank_docs`")
    listed = re.findall(r"^\| `([a-z_]+)` \|", DOC.read_text(encoding="utf-8"), re.M)
    assert listed == [q.id for q in bank.questions]


def test_a_mistyped_id_gets_did_you_mean(bank):
    data = {"client": "Acme", "answers": {"late_payment": 3, "zzz": 1}, "notes": {"toxicty": "x"},
            "skipped": ["atachment"]}
    with pytest.raises(InvalidFile) as caught:
        parse_answers(data, "a.toml", bank)
    problems = {p.field: p.message for p in caught.value.problems}
    assert problems["answers.late_payment"] == "unknown question id; did you mean 'late_payments'?"
    assert problems["answers.zzz"] == "unknown question id (`client-exit template` lists every id)"
    assert problems["notes.toxicty"] == "unknown question id; did you mean 'toxicity'?"
    assert problems["skipped"] == "'atachment': unknown question id; did you mean 'attachment'?"
