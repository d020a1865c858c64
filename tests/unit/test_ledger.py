"""Reading an invoice ledger: dialects, encodings, columns, and every bad input named."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.model.clients import client_key
from wizard.model.invoices import Invoice
from wizard.model.problems import InvalidFile
from wizard.storage import ledger as ledger_module
from wizard.storage import ledger_rows
from wizard.storage.ledger import read_ledger
from wizard.storage.ledger_columns import parse_map
from wizard.storage.ledger_cells import BadCell, decimal_mark, parse_amount, parse_date, plain_numbers

POLISH = """Numer;Kontrahent;Data wystawienia;Termin płatności;Data zapłaty;Netto;Brutto;Waluta
FV/1/2026;Kowalski Meble Sp. z o.o.;05.01.2026;19.01.2026;25.01.2026;1 000,00;1 230,00;PLN
FV/2/2026;"Zielony Ogród; Łódź";05.02.2026;19.02.2026;;2 000,50;2 460,62;PLN
FV/3/2026;Kowalski Meble Sp. z o.o.;2026-03-05;2026-03-19;2026-03-18;-100,00;-123,00;PLN
"""
ENGLISH = """Invoice number,Customer,Invoice date,Due date,Paid on,Amount,Currency
INV-1,Acme Ltd,2026-01-05,2026-01-19,2026-01-25,"1,230.00",EUR
INV-2,Acme Ltd,2026-02-05,2026-02-19,,"2,460.50",EUR
"""


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "ledger.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def invoices(found) -> list[Invoice]:
    return [Invoice(*row) for row in found.invoices]


def problems(error: InvalidFile) -> list[tuple[str, str]]:
    return [(p.field, p.message) for p in error.problems]


# ---------------------------------------------------------------------------------------------
# Dialects


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1250", "utf-16"])
def test_a_polish_export_reads_in_every_encoding(tmp_path, encoding):
    found = read_ledger(write(tmp_path, POLISH, encoding))
    assert found.problems == [] and found.rows == 3
    first, second, credit = invoices(found)
    assert found.clients == {client_key(name): name for name in ("Kowalski Meble Sp. z o.o.", "Zielony Ogród; Łódź")}
    assert (first.issued, first.due, first.paid_on) == (date(2026, 1, 5), date(2026, 1, 19), date(2026, 1, 25))
    assert (first.amount, first.value, first.currency) == (1230.0, 1000.0, "PLN")
    assert (second.paid_on, second.amount, second.value) == (None, 2460.62, 2000.5)
    assert (credit.amount, credit.issued) == (-123.0, date(2026, 3, 5))
    assert found.net and found.newest == date(2026, 3, 18)


def test_an_english_export_with_commas_and_a_decimal_point(tmp_path):
    found = read_ledger(write(tmp_path, ENGLISH))
    assert [(i.key, i.amount, i.currency, i.paid_on) for i in invoices(found)] == [
        ("acme ltd", 1230.0, "EUR", date(2026, 1, 25)), ("acme ltd", 2460.5, "EUR", None)]
    assert not found.net


def test_a_tab_separated_export(tmp_path):
    found = read_ledger(write(tmp_path, ENGLISH.replace(",", "\t").replace('"1\t230.00"', "1230.00")
                              .replace('"2\t460.50"', "2460.50")))
    assert [i.amount for i in invoices(found)] == [1230.0, 2460.5]


@pytest.mark.parametrize(("cell", "decimal", "expected"), [
    ("1 234,56", ",", (1234.56, "")), ("1.234,56", ",", (1234.56, "")), ("1234,5", ",", (1234.5, "")),
    ("1,234.56", ".", (1234.56, "")), ("1234", ".", (1234.0, "")), ("1,234", ".", (1234.0, "")),
    ("1\u00a0234,00 zł", ",", (1234.0, "PLN")), ("€1,234.50", ".", (1234.5, "EUR")), ("-100,00", ",", (-100.0, "")),
    ("(100.00)", ".", (-100.0, "")), ("100,00-", ",", (-100.0, "")), ("PLN −1 000,00", ",", (-1000.0, "PLN")),
    ("1'234.50 CHF", ".", (1234.5, "CHF")),
])
def test_amounts_as_invoicing_tools_write_them(cell, decimal, expected):
    assert parse_amount(cell, decimal) == expected


@pytest.mark.parametrize(("cell", "decimal"), [("12,34,5", ","), ("1.5,00", ","), ("abc", "."), ("1,2.3", ","),
                                               ("12 złotych", ","), ("--5", "."), ("", ".")])
def test_what_is_not_an_amount_says_so_with_the_decimal_mark(cell, decimal):
    found = parse_amount(cell, decimal)
    assert isinstance(found, BadCell) and "is not an amount" in found


@pytest.mark.parametrize(("cells", "expected"), [
    (["1 234,56", "100"], ","), (["1,234.56"], "."), (["12.5", "3"], "."), (["1,000", "2,500"], "."),
    (["1.000", "2.500"], ","), ([], ","),
])
def test_the_decimal_mark_most_amounts_use(cells, expected):
    assert decimal_mark(cells) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("2026-10-15", date(2026, 10, 15)), ("15.10.2026", date(2026, 10, 15)), ("5.1.2026", date(2026, 1, 5)),
    ("2026-10-15 00:00:00", date(2026, 10, 15)), ("15.10.2026 r.", date(2026, 10, 15)),
    ("2026-10-15T08:00:00+01:00", date(2026, 10, 15)),
])
def test_dates_iso_or_with_dots(cell, expected):
    assert parse_date(cell) == expected


@pytest.mark.parametrize(("cell", "message"), [("10/15/2026", "is not a date: write it as 2026-10-15 or 15.10.2026"),
                                               ("31.02.2026", "is not a real date"), ("jutro", "is not a date")])
def test_what_is_not_a_date_says_what_is(cell, message):
    assert message in parse_date(cell)


# ---------------------------------------------------------------------------------------------
# Columns


def test_map_overrides_the_detection(tmp_path):
    text = "Firma;Wystawiona;Płatna do;Wpłata;Suma\nAcme;2026-01-05;2026-01-19;2026-01-20;100,00\n"
    path = write(tmp_path, text)
    with pytest.raises(InvalidFile) as caught:
        read_ledger(path)
    assert [f for f, _ in problems(caught.value)] == ["row 1", "row 1", "row 1"]  # client, issue date, amount
    assert 'no column for the client (known headers: "kontrahent"' in str(caught.value)
    assert "name it with --map client=HEADER" in str(caught.value)
    mapped = read_ledger(path, parse_map("client=firma, issued=Wystawiona,due=PŁATNA DO,paid=Wpłata,amount=Suma"))
    (invoice,) = invoices(mapped)
    assert (invoice.key, invoice.due, invoice.paid_on, invoice.amount) == ("acme", date(2026, 1, 19),
                                                                          date(2026, 1, 20), 100.0)


@pytest.mark.parametrize(("text", "message"), [
    ("klient=X", "'klient' is not a field (allowed: client, issued, due, paid, amount, net, paid_amount, currency)"),
    ("client", "'client' is not FIELD=HEADER"), ("client=", "is not FIELD=HEADER"),
])
def test_a_bad_map_says_what_is_allowed(text, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_map(text)


def test_a_mapped_header_that_is_not_there_names_the_headers(tmp_path):
    with pytest.raises(InvalidFile) as caught:
        read_ledger(write(tmp_path, POLISH), {"due": "Termin"})
    assert '--map due="Termin": no such column (the header has "Numer", "Kontrahent"' in str(caught.value)


def test_without_a_due_date_column_the_rest_still_reads_and_the_missing_one_is_named(tmp_path):
    text = "Kontrahent;Data wystawienia;Brutto\nAcme;05.01.2026;100,00\n"
    found = read_ledger(write(tmp_path, text))
    assert len(found.invoices) == 1 and found.missing == ("due", "paid")
    assert [p.field for p in found.problems] == ["row 1", "row 1"]
    assert "no column for the due date" in found.problems[0].message


def test_a_paid_column_of_amounts_is_the_amount_paid(tmp_path):
    text = "Kontrahent;Data wystawienia;Termin płatności;Zapłacono;Brutto\nAcme;05.01.2026;19.01.2026;50,00;100,00\n"
    found = read_ledger(write(tmp_path, text))
    (invoice,) = invoices(found)
    assert (invoice.paid, invoice.paid_on) == (50.0, None)
    assert found.missing == ("paid",)


def test_an_amount_column_named_with_its_currency(tmp_path):
    text = "Client,Issue date,Due date,Paid on,Amount (EUR)\nAcme,2026-01-05,2026-01-19,,100\n"
    assert invoices(read_ledger(write(tmp_path, text)))[0].currency == "EUR"


# ---------------------------------------------------------------------------------------------
# Bad rows: named with the file, the row and the column; the other rows still count


def test_a_client_is_named_as_first_written_however_it_is_written_later(tmp_path):
    spellings = ["Zielony Ogród Sp. z o.o.", "ZIELONY OGRÓD SP. Z O.O.", "zielony ogrod sp. z o.o.",
                 "Zielony  Ogród Sp. z o.o.", "zielony ogród sp. z o.o.", "ZIELONY OGROD SP. Z O.O."]
    rows = "".join(f"FV/{n};{name};05.01.2026;1 000,00\n" for n, name in enumerate(spellings * 3))
    found = read_ledger(write(tmp_path, "Numer;Kontrahent;Data wystawienia;Brutto\n" + rows))
    assert found.clients == {client_key(spellings[0]): spellings[0]} and len(found.invoices) == 18


def test_bad_cells_name_the_row_and_the_column_and_the_rest_count(tmp_path):
    text = POLISH + ("FV/4;Acme;32.01.2026;19.02.2026;;1,00;1,23;PLN\n"
                     "FV/5;;05.02.2026;19.02.2026;;1,00;1,23;PLN\n"
                     "FV/6;Acme;05.02.2026;19.02.2026;wczoraj;1,00;dużo;PLN\n"
                     "FV/7;Acme;05.02.2026;19.02.2026;;1,00;1,23;PLN;extra\n"
                     ";;;;;;;\n"
                     "Razem;;;;;4 000,50;4 920,62;\n"  # the export's line of totals: not an invoice
                     "FV/8;Acme;05.02.2026;;;1,00;1,23;EUR\n")
    path = write(tmp_path, text)
    found = read_ledger(path)
    assert [(p.file, p.field) for p in found.problems] == [
        (str(path), 'row 5, column "Data wystawienia"'),
        (str(path), 'row 6, column "Kontrahent"'),
        (str(path), 'row 7, column "Data zapłaty"'),
        (str(path), 'row 7, column "Brutto"'),
        (str(path), "row 8"),
    ]
    assert "is not a real date" in found.problems[0].message
    assert "has 9 cells where the header has 8" in found.problems[4].message
    assert found.left_out == {"acme": 3, "": 1}
    assert len(found.invoices) == 4  # the three good rows and the last one (no due date: due when issued)
    last = max(invoices(found), key=lambda invoice: invoice.row)
    assert last.due == last.issued


def test_a_currency_that_contradicts_the_amount_is_a_bad_cell(tmp_path):
    text = "Client,Issue date,Due date,Paid on,Amount,Currency\nAcme,2026-01-05,2026-01-19,,100 PLN,EUR\n"
    found = read_ledger(write(tmp_path, text))
    assert found.invoices == [] and 'differs from the currency written with the amount (PLN)' in str(found.problems[0])


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty: a ledger starts with a header row"),
    (b"\n\n  \n", "is empty"),
    (b"PK\x03\x04rest of a zip", "is a zipped file (an Excel .xlsx?), not CSV"),
    (b"Kontrahent;Data\x00;Brutto\n", "is not a text file (it holds NUL bytes)"),
    (b"Kontrahent;Brutto\n\x81\x83\x88;1\n", "is neither UTF-8 nor Windows-1250 text"),
])
def test_a_file_that_cannot_be_a_ledger_is_refused_by_name(tmp_path, content, message):
    path = tmp_path / "l.csv"
    path.write_bytes(content)
    with pytest.raises(InvalidFile) as caught:
        read_ledger(path)
    (problem,) = caught.value.problems
    assert problem.file == str(path) and message in problem.message


def test_a_file_over_the_limit_is_refused_with_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(ledger_module, "MAX_BYTES", 1000)
    path = write(tmp_path, POLISH * 10)
    with pytest.raises(InvalidFile) as caught:
        read_ledger(path)
    assert "over the limit of 50 MB for a ledger" in str(caught.value)


@pytest.mark.parametrize(("limit", "refused"), [(1000, True), (10_000, False)])
def test_a_file_that_grew_after_it_was_measured_is_read_whole_or_refused(tmp_path, monkeypatch, limit, refused):
    path = write(tmp_path, POLISH + POLISH.split("\n", 1)[1] * 4)  # 15 rows: over 1000 bytes, under 10,000
    measured = os.stat(path)
    grown = os.stat_result((*measured[:6], 300, *measured[7:]))  # st_size: as it was before it grew
    monkeypatch.setattr(ledger_module, "MAX_BYTES", limit)
    real = os.stat
    monkeypatch.setattr(os, "stat", lambda target, *args, **kwargs:
                        grown if str(target) == str(path) else real(target, *args, **kwargs))
    if refused:
        with pytest.raises(InvalidFile, match="is over the limit of 50 MB for a ledger"):
            read_ledger(path)
    else:
        assert read_ledger(path).rows == 15


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_folder_or_a_pipe_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "pipe.csv")
    for name, kind in (("pipe.csv", "not a regular file"), (".", "a folder")):
        with pytest.raises(InvalidFile) as caught:
            read_ledger(tmp_path / name)
        assert f"is {kind}: a ledger is a CSV file of at most 50 MB" in str(caught.value)
    with pytest.raises(InvalidFile, match="no such file"):
        read_ledger(tmp_path / "missing.csv")


# ---------------------------------------------------------------------------------------------
# Fuzz: any bytes either read or are refused with the file named; nothing else escapes

CELLS = st.one_of(st.text(max_size=12), st.sampled_from(["2026-01-05", "05.01.2026", "1 234,56", "-5", "(3.50)",
                                                         "PLN", "Acme", "", "\"", ";", ",", "\t", "\n"]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.lists(st.sampled_from(["Kontrahent", "Data wystawienia", "Termin płatności", "Data zapłaty",
                                        "Brutto", "Netto", "Waluta", "Zapłacono", "x"]), min_size=1, max_size=7),
       rows=st.lists(st.lists(CELLS, max_size=8), max_size=8),
       delimiter=st.sampled_from([";", ",", "\t"]), encoding=st.sampled_from(["utf-8", "cp1250", "utf-16"]))
def test_fuzzed_ledgers_read_or_are_refused_by_name(tmp_path, header, rows, delimiter, encoding):
    text = "\n".join(delimiter.join(row) for row in [header, *rows])
    path = tmp_path / "fuzz.csv"
    path.write_bytes(text.encode(encoding, errors="replace"))
    try:
        found = read_ledger(path)
    except InvalidFile as error:
        assert all(p.file == str(path) for p in error.problems)
        return
    assert len(found.invoices) + found.left_out_total <= found.rows
    assert all(p.file == str(path) and p.field.startswith("row ") for p in found.problems)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_fuzzed_bytes_never_escape_as_a_traceback(tmp_path, data):
    path = tmp_path / "bytes.csv"
    path.write_bytes(data)
    try:
        read_ledger(path)
    except InvalidFile as error:
        assert all(p.file == str(path) for p in error.problems)


AMOUNTS = st.one_of(st.sampled_from(["1 234,56", "1234,5", "-12,00", "12", "1.234,56", "12.", ",5", "1 2 3,4",
                                     "٣", "1e5", "12,3,4", "1\u00a0000,00", "100 zł", ""]),
                    st.decimals(-10**6, 10**6, places=2).map(lambda d: str(d).replace(".", ",")))
DATES = st.one_of(st.sampled_from(["05.01.2026", "2026-01-05", "31.02.2026", "5.1.2026", "", " ", "0001-01-01"]),
                  st.dates(date(2024, 1, 1), date(2027, 1, 1)).map(lambda d: f"{d:%d.%m.%Y}"))


NUMBERS = st.one_of(st.text("0123456789.,- ", max_size=9),
                    st.sampled_from(["1.", ".5", "-.5", "007", "-0", "0.50", "1e5", "12345678901234567890", "٣"]))


@settings(max_examples=300, deadline=None)
@given(cells=st.lists(NUMBERS, min_size=1, max_size=12), decimal=st.sampled_from([",", "."]))
def test_a_column_of_amounts_reads_as_its_cells_one_by_one(cells, decimal):
    """Plain numbers are read a whole column at once: each comes out as float() makes it of the
    cell alone (spaces between thousands left out, the decimal mark a dot), or None."""
    other = "." if decimal == "," else ","

    def alone(cell: str) -> float | None:
        text = cell.replace(" ", "").replace(",", ".")
        if other in cell or text.strip("0123456789.-") or any(c not in "0123456789.-" for c in text):
            return None
        try:
            return float(text)
        except ValueError:
            return None

    values, all_plain = plain_numbers(cells, decimal)
    expected = [alone(cell) for cell in cells]
    assert values == expected and all_plain == (None not in expected)
    assert all(type(value) is float for value in values if value is not None)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.sampled_from(["Acme", "acme ", "Łąka", "", "  "]), DATES, DATES, DATES, AMOUNTS,
                               AMOUNTS, st.sampled_from(["PLN", "eur", "zł", "", "XX1"])), max_size=30),
       chunk=st.integers(1, 7))
def test_the_quick_path_takes_each_row_as_the_careful_one_would(tmp_path, monkeypatch, rows, chunk):
    """The reader takes plain rows a column at a time (the quick path) and the others one by one
    (the careful path, which names problems): both must read a row alike."""
    header = "Kontrahent;Data wystawienia;Termin płatności;Data zapłaty;Netto;Brutto;Waluta\n"
    path = tmp_path / "l.csv"
    path.write_text(header + "".join(";".join(row) + "\n" for row in rows), encoding="utf-8")
    monkeypatch.setattr(ledger_rows, "CHUNK", chunk)
    quick = read_ledger(path)
    monkeypatch.setattr(ledger_rows.RowReader, "_plain_rows",
                        lambda self: lambda rows, number: list(range(len(rows))))  # everything the careful way
    careful = read_ledger(path)
    assert sorted(quick.invoices, key=lambda row: row[8]) == sorted(careful.invoices, key=lambda row: row[8])
    assert sorted(map(str, quick.problems)) == sorted(map(str, careful.problems))
    assert (quick.left_out, quick.clients) == (careful.left_out, careful.clients)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.sampled_from(["Acme", "acme ", "Łąka", ""]), DATES, DATES, AMOUNTS), max_size=25),
       breaks=st.lists(st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\u2028"]), min_size=1, max_size=3),
       piece=st.integers(1, 80), chunk=st.integers(1, 7))
def test_a_ledger_reads_the_same_in_pieces_of_any_size(tmp_path, monkeypatch, rows, breaks, piece, chunk):
    """The lines are made a piece of the text at a time, and read a chunk of rows at a time: the
    size of the pieces changes nothing, whatever the chunks and whatever ends the lines. (The
    first chunk's amounts decide the decimal mark, so chunks are compared of one size.)"""
    lines = ["Kontrahent;Data wystawienia;Termin płatności;Data zapłaty;Brutto", *(";".join(row) for row in rows)]
    path = tmp_path / "l.csv"
    path.write_text("".join(line + breaks[i % len(breaks)] for i, line in enumerate(lines)), encoding="utf-8")
    monkeypatch.setattr(ledger_rows, "CHUNK", chunk)
    whole = read_ledger(path)
    monkeypatch.setattr(ledger_module, "PIECE_CHARACTERS", piece)
    pieces = read_ledger(path)
    assert sorted(pieces.invoices, key=lambda row: row[8]) == sorted(whole.invoices, key=lambda row: row[8])
    assert (pieces.rows, pieces.left_out, pieces.clients, pieces.newest) == (whole.rows, whole.left_out, whole.clients,
                                                                             whole.newest)
    assert sorted(map(str, pieces.problems)) == sorted(map(str, whole.problems))
