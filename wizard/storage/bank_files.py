"""Where the question bank lives, and loading it (the reader is wizard/storage/bank_codec.py)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from wizard.model.bank import Bank


def default_path() -> Path:
    """The bank shipped with the program: inside the installed package, else the source tree."""
    package = Path(__file__).resolve().parents[1]  # wizard/
    packaged = package / "questions"
    if (packaged / "bank.toml").is_file():
        return packaged
    return package.parent / "questions"


@cache
def load_default() -> Bank:
    return load(default_path())


def load(path: Path | str | None = None) -> Bank:
    """Load and validate a bank: a folder with bank.toml, or a single bank file.

    Raises `InvalidFile` listing every problem found, each naming the file, the question id
    and the field.
    """
    from wizard.storage.bank_codec import read_bank  # the reader is heavy: only when a bank is read

    return read_bank(Path(path) if path is not None else default_path())
