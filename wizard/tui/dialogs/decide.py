"""Record a decision at another level than recommended, with the reason.

Dismisses with (level, reason) or None.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from wizard.model.bank import LEVELS, Bank
from wizard.render.report import level_label
from wizard.tui.base import WizardModal


class DecisionScreen(WizardModal[tuple[str, str] | None]):
    BINDINGS = [Binding("escape", "cancel", "tui.key.close")]

    def __init__(self, bank: Bank, recommended: str, level: str | None = None, reason: str = "") -> None:
        super().__init__()
        self.bank, self.recommended = bank, recommended
        self.level = level or recommended
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="decide"):
            yield Static(Content(self.t("tui.decide.title")), classes="dialog-title")
            yield Static(Content(self.t("tui.decide.lead")), classes="lead")
            yield OptionList(*[
                Option(Content.assemble(
                    level_label(self.bank, level, self.lang),
                    (f"  ({self.t('tui.decide.recommended')})" if level == self.recommended else "", "$text-muted"),
                ), id=level)
                for level in LEVELS
            ], id="levels")
            yield Label(Content(self.t("tui.decide.reason")), classes="field-label")
            yield Input(self.reason, placeholder=self.t("tui.decide.reason_placeholder"), id="reason", compact=True)
            yield Static("", id="decide-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(self.t("tui.decide.save"), variant="primary", id="save")
                yield Button(self.t("tui.decide.cancel"), id="cancel")

    def on_mount(self) -> None:
        levels = self.query_one("#levels", OptionList)
        levels.highlighted = LEVELS.index(self.level)
        levels.focus()

    async def apply_language(self) -> None:
        self.reason = self.query_one("#reason", Input).value
        await super().apply_language()
        self.on_mount()

    @on(OptionList.OptionHighlighted, "#levels")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.level = event.option.id or self.recommended

    @on(OptionList.OptionSelected, "#levels")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.level = event.option.id or self.recommended
        if self.level == self.recommended:
            self._save()
        else:
            self.query_one("#reason", Input).focus()

    @on(Input.Submitted, "#reason")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        reason = self.query_one("#reason", Input).value.strip()
        if self.level != self.recommended and not reason:
            self.query_one("#decide-error", Static).update(Content(self.t("tui.decide.reason_missing")))
            self.query_one("#reason", Input).focus()
            return
        self.dismiss((self.level, reason))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
