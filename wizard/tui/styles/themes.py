"""The wizard's own light theme: Textual's light theme with colours dark enough that every text
colour meets WCAG AA (contrast of 4.5:1 or more) on each background the screens use; a test
(tests/tui/test_contrast.py) checks it."""

from __future__ import annotations

from textual.theme import BUILTIN_THEMES, Theme

LIGHT_NAME = "client-exit-light"

_base = BUILTIN_THEMES["textual-light"]
LIGHT_THEME = Theme(
    name=LIGHT_NAME,
    primary="#004578",
    secondary="#5c3d99",
    accent="#7d3400",
    warning="#6b4000",
    error="#a3001f",
    success="#17531c",
    foreground=_base.foreground,
    background=_base.background,
    surface=_base.surface,
    panel=_base.panel,
    boost=_base.boost,
    dark=False,
    variables={**_base.variables, "footer-key-foreground": "#004f8c"},
)
