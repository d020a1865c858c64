"""VirtualTable: a table of any number of rows that draws only the rows on the screen.

A DataTable keeps and measures every row it is given; at 10,000 records that is most of the
time it takes to open the review. This table keeps nothing per row: it is given the rows' keys
and a function that makes a row's cells (wizard/tui/cells.py) on demand, and `render_line` asks for
the few rows in view. The header stays on the first line; the column widths are set once, by the
screen (`set_columns`), never measured from the rows.

It looks and behaves like the row-cursor DataTable it replaces (the same component styles):
↑ ↓ PgUp PgDn Home End move the cursor, Enter or a click on the highlighted row selects it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from wizard.tui.cells import Cell, fit

Cells = Callable[[int], Sequence[Cell]]


NO_STYLE = Style()


def _style(value: Style | str) -> Style:
    if isinstance(value, Style):
        return value
    return Style.parse(value) if value else NO_STYLE


def _fitted(plain: str, width: int, right: bool) -> str:
    """`plain` in exactly `width` cells: cut with an ellipsis, or padded."""
    if width <= 0:
        return ""
    size = cell_len(plain)
    if size > width:
        return set_cell_size(plain, width - 1) + "…"
    if right:
        return " " * (width - size) + plain
    return plain + " " * (width - size)


class VirtualTable(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {
        "datatable--header", "datatable--cursor", "datatable--even-row", "datatable--odd-row",
    }
    # Its own look, as default CSS (below the app's styles), kept with the other styles.
    DEFAULT_CSS = (Path(__file__).parent.parent / "styles" / "virtual_table.tcss").read_text(encoding="utf-8")
    BINDINGS = [
        Binding("enter", "select_cursor", "tui.key.open"),
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=False, init=False)

    class RowHighlighted(Message):
        def __init__(self, table: VirtualTable, cursor_row: int, key: str | None) -> None:
            super().__init__()
            self.table, self.cursor_row, self.key = table, cursor_row, key

        @property
        def control(self) -> VirtualTable:
            return self.table

    class RowSelected(RowHighlighted):
        pass

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.labels: dict[str, str] = {}
        self.widths: dict[str, int] = {}
        self._shrink: tuple[tuple[str, int], ...] = ()
        self._keys: Sequence[str] = ()
        self._index: dict[str, int] | None = None
        self._cells: Cells = lambda index: ()
        self._lines: dict[tuple, Strip] = {}  # the rows drawn lately; emptied when the rows change

    # -- content --------------------------------------------------------------------------------

    def set_columns(self, labels: dict[str, str], want: dict[str, int], width: int,
                    shrink: tuple[tuple[str, int], ...]) -> dict[str, int]:
        """The columns: `labels` in order, fitted into `width`. Returns the widths."""
        self.labels = dict(labels)
        self._shrink = shrink
        self.widths = fit(want, width, shrink)
        self._lines.clear()
        self._resize()
        return self.widths

    def refit(self, want: dict[str, int], width: int) -> bool:
        """Fit the same columns into a new `width`: True when their widths changed (then set the
        rows again)."""
        if fit(want, width, self._shrink) == self.widths:
            return False
        self.set_columns(self.labels, want, width, self._shrink)
        return True

    def set_rows(self, keys: Sequence[str], cells: Cells, keep: str | None = None) -> None:
        """Show these rows (`cells(i)` draws row i); the cursor stays on `keep` when it is shown."""
        self._keys, self._cells, self._index = keys, cells, None
        self._lines.clear()
        self._resize()
        row = self.rows.get(keep, 0) if keep is not None else 0
        if row != self.cursor_row or not keys:
            self.set_reactive(VirtualTable.cursor_row, min(row, max(0, len(keys) - 1)))
        if keep is None:
            self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.RowHighlighted(self, self.cursor_row, self.cursor_key))

    def _resize(self) -> None:
        width = sum(self.widths.get(key, 0) for key in self.labels)
        self.virtual_size = Size(width, len(self._keys) + 1)

    @property
    def rows(self) -> dict[str, int]:
        """Each row's key and its index."""
        if self._index is None:
            self._index = {key: index for index, key in enumerate(self._keys)}
        return self._index

    @property
    def row_count(self) -> int:
        return len(self._keys)

    @property
    def cursor_key(self) -> str | None:
        return self._keys[self.cursor_row] if 0 <= self.cursor_row < len(self._keys) else None

    def get_row_at(self, index: int) -> Sequence[Cell]:
        return self._cells(index)

    def get_cell(self, key: str, column: str) -> Cell:
        return self._cells(self.rows[key])[list(self.labels).index(column)]

    def refresh_rows(self) -> None:
        """Draw the rows in view again (their cells changed)."""
        self._lines.clear()
        self.refresh()

    # -- the cursor ----------------------------------------------------------------------------

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def move_cursor(self, row: int) -> None:
        if self._keys:
            self.cursor_row = max(0, min(row, len(self._keys) - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        if self._scroll_to_cursor():
            self.refresh()
        else:  # only the two rows the cursor left and reached are drawn again
            self.refresh_line(old + 1)  # virtual lines: the header is line 0
            self.refresh_line(new + 1)
        self.post_message(self.RowHighlighted(self, new, self.cursor_key))

    def _scroll_to_cursor(self) -> bool:
        """Scroll so that the cursor's row shows; True when it scrolled."""
        page = self._page
        top = int(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + page:
            self.scroll_to(y=self.cursor_row - page + 1, animate=False, immediate=True)
        else:
            return False
        return True

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor_row + 1)

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor_row - self._page)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor_row + self._page)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self._keys) - 1)

    def action_select_cursor(self) -> None:
        if self._keys:
            self.post_message(self.RowSelected(self, self.cursor_row, self.cursor_key))

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:  # the header
            return
        row = int(self.scroll_y) + event.y - 1
        if 0 <= row < len(self._keys):
            event.stop()
            if row == self.cursor_row:
                self.action_select_cursor()
            else:
                self.cursor_row = row

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    # -- drawing -------------------------------------------------------------------------------

    def _table_styles(self) -> dict[str, Style]:
        return {"base": self.rich_style, **{name: self.get_component_styles(f"datatable--{name}").rich_style
                                            for name in ("header", "even-row", "odd-row", "cursor")}}

    def render_lines(self, crop):
        self._paint_styles = self._table_styles()  # once per paint, not once per line
        try:
            return super().render_lines(crop)
        finally:
            self._paint_styles = None

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        styles = getattr(self, "_paint_styles", None) or self._table_styles()
        base = styles["base"]
        length = sum(self.widths.get(key, 0) for key in self.labels)
        if y == 0:
            style = base + styles["header"]
            segments = [Segment(_fitted(" " + label, self.widths[key], False), style)
                        for key, label in self.labels.items()]
            return _line(segments, length, width, int(self.scroll_x), style)
        row = int(self.scroll_y) + y - 1
        if row >= len(self._keys):
            return Strip.blank(width, base)
        key = (row, row == self.cursor_row, width, int(self.scroll_x), base, styles["cursor"])
        line = self._lines.get(key)
        if line is None:
            if len(self._lines) > 500:
                self._lines.clear()
            row_style = base + styles["even-row" if row % 2 else "odd-row"]
            cursor = styles["cursor"] if row == self.cursor_row else None
            segments = _row_segments(self._cells(row), self.labels, self.widths, row_style, cursor)
            fill = row_style + cursor if cursor is not None else row_style
            line = self._lines[key] = _line(segments, length, width, int(self.scroll_x), fill)
        return line


def _row_segments(cells: Sequence[Cell], labels: dict[str, str], widths: dict[str, int], row_style: Style,
                  cursor: Style | None) -> list[Segment]:
    """A row's cells, each in its column's width, its lead (a mark, or the gap) first."""
    segments = []
    for cell, key in zip(cells, labels):
        lead_style = row_style + _style(cell.lead_style)
        text_style = row_style + _style(cell.style)
        if cursor is not None:
            lead_style, text_style = lead_style + cursor, text_style + cursor
        segments.append(Segment(cell.lead, lead_style))
        segments.append(Segment(_fitted(cell.plain, widths[key] - cell_len(cell.lead), cell.right), text_style))
    return segments


def _line(segments: list[Segment], length: int, width: int, scroll_x: int, fill: Style) -> Strip:
    """The line, exactly `width` cells, of columns `length` cells long scrolled by `scroll_x`:
    one Strip made when the columns fit (they mostly do)."""
    if not scroll_x and length <= width:
        if length < width:
            segments.append(Segment(" " * (width - length), fill))
        return Strip(segments, width)
    strip = Strip(segments)
    if scroll_x:
        strip = strip.crop(scroll_x, scroll_x + width)
    return strip.extend_cell_length(width, fill).crop(0, width)
