"""A comparison, a client's history and a team view as Markdown, terminal text (rich) or JSON.

The Markdown (`--format markdown`, export) is readable in any Markdown viewer. The terminal
output shows the same content drawn with rich: coloured levels, directions (▲ worse in red,
▼ better in green) and compact tables. JSON carries ids and raw answers, for scripts.

Text read from records and feedback is data: `md` in Markdown, `inert` in terminal text (see
wizard/inert.py); rich never parses it as markup (it goes in as Text, or with markup off).
"""

from __future__ import annotations

from datetime import date

from wizard.model.bank import LEVELS, Answer, Bank
from wizard.model.compare import BETTER, CHANGED, SAME, WORSE, Comparison
from wizard.model.feedback import Feedback, current, tally
from wizard.i18n import day, t
from wizard.model.lifecycle import is_overdue
from wizard.model.records import DecisionRecord
from wizard.inert import inert, markdown as md
from wizard.render.report import LEVEL_STYLES, _cell, answer_text, bar, evidence_lines, level_label, question_text, share_text
from wizard.model.team import History, TeamView, assessor_name, member_name

MARKS = {BETTER: "▼", WORSE: "▲", CHANGED: "≠", SAME: ""}
STYLES = {BETTER: "green", WORSE: "red", CHANGED: "yellow", SAME: ""}


def _signed(value: int | None) -> str:
    return "–" if value is None else f"{value:+d}"


def _who(record: DecisionRecord, lang: str) -> str:
    return assessor_name(record) or t("report.nobody", lang)


def _direction(change: str, lang: str) -> str:
    return f"{MARKS[change]} {t('review.change.' + change, lang)}" if change != SAME else ""


def _level(bank: Bank, level: str | None, lang: str) -> str:
    return level_label(bank, level, lang) if level else "–"


def _decided(record: DecisionRecord, bank: Bank, lang: str) -> str:
    return _level(bank, record.decision.level, lang) if record.decision else "–"


def _plain(value: Answer | None, bank: Bank, question_id: str, lang: str) -> str:
    return answer_text(bank, question_id, value, lang) if value is not None else "–"


def _short(value: Answer | None, bank: Bank, question_id: str, lang: str) -> str:
    """An answer for a Markdown table cell; "–" when not answered."""
    return _cell(_plain(value, bank, question_id, lang))


def _feedback_line(item: Feedback, lang: str) -> str:
    line = f"**{md(item.by)}**: {t('review.stance.' + item.stance, lang)} ({item.created:%Y-%m-%d})"
    return f"{line} — {md(item.comment)}" if item.comment else line


def _tally_text(items: tuple[Feedback, ...] | list[Feedback], lang: str) -> str:
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
        (t("review.assessor", lang), md(_who(a, lang)), md(_who(b, lang))),
        (t("report.status", lang), t("status." + a.status, lang), t("status." + b.status, lang)),
        (t("report.recommendation", lang), _level(bank, ra and ra.level, lang), _level(bank, rb and rb.level, lang)),
        (t("report.decision", lang), _decided(a, bank, lang), _decided(b, bank, lang)),
        (t("report.score", lang), str(ra.score) if ra else "–",
         f"{rb.score} ({_signed(cmp.score_delta)})" if rb else "–"),
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
            lines.append(f"| {bank.section(s.section).title(lang)} | {cells[0]} | {cells[1]} | {_signed(s.delta)} {mark} |")
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
        lines.append(f"| {_cell(question_text(bank, d.question, lang))} | {_short(d.first, bank, d.question, lang)} | "
                     f"{_short(d.second, bank, d.question, lang)} | {_direction(d.change, lang)} |")
    return lines


def _since(cmp: Comparison, bank: Bank, lang: str) -> list[str]:
    since = cmp.since
    a, b = cmp.first, cmp.second

    def listed(ids: tuple[str, ...]) -> str:
        return "".join(
            f"\n  - {question_text(bank, q, lang)} — {_short(a.answers.get(q), bank, q, lang)} → "
            f"{_short(b.answers.get(q), bank, q, lang)}" for q in ids)

    items = [t("review.since.score", lang, days=since.days, before=a.result.score, after=b.result.score,
               delta=_signed(since.score_delta))]
    if since.level_before != since.level_after:
        items.append(t("review.since.level", lang, before=_level(bank, since.level_before, lang),
                       after=_level(bank, since.level_after, lang),
                       direction=t("review.change." + since.level_direction, lang)))
    else:
        items.append(t("review.since.level_same", lang, level=_level(bank, since.level_after, lang)))
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
        headline.append(f"{label} {record.created:%Y-%m-%d} {inert(_who(record, lang))}: ")
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
        table.add_row(question_text(bank, d.question, lang), _plain(d.first, bank, d.question, lang),
                      Text(_plain(d.second, bank, d.question, lang), style=style),
                      Text(_direction(d.change, lang), style=style))
    console.print(table)
    evidence = _comparison_evidence(cmp, bank, lang)
    if evidence:
        console.print(Markdown("\n".join(evidence)))


def comparison_json(cmp: Comparison) -> dict:
    return {
        "same_client": cmp.same_client,
        "first": _record_json(cmp.first),
        "second": _record_json(cmp.second),
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


def _record_json(record: DecisionRecord, feedback: tuple[Feedback, ...] = ()) -> dict:
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
        data["feedback"] = [_feedback_json(f) for f in feedback]
    return data


def _feedback_json(item: Feedback) -> dict:
    return {"by": item.by, "stance": item.stance, "comment": item.comment, "created": item.created.isoformat()}


# ---------------------------------------------------------------------------------------------
# History


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
            f"| {record.created:%Y-%m-%d} | {md(_who(record, lang))} | {_level(bank, record.result.level, lang)} | "
            f"{record.result.score} | `{bar(record.result.score, 10)}` | {t('status.' + record.status, lang)} | "
            f"{_decided(record, bank, lang)} | {due} | {_tally_text(hist.feedback.get(record.id, ()), lang)} | "
            f"{record.id} |")
    lines.append("")
    lines += [f"## {t('review.level_changes', lang)}", ""]
    lines += [f"- {c.at:%Y-%m-%d}: {_level(bank, c.before, lang)} → {_level(bank, c.after, lang)} "
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
        text += ": " + t("review.decided", lang, level=_level(bank, d.decision.level, lang),
                         recommended=_level(bank, d.recommended, lang),
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
            "decided": _decided_mark(record, bank, lang), "review": due,
            "feedback": stance_marks(hist.feedback.get(record.id, ())), "assessor": inert(_who(record, lang)),
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


def _decided_mark(record: DecisionRecord, bank: Bank, lang: str) -> str:
    """The level decided on, "=" when it is the recommendation, "–" when nothing is decided."""
    if record.decision is None:
        return "–"
    if record.result is not None and record.decision.level == record.result.level:
        return "="
    return _level(bank, record.decision.level, lang)


def fitted_table(width: int, columns: list[tuple[str, int | None, int | None]], rows: list[dict], lang: str,
                 levels: list[str] = ()):
    """A borderless table that fits `width` columns without ever cutting a level: columns that
    may shrink (names) shrink first, then optional columns are left out, least useful first.

    `columns` are (key, smallest width or None, drop rank or None); headers are `cli.col.<key>`.
    `levels` are every level label, so the level columns are as wide whatever is listed."""
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    def natural(key: str) -> int:
        cells = [cell_len(row[key].plain if isinstance(row[key], Text) else row[key]) for row in rows]
        if key == "level":
            cells += [cell_len(label) for label in levels]
        return max([cell_len(t("cli.col." + key, lang)), *cells])

    widths = {key: natural(key) for key, _, _ in columns}
    kept = [key for key, _, _ in columns]
    smallest = {key: low for key, low, _ in columns}
    ranks = sorted(((rank, key) for key, _, rank in columns if rank is not None), reverse=True)

    def total() -> int:
        return sum(widths[key] for key in kept) + len(kept) - 1  # one space between columns

    while total() > width:
        shrinkable = [key for key in kept if smallest[key] is not None and widths[key] > smallest[key]]
        if shrinkable:
            key = shrinkable[0]
            widths[key] = max(smallest[key], widths[key] - (total() - width))
        elif ranks:
            kept.remove(ranks.pop(0)[1])
        else:
            break  # only what is never cut is left: the terminal wraps the lines
    table = Table(box=None, pad_edge=False, padding=(0, 1), collapse_padding=True)
    for key in kept:
        table.add_column(t("cli.col." + key, lang), width=widths[key], no_wrap=True, overflow="ellipsis",
                         justify="right" if key == "score" else "left")
    for row in rows:  # plain strings as Text: rich never reads a name as markup
        table.add_row(*[row[key] if isinstance(row[key], Text) else Text(row[key]) for key in kept])
    return table


STANCE_MARKS = {"agree": "✓", "disagree": "✗", "abstain": "○"}


def stance_marks(items) -> str:
    """Each teammate's current stance as one mark: ✓ agree, ✗ disagree, ○ abstain."""
    return "".join(STANCE_MARKS[f.stance] for f in current(list(items))) or "–"


def history_json(hist: History, today: date) -> dict:
    return {
        "client": hist.client,
        "scores": hist.scores,
        "sparkline": hist.sparkline,
        "records": [_record_json(r, hist.feedback.get(r.id, ())) | {"overdue": is_overdue(r, today)}
                    for r in hist.records],
        "level_changes": [{"at": c.at.isoformat(), "record": c.record, "before": c.before, "after": c.after,
                           "direction": c.direction} for c in hist.level_changes],
        "decisions": [{"record": d.record, "at": d.at.isoformat(), "status": d.status,
                       "level": d.decision.level if d.decision else None, "recommended": d.recommended,
                       "reason": d.decision.reason if d.decision else "", "outcome": d.outcome}
                      for d in hist.decisions],
        "conflict": [{"id": r.id, "level": r.level, "by": _decided_by(r)} for r in hist.conflict],
    }


# ---------------------------------------------------------------------------------------------
# Team view


def markdown_team(view: TeamView, bank: Bank, lang: str) -> str:
    lines = [f"# {t('review.team.title', lang, client=md(view.client))}", ""]
    if not view.members:
        return "\n".join(lines + [t("review.no_client", lang, client=md(view.client))]) + "\n"
    lines += _consensus_lines(view, bank, lang)
    names = [member_name(view, r) for r in view.members]
    shown = [md(name) for name in names]
    lines += [f"| {t('review.teammate', lang)} | {t('review.date', lang)} | {t('report.recommendation', lang)} | "
              f"{t('report.score', lang)} | {t('report.status', lang)} | {t('review.feedback', lang)} | "
              f"{t('review.record', lang)} |", "|---|---|---|---:|---|---|---|"]
    for name, record in zip(shown, view.members):
        lines.append(f"| {name} | {record.created:%Y-%m-%d} | {_level(bank, record.result.level, lang)} | "
                     f"{record.result.score} | {t('status.' + record.status, lang)} | "
                     f"{_tally_text(view.feedback.get(record.id, ()), lang)} | {record.id} |")
    lines += ["", f"## {t('review.team.disagreements', lang)}", ""]
    if view.disagreements:
        lines += [f"| {t('report.question', lang)} | " + " | ".join(shown) + f" | {t('review.spread', lang)} |",
                  "|---|" + "---|" * len(names) + "---:|"]
        for d in view.disagreements:
            cells = [_short(d.answers.get(n), bank, d.question, lang) for n in names]
            lines.append(f"| {_cell(question_text(bank, d.question, lang))} | " + " | ".join(cells)
                         + f" | {round(d.size * 100)}% |")
        lines += ["", t("review.team.rule", lang)]
    else:
        lines.append(no_disagreement_text(view, lang))
    lines.append("")
    if any(view.feedback.values()):
        lines += [f"## {t('review.feedback', lang)}", ""]
        for name, record in zip(shown, view.members):
            items = view.feedback.get(record.id, ())
            if items:
                lines += [f"### {t('review.feedback_on', lang, name=name, id=record.id)}", ""]
                lines += [f"- {_feedback_line(f, lang)}" for f in items]
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _consensus_lines(view: TeamView, bank: Bank, lang: str) -> list[str]:
    head = f"**{t('review.team.consensus', lang)}: {_level(bank, view.consensus.level, lang)}**"
    lines = [head, ""] + [f"- {line}" for line in consensus_detail(view, bank, lang, md)]
    if view.conflict:
        lines += ["", f"**{conflict_text(view.conflict, bank, lang, md)}**"]
    return lines + ["", t("review.team.consensus_rule", lang), ""]


def consensus_detail(view: TeamView, bank: Bank, lang: str, escape=inert) -> list[str]:
    """How far apart the teammates are, what their feedback says, how complete each assessment
    is, and their mean score: the same lines on the command line, in Markdown and on screen
    (the teammates' names passed through `escape`: inert, or md for Markdown)."""
    c = view.consensus
    if c.agreed:
        agreement = t("review.team.agreed", lang, count=len(c.levels))
    elif c.spread == 0 and c.levels:
        agreement = t("review.team.same_level", lang, count=len(c.levels))
    else:
        ranks = sorted(c.levels.values(), key=LEVELS.index)
        agreement = t("review.team.spread", lang, steps=c.spread, mildest=_level(bank, ranks[0], lang),
                      harshest=_level(bank, ranks[-1], lang))
    lines = [agreement]
    if c.disagreeing:
        lines.append(t("review.team.stances_disagree", lang, count=len(c.disagreeing), total=c.stances,
                       names=", ".join(map(escape, c.disagreeing))))
    shares = ", ".join(f"{escape(name)} {round(share * 100)}%" for name, share in c.confidence.items())
    lines.append(t("review.team.confidence", lang, shares=shares))
    if c.thin:
        lines.append(t("review.team.thin", lang, names=", ".join(map(escape, c.thin))))
    elif c.all_thin:
        lines.append(t("review.team.all_thin", lang))
    lines.append(t("review.team.mean_score", lang, score=view.mean_score))
    return lines


def no_disagreement_text(view: TeamView, lang: str) -> str:
    if len(view.members) < 2:
        return t("review.team.one_member", lang)
    return t("review.team.no_disagreements", lang)


def conflict_text(records, bank: Bank, lang: str, escape=inert) -> str:
    """Two or more accepted decisions on one client that disagree, and what to do about it."""
    decided = " · ".join(f"{_level(bank, r.level, lang)} ({r.id}, {escape(_decided_by(r)) or '?'})" for r in records)
    return t("review.conflict", lang, decisions=decided)


def _decided_by(record) -> str:
    decision = getattr(record, "decision", None)
    return (decision.by if decision is not None and decision.by else "") or record.assessor


def print_team(view: TeamView, bank: Bank, lang: str, console) -> None:
    from rich.table import Table
    from rich.text import Text

    console.print(Text(t("review.team.title", lang, client=inert(view.client)), style="bold"))
    if not view.members:
        console.print(Text(t("review.no_client", lang, client=inert(view.client))))
        return
    level = view.consensus.level
    line = Text(f"{t('review.team.consensus', lang)}: ")
    line.append(f" {level_label(bank, level, lang).upper()} ", style=f"reverse {LEVEL_STYLES[level]}")
    console.print(line)
    for detail in consensus_detail(view, bank, lang):
        console.print(f"  {detail}", markup=False)
    if view.conflict:
        console.print(Text(conflict_text(view.conflict, bank, lang), style="bold red"), soft_wrap=True)
    console.print(Text(t("review.team.consensus_rule", lang), style="dim"))
    names = [member_name(view, r) for r in view.members]
    rows = [{"teammate": inert(name), "date": f"{record.created:%Y-%m-%d}",
             "level": Text(level_label(bank, record.result.level, lang), style=LEVEL_STYLES[record.result.level]),
             "score": str(record.result.score), "status": t("status." + record.status, lang),
             "feedback": stance_marks(view.feedback.get(record.id, ())), "record": record.id}
            for name, record in zip(names, view.members)]
    console.print(fitted_table(console.width, [
        ("teammate", 8, None), ("date", None, 2), ("level", None, None), ("score", None, None),
        ("status", None, 1), ("feedback", None, 3), ("record", None, None),
    ], rows, lang, levels=[level_label(bank, level, lang) for level in LEVELS]))
    console.print()
    console.print(Text(t("review.team.disagreements", lang), style="bold"))
    if not view.disagreements:
        console.print(no_disagreement_text(view, lang))
    else:
        table = Table(box=None, pad_edge=False)
        for column in (t("report.question", lang), *map(inert, names), t("review.spread", lang)):
            table.add_column(Text(column))
        for d in view.disagreements:
            table.add_row(question_text(bank, d.question, lang),
                          *[_plain(d.answers.get(n), bank, d.question, lang) for n in names],
                          Text(f"{round(d.size * 100)}%", style="red" if d.size >= 0.5 else "yellow"))
        console.print(table)
        console.print(Text(t("review.team.rule", lang), style="dim"))
    for name, record in zip(names, view.members):
        items = view.feedback.get(record.id, ())
        if items:
            console.print(Text(t("review.feedback_on", lang, name=inert(name), id=record.id), style="bold"))
            for item in items:
                console.print(Text(f"  {STANCE_MARKS[item.stance]} {inert(item.by)}: "
                                   f"{t('review.stance.' + item.stance, lang)} ({item.created:%Y-%m-%d})"
                                   + (f" — {inert(item.comment)}" if item.comment else "")))


def team_json(view: TeamView) -> dict:
    names = [member_name(view, r) for r in view.members]
    return {
        "client": view.client,
        "consensus": {"level": view.consensus.level, "spread": view.consensus.spread,
                      "agreed": view.consensus.agreed, "levels": view.consensus.levels,
                      "mean_score": view.mean_score, "confidence": view.consensus.confidence,
                      "left_out": list(view.consensus.thin), "all_thin": view.consensus.all_thin,
                      "disagreeing": list(view.consensus.disagreeing), "stances": view.consensus.stances},
        "conflict": [{"id": r.id, "level": r.level, "by": _decided_by(r)} for r in view.conflict],
        "members": [{"name": n} | _record_json(r, view.feedback.get(r.id, ())) for n, r in zip(names, view.members)],
        "disagreements": [{"question": d.question, "answers": d.answers, "spread": d.spread, "size": d.size}
                          for d in view.disagreements],
    }
