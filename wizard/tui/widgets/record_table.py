"""RecordTable: a DataTable of records, one row each, with fixed column widths fitted to the screen.

Enter opens the row's record (the footer lists it, which a plain DataTable does not); Home and End
go to the first and the last record (a plain DataTable scrolls sideways with them). The columns
are cells of wizard/tui/cells.py: the table runs without cell padding, each cell draws its own gap.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable

from wizard.tui.cells import fit, header


class RecordTable(DataTable):
    BINDINGS = [
        Binding("enter", "select_cursor", "tui.key.open"),
        Binding("home", "scroll_top", show=False),
        Binding("end", "scroll_bottom", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True, cell_padding=0)

    def set_columns(self, labels: dict[str, str], want: dict[str, int], width: int,
                    shrink: tuple[tuple[str, int], ...]) -> dict[str, int]:
        """Replace the columns: `labels` in order, fitted into `width`. Returns the widths."""
        widths = fit(want, width, shrink)
        self.clear(columns=True)
        for key, label in labels.items():
            self.add_column(header(label), width=widths[key], key=key)
        return widths
