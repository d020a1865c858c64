"""A record printed in the terminal with rich: the headline, the section bars, the advice, the
team's steps and the answers (the same wording as the Markdown export, wizard/render/report.py)."""

from __future__ import annotations

from collections.abc import Sequence

from wizard.i18n import t
from wizard.inert import inert
from wizard.model.bank import Bank
from wizard.model.feedback import Feedback
from wizard.model.records import DecisionRecord
from wizard.render.report import (
    BAND_STYLES, LEVEL_STYLES, answers_lines, bar, body, evidence_lines, in_language, level_label, life_lines,
    meta_line, score_band, section_scores,
)


def print_text(record: DecisionRecord, bank: Bank, lang: str, console, *, saved: bool = True,
               feedback: Sequence[Feedback] = ()) -> None:
    """The record as a coloured terminal report; `saved=False` for an assessment not written
    to disk (it shows no record id or status)."""
    from rich.markdown import Markdown
    from rich.table import Table
    from rich.text import Text

    record = in_language(record, bank, lang)
    console.print(Text(t("report.title", lang, client=inert(record.client)), style="bold"))
    console.print(Text(meta_line(record, lang, saved), style="dim" if saved else "bold yellow"))
    result = record.result
    if result is None:
        console.print(t("report.no_result", lang))
    else:
        console.print()
        headline = Text()
        headline.append(f"{t('report.recommendation', lang)}: ")
        headline.append(f" {level_label(bank, result.level, lang).upper()} ", style=f"reverse {LEVEL_STYLES[result.level]}")
        headline.append(f"   {t('report.score', lang)} {result.score}/100   ")
        headline.append(f"{t('report.confidence', lang)} {round(result.confidence * 100)}%", style="dim")
        console.print(headline)
        console.print(bank.level(result.level).summary(lang))
        console.print()
        table = Table(title=t("report.sections", lang), title_justify="left", show_header=False, box=None)
        for sid, score in section_scores(bank, result):
            if score is None:
                table.add_row(bank.section(sid).title(lang), Text(t("report.unknown", lang), style="dim"), "")
            else:
                table.add_row(bank.section(sid).title(lang), Text(bar(score), style=BAND_STYLES[score_band(score)]), str(score))
        console.print(table)
        console.print()
        console.print(Markdown("\n".join(body(record, bank, lang))))
    life = life_lines(record, bank, lang, feedback)
    if life:
        console.print(Markdown("\n".join(life)))
    console.print(Markdown("\n".join(answers_lines(record, bank, lang) + evidence_lines(record, bank, lang))))
