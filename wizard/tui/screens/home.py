"""Home: start a new assessment, resume a draft, open saved decisions, quit."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from wizard.tui.draft import progress
from wizard.tui.screens.base import WizardScreen, read_folder
from wizard.tui.widgets.footer import KeyFooter
from wizard.tui.widgets.result_view import short_path


class HomeScreen(WizardScreen[None]):
    BINDINGS = [
        Binding("n", "new", "tui.key.new"),
        Binding("r", "resume", "tui.key.resume"),
        Binding("v", "review", "tui.key.review"),
        Binding("q", "app.quit", "tui.key.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.drafts: list[Path] = []
        self.arrived = False

    def compose(self) -> ComposeResult:
        app = self.app
        entries, error = read_folder(app.store.scan_drafts, app.bank)
        # The count comes from the list cache: a folder of 10,000 records opens at once.
        records, records_error = read_folder(app.store.summaries, app.bank)
        error = error or records_error
        drafts = [e for e in entries if e.record is not None]
        self.drafts = [e.path for e in drafts]
        record_count = sum(1 for item in records if item.summary is not None)
        with VerticalScroll(id="home-body"):
            with Vertical(id="home"):
                yield Static(Content(self.t("tui.app.title")), classes="title")
                yield Static(Content(self.t("tui.home.lead")), classes="lead")
                yield OptionList(
                    self._item("n", self.t("tui.home.new"), "new"),
                    self._item("r", self.t("tui.home.resume", count=len(drafts)), "resume", disabled=not drafts),
                    self._item("v", self.t("tui.home.review", count=record_count), "review"),
                    self._item("q", self.t("tui.home.quit"), "quit"),
                    id="menu",
                )
                yield Static(Content(self.t("tui.home.drafts")), classes="heading")
                if drafts:
                    table: DataTable = DataTable(cursor_type="row", id="drafts")
                    table.add_column(self.t("tui.home.col.client"), key="client")
                    table.add_column(self.t("tui.home.col.assessor"), key="assessor")
                    table.add_column(self.t("tui.home.col.started"), key="started")
                    table.add_column(self.t("tui.home.col.progress"), key="progress")
                    for entry in drafts:
                        record = entry.record
                        done, total = progress(record, app.bank)
                        table.add_row(Text(record.client), Text(record.assessor),
                                      f"{record.created:%Y-%m-%d %H:%M}",
                                      self.t("tui.home.progress", done=done, total=total), key=str(entry.path))
                    yield table
                else:
                    yield Static(Content(self.t("tui.home.no_drafts")), classes="muted", id="no-drafts")
                if error is not None:
                    yield Static(Content(self.t("tui.home.folder_error", path=short_path(app.store.root),
                                                reason=error.strerror or str(error))), classes="error")
                broken = [e.path.name for e in entries if e.record is None]
                if broken:
                    yield Static(Content(self.t("tui.home.unreadable", count=len(broken), names=", ".join(broken[:3]))),
                                 classes="error")
        yield KeyFooter()

    @staticmethod
    def _item(key: str, text: str, option_id: str, disabled: bool = False) -> Option:
        return Option(Content.assemble((f" {key} ", "bold $accent"), "  ", text), id=option_id, disabled=disabled)

    def on_mount(self) -> None:
        self.query_one("#menu", OptionList).focus()

    async def on_screen_resume(self) -> None:
        if not self.arrived:  # the first resume is the screen's arrival: it was just composed
            self.arrived = True
            return
        await self.apply_language()  # drafts and records may have changed meanwhile

    async def apply_language(self) -> None:
        await super().apply_language()
        self.on_mount()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        action = {"new": self.action_new, "resume": self.action_resume, "review": self.action_review,
                  "quit": self.app.action_quit}.get(event.option.id or "")
        if action:
            action()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.app.resume(Path(event.row_key.value))

    def action_new(self) -> None:
        self.app.new_assessment()

    def action_resume(self) -> None:
        if not self.drafts:
            self.notify(self.t("tui.home.nothing_to_resume"))
        elif len(self.drafts) == 1:
            self.app.resume(self.drafts[0])
        else:
            self.query_one("#drafts", DataTable).focus()
            self.notify(self.t("tui.home.pick_draft"), timeout=4)

    def action_review(self) -> None:
        self.app.show_review()
