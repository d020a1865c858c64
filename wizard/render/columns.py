"""The one rule for fitting a table into a terminal, shared by `list`, the printed reports and
the TUI's tables: levels, dates, scores and statuses are never cut; names shrink (down to a
floor each); when even that is not enough, optional columns are left out, least useful first.

Widths are counted in terminal cells (a CJK character takes two, a combining mark none), with
the standard library only: `list` imports this, and must start fast.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def text_width(text: str) -> int:
    """Cells a text takes in a terminal: wide (CJK) characters two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def fitted(text: str, width: int, right: bool = False) -> str:
    """`text` cut with … to `width` cells, then padded to exactly `width`."""
    if text_width(text) > width:
        while text and text_width(text) > width - 1:
            text = text[:-1]
        text += "…"
    pad = " " * max(0, width - text_width(text))
    return pad + text if right else text + pad


def fit_columns(natural: dict[str, int], room: int, *, shrink: Iterable[tuple[str, int]] = (),
                drop: Iterable[str] = (), gap: int = 1) -> dict[str, int]:
    """The width of each column kept, for a table `room` cells wide with `gap` cells between
    columns. `natural` is each column's widest content, in the table's order. When they do not
    fit, the columns of `drop` are left out in that order, while even the shrunk columns would
    not fit; then the columns of `shrink` give up width in that order, each down to its floor (a
    column may be named twice: first a little, later more). What is never cut may still be too
    wide: then the terminal wraps the lines."""
    shrink, drop = list(shrink), list(drop)
    kept = dict(natural)

    def needed(widths: dict[str, int]) -> int:
        return sum(widths.values()) + gap * (len(widths) - 1)

    floors = dict(kept)
    for key, floor in shrink:
        floors[key] = min(floors[key], floor)
    for key in drop:
        if needed({k: floors[k] for k in kept}) <= room:
            break
        kept.pop(key, None)
    over = needed(kept) - room
    for key, floor in shrink:
        if over <= 0:
            break
        if key in kept:
            cut = max(0, min(over, kept[key] - floor))
            kept[key] -= cut
            over -= cut
    return kept
