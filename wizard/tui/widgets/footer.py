"""A Footer that shows key descriptions in the app's language.

Bindings carry a message key as their description (e.g. "tui.key.skip"); the footer looks it up
each time it is composed, so switching the language only needs a refresh of the bindings.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

from wizard.i18n import every_text, t


def describe(description: str, lang: str) -> str:
    return t(description, lang) if description in every_text() else description


class KeyFooter(Footer):
    """`hidden`: keys (as bound, e.g. "f2") left out of this footer; they still work."""

    def __init__(self, *, show_command_palette: bool = True, hidden: tuple[str, ...] = ()) -> None:
        super().__init__(compact=True, show_command_palette=show_command_palette)
        self.hidden = hidden

    def compose(self) -> ComposeResult:
        lang = getattr(self.app, "lang", "en")
        for widget in super().compose():
            if getattr(widget, "key", None) in self.hidden:
                continue
            if isinstance(getattr(widget, "description", None), str):  # a FooterKey
                widget.description = describe(widget.description, lang)
            yield widget
