"""Problems found in a user's file: which file, which field, what is allowed.

Every loader reports bad input as `Problem`s collected in an `InvalidFile`, never as a
traceback, so the command line and the TUI can show them and carry on with other files.
"""

from __future__ import annotations

from dataclasses import dataclass


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
