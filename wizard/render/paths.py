"""Paths as the user reads them (no Textual, no core modules: cheap to import at start-up)."""

from __future__ import annotations

from pathlib import Path

from wizard.inert import inert


def short_path(path: Path | str | None) -> str:
    """A path as the user would type it: the home folder as ~ (a file name is data: inert)."""
    if path is None:
        return ""
    path = Path(path)
    try:
        return inert("~/" + str(path.relative_to(Path.home())))
    except (ValueError, RuntimeError):
        return inert(str(path))
