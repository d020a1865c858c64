"""Who are you? Asked once, the first time a step must be credited to someone (a decision, when
no name is set). Dismisses with the name, or None. The caller remembers it (`config name`)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from wizard.tui.base import WizardModal


class WhoAmIScreen(WizardModal[str | None]):
    BINDINGS = [Binding("escape", "cancel", "tui.key.close")]

    def __init__(self) -> None:
        super().__init__()
        self.name_value = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="whoami-dialog"):
            yield Static(Content(self.t("tui.whoami.title")), classes="dialog-title")
            yield Static(Content(self.t("tui.whoami.lead")), classes="lead")
            yield Input(self.name_value, placeholder=self.t("tui.whoami.placeholder"), id="whoami")
            yield Static("", id="whoami-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(self.t("tui.whoami.save"), variant="primary", id="save")
                yield Button(self.t("tui.names.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#whoami", Input).focus()

    async def apply_language(self) -> None:
        self.name_value = self.query_one("#whoami", Input).value
        await super().apply_language()
        self.on_mount()

    @on(Input.Submitted, "#whoami")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        name = " ".join(self.query_one("#whoami", Input).value.split())
        if not name:
            self.query_one("#whoami-error", Static).update(Content(self.t("tui.feedback.name_missing")))
            self.on_mount()
            return
        self.dismiss(name)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
