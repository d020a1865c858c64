"""Reading an invoice ledger: a CSV export of issued invoices, one row per invoice (docs/ledger.md).

What is detected, and how:
- the encoding: UTF-8 (with or without a byte-order mark), else Windows-1250; UTF-16 by its mark;
- the delimiter: `,` `;` or tab, the one the header row holds most of (outside quotes);
- the columns, by their headers as invoicing tools write them in English and Polish (case,
  accents and punctuation aside), or as `--map field=Header,...` names them;
- the decimal mark of the amounts: the one most amounts use (`1 234,56` or `1,234.56`);
- dates: ISO (2026-10-15) or dd.mm.yyyy (15.10.2026), a time after them ignored.

A bad cell never stops the rest: its row is left out, named with the column in a `Problem`
(file: row N, column "Header": what is wrong), and counted. A file that cannot be a ledger at
all (missing, not a regular file, over 50 MB, binary, empty, without a client, date or amount
column) raises `InvalidFile`.
"""

from __future__ import annotations

import csv
import gc
import os
import stat
from collections.abc import Iterator
from itertools import chain, islice
from pathlib import Path

from wizard.model.invoices import Ledger
from wizard.model.problems import InvalidFile, Problem
from wizard.storage.ledger_columns import find_columns
from wizard.storage.ledger_rows import RowReader

MAX_BYTES = 50 * 1024 * 1024
DELIMITERS = (";", ",", "\t")
PIECE_CHARACTERS = 1 << 18  # the text is split into lines this much at a time (about 3,000 rows)
PIECE_ROWS = 2000  # rows read by csv.reader at a time

def read_ledger(path: Path | str, mapping: dict[str, str] | None = None) -> Ledger:
    """The ledger in `path`. Raises InvalidFile when the file cannot be a ledger at all; problems
    of single rows are in `Ledger.problems`, and those rows are counted in `Ledger.left_out`."""
    path = Path(path)
    file = str(path)
    text, encoding = decode(_read_bytes(path, file), file)
    lines = first_lines(text, 50)
    header_line = next((line for line in lines if line.strip()), None)
    if header_line is None:
        raise InvalidFile([Problem(file, "", "is empty: a ledger starts with a header row naming its columns")])
    delimiter = sniff_delimiter(header_line, lines[1:11])
    pieces, split_at = split_rows(text, delimiter)
    header, rows = _header(pieces, split_at)
    columns, problems = find_columns(header, mapping or {}, file)
    # A hundred thousand invoices, none in a cycle: the cycle collector would walk them again and
    # again while they are made, for nothing, so it waits until they are all read.
    collecting = gc.isenabled()
    gc.disable()
    try:
        ledger = RowReader(file, path.name, header, columns, problems).read(rows, split_at)
    finally:
        if collecting:
            gc.enable()
    ledger.dialect = (encoding, delimiter, ledger.dialect[2])  # the decimal mark is the reader's
    return ledger


def _read_bytes(path: Path, file: str) -> bytes:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InvalidFile([Problem(file, "", "no such file")]) from None
    except OSError as error:
        raise InvalidFile([Problem(file, "", f"cannot be read ({error.strerror})")]) from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise InvalidFile([Problem(file, "", f"is {kind}: a ledger is a CSV file of at most 50 MB")])
    if info.st_size > MAX_BYTES:
        raise InvalidFile([Problem(file, "", f"is {info.st_size / 1024 / 1024:.0f} MB, over the limit of 50 MB "
                                             "for a ledger: export a shorter period")])
    try:
        with open(path, "rb") as handle:
            # What it measured and a byte more, which shows whether it grew: a buffer as big as
            # the limit would take longer to make than the file takes to read.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(MAX_BYTES + 1 - len(data))
    except OSError as error:
        raise InvalidFile([Problem(file, "", f"cannot be read ({error.strerror})")]) from None
    if len(data) > MAX_BYTES:  # grew since it was measured
        raise InvalidFile([Problem(file, "", "is over the limit of 50 MB for a ledger: export a shorter period")])
    return data


def decode(data: bytes, file: str) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-16 by its mark, else UTF-8, else Windows-1250."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    elif data.startswith(b"PK\x03\x04"):
        raise InvalidFile([Problem(file, "", "is a zipped file (an Excel .xlsx?), not CSV: save or export it as CSV")])
    if b"\x00" in data[:65536]:
        raise InvalidFile([Problem(file, "", "is not a text file (it holds NUL bytes): export the ledger as CSV")])
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1250"), "Windows-1250"
    except UnicodeDecodeError as error:
        raise InvalidFile([Problem(file, "", f"is neither UTF-8 nor Windows-1250 text (a byte that is not a "
                                             f"letter at offset {error.start}): export the ledger as CSV")]) from None


def first_lines(text: str, count: int) -> list[str]:
    """The text's first `count` lines, as `text.splitlines()` has them."""
    lines = text[:65536].splitlines()
    return (lines if len(lines) > count else text.splitlines())[:count]


def split_rows(text: str, delimiter: str) -> tuple[Iterator[list], str | None]:
    """The rows of the file, a piece (a list of rows) at a time, and the delimiter that splits them
    into cells when they are lines. Without a quote anywhere, a row is its line split at the
    delimiter, exactly what `csv.reader` would make of it: RowReader splits the lines a chunk at
    a time, several times faster. With quotes (a cell holding the delimiter or a line break),
    `csv.reader` reads them."""
    if '"' in text:
        rows = csv.reader(text.splitlines(), delimiter=delimiter)
        return iter(lambda: list(islice(rows, PIECE_ROWS)), []), None
    return _pieces_of_lines(text), delimiter


def _pieces_of_lines(text: str) -> Iterator[list[str]]:
    """The lines of `text.splitlines()`, a piece at a time: made all at once, the lines of a big
    file would take a sixth longer to read, as they would no longer be in the processor's cache."""
    start, end = 0, len(text)
    while start < end:
        cut = text.find("\n", start + PIECE_CHARACTERS)  # a line ends after it, whatever else ends lines
        cut = end if cut < 0 else cut + 1
        yield text[start:cut].splitlines()
        start = cut


def _header(pieces: Iterator[list], split_at: str | None) -> tuple[list[str], Iterator[list]]:
    """The header, the first row with a cell that is not blank (else the last row), as cells; and
    the pieces of the rows after it."""
    header: list[str] = []
    for piece in pieces:
        for index, row in enumerate(piece):
            header = row.split(split_at) if split_at else row
            if any(cell.strip() for cell in header):
                return header, chain([piece[index + 1:]], pieces)
    return header, iter(())


def sniff_delimiter(header: str, sample: list[str]) -> str:
    """The delimiter the header holds most of (outside quotes); a tie goes to the one that the
    next lines hold as often as the header does."""
    counts = {d: _count_outside_quotes(header, d) for d in DELIMITERS}
    best = max(counts.values())
    if best == 0:
        return ","
    tied = [d for d in DELIMITERS if counts[d] == best]
    if len(tied) > 1:
        steady = [d for d in tied if all(_count_outside_quotes(line, d) == best for line in sample if line.strip())]
        tied = steady or tied
    return tied[0]


def _count_outside_quotes(line: str, delimiter: str) -> int:
    if '"' not in line:
        return line.count(delimiter)
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def rules_path(bank_folder: Path | None = None) -> Path:
    """questions/ledger.toml beside a custom question bank when it has one, else the shipped one."""
    from wizard.storage.bank_files import default_path

    if bank_folder is not None:
        folder = bank_folder if bank_folder.is_dir() else bank_folder.parent
        if (folder / "ledger.toml").is_file():
            return folder / "ledger.toml"
    return default_path() / "ledger.toml"


def load_rules(bank_folder: Path | None = None):
    """The ledger rules (wizard.model.ledger_rules.LedgerRules). Raises InvalidFile naming bad fields."""
    from wizard.model.ledger_rules import parse_rules
    from wizard.storage.toml_read import read_toml

    path = rules_path(bank_folder)
    return parse_rules(read_toml(path), str(path))
