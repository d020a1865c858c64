"""Rich styles taken from the app's theme, for what is drawn as rich Text (table cells, charts).

Widgets styled by CSS use $success etc.; text inside a DataTable cell cannot, so it asks here.
"""

from __future__ import annotations

from rich.style import Style

# The colour of each level, as the result screen shows them (mild green to red).
LEVEL_VARIABLES = {
    "continue": "text-success",
    "monitor": "text-primary",
    "revise_terms": "text-warning",
    "prepare_exit": "text-warning",
    "end_now": "text-error",
}
CHANGE_VARIABLES = {"better": "text-success", "worse": "text-error", "changed": "text-warning", "same": ""}


def colour(app, variable: str, *, bold: bool = False, dim: bool = False) -> Style:
    value = app.theme_variables.get(variable) if variable else None
    return Style(color=value or None, bold=bold or None, dim=dim or None)


def tint(app, variable: str, amount: float) -> Style:
    """A background of the theme's `variable` colour, `amount` of the way over the background."""
    from textual.color import Color

    variables = app.theme_variables
    base = Color.parse(variables.get("background", "#000000"))
    return Style(bgcolor=base.blend(Color.parse(variables.get(variable, "#808080")), amount).hex)


def level_style(app, level: str | None, *, bold: bool = False) -> Style:
    if level is None:
        return Style(dim=True)
    return colour(app, LEVEL_VARIABLES.get(level, ""), bold=bold or level in ("prepare_exit", "end_now"))


def change_style(app, change: str) -> Style:
    return colour(app, CHANGE_VARIABLES.get(change, ""), bold=change == "worse")
