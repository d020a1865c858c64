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


def record_export_path(record_path: Path) -> Path:
    """A record's own export: beside the record, with the same name."""
    return Path(record_path).with_suffix(".md")


def write_export(root: Path, target: Path, text: str) -> Path:
    """Write (or replace) one export. Raises OSError (a linked exports/ is refused); nothing
    half-written is left behind."""
    files.write_text(root, target, text, overwrite=True)
    return target
