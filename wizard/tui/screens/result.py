"""A record's result, and what to do with it: decide, propose to the team, reject, give feedback,
follow the client (history, team view), export Markdown.

Every change of status or decision goes through `wizard.model.lifecycle.decide`, so the screen obeys the
same rules as `client-exit decide`; a move the rules refuse is explained, and nothing is written.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from wizard.inert import inert, unless_unchanged
from wizard.model.feedback import Feedback, current
from wizard.model.lifecycle import LifecycleError, allowed, decide
from wizard.model.problems import InvalidFile
from wizard.model.records import DecisionRecord
from wizard.render.report import level_label, markdown
from wizard.render.comparison import STANCE_MARKS
from wizard.storage import feedback as feedback_files
from wizard.storage import files
from wizard.storage.exports import record_export_path
from wizard.storage.record_reader import read_record
from wizard.tui.dialogs.confirm import ConfirmScreen
from wizard.tui.dialogs.decide import DecisionScreen
from wizard.tui.base import WizardScreen
from wizard.tui.screens.result_decisions import refusal, superseding
from wizard.tui.palette import client_commands, command
from wizard.tui.widgets.footer import KeyFooter
from wizard.tui.widgets.result_view import ResultView, localized, short_path


class ResultScreen(WizardScreen[None]):
    BINDINGS = [
        Binding("a", "accept", "tui.key.accept"),
        Binding("o", "other_level", "tui.key.other_level"),
        Binding("p", "propose", "tui.key.propose"),
        Binding("r", "reject", "tui.key.reject", show=False),
        Binding("e", "export", "tui.key.export"),
        Binding("f", "feedback", "tui.key.feedback"),
        Binding("t", "team", "tui.key.team"),
        Binding("h", "history", "tui.key.history"),
        Binding("n", "reassess", "tui.key.reassess"),
        Binding("escape", "back", "tui.key.back", show=False),
    ]
    # Every key shown fits the footer at 80 columns in both languages; F2, e (export) and h
    # (history) still work, the help lists them and the palette offers them; ^p is left out too.
    FOOTER_HIDDEN = ("f2", "e", "h")

    def __init__(self, record: DecisionRecord, path: Path) -> None:
        super().__init__()
        self.record, self.path = record, path
        self.markdown_path: Path | None = None
        self.feedback: list[Feedback] = []

    def _read_feedback(self) -> None:
        try:
            self.feedback = feedback_files.good(feedback_files.load(self.app.store.root, self.record.id))
        except (OSError, ValueError):  # an unreadable folder, or an id that is no record id
            self.feedback = []

    def compose(self) -> ComposeResult:
        self._read_feedback()
        with Horizontal(id="topbar"):
            yield Static(Content(self.t("report.title", client=inert(self.record.client))), id="who")
            yield Static(Content(self._byline()), id="record-status")
        with Horizontal(id="record-team"):
            yield Static(Content(self._feedback_line()), id="record-feedback")
        view = ResultView(self.record, self.app.bank, self.lang, path=self.path, id="result")
        view.markdown_path = self.markdown_path
        yield view
        yield KeyFooter(show_command_palette=False, hidden=self.FOOTER_HIDDEN)

    def _byline(self) -> str:
        record = self.record
        return f"{inert(record.assessor)} · {record.created:%Y-%m-%d %H:%M} · {self.t(f'status.{record.status}')}"

    def _feedback_line(self) -> str:
        """The team's current stances in one line (their comments are on the team screen)."""
        stances = [f"{STANCE_MARKS[f.stance]} {inert(f.by)}" for f in current(self.feedback)]
        if not stances:
            return self.t("tui.result.no_feedback")
        return self.t("tui.result.feedback", stances=" · ".join(stances))

    def on_mount(self) -> None:
        self.query_one(ResultView).focus()

    async def apply_language(self) -> None:
        await super().apply_language()
        self.query_one(ResultView).focus()

    def palette_commands(self):
        yield command(self, "tui.cmd.export", self.action_export)
        yield command(self, "tui.cmd.feedback", self.action_feedback)
        yield from client_commands(self, self.record.client)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("accept", "other_level", "reassess"):
            return self.record.result is not None
        return True

    # -- decisions ----------------------------------------------------------------------------

    def action_accept(self) -> None:
        result = self.record.result
        if result is None or self._refused("accepted", level=result.level):
            return
        label = level_label(self.app.bank, result.level, self.lang)
        self._confirm(ConfirmScreen("tui.result.accept_confirm", level=label), "accepted", level=result.level, reason="")

    def action_other_level(self) -> None:
        result = self.record.result
        if result is None or self._refused_status("accepted"):
            return
        decision = self.record.decision
        stored = decision.reason if decision else ""

        def chosen(choice: tuple[str, str] | None) -> None:
            if choice is not None:
                self._change("accepted", level=choice[0], reason=unless_unchanged(choice[1], stored))

        self.app.push_screen(DecisionScreen(
            self.app.bank, result.level, level=decision.level if decision else None, reason=inert(stored),
        ), chosen)

    def _confirm(self, dialog: ConfirmScreen, status: str, **decision: str) -> None:
        """Move the record to `status` once the user confirms in `dialog`."""
        self.app.push_screen(dialog, lambda yes: self._change(status, **decision) if yes else None)

    def _change(self, status: str, **decision: str) -> None:
        """Move the record to `status` by the lifecycle rules and write it; say why when refused.
        The step is credited to the user (asked once when no name is set), never guessed."""
        self.app.whoami(lambda by: self._change_as(by, status, **decision))

    def _change_as(self, by: str, status: str, **decision: str) -> None:
        try:
            record = decide(self.record, status, by=by, at=self.app.clock(), review_days=self.app.bank.review_days,
                            **decision)
            record, older = superseding(record, status, by, self.app.store, self.app.bank, self._earlier_missing)
        except LifecycleError as error:
            self._say_refused(error, status)
            return
        if self._write(record, older):
            done = {"accepted": "tui.result.decision_saved", "proposed": "tui.result.proposed",
                    "rejected": "tui.result.rejected"}[status]
            level = record.decision.level if record.decision else None
            self.notify(self.t(done, level=level_label(self.app.bank, level, self.lang) if level else ""))

    def _refused(self, status: str, **decision: str) -> bool:
        """Ask the lifecycle rules before any dialog: True (and why, on screen) when they refuse
        the move, so nobody confirms something that cannot be done."""
        try:
            decide(self.record, status, by=self.record.assessor, at=self.app.clock(), **decision)
        except LifecycleError as error:
            self._say_refused(error, status)
            return True
        return False

    def _refused_status(self, status: str) -> bool:
        """Like `_refused`, for the status alone (the level and the reason are asked next)."""
        # A move the status forbids is refused by `decide` before it looks at a level or reason.
        return not allowed(self.record.status, status) and self._refused(status)

    def _earlier_missing(self, ref: str) -> None:
        self.notify(self.t("reassess.earlier_missing", id=inert(ref)), severity="warning", timeout=8)

    def _say_refused(self, error: LifecycleError, status: str) -> None:
        self.notify(refusal(error, self.app.bank, self.lang), title=self.t("tui.life.title"),
                    severity="error", timeout=12)

    def action_propose(self) -> None:
        if self.record.status == "proposed":
            self.notify(self.t("tui.result.already_proposed", status=self.t("status.proposed")))
            return
        if not self._refused("proposed"):  # accepted or superseded: said why, never silently ignored
            self._confirm(ConfirmScreen("tui.result.propose_confirm"), "proposed")

    def action_reject(self) -> None:
        if not self._refused("rejected"):
            self._confirm(ConfirmScreen("tui.result.reject_confirm", default=False), "rejected")

    # -- the team and the client --------------------------------------------------------------

    def action_feedback(self) -> None:
        self.app.give_feedback(self.record)

    async def on_screen_resume(self) -> None:
        before = self.feedback
        self._read_feedback()  # feedback given meanwhile (here or on the team screen)
        if self.feedback != before:
            self.query_one("#record-feedback", Static).update(Content(self._feedback_line()))

    def action_reassess(self) -> None:
        """A new assessment of this client, starting from this record's answers."""
        self.app.reassess(self.record)

    def action_history(self) -> None:
        self.app.show_history(self.record.client)

    def action_team(self) -> None:
        self.app.show_team(self.record.client)

    def _write(self, record: DecisionRecord, older: list | tuple = ()) -> bool:
        """Replace the record (and the earlier ones it supersedes) on disk, if it is still what
        this screen shows, all under the folder's lock; on failure the user can try again. A
        record changed meanwhile (a teammate decided) is shown as it is now, and the step is
        refused."""
        try:
            with self.app.store.lock("decide"):
                self.app.store.update(self.path, record, expected=self.record)
                for path, old in older:
                    self.app.store.update(path, old)
        except (OSError, InvalidFile) as error:
            reason = files.reason(error, self.lang) if isinstance(error, OSError) else str(error)
            self.notify(self.t("tui.result.write_failed", path=short_path(self.path), reason=reason),
                        severity="error", timeout=12)
            if isinstance(error, files.RecordChanged):
                self._reload()
            return False
        self.record = record
        self._refresh_record()
        return True

    def _reload(self) -> None:
        """Show the record as it is on disk now."""
        try:
            self.record = read_record(self.path, self.app.bank)
        except InvalidFile:
            return
        self._refresh_record()

    def _refresh_record(self) -> None:
        self.query_one(ResultView).record = self.record
        self.query_one("#record-status", Static).update(Content(self._byline()))
        self.refresh_bindings()

    # -- export -------------------------------------------------------------------------------

    def action_export(self) -> None:
        target = record_export_path(self.path)
        # The advice is stored in the record's language; export it in the language on screen.
        shown = replace(self.record, result=localized(self.record, self.app.bank, self.lang))
        if self.export(target, markdown(shown, self.app.bank, self.lang), root=target.parent) is None:
            return
        self.markdown_path = target
        self.query_one(ResultView).markdown_path = target

    def action_back(self) -> None:
        """Back where the record was opened from: the review table, a history, the home screen."""
        self.app.pop_screen()
