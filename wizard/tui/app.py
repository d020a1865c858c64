"""The wizard application: one factory (`build_app`) used by the command line and the tests."""

from __future__ import annotations

import sys
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from wizard.i18n import t
from wizard.storage import files
from wizard.render.paths import short_path
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
# and the core modules behind them are imported when first needed (see `_loaded`).

DARK = "textual-dark"
LIGHT = LIGHT_NAME  # Textual's light theme, darkened where its text fell below WCAG AA (themes.py)
LANGUAGE_NAMES = {"en": "English", "pl": "polski"}


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
        # The bank may come as a loader: the home screen paints first, then asks for it.
        self._bank_loader = bank if callable(bank) else None
        self._bank: Bank | None = None if callable(bank) else bank
        self._bank_lock = threading.Lock()  # the bank may be loaded by the folder read below
        self.bank_error: BaseException | None = None  # the loader's, shown by `run` after the app exits
        self.store = store
        # Records are stamped to the second by `clock`; feedback to the microsecond by
        # `feedback.make` itself, unless a clock is given (tests), which then stamps both.
        self._feedback_clock = clock
        clock, make_id = clock or _now, make_id or _new_id
        self.register_theme(LIGHT_THEME)
        self.set_reactive(ClientExitApp.lang, lang)
        self.clock, self.make_id = clock, make_id
        self._start = (command, client, assessor, draft)
        self.theme = theme
        self.feedback_name = ""  # the name last given with feedback, offered again
        self._typeahead = TypeAhead()
        # `client-exit review`: the records folder is read while Textual starts, not after.
        self._prefetch = _FolderRead(self) if command == "review" else None

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    @property
    def bank(self) -> Bank:
        if self._bank is None:
            with self._bank_lock:
                if self._bank is None:
                    self._bank = self._bank_loader()
        return self._bank

    def take_folder_read(self) -> tuple[list, OSError | None] | None:
        """The records folder as read at start-up (once), or None: then read it now."""
        prefetch, self._prefetch = self._prefetch, None
        return prefetch.result() if prefetch is not None else None

    def bank_ready(self) -> bool:
        """Load the question bank if it is not yet; False (the app then exits) when it cannot be."""
        try:
            self.bank
        except Exception as error:  # noqa: BLE001  (the loader's own error, for `run` to report)
            self.bank_error = error
            self.exit(2)
            return False
        return True

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

    # -- where to go --------------------------------------------------------------------------

    def new_assessment(self, client: str | None = None, assessor: str | None = None,
                       prefill: dict | None = None) -> None:
        """The questionnaire, after asking for whichever name was not given. The assessor is the
        user's own name (`config name`) unless another is given; `prefill` (question id → answer
        and its `Prefill`) fills answers in to confirm or change."""
        from wizard.storage.settings import user_name

        own_name = user_name()
        assessor = assessor or own_name
        if client and client.strip() and assessor and assessor.strip():
            self._begin(client, assessor, prefill)
            return

        def named(names: tuple[str, str] | None) -> None:
            if names:
                names = (unless_unchanged(names[0], client or ""), unless_unchanged(names[1], assessor or ""))
                if not own_name:  # asked once: the first assessor is who sits at this keyboard
                    self.remember_name(names[1])
                self._begin(*names, prefill)

        from wizard.inert import inert, unless_unchanged
        from wizard.tui.screens.names import NamesScreen

        # A name carried over from a record is offered inert (escape codes shown, never obeyed).
        self.push_screen(NamesScreen(inert(client or ""), inert(assessor or ""), first_use=not own_name), named)

    def reassess(self, record: DecisionRecord) -> None:
        """A new assessment of the record's client, its answers carried over to confirm or change;
        once accepted, the new record supersedes this one."""
        from wizard.model.prefill import carry_over

        self.new_assessment(record.client, None, carry_over(self.bank, record))

    def whoami(self, then: Callable[[str], None]) -> None:
        """Call `then` with the user's name; ask for it first (once: it is remembered) when the
        user has not said who they are. Nobody is ever credited with a step they did not name."""
        from wizard.storage.settings import user_name

        name = user_name()
        if name:
            then(name)
            return

        def given(name: str | None) -> None:
            if name:
                self.remember_name(name)
                then(name)

        from wizard.tui.dialogs.whoami import WhoAmIScreen

        self.push_screen(WhoAmIScreen(), given)

    def remember_name(self, name: str) -> None:
        from wizard.storage.settings import save_name, settings_path

        try:
            save_name(name)
        except (OSError, ValueError) as error:
            self.notify(self.t("config.cannot_write", path=short_path(settings_path()),
                               reason=files.reason(error, self.lang) if isinstance(error, OSError) else str(error)),
                        severity="warning", timeout=8)

    def _begin(self, client: str, assessor: str, prefill: dict | None = None) -> None:
        from wizard.model.draft import Draft
        from wizard.tui.screens.questionnaire import QuestionnaireScreen

        evidence, source, drawn = self._from_ledger(client)
        prefill = {**(prefill or {}), **drawn}  # the ledger's facts are newer than an earlier assessment's
        draft = Draft.start(self.bank, self.store, client=client, assessor=assessor, lang=self.lang,
                            created=self.clock(), record_id=self.make_id(), prefill=prefill,
                            evidence=evidence, ledger=source)
        draft.save()  # a failure shows on the questionnaire; answers stay in memory
        self.push_screen(QuestionnaireScreen(draft))

    def _from_ledger(self, client: str):
        """What the app's ledger holds on `client`: its evidence, the ledger, and the answers it
        gives as pre-filled answers (source "ledger") to confirm or change; said in a toast. When
        the ledger does not know the client: nothing, and the close names."""
        drawn = self.ledger
        if drawn is None:
            return None, None, {}
        from wizard.model.prefill import Prefill
        from wizard.render.evidence import for_record, source
        from wizard.inert import inert

        found = drawn.find(client)
        if found is None:
            similar = drawn.similar(client)
            self.notify(inert(self.t("tui.ledger.no_client", client=client, file=drawn.ledger.name)
                              + (" " + self.t("clients.similar", names=", ".join(similar)) if similar else "")),
                        severity="warning", timeout=10)
            return None, None, {}
        self.notify(self.t("tui.ledger.prefilled", count=len(found.answers), file=inert(drawn.ledger.name)), timeout=8)
        prefill = {question: (answer, Prefill("ledger", drawn.ledger.name, drawn.window.until))
                   for question, answer in found.answers.items()}
        return for_record(found, self.lang), source(drawn.ledger.name, drawn.window), prefill

    def resume(self, path: Path) -> None:
        from wizard.model.problems import InvalidFile
        from wizard.model.draft import Draft
        from wizard.tui.screens.questionnaire import QuestionnaireScreen

        try:
            draft = Draft.open(self.bank, self.store, path)
        except InvalidFile as error:
            self.notify("\n".join(str(p) for p in error.problems), title=short_path(path),
                        severity="error", timeout=10)
            return
        self.push_screen(QuestionnaireScreen(draft))

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

    def give_feedback(self, record: DecisionRecord) -> None:
        """Ask for a teammate's feedback on `record` and write it as a file of its own."""
        from wizard.storage import feedback as feedback_files
        from wizard.tui.dialogs.feedback import FeedbackScreen

        try:
            given = feedback_files.good(feedback_files.load(self.store.root, record.id))
        except OSError:
            given = []

        def write(answer: tuple[str, str, str] | None) -> None:
            if answer is None:
                return
            by, stance, comment = answer
            self.feedback_name = by
            created = self._feedback_clock() if self._feedback_clock else None
            item = feedback_files.make(record.id, by, stance, comment, created=created)
            try:
                path = feedback_files.add(self.store.root, item)
            except OSError as error:
                self.notify(self.t("tui.result.write_failed", path=short_path(self.store.root),
                                   reason=files.reason(error, self.lang)), severity="error", timeout=10)
                return
            self.notify(self.t("tui.feedback.saved", path=short_path(path)), timeout=6)

        from wizard.storage.settings import user_name

        from wizard.inert import inert

        self.push_screen(FeedbackScreen(record, given, inert(self.feedback_name or user_name())), write)

    def show_result(self, record: DecisionRecord, path: Path) -> None:
        """Replace the finished questionnaire with its result."""
        from wizard.tui.screens.result import ResultScreen

        self.switch_screen(ResultScreen(record, path))

    def go_home(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def finish(self, draft: Draft) -> None:
        """Save the record of a finished questionnaire; on failure keep everything and offer a retry."""
        from wizard.tui.dialogs.confirm import ConfirmScreen

        try:
            path, record = draft.finish(self.lang, self.clock())
        except OSError as error:
            def again(yes: bool | None) -> None:
                if yes:
                    self.finish(draft)

            self.push_screen(ConfirmScreen(
                "tui.q.record_failed", yes="tui.q.retry", no="tui.q.later", title="tui.q.save_title",
                reason=files.reason(error, self.lang),
            ), again)
            return
        self.show_result(record, path)
        self.notify(self.t("tui.result.saved_toast", path=short_path(path)), timeout=6)

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
        questionnaire = _loaded("wizard.tui.screens.questionnaire", "QuestionnaireScreen")
        unsaved = [s for s in self.screen_stack if questionnaire is not None and isinstance(s, questionnaire)
                   and not s.draft.saved and not s.draft.save()]
        if not unsaved:
            self.exit()
            return

        def leave(yes: bool | None) -> None:
            if yes:
                self.exit()

        from wizard.tui.dialogs.confirm import ConfirmScreen

        error = unsaved[0].draft.error
        self.push_screen(ConfirmScreen("tui.q.leave_unsaved", title="tui.q.save_title", default=False,
                                       reason=files.reason(error, self.lang) if error else "?"), leave)

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

    def action_screenshot_here(self) -> None:
        """Save the screen as SVG in the current folder. From the command palette, the picture
        is taken once the palette has gone and the screen under it is drawn again: taken at
        once, it caught the screen half-composed (blank but for the title)."""
        from textual.command import CommandPalette

        if CommandPalette.is_open(self) or isinstance(self.screen, CommandPalette):
            self.call_after_refresh(self.action_screenshot_here)
            return
        self.screen.refresh()
        self.call_after_refresh(self._save_screenshot)

    def _save_screenshot(self) -> None:
        path = self.save_screenshot(path=str(Path.cwd()))
        self.notify(self.t("tui.screenshot.saved", path=short_path(path)), timeout=6)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The app's own commands, in the app's language (Textual's built-in ones are English)."""
        from wizard.tui.base import read_folder
        from wizard.tui.screens.questionnaire import QuestionnaireScreen
        from wizard.tui.screens.result import ResultScreen

        other = "pl" if self.lang == "en" else "en"
        yield SystemCommand(self.t("tui.cmd.language", language=LANGUAGE_NAMES[other]),
                            self.t("tui.cmd.language.help"), self.action_toggle_language)
        yield SystemCommand(self.t("tui.cmd.toggle_theme"), self.t("tui.cmd.toggle_theme.help"),
                            self.action_toggle_theme)
        yield SystemCommand(self.t("tui.cmd.theme"), self.t("tui.cmd.theme.help"), self.action_change_theme)
        yield SystemCommand(self.t("tui.cmd.help"), self.t("tui.cmd.help.help"), self.action_help)
        if isinstance(screen, QuestionnaireScreen):
            yield SystemCommand(self.t("tui.cmd.overview"), self.t("tui.cmd.overview.help"),
                                screen.action_overview)
        if isinstance(screen, ResultScreen):
            yield SystemCommand(self.t("tui.cmd.export"), self.t("tui.cmd.export.help"), screen.action_export)
            yield SystemCommand(self.t("tui.cmd.feedback"), self.t("tui.cmd.feedback.help"), screen.action_feedback)
        elif hasattr(screen, "action_export") and not isinstance(screen, QuestionnaireScreen):
            yield SystemCommand(self.t("tui.cmd.export"), self.t("tui.cmd.export_view.help"), screen.action_export)
        yield from self._review_commands(screen)
        yield SystemCommand(self.t("tui.cmd.new"), self.t("tui.cmd.new.help"), self.new_assessment)
        if any(e.record is not None for e in read_folder(self.store.scan_drafts, self.bank)[0]):
            yield SystemCommand(self.t("tui.cmd.resume"), self.t("tui.cmd.resume.help"), self._resume_newest)
        yield SystemCommand(self.t("tui.cmd.records"), self.t("tui.cmd.records.help"), self.show_review)
        yield SystemCommand(self.t("tui.cmd.portfolio"), self.t("tui.cmd.portfolio.help"), self.show_portfolio)
        if not isinstance(screen, HomeScreen):
            yield SystemCommand(self.t("tui.cmd.home"), self.t("tui.cmd.home.help"), self.go_home)
        yield SystemCommand(self.t("tui.cmd.screenshot"), self.t("tui.cmd.screenshot.help"),
                            self.action_screenshot_here)
        yield SystemCommand(self.t("tui.cmd.quit"), self.t("tui.cmd.quit.help"), self.action_quit)

    def _review_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Compare, a client's history and team view: offered on the screens of saved records only,
        never on the way to or inside a questionnaire (nobody sees the others' answers then)."""
        from functools import partial

        from wizard.tui.screens.client_view import ClientScreen
        from wizard.tui.screens.compare import CompareScreen
        from wizard.tui.screens.result import ResultScreen
        from wizard.tui.screens.review import ReviewScreen

        client = None
        if isinstance(screen, ReviewScreen):
            yield SystemCommand(self.t("tui.cmd.compare"), self.t("tui.cmd.compare.help"), screen.action_compare)
            current = screen._current()
            client = current.summary.client if current is not None and current.summary is not None else None
        elif isinstance(screen, ResultScreen):
            client = screen.record.client
        elif isinstance(screen, ClientScreen):
            client = screen.client
        elif isinstance(screen, CompareScreen):
            client = screen.first.client
        if client:
            yield SystemCommand(self.t("tui.cmd.history", client=client), self.t("tui.cmd.history.help"),
                                partial(self.show_history, client))
            yield SystemCommand(self.t("tui.cmd.team", client=client), self.t("tui.cmd.team.help"),
                                partial(self.show_team, client))

    def _resume_newest(self) -> None:
        from wizard.model.problems import NoSuchRecord

        try:
            self.resume(self.store.find(None, self.bank, drafts=True))
        except NoSuchRecord:
            self.notify(self.t("tui.home.nothing_to_resume"))


def _now() -> datetime:
    from wizard.model.records import now

    return now()


def _new_id() -> str:
    from wizard.model.records import new_id

    return new_id()


def _loaded(module: str, name: str):
    """A class of a module if the module is imported (no instance can exist otherwise), else None."""
    found = sys.modules.get(module)
    return getattr(found, name, None) if found is not None else None


class _FolderRead:
    """The summaries of the records folder, read in a thread while the app starts: at 10,000
    records the read takes a good part of a second, and Textual's start-up mostly waits."""

    def __init__(self, app: ClientExitApp) -> None:
        self._app = app
        self._outcome: tuple[list, OSError | None] | None = None
        self._thread = threading.Thread(target=self._read, name="client-exit-folder-read", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        from wizard.tui.base import read_folder

        try:
            self._outcome = read_folder(self._app.store.summaries, lambda: self._app.bank)
        except Exception:  # noqa: BLE001  (a broken bank: the app reports it when it loads it itself)
            self._outcome = None

    def result(self) -> tuple[list, OSError | None] | None:
        self._thread.join()
        return self._outcome


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
