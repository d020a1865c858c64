"""Markdown exports of the review screens (comparison, history, team view).

They go to `exports/` in the records folder, named after the client (so `forget` and people can
find them), and follow the folder's privacy rule like every other file the program writes. A
record's own export stays next to the record, as before.
"""

from __future__ import annotations

from pathlib import Path

from wizard.model.records import slug
from wizard.storage import files

FOLDER = "exports"


def export_path(root: Path, *parts: str) -> Path:
    """exports/<slug>-<slug>-….md: every part made safe for a file name."""
    return Path(root) / FOLDER / ("-".join(slug(part, 60) for part in parts if part) + ".md")


def write_export(root: Path, target: Path, text: str) -> Path:
    """Write (or replace) one export. Raises OSError (a linked exports/ is refused); nothing
    half-written is left behind."""
    files.write_text(root, target, text, overwrite=True)
    return target


def export_from(screen, target: Path, text: str) -> Path | None:
    """Write an export for a screen and say where it went (or why it could not be written)."""
    from wizard.tui.widgets.result_view import short_path

    try:
        write_export(screen.app.store.root, target, text)
    except OSError as error:
        screen.notify(screen.t("tui.result.write_failed", path=short_path(target),
                               reason=files.reason(error, screen.lang)), severity="error", timeout=10)
        return None
    screen.notify(screen.t("tui.result.exported", path=short_path(target)), timeout=8)
    return target
