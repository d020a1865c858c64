"""Saved decisions as a list; Enter opens one. (The review issue replaces this with a richer screen.)"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from wizard.report import level_label
from wizard.tui.screens.base import WizardScreen, read_folder
from wizard.tui.widgets.footer import KeyFooter
from wizard.tui.widgets.result_view import short_path


class RecordsScreen(WizardScreen[None]):
    BINDINGS = [
        Binding("escape", "home", "tui.key.home"),
        Binding("enter", "open", "tui.key.open"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.paths: dict[str, Path] = {}

    def compose(self) -> ComposeResult:
        bank, lang = self.app.bank, self.lang
        entries, error = read_folder(self.app.store.scan, bank)
        readable = [e for e in entries if e.record is not None]
        with Vertical(id="records-body"):
            yield Static(Content(self.t("tui.records.title")), classes="title")
            if not readable:
                yield Static(Content(self.t("tui.records.none")), classes="lead", id="no-records")
            else:
                yield Static(Content(self.t("tui.records.hint")), classes="muted")
                table: DataTable = DataTable(cursor_type="row", zebra_stripes=True, id="records")
                table.add_column(self.t("tui.records.col.date"), key="date")
                table.add_column(self.t("tui.records.col.client"), key="client")
                table.add_column(self.t("tui.records.col.assessor"), key="assessor")
                table.add_column(self.t("tui.records.col.level"), key="level")
                table.add_column(self.t("tui.records.col.score"), key="score")
                table.add_column(self.t("tui.records.col.status"), key="status")
                self.paths = {}
                for entry in readable:
                    record = entry.record
                    level = level_label(bank, record.level, lang) if record.level else "—"
                    score = str(record.result.score) if record.result else "—"
                    key = str(entry.path)
                    self.paths[key] = entry.path
                    table.add_row(f"{record.created:%Y-%m-%d}", Text(record.client), Text(record.assessor),
                                  level, score, self.t(f"status.{record.status}"), key=key)
                yield table
            if error is not None:
                yield Static(Content(self.t("tui.home.folder_error", path=short_path(self.app.store.root),
                                            reason=error.strerror or str(error))), classes="error")
            broken = [e.path.name for e in entries if e.record is None]
            if broken:
                yield Static(Content(self.t("tui.home.unreadable", count=len(broken), names=", ".join(broken[:3]))),
                             classes="error")
        yield KeyFooter()

    def on_mount(self) -> None:
        for table in self.query("#records"):
            table.focus()

    async def on_screen_resume(self) -> None:
        await self.apply_language()  # a record may have changed while it was open

    async def apply_language(self) -> None:
        rows = [table.cursor_row for table in self.query("#records").results(DataTable)]
        await super().apply_language()
        self.on_mount()
        for table in self.query("#records").results(DataTable):
            if rows and rows[0] < table.row_count:
                table.move_cursor(row=rows[0])

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(event.row_key.value)

    def action_open(self) -> None:
        for table in self.query("#records").results(DataTable):
            if table.row_count:
                self._open(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _open(self, key: str | None) -> None:
        if key in self.paths:
            self.app.open_record(self.paths[key])

    def action_home(self) -> None:
        self.app.go_home()
