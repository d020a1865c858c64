"""ScoreChart: a client's risk scores over time as columns on a fixed 0–100 scale.

Textual's Sparkline scales between the lowest and the highest value, so a move from 41 to 44
would look as steep as one from 5 to 95. Risk scores have a meaning of their own (60 and more
is high), so this chart keeps the whole 0–100 range, draws each assessment as one column in
the colour of its level, with the score on top and the dates below.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from wizard.tui.styles.colours import colour, level_style

BLOCKS = " ▁▂▃▄▅▆▇█"
ROWS = 4  # the height of the bars; 32 steps on the 0–100 scale
AXIS = 4  # "100┤"


@dataclass(frozen=True)
class Point:
    when: date
    score: int
    level: str


class ScoreChart(Widget):
    DEFAULT_CSS = """
    ScoreChart { height: 6; width: 1fr; }
    """

    def __init__(self, points: list[Point], *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.points = list(points)

    def render(self) -> Text:
        width = max(0, self.size.width - AXIS - 1)
        points = self.points[-max(1, width):]  # the newest that fit, one column each at least
        if not points or width <= 0:
            return Text()
        column = max(1, min(12, width // len(points)))
        gap = 1 if column >= 2 else 0
        bar = column - gap
        axis = colour(self.app, "", dim=True)
        lines = [Text(no_wrap=True, overflow="crop") for _ in range(ROWS + 2)]
        lines[0].append(" " * (AXIS + 1))
        for row in range(ROWS):
            label = {0: "100", ROWS // 2: " 50", ROWS - 1: "  0"}.get(row, "")
            lines[row + 1].append(f"{label:>3}┤", axis)
        lines[-1].append(" " * (AXIS + 1))
        for point in points:
            style = level_style(self.app, point.level)
            number = str(point.score) if column >= 3 else ""
            lines[0].append(number.center(column)[:column], style)
            units = round(point.score * ROWS * 8 / 100)
            for row in range(ROWS):
                floor = (ROWS - 1 - row) * 8
                block = BLOCKS[max(0, min(8, units - floor))]
                lines[row + 1].append(" " * gap + block * bar, style)
        lines[-1].append(self._dates(points, column), axis)
        return Text("\n").join(lines)

    @staticmethod
    def _dates(points: list[Point], column: int) -> str:
        """The date under each column when there is room, else the first and the last."""
        if column >= 11:
            return "".join(f"{p.when:%Y-%m-%d}".center(column)[:column] for p in points)
        if column >= 9:
            return "".join(f"{p.when:%y-%m-%d}".center(column)[:column] for p in points)
        first, last = f"{points[0].when:%Y-%m-%d}", f"{points[-1].when:%Y-%m-%d}"
        room = column * len(points)
        if len(points) == 1 or room < cell_len(first) + cell_len(last) + 1:
            return first[:room]
        return first + last.rjust(room - len(first))
