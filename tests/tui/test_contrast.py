"""The light theme's text meets WCAG AA: a contrast ratio of 4.5:1 or more for every colour the
screens use for text, on every background they put text on (the plain ones and the level tints)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.color import Color

from wizard.tui.styles.themes import LIGHT_THEME

STYLES = Path(__file__).resolve().parents[2] / "wizard" / "tui" / "styles"
# Colours used for text: every `color:` of the style sheets, the level and change colours
# (wizard/tui/styles/colours.py) and the footer's keys.
TEXT = sorted({m for m in re.findall(r"color: \$([a-z-]+)", "".join(p.read_text() for p in STYLES.glob("*.tcss")))
               if not m.startswith("panel")} | {"text-success", "text-primary", "text-warning", "text-error",
                                                "footer-key-foreground", "footer-description-foreground"})
PLAIN = ["background", "surface", "panel", "boost", "footer-background"]
# Tinted boxes with text on them (result.tcss: the headline of each level; compare.py: rows).
TINTS = [("success", 0.12), ("primary", 0.12), ("warning", 0.18), ("error", 0.15), ("warning", 0.08)]
# The current level's rung: $text (auto, the contrasting colour) on the level's full colour.
RUNGS = [("success", 1.0), ("primary", 1.0), ("warning", 1.0), ("error", 1.0)]


def luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def ratio(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


VARIABLES = LIGHT_THEME.to_color_system().generate()
BACKGROUND = Color.parse(VARIABLES["background"])


def on(base: Color, value: str) -> Color:
    """The colour `value` as drawn on `base`: "auto 87%" is the contrasting text, alpha blends."""
    if value.startswith("auto"):
        alpha = float(value.split()[1].rstrip("%")) / 100 if " " in value else 1.0
        colour = base.get_contrast_text(alpha)
    else:
        colour = Color.parse(value)
    return base.blend(colour.with_alpha(1), colour.a) if colour.a < 1 else colour


def backgrounds():
    for name in PLAIN:
        colour = Color.parse(VARIABLES[name])
        yield name, BACKGROUND.blend(colour.with_alpha(1), colour.a) if colour.a < 1 else colour
    for name, amount in TINTS:
        yield f"{name} {amount:.0%}", BACKGROUND.blend(Color.parse(VARIABLES[name]), amount)


def test_the_text_colours_are_the_ones_the_style_sheets_use():
    assert {"text", "text-muted", "accent", "text-error", "text-success"} <= set(TEXT)


@pytest.mark.parametrize("text", TEXT)
def test_every_text_colour_meets_wcag_aa_on_every_background(text):
    low = [(where, round(ratio(on(base, VARIABLES[text]), base), 2)) for where, base in backgrounds()
           if ratio(on(base, VARIABLES[text]), base) < 4.5]
    assert not low, f"${text} is below 4.5:1 on: {low}"


@pytest.mark.parametrize(("level", "amount"), RUNGS)
def test_the_current_level_rung_is_readable(level, amount):
    base = BACKGROUND.blend(Color.parse(VARIABLES[level]), amount)
    assert ratio(on(base, VARIABLES["text"]), base) >= 4.5


def test_the_app_uses_this_theme_for_light():
    from wizard.tui.app import LIGHT

    assert LIGHT == LIGHT_THEME.name
