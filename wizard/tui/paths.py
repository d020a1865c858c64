"""Paths as the user reads them (no Textual, no core modules: cheap to import at start-up)."""

from __future__ import annotations

from pathlib import Path


def short_path(path: Path | str | None) -> str:
    """A path as the user would type it: the home folder as ~."""
    if path is None:
        return ""
    path = Path(path)
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except (ValueError, RuntimeError):
        return str(path)
