"""Problems found in a user's file: which file, which field, what is allowed.

Every loader reports bad input as `Problem`s collected in an `InvalidFile`, never as a
traceback, so the command line and the TUI can show them and carry on with other files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        """The problem as a line for a person: stored text in it (a file name, a value) inert."""
        from wizard.inert import inert

        where = f"{self.file}: {self.field}" if self.field else self.file
        return inert(f"{where}: {self.message}")


class InvalidFile(Exception):
    """One or more problems in one file (or one question bank)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class NoSuchRecord(InvalidFile):
    """No record, or several, for a reference (`RecordStore.find`): `kind` is file, id or several.

    The message names the reference, so callers that only report problems need nothing more;
    the command line uses `kind` and `matches` to say it in the user's language and to suggest
    the records meant."""

    def __init__(self, ref: str, kind: str, message: str, matches: list | None = None) -> None:
        super().__init__([Problem(ref, "", message)])
        self.ref, self.kind, self.matches = ref, kind, list(matches or [])


def display_path(path: Path | str) -> str:
    return str(path)


def read_toml(path: Path, *, limit: int | None = None, what: str = "files.what.record") -> dict:
    """Read a TOML file, turning every way it can fail into an `InvalidFile`.

    Only a regular file is read (never a FIFO or a device), up to `limit` bytes (1 MB: a record,
    an answers file or a feedback file is a few KB), through the one guarded file layer."""
    import tomllib

    from wizard.storage import files

    name = display_path(path)
    try:
        raw = files.read_bytes(path, limit=files.MAX_BYTES if limit is None else limit, what=what)
    except FileNotFoundError:
        raise InvalidFile([Problem(name, "", "no such file")]) from None
    except IsADirectoryError:
        raise InvalidFile([Problem(name, "", "is a folder, not a file")]) from None
    except OSError as error:
        raise InvalidFile([unreadable(path, error)]) from None
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark (as Notepad writes) is not an error
    except UnicodeDecodeError as error:
        raise InvalidFile(
            [Problem(name, "", f"is not UTF-8 text (bad byte at offset {error.start})")]
        ) from None
    if "\x00" in text:
        raise InvalidFile([Problem(name, "", "is not text (contains NUL bytes)")])
    too_many = _too_many_key_parts(text)
    if too_many:
        raise InvalidFile([Problem(name, "", too_many)])
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InvalidFile([Problem(name, "", f"is not valid TOML: {error}")]) from None
    except RecursionError:
        raise InvalidFile([Problem(name, "", "is nested too deeply to be read")]) from None


def unreadable(path: Path | str, error: OSError) -> Problem:
    """A file or folder that could not be read, and what to do about it."""
    from wizard.storage.files import Refused

    if isinstance(error, Refused):
        if error.key == "files.link" and error.path == Path(path):  # the problem names the link already
            return Problem(display_path(path), "", Refused("files.link_named", path, **error.values).text("en"))
        return Problem(display_path(path), "", error.text("en"))
    if isinstance(error, PermissionError):
        return Problem(display_path(path), "", f"cannot be read ({error.strerror}): give yourself access "
                                               "(chmod u+rwx on a folder, u+r on a file) or ask its owner")
    return Problem(display_path(path), "", f"cannot be read ({error.strerror or error})")


# tomllib's time grows with every part of every dotted key (`a.b.c = 1`, `[a.b.c]`), and with the
# square of one key's parts: 1 MB of such keys takes seconds to minutes. Our files have a few
# dozen; these limits leave a hundred times that and keep the worst 1 MB under a second.
MAX_KEY_PARTS = 100  # in one key
MAX_DOTS = 5000  # dots outside texts in the whole file (key parts, and the dots of numbers)
_STRINGS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"|\'[^\'\n]*\'')
_KEY_RUN = re.compile(r'[A-Za-z0-9_\-". \t]*\.[A-Za-z0-9_\-". \t]*')  # what a dotted key can be made of


def _too_many_key_parts(text: str) -> str:
    """Why the file has too many dotted key parts to be read safely, or "". A file with few dots
    (a record has about 60) costs one count; only lines with many dots, or a file with very
    many, are looked at more closely (texts, where dots are no key parts, taken out)."""
    if text.count(".") < MAX_KEY_PARTS:
        return ""
    if text.count(".") > MAX_DOTS and _STRINGS.sub('""', text).count(".") > MAX_DOTS:
        return (f"has more than {MAX_DOTS} dots outside its texts (dotted keys or numbers), "
                "too many to be read safely")
    for line in text.splitlines():
        if line.count(".") >= MAX_KEY_PARTS and any(
                run.count(".") >= MAX_KEY_PARTS for run in _KEY_RUN.findall(_STRINGS.sub('""', line))):
            return f"has a dotted key of more than {MAX_KEY_PARTS} parts, too long to be read safely"
    return ""


def join(*parts: str) -> str:
    """A dotted field name, as the user would write it in the TOML file."""
    return ".".join(p for p in parts if p)


def show(value: object) -> str:
    """A value as it appears in a TOML file, for messages."""
    from datetime import date, datetime

    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 60 else f'"{value[:57]}..."'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (datetime, date)):
        return "a date"
    return str(value)


_KIND_NAMES = {str: "a text", int: "a whole number", float: "a number", bool: "true or false",
               dict: "a table", list: "a list"}


class FieldReader:
    """Reads fields of parsed TOML, collecting a `Problem` for each bad one instead of raising."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, where, message))

    def get(self, table: object, key: str, kind: type | tuple, where: str, required: bool = True):
        """`table[key]` if it is of `kind` (bool never passes for a number), else None."""
        if not isinstance(table, dict):
            return None
        if key not in table:
            if required:
                self.problem(join(where, key), "is missing")
            return None
        value = table[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            self.problem(join(where, key), f"must be {_kind_name(kinds)} (got {show(value)})")
            return None
        return value

    def raise_if_any(self) -> None:
        if self.problems:
            raise InvalidFile(self.problems)


def _kind_name(kinds: tuple) -> str:
    if set(kinds) == {int, float}:
        return "a number"
    return " or ".join(_KIND_NAMES.get(k, k.__name__) for k in kinds)
