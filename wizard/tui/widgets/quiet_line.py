"""A line of text under a long table that changes as the cursor moves: the screen is laid out
again only when the text takes another number of lines, not at every row."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wizard.tui.cells import width_of


class QuietLine(Static):
    def __init__(self, content: str = "", *, id: str | None = None) -> None:
        super().__init__(content, id=id)
        self._shown: str | None = None

    def show(self, text: str) -> None:
        before = self._shown
        if before == text:
            return
        width = self.content_region.width

        def lines(value: str | None) -> int:
            return 0 if not value else 1 if width and width_of(value) <= width else 2

        self._shown = text
        self.update(Content(text), layout=before is None or not width or lines(before) != lines(text))
