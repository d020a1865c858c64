"""ResultView: one decision record's result, readable at a glance and explained below.

Reusable wherever a record is shown (the result after a questionnaire, a saved record opened
from the list, the review screen). Its owner hands down `record`, `bank`, `lang` and the file
paths as attributes; the view never writes anything.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Collapsible, Static

from wizard.model.assessment import Advice
from wizard.model.bank import LEVELS, STAGES, Bank
from wizard.i18n import day, t
from wizard.model.reasoning import Assessment, translated
from wizard.inert import inert
from wizard.model.records import DecisionRecord
from wizard.render.report import (answer_text, change_text, decision_lines, history_line, level_label, problem_text,
                           question_text, section_scores, share_text, shown_advice)
from wizard.render.paths import short_path  # noqa: F401  (imported from here by the screens)
from wizard.tui.widgets.score_bar import ScoreBar


def localized(record: DecisionRecord, bank: Bank, lang: str) -> Assessment | None:
    """The record's result with its texts in `lang` (see reasoning.translated)."""
    if record.result is None or lang == record.language:
        return record.result
    return translated(record.result, bank, record.answers, lang)


class Item(Horizontal):
    """A list item with a hanging marker, so wrapped lines stay indented. A plain text (perhaps
    read from the record) is shown inert; a Content is taken as built."""

    def __init__(self, marker: str, text: str | Content, classes: str = "") -> None:
        super().__init__(classes=f"item {classes}".strip())
        self.marker = marker
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(Content(self.marker), classes="item-marker")
        text = self.text if isinstance(self.text, Content) else Content(inert(self.text))
        yield Static(text, classes="item-text")


class ResultView(VerticalScroll):
    """The whole result of one record, top to bottom."""

    record: reactive[DecisionRecord | None] = reactive(None, recompose=True)
    lang: reactive[str] = reactive("en", recompose=True)
    path: reactive[Path | None] = reactive(None, recompose=True)
    markdown_path: reactive[Path | None] = reactive(None, recompose=True)

    def __init__(self, record: DecisionRecord, bank: Bank, lang: str, *, path: Path | None = None,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.bank = bank
        self.set_reactive(ResultView.record, record)
        self.set_reactive(ResultView.lang, lang)
        self.set_reactive(ResultView.path, path)

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def compose(self) -> ComposeResult:
        record, bank = self.record, self.bank
        if record is None:
            return
        result = localized(record, bank, self.lang)
        if result is None:
            yield Static(Content(self.t("tui.result.no_result")), classes="lead")
            yield from self._files(record)
            yield from self._history(record)
            return
        yield from self._headline(record, result)
        yield from self._decision(record, result)
        yield from self._files(record)
        yield from self._history(record)
        yield ScoreBar(self.t("tui.result.score"), result.score, label_width=16, id="risk-score")
        answered = len([q for q in bank.questions if q.id in record.answers])
        yield Static(Content(self.t(
            "tui.result.confidence", percent=round(result.confidence * 100),
            answered=answered, total=len(bank.questions),
        )), classes="muted confidence")
        yield from self._sections(result)
        yield from self._problems(result)
        yield from self._principles(result)
        yield from self._reasons(record, result)
        yield from self._changes(result)
        yield from self._warnings(result)
        advice, note = shown_advice(replace(record, result=result), bank, self.lang)
        if note:
            yield Static(Content(note), classes="muted for-level", id="for-level")
        yield from self._actions(advice, result)
        yield from self._exit_plan(advice)
        yield from self._more(advice, result)

    # -- parts --------------------------------------------------------------------------------

    def _heading(self, key: str) -> Static:
        return Static(Content(self.t(key)), classes="heading")

    def _headline(self, record: DecisionRecord, result: Assessment) -> ComposeResult:
        level = result.level
        with Vertical(classes=f"headline -{level}", id="headline"):
            yield Static(Content.assemble(
                (self.t("tui.result.recommendation") + ":  ", "bold $text-muted"),
                (level_label(self.bank, level, self.lang).upper(), f"bold {_LEVEL_COLOURS[level]}"),
            ), classes="headline-level")
            yield Static(Content(self.bank.level(level).summary(self.lang)), classes="headline-summary")
        decided = record.decision.level if record.decision else None
        with Horizontal(id="ladder"):  # where this level sits among the five, and what was decided
            for other in LEVELS:
                classes = "rung" + (f" -current -{other}" if other == level else "")
                label = level_label(self.bank, other, self.lang)
                if other == decided:
                    classes += " -decided"
                    label = f"✓ {label}"
                yield Static(Content(label), classes=classes)

    def _decision(self, record: DecisionRecord, result: Assessment) -> ComposeResult:
        decision = record.decision
        if decision is None:
            yield Static(Content(self.t("tui.result.no_decision")), classes="muted decision", id="decision")
            return
        first, *rest = decision_lines(record, self.bank, self.lang)
        text = Content.assemble((self.t("tui.result.decision") + ": ", "bold"), first, *("\n" + line for line in rest))
        yield Static(text, classes="decision -decided", id="decision")

    def _sections(self, result: Assessment) -> ComposeResult:
        known = [(self.bank.section(sid).title(self.lang), score) for sid, score in section_scores(self.bank, result)]
        if not known:
            return
        yield self._heading("tui.result.sections")
        width = max(len(title) for title, _ in known) + 2
        with Vertical(id="sections"):
            for title, score in known:
                if score is None:  # nothing answered there: unknown, not zero
                    yield Static(Content(title.ljust(width) + t("report.unknown", self.lang)),
                                 classes="section-unknown muted")
                else:
                    yield ScoreBar(title, score, label_width=width, classes="section-bar")

    def _problems(self, result: Assessment) -> ComposeResult:
        known = {p.id for p in self.bank.problems}
        problems = [p for p in result.problems if p.band > 0 and p.id in known]
        if not problems:
            return
        yield self._heading("report.problems")
        for problem in problems:
            yield Item("•", problem_text(self.bank, problem, self.lang), classes=f"problem -{problem.level}")

    def _principles(self, result: Assessment) -> ComposeResult:
        principles = [self.bank.principles[p] for p in result.principles if p in self.bank.principles]
        if not principles:
            return
        yield self._heading("tui.result.principles")
        for principle in principles:
            yield Item("•", Content.assemble((principle.name(self.lang), "bold"), ": ", principle.text(self.lang)))

    def _reasons(self, record: DecisionRecord, result: Assessment) -> ComposeResult:
        yield self._heading("tui.result.reasons")
        if not result.reasons:
            yield Static(Content(self.t("tui.result.no_reasons")), classes="muted")
        for reason in result.reasons:
            line = self.t(
                "tui.result.reason_line",
                question=question_text(self.bank, reason.question, self.lang),
                answer=answer_text(self.bank, reason.question, record.answers.get(reason.question), self.lang),
                share=round(reason.share * 100),
            )
            if reason.decisive:  # a dealbreaker decided alone: its share of the score would mislead
                line = f"{line} · {share_text(reason, self.lang)}"
            marker = "‼" if reason.decisive else f"{round(reason.share * 100):>2}%"
            yield Item(marker, line, classes="reason")

    def _changes(self, result: Assessment) -> ComposeResult:
        yield self._heading("tui.result.changes")
        for direction in ("milder", "harsher"):
            change = getattr(result, direction)
            if change is not None:
                yield Item("↓" if direction == "milder" else "↑", change_text(self.bank, change, self.lang))
            else:
                yield Item("·", t("report.no_change", self.lang,
                                  direction=t(f"report.direction.{direction}", self.lang)), classes="muted")

    def _warnings(self, result: Assessment) -> ComposeResult:
        if not result.warnings:
            return
        yield self._heading("tui.result.warnings")
        for warning in result.warnings:
            yield Item("⚠", warning.text, classes="warning")

    def _actions(self, advice: Advice, result: Assessment) -> ComposeResult:
        yield self._heading("tui.result.actions")
        if not advice.actions:
            yield Static(Content(self.t("tui.result.no_actions")), classes="muted")
        for number, action in enumerate(advice.actions, 1):
            yield Item(f"{number}.", action.text)
        due = self.record.review_date or result.review_date  # a decision for another level moves it
        yield Static(Content(self.t("tui.result.review", date=day(due, self.lang))),
                     classes="review-date", id="review-date")

    def _exit_plan(self, advice: Advice) -> ComposeResult:
        if not advice.exit_plan:
            return
        key = "report.exit_plan_staged" if advice.staged_exit else "report.exit_plan"
        yield Static(Content(t(key, self.lang)), classes="heading", id="exit-plan")
        number = 1
        for stage in STAGES:
            steps = [s for s in advice.exit_plan if s.tag == stage]
            if not steps:
                continue
            yield Static(Content(t(f"report.stage.{stage}", self.lang)), classes="stage")
            for step in steps:
                yield Item(f"{number}.", step.text)
                number += 1

    def _more(self, advice: Advice, result: Assessment) -> ComposeResult:
        if advice.consequences:
            with Collapsible(title=self.t("tui.result.consequences"), collapsed=True):
                for step in advice.consequences:
                    side = t(f"report.side.{step.tag}", self.lang) if step.tag in ("us", "client") else step.tag
                    yield Item("•", Content.assemble((inert(side), "italic"), ": ", inert(step.text)))
        if result.prevention:
            with Collapsible(title=self.t("tui.result.prevention"), collapsed=True):
                for step in result.prevention:
                    yield Item("•", step.text)

    def _history(self, record: DecisionRecord) -> ComposeResult:
        """Who moved the record to which status, when, and what they decided or said."""
        if not record.status_history:
            return
        yield self._heading("report.history")
        for change in record.status_history:
            yield Item("•", history_line(change, self.bank, self.lang), classes="history-step")

    def _files(self, record: DecisionRecord) -> ComposeResult:
        lines = [self.t("tui.result.status", status=t(f"status.{record.status}", self.lang))]
        if self.path is not None:
            lines.append(self.t("tui.result.file", path=short_path(self.path)))
        if self.markdown_path is not None:
            lines.append(self.t("tui.result.markdown_file", path=short_path(self.markdown_path)))
        yield Static(Content("\n".join(lines)), classes="muted files", id="files")


_LEVEL_COLOURS = {
    "continue": "$success",
    "monitor": "$primary",
    "revise_terms": "$warning",
    "prepare_exit": "$warning",
    "end_now": "$error",
}
