"""`client-exit due`: overdue and upcoming reviews, one per client, as a table, JSON lines and an
iCalendar file that a calendar (here: a parser) reads back."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import icalendar
import pytest

from tests.unit.review_support import make_record
from wizard.cli import main as cli
from wizard.model.due import due_reviews

TODAY = date.today()


def saved(store, bank, client, review_in: int, *, days: int = 0, status: str = "draft", assessor="Anna"):
    record = make_record(bank, client=client, assessor=assessor, days=days, status=status)
    record = replace(record, review_date=TODAY + timedelta(days=review_in))
    return store.save_new(record)


def test_one_review_per_client_from_its_newest_standing_record(bank):
    old = replace(make_record(bank, client="Acme"), review_date=TODAY - timedelta(days=50))
    new = replace(make_record(bank, client="ACME ", days=5), review_date=TODAY + timedelta(days=3))
    gone = replace(make_record(bank, client="Beta", days=9, status="superseded"), review_date=TODAY)
    far = replace(make_record(bank, client="Gamma"), review_date=TODAY + timedelta(days=90))
    late = replace(make_record(bank, client="Delta"), review_date=TODAY - timedelta(days=1))
    found = due_reviews([(None, r) for r in (old, new, gone, far, late)], TODAY)
    assert [(d.record.id, d.days, d.overdue) for d in found] == [(late.id, -1, True), (new.id, 3, False)]
    assert [d.record.id for d in due_reviews([(None, far)], TODAY, within=90)] == [far.id]


def test_due_prints_a_table_and_json_lines(store, bank, capsys):
    _, overdue = saved(store, bank, "Zielony Ogród", -40)
    _, soon = saved(store, bank, "Northwind", 4)
    saved(store, bank, "Later Ltd", 200)
    saved(store, bank, "Rejected", -3, status="rejected")
    assert cli.main(["due"]) == 0
    out = capsys.readouterr().out
    assert "⚠ 40 days overdue" in out and "in 4 days" in out and "Later Ltd" not in out and "Rejected" not in out
    assert "2 reviews, 1 overdue" in out
    assert cli.main(["due", "--lang", "pl"]) == 0
    out = capsys.readouterr().out
    assert f"{TODAY - timedelta(days=40):%d.%m.%Y}" in out and "⚠ 40 dni po terminie" in out and "za 4 dni" in out
    assert cli.main(["due", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(x["client"], x["id"], x["review_date"], x["overdue"]) for x in lines] == [
        ("Zielony Ogród", overdue.id, (TODAY - timedelta(days=40)).isoformat(), True),
        ("Northwind", soon.id, (TODAY + timedelta(days=4)).isoformat(), False)]


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_due_fits_an_80_column_terminal_without_cutting_a_level(store, bank, capsys, monkeypatch, lang):
    saved(store, bank, "Kowalski Meble Sp. z o.o. oddział Łódź", -70, assessor="Małgorzata Wiśniewska-Kowalczyk")
    saved(store, bank, "Northwind", 4)
    monkeypatch.setenv("COLUMNS", "80")
    assert cli.main(["due", "--lang", lang]) == 0
    lines = capsys.readouterr().out.splitlines()
    from wizard.render.columns import text_width
    from wizard.render.report import short_level_label

    assert all(text_width(line) <= 80 for line in lines), lines
    level = make_record(bank).result.level
    assert short_level_label(level, lang) in lines[1]  # whole
    monkeypatch.setenv("COLUMNS", "160")
    assert cli.main(["due", "--lang", lang]) == 0
    assert "Małgorzata Wiśniewska-Kowalczyk"[:10] in capsys.readouterr().out  # room: the assessor is back


def test_due_ics_is_a_calendar_a_parser_reads_back(store, bank, tmp_path, capsys):
    long_name = "Zielony Ogród Łódź; oddział 2, \"Północ\" — " + "bardzo długa nazwa " * 4
    _, first = saved(store, bank, long_name, -2)
    saved(store, bank, "Northwind", 6)
    target = tmp_path / "cal" / "reviews.ics"
    target.parent.mkdir()
    assert cli.main(["due", "--ics", str(target), "--lang", "pl"]) == 0
    assert "zapisano kalendarz" in capsys.readouterr().out
    raw = target.read_bytes()
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and all(len(line) <= 75 for line in lines)  # RFC 5545 §3.1: folded
    assert b"\n" not in raw.replace(b"\r\n", b"")
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == [f"Przegląd: {long_name}", "Przegląd: Northwind"]
    assert events[0].decoded("DTSTART") == TODAY - timedelta(days=2)
    assert events[0].decoded("DTEND") == TODAY - timedelta(days=1)
    assert str(events[0]["UID"]) == f"{first.id}-review@client-exit-wizard"
    assert f"client-exit show {first.id}" in str(events[0]["DESCRIPTION"])
    assert not list(tmp_path.joinpath("cal").glob(".tmp-*"))  # written atomically, nothing left over
    assert not list(store.root.glob("*.ics"))  # never in the records folder


def test_due_ics_refuses_a_folder_and_says_why(store, bank, tmp_path, capsys):
    saved(store, bank, "Acme", 1)
    assert cli.main(["due", "--ics", str(tmp_path)]) == 2
    assert f"--ics {tmp_path}: is a folder" in capsys.readouterr().err


@pytest.mark.parametrize("within", ["-1"])
def test_a_negative_window_is_refused(within, capsys):
    assert cli.main(["due", "--within", within]) == 2
    assert "--within: must be 0 or more days (got -1)" in capsys.readouterr().err


def test_no_review_due_says_so(capsys):
    assert cli.main(["due"]) == 0
    assert "No review is overdue or due in the next 30 days." in capsys.readouterr().out
