"""An invoice ledger read and every client's answers drawn, against csv.reader reading it.

    python benchmarks/ledger.py LEDGER.csv REPEATS      prints the best baseline and ledger times

Both run in this one process, interleaved, the best of REPEATS each: the baseline opens the file
in its encoding and lets `csv.reader` go through every row; the ledger run is what `client-exit
evidence` does (wizard/storage/ledger.py reads, wizard/model/evidence.py derives). `write` makes
a realistic export: Polish headers, `;`, a decimal comma, Windows-1250, dates as dd.mm.yyyy.
"""

from __future__ import annotations

import csv
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the source tree, installed or not

HEADER = "Numer;Kontrahent;Data wystawienia;Termin płatności;Data zapłaty;Netto;Brutto;Waluta\r\n"
START = date(2025, 1, 1)


def client_names(count: int) -> list[str]:
    forms = ("Sp. z o.o.", "S.A.", "Sp. j.", "s.c.")
    return [f"{stem} {number:03d} {forms[number % len(forms)]}"
            for number, stem in zip(range(count), ["Kowalski Meble", "Zielony Ogród", "Łąka Studio", "Nowak & Syn"] * count)]


def write(path: Path, rows: int, clients: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    names = client_names(clients)
    amount = lambda value: f"{value:,.2f}".replace(",", " ").replace(".", ",")  # noqa: E731
    with open(path, "w", encoding="cp1250", newline="") as out:
        out.write(HEADER)
        for number in range(rows):
            issued = START + timedelta(days=rng.randrange(700))
            due = issued + timedelta(days=14)
            paid = "" if rng.random() < 0.05 else f"{due + timedelta(days=rng.randrange(-10, 40)):%d.%m.%Y}"
            net = rng.randrange(100, 100_000) / 100
            out.write(f"FV/{number}/2026;{rng.choice(names)};{issued:%d.%m.%Y};{due:%d.%m.%Y};{paid};"
                      f"{amount(net)};{amount(round(net * 1.23, 2))};PLN\r\n")
    return path


def baseline(path: Path) -> None:
    with open(path, encoding="cp1250", newline="") as handle:
        for _ in csv.reader(handle, delimiter=";"):
            pass


def evidence(path: Path) -> int:
    from wizard.model.evidence import derive
    from wizard.model.invoices import default_window
    from wizard.storage.ledger import load_rules, read_ledger

    rules = load_rules()
    ledger = read_ledger(path)
    return len(derive(ledger, rules, default_window(ledger, rules, date.today())))


def measure(path: Path, repeats: int) -> tuple[float, float]:
    evidence(path)  # the modules and the rules load once
    runs: dict[str, list[float]] = {"baseline": [], "evidence": []}
    for _ in range(repeats):
        for name, run in (("baseline", baseline), ("evidence", evidence)):
            start = time.perf_counter()
            run(path)
            runs[name].append(time.perf_counter() - start)
    return min(runs["baseline"]), min(runs["evidence"])


if __name__ == "__main__":
    print(*measure(Path(sys.argv[1]), int(sys.argv[2])))
