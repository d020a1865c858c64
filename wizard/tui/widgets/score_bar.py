"""A labelled 0–100 bar that fills the width it is given, coloured by the theme."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from wizard.render.report import score_band


class ScoreBar(Widget):
    """`label ██████░░░░ 62` in one line; the label column has a fixed width."""

    COMPONENT_CLASSES = {"score-bar--low", "score-bar--medium", "score-bar--high",
                         "score-bar--empty", "score-bar--label"}
    DEFAULT_CSS = """
    ScoreBar { height: 1; width: 1fr; }
    """

    value: reactive[int] = reactive(0)
    label: reactive[str] = reactive("")

    def __init__(self, label: str, value: int, *, label_width: int = 0, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(ScoreBar.label, label)
        self.set_reactive(ScoreBar.value, max(0, min(100, value)))
        self.label_width = label_width

    def render(self) -> Text:
        width = self.size.width
        label_width = min(self.label_width or len(self.label) + 1, max(0, width // 2))
        label = self.label if len(self.label) < label_width else self.label[: max(0, label_width - 2)] + "…"
        number = f" {self.value:>3}"
        bar_width = max(0, width - label_width - len(number))
        filled = round(self.value * bar_width / 100)
        text = Text(no_wrap=True, overflow="crop")
        text.append(label.ljust(label_width), self.get_component_rich_style("score-bar--label"))
        fill_style = self.get_component_rich_style(f"score-bar--{score_band(self.value)}")
        text.append("█" * filled, fill_style)
        text.append("░" * (bar_width - filled), self.get_component_rich_style("score-bar--empty"))
        text.append(number, fill_style)
        return text
