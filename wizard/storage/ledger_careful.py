"""The careful way through a ledger's row: cell by cell, each bad cell a problem naming its row
and column, and the row left out and counted. The fast path (ledger_rows.py) sends here only
the rows its caches cannot read at once."""

from __future__ import annotations

from datetime import date

from wizard.model.clients import client_key
from wizard.model.invoices import Ledger
from wizard.model.problems import Problem
from wizard.storage.ledger_cells import BadCell, currency_code, parse_amount, parse_date, short


class CarefulRows:
    """What RowReader knows of its ledger (set by RowReader.__init__), read one row at a time."""

    file: str
    header: list[str]
    columns: dict[str, int]
    ledger: Ledger
    keys: dict[str, str]
    dates: dict[str, date]
    latest: list[date | None]
    decimal: str
    default_currency: str

    def _learn_client(self, name: str) -> None:  # RowReader's caches
        raise NotImplementedError

    def _learn_date(self, cell: str) -> None:
        raise NotImplementedError

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
        self.latest += (issued, paid_on)

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
