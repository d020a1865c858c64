"""Borderless rich tables that fit the terminal by the one rule of wizard/render/columns.py."""

from __future__ import annotations

from wizard.i18n import t
from wizard.render.columns import fit_columns


def fitted_table(width: int, columns: list[tuple[str, int | None, int | None]], rows: list[dict], lang: str,
                 levels: list[str] = ()):
    """A borderless table that fits `width` columns without ever cutting a level: optional
    columns are left out, least useful first, while even the shrunk names would not fit; then
    the columns that may shrink (names) give up width.

    `columns` are (key, smallest width or None, drop rank or None); headers are `cli.col.<key>`.
    `levels` are every level label, so the level columns are as wide whatever is listed."""
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    def natural(key: str) -> int:
        cells = [cell_len(row[key].plain if isinstance(row[key], Text) else row[key]) for row in rows]
        if key == "level":
            cells += [cell_len(label) for label in levels]
        return max([cell_len(t("cli.col." + key, lang)), *cells])

    shrink = [(key, low) for key, low, _ in columns if low is not None]
    drop = [key for _, key in sorted(((rank, key) for key, _, rank in columns if rank is not None), reverse=True)]
    widths = fit_columns({key: natural(key) for key, _, _ in columns}, width, shrink=shrink, drop=drop)
    table = Table(box=None, pad_edge=False, padding=(0, 1), collapse_padding=True)
    for key in widths:
        table.add_column(t("cli.col." + key, lang), width=widths[key], no_wrap=True, overflow="ellipsis",
                         justify="right" if key == "score" else "left")
    for row in rows:  # plain strings as Text: rich never reads a name as markup
        table.add_row(*[row[key] if isinstance(row[key], Text) else Text(row[key]) for key in widths])
    return table
