"""The first step: whose client, and who answers. Dismisses with (client, assessor) or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from wizard.tui.base import WizardScreen
from wizard.tui.widgets.footer import KeyFooter


class NamesScreen(WizardScreen[tuple[str, str] | None]):
    BINDINGS = [Binding("escape", "cancel", "tui.key.close")]

    def __init__(self, client: str = "", assessor: str = "", *, editing: bool = False,
                 first_use: bool = False) -> None:
        super().__init__()
        self.client, self.assessor, self.editing = client, assessor, editing
        self.first_use = first_use  # no name set yet: the one given here is remembered

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="names-body"):
            with Vertical(id="names"):
                yield Static(Content(self.t("tui.names.edit_title" if self.editing else "tui.names.title")),
                             classes="title")
                yield Static(Content(self.t("tui.names.lead")), classes="lead")
                if self.first_use:
                    yield Static(Content(self.t("tui.names.first_use")), classes="muted", id="first-use")
                yield Label(Content(self.t("tui.names.client")), id="client-label", classes="field-label")
                yield Input(self.client, placeholder=self.t("tui.names.client_placeholder"), id="client")
                yield Label(Content(self.t("tui.names.assessor")), id="assessor-label", classes="field-label")
                yield Input(self.assessor, placeholder=self.t("tui.names.assessor_placeholder"), id="assessor")
                yield Static("", id="names-error", classes="error")
                with Horizontal(classes="buttons"):
                    yield Button(self.t("tui.names.save" if self.editing else "tui.names.start"),
                                 variant="primary", id="start")
                    yield Button(self.t("tui.names.cancel"), id="cancel")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._focus_first_empty()

    def _focus_first_empty(self) -> None:
        client = self.query_one("#client", Input)
        assessor = self.query_one("#assessor", Input)
        (assessor if client.value.strip() and not assessor.value.strip() else client).focus()

    async def apply_language(self) -> None:
        # Keep what was typed: remember it, redraw, put it back.
        self.client = self.query_one("#client", Input).value
        self.assessor = self.query_one("#assessor", Input).value
        focused = self.focused.id if self.focused else None
        await super().apply_language()
        if focused:
            self.query_one(f"#{focused}").focus()

    @on(Input.Changed)
    def _typed(self) -> None:
        """A message asking for both names goes once both are there."""
        if all(self.query_one(f"#{name}", Input).value.strip() for name in ("client", "assessor")):
            self.query_one("#names-error", Static).update("")

    @on(Input.Submitted, "#client")
    def _client_done(self) -> None:
        if not self.query_one("#client", Input).value.strip():
            self.query_one("#names-error", Static).update(Content(self.t("tui.names.missing")))
            return
        self.query_one("#assessor", Input).focus()

    @on(Input.Submitted, "#assessor")
    @on(Button.Pressed, "#start")
    def _submit(self) -> None:
        client = self.query_one("#client", Input).value.strip()
        assessor = self.query_one("#assessor", Input).value.strip()
        if not client or not assessor:
            self.query_one("#names-error", Static).update(Content(self.t("tui.names.missing")))
            self._focus_first_empty_strict(client)
            return
        self.dismiss((client, assessor))

    def _focus_first_empty_strict(self, client: str) -> None:
        self.query_one("#assessor" if client else "#client", Input).focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
