"""The headless command line, run as a user runs it: `python -m wizard ...` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.unit._support import EXAMPLES, copy_bank
from wizard import __version__
from wizard.storage import bank_files
from wizard.model.advice import finding_text
from wizard.model.reasoning import assess
from wizard.model.records import DecisionRecord
from wizard.storage.record_reader import parse_record, read_record
from wizard.storage.answers_codec import read_answers

BANK = bank_files.load_default()
JSON_KEYS = {"source", "client", "level", "score", "confidence", "sections", "principles", "reasons",
             "counterfactual", "warnings"}
EXAMPLE_FILES = [EXAMPLES / "late-payer.toml", EXAMPLES / "abusive.toml", EXAMPLES / "fading.toml"]


def cli(*args, cwd: Path | None = None, **env) -> subprocess.CompletedProcess:
    environ = {**os.environ, "COLUMNS": "200", "PYTHONIOENCODING": "utf-8", **env}
    return subprocess.run(
        [sys.executable, "-m", "wizard", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", env=environ, cwd=cwd, timeout=120,
    )


def json_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def expected(path: Path, lang: str = "en"):
    sheet = read_answers(path, BANK)
    return sheet, assess(BANK, sheet.answers, lang, datetime.now().astimezone().date())


def save(store, client: str, created: datetime, record_id: str, answers=None, status="draft") -> Path:
    answers = answers or {"late_payments": 3}
    result = assess(BANK, answers, "en", created.date())
    record = DecisionRecord(id=record_id, client=client, created=created, language="en",
                            bank_version=BANK.version, status=status, assessor="Ewa",
                            review_date=result.review_date, answers=answers, result=result)
    path, _ = store.save_new(record)
    return path


# ---------------------------------------------------------------------------------------------
# assess


def test_assess_text_names_client_and_level(tmp_path):
    sheet, result = expected(EXAMPLES / "late-payer.toml")
    run = cli("assess", EXAMPLES / "late-payer.toml", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert sheet.client in run.stdout
    assert BANK.level(result.level).label("en").lower() in run.stdout.lower()
    assert str(result.score) in run.stdout
    assert run.stderr == ""


def test_assess_json_one_object_per_file_in_argument_order(tmp_path):
    run = cli("assess", *EXAMPLE_FILES, "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    objects = json_lines(run.stdout)
    assert len(run.stdout.strip().splitlines()) == len(EXAMPLE_FILES)
    assert [o["source"] for o in objects] == [str(p) for p in EXAMPLE_FILES]
    for path, data in zip(EXAMPLE_FILES, objects):
        sheet, result = expected(path)
        assert JSON_KEYS <= set(data)
        assert data["client"] == sheet.client
        assert data["level"] == result.level
        assert data["score"] == result.score
        assert data["confidence"] == result.confidence
        assert data["sections"] == result.sections
        assert data["principles"] == list(result.principles)
        assert data["reasons"] == [{"question": r.question, "share": r.share, "decisive": r.decisive}
                                   for r in result.reasons]
        assert set(data["counterfactual"]) == {"milder", "harsher"}
        for direction in ("milder", "harsher"):
            change = getattr(result, direction)
            got = data["counterfactual"][direction]
            if change is None:
                assert got is None
            else:
                assert (got["question"], got["to"], got["level"]) == (change.question, change.to, change.level)
        assert [w["id"] for w in data["warnings"]] == [w.id for w in result.warnings]
        assert all(w["text"] for w in data["warnings"])


BAD_FILES = {
    "unknown-id": ('client = "A"\n[answers]\nmystery_question = 2\n', "answers.mystery_question"),
    "wrong-kind": ('client = "A"\n[answers]\nlate_payments = true\n', "answers.late_payments"),
    "out-of-range": ('client = "A"\n[answers]\nrevenue_share = 140\n', "answers.revenue_share"),
    "bad-choice": ('client = "A"\n[answers]\norders_trend = "down"\n', "answers.orders_trend"),
    "bad-toml": ('client = "A"\n[answers\nlate_payments = 2\n', None),
    "not-text": (b"\x89PNG\r\n\x1a\n\x00\x00\xff", None),
    "no-client": ("[answers]\nlate_payments = 2\n", "client"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
@pytest.mark.parametrize("as_json", [True, False], ids=["json", "text"])
def test_assess_bad_file_among_good_ones(tmp_path, case, as_json):
    content, field = BAD_FILES[case]
    bad = tmp_path / f"{case}.toml"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    files = [EXAMPLES / "late-payer.toml", bad, EXAMPLES / "fading.toml"]
    run = cli("assess", *files, *(["--json"] if as_json else []), cwd=tmp_path)
    assert run.returncode != 0
    errors = [line for line in run.stderr.splitlines() if str(bad) in line]
    assert errors, run.stderr
    if field:
        assert any(field in line for line in errors), run.stderr
    assert "Traceback" not in run.stderr
    if as_json:
        good = [o for o in json_lines(run.stdout) if "level" in o]
        assert [o["source"] for o in good] == [str(files[0]), str(files[2])]
        sources = [o["source"] for o in json_lines(run.stdout)]
        assert sources == [str(f) for f in files]  # still one object per FILE, in order
    else:
        for path in (files[0], files[2]):
            assert read_answers(path, BANK).client in run.stdout


def test_assess_missing_file(tmp_path):
    missing = tmp_path / "nope.toml"
    run = cli("assess", missing, EXAMPLES / "abusive.toml", "--json", cwd=tmp_path)
    assert run.returncode != 0
    assert str(missing) in run.stderr
    assert any(o.get("level") == "end_now" for o in json_lines(run.stdout))


def test_assess_save_writes_records_and_prints_paths(tmp_path, records_dir):
    run = cli("assess", EXAMPLES / "late-payer.toml", EXAMPLES / "fading.toml", "--save", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    saved = sorted(records_dir.glob("*.toml"))
    assert len(saved) == 2
    for path in saved:
        assert str(path) in run.stdout
        record = read_record(path, BANK)
        assert record.result is not None and record.bank_version == BANK.version
        assert record.created.tzinfo is not None
    clients = {read_record(p, BANK).client for p in saved}
    assert clients == {"Kowalski Meble Sp. z o.o.", "Zielona Łąka"}
    # the notes of the answers file are kept in the record
    kowalski = next(p for p in saved if "kowalski" in p.name)
    assert read_record(kowalski, BANK).notes == read_answers(EXAMPLES / "late-payer.toml", BANK).notes


def test_assess_save_json_reports_the_record_path(tmp_path, records_dir):
    run = cli("assess", EXAMPLES / "abusive.toml", "--save", "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    (data,) = json_lines(run.stdout)
    path = Path(data["record"])
    assert path.parent == records_dir and path.is_file()
    assert read_record(path, BANK).result.level == data["level"] == "end_now"


@pytest.mark.parametrize("folder", ["Clients [team] 2026", "a" * 70, "odd [/] name"])
def test_assess_save_prints_the_exact_path_on_one_line(tmp_path, folder):
    """`--save` prints each record's path: a script or a user must be able to copy it as is,
    whatever the folder is called and however narrow the (piped, 80-column) output is."""
    records = tmp_path / folder / "records"
    environ = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    environ.update(CLIENT_EXIT_RECORDS=str(records), PYTHONIOENCODING="utf-8")
    run = subprocess.run([sys.executable, "-m", "wizard", "assess", str(EXAMPLES / "abusive.toml"), "--save"],
                         capture_output=True, text=True, encoding="utf-8", env=environ, cwd=tmp_path, timeout=120)
    (path,) = records.glob("*.toml")
    assert run.returncode == 0, run.stderr
    assert any(str(path) in line for line in run.stdout.splitlines()), run.stdout[-600:]


def test_assess_accepts_a_record_as_an_answers_file(one_record, tmp_path):
    run = cli("assess", one_record, "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    (data,) = json_lines(run.stdout)
    record = read_record(one_record, BANK)
    assert data["client"] == record.client
    assert data["score"] == record.result.score and data["level"] == record.result.level


def test_assess_a_folder_is_a_clear_error(tmp_path):
    run = cli("assess", tmp_path, "--json", cwd=tmp_path)
    assert run.returncode != 0
    assert str(tmp_path) in run.stderr and "Traceback" not in run.stderr


# ---------------------------------------------------------------------------------------------
# list


def test_list_newest_first_with_client_filter_and_json(store, tmp_path):
    paris = timezone(timedelta(hours=1))
    save(store, "Acme", datetime(2026, 1, 5, 9, 0, tzinfo=paris), "aaaa1111")
    save(store, "Zielona Łąka", datetime(2026, 2, 1, 9, 0, tzinfo=paris), "bbbb2222", status="accepted")
    save(store, "Acme", datetime(2026, 3, 1, 9, 0, tzinfo=paris), "cccc3333")

    run = cli("list", "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    rows = json_lines(run.stdout)
    assert [r["id"] for r in rows] == ["cccc3333", "bbbb2222", "aaaa1111"]
    for row in rows:
        assert {"client", "assessor", "level", "score", "status", "created"} <= set(row)
    assert rows[1]["status"] == "accepted" and rows[1]["client"] == "Zielona Łąka"

    run = cli("list", "--json", "--client", "acme", cwd=tmp_path)
    assert [r["id"] for r in json_lines(run.stdout)] == ["cccc3333", "aaaa1111"]

    text = cli("list", cwd=tmp_path)
    assert text.returncode == 0
    lines = [line for line in text.stdout.splitlines() if line.startswith("2026-")]
    assert [line[:10] for line in lines] == ["2026-03-01", "2026-02-01", "2026-01-05"]
    assert "Zielona Łąka" in lines[1] and "Ewa" in lines[1]


def test_list_client_with_no_match_says_so_and_suggests_close_names(store, tmp_path, records_dir):
    save(store, "Kowalski Meble", datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc), "aaaa1111")
    save(store, "Acme", datetime(2026, 2, 5, 9, 0, tzinfo=timezone.utc), "bbbb2222")
    run = cli("list", "--client", "Kowalsky Meble", cwd=tmp_path)
    assert run.returncode == 0
    assert f"No record matches the client “Kowalsky Meble” (2 records in {records_dir})." in run.stderr
    assert "Clients with a similar name: Kowalski Meble" in run.stderr
    assert "No records in" not in run.stdout + run.stderr  # the folder is not empty
    polish = cli("--lang", "pl", "list", "--client", "Kowalsky Meble", cwd=tmp_path)
    assert f"Żaden zapis nie dotyczy klienta „Kowalsky Meble” (w {records_dir}: 2 zapisy)." in polish.stderr
    assert "Klienci o podobnej nazwie: Kowalski Meble" in polish.stderr


def test_list_client_matches_like_every_command_and_says_when_only_part_of_a_name(store, tmp_path):
    save(store, "Kowalski Meble", datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc), "aaaa1111")
    save(store, "Kowalski Meble Sp. z o.o.", datetime(2026, 2, 5, 9, 0, tzinfo=timezone.utc), "bbbb2222")
    exact = cli("list", "--json", "--client", "  KOWALSKI   meble", cwd=tmp_path)
    assert [r["id"] for r in json_lines(exact.stdout)] == ["bbbb2222", "aaaa1111"]
    assert "contains it: Kowalski Meble Sp. z o.o." in exact.stderr  # the other client, named
    part = cli("list", "--json", "--client", "meble sp.", cwd=tmp_path)
    assert [r["id"] for r in json_lines(part.stdout)] == ["bbbb2222"]
    assert "No client is named exactly “meble sp.”" in part.stderr
    whole = cli("list", "--json", "--client", "kowalski meble sp. z o.o.", cwd=tmp_path)
    assert whole.stderr == ""


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_list_never_cuts_the_level_the_client_gives_way(store, tmp_path, columns):
    long_name = "Przedsiębiorstwo Handlowo-Usługowe Wielka Nazwa Spółka Komandytowa"
    answers = {"asked_unethical": True}  # end now: the longest label is in another language
    save(store, long_name, datetime(2026, 2, 5, 9, 0, tzinfo=timezone.utc), "aaaa1111", answers=answers)
    save(store, "Acme", datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc), "bbbb2222")
    for lang in ("en", "pl"):
        run = cli("--lang", lang, "list", cwd=tmp_path, COLUMNS=str(columns))
        lines = run.stdout.splitlines()
        # The assessor's column gives way first; below about 70 columns the Polish level and
        # status texts with the date, the score and a cut client name are wider than the terminal.
        if columns >= 80 or lang == "en":
            assert all(len(line) <= columns for line in lines), run.stdout
        if columns != 80:  # at 80 it depends on the language's level labels
            assert (t_col(lang, "assessor") in lines[0]) == (columns > 80)
        for level in BANK.levels:
            label = level.label(lang)
            if label in run.stdout:
                column = lines[0].index(t_col(lang))
                assert all(line[column:].startswith(label) for line in lines[1:] if label in line)
        assert BANK.level("end_now").label(lang) in lines[1]  # never cut
        assert "…" in lines[1] or long_name in lines[1]


def t_col(lang: str, column: str = "level") -> str:
    from wizard.i18n import t

    return t(f"cli.col.{column}", lang)


def test_list_reports_broken_files_and_lists_the_rest(store, tmp_path):
    save(store, "Acme", datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc), "aaaa1111")
    broken = store.root / "2026-01-06-broken-dddd4444.toml"
    broken.write_text('schema = 1\nid = "dddd4444"\nstatus = "maybe"\n', encoding="utf-8")
    for _ in range(2):  # a second run (the list cache) still reports the broken file
        run = cli("list", "--json", cwd=tmp_path)
        assert [r["id"] for r in json_lines(run.stdout)] == ["aaaa1111"]
        assert str(broken) in run.stderr
        assert "status" in run.stderr
        assert "Traceback" not in run.stderr


def test_list_is_never_stale_after_an_edit_in_place(store, tmp_path):
    """A teammate's edit that keeps the file's size and modification time is still seen."""
    path = save(store, "Acme", datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc), "aaaa1111", status="proposed")
    old = path.stat().st_mtime_ns - 3_600 * 10**9
    os.utime(path, ns=(old, old))
    first = json_lines(cli("list", "--json", cwd=tmp_path).stdout)
    assert [r["status"] for r in first] == ["proposed"]
    text = path.read_text(encoding="utf-8")
    assert 'status = "proposed"' in text
    with open(path, "r+", encoding="utf-8") as handle:  # same inode, same length
        handle.write(text.replace('status = "proposed"', 'status = "rejected"'))
    os.utime(path, ns=(old, old))
    second = json_lines(cli("list", "--json", cwd=tmp_path).stdout)
    assert [r["status"] for r in second] == ["rejected"]


def test_assess_save_into_an_unusable_folder_fails_clearly(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    run = cli("assess", EXAMPLES / "abusive.toml", "--save", "--json", cwd=tmp_path, CLIENT_EXIT_RECORDS=str(blocker))
    assert run.returncode != 0
    assert str(blocker) in run.stderr and "Traceback" not in run.stderr
    (data,) = json_lines(run.stdout)  # the assessment itself is still printed
    assert data["level"] == "end_now" and "record" not in data


def test_list_with_no_records_says_where_it_looked(tmp_path, records_dir):
    run = cli("list", cwd=tmp_path)
    assert run.returncode == 0
    assert str(records_dir) in run.stdout


# ---------------------------------------------------------------------------------------------
# show


@pytest.fixture
def one_record(store) -> Path:
    sheet = read_answers(EXAMPLES / "late-payer.toml", BANK)
    created = datetime(2026, 3, 2, 10, 30, tzinfo=timezone(timedelta(hours=1)))
    result = assess(BANK, sheet.answers, "en", created.date())
    record = DecisionRecord(id="5eed1234", client=sheet.client, created=created, language="en",
                            bank_version=BANK.version, status="proposed", assessor=sheet.assessor,
                            review_date=result.review_date, answers=sheet.answers, notes=sheet.notes,
                            result=result)
    path, _ = store.save_new(record)
    return path


@pytest.mark.parametrize("ref", ["5eed", "5eed1234", "path"])
def test_show_toml_reparses_to_the_same_record(one_record, tmp_path, ref):
    run = cli("show", one_record if ref == "path" else ref, "--format", "toml", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    shown = parse_record(tomllib.loads(run.stdout), "stdout", BANK)
    assert shown == read_record(one_record, BANK)


def test_show_markdown_and_text(one_record, tmp_path):
    record = read_record(one_record, BANK)
    label = BANK.level(record.result.level).label("en")
    markdown = cli("show", "5eed", "--format", "markdown", cwd=tmp_path)
    assert markdown.returncode == 0, markdown.stderr
    assert markdown.stdout.startswith("# ") and record.client in markdown.stdout.splitlines()[0]
    assert label in markdown.stdout
    assert record.notes["late_payments"] in markdown.stdout
    text = cli("show", "5eed", cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert record.client in text.stdout and label.lower() in text.stdout.lower()


def test_show_unknown_id_fails_clearly(one_record, tmp_path):
    run = cli("show", "ffff", cwd=tmp_path)
    assert run.returncode != 0
    assert "ffff" in run.stderr and "Traceback" not in run.stderr


# ---------------------------------------------------------------------------------------------
# validate


def test_validate_record_answers_and_bank(one_record, tmp_path):
    run = cli("validate", one_record, EXAMPLES / "fading.toml", bank_files.default_path(), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 4
    assert str(one_record) in lines[0]
    assert str(EXAMPLES / "fading.toml") in lines[1]
    assert f"{len(BANK.questions)}" in lines[2]
    assert "ledger.toml (the rules that draw answers from an invoice ledger)" in lines[3]  # beside the bank


def test_validate_broken_files_exit_1(one_record, tmp_path):
    bad_answers = tmp_path / "bad.toml"
    bad_answers.write_text('client = "A"\n[answers]\nlate_payments = 5\n', encoding="utf-8")
    bad_record = tmp_path / "record.toml"
    bad_record.write_text(one_record.read_text(encoding="utf-8").replace('status = "proposed"', 'status = "maybe"'),
                          encoding="utf-8")
    bank_folder = copy_bank(tmp_path)
    text = (bank_folder / "payments.toml").read_text(encoding="utf-8")
    (bank_folder / "payments.toml").write_text(text.replace('kind = "scale"', 'kind = "stars"', 1), encoding="utf-8")
    run = cli("validate", bad_answers, EXAMPLES / "abusive.toml", bad_record, bank_folder, cwd=tmp_path)
    assert run.returncode == 1
    assert f"{bad_answers}: answers.late_payments" in run.stderr
    assert f"{bad_record}: status" in run.stderr
    assert "payments.toml" in run.stderr and "late_payments" in run.stderr and "kind" in run.stderr
    assert str(EXAMPLES / "abusive.toml") in run.stdout  # the good file is still reported as ok
    assert "Traceback" not in run.stderr


# ---------------------------------------------------------------------------------------------
# version, help, options before and after the command


def test_version(tmp_path):
    run = cli("--version", cwd=tmp_path)
    assert run.returncode == 0
    assert __version__ in run.stdout


def _commands() -> list[str]:
    from wizard.cli.main import COMMANDS

    return sorted(c for c in COMMANDS if c != "home")


@pytest.mark.parametrize("command", [None, *_commands()])
def test_help_on_every_command(tmp_path, command):
    run = cli(*([command] if command else []), "--help", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "usage:" in run.stdout
    for option in ("--records-dir", "--lang", "--questions"):
        assert option in run.stdout


@pytest.mark.parametrize("where", ["before", "after"])
def test_records_dir_before_or_after_the_command(store, tmp_path, where):
    save(store, "In the env folder", datetime(2026, 1, 1, tzinfo=timezone.utc), "eeee0001")
    other = tmp_path / "other"
    from wizard.storage.store import RecordStore

    save(RecordStore(other), "In the option folder", datetime(2026, 1, 1, tzinfo=timezone.utc), "0000ffff")
    args = ["--records-dir", other, "list", "--json"] if where == "before" else ["list", "--json", "--records-dir", other]
    run = cli(*args, cwd=tmp_path)
    assert [r["client"] for r in json_lines(run.stdout)] == ["In the option folder"]


@pytest.mark.parametrize("where", ["before", "after"])
def test_lang_before_or_after_the_command(tmp_path, where):
    path = EXAMPLES / "late-payer.toml"
    args = ["--lang", "pl", "assess", path, "--json"] if where == "before" else ["assess", path, "--json", "--lang", "pl"]
    (data,) = json_lines(cli(*args, cwd=tmp_path).stdout)
    _, result = expected(path, "pl")
    assert [w["text"] for w in data["warnings"]] == [w.text for w in result.warnings]
    bias = next(w for w in data["warnings"] if w["id"] == "attachment_bias")
    sheet = read_answers(path, BANK)
    assert bias["text"] == finding_text(BANK, "attachment_bias", sheet.answers, "pl")
    assert bias["text"] != finding_text(BANK, "attachment_bias", sheet.answers, "en")


@pytest.mark.parametrize("where", ["before", "after"])
def test_questions_before_or_after_the_command(tmp_path, where):
    from tests.unit.test_bank import NEW_QUESTION

    folder = copy_bank(tmp_path)
    with open(folder / "workload.toml", "a", encoding="utf-8") as handle:
        handle.write(NEW_QUESTION)
    answers = tmp_path / "custom.toml"
    answers.write_text('client = "Scope Creep Ltd"\n[answers]\nscope_creep = 4\n', encoding="utf-8")
    args = ["--questions", folder, "assess", answers, "--json"] if where == "before" else ["assess", answers, "--json", "--questions", folder]
    run = cli(*args, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    (data,) = json_lines(run.stdout)
    assert data["reasons"] == [{"question": "scope_creep", "share": 1.0, "decisive": False}]
    # the shipped bank does not know the question
    plain = cli("assess", answers, "--json", cwd=tmp_path)
    assert plain.returncode != 0 and "answers.scope_creep" in plain.stderr


def test_broken_custom_bank_is_reported(tmp_path):
    folder = copy_bank(tmp_path)
    (folder / "ethics.toml").unlink()
    run = cli("--questions", folder, "assess", EXAMPLES / "abusive.toml", cwd=tmp_path)
    assert run.returncode != 0
    assert "ethics.toml" in run.stderr and "Traceback" not in run.stderr


def test_default_language_from_the_locale(tmp_path):
    sheet, result = expected(EXAMPLES / "fading.toml", "pl")
    run = cli("assess", EXAMPLES / "fading.toml", cwd=tmp_path, LANG="pl_PL.UTF-8")
    assert run.returncode == 0, run.stderr
    assert "Ocena klienta" in run.stdout
    assert BANK.level(result.level).label("pl").upper() in run.stdout
    assert "Client assessment" not in run.stdout
    english = cli("assess", EXAMPLES / "fading.toml", cwd=tmp_path, LANG="en_GB.UTF-8")
    assert "Client assessment" in english.stdout
    forced = cli("assess", EXAMPLES / "fading.toml", "--lang", "en", cwd=tmp_path, LANG="pl_PL.UTF-8")
    assert "Client assessment" in forced.stdout


# ---------------------------------------------------------------------------------------------
# No Textual in the headless commands

NO_TEXTUAL = """
import sys
from wizard.cli.main import main
try:
    code = main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
assert not loaded, loaded
print("NO-TEXTUAL", code, file=sys.stderr)
"""


@pytest.mark.parametrize("command", ["assess", "assess-json", "list", "show", "validate", "version"])
def test_headless_commands_import_no_textual(one_record, tmp_path, command):
    args = {
        "assess": ["assess", EXAMPLES / "late-payer.toml"],
        "assess-json": ["assess", EXAMPLES / "late-payer.toml", "--json", "--save", "--force"],
        "list": ["list"],
        "show": ["show", "5eed", "--format", "markdown"],
        "validate": ["validate", one_record, EXAMPLES / "fading.toml", bank_files.default_path()],
        "version": ["--version"],
    }[command]
    run = subprocess.run([sys.executable, "-c", NO_TEXTUAL, *map(str, args)], capture_output=True, text=True,
                         encoding="utf-8", cwd=tmp_path, timeout=120,
                         env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert run.returncode == 0, run.stderr
    assert "NO-TEXTUAL 0" in run.stderr
    assert run.stdout.strip()


def test_core_modules_import_without_textual(tmp_path):
    script = (
        "import sys\n"
        "import wizard.model.bank, wizard.model.reasoning, wizard.model.records, wizard.storage.store, wizard.render.report, "
        "wizard.model.problems, wizard.i18n\n"
        "loaded = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "assert not loaded, loaded\n"
        "print('ok')\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"


@pytest.mark.parametrize("args", [["--version"], ["list", "--json"]], ids=["version", "list-json"])
def test_fast_commands_stay_light(store, tmp_path, args):
    """cli.py: heavy modules are imported only by the commands that need them, so `--version`
    and `list` start fast: neither draws with rich nor touches Textual."""
    save(store, "Acme", datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc), "aaaa1111")
    script = NO_TEXTUAL.replace('m == "textual" or m.startswith("textual.")',
                                'm.split(".")[0] in ("textual", "rich")')
    run = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                         encoding="utf-8", cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "NO-TEXTUAL 0" in run.stderr
    assert run.stdout.strip()


@pytest.mark.parametrize("name", ["   ", "bad\udcffbytes", "tab\there"])
def test_names_that_are_not_readable_text_are_refused(name, capsys):
    """A name from the command line goes into a file name and a record: blank names, bytes that
    were not valid text and control characters are refused before any screen opens."""
    from wizard.cli.main import main

    assert main(["new", "--client", name, "--assessor", "Anna"]) == 2
    assert "--client: must be a name in readable text" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# QA review: messages, validate on a folder, options' help, unsaved assessments


def test_assess_without_save_shows_no_record_id_or_status(tmp_path, records_dir):
    run = cli("assess", EXAMPLES / "late-payer.toml", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "not saved (add --save to keep it as a record)" in run.stdout
    assert " record " not in run.stdout.splitlines()[1] and "Status:" not in run.stdout.splitlines()[1]
    polish = cli("--lang", "pl", "assess", EXAMPLES / "late-payer.toml", cwd=tmp_path)
    assert "nie zapisano (dodaj --save" in polish.stdout
    saved = cli("assess", EXAMPLES / "late-payer.toml", "--save", cwd=tmp_path)
    (path,) = records_dir.glob("*.toml")
    assert f"record {read_record(path, BANK).id} · Status: draft" in saved.stdout


def test_validate_a_records_folder_checks_every_record_draft_and_feedback(store, tmp_path):
    from wizard.storage import feedback

    good = save(store, "Acme", datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc), "aaaa1111")
    bad = save(store, "Nowak", datetime(2026, 1, 6, 9, 0, tzinfo=timezone.utc), "bbbb2222")
    bad.write_text(bad.read_text(encoding="utf-8").replace('status = "draft"', 'status = "maybe"'), encoding="utf-8")
    record = read_record(good, BANK)
    store.save_draft(record.__class__(**{**record.__dict__, "id": "cccc3333"}))
    feedback.add(store.root, feedback.make("aaaa1111", "Ola", "agree"))
    broken_feedback = feedback.folder(store.root, "aaaa1111") / "20260101T000000Z-x-000000.toml"
    broken_feedback.write_text('schema = 1\nrecord = "aaaa1111"\nby = "X"\nstance = "meh"\n'
                               'created = 2026-01-01T00:00:00+00:00\n', encoding="utf-8")
    run = cli("validate", store.root, cwd=tmp_path)
    assert run.returncode == 1
    assert f"{bad}: status: must be one of" in run.stderr
    assert f"{broken_feedback}: stance: must be one of" in run.stderr
    assert "records folder: 2 records, 1 unfinished assessment, 2 feedback files): 2 files have problems" in run.stdout
    bad.unlink()
    broken_feedback.unlink()
    run = cli("--lang", "pl", "validate", store.root, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"ok: {store.root} (folder zapisów: 1 zapis, 1 niedokończona ocena, 1 plik opinii)"


def test_validate_still_tells_a_question_bank_folder(tmp_path):
    folder = copy_bank(tmp_path)
    assert cli("validate", folder, cwd=tmp_path).returncode == 0
    (folder / "bank.toml").unlink()
    run = cli("validate", folder, cwd=tmp_path)
    assert run.returncode == 1 and "bank.toml" in run.stderr


def test_every_option_of_every_command_has_help():
    import argparse

    from wizard.cli.main import build_parser

    missing = []

    def walk(parser, name):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for command, sub in action.choices.items():
                    walk(sub, command)
            elif not action.help:
                missing.append((name, action.option_strings or action.dest))

    walk(build_parser(), "client-exit")
    assert missing == []


POLISH = {
    ("list", "--client", "Nikt"): "Żaden zapis nie dotyczy klienta „Nikt”",
    ("show", "ffff"): "ffff: w ",
    ("decide", "ffff", "--status", "accepted"): "decide: kim jesteś? Podaj --by IMIĘ",
    ("history", "Nikt"): "Brak ocen klienta „Nikt”",
    ("team", "Nikt"): "Brak ocen klienta „Nikt”",
    ("forget", "Nikt"): "Brak zapisów i niedokończonych ocen klienta „Nikt”",
    ("new", "--client", "   "): "--client: musi być nazwą zapisaną czytelnym tekstem",
}


@pytest.mark.parametrize("args", sorted(POLISH), ids=lambda a: a[0])
def test_cli_messages_speak_polish(store, tmp_path, args):
    save(store, "Acme", datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc), "aaaa1111")
    run = cli(*args, cwd=tmp_path, LANG="pl_PL.UTF-8")
    assert POLISH[args] in run.stdout + run.stderr
    assert "Traceback" not in run.stderr
