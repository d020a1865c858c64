"""The columns of an invoice ledger: found by their headers, or named with --map (docs/ledger.md)."""

from __future__ import annotations

import re
import unicodedata

from wizard.model.problems import InvalidFile, Problem

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
            fatal.append(no_column(file, name, found))
    if "amount" not in columns and "net" not in columns:
        fatal.append(no_column(file, "amount", found))
    if fatal:
        raise InvalidFile(fatal)
    return columns, [no_column(file, name, found) for name in ("due", "paid") if name not in columns]


def no_column(file: str, name: str, found: str) -> Problem:
    known = ", ".join(f'"{alias}"' for alias in FIELDS[name][:4])
    return Problem(file, "row 1", f"no column for {WHAT[name]} (known headers: {known}, ...; the header has "
                                  f"{found}); name it with --map {name}=HEADER")
