"""`validate`: records, answers files, records folders, question banks and ledger rules checked,
each problem named with its file and field."""

from __future__ import annotations

from pathlib import Path

from wizard.cli.context import Context, problem_lines, say
from wizard.i18n import t
from wizard.inert import inert
from wizard.model.problems import InvalidFile

def run(ctx: Context) -> int:
    from wizard.storage import bank_files
    from wizard.storage.answers_codec import parse_answers
    from wizard.storage.record_reader import parse_record
    from wizard.storage.toml_read import read_toml

    args, lang = ctx.args, ctx.lang
    failed = False
    for name in args.paths:
        path = Path(name)
        if path.is_dir() and not _is_bank_folder(path):
            failed = not _validate_records_folder(path, ctx) or failed
            continue
        try:
            if path.is_dir():
                loaded = bank_files.load(path)
                what = t("cli.what.bank", lang, count=len(loaded.questions))
            else:
                data = read_toml(path)
                if "late_payments" in data and "window" in data:
                    _validate_ledger_rules(path, lang)
                    continue
                if "version" in data and ("section" in data or "level" in data):
                    loaded = bank_files.load(path)
                    what = t("cli.what.bank", lang, count=len(loaded.questions))
                elif "schema" in data:
                    parse_record(data, name, ctx.bank)
                    what = t("cli.what.record", lang)
                else:
                    sheet = parse_answers(data, name, ctx.bank)
                    what = t("cli.what.answers", lang, count=len(sheet.answers))
        except InvalidFile as error:
            failed = True
            for line in problem_lines(error):
                say(line)
            continue
        print(t("cli.valid", lang, path=inert(name), what=what))
        if path.is_dir() and (path / "ledger.toml").is_file():  # a bank folder: its ledger rules too
            try:
                _validate_ledger_rules(path / "ledger.toml", lang)
            except InvalidFile as error:
                failed = True
                for line in problem_lines(error):
                    say(line)
    return 1 if failed else 0


def _validate_ledger_rules(path: Path, lang: str) -> None:
    """The rules that draw answers from a ledger (questions/ledger.toml). Raises InvalidFile."""
    from wizard.model.ledger_rules import parse_rules
    from wizard.storage.toml_read import read_toml

    parse_rules(read_toml(path), str(path))
    print(t("cli.valid", lang, path=path, what=t("ledger.rules", lang)))


def _is_bank_folder(folder: Path) -> bool:
    """A question bank has bank.toml (or, broken, question files); anything else is taken for a
    records folder."""
    if (folder / "bank.toml").exists():
        return True
    if any((folder / name).exists() for name in ("drafts", "feedback", ".index")):
        return False
    from wizard.storage.files import read_bytes

    for path in sorted(folder.glob("*.toml"))[:3]:
        try:
            if b"[[question]]" in read_bytes(path):
                return True
        except OSError:
            continue
    return False


def _validate_records_folder(folder: Path, ctx: Context) -> bool:
    """Every record, draft and feedback file of a records folder, each broken one reported with
    its file and field; and two records with one id, a forgotten client's data merged back, a
    broken tombstone. True when all is well."""
    from wizard.storage import checks, feedback, forgotten
    from wizard.storage.store import RecordStore

    bank, lang = ctx.bank, ctx.lang
    store = RecordStore(folder)
    records, drafts = store.scan(bank), store.scan_drafts(bank)
    on_records = feedback.load_all(folder)
    problems = [p for entry in records + drafts for p in entry.problems] + feedback.broken(on_records)
    readable = [(entry.path, entry.record) for entry in records if entry.record is not None]
    problems += checks.duplicate_problems(readable) + checks.forgotten_problems(folder, readable)
    problems += forgotten.problems(folder)
    for problem in problems:
        say(str(problem))
    counts = {"records": len(records), "drafts": len([e for e in drafts if e.path != store.drafts]),
              "feedback": sum(len(entries) for rid, entries in on_records.items() if rid)}
    what = t("cli.what.folder", lang, **counts)
    broken = len({p.file for p in problems})
    if broken:
        print(t("cli.invalid_folder", lang, path=inert(str(folder)), what=what, broken=broken))
    else:
        print(t("cli.valid", lang, path=inert(str(folder)), what=what))
    return not broken
