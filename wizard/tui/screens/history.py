"""A client's history: every assessment over time, the score as a chart on the 0–100 scale, the
level changes and the decisions taken. Enter opens an assessment; c compares it with the one before.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from wizard.i18n import day
from wizard.inert import inert
from wizard.model.lifecycle import is_overdue
from wizard.render.report import level_label, short_level_label
from wizard.render.comparison import MARKS, stance_marks
from wizard.render.history import decision_line, markdown_history
from wizard.model.team import History, history
from wizard.storage.exports import export_path
from wizard.tui.screens.client_view import ClientScreen
from wizard.tui.cells import Cell
from wizard.tui.widgets.footer import KeyFooter
from wizard.tui.styles.colours import colour, level_style
from wizard.tui.widgets.result_view import Item
from wizard.tui.widgets.score_chart import Point, ScoreChart


COLUMNS = ("date", "level", "score", "status", "decision", "due", "feedback", "assessor")
# Levels (recommended and decided) are never cut: their short labels always fit.
SHRINK = (("assessor", 5), ("status", 9), ("feedback", 4), ("status", 6), ("due", 10), ("assessor", 3),
          ("date", 8))


class HistoryScreen(ClientScreen):
    BINDINGS = [
        Binding("c", "compare", "tui.key.compare_previous"),
        Binding("t", "team", "tui.key.team"),
        Binding("e", "export", "tui.key.export"),
        Binding("escape", "back", "tui.key.back"),
    ]
    TABLE = "history-table"

    @property
    def history(self) -> History:
        return history(self.found.records, self.client, self.found.feedback)

    def compose(self) -> ComposeResult:
        self._ensure()
        hist = self.history
        records = hist.records
        self.table_records = list(records)
        with Horizontal(id="topbar"):
            yield Static(Content(self.t("review.history.title", client=inert(hist.client))), id="who")
            if records:
                yield Static(Content(self.t("tui.history.span", count=len(records),
                                            start=day(records[0].created, self.lang),
                                            end=day(records[-1].created, self.lang))), id="history-span")
        with VerticalScroll(id="history-body", classes="client-body"):
            yield from self._problems()
            if not records:
                yield Static(Content(self.t("review.no_client", client=inert(self.client))), classes="lead")
            else:
                yield Static(Content(self.t("tui.history.chart", first=hist.scores[0], last=hist.scores[-1])),
                             classes="heading")
                yield ScoreChart([Point(r.created.date(), r.result.score, r.result.level) for r in records],
                                 id="history-chart")
                if hist.conflict:
                    from wizard.render.comparison import conflict_text

                    yield Static(Content(conflict_text(hist.conflict, self.app.bank, self.lang)),
                                 classes="error", id="history-conflict")
                yield self._records(hist)
                yield from self._level_changes(hist)
                yield from self._decisions(hist)
            yield from self._files()
        yield KeyFooter()

    def _records(self, hist: History):
        app, today = self.app, self.app.clock().date()
        labels = {key: self.t(f"tui.history.col.{key}") for key in COLUMNS}
        rows = []
        for record in hist.records:
            result, decision = record.result, record.decision
            due = record.review_date.isoformat() if record.review_date else "—"
            rows.append((record.id, (
                Cell(f"{record.created:%Y-%m-%d}"),
                Cell(short_level_label(result.level, self.lang), level_style(app, result.level)),
                Cell(str(result.score), right=True),
                Cell(self.t(f"status.{record.status}")),
                Cell(short_level_label(decision.level, self.lang) if decision else "—"),
                Cell(f"⚠ {due}", colour(app, "text-error", bold=True)) if is_overdue(record, today) else Cell(due),
                Cell(stance_marks(hist.feedback.get(record.id, ()))),
                Cell(record.assessor or "?"),
            )))
        return self._table(labels, rows, SHRINK, score=3)

    def _level_changes(self, hist: History) -> ComposeResult:
        yield Static(Content(self.t("review.level_changes")), classes="heading")
        if not hist.level_changes:
            yield Static(Content(self.t("review.no_level_changes")), classes="muted")
        for change in hist.level_changes:
            text = (f"{change.at:%Y-%m-%d}  {self._level(change.before)} → {self._level(change.after)}  "
                    f"({self.t('review.change.' + change.direction)})")
            yield Item(MARKS[change.direction], text, classes=f"-{change.direction}")

    def _decisions(self, hist: History) -> ComposeResult:
        yield Static(Content(self.t("review.decisions")), classes="heading")
        if not hist.decisions:
            yield Static(Content(self.t("review.no_decisions")), classes="muted")
        for taken in hist.decisions:
            yield Item("•", decision_line(taken, self.app.bank, self.lang))

    def _level(self, level: str) -> str:
        return level_label(self.app.bank, level, self.lang)

    # -- keys ---------------------------------------------------------------------------------

    def action_compare(self) -> None:
        records = self.table_records
        if len(records) < 2:
            self.notify(self.t("tui.history.only_one"), timeout=5)
            return
        row = max(1, self._row())
        from wizard.tui.screens.compare import CompareScreen

        self.app.push_screen(CompareScreen(records[row - 1], records[row]))

    def action_team(self) -> None:
        self.app.show_team(self.client)

    def action_export(self) -> None:
        hist = self.history
        target = export_path(self.app.store.root, hist.client, "history")
        self._export(target, markdown_history(hist, self.app.bank, self.lang, self.app.clock().date()))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("compare", "export"):
            return True if self.table_records else None
        return super().check_action(action, parameters)
