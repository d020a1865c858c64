"""The ledger on the command line: `evidence`, `assess --ledger`, `clients`, and what a record keeps."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest


from wizard.storage import bank_files
from wizard.cli.main import main
from wizard.storage.demo_ledger import text as ledger_text
from wizard.storage.record_reader import read_record

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ledger.csv"
KOWALSKI = "Kowalski Meble Sp. z o.o."
POLISH = """Numer;Kontrahent;Data wystawienia;Termin płatności;Data zapłaty;Brutto;Waluta
FV/1;Kowalski Meble Sp. z o.o.;05.01.2026;19.01.2026;19.01.2026;1 230,00;PLN
FV/2;Kowalski Meble Sp. z o.o.;05.02.2026;19.02.2026;18.02.2026;1 230,00;PLN
FV/3;Kowalski Meble Sp. z o.o.;05.03.2026;19.03.2026;10.04.2026;1 230,00;PLN
FV/4;Kowalski Meble Sp. z o.o.;05.04.2026;19.04.2026;19.04.2026;1 230,00;PLN
FV/5;Kowalski Meble Sp. z o.o.;05.05.2026;19.05.2026;25.05.2026;1 230,00;PLN
FV/6;Kowalski Meble Sp. z o.o.;05.06.2026;19.06.2026;;1 230,00;PLN
FV/7;Zielony Ogród;05.03.2026;19.03.2026;18.03.2026;9 000,00;PLN
"""  # Kowalski: 2 of 5 late, one 22 days (answer 3); the last not yet due on 05.06.2026, the newest date


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([*map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_example_ledger_is_the_demo_generators_output():
    """examples/ledger.csv is made by `python -m wizard.storage.demo_ledger examples/ledger.csv 2026-11-30`."""
    assert EXAMPLE.read_bytes() == ("\ufeff" + ledger_text(date(2026, 11, 30))).encode("utf-8")


def test_evidence_json_one_client_per_line(capsys):
    code, out, err = run(capsys, "evidence", EXAMPLE, "--json")
    assert code == 0 and err == ""
    lines = [json.loads(line) for line in out.splitlines()]
    assert [sorted(line) for line in lines] == [["answers", "client", "evidence"]] * 8
    kowalski = next(line for line in lines if line["client"] == KOWALSKI)
    assert kowalski["answers"] == {"late_payments": 3, "late_payments_trend": "worsening", "revenue_share": 40,
                                   "orders_trend": "stable", "outstanding_receivables": True}
    assert set(kowalski["evidence"]) == set(kowalski["answers"])
    assert kowalski["evidence"]["late_payments"].startswith("16 of 35 invoices paid late (46%), median ")


def test_evidence_for_one_client_as_text_in_polish(capsys):
    code, out, _ = run(capsys, "evidence", EXAMPLE, "--client", "  kowalski MEBLE sp. z o.o.", "--lang", "pl")
    assert code == 0
    # the window: the 12 months up to the ledger's newest date (a payment on 28.11.2026)
    assert "okres od 29.11.2025 do 28.11.2026" in out and "odczytano jako UTF-8, separator „;”" in out
    assert "Jak często klient płaci po terminie?  3 · często" in out
    assert "16 z 35 faktur zapłacono po terminie (46%)" in out
    assert "Northwind" not in out


def test_a_client_not_in_the_ledger_gets_the_close_names(capsys):
    code, out, err = run(capsys, "evidence", EXAMPLE, "--client", "Kowalsky Meble")
    assert code == 1 and out == ""
    assert f"No invoices of “Kowalsky Meble” in {EXAMPLE}" in err and f"similar name: {KOWALSKI}" in err


@pytest.mark.parametrize(("args", "message"), [
    (["--map", "klient=Nabywca"], "--map: 'klient' is not a field"),
    (["--since", "1/2/2026"], "--since: \"1/2/2026\" is not a date"),
    (["--since", "2026-05-01", "--until", "2026-01-01"], "--since 2026-05-01 is after --until 2026-01-01"),
])
def test_bad_options_say_what_is_allowed(capsys, args, message):
    code, _, err = run(capsys, "evidence", EXAMPLE, *args)
    assert code == 2 and message in err


def test_a_ledger_that_cannot_be_read_is_named(capsys, tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"PK\x03\x04...")
    code, _, err = run(capsys, "evidence", path)
    assert code == 1 and f"{path}: is a zipped file" in err


def test_rows_left_out_are_named_counted_and_set_the_exit_code(capsys, tmp_path):
    path = tmp_path / "l.csv"
    path.write_text(POLISH + "FV/8;Zielony Ogród;05.13.2026;19.03.2026;;1,00;PLN\n", encoding="cp1250")
    code, out, err = run(capsys, "evidence", path)
    assert code == 1
    assert f'{path}: row 9, column "Data wystawienia": "05.13.2026" is not a real date' in err
    assert "read as Windows-1250" in out and "1 row was left out" in out
    assert "left out, unreadable: 1 row of this client" in out


def test_assess_with_a_ledger_fills_what_the_file_leaves_open_and_keeps_the_evidence(capsys, tmp_path, store):
    ledger = tmp_path / "l.csv"
    ledger.write_text(POLISH, encoding="cp1250")
    answers = tmp_path / "a.toml"
    answers.write_text(f'client = "{KOWALSKI}"\nskipped = ["outstanding_receivables"]\n[answers]\n'
                       'revenue_share = 30\nurgent_demands = 3\n', encoding="utf-8")
    code, out, _ = run(capsys, "assess", answers, "--ledger", ledger, "--json", "--save")
    assert code == 0
    data = json.loads(out)
    # the file answers revenue_share; Kowalski's history is 6 months, so the trends compare 3 with 3
    assert data["from_ledger"] == ["late_payments", "late_payments_trend", "orders_trend", "outstanding_receivables"]
    record = read_record(Path(data["record"]), bank_files.load_default())
    assert record.answers["revenue_share"] == 30  # typed: it wins
    assert record.evidence["revenue_share"].derived == 45 and record.answers["late_payments"] == 3
    assert record.answers["outstanding_receivables"] is False  # skipped in the file: the ledger knows
    assert record.skipped == () and record.ledger.file == "l.csv"
    shown = run(capsys, "show", data["record"], "--format", "markdown")[1]
    assert "## Evidence from the invoice ledger" in shown and "l.csv, from 2025-06-06 to 2026-06-05" in shown
    assert "*the ledger says 45%; answered 30%* — 7 380 PLN of 16 380 PLN invoiced" in shown
    assert "| 3 · often (from the ledger) |" in shown
    assert "2 of 5 invoices paid late (40%), median 14 days late, the longest 22 days; not yet due: 1" in shown


def test_assess_with_a_ledger_that_lacks_the_client_says_so_and_still_assesses(capsys, tmp_path):
    answers = tmp_path / "a.toml"
    answers.write_text('client = "Nowak"\n[answers]\nlate_payments = 1\n', encoding="utf-8")
    code, out, err = run(capsys, "assess", answers, "--ledger", EXAMPLE, "--json")
    assert code == 1 and "No invoices of “Nowak”" in err
    assert "from_ledger" not in json.loads(out)  # assessed on the file's answers alone


# ---------------------------------------------------------------------------------------------
# clients


@pytest.fixture
def demo_folder(tmp_path) -> Path:
    from wizard.cli.demo_folder import build

    folder = tmp_path / "demo"
    build(folder, bank_files.load_default(), "en", datetime(2026, 11, 30, 12, tzinfo=timezone(timedelta(hours=1))))
    return folder


def test_clients_json_one_object_per_client_attention_first(capsys, demo_folder):
    code, out, err = run(capsys, "clients", "--records-dir", demo_folder, "--ledger", demo_folder / "ledger.csv",
                         "--json")
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert {"client", "level", "score", "review_date", "overdue", "revenue_share"} <= set(rows[0])
    assert rows[0]["overdue"] and rows[0]["client"] == "Zielony Ogród Łódź"  # its review date has passed
    assessed = [row["client"] for row in rows if row["level"]]
    assert assessed[1] == "Brightline Analytics" and rows[1]["level"] == "end_now"  # then the harshest level
    assert [row["client"] for row in rows if not row["level"]] == ["Apteka Pod Lipami", "Pracownia Pixel s.c."]
    kowalski = next(row for row in rows if row["client"] == KOWALSKI)
    assert kowalski["revenue_share"] == pytest.approx(40, abs=1) and kowalski["owed"]["PLN"] > 0


def test_clients_text_with_the_concentration_line(capsys, demo_folder, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    code, out, _ = run(capsys, "clients", "--records-dir", demo_folder, "--ledger", demo_folder / "ledger.csv")
    assert code == 0
    first, reading = out.splitlines()[:2]
    assert first.startswith("Concentration of revenue (PLN, 2025-11-29 to 2026-11-28): the largest client, "
                            f"{KOWALSKI}, 40% · Herfindahl-Hirschman index ")
    assert reading.startswith("One client carries a large part of the budget: never base the budget on one big")
    assert "⚠ " in next(line for line in out.splitlines() if line.startswith("Zielony Ogród Łódź"))  # overdue
    assert "Sorted by what needs attention first" in out


def test_clients_without_a_ledger_says_how_to_get_the_concentration(capsys, demo_folder):
    code, out, _ = run(capsys, "clients", "--records-dir", demo_folder, "--lang", "pl")
    assert code == 0 and out.startswith("Z rejestrem faktur (--ledger) zobaczysz tu koncentrację przychodów.")
    assert "przychód" not in out.split("\n\n")[1].splitlines()[0]  # no ledger columns


def test_clients_in_an_empty_folder(capsys, tmp_path):
    code, out, _ = run(capsys, "clients", "--records-dir", tmp_path / "none")
    assert code == 0 and "No clients yet: no records in" in out


def test_compare_prints_each_records_evidence(capsys, demo_folder):
    listed = [json.loads(line) for line in run(capsys, "list", "--json", "--client", KOWALSKI,
                                               "--records-dir", demo_folder)[1].splitlines()]
    newest, older = listed[0]["id"], listed[1]["id"]  # only the newest drew from the ledger
    code, out, _ = run(capsys, "compare", older, newest, "--format", "markdown", "--records-dir", demo_folder)
    assert code == 0 and "## Evidence from the invoice ledger (B)" in out and "ledger (A)" not in out
    assert "*the ledger says 40%; answered 45%* — " in out  # Kowalski's owner typed her own share
    data = json.loads(run(capsys, "compare", older, newest, "--format", "json", "--records-dir", demo_folder)[1])
    assert data["second"]["from_ledger"] == ["late_payments", "late_payments_trend", "orders_trend",
                                             "outstanding_receivables"]
    assert data["second"]["evidence"]["revenue_share"]["derived"] == 40 and "evidence" not in data["first"]
