"""The command line. Commands that draw no screen never import Textual, and heavy modules are
imported only by the commands that need them, so `--version` and `list` start fast."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wizard import __version__

PROG = "client-exit"
CLIENT_HELP = "the client's exact name (case and spacing aside); close names are suggested when none matches"
FORMAT_HELP = "coloured text (default), Markdown, or JSON for scripts"


def main(argv: list[str] | None = None) -> int:
    _tolerant_output()
    args = build_parser().parse_args(argv)
    command = args.command or "home"
    try:
        _refuse_undecodable(args)
        return COMMANDS[command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except _Fail as fail:
        for line in fail.lines:
            print(f"{PROG}: {line}", file=sys.stderr)
        return fail.code
    except OSError as error:  # a file the program could not use: say which, and what to do
        where = _inert(str(error.filename)) + ": " if error.filename else ""
        print(f"{PROG}: {where}{_reason(error, _lang(args))}", file=sys.stderr)
        return 1


def _tolerant_output() -> None:
    """In a terminal whose encoding cannot show every character (a Latin-2 locale, ASCII), show
    what it can and a replacement for the rest, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def _quiet_stdout() -> None:
    """After the reader of our output went away (`| head`): nothing more to flush at exit."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# Options that hold text to be stored or matched (paths and record references may be any bytes
# the file system allows, and work as they are).
TEXT_OPTIONS = ("client", "assessor", "by", "comment", "reason", "outcome", "decision_makers", "consulted",
                "informed")


def _refuse_undecodable(args) -> None:
    """Text given on the command line must be text: bytes that are not valid in the terminal's
    encoding arrive as lone surrogates, which no file could store. (The wizard's own names are
    checked by cmd_tui, which also refuses control characters in them.)"""
    if COMMANDS.get(args.command or "home") is cmd_tui:
        return
    for option in TEXT_OPTIONS:
        values = getattr(args, option, None)
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, str) and not _encodable(value):
                from wizard.i18n import t

                positional = option == "client" and args.command in ("history", "team", "forget")
                name = "CLIENT" if positional else "--" + option.replace("_", "-")
                raise _Fail([t("cli.not_text", _lang(args), option=name, value=_inert(value),
                               encoding=sys.getfilesystemencoding())], 2)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _Fail(Exception):
    def __init__(self, lines: list[str], code: int = 1) -> None:
        self.lines = lines
        self.code = code


# ---------------------------------------------------------------------------------------------
# The parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Decide what to do about a client relationship that has gone sour, "
        "and write the decision down for your team. With no command, starts the wizard.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _common(parser, argparse_default=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _common(sub, argparse_default=argparse.SUPPRESS)
        return sub

    sub = command("assess", "assess answers files and print the recommendation")
    sub.add_argument("files", nargs="+", metavar="FILE", help="answers file (TOML); a record works too")
    sub.add_argument("--json", action="store_true", help="one JSON object per FILE, one per line")
    sub.add_argument("--save", action="store_true", help="save a decision record for each FILE")
    sub.add_argument("--force", action="store_true",
                     help="with --save: save even when a record with the same client and answers exists")
    _ledger_options(sub, "fill the questions a FILE leaves open (or skips) with answers drawn from this "
                         "invoice ledger (CSV); the record keeps their evidence")

    sub = command("list", "list decision records, newest first")
    sub.add_argument("--client", metavar="NAME",
                     help="only this client's records (case and spacing aside; a part of the name also matches, "
                          "and is named)")
    sub.add_argument("--json", action="store_true", help="one JSON object per record, one per line")

    sub = command("show", "show one decision record")
    sub.add_argument("record", metavar="RECORD", help="a record file, or the start of its id")
    sub.add_argument("--format", choices=("text", "markdown", "toml"), default="text",
                     help="coloured text (default), Markdown with the status history and feedback, or the TOML file")

    sub = command("validate", "check records, answers files, a records folder or a question bank")
    sub.add_argument("paths", nargs="+", metavar="PATH",
                     help="a record or answers file, a question bank (folder or file), or a records folder "
                          "(every record, draft and feedback file in it)")

    sub = command("new", "start a new assessment in the wizard")
    sub.add_argument("--client", metavar="NAME", help="the client's name (asked for when not given)")
    sub.add_argument("--assessor", metavar="NAME",
                     help="your name (default: the name set with `config name`; asked for when neither)")
    sub.add_argument("--from", metavar="RECORD", dest="from_record",
                     help="reassess: start from this earlier record's answers, each to confirm or change")
    _ledger_options(sub, "pre-fill the questions an invoice ledger (CSV) answers, each with its evidence, "
                         "to confirm or change")

    sub = command("resume", "reopen a draft in the wizard (the newest when none is named)")
    sub.add_argument("draft", nargs="?", metavar="DRAFT", help="a draft file, or the start of its id")

    sub = command("review", "browse saved decisions in the wizard")
    _ledger_options(sub, "an invoice ledger (CSV) for the portfolio of clients: revenue, late payments, money owed")

    # --- invoice ledger and portfolio (handlers in wizard/cli/ledger.py) ---
    sub = command("evidence", "answers drawn from an invoice ledger (CSV), with their evidence")
    sub.add_argument("ledger", metavar="LEDGER", help="a CSV export of issued invoices (see docs/ledger.md)")
    sub.add_argument("--client", metavar="NAME", help="only this client " + CLIENT_HELP[len("the client's "):])
    sub.add_argument("--json", action="store_true", help="one JSON object per client, one per line")
    _ledger_options(sub, None)

    sub = command("clients", "every client in one table, what needs attention first")
    sub.add_argument("--json", action="store_true", help="one JSON object per client, one per line")
    _ledger_options(sub, "an invoice ledger (CSV): revenue share, late payments, money owed, and the "
                         "concentration of revenue")

    # --- review and team consultation (handlers in wizard/cli/review.py) ---
    sub = command("compare", "compare two records side by side")
    sub.add_argument("first", metavar="A", help="a record file, or the start of its id")
    sub.add_argument("second", metavar="B", help="a record file, or the start of its id")
    sub.add_argument("--format", choices=("text", "markdown", "json"), default="text", help=FORMAT_HELP)

    sub = command("history", "all assessments of one client over time")
    sub.add_argument("client", metavar="CLIENT", help=CLIENT_HELP)
    sub.add_argument("--format", choices=("text", "markdown", "json"), default="text", help=FORMAT_HELP)

    sub = command("decide", "record the decision taken on a record, and its status")
    sub.add_argument("record", metavar="RECORD", help="a record file, or the start of its id")
    sub.add_argument("--status", choices=("proposed", "accepted", "rejected"), required=True,
                     help="the record's new status: proposed to the team, accepted or rejected")
    sub.add_argument("--level", choices=("continue", "monitor", "revise_terms", "prepare_exit", "end_now"),
                     help="the level decided on, when it differs from the recommendation (needs --reason)")
    sub.add_argument("--reason", metavar="TEXT", help="why the decision differs from the recommendation "
                                                      "(with the recommended level it is kept as a comment)")
    sub.add_argument("--outcome", metavar="TEXT", help="what was decided and what happened, in a sentence")
    sub.add_argument("--by", metavar="NAME", help="who records the decision (default: the name set with "
                                                  "`config name`; kept in the status history)")
    sub.add_argument("--decision-maker", action="append", default=[], metavar="NAME", dest="decision_makers",
                     help="someone who took the decision (repeat for several)")
    sub.add_argument("--consulted", action="append", default=[], metavar="NAME",
                     help="someone consulted before the decision (repeat for several)")
    sub.add_argument("--informed", action="append", default=[], metavar="NAME",
                     help="someone informed of the decision (repeat for several)")
    sub.add_argument("--supersedes", action="append", default=[], metavar="RECORD",
                     help="an older record of the same client that this one replaces")

    sub = command("feedback", "give your view of a record: agree, disagree or abstain")
    sub.add_argument("record", metavar="RECORD", help="a record file, or the start of its id")
    sub.add_argument("--by", metavar="NAME", help="your name (default: the name set with `config name`)")
    sub.add_argument("--stance", choices=("agree", "disagree", "abstain"), required=True,
                     help="your view of the record's recommendation or decision")
    sub.add_argument("--comment", metavar="TEXT", default="", help="why, in a sentence (optional)")

    sub = command("team", "the team's assessments of one client side by side")
    sub.add_argument("client", metavar="CLIENT", help=CLIENT_HELP)
    sub.add_argument("--format", choices=("text", "markdown", "json"), default="text", help=FORMAT_HELP)

    sub = command("demo", "open the review screen on a temporary folder of sample decisions")
    sub.add_argument("--keep", metavar="DIR", help="write the sample folder here instead of a temporary one")

    sub = command("due", "reviews that are overdue or coming up (one per client: its newest standing record)")
    sub.add_argument("--within", type=int, default=30, metavar="DAYS",
                     help="also list reviews due in the next DAYS days (default 30)")
    sub.add_argument("--json", action="store_true", help="one JSON object per review, one per line")
    sub.add_argument("--ics", metavar="FILE", help="also write the reviews as an iCalendar file (RFC 5545) "
                                                   "that any calendar imports")

    # --- you and your files (handlers in wizard/cli/setup.py) ---
    command("template", "print an answers file to fill in: every question id, its text and allowed values")

    sub = command("config", "show your settings, or set your name (used for assessments, decisions and feedback)")
    sub.add_argument("key", nargs="?", choices=("name",), help="the setting to show or set")
    sub.add_argument("value", nargs="?", metavar="VALUE", help="its new value (without it, the value is printed)")

    # --- privacy (handler in wizard/cli/privacy.py) ---
    sub = command("forget", "delete every record, draft, feedback file and export of one client, after a confirmation")
    sub.add_argument("client", metavar="CLIENT", help=CLIENT_HELP)
    sub.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return parser


def _ledger_options(sub: argparse.ArgumentParser, ledger_help: str | None) -> None:
    """--ledger (unless the ledger is the command's argument) and how to read it."""
    if ledger_help:
        sub.add_argument("--ledger", metavar="LEDGER", help=ledger_help)
    sub.add_argument("--since", metavar="DATE", help="the first day counted (2026-01-31 or 31.01.2026; default: "
                                                     "12 months before --until)")
    sub.add_argument("--until", metavar="DATE", help="the last day counted (default: the ledger's newest date)")
    sub.add_argument("--currency", metavar="CODE", help="count only invoices in this currency (needed for a "
                                                        "share of revenue when the ledger has several)")
    sub.add_argument("--map", metavar="FIELD=HEADER,...", help="name the ledger's columns yourself, e.g. "
                                                                "client=Kontrahent,due=\"Termin płatności\" "
                                                                "(fields: client, issued, due, paid, amount, net, "
                                                                "paid_amount, currency)")


def _common(parser: argparse.ArgumentParser, argparse_default) -> None:
    # Accepted before or after the command's name: on sub-commands the default is SUPPRESS so a
    # value given before the command is not overwritten.
    parser.add_argument("--records-dir", metavar="DIR", default=argparse_default,
                        help="where records live (default: $CLIENT_EXIT_RECORDS, else the user data folder)")
    parser.add_argument("--lang", choices=("en", "pl"), default=argparse_default,
                        help="language of texts (default: from the locale, Polish when LANG starts with pl)")
    parser.add_argument("--questions", metavar="PATH", default=argparse_default,
                        help="a custom question bank (a folder with bank.toml, or one file)")


# ---------------------------------------------------------------------------------------------
# Shared set-up


def _lang(args) -> str:
    from wizard.i18n import default_language

    return args.lang or default_language()


def _bank(args):
    from wizard.model import bank
    from wizard.model.problems import InvalidFile

    try:
        return bank.load(args.questions) if args.questions else bank.load_default()
    except InvalidFile as error:
        from wizard.i18n import t

        raise _Fail([t("cli.bank_problems", _lang(args)), *[str(p) for p in error.problems]], 2) from None


def _store(args):
    from wizard.storage.store import RecordStore, records_dir

    return RecordStore(records_dir(args.records_dir))


def find_record(store, ref: str, bank, lang: str) -> Path:
    """The record a user means by `ref` (a path or the start of an id); when there is none, or
    several, a message in the user's language with the records they may have meant. A record
    whose id another record file also carries is refused, naming both files: feedback is filed
    by id, so acting on one would mix in the other's."""
    from wizard.i18n import t
    from wizard.model.problems import NoSuchRecord

    try:
        path = store.find(ref, bank)
    except NoSuchRecord as error:
        missing = error
    else:
        _refuse_duplicate(store, path, bank, lang)
        return path
    lines = [t("cli.record." + missing.kind, lang, ref=_inert(ref), id=_inert(ref), path=store.root,
               names=", ".join(_inert(str(p if missing.kind == "duplicate" else p.name)) for p in missing.matches[:5]))]
    if missing.kind == "id":
        lines += _meant(store, ref, bank, lang)
    raise _Fail(lines) from None


def _refuse_duplicate(store, path: Path, bank, lang: str) -> None:
    from wizard.i18n import t
    from wizard.storage.checks import duplicate_ids

    listed = store.summaries(bank)
    if not any(e.path == path for e in listed):
        return  # a file outside the records folder, named by its path
    for rid, paths in duplicate_ids((e.path, e.summary) for e in listed if e.summary is not None).items():
        if path in paths:
            raise _Fail([t("cli.record.duplicate", lang, id=rid, names=", ".join(_inert(str(p)) for p in paths))])


def _inert(text: str) -> str:
    from wizard.inert import inert

    return inert(text)


def _meant(store, ref: str, bank, lang: str) -> list[str]:
    """Records a mistyped reference may mean: the records of a client of that name (or a close
    one), else the ids closest to it."""
    import difflib

    from wizard.model.clients import close_names, same_client
    from wizard.i18n import t

    try:
        listed = [e.summary for e in store.summaries(bank) if e.summary is not None]
    except OSError:
        return []
    names = [s.client for s in listed]
    clients = [n for n in names if same_client(n, ref)][:1] or close_names(ref, names, limit=1)
    if clients:
        found = [s for s in listed if same_client(s.client, clients[0])]
        title = t("cli.record.of_client", lang, client=_inert(clients[0]))
    else:
        ref = ref.lower()
        score = {s.id: difflib.SequenceMatcher(None, ref, s.id[: len(ref)]).ratio() for s in listed}
        found = sorted((s for s in listed if score[s.id] >= 0.7), key=lambda s: -score[s.id])
        title = t("cli.record.closest", lang)
    if not found:
        return []
    return [title] + [f"  {s.id}  {s.created:%Y-%m-%d}  {_inert(s.client)}" for s in found[:5]]


def who(args, command: str) -> str:
    """The person taking a step: `--by`, else the name the user set (`config name`). Never
    guessed: with neither, the command stops and says how to give it."""
    from wizard.i18n import t
    from wizard.storage.settings import user_name

    name = " ".join((getattr(args, "by", None) or "").split()) or user_name()
    if not name:
        raise _Fail([t("who.missing", _lang(args), command=command)], 2)
    return name


def _console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _problems(error) -> list[str]:
    return [str(p) for p in error.problems]


def _reason(error: OSError, lang: str) -> str:
    from wizard.storage.files import reason

    return reason(error, lang)


# ---------------------------------------------------------------------------------------------
# Commands


def cmd_assess(args) -> int:
    from datetime import date

    from wizard.i18n import t
    from wizard.model.problems import InvalidFile, read_toml
    from wizard.model.reasoning import assess
    from wizard.model.records import DecisionRecord, new_id, now, parse_answers
    from wizard.inert import json_dumps
    from wizard.render.report import level_label, print_text

    bank, lang = _bank(args), _lang(args)
    store = _store(args) if args.save else None
    drawn = None
    if args.ledger:
        from wizard.cli.ledger import draw

        drawn = _handled(lambda: draw(args, args.ledger, lang))
    failed = bool(drawn and drawn.ledger.problems)
    console = None if args.json else _console()
    for file in args.files:
        try:
            data = read_toml(Path(file))
            sheet = parse_answers(data, file, bank)
        except InvalidFile as error:
            failed = True
            for line in _problems(error):
                print(f"{PROG}: {line}", file=sys.stderr)
            if args.json:
                print(json_dumps({"source": file, "errors": _problems(error)}))
            continue
        if drawn is not None:
            from wizard.cli.ledger import prefill

            filled = prefill(drawn, sheet, lang)
            failed = failed or filled is None
            sheet = filled or sheet
        created = now()
        result = assess(bank, sheet.answers, lang, created.date())
        record = DecisionRecord(
            id=new_id(), client=sheet.client, assessor=sheet.assessor, created=created,
            language=lang, bank_version=bank.version, status="draft",
            review_date=result.review_date, answers=sheet.answers, notes=sheet.notes,
            skipped=sheet.skipped, evidence=sheet.evidence, ledger=sheet.ledger, result=result,
        )
        saved = None
        if args.save and not args.force and not _save_again(store, bank, sheet, file, lang):
            failed = True
        elif args.save:
            try:
                saved, record = store.save_new(record)
            except OSError as error:
                failed = True
                print(f"{PROG}: {t('cli.cannot_save', lang, path=store.root, file=file, reason=_reason(error, lang))}",
                      file=sys.stderr)
        earlier = _earlier(data, bank)
        if args.json:
            print(json_dumps(_assessment_json(file, record, saved) | {"earlier": earlier}))
        else:
            if earlier:
                console.print(t("cli.bank_changed", lang, was=_inert(earlier["bank_version"]), now=bank.version,
                                level=level_label(bank, earlier["level"], lang)), style="yellow", markup=False)
            print_text(record, bank, lang, console, saved=saved is not None)
            if saved:
                console.file.flush()
                print(t("cli.saved", lang, path=_inert(str(saved))))  # plain: a path is not markup, never wrapped
            if file != args.files[-1]:
                console.rule()
    return 1 if failed else 0


def _save_again(store, bank, sheet, file: str, lang: str) -> bool:
    """False when a record with the same client, answers, notes and skips exists and the user
    does not confirm saving another (without a terminal to ask on, only --force saves it)."""
    from wizard.model.clients import same_client
    from wizard.i18n import t
    from wizard.model.problems import InvalidFile
    from wizard.model.records import read_record

    try:
        listed = [e for e in store.summaries(bank) if e.summary and same_client(e.summary.client, sheet.client)]
    except OSError:
        return True  # the save itself will say why the folder cannot be used
    for entry in listed:
        try:
            record = read_record(entry.path, bank)
        except InvalidFile:
            continue
        if (record.answers, record.notes, set(record.skipped)) == (sheet.answers, sheet.notes, set(sheet.skipped)):
            from wizard.i18n import day

            message = t("cli.assess.identical", lang, file=file, id=record.id, date=day(record.created.date(), lang))
            if sys.stdin.isatty() and sys.stderr.isatty():
                print(message, file=sys.stderr)
                return input(t("cli.assess.save_another", lang)).strip().lower() in ("y", "yes", "t", "tak")
            print(f"{PROG}: {message} {t('cli.assess.use_force', lang)}", file=sys.stderr)
            return False
    return True


def _earlier(data: dict, bank) -> dict | None:
    """A record assessed again: its bank version and level when its bank was another one, so
    that a changed result is never mistaken for a changed client."""
    from wizard.model.bank import LEVELS

    version, result = data.get("bank_version"), data.get("result")
    level = result.get("level") if isinstance(result, dict) else None
    if isinstance(version, str) and version != bank.version and level in LEVELS:
        return {"bank_version": version, "level": level}
    return None


def _assessment_json(source: str, record, saved) -> dict:
    result = record.result
    def change(c):
        if c is None:
            return None
        then = {"question": c.then[0], "to": c.then[1]} if c.then else None
        return {"question": c.question, "from": c.was, "to": c.to, "then": then, "level": c.level}

    data = {
        "source": source,
        "client": record.client,
        "assessor": record.assessor,
        "level": result.level,
        "score": result.score,
        "confidence": result.confidence,
        "sections": result.sections,
        "problems": [{"id": p.id, "band": p.band, "state": p.state, "level": p.level} for p in result.problems],
        "principles": list(result.principles),
        "reasons": [{"question": r.question, "share": r.share, "decisive": r.decisive} for r in result.reasons],
        "counterfactual": {"milder": change(result.milder), "harsher": change(result.harsher)},
        "warnings": [{"id": w.id, "kind": w.kind, "text": w.text} for w in result.warnings],
        "range": {"from": result.range[0], "to": result.range[1]} if result.range else None,
        "open_questions": list(result.open_questions),
        "actions": [{"id": a.id, "text": a.text} for a in result.actions],
        "review_date": result.review_date.isoformat(),
        "exit_plan": [{"id": s.id, "stage": s.tag, "text": s.text} for s in result.exit_plan],
        "staged_exit": result.staged_exit,
    }
    if record.ledger is not None:
        data["from_ledger"] = list(record.from_ledger)
    if saved:
        data["record"] = str(saved)
    return data


def cmd_list(args) -> int:
    from functools import cache

    from wizard.model.clients import contains, same_client
    from wizard.i18n import t

    lang, store = _lang(args), _store(args)
    bank = cache(lambda: _bank(args))  # an empty folder never loads the question bank
    try:
        entries = store.summaries(bank)  # from the list cache (wizard/storage/index.py), never stale
    except OSError as error:
        raise _Fail([t("cli.cannot_read_folder", lang, path=store.root, reason=_reason(error, lang))]) from None
    readable = [entry for entry in entries if entry.summary is not None]
    problems = [p for entry in entries for p in entry.problems]
    if readable:
        problems += _folder_problems(store.root, readable)
    for problem in problems:
        print(f"{PROG}: {problem}", file=sys.stderr)
    shown = readable
    if args.client:
        shown = [entry for entry in readable if contains(entry.summary.client, args.client)]
        partial = sorted({e.summary.client for e in shown if not same_client(e.summary.client, args.client)})
        if partial:  # matched by a part of the name: say which clients, so none is taken for another
            print(t("cli.list.partial", lang, client=_inert(args.client), names=", ".join(map(_inert, partial))),
                  file=sys.stderr)
    from wizard.model.conflicts import conflicting_clients

    conflicts = conflicting_clients(e.summary for e in readable)
    clashing = {r.id for items in conflicts.values() for r in items}
    if args.json:
        from wizard.inert import json_dumps

        for entry in shown:
            record = entry.summary
            print(json_dumps({
                "id": record.id, "path": str(entry.path), "created": record.created.isoformat(),
                "client": record.client, "assessor": record.assessor, "level": record.level,
                "recommended": record.recommended, "score": record.score, "status": record.status,
                "review_date": record.review_date.isoformat() if record.review_date else None,
                "conflict": record.id in clashing,
            }))
    elif shown:
        _print_table(shown, bank(), lang, clashing)
        from wizard.render.report_review import conflict_text

        for items in conflicts.values():
            if any(e.summary in items for e in shown):
                print(conflict_text(items, bank(), lang))
    if not shown and args.client and readable:
        _say_no_client(args.client, [e.summary.client for e in readable], lang, store.root, len(readable))
    elif not shown and not args.json and len(readable) == len(entries):
        print(t("cli.no_records", lang, path=store.root))
    return 1 if problems else 0


def _folder_problems(root: Path, readable) -> list:
    """Two records with one id; a forgotten client's data merged back (wizard.storage.checks)."""
    from wizard.storage import checks

    pairs = [(entry.path, entry.summary) for entry in readable]
    return checks.duplicate_problems(pairs) + checks.forgotten_problems(root, pairs)


def _say_no_client(client: str, names: list[str], lang: str, folder, count: int) -> None:
    from wizard.model.clients import close_names
    from wizard.i18n import t

    print(t("cli.list.no_match", lang, client=_inert(client), count=count, path=folder), file=sys.stderr)
    similar = close_names(client, names)
    if similar:
        print(t("clients.similar", lang, names=", ".join(map(_inert, similar))), file=sys.stderr)


def _print_table(entries, bank, lang: str, clashing: set[str] = frozenset()) -> None:
    """The records as aligned columns. The level, date, score and status are never cut: the
    client's and the assessor's names are cut when the terminal is narrow, and the assessor's
    column is left out when even that is not enough."""
    import shutil

    from wizard.i18n import t

    levels = {level.id: level.label(lang) for level in bank.levels}
    rows = []
    for entry in entries:
        record = entry.summary
        rows.append((f"{record.created:%Y-%m-%d}", _inert(record.client), _inert(record.assessor),
                     levels.get(record.level, record.level) if record.level else "-",
                     "-" if record.score is None else str(record.score),
                     ("≠ " if record.id in clashing else "") + t("status." + record.status, lang)))
    header = tuple(t("cli.col." + name, lang) for name in ("date", "client", "assessor", "level", "score", "status"))
    widths = [max(_width(row[i]) for row in (header, *rows)) for i in range(6)]
    widths[3] = max(widths[3], *(_width(label) for label in levels.values()))  # same width whatever is listed
    widths[2] = min(widths[2], max(14, _width(header[2])))
    terminal, least = shutil.get_terminal_size((100, 24)).columns, max(12, _width(header[1]))
    columns = [0, 1, 2, 3, 4, 5]

    def room() -> int:  # what the client's name may take beside the other columns shown
        return terminal - 2 * (len(columns) - 1) - sum(widths[i] for i in columns if i != 1)

    if room() < least:
        columns.remove(2)  # too narrow for both names even when cut: the assessor gives way
    widths[1] = min(widths[1], max(least, room()))
    for row in (header, *rows):
        cells = [_fit(row[i], widths[i], right=(i == 4)) for i in columns]
        print("  ".join(cells).rstrip())


def _is_text(value: str) -> bool:
    """False for bytes that were not valid in the terminal's encoding (kept as surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return all(ch.isprintable() for ch in value)


def _width(text: str) -> int:
    """Columns a text takes in a terminal: wide (CJK) characters two, combining marks none."""
    import unicodedata

    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def _fit(text: str, width: int, right: bool = False) -> str:
    """`text` cut with … to `width` columns, then padded to exactly `width`."""
    if _width(text) > width:
        while text and _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    pad = " " * (width - _width(text))
    return pad + text if right else text + pad


def cmd_show(args) -> int:
    from wizard.model.problems import InvalidFile
    from wizard.model.records import read_record, to_toml
    from wizard.inert import unicode_escaped
    from wizard.render.report import markdown, print_text

    bank, store, lang = _bank(args), _store(args), _lang(args)
    path = find_record(store, args.record, bank, lang)
    try:
        record = read_record(path, bank)
    except InvalidFile as error:
        raise _Fail(_problems(error)) from None
    if args.format == "toml":
        sys.stdout.write(unicode_escaped(to_toml(record)))  # the exact text, no raw control
        return 0
    items, problems = _feedback_on(record, path, store)
    if args.format == "markdown":
        sys.stdout.write(markdown(record, bank, lang, items))
    else:
        print_text(record, bank, lang, _console(), feedback=items)
    for problem in problems:
        print(f"{PROG}: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _feedback_on(record, path: Path, store):
    """The teammates' feedback on a record, oldest first, and the problems of broken files.
    Feedback sits in the records folder the record file is in (usually the store's)."""
    from wizard.storage import feedback

    folder = path.resolve().parent
    root = folder.parent if folder.name == "drafts" else folder
    try:
        entries = feedback.load(root, record.id)
    except ValueError:  # no record id: no feedback
        return [], []
    return feedback.good(entries), feedback.broken({record.id: entries})


def cmd_validate(args) -> int:
    from wizard.model import bank as bank_module
    from wizard.i18n import t
    from wizard.model.problems import InvalidFile, read_toml
    from wizard.model.records import parse_answers, parse_record

    lang = _lang(args)
    failed = False
    for name in args.paths:
        path = Path(name)
        if path.is_dir() and not _is_bank_folder(path):
            failed = not _validate_records_folder(path, args, lang) or failed
            continue
        try:
            if path.is_dir():
                loaded = bank_module.load(path)
                what = t("cli.what.bank", lang, count=len(loaded.questions))
            else:
                data = read_toml(path)
                if "late_payments" in data and "window" in data:
                    _validate_ledger_rules(path, lang)
                    continue
                if "version" in data and ("section" in data or "level" in data):
                    loaded = bank_module.load(path)
                    what = t("cli.what.bank", lang, count=len(loaded.questions))
                elif "schema" in data:
                    parse_record(data, name, _bank(args))
                    what = t("cli.what.record", lang)
                else:
                    sheet = parse_answers(data, name, _bank(args))
                    what = t("cli.what.answers", lang, count=len(sheet.answers))
        except InvalidFile as error:
            failed = True
            for line in _problems(error):
                print(f"{PROG}: {line}", file=sys.stderr)
            continue
        print(t("cli.valid", lang, path=_inert(name), what=what))
        if path.is_dir() and (path / "ledger.toml").is_file():  # a bank folder: its ledger rules too
            try:
                _validate_ledger_rules(path / "ledger.toml", lang)
            except InvalidFile as error:
                failed = True
                for line in _problems(error):
                    print(f"{PROG}: {line}", file=sys.stderr)
    return 1 if failed else 0


def _validate_ledger_rules(path: Path, lang: str) -> None:
    """The rules that draw answers from a ledger (questions/ledger.toml). Raises InvalidFile."""
    from wizard.i18n import t
    from wizard.model.ledger_rules import parse_rules
    from wizard.model.problems import read_toml

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


def _validate_records_folder(folder: Path, args, lang: str) -> bool:
    """Every record, draft and feedback file of a records folder, each broken one reported with
    its file and field; and two records with one id, a forgotten client's data merged back, a
    broken tombstone. True when all is well."""
    from wizard.storage import feedback
    from wizard.i18n import t
    from wizard.storage import checks, forgotten
    from wizard.storage.store import RecordStore

    bank = _bank(args)
    store = RecordStore(folder)
    records, drafts = store.scan(bank), store.scan_drafts(bank)
    on_records = feedback.load_all(folder)
    problems = [p for entry in records + drafts for p in entry.problems] + feedback.broken(on_records)
    readable = [(entry.path, entry.record) for entry in records if entry.record is not None]
    problems += checks.duplicate_problems(readable) + checks.forgotten_problems(folder, readable)
    problems += forgotten.problems(folder)
    for problem in problems:
        print(f"{PROG}: {problem}", file=sys.stderr)
    counts = {"records": len(records), "drafts": len([e for e in drafts if e.path != store.drafts]),
              "feedback": sum(len(entries) for rid, entries in on_records.items() if rid)}
    what = t("cli.what.folder", lang, **counts)
    broken = len({p.file for p in problems})
    if broken:
        print(t("cli.invalid_folder", lang, path=_inert(str(folder)), what=what, broken=broken))
    else:
        print(t("cli.valid", lang, path=_inert(str(folder)), what=what))
    return not broken


def cmd_tui(args) -> int:
    for option in ("client", "assessor"):
        value = getattr(args, option, None)
        if value is not None and (not value.strip() or not _is_text(value)):
            from wizard.i18n import t

            raise _Fail([t("cli.not_a_name", _lang(args), option=option, value=repr(value))], 2)
    earlier = None
    if getattr(args, "from_record", None):  # reassess: the record must exist before a screen opens
        earlier = find_record(_store(args), args.from_record, _bank(args), _lang(args))
    drawn = None
    if getattr(args, "ledger", None):  # read before any screen opens: its problems are said here
        from wizard.cli.ledger import draw

        drawn = _handled(lambda: draw(args, args.ledger, _lang(args)))
    from wizard.tui.app import run

    # The bank loads after the first screen is painted; its problems are raised from run() as before.
    return run(args, bank=lambda: _bank(args), lang=_lang(args), store=_store(args), from_record=earlier,
               ledger=drawn)


def _handled(run):
    """`run()`, with a bad file reported as file: field: message (as the commands' handlers do)."""
    from wizard.model.problems import InvalidFile

    try:
        return run()
    except InvalidFile as error:
        raise _Fail(_problems(error)) from None


def _handler(target: str):
    """A command implemented in another module, imported only when that command runs."""

    def run(args) -> int:
        import importlib

        module, function = target.split(":")
        try:
            return getattr(importlib.import_module(module), function)(args)
        except _Fail:
            raise
        except Exception as error:
            from wizard.model.problems import InvalidFile

            if isinstance(error, InvalidFile):
                raise _Fail(_problems(error)) from None
            raise

    return run


COMMANDS = {
    "assess": cmd_assess,
    "list": cmd_list,
    "show": cmd_show,
    "validate": cmd_validate,
    "home": cmd_tui,
    "new": cmd_tui,
    "resume": cmd_tui,
    "review": cmd_tui,
    "demo": _handler("wizard.cli.review:demo"),
    "compare": _handler("wizard.cli.review:compare"),
    "history": _handler("wizard.cli.review:history"),
    "decide": _handler("wizard.cli.review:decide"),
    "feedback": _handler("wizard.cli.review:feedback"),
    "team": _handler("wizard.cli.review:team"),
    "forget": _handler("wizard.cli.privacy:forget"),
    "config": _handler("wizard.cli.setup:config"),
    "template": _handler("wizard.cli.setup:template"),
    "due": _handler("wizard.cli.due:due"),
    "evidence": _handler("wizard.cli.ledger:evidence"),
    "clients": _handler("wizard.cli.ledger:clients"),
}
