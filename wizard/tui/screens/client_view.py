"""What the history and the team screens share: one client's records, read through the list
cache (only that client's files are read in full), opened, compared and exported."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import DataTable, Static

from wizard.model.problems import InvalidFile, Problem
from wizard.model.records import DecisionRecord
from wizard.inert import inert
from wizard.storage import files
from wizard.storage.gather import Gathered, gather
from wizard.tui.base import WizardScreen
from wizard.tui.cells import Cell, fit, width_of
from wizard.tui.palette import client_commands, export_view
from wizard.tui.widgets.record_table import RecordTable
from wizard.tui.widgets.result_view import short_path

Row = tuple[str, tuple[Cell, ...]]  # a record id and its cells


class ClientScreen(WizardScreen[None]):
    """A screen about one client. Subclasses build their view from `self.found` in `compose`,
    with a RecordTable (id TABLE) of records; Enter opens the highlighted one."""

    TABLE = ""

    def __init__(self, client: str) -> None:
        super().__init__()
        self.client = client
        self.found = Gathered([], {}, [])
        self.error: OSError | None = None
        self.markdown_path: Path | None = None
        self.table_records: list[DecisionRecord] = []  # the records in the table, row by row
        self._gathered = False
        self._arrived = False
        self._widths: dict[str, int] = {}
        self._fitting: tuple[dict[str, int], tuple[tuple[str, int], ...]] = ({}, ())
        self._resize_timer = None

    def _ensure(self) -> None:
        if not self._gathered:
            self._gather()

    def _gather(self) -> None:
        self._gathered = True
        try:
            self.found, self.error = gather(self.app.store, self.app.bank, self.client), None
        except OSError as error:
            self.found, self.error = Gathered([], {}, []), error

    def _problems(self):
        """Lines naming the files that could not be read (they never stop the screen)."""
        if self.error is not None:
            yield Static(Content(self.t("tui.home.folder_error", path=short_path(self.app.store.root),
                                        reason=files.reason(self.error, self.lang))), classes="error")
        problems: list[Problem] = self.found.problems
        if problems:
            names = sorted({inert(Path(p.file).name) for p in problems})
            yield Static(Content(self.t("tui.home.unreadable", count=len(names), names=", ".join(names[:3]))),
                         classes="error")

    def _files(self):
        if self.markdown_path is not None:
            yield Static(Content(self.t("tui.result.markdown_file", path=short_path(self.markdown_path))),
                         classes="muted files", id="client-files")

    def on_mount(self) -> None:
        self._focus_table()
        # The table's colours are the theme's: draw them again in a new theme.
        self.app.theme_changed_signal.subscribe(self, lambda _: self.call_later(self.apply_language))

    def _focus_table(self) -> None:
        for table in self.query(f"#{self.TABLE}").results(DataTable):
            table.focus()

    async def apply_language(self) -> None:
        row = self._row()
        await super().apply_language()
        self._focus_table()
        self._move_to(row)

    async def on_screen_resume(self) -> None:
        if not self._arrived:  # the first resume is the screen's arrival: it was just composed
            self._arrived = True
            return
        row = self._row()
        self._gather()  # a record may have been decided, or feedback given, meanwhile
        await self.recompose()
        self._focus_table()
        self._move_to(row)

    def _table(self, labels: dict[str, str], rows: list[Row], shrink: tuple[tuple[str, int], ...],
               **least: int) -> RecordTable:
        """The screen's table: a column per label, each as wide as its longest cell or label
        (at least `least[key]`), fitted to the screen."""
        want = {key: max([width_of(label), least.get(key, 0)] + [width_of(cells[i].plain) for _, cells in rows])
                for i, (key, label) in enumerate(labels.items())}
        table = RecordTable(id=self.TABLE)
        self._fitting = (want, shrink)
        self._widths = table.set_columns(labels, want, self._table_width(), shrink)
        for key, cells in rows:
            table.add_row(*cells, key=key)
        return table

    def on_resize(self) -> None:
        if self._resize_timer is not None:
            self._resize_timer.stop()
        self._resize_timer = self.set_timer(0.1, self._refit)

    async def _refit(self) -> None:
        if not self._widths or fit(*self._fitting[:1], self._table_width(), self._fitting[1]) == self._widths:
            return
        row = self._row()
        await self.recompose()  # cheap: one client's records
        self._focus_table()
        self._move_to(row)

    def _table_width(self) -> int:
        """The width a table has inside the scrolling body: its padding, two scrollbars."""
        return max(20, (self.size.width or self.app.size.width) - 4 - 2 - 1)

    def _row(self) -> int:
        for table in self.query(f"#{self.TABLE}").results(DataTable):
            return table.cursor_row
        return 0

    def _move_to(self, row: int) -> None:
        for table in self.query(f"#{self.TABLE}").results(DataTable):
            if 0 <= row < table.row_count:
                table.move_cursor(row=row, animate=False)

    def _current(self) -> DecisionRecord | None:
        row = self._row()
        return self.table_records[row] if 0 <= row < len(self.table_records) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        record = self._current()
        if record is None:
            return
        try:
            path = self.app.store.find(record.id, self.app.bank)
        except InvalidFile as error:  # renamed or deleted meanwhile
            self.notify("\n".join(str(p) for p in error.problems), severity="error", timeout=10)
            return
        self.app.open_record(path)

    def _export(self, target: Path, text: str) -> None:
        if self.export(target, text) is None:
            return
        self.markdown_path = target
        for shown in self.query("#client-files").results(Static):
            shown.remove()
        body = self.query_one(".client-body")
        body.mount(Static(Content(self.t("tui.result.markdown_file", path=short_path(target))),
                          classes="muted files", id="client-files"))

    def palette_commands(self):
        yield export_view(self)  # each subclass exports its view (`action_export`)
        yield from client_commands(self, self.client)

    def action_back(self) -> None:
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return True if self.table_records else None
        return True

