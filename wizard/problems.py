"""Problems found in a user's file: which file, which field, what is allowed.

Every loader reports bad input as `Problem`s collected in an `InvalidFile`, never as a
traceback, so the command line and the TUI can show them and carry on with other files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


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


def read_toml(path: Path) -> dict:
    """Read a TOML file, turning every way it can fail into an `InvalidFile`."""
    import tomllib

    name = display_path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InvalidFile([Problem(name, "", "no such file")]) from None
    except IsADirectoryError:
        raise InvalidFile([Problem(name, "", "is a folder, not a file")]) from None
    except OSError as error:
        raise InvalidFile([Problem(name, "", f"cannot be read ({error.strerror})")]) from None
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark (as Notepad writes) is not an error
    except UnicodeDecodeError as error:
        raise InvalidFile(
            [Problem(name, "", f"is not UTF-8 text (bad byte at offset {error.start})")]
        ) from None
    if "\x00" in text:
        raise InvalidFile([Problem(name, "", "is not text (contains NUL bytes)")])
    if text.count(".") > MAX_KEY_PARTS and _longest_dotted_key(text) > MAX_KEY_PARTS:
        # tomllib needs memory growing with the square of a dotted key's length (GBs at 100,000)
        raise InvalidFile([Problem(name, "", f"has a dotted key of more than {MAX_KEY_PARTS} parts, "
                                             "too long to be read safely")])
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InvalidFile([Problem(name, "", f"is not valid TOML: {error}")]) from None
    except RecursionError:
        raise InvalidFile([Problem(name, "", "is nested too deeply to be read")]) from None


MAX_KEY_PARTS = 1000
_KEY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_- \t")


def _longest_dotted_key(text: str) -> int:
    """The most dots in one run of key parts (`a.b."c"`), outside strings; only lines with many
    dots are looked at, so ordinary files cost one count."""
    longest = 0
    for line in text.splitlines():
        if line.count(".") <= MAX_KEY_PARTS:
            continue
        run, quote, escaped = 0, "", False
        for char in line:
            if quote:
                if escaped:
                    escaped = False
                elif char == "\\" and quote == '"':
                    escaped = True
                elif char == quote:
                    quote = ""
            elif char in "\"'":
                quote = char
            elif char == ".":
                run += 1
                longest = max(longest, run)
            elif char not in _KEY_CHARS:
                run = 0
    return longest


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
