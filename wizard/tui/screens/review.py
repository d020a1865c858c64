"""Review: every saved decision in one table, filtered as you type; open, compare, follow a client.

Built for big folders: the rows come from the store's list cache (one summary per file, never
the full records), read once when the screen opens (screens/review_rows.py); the table is virtual
(widgets/virtual_table.py): it keeps no row of its own and draws only the rows in view, so 10,000
records open as fast as ten and typing stays responsive. A record is read in full only when it is
opened.
"""

from __future__ import annotations

import gc

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from wizard.render.paths import short_path
from wizard.storage import files
from wizard.tui.base import WizardScreen
from wizard.tui.folder_read import read_folder
from wizard.tui.screens.review_actions import RecordActions
from wizard.tui.screens.review_rows import COLUMNS, ReviewRow, ReviewRows, RowCells, RowKeys, read_rows
from wizard.tui.widgets.footer import KeyFooter
from wizard.tui.widgets.quiet_line import QuietLine
from wizard.tui.widgets.virtual_table import VirtualTable

DEBOUNCE = 0.15  # seconds of quiet typing before a big table is filtered again
QUICK_FILTER = 2_000  # up to this many records the table is filtered on every key
# When the columns do not fit, they give up width in this order, down to these widths.
# The level is never cut: its short label (at most 14 characters) always fits.
SHRINK = (("due", 12), ("assessor", 10), ("client", 16), ("status", 9), ("assessor", 7),
          ("client", 12), ("score", 4), ("status", 5), ("client", 4), ("assessor", 3),
          ("due", 10), ("score", 3))


class ReviewScreen(RecordActions, WizardScreen[None]):
    BINDINGS = [
        Binding("space", "mark", "tui.key.mark"),
        Binding("c", "compare", "tui.key.compare"),
        Binding("h", "history", "tui.key.history"),
        Binding("t", "team", "tui.key.team"),
        Binding("p", "portfolio", "tui.key.portfolio", show=False),  # the footer is full at 80 columns: in the help
        Binding("slash", "filter", "tui.key.filter"),
        Binding("escape", "back", "tui.key.home"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.folder = ReviewRows((), None, "en")
        self.shown: list[ReviewRow] = []
        self.marked: list[str] = []  # row keys, oldest mark first; at most two
        self.query_text = ""
        self.error: OSError | None = None
        self._loaded = False
        self._resumed = False  # the first resume is the screen's arrival, not a return
        self._natural_widths: dict[str, int] = {}
        self._cells: RowCells | None = None
        self._filter_timer = None
        self._resize_timer = None

    rows = property(lambda self: self.folder.rows, doc="Every record file's row, the broken last.")

    # -- data -------------------------------------------------------------------------------------

    def _load(self) -> None:
        """The rows of every record file, from the list cache, newest first and broken last."""
        app = self.app
        self.folder = ReviewRows((), None, self.lang)  # the old rows go first: one folder in memory at a time
        self.folder, self.error = read_rows(lambda: app.take_folder_read() or read_folder(app.store.summaries, app.bank),
                                            app.clock().date(), self.lang)
        self._loaded = True
        if self.marked:  # the marks whose files are still readable stay
            keys = self.folder.readable_keys()
            self.marked = [key for key in self.marked if key in keys]
        self._natural_widths = self.folder.natural_widths()

    def on_unmount(self) -> None:
        gc.unfreeze()  # read_rows froze the rows: back to the collector, anything left in a cycle too

    # -- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        if not self._loaded:
            self._load()
        with Horizontal(id="topbar"):
            yield Static(Content(self.t("tui.review.title")), id="who")
            yield Static("", id="review-counts")
        with Vertical(id="review-body"):
            if self.error is not None:
                yield Static(Content(self.t("tui.home.folder_error", path=short_path(self.app.store.root),
                                            reason=files.reason(self.error, self.lang))), classes="error")
            if not self.rows:
                yield Static(Content(self.t("tui.records.none")), classes="lead", id="no-records")
            else:
                with Horizontal(id="filter-bar"):
                    yield Static(Content(self.t("tui.review.filter")), id="filter-label")
                    yield Input(self.query_text, placeholder=self.t("tui.review.filter_placeholder"),
                                id="filter", compact=True)
                yield VirtualTable(id="review-table")
                yield QuietLine("", id="review-detail")
                yield QuietLine("", id="review-marks")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._set_up()
        # The cells' colours are the theme's: draw the rows again in a new theme.
        self.app.theme_changed_signal.subscribe(self, lambda _: self._fill(self._cursor_key()))

    def _set_up(self, keep: str | None = None) -> None:
        self._set_columns()
        self._fill(keep)
        for table in self.query("#review-table").results(VirtualTable):
            table.focus()
        self.refresh_bindings()

    async def _rebuild(self, keep: str | None = None) -> None:
        await self.recompose()
        self._set_up(keep)

    async def apply_language(self) -> None:
        keep = self._cursor_key()
        self._load()  # level and status words, and what the filter finds, are in the language
        await self._rebuild(keep)

    async def on_screen_resume(self) -> None:
        """A record may have been decided, or files added, while another screen was on top."""
        if not self._resumed:
            self._resumed = True
            return
        before = self.rows
        keep = self._cursor_key()
        self._load()
        change = self.folder.change_from(before, self.query_text)
        if change == "rebuild":
            await self._rebuild(keep)
            return
        if change == "refill":
            self._fill(keep)
            return
        self.shown = self.folder.filtered(self.query_text)
        self._show_rows(self._cursor_key())  # and the detail lines
        self._show_counts()

    def _table_width(self) -> int:
        width = self.size.width or self.app.size.width
        return max(20, width - 2 - 1)  # the body's padding, the scrollbar

    def _set_columns(self) -> None:
        for table in self.query("#review-table").results(VirtualTable):
            labels = {key: self.t(f"tui.review.col.{key}") for key in COLUMNS}
            table.set_columns(labels, self._natural_widths, self._table_width(), SHRINK)

    def on_resize(self) -> None:
        if self._resize_timer is not None:
            self._resize_timer.stop()
        self._resize_timer = self.set_timer(0.1, self._refit)

    def _refit(self) -> None:
        for table in self.query("#review-table").results(VirtualTable):
            if table.refit(self._natural_widths, self._table_width()):
                self._fill(self._cursor_key())

    # -- filling the table --------------------------------------------------------------------

    def _fill(self, keep: str | None = None) -> None:
        """Show the rows that match the filter; the cursor stays on `keep` when it is shown."""
        self._cells = RowCells(self.app, self.folder)  # the theme's colours, once per fill
        self.shown = self.folder.filtered(self.query_text)
        self._show_rows(keep)
        self._show_counts()

    def _show_rows(self, keep: str | None) -> None:
        for table in self.query("#review-table").results(VirtualTable):
            shown = self.shown
            table.set_rows(RowKeys(shown), lambda index: self._cells.row(shown[index], self.marked), keep)
        self._show_detail()

    def _show_counts(self) -> None:
        self.query_one("#review-counts", Static).update(Content(self.folder.counts(self.shown)))

    # -- the row under the cursor ---------------------------------------------------------------

    def _cursor_key(self) -> str | None:
        for table in self.query("#review-table").results(VirtualTable):
            return table.cursor_key
        return None

    def _current(self) -> ReviewRow | None:
        for table in self.query("#review-table").results(VirtualTable):
            index = table.cursor_row
            if table.row_count and 0 <= index < len(self.shown) and self.shown[index].key == table.cursor_key:
                return self.shown[index]
        return None

    @on(VirtualTable.RowHighlighted, "#review-table")
    def _highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        for detail in self.query("#review-detail").results(QuietLine):
            detail.show(self._detail_text())
        for marks in self.query("#review-marks").results(QuietLine):
            text = self.folder.marks(self.marked)
            marks.show(text)
            marks.display = bool(text)

    def _detail_text(self) -> str:
        if not self.shown:
            return self.t("tui.review.nothing_matches", query=self.query_text.strip())
        row = self._current()
        return "" if row is None else self.folder.detail(row, self.app.bank)

    # -- filter -----------------------------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _typed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        if len(self.rows) <= QUICK_FILTER:
            self._fill(self._cursor_key())
            return
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(DEBOUNCE, lambda: self._fill(self._cursor_key()))

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one("#review-table", VirtualTable).focus()

    def on_key(self, event) -> None:
        # ↓ from the filter goes to the table, as Enter does.
        if event.key == "down" and isinstance(self.focused, Input):
            event.stop()
            self.query_one("#review-table", VirtualTable).focus()

    def action_filter(self) -> None:
        for field in self.query("#filter").results(Input):
            field.focus()

    def action_back(self) -> None:
        fields = list(self.query("#filter").results(Input))
        if fields and (fields[0].value or self.focused is fields[0]):
            fields[0].value = ""
            self.query_text = ""
            self._fill(self._cursor_key())
            self.query_one("#review-table", VirtualTable).focus()
            return
        self.app.go_home()

    # -- which actions on records are possible (they live in screens/review_actions.py) -------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open", "mark", "compare", "history", "team", "filter"):
            return True if self.rows else None
        return True
