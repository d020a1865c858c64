"""Reading a TOML file a user gave: every way it can fail becomes an `InvalidFile` naming the file.

Only a regular file is read, through the one guarded file layer, up to a size limit, and a file
of thousands of dotted keys (which would take tomllib minutes) is refused before it is parsed.
"""

from __future__ import annotations

import re
from pathlib import Path

from wizard.model.problems import InvalidFile, Problem


def read_toml(path: Path, *, limit: int | None = None, what: str = "files.what.record") -> dict:
    """Read a TOML file, turning every way it can fail into an `InvalidFile`.

    Only a regular file is read (never a FIFO or a device), up to `limit` bytes (1 MB: a record,
    an answers file or a feedback file is a few KB), through the one guarded file layer."""
    import tomllib

    from wizard.storage import files

    name = str(path)
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


def check_schema(reader, data: dict, what: str, reads: int) -> None:
    """The `schema` of a record or feedback file: a newer one is refused at once (InvalidFile),
    a nonsense one is a problem of the file."""
    schema = reader.get(data, "schema", int, "")
    newer = newer_schema(reader.file, what, schema, reads)
    if newer is not None:
        raise InvalidFile([newer])
    if schema is not None and schema < 1:
        reader.problem("schema", f"must be {reads} (got {schema})")


def newer_schema(file: str, what: str, schema: object, reads: int) -> Problem | None:
    """The refusal of a file a newer version wrote (its `schema` above the one this version
    `reads`), or None. Such a file is never half-read, and never rewritten."""
    if not isinstance(schema, int) or isinstance(schema, bool) or schema <= reads:
        return None
    return Problem(file, "schema", f"this {what} was written by a newer version of client-exit-wizard (schema "
                                   f"{schema}); this version reads schema {reads}. Upgrade to read it; the file "
                                   f"is left untouched.")


def unreadable(path: Path | str, error: OSError) -> Problem:
    """A file or folder that could not be read, and what to do about it."""
    from wizard.storage.files import Refused

    if isinstance(error, Refused):
        if error.key == "files.link" and error.path == Path(path):  # the problem names the link already
            return Problem(str(path), "", Refused("files.link_named", path, **error.values).text("en"))
        return Problem(str(path), "", error.text("en"))
    if isinstance(error, PermissionError):
        return Problem(str(path), "", f"cannot be read ({error.strerror}): give yourself access "
                                               "(chmod u+rwx on a folder, u+r on a file) or ask its owner")
    return Problem(str(path), "", f"cannot be read ({error.strerror or error})")


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
