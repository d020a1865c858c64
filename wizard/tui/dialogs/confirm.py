"""One reusable confirmation dialog: a question, yes and no. Dismisses with True or False."""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from wizard.tui.base import WizardModal


class ConfirmScreen(WizardModal[bool]):
    """Texts are message keys (with values), so the dialog follows a language switch.

    `items` (a function of the language) lists things under the message, one line each, cut with
    an ellipsis when too long; `then` is a message key for the question asked after them."""

    BINDINGS = [Binding("escape", "answer(False)", "tui.key.close")]

    def __init__(self, message: str, *, yes: str = "tui.confirm.yes", no: str = "tui.confirm.no",
                 title: str | None = None, default: bool = True,
                 items: Callable[[str], list[str]] | None = None, then: str | None = None,
                 **values: object) -> None:
        super().__init__()
        self.message, self.values = message, values
        self.items, self.then = items, then
        self.yes, self.no, self.title_key = yes, no, title
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm"):
            if self.title_key:
                yield Static(Content(self.t(self.title_key)), classes="dialog-title")
            yield Static(Content(self.t(self.message, **self.values)), id="confirm-message")
            if self.items is not None:
                with Vertical(id="confirm-items"):
                    for line in self.items(self.lang):
                        yield Static(Content(line), classes="confirm-item")
            if self.then:
                yield Static(Content(self.t(self.then, **self.values)), id="confirm-then")
            with Horizontal(classes="buttons"):
                # The button Enter presses is the one that stands out: a careful dialog
                # (default=False) must not make "yes" look like the way forward.
                yield Button(self.t(self.yes), variant="primary" if self.default else "default", id="yes")
                yield Button(self.t(self.no), variant="default" if self.default else "primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.default else "#no", Button).focus()

    async def apply_language(self) -> None:
        focused = self.focused.id if self.focused else None
        await super().apply_language()
        if focused:
            self.query_one(f"#{focused}").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
