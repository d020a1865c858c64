"""A record's result, and what to do with it: decide, propose to the team, export Markdown."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from wizard.records import Decision, DecisionRecord, write_atomic
from wizard.report import level_label, markdown
from wizard.tui.screens.base import WizardScreen
from wizard.tui.screens.confirm import ConfirmScreen
from wizard.tui.screens.decide import DecisionScreen
from wizard.tui.widgets.footer import KeyFooter
from wizard.tui.widgets.result_view import ResultView, localized, short_path


class ResultScreen(WizardScreen[None]):
    BINDINGS = [
        Binding("a", "accept", "tui.key.accept"),
        Binding("o", "other_level", "tui.key.other_level"),
        Binding("p", "propose", "tui.key.propose"),
        Binding("e", "export", "tui.key.export"),
        Binding("escape", "home", "tui.key.home", show=False),
    ]

    def __init__(self, record: DecisionRecord, path: Path) -> None:
        super().__init__()
        self.record, self.path = record, path
        self.markdown_path: Path | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(Content(self.t("report.title", client=self.record.client)), id="who")
            yield Static(Content(self._byline()), id="record-status")
        view = ResultView(self.record, self.app.bank, self.lang, path=self.path, id="result")
        view.markdown_path = self.markdown_path
        yield view
        yield KeyFooter()

    def _byline(self) -> str:
        record = self.record
        return f"{record.assessor} · {record.created:%Y-%m-%d %H:%M} · {self.t(f'status.{record.status}')}"

    def on_mount(self) -> None:
        self.query_one(ResultView).focus()

    async def apply_language(self) -> None:
        await super().apply_language()
        self.query_one(ResultView).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("accept", "other_level"):
            return self.record.result is not None
        if action == "propose":
            return True if self.record.status == "draft" else None
        return True

    # -- decisions ----------------------------------------------------------------------------

    def action_accept(self) -> None:
        result = self.record.result
        if result is None:
            return
        label = level_label(self.app.bank, result.level, self.lang)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._decide(result.level, "")

        self.app.push_screen(ConfirmScreen("tui.result.accept_confirm", level=label), confirmed)

    def action_other_level(self) -> None:
        result = self.record.result
        if result is None:
            return
        decision = self.record.decision

        def chosen(choice: tuple[str, str] | None) -> None:
            if choice is not None:
                self._decide(*choice)

        self.app.push_screen(DecisionScreen(
            self.app.bank, result.level,
            level=decision.level if decision else None, reason=decision.reason if decision else "",
        ), chosen)

    def _decide(self, level: str, reason: str) -> None:
        decision = Decision(level=level, reason=reason, by=self.record.assessor, at=self.app.clock())
        if self._write(replace(self.record, decision=decision)):
            self.notify(self.t("tui.result.decision_saved", level=level_label(self.app.bank, level, self.lang)))

    def action_propose(self) -> None:
        if self.record.status != "draft":
            self.notify(self.t("tui.result.already_proposed", status=self.t(f"status.{self.record.status}")))
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self._write(replace(self.record, status="proposed")):
                self.notify(self.t("tui.result.proposed"))

        self.app.push_screen(ConfirmScreen("tui.result.propose_confirm"), confirmed)

    def _write(self, record: DecisionRecord) -> bool:
        """Replace the record on disk; on failure nothing changes and the user can try again."""
        try:
            self.app.store.update(self.path, record)
        except OSError as error:
            self.notify(self.t("tui.result.write_failed", path=short_path(self.path),
                               reason=error.strerror or str(error)), severity="error", timeout=10)
            return False
        self.record = record
        self._refresh_record()
        return True

    def _refresh_record(self) -> None:
        self.query_one(ResultView).record = self.record
        self.query_one("#record-status", Static).update(Content(self._byline()))
        self.refresh_bindings()

    # -- export -------------------------------------------------------------------------------

    def action_export(self) -> None:
        target = self.path.with_suffix(".md")
        # The advice is stored in the record's language; export it in the language on screen.
        shown = replace(self.record, result=localized(self.record, self.app.bank, self.lang))
        try:
            write_atomic(target, markdown(shown, self.app.bank, self.lang), overwrite=True)
        except OSError as error:
            self.notify(self.t("tui.result.write_failed", path=short_path(target),
                               reason=error.strerror or str(error)), severity="error", timeout=10)
            return
        self.markdown_path = target
        self.query_one(ResultView).markdown_path = target
        self.notify(self.t("tui.result.exported", path=short_path(target)), timeout=8)

    def action_home(self) -> None:
        self.app.go_home()
