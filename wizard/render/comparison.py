"""Two records compared, and the wording every report on saved records shares (comparison,
history, team view): as Markdown, terminal text (rich) or JSON.

The Markdown (`--format markdown`, export) is readable in any Markdown viewer. The terminal
output shows the same content drawn with rich: coloured levels, directions (▲ worse in red,
▼ better in green) and compact tables. JSON carries ids and raw answers, for scripts.

Text read from records and feedback is data: `md` in Markdown, `inert` in terminal text (see
wizard/inert.py); rich never parses it as markup (it goes in as Text, or with markup off).
"""

from __future__ import annotations


from wizard.model.bank import Answer, Bank
from wizard.model.compare import BETTER, CHANGED, SAME, WORSE, Comparison
from wizard.model.feedback import Feedback, current, tally
from wizard.i18n import day, t
from wizard.model.records import DecisionRecord
from wizard.inert import inert, markdown as md, table_cell
from wizard.render.report import LEVEL_STYLES, answer_text, bar, evidence_lines, level_label, question_text, share_text
from wizard.model.team import assessor_name

MARKS = {BETTER: "▼", WORSE: "▲", CHANGED: "≠", SAME: ""}
STYLES = {BETTER: "green", WORSE: "red", CHANGED: "yellow", SAME: ""}


def signed(value: int | None) -> str:
    return "–" if value is None else f"{value:+d}"


def who(record: DecisionRecord, lang: str) -> str:
    return assessor_name(record) or t("report.nobody", lang)


def direction(change: str, lang: str) -> str:
    return f"{MARKS[change]} {t('review.change.' + change, lang)}" if change != SAME else ""


def level_or_dash(bank: Bank, level: str | None, lang: str) -> str:
    return level_label(bank, level, lang) if level else "–"


def decided_level(record: DecisionRecord, bank: Bank, lang: str) -> str:
    return level_or_dash(bank, record.decision.level, lang) if record.decision else "–"


def plain_answer(value: Answer | None, bank: Bank, question_id: str, lang: str) -> str:
    return answer_text(bank, question_id, value, lang) if value is not None else "–"


def short_answer(value: Answer | None, bank: Bank, question_id: str, lang: str) -> str:
    """An answer for a Markdown table cell; "–" when not answered."""
    return table_cell(plain_answer(value, bank, question_id, lang))


def feedback_line(item: Feedback, lang: str) -> str:
    line = f"**{md(item.by)}**: {t('review.stance.' + item.stance, lang)} ({item.created:%Y-%m-%d})"
    return f"{line} — {md(item.comment)}" if item.comment else line


def tally_text(items: tuple[Feedback, ...] | list[Feedback], lang: str) -> str:
    counts = tally(list(items))
    return " · ".join(f"{t('review.stance.' + s, lang)} {n}" for s, n in counts.items() if n) or "–"


# ---------------------------------------------------------------------------------------------
# Comparison


def markdown_comparison(cmp: Comparison, bank: Bank, lang: str) -> str:
    lines = [f"# {_comparison_title(cmp, lang, md)}", ""]
    if cmp.since is not None:
        lines += _since(cmp, bank, lang)
    lines += _comparison_overview(cmp, bank, lang) + _comparison_answers(cmp, bank, lang) + [""]
    lines += _comparison_evidence(cmp, bank, lang)
    return "\n".join(lines).rstrip() + "\n"


def _comparison_evidence(cmp: Comparison, bank: Bank, lang: str) -> list[str]:
    """Each record's evidence from an invoice ledger, when it has some."""
    return [line for label, record in (("A", cmp.first), ("B", cmp.second))
            for line in evidence_lines(record, bank, lang, f"{t('ledger.evidence', lang)} ({label})")]


def _comparison_title(cmp: Comparison, lang: str, escape) -> str:
    a, b = cmp.first, cmp.second
    client = escape(a.client) if cmp.same_client else f"{escape(a.client)} / {escape(b.client)}"
    return t("review.compare.title", lang, client=client)


def _comparison_overview(cmp: Comparison, bank: Bank, lang: str) -> list[str]:
    """The two records' headlines, section scores and main reasons."""
    a, b = cmp.first, cmp.second
    ra, rb = a.result, b.result
    rows = [
        (t("review.record", lang), a.id, b.id),
        (t("review.client", lang), md(a.client), md(b.client)),
        (t("review.assessor", lang), md(who(a, lang)), md(who(b, lang))),
        (t("report.status", lang), t("status." + a.status, lang), t("status." + b.status, lang)),
        (t("report.recommendation", lang), level_or_dash(bank, ra and ra.level, lang), level_or_dash(bank, rb and rb.level, lang)),
        (t("report.decision", lang), decided_level(a, bank, lang), decided_level(b, bank, lang)),
        (t("report.score", lang), str(ra.score) if ra else "–",
         f"{rb.score} ({signed(cmp.score_delta)})" if rb else "–"),
        (t("report.confidence", lang), f"{round(ra.confidence * 100)}%" if ra else "–",
         f"{round(rb.confidence * 100)}%" if rb else "–"),
    ]
    lines = [f"| | A · {a.created:%Y-%m-%d} | B · {b.created:%Y-%m-%d} |", "|---|---|---|"]
    lines += [f"| {name} | {x} | {y} |" for name, x, y in rows]
    lines.append("")
    if cmp.sections:
        lines += [f"## {t('report.sections', lang)}", "",
                  f"| {t('report.section', lang)} | A | B | Δ |", "|---|---|---|---:|"]
        for s in cmp.sections:
            cells = [f"`{bar(v, 10)}` {v}" if v is not None else "–" for v in (s.first, s.second)]
            delta = s.delta or 0
            mark = MARKS[WORSE] if delta > 0 else MARKS[BETTER] if delta < 0 else ""
            lines.append(f"| {bank.section(s.section).title(lang)} | {cells[0]} | {cells[1]} | {signed(s.delta)} {mark} |")
        lines.append("")
    for label, record in (("A", a), ("B", b)):
        if record.result and record.result.reasons:
            lines += [f"## {t('report.reasons', lang)} ({label})", ""]
            lines += [f"- {question_text(bank, r.question, lang)} "
                      f"({answer_text(bank, r.question, record.answers.get(r.question), lang)}): {share_text(r, lang)}"
                      for r in record.result.reasons]
            lines.append("")
    return lines


def _comparison_answers(cmp: Comparison, bank: Bank, lang: str) -> list[str]:
    lines = [f"## {t('report.answers', lang)}", "",
             f"| {t('report.question', lang)} | A | B | |", "|---|---|---|---|"]
    section = None
    for d in cmp.answers:
        if d.section != section:
            section = d.section
            lines.append(f"| **{bank.section(section).title(lang)}** | | | |")
        lines.append(f"| {table_cell(question_text(bank, d.question, lang))} | {short_answer(d.first, bank, d.question, lang)} | "
                     f"{short_answer(d.second, bank, d.question, lang)} | {direction(d.change, lang)} |")
    return lines


def _since(cmp: Comparison, bank: Bank, lang: str) -> list[str]:
    since = cmp.since
    a, b = cmp.first, cmp.second

    def listed(ids: tuple[str, ...]) -> str:
        return "".join(
            f"\n  - {question_text(bank, q, lang)} — {short_answer(a.answers.get(q), bank, q, lang)} → "
            f"{short_answer(b.answers.get(q), bank, q, lang)}" for q in ids)

    items = [t("review.since.score", lang, days=since.days, before=a.result.score, after=b.result.score,
               delta=signed(since.score_delta))]
    if since.level_before != since.level_after:
        items.append(t("review.since.level", lang, before=level_or_dash(bank, since.level_before, lang),
                       after=level_or_dash(bank, since.level_after, lang),
                       direction=t("review.change." + since.level_direction, lang)))
    else:
        items.append(t("review.since.level_same", lang, level=level_or_dash(bank, since.level_after, lang)))
    for key, ids in (("worse", since.worse), ("better", since.better), ("changed", since.changed)):
        if ids:
            items.append(f"{MARKS[key]} **{t('review.since.' + key, lang, count=len(ids))}**{listed(ids)}")
    if not (since.worse or since.better or since.changed):
        items.append(t("review.since.no_answers", lang))
    for key, ids in (("added", since.principles_added), ("dropped", since.principles_dropped)):
        names = [bank.principles[p].name(lang) for p in ids if p in bank.principles]
        if names:
            items.append(t("review.since.principles_" + key, lang, names=", ".join(names)))
    title = t("review.since.title", lang, date=day(a.created, lang))
    return [f"## {title}", "", *[f"- {item}" for item in items], ""]


def print_comparison(cmp: Comparison, bank: Bank, lang: str, console) -> None:
    from rich.markdown import Markdown
    from rich.table import Table
    from rich.text import Text

    console.print(Text(_comparison_title(cmp, lang, inert), style="bold"))
    headline = Text()
    for label, record in (("A", cmp.first), ("B", cmp.second)):
        headline.append(f"{label} {record.created:%Y-%m-%d} {inert(who(record, lang))}: ")
        if record.result:
            style = LEVEL_STYLES[record.result.level]
            headline.append(f" {level_label(bank, record.result.level, lang).upper()} ", style=f"reverse {style}")
            headline.append(f" {record.result.score}/100   ")
    console.print(headline)
    if cmp.since is not None:
        console.print(Markdown("\n".join(_since(cmp, bank, lang))))
    console.print(Markdown("\n".join(_comparison_overview(cmp, bank, lang))))
    # The answers as a table coloured by direction: red worse, green better.
    table = Table(title=t("report.answers", lang), title_justify="left")
    for column in (t("report.question", lang), "A", "B", ""):
        table.add_column(column)
    for d in cmp.answers:
        style = STYLES[d.change]
        table.add_row(question_text(bank, d.question, lang), plain_answer(d.first, bank, d.question, lang),
                      Text(plain_answer(d.second, bank, d.question, lang), style=style),
                      Text(direction(d.change, lang), style=style))
    console.print(table)
    evidence = _comparison_evidence(cmp, bank, lang)
    if evidence:
        console.print(Markdown("\n".join(evidence)))


def comparison_json(cmp: Comparison) -> dict:
    return {
        "same_client": cmp.same_client,
        "first": record_json(cmp.first),
        "second": record_json(cmp.second),
        "score_delta": cmp.score_delta,
        "sections": [{"section": s.section, "first": s.first, "second": s.second, "delta": s.delta}
                     for s in cmp.sections],
        "answers": [{"question": d.question, "section": d.section, "first": d.first, "second": d.second,
                     "change": d.change} for d in cmp.answers],
        "since": None if cmp.since is None else {
            "days": cmp.since.days, "score_delta": cmp.since.score_delta,
            "level_before": cmp.since.level_before, "level_after": cmp.since.level_after,
            "level_direction": cmp.since.level_direction,
            "better": list(cmp.since.better), "worse": list(cmp.since.worse), "changed": list(cmp.since.changed),
            "principles_added": list(cmp.since.principles_added),
            "principles_dropped": list(cmp.since.principles_dropped),
        },
    }


def record_json(record: DecisionRecord, feedback: tuple[Feedback, ...] = ()) -> dict:
    result = record.result
    data = {
        "id": record.id, "client": record.client, "assessor": record.assessor,
        "created": record.created.isoformat(), "status": record.status,
        "recommended": result.level if result else None, "score": result.score if result else None,
        "confidence": result.confidence if result else None,
        "sections": dict(result.sections) if result else {},
        "reasons": [{"question": r.question, "share": r.share, "decisive": r.decisive}
                    for r in result.reasons] if result else [],
        "decision": None if record.decision is None else {
            "level": record.decision.level, "reason": record.decision.reason, "comment": record.decision.comment,
            "by": record.decision.by, "at": record.decision.at.isoformat() if record.decision.at else None},
        "status_history": [{"status": c.status, "at": c.at.isoformat() if c.at else None, "by": c.by, "level": c.level,
                            "reason": c.reason, "comment": c.comment, "outcome": c.outcome}
                           for c in record.status_history],
        "review_date": record.review_date.isoformat() if record.review_date else None,
        "decision_makers": list(record.decision_makers), "consulted": list(record.consulted),
        "informed": list(record.informed), "outcome": record.outcome,
        "supersedes": list(record.supersedes), "superseded_by": list(record.superseded_by),
    }
    if record.evidence:
        data["evidence"] = {q: {"text": e.text, "derived": e.derived} for q, e in record.evidence.items()}
        data["from_ledger"] = list(record.from_ledger)
    if feedback:
        data["feedback"] = [feedback_json(f) for f in feedback]
    return data


def feedback_json(item: Feedback) -> dict:
    return {"by": item.by, "stance": item.stance, "comment": item.comment, "created": item.created.isoformat()}


STANCE_MARKS = {"agree": "✓", "disagree": "✗", "abstain": "○"}


def stance_marks(items) -> str:
    """Each teammate's current stance as one mark: ✓ agree, ✗ disagree, ○ abstain."""
    return "".join(STANCE_MARKS[f.stance] for f in current(list(items))) or "–"


def conflict_text(records, bank: Bank, lang: str, escape=inert) -> str:
    """Two or more accepted decisions on one client that disagree, and what to do about it."""
    decided = " · ".join(f"{level_or_dash(bank, r.level, lang)} ({r.id}, {escape(decided_by(r)) or '?'})" for r in records)
    return t("review.conflict", lang, decisions=decided)


def decided_by(record) -> str:
    decision = getattr(record, "decision", None)
    return (decision.by if decision is not None and decision.by else "") or record.assessor
