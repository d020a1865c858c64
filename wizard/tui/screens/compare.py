"""Two records side by side: what changed since (same client), headlines, section bars, reasons and
every answer, with the direction of each difference (▲ worse in red, ▼ better in green, ≠ changed).

The comparison itself is the core's (`wizard.model.compare`): for two assessments of one client, A is
always the older one.
"""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from wizard.i18n import day, t
from wizard.inert import inert
from wizard.model.bank import Answer
from wizard.model.compare import BETTER, CHANGED, SAME, WORSE, Comparison, compare
from wizard.model.records import DecisionRecord
from wizard.render.report import answer_text, level_label, question_text, share_text
from wizard.render.comparison import MARKS, markdown_comparison
from wizard.storage.exports import export_path
from wizard.tui.base import WizardScreen
from wizard.tui.palette import client_commands, export_view
from wizard.tui.widgets.footer import KeyFooter
from wizard.tui.styles.colours import change_style, colour, tint
from wizard.tui.widgets.result_view import Item, short_path
from wizard.tui.widgets.score_bar import ScoreBar

SUMMARY_NAMES = 2  # questions named per line of the "what changed" summary


class CompareScreen(WizardScreen[None]):
    BINDINGS = [
        Binding("d", "differences", "tui.key.differences"),
        Binding("e", "export", "tui.key.export"),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, first: DecisionRecord, second: DecisionRecord) -> None:
        super().__init__()
        self.first, self.second = first, second
        self.only_differences = False
        self.markdown_path: Path | None = None

    @property
    def comparison(self) -> Comparison:
        return compare(self.app.bank, self.first, self.second)

    def compose(self) -> ComposeResult:
        cmp = self.comparison
        a, b = cmp.first, cmp.second
        with Horizontal(id="topbar"):
            yield Static(Content(self._title(cmp)), id="who")
            yield Static(Content(f"A {a.created:%Y-%m-%d} → B {b.created:%Y-%m-%d}"), id="compare-dates")
        with VerticalScroll(id="compare-body"):
            if cmp.since is not None:
                yield from self._since(cmp)
            yield from self._sides(cmp)
            yield from self._sections(cmp)
            yield from self._reasons(cmp)
            yield from self._answers(cmp)
            if self.markdown_path is not None:
                yield Static(Content(self.t("tui.result.markdown_file", path=short_path(self.markdown_path))),
                             classes="muted files", id="compare-files")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#compare-body").focus()
        # The answers' colours are the theme's: draw them again in a new theme.
        self.app.theme_changed_signal.subscribe(self, lambda _: self.call_later(self.apply_language))

    async def apply_language(self) -> None:
        await super().apply_language()
        self.query_one("#compare-body").focus()

    def _title(self, cmp: Comparison) -> str:
        a, b = cmp.first, cmp.second
        client = inert(a.client) if cmp.same_client else f"{inert(a.client)} / {inert(b.client)}"
        return self.t("review.compare.title", client=client)

    def _level(self, level: str | None) -> str:
        return level_label(self.app.bank, level, self.lang) if level else "—"

    def _question(self, question_id: str) -> str:
        return question_text(self.app.bank, question_id, self.lang)

    def _answer(self, record: DecisionRecord, question_id: str, value: Answer | None) -> str:
        return answer_cell(self.app.bank, record, question_id, value, self.lang)

    # -- what changed since -------------------------------------------------------------------

    def _since(self, cmp: Comparison) -> ComposeResult:
        since, a, b = cmp.since, cmp.first, cmp.second
        with Vertical(id="since", classes=f"since -{since.level_direction}"):
            yield Static(Content(self.t("review.since.title", date=day(a.created, self.lang))), classes="since-title")
            delta = f"{since.score_delta:+d}"
            yield Static(Content(self.t("review.since.score", days=since.days, before=a.result.score,
                                        after=b.result.score, delta=delta)))
            if since.level_before != since.level_after:
                yield Static(Content(self.t("review.since.level", before=self._level(since.level_before),
                                            after=self._level(since.level_after),
                                            direction=self.t("review.change." + since.level_direction))),
                             classes=f"-{since.level_direction}")
            else:
                yield Static(Content(self.t("review.since.level_same", level=self._level(since.level_after))))
            for change, ids in ((WORSE, since.worse), (BETTER, since.better), (CHANGED, since.changed)):
                if ids:
                    yield Item(MARKS[change], self._named(change, ids), classes=f"-{change}")
            if not (since.worse or since.better or since.changed):
                yield Static(Content(self.t("review.since.no_answers")), classes="muted")
            for key, ids in (("added", since.principles_added), ("dropped", since.principles_dropped)):
                names = [self.app.bank.principles[p].name(self.lang) for p in ids if p in self.app.bank.principles]
                if names:
                    yield Static(Content(self.t("review.since.principles_" + key, names=", ".join(names))))

    def _named(self, change: str, ids: tuple[str, ...]) -> Content:
        names = "; ".join(self._question(q) for q in ids[:SUMMARY_NAMES])
        if len(ids) > SUMMARY_NAMES:
            names += " " + self.t("tui.compare.more", count=len(ids) - SUMMARY_NAMES)
        return Content.assemble((self.t("review.since." + change, count=len(ids)) + ": ", "bold"), names)

    # -- the two headlines --------------------------------------------------------------------

    def _sides(self, cmp: Comparison) -> ComposeResult:
        with Horizontal(id="sides"):
            for label, record in (("A", cmp.first), ("B", cmp.second)):
                result = record.result
                level = result.level if result else None
                with Vertical(classes=f"side -{level}", id=f"side-{label.lower()}"):
                    who = inert(record.assessor) or self.t("report.nobody")
                    yield Static(Content(f"{label} · {record.created:%Y-%m-%d} · {who}"), classes="side-title")
                    if not cmp.same_client:
                        yield Static(Content(inert(record.client)), classes="side-client")
                    yield Static(Content(self._level(level).upper()), classes=f"side-level -{level}")
                    if result is not None:
                        score = str(result.score)
                        if label == "B" and cmp.score_delta is not None:
                            score += f" ({cmp.score_delta:+d})"
                        yield Static(Content(f"{self.t('tui.result.score')}: {score}"))
                    yield Static(Content(self.t("tui.result.status", status=self.t(f"status.{record.status}"))),
                                 classes="muted")
                    yield Static(Content(self._decision(record)), classes="muted")

    def _decision(self, record: DecisionRecord) -> str:
        decision = record.decision
        if decision is None:
            return self.t("tui.compare.no_decision")
        text = f"{self.t('tui.result.decision')}: {self._level(decision.level)}"
        return f"{text}\n{self.t('tui.result.decision_reason', reason=inert(decision.reason))}" if decision.reason else text

    # -- section scores as bars ---------------------------------------------------------------

    def _sections(self, cmp: Comparison) -> ComposeResult:
        if not cmp.sections:
            return
        yield Static(Content(self.t("tui.result.sections")), classes="heading")
        with Horizontal(classes="section-row section-head"):
            yield Static("", classes="section-title")
            yield Static(Content("A"), classes="section-side")
            yield Static(Content("B"), classes="section-side")
            yield Static(Content("Δ"), classes="delta")
        for section in cmp.sections:
            delta = section.delta
            change = SAME if not delta else WORSE if delta > 0 else BETTER
            with Horizontal(classes=f"section-row -{change}"):
                yield Static(Content(self.app.bank.section(section.section).title(self.lang)), classes="section-title")
                for value in (section.first, section.second):
                    if value is None:
                        yield Static(Content("–"), classes="section-side muted")
                    else:
                        yield ScoreBar("", value, classes="section-side")
                mark = f"{MARKS[change]}{delta:+d}" if delta else ("0" if delta == 0 else "–")
                yield Static(Content(mark), classes=f"delta -{change}")

    # -- main reasons -------------------------------------------------------------------------

    def _reasons(self, cmp: Comparison) -> ComposeResult:
        if not any(r.result and r.result.reasons for r in (cmp.first, cmp.second)):
            return
        yield Static(Content(self.t("tui.result.reasons")), classes="heading")
        with Horizontal(id="compare-reasons"):
            for label, record in (("A", cmp.first), ("B", cmp.second)):
                with Vertical(classes="side-reasons"):
                    yield Static(Content(label), classes="side-title")
                    reasons = record.result.reasons if record.result else ()
                    if not reasons:
                        yield Static(Content(self.t("tui.result.no_reasons")), classes="muted")
                    for reason in reasons:
                        line = self.t("tui.result.reason_line", question=self._question(reason.question),
                                      answer=self._answer(record, reason.question, record.answers.get(reason.question)))
                        if reason.decisive:  # a dealbreaker decided alone: its share would mislead
                            line = f"{line} · {share_text(reason, self.lang)}"
                        yield Item("‼" if reason.decisive else f"{round(reason.share * 100):>2}%", line)

    # -- every answer -------------------------------------------------------------------------

    def _answers(self, cmp: Comparison) -> ComposeResult:
        counts = {change: sum(1 for d in cmp.answers if d.change == change) for change in (WORSE, BETTER, CHANGED, SAME)}
        yield Static(Content(self.t("tui.compare.answers", **counts)), classes="heading", id="answers-heading")
        yield Static(Content(self.t("tui.compare.legend")), classes="muted")
        yield Static(answer_table(self.app, cmp, self.lang, self.only_differences), id="answer-table")

    # -- keys ---------------------------------------------------------------------------------

    def palette_commands(self):
        yield export_view(self)
        yield from client_commands(self, self.first.client)

    def action_differences(self) -> None:
        self.only_differences = not self.only_differences
        self.query_one("#answer-table", Static).update(answer_table(self.app, self.comparison, self.lang,
                                                                    self.only_differences))
        self.notify(self.t("tui.compare.only_differences" if self.only_differences else "tui.compare.every_answer"),
                    timeout=3)

    def action_export(self) -> None:
        cmp = self.comparison
        a, b = cmp.first, cmp.second
        clients = (a.client,) if cmp.same_client else (a.client, b.client)
        target = export_path(self.app.store.root, *clients, "compare", a.id, b.id)
        if self.export(target, markdown_comparison(cmp, self.app.bank, self.lang)) is None:
            return
        self.markdown_path = target
        for files in self.query("#compare-files").results(Static):
            files.remove()
        self.query_one("#compare-body").mount(Static(
            Content(self.t("tui.result.markdown_file", path=short_path(target))),
            classes="muted files", id="compare-files"))

    def action_back(self) -> None:
        self.app.pop_screen()


def answer_cell(bank, record: DecisionRecord, question_id: str, value: Answer | None, lang: str) -> str:
    """An answer as the comparison shows it: skipped, none (–), or its label."""
    if value is None:
        return t("report.skipped", lang) if question_id in record.skipped else "–"
    return answer_text(bank, question_id, value, lang)


def answer_table(app, cmp: Comparison, lang: str, only_differences: bool) -> Table:
    """Every answer (or only the differences), by section, in the theme's colours: one table,
    not a widget per answer."""
    bank, a, b = app.bank, cmp.first, cmp.second
    table = Table(box=None, expand=True, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0),
                  header_style=colour(app, "", bold=True, dim=True))
    table.add_column(t("report.question", lang), ratio=2)
    table.add_column(f"A · {a.created:%Y-%m-%d}", ratio=1)
    table.add_column(f"B · {b.created:%Y-%m-%d}", ratio=1)
    table.add_column("", width=1, no_wrap=True)
    backgrounds = {WORSE: tint(app, "error", 0.12), BETTER: tint(app, "success", 0.12),
                   CHANGED: tint(app, "warning", 0.08)}
    section = None
    for diff in cmp.answers:
        if only_differences and diff.change == SAME:
            continue
        if diff.section != section:
            section = diff.section
            table.add_row("", end_section=False)
            table.add_row(Text(bank.section(section).title(lang), style="italic"), style=colour(app, "", dim=True))
        style = change_style(app, diff.change)
        table.add_row(
            Text(question_text(bank, diff.question, lang)),
            Text(answer_cell(bank, a, diff.question, diff.first, lang), style=style if diff.change != SAME else ""),
            Text(answer_cell(bank, b, diff.question, diff.second, lang), style=style if diff.change != SAME else ""),
            Text(MARKS[diff.change], style=style),
            style=backgrounds.get(diff.change),
        )
    return table
