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
import itertools
import os
import re
import stat
import unicodedata
from datetime import date
from itertools import compress, repeat
from operator import add, itemgetter, methodcaller
from pathlib import Path

from wizard.clients import client_key
from wizard.model.evidence import Ledger
from wizard.problems import InvalidFile, Problem, display_path
from wizard.storage.ledger_cells import (BadCell, currency_code, decimal_mark, parse_amount,
                                        parse_date, plain_numbers, short)

MAX_BYTES = 50 * 1024 * 1024
CHUNK = 2000  # rows read at once: each column of a chunk is read in one go
NO_DATE = date.min  # not a date the caches know (parse_date refuses years before 1900)
DELIMITERS = (";", ",", "\t")

# The headers each field is known by, folded (see `fold`), the most specific first.
FIELDS: dict[str, tuple[str, ...]] = {
    "client": ("kontrahent", "nazwa kontrahenta", "nabywca", "nazwa nabywcy", "klient", "nazwa klienta", "odbiorca",
               "client", "client name", "customer", "customer name", "buyer", "bill to"),
    "issued": ("data wystawienia", "data faktury", "data dokumentu", "wystawiono", "issue date", "issued",
               "issued on", "invoice date", "date issued", "data", "date"),
    "due": ("termin platnosci", "termin zaplaty", "termin", "due date", "due", "due on", "payment due",
            "payment due date"),
    "paid": ("data zaplaty", "data oplacenia", "data wplaty", "zaplacono", "oplacono", "payment date", "paid on",
             "date paid", "paid date", "paid"),
    "amount": ("brutto", "wartosc brutto", "kwota brutto", "kwota", "razem", "gross", "gross amount", "amount",
               "total", "total amount", "invoice total"),
    "net": ("netto", "wartosc netto", "kwota netto", "net", "net amount", "subtotal"),
    "paid_amount": ("kwota zaplacona", "zaplacona kwota", "kwota zaplaty", "wplacono", "amount paid",
                    "paid amount"),
    "currency": ("waluta", "currency"),
}
# A column by these names holds the payment's date, or the amount paid when its cells are amounts.
EITHER_DATE_OR_AMOUNT = ("zaplacono", "oplacono", "paid")
WHAT = {"client": "the client", "issued": "the issue date", "due": "the due date", "paid": "the payment date",
        "amount": "the amount", "net": "the net amount", "paid_amount": "the amount paid", "currency": "the currency"}


def read_ledger(path: Path | str, mapping: dict[str, str] | None = None) -> Ledger:
    """The ledger in `path`. Raises InvalidFile when the file cannot be a ledger at all; problems
    of single rows are in `Ledger.problems`, and those rows are counted in `Ledger.left_out`."""
    path = Path(path)
    file = display_path(path)
    text, encoding = decode(_read_bytes(path, file), file)
    lines = text.splitlines()
    header_line = next((line for line in lines[:50] if line.strip()), None)
    if header_line is None:
        raise InvalidFile([Problem(file, "", "is empty: a ledger starts with a header row naming its columns")])
    delimiter = sniff_delimiter(header_line, lines[1:11])
    rows = split_rows(text, lines, delimiter)
    for header in rows:
        if any(cell.strip() for cell in header):
            break
    columns, problems = find_columns(header, mapping or {}, file)
    # A hundred thousand invoices, none in a cycle: the cycle collector would walk them again and
    # again while they are made, for nothing, so it waits until they are all read.
    collecting = gc.isenabled()
    gc.disable()
    try:
        ledger = _RowReader(file, path.name, header, columns, problems).read(rows)
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
            data = handle.read(MAX_BYTES + 1)
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


def split_rows(text: str, lines: list[str], delimiter: str):
    """The rows of the file, each a list of cells. Without a quote anywhere, a row is its line
    split at the delimiter, exactly what `csv.reader` would make of it, several times faster;
    with quotes (a cell holding the delimiter or a line break), `csv.reader` reads them."""
    if '"' in text:
        return csv.reader(lines, delimiter=delimiter)
    return map(methodcaller("split", delimiter), lines)


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


def fold(header: str) -> str:
    """A header as compared: no case, accents or punctuation, a part in brackets left out."""
    text = re.sub(r"\([^)]*\)|\[[^]]*\]", " ", header).replace("ł", "l").replace("Ł", "L")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w#]+|_", " ", text).split())


def parse_map(text: str) -> dict[str, str]:
    """`client=Kontrahent,due=Termin` as {field: header}. Raises ValueError saying what is allowed."""
    mapping = {}
    for part in text.split(","):
        if not part.strip():
            continue
        name, sep, header = part.partition("=")
        name = name.strip().lower()
        if not sep or not header.strip():
            raise ValueError(f"'{part.strip()}' is not FIELD=HEADER (for example client=Kontrahent)")
        if name not in FIELDS:
            raise ValueError(f"'{name}' is not a field (allowed: {', '.join(FIELDS)})")
        mapping[name] = header.strip()
    return mapping


def find_columns(header: list[str], mapping: dict[str, str], file: str) -> tuple[dict[str, int], list[Problem]]:
    """Each field's column index. Raises InvalidFile when the client, the issue date or an amount
    cannot be found; a missing due date or payment date is a problem of its own (row 1)."""
    folded = [fold(cell) for cell in header]
    found = ", ".join(f'"{cell.strip()}"' for cell in header if cell.strip()) or "none"
    columns: dict[str, int] = {}
    fatal: list[Problem] = []
    for name, wanted in mapping.items():
        if fold(wanted) not in folded:
            fatal.append(Problem(file, "row 1", f'--map {name}="{wanted}": no such column (the header has {found})'))
        else:
            columns[name] = folded.index(fold(wanted))
    taken = set(columns.values())
    for name, aliases in FIELDS.items():
        if name in columns:
            continue
        index = next((folded.index(alias) for alias in aliases if alias in folded and folded.index(alias) not in taken),
                     None)
        if index is not None:
            columns[name] = index
            taken.add(index)
    for name in ("client", "issued"):
        if name not in columns:
            fatal.append(_no_column(file, name, found))
    if "amount" not in columns and "net" not in columns:
        fatal.append(_no_column(file, "amount", found))
    if fatal:
        raise InvalidFile(fatal)
    return columns, [_no_column(file, name, found) for name in ("due", "paid") if name not in columns]


def _no_column(file: str, name: str, found: str) -> Problem:
    known = ", ".join(f'"{alias}"' for alias in FIELDS[name][:4])
    return Problem(file, "row 1", f"no column for {WHAT[name]} (known headers: {known}, ...; the header has "
                                  f"{found}); name it with --map {name}=HEADER")




# ---------------------------------------------------------------------------------------------
# Rows


class _RowReader:
    """The rows of one ledger, read into invoices; each bad cell a problem, its row left out.

    The loop is the hot path (100,000 rows must read in a few times what `csv.reader` alone
    takes): names, dates and amounts repeat, so each distinct text is parsed once."""

    def __init__(self, file: str, name: str, header: list[str], columns: dict[str, int],
                 problems: list[Problem]) -> None:
        self.file, self.header, self.columns = file, header, columns
        self.ledger = Ledger(file, name, [], {}, problems=problems, net="amount" in columns and "net" in columns)
        # Caches of what was read well (a bad cell is read again, the careful way, each time).
        self.dates: dict[str, date] = {}
        self.paid_dates: dict[str, date | None] = {"": None}  # an empty payment date: not paid
        self.keys: dict[str, str] = {}
        self.currencies: dict[str, str] = {}  # a currency cell → the currency it names
        self.default_currency = next((m[1].upper() for c in ("amount", "net") if c in columns
                                      for m in [re.search(r"\(([A-Za-z]{3})\)", header[columns[c]])] if m), "")

    def read(self, rows) -> Ledger:
        head = list(itertools.islice(rows, CHUNK))
        self._paid_amounts(head)
        columns, ledger = self.columns, self.ledger
        ledger.missing = tuple(name for name in ("due", "paid") if name not in columns)
        self.decimal = decimal_mark([row[i] for row in head for key in ("amount", "net", "paid_amount")
                                     if key in columns for i in [columns[key]] if i < len(row)])
        ledger.dialect = ("", "", self.decimal)
        plain, number = self._plain_rows(), 2
        chunk = head
        while chunk:
            careful = plain(chunk, number)
            for offset in careful:
                self._careful(chunk[offset], number + offset)
            number += len(chunk)
            chunk = list(itertools.islice(rows, CHUNK))
        ledger.rows = number - 2
        issued = max(map(itemgetter(1), ledger.invoices), default=None)
        paid = max(filter(None, map(itemgetter(3), ledger.invoices)), default=None)
        ledger.newest = max(filter(None, (issued, paid)), default=None)
        return ledger

    def _careful(self, row: list[str], number: int) -> None:
        width = len(self.header)
        if len(row) != width:
            if not any(cell.strip() for cell in row):
                return  # a blank line
            if len(row) > width:
                self._left_out(row, number, [(None, f"has {len(row)} cells where the header has {width}: a value "
                                                    "holding the delimiter must be in quotes")])
                return
            row = row + [""] * (width - len(row))
        self._row(row, number)

    def _plain_rows(self):
        """A function that takes the plain rows of a chunk at once and returns the offsets of the
        others. A row is plain when its name, dates and currency were seen before and read well
        and its amounts are plain numbers: then each column of the chunk is looked up in the
        caches with `map`, at the speed of C. The other rows `_row` reads carefully, naming their
        problems and filling the caches; what is taken here, `_row` takes the same (a test checks
        it on fuzzed rows)."""
        columns = self.columns
        if "paid_amount" in columns:
            return lambda chunk, number: list(range(len(chunk)))  # partial payments: every row the careful way
        width, decimal = len(self.header), self.decimal
        client, issued_at = columns["client"], columns["issued"]
        due_at, paid_at = columns.get("due", -1), columns.get("paid", -1)
        gross_at = columns.get("amount", columns.get("net"))
        net_at = columns["net"] if "amount" in columns and "net" in columns else -1
        currency_at = columns.get("currency", -1)

        def looked_up(cells: tuple[str, ...], cache: dict, learn, missing, bad: set[int]) -> list:
            """The cells as the cache knows them; those it has not seen yet are read once each,
            first. A cell that does not read well stays `missing` and its row goes the careful
            way. (Each sentinel is of the column's own type, so looking for it is quick.)"""
            found = list(map(cache.get, cells, repeat(missing)))
            if missing in found:
                for cell in {cell for cell, value in zip(cells, found) if value == missing}:
                    learn(cell)
                found = list(map(cache.get, cells, repeat(missing)))
                bad.update(i for i, value in enumerate(found) if value == missing)
            return found

        def plain(chunk: list[list[str]], number: int) -> list[int]:
            lengths = list(map(len, chunk))
            offsets: list[int] | range = range(len(chunk))
            careful, rows, bad = [], chunk, set()
            if min(lengths) != width or max(lengths) != width:
                careful = [i for i, length in enumerate(lengths) if length != width]
                offsets = [i for i, length in enumerate(lengths) if length == width]
                rows = [chunk[i] for i in offsets]
            if not rows:
                return careful
            cells = list(zip(*rows))  # the chunk's columns
            issued = looked_up(cells[issued_at], self.dates, self._learn_date, NO_DATE, bad)
            made = [looked_up(cells[client], self.keys, self._learn_client, "", bad), issued,
                    looked_up(cells[due_at], self.dates, self._learn_date, NO_DATE, bad) if due_at >= 0 else issued,
                    looked_up(cells[paid_at], self.paid_dates, self._learn_date, NO_DATE, bad) if paid_at >= 0
                    else repeat(None)]
            for index in (gross_at, net_at) if net_at >= 0 else (gross_at,):
                values, all_plain = plain_numbers(cells[index], decimal)
                if not all_plain:
                    bad.update(i for i, value in enumerate(values) if value is None)
                made.append(values)
            if net_at < 0:
                made.append(made[-1])  # no net column: the amount is the value
            made += [repeat(None), looked_up(cells[currency_at], self.currencies, self._learn_currency, "\0", bad)
                     if currency_at >= 0 else repeat(self.default_currency), map(add, offsets, repeat(number))]
            if bad:
                keep = [i not in bad for i in range(len(rows))]
                made = [compress(column, keep) for column in made]
                careful += [offsets[i] for i in bad]
            self.ledger.invoices.extend(zip(*made))
            return sorted(careful)

        return plain

    def _learn_client(self, name: str) -> None:
        key = client_key(name) if name.strip() else ""
        if key:
            self.keys[name] = key
            self.ledger.clients.setdefault(key, " ".join(name.split()))

    def _learn_date(self, cell: str) -> None:
        value = parse_date(cell)
        if value.__class__ is date:
            self.dates[cell] = self.paid_dates[cell] = value

    def _learn_currency(self, cell: str) -> None:
        code = currency_code(cell)
        if code:
            self.currencies[cell] = code

    def _paid_amounts(self, head: list[list[str]]) -> None:
        """A "Paid"/"Zapłacono" column whose cells are amounts, not dates, holds the amount paid."""
        columns = self.columns
        index = columns.get("paid")
        if index is None or "paid_amount" in columns or fold(self.header[index]) not in EITHER_DATE_OR_AMOUNT:
            return
        cells = [row[index].strip() for row in head if index < len(row) and row[index].strip()]
        if cells and all(isinstance(parse_date(cell), BadCell) for cell in cells) and not any(
                isinstance(parse_amount(cell, "."), BadCell) and isinstance(parse_amount(cell, ","), BadCell)
                for cell in cells):
            columns["paid_amount"] = columns.pop("paid")
            self.ledger.problems.append(_no_column(self.file, "paid", ", ".join(f'"{c}"' for c in self.header)))

    def _row(self, row: list[str], number: int) -> None:
        columns, bad = self.columns, []
        name = row[columns["client"]]
        if name not in self.keys:
            self._learn_client(name)
        key = self.keys.get(name, "")
        if not key:
            if not row[columns["issued"]].strip():
                return  # neither a client nor a date: a blank row, or the export's line of totals
            bad.append((columns["client"], "is empty: every invoice names its client"))
        issued = self._date(row, columns["issued"], bad, required=True)
        due = self._date(row, columns.get("due"), bad) or issued  # no due date: due when issued
        paid_on = self._date(row, columns.get("paid"), bad)
        gross = self._amount(row, columns.get("amount"), bad)
        net = self._amount(row, columns.get("net"), bad)
        paid = self._amount(row, columns.get("paid_amount"), bad)
        money = gross or net
        if money is None and not bad:
            bad.append((columns.get("amount", columns.get("net")), "is empty: every invoice has an amount"))
        currency = self._currency(row, money, net, bad)
        if bad:
            self._left_out(row, number, bad)
            return
        self.ledger.invoices.append((key, issued, due, paid_on, money[0], (net or money)[0],
                                     paid[0] if paid else None, currency, number))

    def _date(self, row: list[str], index: int | None, bad: list, required: bool = False) -> date | None:
        if index is None:
            return None
        cell = row[index]
        value = self.dates.get(cell)
        if value is not None:
            return value
        if not cell.strip():
            if required:
                bad.append((index, "is empty: every invoice has its issue date"))
            return None
        self._learn_date(cell)
        value = self.dates.get(cell)
        if value is None:
            bad.append((index, parse_date(cell)))
        return value

    def _amount(self, row: list[str], index: int | None, bad: list) -> tuple[float, str] | None:
        if index is None or not row[index].strip():
            return None
        value = parse_amount(row[index], self.decimal)  # not cached: amounts seldom repeat
        if value.__class__ is BadCell:
            bad.append((index, value))
            return None
        return value

    def _currency(self, row: list[str], money, net, bad: list) -> str:
        written = {value[1] for value in (money, net) if value and value[1]}
        index = self.columns.get("currency")
        if index is not None and row[index].strip():
            cell = row[index].strip()
            named = currency_code(cell)
            if not named:
                bad.append((index, f'"{short(cell)}" is not a currency: write its code, like PLN or EUR'))
            elif written - {named}:
                bad.append((index, f'"{short(cell)}" differs from the currency written with the amount ({", ".join(written)})'))
            return named
        if len(written) > 1:
            bad.append((self.columns.get("amount"), f"two currencies in one row ({', '.join(sorted(written))})"))
        return next(iter(written), self.default_currency)

    def _left_out(self, row: list[str], number: int, bad: list) -> None:
        ledger = self.ledger
        name = row[self.columns["client"]] if self.columns["client"] < len(row) else ""
        key = self.keys.get(name) or (client_key(name) if name.strip() else "")
        ledger.left_out[key] = ledger.left_out.get(key, 0) + 1
        if key and key not in ledger.clients:
            ledger.clients[key] = " ".join(name.split())
        for index, message in bad:
            where = f"row {number}" if index is None else f'row {number}, column "{self.header[index].strip()}"'
            ledger.problems.append(Problem(self.file, where, message))


def rules_path(bank_folder: Path | None = None) -> Path:
    """questions/ledger.toml beside a custom question bank when it has one, else the shipped one."""
    from wizard.bank import default_path

    if bank_folder is not None:
        folder = bank_folder if bank_folder.is_dir() else bank_folder.parent
        if (folder / "ledger.toml").is_file():
            return folder / "ledger.toml"
    return default_path() / "ledger.toml"


def load_rules(bank_folder: Path | None = None):
    """The ledger rules (wizard.model.ledger_rules.LedgerRules). Raises InvalidFile naming bad fields."""
    from wizard.model.ledger_rules import parse_rules
    from wizard.problems import read_toml

    path = rules_path(bank_folder)
    return parse_rules(read_toml(path), display_path(path))
