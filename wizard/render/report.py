"""A decision record as Markdown (export, `show --format markdown`) or as coloured terminal text.

The Markdown body is the one description of a record; the terminal report prints a coloured
headline and section bars, then renders the same body with rich.

Text read from the record or its feedback is data: in Markdown it passes `md` (a name never
becomes a heading, a link or a tag, nor leaves its line), anywhere else `inert` (escape codes
shown, never obeyed); see wizard/inert.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from wizard.model.assessment import Advice, ProblemView
from wizard.model.bank import STAGES, STATES, Answer, Bank
from wizard.i18n import day, t
from wizard.model.reasoning import Assessment, Change, Reason, advice_for, translated
from wizard.model.records import DecisionRecord, StatusChange
from wizard.inert import inert, markdown as md, table_cell

TYPE_CHECKING = False
if TYPE_CHECKING:
    from wizard.model.feedback import Feedback

LEVEL_STYLES = {
    "continue": "bold green",
    "monitor": "bold cyan",
    "revise_terms": "bold yellow",
    "prepare_exit": "bold dark_orange",
    "end_now": "bold red",
}


def level_label(bank: Bank, level: str, lang: str) -> str:
    return bank.level(level).label(lang)


def short_level_label(level: str, lang: str) -> str:
    """A level in at most 14 characters, for table columns: a level is never cut."""
    return t(f"level.short.{level}", lang)


def question_text(bank: Bank, question_id: str, lang: str) -> str:
    question = bank.question(question_id)
    return question.text(lang) if question else question_id


def answer_text(bank: Bank, question_id: str, value: Answer | None, lang: str) -> str:
    if value is None:
        return t("report.skipped", lang)
    question = bank.question(question_id)
    return question.label(value, lang, bank) if question else str(value)


def change_text(bank: Bank, change: Change, lang: str) -> str:
    """One change of answer and the level it would give; a remedy's path in two steps: "If
    you revise the terms and by the review date nothing has improved, …"."""
    if change.question == bank.remediation.outcome and change.then is None and isinstance(change.to, str):
        state = bank.remediation.states.get(change.to)
        if state in STATES:  # "If by the review date nothing has improved, …"
            return t("report.outcome_line", lang, outcome=t(f"report.outcome.{state}", lang),
                     level=level_label(bank, change.level, lang))
    if change.then is not None:
        remedy = next((r for r in bank.remedies if r.question == change.question), None)
        state = bank.remediation.states.get(change.then[1]) if isinstance(change.then[1], str) else None
        if remedy is not None and state in STATES:
            return t("report.change_path", lang, path=remedy.path(lang), outcome=t(f"report.outcome.{state}", lang),
                     level=level_label(bank, change.level, lang))
    return t(
        "report.change_line", lang,
        question=question_text(bank, change.question, lang),
        to=answer_text(bank, change.question, change.to, lang),
        was=answer_text(bank, change.question, change.was, lang),
        level=level_label(bank, change.level, lang),
    )


def share_text(reason: Reason, lang: str) -> str:
    """A reason's weight as shown: its share of the score, or "decisive" for a dealbreaker
    (which decided the level alone, whatever its share)."""
    return t("report.decisive", lang) if reason.decisive else f"{round(reason.share * 100)}%"


def problem_text(bank: Bank, problem: ProblemView, lang: str) -> str:
    """"Late payment: serious, not tried yet → Revise the terms"."""
    name = bank.problem(problem.id).name(lang)
    band, level = bank.band_labels[problem.band](lang), level_label(bank, problem.level, lang)
    if not any(problem.id in r.addresses for r in bank.remedies):  # nothing to try: no state to tell
        return t("report.problem_line_plain", lang, name=name, band=band, level=level)
    return t("report.problem_line", lang, name=name, band=band,
             state=bank.state_labels[STATES.index(problem.state)](lang), level=level)


def section_scores(bank: Bank, result: Assessment) -> list[tuple[str, int | None]]:
    """Every section that has signs, with its risk, or None when nothing in it was answered
    (unknown is not zero). A record made before bank 2.0 shows the sections it stored."""
    if not result.problems and result.sections:
        return [(s.id, result.sections[s.id]) for s in bank.sections if s.id in result.sections]
    return [(s.id, result.sections.get(s.id)) for s in bank.sections if any(q.is_signal for q in s.questions)]


def shown_advice(record: DecisionRecord, bank: Bank, lang: str) -> tuple[Advice, str]:
    """The advice to show: for the level decided when it differs from the recommendation
    (with a line saying so), else the recommendation's own, as stored."""
    result = record.result
    assert result is not None
    if not differs_from_recommendation(record):
        return result.advice, ""
    level = record.decision.level
    note = t("report.for_level", lang, level=level_label(bank, level, lang),
             recommended=level_label(bank, result.level, lang))
    return advice_for(bank, record.answers, level, lang), note


def score_band(score: int) -> str:
    """low, medium or high: the colour band of a risk score, in every report and screen."""
    if score >= 60:
        return "high"
    if score >= 40:
        return "medium"
    return "low"


BAND_STYLES = {"low": "green", "medium": "yellow", "high": "red"}


def bar(value: int, width: int = 20) -> str:
    filled = round(value * width / 100)
    return "█" * filled + "░" * (width - filled)


# ---------------------------------------------------------------------------------------------


def in_language(record: DecisionRecord, bank: Bank, lang: str) -> DecisionRecord:
    """The record with its stored advice in `lang`, so a report never mixes two languages."""
    if record.result is None or lang == record.language:
        return record
    return replace(record, result=translated(record.result, bank, record.answers, lang))


def markdown(record: DecisionRecord, bank: Bank, lang: str, feedback: Sequence[Feedback] = ()) -> str:
    """The whole record as a Markdown document, readable in any Markdown viewer, with the
    teammates' `feedback` on it when given (it lives in files of its own)."""
    record = in_language(record, bank, lang)
    lines = [f"# {t('report.title', lang, client=md(record.client))}", "", meta_line(record, lang, escape=md), ""]
    result = record.result
    if result is None:
        lines += [t("report.no_result", lang), ""]
    else:
        lines += [
            f"**{t('report.recommendation', lang)}: {level_label(bank, result.level, lang)}** · "
            f"{t('report.score', lang)}: {result.score}/100 · "
            f"{t('report.confidence', lang)}: {round(result.confidence * 100)}%",
            "",
            bank.level(result.level).summary(lang),
            "",
            f"## {t('report.sections', lang)}",
            "",
            f"| {t('report.section', lang)} | | |",
            "|---|---|---:|",
        ]
        lines += [
            f"| {bank.section(sid).title(lang)} | `{bar(score)}` | {score} |" if score is not None
            else f"| {bank.section(sid).title(lang)} | | {t('report.unknown', lang)} |"
            for sid, score in section_scores(bank, result)
        ]
        lines.append("")
        lines += body(record, bank, lang)
    lines += life_lines(record, bank, lang, feedback)
    lines += answers_lines(record, bank, lang)
    lines += evidence_lines(record, bank, lang)
    return "\n".join(lines).rstrip() + "\n"


def body(record: DecisionRecord, bank: Bank, lang: str) -> list[str]:
    """Everything below the headline and the section scores."""
    result = record.result
    assert result is not None
    lines: list[str] = []
    lines += _decision(record, bank, lang)
    known = {p.id for p in bank.problems}
    lines += _list(t("report.problems", lang), [
        problem_text(bank, p, lang) for p in result.problems if p.band > 0 and p.id in known])
    principles = [p for p in result.principles if p in bank.principles]
    lines += _list(t("report.principles", lang), [
        f"**{bank.principles[p].name(lang)}**: {bank.principles[p].text(lang)}" for p in principles
    ])
    lines += _list(t("report.reasons", lang), [
        f"{question_text(bank, r.question, lang)} ({answer_text(bank, r.question, record.answers.get(r.question), lang)}): "
        f"{f'**{share_text(r, lang)}**' if r.decisive else share_text(r, lang)}"
        for r in result.reasons
    ])
    lines += _list(t("report.changes", lang), _changes(result, bank, lang))
    lines += _list(t("report.warnings", lang), [f"⚠ {md(w.text)}" for w in result.warnings])
    advice, note = shown_advice(record, bank, lang)
    if note:
        lines += [f"*{note}*", ""]
    review = t("report.review", lang, date=day(record.review_date or result.review_date, lang))  # a decision may move it
    if advice.actions:
        lines += _list(t("report.actions", lang), [md(a.text) for a in advice.actions])
        lines += [review, ""]
    else:
        lines += [f"## {t('report.actions', lang)}", "", review, ""]
    if advice.exit_plan:
        title = t("report.exit_plan_staged" if advice.staged_exit else "report.exit_plan", lang)
        lines += [f"## {title}", ""]
        number = 1
        for stage in STAGES:
            steps = [s for s in advice.exit_plan if s.tag == stage]
            if steps:
                lines += [f"**{t('report.stage.' + stage, lang)}**", ""]
                for step in steps:
                    lines.append(f"{number}. {md(step.text)}")
                    number += 1
                lines.append("")
    if advice.consequences:
        lines += _list(t("report.consequences", lang), [
            f"*{t('report.side.' + c.tag, lang) if c.tag in ('us', 'client') else md(c.tag)}*: {md(c.text)}"
            for c in advice.consequences
        ])
    lines += _list(t("report.prevention", lang), [md(p.text) for p in result.prevention])
    return lines


def meta_line(record: DecisionRecord, lang: str, saved: bool = True, escape=inert) -> str:
    values = dict(assessor=escape(record.assessor) if record.assessor else t("report.nobody", lang),
                  date=f"{day(record.created, lang)} {record.created:%H:%M}", version=escape(record.bank_version))
    if not saved:  # an id and a status belong to a record on disk
        return t("report.meta_unsaved", lang, **values)
    meta = t("report.meta", lang, id=record.id, **values)
    return f"{meta} · {t('report.status', lang)}: {t('status.' + record.status, lang)}"


def _decision(record: DecisionRecord, bank: Bank, lang: str) -> list[str]:
    lines = [f"## {t('report.decision', lang)}"]
    for line in decision_lines(record, bank, lang, escape=md):
        lines += ["", line]
    return lines + [""] if record.decision else []


def decision_lines(record: DecisionRecord, bank: Bank, lang: str, escape=inert) -> list[str]:
    """The decision taken, in plain lines: the level and who recorded it when, the reason when
    it differs from the recommendation, the comment, the outcome, and who decided, was consulted
    and informed. Empty when no decision was taken. `escape` makes the stored texts safe for
    where the lines go (inert for a screen, md for Markdown)."""
    decision = record.decision
    if decision is None:
        return []
    level, by = level_label(bank, decision.level, lang), escape(decision.by) or t("report.nobody", lang)
    if decision.at is not None:
        lines = [t("report.decision_line_at", lang, level=level, by=by, date=day(decision.at, lang))]
    else:
        lines = [t("report.decision_line", lang, level=level, by=by)]
    if differs_from_recommendation(record):
        lines.append(t("report.differs", lang, level=level_label(bank, record.result.level, lang),
                       reason=escape(decision.reason) or t("report.nobody", lang)))
    comment = decision_comment(record)
    if comment:
        lines.append(f"{t('report.comment', lang)}: {escape(comment)}")
    if record.outcome:
        lines.append(f"{t('review.outcome', lang)}: {escape(record.outcome)}")
    people = [f"{t('report.people.' + key, lang)}: {', '.join(map(escape, getattr(record, key)))}"
              for key in ("decision_makers", "consulted", "informed") if getattr(record, key)]
    if people:
        lines.append(" · ".join(people))
    return lines


def differs_from_recommendation(record: DecisionRecord) -> bool:
    """The decided level is not the recommended one (so the decision carries a reason)."""
    return record.decision is not None and record.result is not None and record.decision.level != record.result.level


def decision_comment(record: DecisionRecord) -> str:
    """The decision's comment; a reason given on the recommended level (records written before
    comments existed) reads as one."""
    decision = record.decision
    if decision is None:
        return ""
    return decision.comment or ("" if differs_from_recommendation(record) else decision.reason)


def life_lines(record: DecisionRecord, bank: Bank, lang: str, feedback: Sequence[Feedback]) -> list[str]:
    """The record's status history and the teammates' feedback on it."""
    lines: list[str] = []
    if record.status_history:
        lines += [f"## {t('report.history', lang)}", ""]
        lines += [f"- {history_line(change, bank, lang, escape=md)}" for change in record.status_history]
        lines.append("")
    if feedback:
        lines += [f"## {t('review.feedback', lang)}", ""]
        for item in feedback:
            line = f"**{md(item.by)}**: {t('review.stance.' + item.stance, lang)} ({item.created:%Y-%m-%d %H:%M})"
            lines.append(f"- {line} — {md(item.comment)}" if item.comment else f"- {line}")
        lines.append("")
    return lines


def history_line(change: StatusChange, bank: Bank, lang: str, escape=inert) -> str:
    """One step of a record's life: when, the status, who, and what was decided or said."""
    when = f"{change.at:%Y-%m-%d %H:%M}" if change.at else "?"
    text = f"{when} · {t('status.' + change.status, lang)} · {escape(change.by) or t('report.nobody', lang)}"
    if change.level:
        text += f" · {level_label(bank, change.level, lang)}"
    for key, value in (("review.reason", change.reason), ("report.comment", change.comment),
                       ("review.outcome", change.outcome)):
        if value:
            text += f". {t(key, lang)}: {escape(value)}"
    return text


def _changes(result: Assessment, bank: Bank, lang: str) -> list[str]:
    items = []
    for direction in ("milder", "harsher"):
        change = getattr(result, direction)
        at_the_end = result.level == ("continue" if direction == "milder" else "end_now")
        if at_the_end:
            continue  # nothing lies beyond the mildest or the harshest level
        if change is not None:
            items.append(change_text(bank, change, lang))
        else:
            items.append(t("report.no_change", lang, direction=t(f"report.direction.{direction}", lang)))
    return items


def answers_lines(record: DecisionRecord, bank: Bank, lang: str) -> list[str]:
    lines = [f"## {t('report.answers', lang)}", ""]
    for section in bank.sections:
        rows = [q for q in section.questions if q.id in record.answers or q.id in record.notes or q.id in record.skipped]
        if not rows:
            continue
        lines += [f"### {section.title(lang)}", "", f"| {t('report.question', lang)} | {t('report.answer', lang)} |", "|---|---|"]
        for q in rows:
            answer = answer_text(bank, q.id, record.answers.get(q.id), lang)
            if q.id in record.from_ledger:
                answer += f" ({t('ledger.from_ledger', lang)})"
            if q.id in record.notes:
                answer += f" — *{t('report.note', lang)}: {md(record.notes[q.id])}*"
            lines.append(f"| {table_cell(q.text(lang))} | {table_cell(answer)} |")
        lines.append("")
    return lines


def evidence_lines(record: DecisionRecord, bank: Bank, lang: str, title: str | None = None) -> list[str]:
    """The evidence drawn from an invoice ledger, as a Markdown section (none without evidence):
    the ledger and its window, then each question with the ledger's answer and its facts, and
    the answer given when it differs. The texts are in the record's language, as it keeps them."""
    if not record.evidence:
        return []
    lines = [f"## {title or t('ledger.evidence', lang)}", ""]
    if record.ledger is not None:
        source = record.ledger
        lines += [t("ledger.source", lang, file=md(source.file), since=day(source.since, lang),
                    until=day(source.until, lang)), ""]
    for question, found in record.evidence.items():
        answer = record.answers.get(question)
        derived = t("ledger.not_derived", lang) if found.derived is None else answer_text(bank, question, found.derived, lang)
        if found.derived is not None and question not in record.from_ledger:  # answered otherwise, or not at all
            derived = t("ledger.changed", lang, derived=derived, answer=answer_text(bank, question, answer, lang))
        lines.append(f"- **{question_text(bank, question, lang)}** *{derived}* — {md(found.text)}")
    return lines + [""]


def _list(title: str, items: list[str]) -> list[str]:
    if not items:
        return []
    return [f"## {title}", "", *[f"- {item}" for item in items], ""]
