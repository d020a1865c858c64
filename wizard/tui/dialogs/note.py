"""A note to the current answer. Dismisses with the new text ("" removes it), or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from wizard.tui.base import WizardModal


class NoteScreen(WizardModal[str | None]):
    BINDINGS = [Binding("escape", "cancel", "tui.key.close")]

    def __init__(self, question: str, note: str) -> None:
        super().__init__()
        self.question, self.note = question, note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note-dialog"):
            yield Static(Content(self.t("tui.note.title")), classes="dialog-title")
            yield Static(Content(self.question), classes="muted")
            yield Static(Content(self.t("tui.note.lead")), classes="lead")
            yield Input(self.note, placeholder=self.t("tui.note.placeholder"), id="note")
            with Horizontal(classes="buttons"):
                yield Button(self.t("tui.note.save"), variant="primary", id="save")
                yield Button(self.t("tui.note.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    async def apply_language(self) -> None:
        self.note = self.query_one("#note", Input).value
        await super().apply_language()
        self.query_one("#note", Input).focus()

    @on(Input.Submitted, "#note")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.dismiss(self.query_one("#note", Input).value.strip())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
