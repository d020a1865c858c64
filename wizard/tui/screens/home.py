"""Home: start a new assessment, resume a draft, open saved decisions, quit.

The first screen of `client-exit`: it paints before anything is read. Its drafts and the number
of saved records (each needs the question bank and a look at the folders) fill in right after
the first frame; a folder of 10,000 records counts from the list cache.
"""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wizard.render.paths import short_path
from wizard.inert import inert
from wizard.storage import files
from wizard.tui.base import WizardScreen
from wizard.tui.folder_read import read_folder
from wizard.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from textual.widgets import DataTable


class HomeScreen(WizardScreen[None]):
    BINDINGS = [
        Binding("n", "new", "tui.key.new"),
        Binding("r", "resume", "tui.key.resume"),
        Binding("v", "review", "tui.key.review"),
        Binding("p", "portfolio", "tui.key.portfolio"),
        Binding("q", "app.quit", "tui.key.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.drafts: list[Path] = []
        self.arrived = False
        self.loaded = False  # drafts and the record count: read after the first frame
        self._entries: list = []
        self._record_count: int | None = None
        self._due = 0  # reviews due today or overdue (wizard/model/due.py)
        self._error: OSError | None = None

    def _load(self) -> None:
        app = self.app
        self.loaded = True
        entries, error = read_folder(app.store.scan_drafts, app.bank)
        # The count comes from the list cache: a folder of 10,000 records opens at once.
        records, records_error = read_folder(app.store.summaries, app.bank)
        self._entries, self._error = entries, error or records_error
        self.drafts = [e.path for e in entries if e.record is not None]
        self._record_count = sum(1 for item in records if item.summary is not None)
        from wizard.model.due import due_reviews

        self._due = len(due_reviews([(item.path, item.summary) for item in records], app.clock().date(), within=0))

    async def _fill(self) -> None:
        """After the first frame: read the drafts and count the records, then show them."""
        if self.loaded or not self.is_attached or not self.app.bank_ready():
            return
        if self.app.screen is not self:  # another screen went on top at once: read on the way back
            return
        self._load()
        await self.recompose()
        self.on_mount()

    def compose(self) -> ComposeResult:
        app = self.app
        entries, error = self._entries, self._error
        drafts = [e for e in entries if e.record is not None]
        waiting = "…"
        record_count = waiting if self._record_count is None else self._record_count
        with VerticalScroll(id="home-body"):
            with Vertical(id="home"):
                yield Static(Content(self.t("tui.app.title")), classes="title")
                yield Static(Content(self.t("tui.home.lead")), classes="lead")
                yield OptionList(
                    self._item("n", self.t("tui.home.new"), "new"),
                    self._item("r", self.t("tui.home.resume", count=len(drafts) if self.loaded else waiting), "resume",
                               disabled=not drafts),
                    self._item("v", self.t("tui.home.review", count=record_count)
                               + (self.t("tui.home.due", count=self._due) if self._due else ""), "review"),
                    self._item("p", self.t("tui.home.portfolio"), "portfolio"),
                    self._item("q", self.t("tui.home.quit"), "quit"),
                    id="menu",
                )
                yield Static(Content(self.t("tui.home.drafts")), classes="heading")
                if not self.loaded:
                    yield Static(Content(waiting), classes="muted", id="no-drafts")
                elif drafts:
                    from rich.text import Text
                    from textual.widgets import DataTable

                    from wizard.model.draft import progress

                    table: DataTable = DataTable(cursor_type="row", id="drafts")
                    table.add_column(self.t("tui.home.col.client"), key="client")
                    table.add_column(self.t("tui.home.col.assessor"), key="assessor")
                    table.add_column(self.t("tui.home.col.started"), key="started")
                    table.add_column(self.t("tui.home.col.progress"), key="progress")
                    for entry in drafts:
                        record = entry.record
                        done, total = progress(record, app.bank)
                        table.add_row(Text(inert(record.client)), Text(inert(record.assessor)),
                                      f"{record.created:%Y-%m-%d %H:%M}",
                                      self.t("tui.home.progress", done=done, total=total), key=str(entry.path))
                    yield table
                else:
                    yield Static(Content(self.t("tui.home.no_drafts")), classes="muted", id="no-drafts")
                if error is not None:
                    yield Static(Content(self.t("tui.home.folder_error", path=short_path(app.store.root),
                                                reason=files.reason(error, self.lang))), classes="error")
                broken = [inert(e.path.name) for e in entries if e.record is None]
                if broken:
                    yield Static(Content(self.t("tui.home.unreadable", count=len(broken), names=", ".join(broken[:3]))),
                                 classes="error")
        yield KeyFooter()

    @staticmethod
    def _item(key: str, text: str, option_id: str, disabled: bool = False) -> Option:
        return Option(Content.assemble((f" {key} ", "bold $accent"), "  ", text), id=option_id, disabled=disabled)

    def on_mount(self) -> None:
        # The menu may be gone already: a question bank that cannot be loaded ends the app at once.
        for menu in self.query("#menu").results(OptionList):
            menu.focus()

    async def on_screen_resume(self) -> None:
        if not self.arrived:  # the first resume is the screen's arrival: it was just composed
            self.arrived = True
            self.call_after_refresh(self._fill)
            return
        await self.apply_language()  # drafts and records may have changed meanwhile

    async def apply_language(self) -> None:
        if self.app.bank_ready():
            self._load()
        await super().apply_language()
        self.on_mount()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        action = {"new": self.action_new, "resume": self.action_resume, "review": self.action_review,
                  "portfolio": self.action_portfolio, "quit": self.app.action_quit}.get(event.option.id or "")
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
            self.query_one("#drafts").focus()
            self.notify(self.t("tui.home.pick_draft"), timeout=4)

    def action_review(self) -> None:
        self.app.show_review()

    def action_portfolio(self) -> None:
        if self.app.bank_ready():
            self.app.show_portfolio()
