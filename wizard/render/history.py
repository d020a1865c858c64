"""A client's history: every assessment over time, its decisions and the team's feedback, as
Markdown, terminal text (rich) or JSON."""

from __future__ import annotations

from datetime import date

from wizard.i18n import day, t
from wizard.inert import inert, markdown as md
from wizard.model.bank import LEVELS, Bank
from wizard.model.lifecycle import is_overdue
from wizard.model.records import DecisionRecord
from wizard.model.team import History
from wizard.render.report import LEVEL_STYLES, bar, level_label
from wizard.render.tables import fitted_table
from wizard.render.comparison import (
    MARKS, STYLES, conflict_text, decided_by, decided_level, level_or_dash, record_json, stance_marks, tally_text, who,
)


def markdown_history(hist: History, bank: Bank, lang: str, today: date) -> str:
    lines = [f"# {t('review.history.title', lang, client=md(hist.client))}", ""]
    if not hist.records:
        return "\n".join(lines + [t("review.no_client", lang, client=md(hist.client))]) + "\n"
    first, last = hist.records[0], hist.records[-1]
    lines += [t("review.history.summary", lang, count=len(hist.records), start=day(first.created, lang),
                end=day(last.created, lang), spark=hist.sparkline, first=first.result.score,
                last=last.result.score), ""]
    if hist.conflict:
        lines += [f"**{conflict_text(hist.conflict, bank, lang, md)}**", ""]
    lines += [f"| {t('review.date', lang)} | {t('review.assessor', lang)} | {t('report.recommendation', lang)} | "
              f"{t('report.score', lang)} | | {t('report.status', lang)} | {t('report.decision', lang)} | "
              f"{t('review.review_due', lang)} | {t('review.feedback', lang)} | {t('review.record', lang)} |",
              "|---|---|---|---:|---|---|---|---|---|---|"]
    for record in hist.records:
        due = record.review_date.isoformat() if record.review_date else "–"
        if is_overdue(record, today):
            due = f"⚠ {due} ({t('review.overdue', lang)})"
        lines.append(
            f"| {record.created:%Y-%m-%d} | {md(who(record, lang))} | {level_or_dash(bank, record.result.level, lang)} | "
            f"{record.result.score} | `{bar(record.result.score, 10)}` | {t('status.' + record.status, lang)} | "
            f"{decided_level(record, bank, lang)} | {due} | {tally_text(hist.feedback.get(record.id, ()), lang)} | "
            f"{record.id} |")
    lines.append("")
    lines += [f"## {t('review.level_changes', lang)}", ""]
    lines += [f"- {c.at:%Y-%m-%d}: {level_or_dash(bank, c.before, lang)} → {level_or_dash(bank, c.after, lang)} "
              f"({MARKS[c.direction]} {t('review.change.' + c.direction, lang)})" for c in hist.level_changes] \
        or [t("review.no_level_changes", lang)]
    lines += ["", f"## {t('review.decisions', lang)}", ""]
    lines += [f"- {decision_line(d, bank, lang, md)} ({d.record})" for d in hist.decisions] \
        or [t("review.no_decisions", lang)]
    return "\n".join(lines).rstrip() + "\n"


def decision_line(d, bank: Bank, lang: str, escape=inert) -> str:
    """One decision of a client's history: when, which status, the level decided against the
    recommended one and who recorded it, the reason and the outcome."""
    text = f"{d.at:%Y-%m-%d} · {t('status.' + d.status, lang)}"
    if d.decision is not None:
        text += ": " + t("review.decided", lang, level=level_or_dash(bank, d.decision.level, lang),
                         recommended=level_or_dash(bank, d.recommended, lang),
                         by=escape(d.decision.by) or t("report.nobody", lang))
        if d.decision.reason:
            text += f" {t('review.reason', lang)}: {escape(d.decision.reason)}"
    if d.outcome:
        text += f" {t('review.outcome', lang)}: {escape(d.outcome)}"
    return text


def print_history(hist: History, bank: Bank, lang: str, console, today: date) -> None:
    from rich.text import Text

    console.print(Text(t("review.history.title", lang, client=inert(hist.client)), style="bold"))
    if not hist.records:
        console.print(Text(t("review.no_client", lang, client=inert(hist.client))))
        return
    line = Text(f"{t('report.score', lang)}: ")
    for record, tick in zip(hist.records, hist.sparkline):
        line.append(tick, style=LEVEL_STYLES[record.result.level].replace("bold ", ""))
    line.append(f"  {hist.scores[0]} → {hist.scores[-1]}  ")
    line.append(f"({len(hist.records)} · {hist.records[0].created:%Y-%m-%d} → {hist.records[-1].created:%Y-%m-%d})",
                style="dim")
    console.print(line)
    if hist.conflict:
        console.print(Text(conflict_text(hist.conflict, bank, lang), style="bold red"), soft_wrap=True)
    rows = []
    for record in hist.records:
        result = record.result
        due = Text(record.review_date.isoformat() if record.review_date else "–")
        if is_overdue(record, today):
            due = Text(f"⚠ {due.plain}", style="bold red")
        rows.append({
            "date": f"{record.created:%Y-%m-%d}",
            "level": Text(level_label(bank, result.level, lang), style=LEVEL_STYLES[result.level]),
            "score": str(result.score), "status": t("status." + record.status, lang),
            "decided": decided_mark(record, bank, lang), "review": due,
            "feedback": stance_marks(hist.feedback.get(record.id, ())), "assessor": inert(who(record, lang)),
            "record": record.id,
        })
    console.print(fitted_table(console.width, [
        # key, shrinks to (None: never cut), dropped when too narrow (higher first; None: never)
        ("date", None, None), ("level", None, None), ("score", None, None), ("status", None, 2),
        ("decided", None, 1), ("review", None, 3), ("feedback", None, 5), ("assessor", 6, 4), ("record", None, None),
    ], rows, lang, levels=[level_label(bank, level, lang) for level in LEVELS]))
    if any(row["decided"] == "=" for row in rows):
        console.print(Text(t("cli.decided_as_recommended", lang), style="dim"))
    console.print()
    console.print(Text(t("review.level_changes", lang), style="bold"))
    for c in hist.level_changes:
        console.print(Text(f"  {c.at:%Y-%m-%d}  {level_label(bank, c.before, lang)} → {level_label(bank, c.after, lang)}"
                           f"  {MARKS[c.direction]} {t('review.change.' + c.direction, lang)}", style=STYLES[c.direction]))
    if not hist.level_changes:
        console.print(f"  {t('review.no_level_changes', lang)}")
    console.print(Text(t("review.decisions", lang), style="bold"))
    for d in hist.decisions:
        console.print(Text(f"  {decision_line(d, bank, lang)} ({d.record})"))
    if not hist.decisions:
        console.print(f"  {t('review.no_decisions', lang)}")


def decided_mark(record: DecisionRecord, bank: Bank, lang: str) -> str:
    """The level decided on, "=" when it is the recommendation, "–" when nothing is decided."""
    if record.decision is None:
        return "–"
    if record.result is not None and record.decision.level == record.result.level:
        return "="
    return level_or_dash(bank, record.decision.level, lang)


def history_json(hist: History, today: date) -> dict:
    return {
        "client": hist.client,
        "scores": hist.scores,
        "sparkline": hist.sparkline,
        "records": [record_json(r, hist.feedback.get(r.id, ())) | {"overdue": is_overdue(r, today)}
                    for r in hist.records],
        "level_changes": [{"at": c.at.isoformat(), "record": c.record, "before": c.before, "after": c.after,
                           "direction": c.direction} for c in hist.level_changes],
        "decisions": [{"record": d.record, "at": d.at.isoformat(), "status": d.status,
                       "level": d.decision.level if d.decision else None, "recommended": d.recommended,
                       "reason": d.decision.reason if d.decision else "", "outcome": d.outcome}
                      for d in hist.decisions],
        "conflict": [{"id": r.id, "level": r.level, "by": decided_by(r)} for r in hist.conflict],
    }
