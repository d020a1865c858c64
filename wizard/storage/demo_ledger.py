"""A made-up invoice ledger for the demo and examples/ledger.csv: 14 months of invoices to the demo's
clients, as a Polish invoicing tool exports them (`;`, a decimal comma, dd.mm.yyyy dates).

Each client pays in the way its sample decisions tell (wizard/cli/demo_folder.py): Kowalski Meble brings
about 40% of the revenue and pays later and later, with two invoices still unpaid; Harbor & Finch
slips too; Piekarnia Świętokrzyska always pays on time and orders more; Zielony Ogród orders less;
Brightline's work ended two months ago. Two clients have never been assessed: one of them pays
late often, which the portfolio brings up. The same `end` gives the same file (a fixed seed).

    python -m wizard.storage.demo_ledger examples/ledger.csv 2026-11-30     writes examples/ledger.csv
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

MONTHS = 14
HEADER = ("Numer", "Kontrahent", "NIP", "Data wystawienia", "Termin płatności", "Data zapłaty", "Netto", "VAT",
          "Brutto", "Waluta")


@dataclass(frozen=True)
class Payer:
    name: str
    tax_id: str
    per_month: int
    net: int  # a typical invoice, in PLN
    late_before: float  # the share of invoices paid late in the first half of the period
    late_after: float  # ... and in the last half
    delay: tuple[int, int]  # days late, fewest and most
    orders_after: float = 1.0  # the value invoiced in the last half, against the first
    unpaid: int = 0  # the last invoices still unpaid
    stopped_days: int = 0  # no invoices in the last so many days
    terms: int = 14


PAYERS = (
    Payer("Kowalski Meble Sp. z o.o.", "7251801234", 3, 9000, 0.15, 0.65, (8, 45), 0.95, unpaid=2),
    Payer("Northwind Digital Ltd", "5213456789", 3, 4000, 0.3, 0.3, (4, 20)),
    Payer("Harbor & Finch Legal", "5272987654", 2, 5000, 0.15, 0.6, (6, 35), unpaid=1, terms=21),
    Payer("Zielony Ogród Łódź", "7282345678", 2, 2500, 0.2, 0.2, (2, 10), orders_after=0.55),
    Payer("Brightline Analytics", "1132233445", 1, 4000, 0.2, 0.25, (3, 15), stopped_days=60),
    Payer("Piekarnia Świętokrzyska", "6572112233", 4, 800, 0.0, 0.0, (0, 0), orders_after=1.3, terms=7),
    Payer("Pracownia Pixel s.c.", "9512345670", 3, 1500, 0.05, 0.05, (1, 4)),
    Payer("Apteka Pod Lipami", "8992233114", 2, 1000, 0.35, 0.55, (10, 40), unpaid=1),
)


def invoices(end: date, seed: int = 14) -> list[tuple[str, ...]]:
    """The ledger's rows (without the header), oldest first."""
    rng = random.Random(seed)
    start = _months_before(end, MONTHS)
    middle = start + (end - start) / 2
    rows = []
    for place, payer in enumerate(PAYERS):
        issued = [_months_before(end, MONTHS - 1 - month) + timedelta(days=place + k * 28 // payer.per_month + rng.randrange(3))
                  for month in range(MONTHS) for k in range(payer.per_month)]
        issued = [day for day in issued if day <= end - timedelta(days=payer.stopped_days)]
        due_before = [day for day in issued if day + timedelta(days=payer.terms) < end - timedelta(days=7)]
        unpaid = set(due_before[len(due_before) - payer.unpaid:]) if payer.unpaid else set()
        for half, share in ((False, payer.late_before), (True, payer.late_after)):
            mine = [day for day in issued if (day >= middle) == half]
            for index, day in enumerate(mine):
                net = payer.net * rng.uniform(0.9, 1.1) * (payer.orders_after if half else 1.0)
                due = day + timedelta(days=payer.terms)
                late = int((index + 1) * share) > int(index * share)  # the late ones spread evenly
                paid = due + timedelta(days=rng.randint(*payer.delay) if late else -rng.randrange(0, 4))
                rows.append((day, payer, round(net, 2), due, None if day in unpaid or paid > end else paid))
    rows.append((end - timedelta(days=75), PAYERS[0], -1200.0, end - timedelta(days=61), None))  # a credit note
    rows.sort(key=lambda row: (row[0], row[1].name))
    return [_row(number, *row) for number, row in enumerate(rows, start=1)]


def _months_before(day: date, months: int) -> date:
    month = day.month - 1 - months
    return date(day.year + month // 12, month % 12 + 1, 1)


def _row(number: int, issued: date, payer: Payer, net: float, due: date, paid: date | None) -> tuple[str, ...]:
    vat = round(net * 0.23, 2)
    kind = "FK" if net < 0 else "FV"
    return (f"{kind}/{number}/{issued:%m/%Y}", payer.name, payer.tax_id, f"{issued:%d.%m.%Y}", f"{due:%d.%m.%Y}",
            f"{paid:%d.%m.%Y}" if paid else "", _amount(net), _amount(vat), _amount(net + vat), "PLN")


def _amount(value: float) -> str:
    return f"{value:,.2f}".replace(",", " ").replace(".", ",")


def text(end: date) -> str:
    return "".join(";".join(row) + "\r\n" for row in (HEADER, *invoices(end)))


def write(path: Path, end: date) -> Path:
    """The ledger as a file: UTF-8 with a byte-order mark, as spreadsheets save "CSV UTF-8".
    Written through the guarded file layer: in the demo it sits in the records folder."""
    from wizard.storage import files

    files.write_text(path.parent, path, "\ufeff" + text(end), overwrite=True)
    return path


if __name__ == "__main__":
    print(write(Path(sys.argv[1]), date.fromisoformat(sys.argv[2])))
