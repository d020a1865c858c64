"""The rows of an invoice ledger, read into invoices (see wizard/storage/ledger.py).

Each bad cell is a problem naming its row and column, and its row is left out and counted.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import compress, repeat
from operator import add, methodcaller
from typing import Callable, Iterable, Iterator, Sequence

from wizard.model.clients import client_key
from wizard.model.invoices import Ledger
from wizard.model.problems import Problem
from wizard.storage.ledger_cells import (BadCell, currency_code, decimal_mark, parse_amount, parse_date,
                                        plain_numbers)
from wizard.storage.ledger_careful import CarefulRows
from wizard.storage.ledger_columns import EITHER_DATE_OR_AMOUNT, fold, no_column

CHUNK = 2000  # rows read at once: each column of a chunk is read in one go
MISSING = object()  # a cell the caches do not know, or that did not read well


def _chunks(pieces: Iterable[list]) -> Iterator[list]:
    """The rows of the pieces, CHUNK at a time (the last chunk may be shorter)."""
    rest: list = []
    for piece in pieces:
        rows = rest + piece if rest else piece
        whole = len(rows) - len(rows) % CHUNK
        for start in range(0, whole, CHUNK):
            yield rows[start:start + CHUNK]
        rest = rows[whole:]
    if rest:
        yield rest


class RowReader(CarefulRows):
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
        self.latest: list[date | None] = []  # the newest issue and payment dates of the invoices, chunk by chunk
        self.default_currency = next((m[1].upper() for c in ("amount", "net") if c in columns
                                      for m in [re.search(r"\(([A-Za-z]{3})\)", header[columns[c]])] if m), "")

    def read(self, pieces: Iterable[list], delimiter: str | None = None) -> Ledger:
        """The invoices of the rows after the header, given in pieces (lists of rows, of any size):
        each row a list of cells, or with a `delimiter`, a line without quotes, its cells apart by
        the delimiter. They are read CHUNK rows at a time."""
        self.delimiter = delimiter
        chunks = _chunks(pieces)
        head = next(chunks, [])
        cells = list(map(self._cells, head))
        self._paid_amounts(cells)
        columns, ledger = self.columns, self.ledger
        ledger.missing = tuple(name for name in ("due", "paid") if name not in columns)
        self.decimal = decimal_mark([row[i] for row in cells for key in ("amount", "net", "paid_amount")
                                     if key in columns for i in [columns[key]] if i < len(row)])
        ledger.dialect = ("", "", self.decimal)
        plain, number = self._plain_rows(), 2
        chunk = head
        while chunk:
            careful = plain(chunk, number)
            for offset in careful:
                self._careful(self._cells(chunk[offset]), number + offset)
            number += len(chunk)
            chunk = next(chunks, [])
        ledger.rows = number - 2
        ledger.newest = max(filter(None, self.latest), default=None)
        return ledger

    def _cells(self, row) -> list[str]:
        return row.split(self.delimiter) if self.delimiter else row

    def _columns(self, chunk: list) -> tuple[list[int] | range, list[int], Callable[[int], Sequence[str]]]:
        """The offsets of the chunk's rows with as many cells as the header has, the offsets of the
        others, and a function giving a column's cells of the first ones. Lines are joined and
        split at the delimiter at once, and each column is every width-th cell of that."""
        width, delimiter = len(self.header), self.delimiter
        if delimiter is not None:
            # Lines joined by a cell holding only a line break (which no line holds): when those
            # cells fall exactly every width + 1 cells, every line has as many cells as the header.
            cells = (delimiter + "\n" + delimiter).join(chunk).split(delimiter)
            step, count = width + 1, len(chunk)
            if len(cells) == count * step - 1 and cells[width::step].count("\n") == count - 1:
                return range(count), [], lambda index: cells[index::step]
        lengths = list(map(len, chunk) if delimiter is None else map(methodcaller("count", delimiter), chunk))
        whole = width if delimiter is None else width - 1
        offsets: list[int] | range = range(len(chunk))
        careful, rows = [], chunk
        if min(lengths) != whole or max(lengths) != whole:
            careful = [i for i, length in enumerate(lengths) if length != whole]
            offsets = [i for i, length in enumerate(lengths) if length == whole]
            rows = [chunk[i] for i in offsets]
        if delimiter is None:
            return offsets, careful, list(zip(*rows)).__getitem__ if rows else None
        cells = delimiter.join(rows).split(delimiter)
        return offsets, careful, lambda index: cells[index::width]

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
        decimal = self.decimal
        client, issued_at = columns["client"], columns["issued"]
        due_at, paid_at = columns.get("due", -1), columns.get("paid", -1)
        gross_at = columns.get("amount", columns.get("net"))
        net_at = columns["net"] if "amount" in columns and "net" in columns else -1
        currency_at = columns.get("currency", -1)

        def looked_up(cells: Sequence[str], cache: dict, learn, bad: set[int]) -> list:
            """The cells as the cache knows them; those it has not seen yet are read once each,
            first. A cell that does not read well stays MISSING, and its row goes the careful way."""
            first = cells[0]
            if first == cells[-1] and first in cache and cells.count(first) == len(cells):
                return [cache[first]] * len(cells)  # the same in every row (a currency, often)
            try:
                return list(map(cache.__getitem__, cells))
            except KeyError:
                for cell in dict.fromkeys(cells):  # in the order written: a client's first name is kept
                    if cell not in cache:
                        learn(cell)
            found = list(map(cache.get, cells, repeat(MISSING)))
            bad.update(i for i, value in enumerate(found) if value is MISSING)
            return found

        def plain(chunk: list, number: int) -> list[int]:
            offsets, careful, column = self._columns(chunk)
            if not offsets:
                return careful
            bad: set[int] = set()
            issued = looked_up(column(issued_at), self.dates, self._learn_date, bad)
            paid = looked_up(column(paid_at), self.paid_dates, self._learn_date, bad) if paid_at >= 0 else None
            count = len(offsets)
            made = [looked_up(column(client), self.keys, self._learn_client, bad), issued,
                    looked_up(column(due_at), self.dates, self._learn_date, bad) if due_at >= 0 else issued,
                    repeat(None, count) if paid is None else paid]
            for index in (gross_at, net_at) if net_at >= 0 else (gross_at,):
                values, all_plain = plain_numbers(column(index), decimal)
                if not all_plain:
                    bad.update(i for i, value in enumerate(values) if value is None)
                made.append(values)
            if net_at < 0:
                made.append(made[-1])  # no net column: the amount is the value
            currency = (looked_up(column(currency_at), self.currencies, self._learn_currency, bad)
                        if currency_at >= 0 else repeat(self.default_currency, count))
            rows = range(number, number + count) if isinstance(offsets, range) else map(add, offsets, repeat(number))
            made += [repeat(None, count), currency, rows]
            if bad:
                keep = [i not in bad for i in range(count)]
                made = [list(compress(column, keep)) for column in made]
                careful += [offsets[i] for i in bad]
            self.latest.append(max(made[1], default=None))  # the issue dates of the rows taken
            if paid is not None:
                self.latest.append(max(filter(None, made[3]), default=None))  # their payment dates
            self.ledger.invoices.extend_columns(made)
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
            self.ledger.problems.append(no_column(self.file, "paid", ", ".join(f'"{c}"' for c in self.header)))
