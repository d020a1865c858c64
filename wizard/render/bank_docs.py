"""The question bank written out for people: an answers-file template (`client-exit template`)
and the question list in docs/questions.md (`python -m wizard.render.bank_docs`, or
`python docs/make_questions.py`). Both are made from the bank itself, so they never drift."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from wizard.model.bank import SCALE_MAX, Bank, Question
from wizard.i18n import t
from wizard.inert import table_cell


def allowed_values(question: Question, bank: Bank, lang: str) -> str:
    """What an answers file may give for `question`, in words and TOML."""
    if question.kind == "scale":
        labels = question.labels or bank.scale_labels
        return ", ".join(f"{v} = {labels[v](lang)}" for v in range(SCALE_MAX + 1))
    if question.kind == "bool":
        return f"true = {bank.bool_labels[0](lang)}, false = {bank.bool_labels[1](lang)}"
    if question.kind == "choice":
        return ", ".join(f'"{o}" = {question.labels[i](lang)}' for i, o in enumerate(question.options))
    if question.kind == "percent":
        return t("template.percent", lang)
    unit = f" ({question.unit(lang)})" if question.unit else ""
    return t("template.number", lang, unit=unit)


def answers_template(bank: Bank, lang: str) -> str:
    """An answers file with every question id commented out, its text and allowed values above
    it: uncomment a line and give a value to answer it; a line left out counts as "don't know"."""
    lines = [f"# {line}" for line in t("template.head", lang, version=bank.version).splitlines()]
    lines += ['client = ""', 'assessor = ""', "# skipped = []", "", "[answers]"]
    for section in bank.sections:
        lines += ["", f"# ── {section.title(lang)} ──"]
        for question in section.questions:
            lines += _comment(question.text(lang))
            lines += _comment(t("template.allowed", lang, values=allowed_values(question, bank, lang)))
            lines += [f"# {question.id} = ", ""]
    lines += ["", "[notes]", f"# {t('template.notes', lang)}"]
    return "\n".join(lines) + "\n"


def _comment(text: str) -> list[str]:
    return [f"# {line}" for line in textwrap.wrap(text, 92)]


def questions_markdown(bank: Bank) -> str:
    """docs/questions.md: every question of the bank, by section, in English and Polish."""
    lines = ["# The questions", "",
             f"Generated from the question bank {bank.version} (`questions/*.toml`) by "
             "`python -m wizard.render.bank_docs`; do not edit by hand (a test checks it is current).", "",
             "Each id is a key of an answers file's `[answers]` table (see the README's *Answers files*); "
             "`client-exit template` prints a file to fill in.", ""]
    for section in bank.sections:
        lines += [f"## {section.title('en')} · {section.title('pl')}", ""]
        lines += ["| id | kind | question | allowed values |", "|---|---|---|---|"]
        for question in section.questions:
            text = f"{question.text('en')}<br>*{question.text('pl')}*"
            lines.append(f"| `{question.id}` | {question.kind} | {table_cell(text)} | "
                         f"{table_cell(allowed_values(question, bank, 'en'))} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


DOC = Path(__file__).resolve().parents[2] / "docs" / "questions.md"


def main() -> int:
    from wizard.storage.bank_files import load_default

    DOC.write_text(questions_markdown(load_default()), encoding="utf-8")
    print(f"written: {DOC}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
