"""The record files of a folder, and why a name in it is not read at all (a link, a FIFO, a
folder): the listing that the store, the list cache and feedback share."""

from __future__ import annotations

import os
from pathlib import Path

# Imported by `list`, which must start about as fast as Python itself: nothing heavy at load.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from wizard.model.problems import Problem


def record_files(folder: Path, root: Path | None = None) -> list[os.DirEntry]:
    """The record files directly in `folder` (never those in drafts/ or feedback/), unsorted.

    Hidden names are skipped: temporary files of a write in progress start with a dot. A name
    that is a link, a folder or a device is listed too (`odd_file` says what is wrong with it).
    Raises OSError when the folder cannot be read (Refused when it is a link)."""
    from wizard.storage.files import entries

    found = entries(folder if root is None else root, folder)
    return [e for e in found if e.name.endswith(".toml") and not e.name.startswith(".")]


def record_names(folder: Path) -> list[str]:
    try:
        return [entry.name for entry in record_files(folder)]
    except OSError:
        return []


def odd_file(entry: os.DirEntry, path: Path) -> Problem | None:
    """Why a file in the records folder is not read at all (a link, a FIFO, a folder), or None.
    Costs no system call: the folder's listing already says what each name is."""
    if entry.is_file(follow_symlinks=False):
        return None
    from wizard.model.problems import Problem
    from wizard.storage import files

    if entry.is_symlink():
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return Problem(str(path), "", files.Refused("files.link_read", path, target=target).text("en"))
    if entry.is_dir(follow_symlinks=False):
        return Problem(str(path), "", "is a folder, not a file")
    return Problem(str(path), "", files.Refused("files.not_regular", path).text("en"))
