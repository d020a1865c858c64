"""The wizard application: one factory (`build_app`) used by the command line and the tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from wizard.i18n import t
from wizard.tui import flows
from wizard.tui.base import WizardScreen
from wizard.tui.folder_read import FolderRead
from wizard.tui.late_bank import LateBank
from wizard.tui.screens.home import HomeScreen
from wizard.tui.styles.themes import LIGHT_NAME, LIGHT_THEME
from wizard.tui.typeahead import TypeAhead

if TYPE_CHECKING:
    from wizard.model.bank import Bank
    from wizard.model.records import DecisionRecord
    from wizard.model.evidence import Drawn
    from wizard.storage.store import RecordStore
    from wizard.model.draft import Draft

# Start-up is the time to the first painted home screen: every other screen, the question bank
# and the core modules behind them are imported when first needed.

DARK = "textual-dark"
LIGHT = LIGHT_NAME  # Textual's light theme, darkened where its text fell below WCAG AA (themes.py)


class ClientExitApp(App[int]):
    TITLE = "Client exit wizard"
    CSS_PATH = ["styles/base.tcss", "styles/questionnaire.tcss", "styles/result.tcss", "styles/review.tcss"]
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "tui.key.help", priority=True),
        Binding("question_mark", "help", "tui.key.help", show=False),
        Binding("f2", "toggle_language", "tui.key.language", priority=True),
        Binding("f3", "toggle_theme", "tui.key.theme", show=False, priority=True),
        Binding("ctrl+p", "command_palette", "tui.key.palette", show=False, priority=True),
        Binding("ctrl+q", "quit", "tui.key.quit", show=False, priority=True),
    ]

    lang: reactive[str] = reactive("en", init=False)

    def __init__(self, bank: Bank | Callable[[], Bank], store: RecordStore, lang: str = "en", *,
                 command: str = "home", client: str | None = None, assessor: str | None = None,
                 draft: Path | None = None, clock: Callable[[], datetime] | None = None,
                 make_id: Callable[[], str] | None = None, theme: str = DARK,
                 from_record: Path | None = None, ledger: Drawn | None = None) -> None:
        super().__init__()
        self._from_record = from_record  # `new --from`: the earlier record to reassess
        self.ledger = ledger  # an invoice ledger read at start (--ledger): the portfolio and new assessments use it
        self._bank = LateBank(bank)  # a loader: the home screen paints first, then asks for it
        self.store = store
        # Records are stamped to the second by `clock`; feedback to the microsecond by
        # `feedback.make` itself, unless a clock is given (tests), which then stamps both.
        self.feedback_clock = clock
        clock, make_id = clock or _now, make_id or _new_id
        self.register_theme(LIGHT_THEME)
        self.set_reactive(ClientExitApp.lang, lang)
        self.clock, self.make_id = clock, make_id
        self._start = (command, client, assessor, draft)
        self.theme = theme
        self.feedback_name = ""  # the name last given with feedback, offered again
        self._typeahead = TypeAhead()
        # `client-exit review`: the records folder is read while Textual starts, not after.
        self._prefetch = FolderRead(self.store.summaries, lambda: self.bank) if command == "review" else None

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    @property
    def bank(self) -> Bank:
        return self._bank.get()

    @property
    def bank_error(self) -> BaseException | None:
        """Why the question bank could not be loaded, for `run` to report once the app exits."""
        return self._bank.error

    def take_folder_read(self) -> tuple[list, OSError | None] | None:
        """The records folder as read at start-up (once), or None: then read it now."""
        prefetch, self._prefetch = self._prefetch, None
        return prefetch.result() if prefetch is not None else None

    def bank_ready(self) -> bool:
        """Load the question bank if it is not yet; False (the app then exits) when it cannot be."""
        if self._bank.ready():
            return True
        self.exit(2)
        return False

    def get_default_screen(self) -> Screen:
        return HomeScreen()

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._typeahead.screen_changed, immediate=True)
        self.title = self.t("tui.app.title")
        command, client, assessor, draft = self._start
        if command in ("new", "resume", "review") and not self.bank_ready():
            return
        if command == "new" and self._from_record is not None:
            earlier = self._read(self._from_record)
            if earlier is not None:
                self.reassess(earlier)
        elif command == "new":
            self.new_assessment(client, assessor)
        elif command == "resume" and draft is not None:
            self.resume(draft)
        elif command == "review":
            self.show_review()

    async def on_event(self, event: events.Event) -> None:
        if self._typeahead.stale(event):
            return  # typed before this screen was shown: it was meant for another one
        await super().on_event(event)

    # -- where to go: the screens call these (wizard/tui/flows.py holds the longer steps) ----------

    def new_assessment(self, client: str | None = None, assessor: str | None = None,
                       prefill: dict | None = None) -> None:
        flows.new_assessment(self, client, assessor, prefill)

    def reassess(self, record: DecisionRecord) -> None:
        flows.reassess(self, record)

    def resume(self, path: Path) -> None:
        flows.resume(self, path)

    def resume_newest(self) -> None:
        flows.resume_newest(self)

    def finish(self, draft: Draft) -> None:
        flows.finish(self, draft)

    def whoami(self, then: Callable[[str], None]) -> None:
        flows.whoami(self, then)

    def give_feedback(self, record: DecisionRecord) -> None:
        flows.give_feedback(self, record)

    def show_review(self) -> None:
        from wizard.tui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen())

    def open_record(self, path: Path) -> None:
        record = self._read(path)
        if record is not None:
            from wizard.tui.screens.result import ResultScreen

            self.push_screen(ResultScreen(record, path))

    def _read(self, path: Path) -> DecisionRecord | None:
        from wizard.model.problems import InvalidFile
        from wizard.storage.record_reader import read_record

        try:
            return read_record(path, self.bank)
        except InvalidFile as error:
            self.notify("\n".join(str(p) for p in error.problems), severity="error", timeout=10)
            return None

    def compare_paths(self, first: Path, second: Path) -> None:
        from wizard.tui.screens.compare import CompareScreen

        records = [self._read(first), self._read(second)]
        if None not in records:
            self.push_screen(CompareScreen(*records))

    def show_portfolio(self) -> None:
        from wizard.tui.screens.portfolio import PortfolioScreen

        self.push_screen(PortfolioScreen())

    def show_history(self, client: str) -> None:
        from wizard.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(client))

    def show_team(self, client: str) -> None:
        from wizard.tui.screens.team import TeamScreen

        self.push_screen(TeamScreen(client))

    def go_home(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    # -- language, theme, help ----------------------------------------------------------------

    async def watch_lang(self) -> None:
        self.title = self.t("tui.app.title")
        for screen in list(self.screen_stack):
            apply = getattr(screen, "apply_language", None)
            if apply is not None:
                await apply()
        self.screen.refresh_bindings()

    def action_toggle_language(self) -> None:
        self.lang = "pl" if self.lang == "en" else "en"
        self.notify(self.t("tui.app.language_now"), timeout=2)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK
        name = self.t("tui.theme.dark" if self.theme == DARK else "tui.theme.light")
        self.notify(self.t("tui.app.theme_now", theme=name), timeout=2)

    def action_quit(self) -> None:  # type: ignore[override]
        """Quit; but first ask when a draft has answers that could not be saved."""
        flows.quit_unless_unsaved(self, [screen.draft for screen in self.screen_stack
                                         if isinstance(screen, WizardScreen) and screen.draft is not None])

    def action_help(self) -> None:
        from wizard.tui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_help_quit(self) -> None:  # ctrl+c, out of habit
        self.notify(self.t("tui.app.quit_hint"), title=self.t("tui.app.quit_title"))

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=self.t("tui.palette.placeholder")))

    def action_change_theme(self) -> None:
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=self.t("tui.palette.themes")))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The app's own commands and the screen's, in the app's language (Textual's built-in
        ones are English)."""
        from wizard.tui.palette import app_commands

        return app_commands(self, screen)


def _now() -> datetime:
    from wizard.model.records import now

    return now()


def _new_id() -> str:
    from wizard.model.records import new_id

    return new_id()


def build_app(bank: Bank | Callable[[], Bank], store: RecordStore, lang: str = "en", *, command: str = "home",
              client: str | None = None, assessor: str | None = None, draft: Path | None = None,
              clock: Callable[[], datetime] | None = None, make_id: Callable[[], str] | None = None,
              theme: str = DARK, from_record: Path | None = None, ledger: Drawn | None = None) -> ClientExitApp:
    """The app, ready to run: the command line and the tests both start here. `bank` may be a
    function that loads it: then it is loaded after the home screen is first painted."""
    return ClientExitApp(bank, store, lang, command=command, client=client, assessor=assessor,
                         draft=draft, clock=clock, make_id=make_id, theme=theme, from_record=from_record,
                         ledger=ledger)


def run(bank: Bank | Callable[[], Bank], store: RecordStore, lang: str, *, command: str = "home",
        client: str | None = None, assessor: str | None = None, draft: Path | None = None,
        from_record: Path | None = None, ledger: Drawn | None = None) -> int:
    """Run the wizard until the user quits, and return its exit code. A `bank` given as a loader
    is loaded once the first screen shows; its error (raised by the loader) is raised here."""
    app = build_app(bank, store, lang, command=command, client=client, assessor=assessor, draft=draft,
                    from_record=from_record, ledger=ledger)
    app.run()
    if app.bank_error is not None:
        raise app.bank_error
    return app.return_code or 0
