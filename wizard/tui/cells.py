"""Cells for big DataTables: cheap to add, cut to the column's width with an ellipsis.

A DataTable measures every cell it is given (to size auto-width columns), and measuring a rich
Text costs a console round trip. The review table sets every column's width itself, so its
cells carry no `__rich_measure__`: the table then takes them as they are, and 10,000 rows are
added in a fraction of the time. Each cell draws a one-space gap on its left, so the table can
run with no cell padding and give the columns two more characters each at 80 columns.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from wizard.inert import inert
from wizard.render.columns import fit_columns


class Cell:
    """`plain` in `style`, after a one-character gap; `lead` replaces the gap (a mark). The text
    is often read from a file: it is shown inert (wizard/inert.py)."""

    __slots__ = ("plain", "style", "right", "lead", "lead_style")

    def __init__(self, plain: str, style: Style | str = "", *, right: bool = False, lead: str = " ",
                 lead_style: Style | str = "") -> None:
        self.plain = inert(plain)
        self.style = style
        self.right = right
        self.lead, self.lead_style = lead, lead_style

    def __rich_console__(self, console, options):
        width = max(0, options.max_width - 1)
        text = Text(self.plain, style=self.style, no_wrap=True, end="")
        if cell_len(self.plain) > width:
            text.truncate(width, overflow="ellipsis")
        elif self.right:
            text.pad_left(width - cell_len(self.plain))
        yield Text.assemble((self.lead, self.lead_style), text, no_wrap=True, end="")

    def _key(self) -> tuple:
        return self.plain, self.style, self.right, self.lead, self.lead_style

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cell) and self._key() == other._key()

    def __repr__(self) -> str:
        return f"Cell({self.plain!r})"


def header(label: str) -> Text:
    """A column label with the same one-space gap as the cells below it."""
    return Text(" " + label, no_wrap=True, overflow="ellipsis", end="")


def width_of(text: str) -> int:
    return cell_len(text)


def fit(want: dict[str, int], width: int, shrink: tuple[tuple[str, int], ...],
        drop: tuple[str, ...] = ()) -> dict[str, int]:
    """Each column's width, its one-space gap included, for a table `width` characters wide, by
    the one column-fitting rule (wizard/render/columns.py): `want` is each column's natural
    content width; columns give up width in the order of `shrink`, and those of `drop` are left
    out first when even that is not enough. A cell draws its gap itself, so the gaps between
    columns become one more character per column, and the table one less to fit into."""
    return {key: value + 1 for key, value in fit_columns(want, width - 1, shrink=shrink, drop=drop, gap=1).items()}
