"""The team view of one client: each teammate's latest assessment side by side, the consensus level,
the questions they disagree on (largest first, so the meeting starts there) and their feedback.

Only reachable from saved records, never from the questionnaire: while a teammate answers, the
app shows nobody else's answers.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from wizard.inert import inert
from wizard.model.feedback import current
from wizard.render.report import answer_text, level_label, question_text, short_level_label
from wizard.render.comparison import STANCE_MARKS, conflict_text, stance_marks
from wizard.render.team import consensus_detail, markdown_team, no_disagreement_text
from wizard.model.team import TeamView, member_name, team_view
from wizard.storage.exports import export_path
from wizard.tui.screens.client_view import ClientScreen
from wizard.tui.cells import Cell
from wizard.tui.widgets.footer import KeyFooter
from wizard.tui.styles.colours import level_style
from wizard.tui.widgets.result_view import Item

LARGE = 0.5  # a disagreement this large (0–1) is shown in the error colour
COLUMNS = ("teammate", "date", "level", "score", "status", "feedback")
SHRINK = (("teammate", 12), ("status", 9), ("feedback", 4), ("teammate", 6))  # a level is never cut


class TeamScreen(ClientScreen):
    BINDINGS = [
        Binding("f", "feedback", "tui.key.feedback"),
        Binding("h", "history", "tui.key.history"),
        Binding("e", "export", "tui.key.export"),
        Binding("escape", "back", "tui.key.back"),
    ]
    TABLE = "team-table"

    @property
    def view(self) -> TeamView:
        return team_view(self.app.bank, self.found.records, self.client, self.found.feedback)

    def compose(self) -> ComposeResult:
        self._ensure()
        view = self.view
        self.table_records = list(view.members)
        with Horizontal(id="topbar"):
            yield Static(Content(self.t("review.team.title", client=inert(view.client))), id="who")
            if view.members:
                yield Static(Content(self.t("tui.team.count", count=len(view.members))), id="team-count")
        with VerticalScroll(id="team-body", classes="client-body"):
            yield from self._problems()
            if not view.members:
                yield Static(Content(self.t("review.no_client", client=inert(self.client))), classes="lead")
            else:
                yield from self._consensus(view)
                yield self._members(view)
                yield from self._disagreements(view)
                yield from self._feedback(view)
                yield Static(Content(self.t("review.team.consensus_rule")), classes="muted rule")
            yield from self._files()
        yield KeyFooter()

    def _level(self, level: str | None) -> str:
        return level_label(self.app.bank, level, self.lang) if level else "—"

    def _consensus(self, view: TeamView) -> ComposeResult:
        c = view.consensus
        with Vertical(classes=f"headline -{c.level}", id="consensus"):
            yield Static(Content.assemble(
                (self.t("review.team.consensus") + ":  ", "bold $text-muted"),
                (self._level(c.level).upper(), "bold"),
            ), classes="headline-level")
            for detail in consensus_detail(view, self.app.bank, self.lang):
                yield Static(Content(detail), classes="consensus-detail")
            if view.conflict:
                yield Static(Content(conflict_text(view.conflict, self.app.bank, self.lang)),
                             classes="error", id="team-conflict")

    def _members(self, view: TeamView):
        app = self.app
        labels = {key: self.t(f"tui.team.col.{key}") for key in COLUMNS}
        rows = [(record.id, (
            Cell(member_name(view, record)),
            Cell(f"{record.created:%Y-%m-%d}"),
            Cell(short_level_label(record.result.level, self.lang), level_style(app, record.result.level)),
            Cell(str(record.result.score), right=True),
            Cell(self.t(f"status.{record.status}")),
            Cell(stance_marks(view.feedback.get(record.id, ()))),
        )) for record in view.members]
        return self._table(labels, rows, SHRINK, score=3)

    def _disagreements(self, view: TeamView) -> ComposeResult:
        yield Static(Content(self.t("review.team.disagreements")), classes="heading")
        if not view.disagreements:
            yield Static(Content(no_disagreement_text(view, self.lang)), classes="muted")
            return
        names = [member_name(view, r) for r in view.members]
        with Horizontal(classes="disagreement disagreement-head"):
            yield Static(Content(self.t("report.question")), classes="disagreement-question")
            for name in names:
                yield Static(Content(inert(name)), classes="disagreement-answer")
            yield Static(Content(self.t("review.spread")), classes="disagreement-size")
        for item in view.disagreements:
            size = "-large" if item.size >= LARGE else "-medium"
            with Horizontal(classes=f"disagreement {size}"):
                yield Static(Content(question_text(self.app.bank, item.question, self.lang)),
                             classes="disagreement-question")
                for name in names:
                    value = item.answers.get(name)
                    text = "–" if value is None else answer_text(self.app.bank, item.question, value, self.lang)
                    yield Static(Content(text), classes="disagreement-answer")
                yield Static(Content(f"{round(item.size * 100)}%"), classes="disagreement-size")
        yield Static(Content(self.t("review.team.rule")), classes="muted rule")

    def _feedback(self, view: TeamView) -> ComposeResult:
        yield Static(Content(self.t("review.feedback")), classes="heading")
        if not any(view.feedback.values()):
            yield Static(Content(self.t("tui.team.no_feedback")), classes="muted")
            return
        for record in view.members:
            items = view.feedback.get(record.id, ())
            if not items:
                continue
            yield Static(Content(self.t("review.feedback_on", name=inert(member_name(view, record)), id=record.id)),
                         classes="feedback-on")
            latest = {id(item) for item in current(list(items))}
            for item in items:
                text = f"{inert(item.by)}: {self.t('review.stance.' + item.stance)} ({item.created:%Y-%m-%d})"
                if item.comment:
                    text += f" — {inert(item.comment)}"
                yield Item(STANCE_MARKS[item.stance], text,
                           classes=f"-{item.stance}" + ("" if id(item) in latest else " muted"))

    # -- keys ---------------------------------------------------------------------------------

    def action_feedback(self) -> None:
        record = self._current()
        if record is not None:
            self.app.give_feedback(record)  # the screen is gathered again when the modal closes

    def action_history(self) -> None:
        self.app.show_history(self.client)

    def action_export(self) -> None:
        view = self.view
        target = export_path(self.app.store.root, view.client, "team")
        self._export(target, markdown_team(view, self.app.bank, self.lang))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("feedback", "export"):
            return True if self.table_records else None
        return super().check_action(action, parameters)
