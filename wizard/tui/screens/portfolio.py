"""The portfolio: every client in one table, what needs attention first (wizard/model/portfolio.py).

Above the table, the concentration of revenue when the app has a ledger (`--ledger`, or the
demo's). Enter opens the client's newest record, h its history, n a new assessment of the client
(with the ledger's answers filled in). Built from the list cache, like the review screen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from wizard.inert import inert
from wizard.storage import files
from wizard.model.portfolio import ClientRow, Portfolio, portfolio
from wizard.model.problems import InvalidFile
from wizard.i18n import day
from wizard.render.evidence import evidence_texts
from wizard.render.portfolio import LEDGER_COLUMNS, cells, concentration_lines, unmatched_lines
from wizard.render.report import short_level_label
from wizard.render.paths import short_path
from wizard.tui.base import WizardScreen
from wizard.tui.folder_read import read_folder
from wizard.tui.cells import Cell, fit, width_of
from wizard.tui.widgets.footer import KeyFooter
from wizard.tui.styles.colours import colour, level_style
from wizard.tui.widgets.record_table import RecordTable

COLUMNS = ("client", "level", "score", "review", "revenue", "late", "owed")
RIGHT = ("score", "revenue", "late", "owed")
SHRINK = (("client", 10),)  # names give way; a level or a figure never does...
LEFT_OUT = ("late", "revenue")  # ...these columns are left out first, when even that is not enough


class PortfolioScreen(WizardScreen[None]):
    BINDINGS = [
        Binding("h", "history", "tui.key.history"),
        Binding("n", "assess", "tui.key.assess"),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.portfolio = Portfolio((), None)
        self.error: OSError | None = None
        self.broken: list[str] = []
        self._read = False
        self._arrived = False
        self._fitting: tuple[dict[str, int], tuple[tuple[str, int], ...]] = ({}, ())

    def _load(self) -> None:
        app = self.app
        listed, self.error = read_folder(app.store.summaries, app.bank)
        self.broken = [inert(item.path.name) for item in listed if item.summary is None]
        drawn = app.ledger
        self.portfolio = portfolio([item.summary for item in listed if item.summary is not None], app.clock().date(),
                                   drawn.clients if drawn else None, drawn.rules if drawn else None)
        self._read = True

    @property
    def rows(self) -> tuple[ClientRow, ...]:
        return self.portfolio.rows

    def compose(self) -> ComposeResult:
        if not self._read:
            self._load()
        drawn = self.app.ledger
        with Horizontal(id="topbar"):
            yield Static(Content(self.t("tui.portfolio.title")), id="who")
            facts = [self.t("tui.portfolio.count", count=len(self.rows))]
            if drawn is not None:
                facts.append(self.t("tui.portfolio.ledger", file=drawn.ledger.name, since=day(drawn.window.since, self.lang),
                                    until=day(drawn.window.until, self.lang)))
            yield Static(Content(" · ".join(facts)), id="portfolio-count")
        with VerticalScroll(id="portfolio-body", classes="client-body"):
            if self.error is not None:
                yield Static(Content(self.t("tui.home.folder_error", path=short_path(self.app.store.root),
                                            reason=files.reason(self.error, self.lang))), classes="error")
            if self.broken:
                yield Static(Content(self.t("tui.home.unreadable", count=len(self.broken),
                                            names=", ".join(self.broken[:3]))), classes="error")
            lines = [inert(line) for line in concentration_lines(self.portfolio, self.lang, drawn is not None)]
            if drawn is None:
                lines = [self.t("tui.portfolio.no_ledger")]
            for index, line in enumerate(lines):
                reading = self.portfolio.concentration.reading if self.portfolio.concentration and index else ""
                classes = f"concentration -{reading}" if reading else "concentration muted"
                yield Static(Content(line), classes=classes + (" -first" if not index else ""))
            if not self.rows:
                yield Static(Content(self.t("tui.portfolio.none")), classes="lead")
            else:
                yield self._table(drawn is not None)
                yield Static("", id="portfolio-detail")
                yield Static(Content(self.t("portfolio.order")), classes="muted")
            for line in unmatched_lines(self.portfolio, self.lang):
                yield Static(Content(inert(line)), classes="muted")
        yield KeyFooter()

    def _table(self, with_ledger: bool) -> RecordTable:
        keys = [key for key in COLUMNS if with_ledger or key not in LEDGER_COLUMNS]
        levels = {level.id: short_level_label(level.id, self.lang) for level in self.app.bank.levels}
        texts = [cells(row, levels, self.lang) for row in self.rows]
        labels = {key: self.t(f"tui.portfolio.col.{key}") for key in keys}
        want = {key: max([width_of(labels[key])] + [width_of(text[key]) for text in texts]) for key in keys}
        want["client"] = min(want["client"], 32)
        kept = fit(want, self._table_width(), SHRINK, LEFT_OUT)
        keys = [key for key in keys if key in kept]
        want = {key: want[key] for key in keys}
        table = RecordTable(id="portfolio-table")
        self._fitting = (want, SHRINK)
        table.set_columns({key: labels[key] for key in keys}, want, self._table_width(), SHRINK)
        for row, text in zip(self.rows, texts):
            table.add_row(*[self._cell(row, key, text[key]) for key in keys], key=row.client)
        return table

    def _cell(self, row: ClientRow, key: str, text: str) -> Cell:
        app = self.app
        if key == "level" and row.level:
            return Cell(text, level_style(app, row.level))
        if key == "review" and row.overdue:
            return Cell(text, colour(app, "text-error", bold=True))
        if key == "score" and row.trend:
            return Cell(text, colour(app, "text-error" if row.trend > 0 else "text-success"), right=True)
        if key == "owed" and row.owed:
            return Cell(text, colour(app, "text-warning"), right=True)
        return Cell(text, colour(app, "", dim=not row.assessments and key != "client"), right=key in RIGHT)

    def _table_width(self) -> int:
        return max(20, (self.size.width or self.app.size.width) - 4 - 2 - 1)

    # -- the highlighted client ---------------------------------------------------------------

    def _current(self) -> ClientRow | None:
        for table in self.query("#portfolio-table").results(DataTable):
            if 0 <= table.cursor_row < len(self.rows):
                return self.rows[table.cursor_row]
        return None

    def on_mount(self) -> None:
        for table in self.query("#portfolio-table").results(DataTable):
            table.focus()
        self._show_detail()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    def _show_detail(self) -> None:
        row = self._current()
        for detail in self.query("#portfolio-detail").results(Static):
            detail.update(Content(self._detail(row) if row else ""))

    def _detail(self, row: ClientRow) -> str:
        parts = [row.client]
        if row.assessments:
            parts.append(self.t("tui.portfolio.assessed", count=row.assessments))
        else:
            parts.append(self.t("tui.portfolio.not_assessed"))
        if row.evidence is not None:
            texts = evidence_texts(row.evidence, self.lang)
            parts += [texts["late_payments"], texts["outstanding_receivables"]]
        return inert(" · ".join(parts))  # a client's name as the ledger or a record spells it: data

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self._current()
        if row is None:
            return
        if not row.record_id:
            self.action_assess()
            return
        try:
            path = self.app.store.find(row.record_id, self.app.bank)
        except InvalidFile as error:  # renamed or deleted meanwhile
            self.notify("\n".join(str(p) for p in error.problems), severity="error", timeout=10)
            return
        self.app.open_record(path)

    def action_history(self) -> None:
        row = self._current()
        if row is None:
            return
        if not row.assessments:
            self.notify(self.t("tui.portfolio.no_history", client=row.client), timeout=5)
            return
        self.app.show_history(row.client)

    def action_assess(self) -> None:
        row = self._current()
        if row is not None:
            self.app.new_assessment(row.client)

    def action_back(self) -> None:
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("history", "assess"):
            return True if self.rows else None
        return True

    # -- coming back, another language, another size ------------------------------------------

    async def on_screen_resume(self) -> None:
        if not self._arrived:  # the first resume is the screen's arrival: it was just composed
            self._arrived = True
            return
        await self._again(reload=True)  # a record may have been decided or added meanwhile

    async def apply_language(self) -> None:
        await self._again(reload=False)

    async def _again(self, reload: bool) -> None:
        row = next((table.cursor_row for table in self.query("#portfolio-table").results(DataTable)), 0)
        if reload:
            self._load()
        await self.recompose()
        self.refresh_bindings()
        for table in self.query("#portfolio-table").results(DataTable):
            table.focus()
            if 0 <= row < table.row_count:
                table.move_cursor(row=row, animate=False)
        self._show_detail()

    def on_resize(self) -> None:
        want, shrink = self._fitting
        if want and fit(want, self._table_width(), shrink) != self._current_widths():
            self.call_later(self._again, False)

    def _current_widths(self) -> dict[str, int]:
        for table in self.query("#portfolio-table").results(DataTable):
            return {str(column.key.value): column.width for column in table.columns.values()}
        return {}
