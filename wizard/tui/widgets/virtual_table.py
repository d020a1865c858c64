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
    DEFAULT_CSS = """
    VirtualTable {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .datatable--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .datatable--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark > .datatable--even-row {
            background: $surface-darken-1 40%;
        }
        & > .datatable--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .datatable--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .datatable--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .datatable--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
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

    def render_lines(self, crop):
        # The styles are worked out once per paint, not once per line.
        base = self.rich_style
        self._paint_styles = {
            "base": base,
            **{name: self.get_component_styles(f"datatable--{name}").rich_style
               for name in ("header", "even-row", "odd-row", "cursor")},
        }
        try:
            return super().render_lines(crop)
        finally:
            self._paint_styles = None

    def _styles_now(self) -> dict[str, Style]:
        if getattr(self, "_paint_styles", None) is None:
            base = self.rich_style
            return {"base": base, **{name: self.get_component_styles(f"datatable--{name}").rich_style
                                     for name in ("header", "even-row", "odd-row", "cursor")}}
        return self._paint_styles

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        styles = self._styles_now()
        base = styles["base"]
        if y == 0:
            style = base + styles["header"]
            segments = [Segment(_fitted(" " + label, self.widths[key], False), style)
                        for key, label in self.labels.items()]
            return self._finish(segments, width, style)
        row = int(self.scroll_y) + y - 1
        if row >= len(self._keys):
            return Strip.blank(width, base)
        key = (row, row == self.cursor_row, width, int(self.scroll_x), base, styles["cursor"])
        line = self._lines.get(key)
        if line is None:
            if len(self._lines) > 500:
                self._lines.clear()
            line = self._lines[key] = self._row_line(row, width, styles)
        return line

    def _row_line(self, row: int, width: int, styles: dict[str, Style]) -> Strip:
        base = styles["base"]
        row_style = base + styles["even-row" if row % 2 else "odd-row"]
        cursor = styles["cursor"] if row == self.cursor_row else None
        segments = []
        for cell, key in zip(self._cells(row), self.labels):
            width_here = self.widths[key]
            lead_style = row_style + _style(cell.lead_style)
            text_style = row_style + _style(cell.style)
            if cursor is not None:
                lead_style, text_style = lead_style + cursor, text_style + cursor
            segments.append(Segment(cell.lead, lead_style))
            segments.append(Segment(_fitted(cell.plain, width_here - cell_len(cell.lead), cell.right), text_style))
        return self._finish(segments, width, row_style + cursor if cursor is not None else row_style)

    def _finish(self, segments: list[Segment], width: int, fill: Style) -> Strip:
        """The line, exactly `width` cells: one Strip made when the columns fit (they mostly do)."""
        length = sum(self.widths.get(key, 0) for key in self.labels)
        scroll_x = int(self.scroll_x)
        if not scroll_x and length <= width:
            if length < width:
                segments.append(Segment(" " * (width - length), fill))
            return Strip(segments, width)
        strip = Strip(segments)
        if scroll_x:
            strip = strip.crop(scroll_x, scroll_x + width)
        return strip.extend_cell_length(width, fill).crop(0, width)

