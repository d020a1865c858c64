"""The team's view of one client: each teammate's latest assessment side by side, where they
agree and where they differ, as Markdown, terminal text (rich) or JSON."""

from __future__ import annotations


from wizard.i18n import t
from wizard.inert import inert, markdown as md, table_cell
from wizard.model.bank import LEVELS, Bank
from wizard.model.team import TeamView, member_name
from wizard.render.report import LEVEL_STYLES, level_label, question_text
from wizard.render.tables import fitted_table
from wizard.render.comparison import (
    STANCE_MARKS, conflict_text, decided_by, feedback_line, level_or_dash, plain_answer, record_json, short_answer, stance_marks, tally_text,
)


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
        lines.append(f"| {name} | {record.created:%Y-%m-%d} | {level_or_dash(bank, record.result.level, lang)} | "
                     f"{record.result.score} | {t('status.' + record.status, lang)} | "
                     f"{tally_text(view.feedback.get(record.id, ()), lang)} | {record.id} |")
    lines += ["", f"## {t('review.team.disagreements', lang)}", ""]
    if view.disagreements:
        lines += [f"| {t('report.question', lang)} | " + " | ".join(shown) + f" | {t('review.spread', lang)} |",
                  "|---|" + "---|" * len(names) + "---:|"]
        for d in view.disagreements:
            cells = [short_answer(d.answers.get(n), bank, d.question, lang) for n in names]
            lines.append(f"| {table_cell(question_text(bank, d.question, lang))} | " + " | ".join(cells)
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
                lines += [f"- {feedback_line(f, lang)}" for f in items]
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _consensus_lines(view: TeamView, bank: Bank, lang: str) -> list[str]:
    head = f"**{t('review.team.consensus', lang)}: {level_or_dash(bank, view.consensus.level, lang)}**"
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
        agreement = t("review.team.spread", lang, steps=c.spread, mildest=level_or_dash(bank, ranks[0], lang),
                      harshest=level_or_dash(bank, ranks[-1], lang))
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
                          *[plain_answer(d.answers.get(n), bank, d.question, lang) for n in names],
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
        "conflict": [{"id": r.id, "level": r.level, "by": decided_by(r)} for r in view.conflict],
        "members": [{"name": n} | record_json(r, view.feedback.get(r.id, ())) for n, r in zip(names, view.members)],
        "disagreements": [{"question": d.question, "answers": d.answers, "spread": d.spread, "size": d.size}
                          for d in view.disagreements],
    }
