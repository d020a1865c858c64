"""Command handlers: compare, history, decide, feedback, team and demo.

Each takes the parsed `args` and returns an exit code. A bad record reference or a broken file
raises `InvalidFile` (printed by the CLI as file: field: message); nothing here imports Textual
except `demo`, and only when it opens the review screen in a terminal.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from wizard.cli import main as cli
from wizard.model.problems import InvalidFile, Problem
from wizard.inert import inert
from wizard.storage import files


def _load(store, ref: str, bank, lang: str):
    from wizard.model.records import read_record

    path = cli.find_record(store, ref, bank, lang)
    return path, read_record(path, bank)


def _report_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(f"{cli.PROG}: {problem}", file=sys.stderr)


def _emit_json(data: dict) -> None:
    from wizard.inert import json_dumps

    print(json_dumps(data, indent=2))


# ---------------------------------------------------------------------------------------------


def compare(args) -> int:
    from wizard.model.compare import compare as compare_records
    from wizard.render.report_review import comparison_json, markdown_comparison, print_comparison

    bank, store, lang = cli._bank(args), cli._store(args), cli._lang(args)
    _, first = _load(store, args.first, bank, lang)
    _, second = _load(store, args.second, bank, lang)
    if first.id == second.id:
        from wizard.i18n import t

        print(f"{cli.PROG}: {t('cli.compare.itself', lang, id=first.id)}", file=sys.stderr)
    result = compare_records(bank, first, second)
    if args.format == "json":
        _emit_json(comparison_json(result))
    elif args.format == "markdown":
        sys.stdout.write(markdown_comparison(result, bank, lang))
    else:
        print_comparison(result, bank, lang, cli._console())
    return 0


def history(args) -> int:
    from wizard.render.report_review import history_json, markdown_history, print_history
    from wizard.model.team import gather, history as client_history

    bank, lang, store = cli._bank(args), cli._lang(args), cli._store(args)
    found = gather(store, bank, args.client)
    _report_problems(found.problems)
    result = client_history(found.records, args.client, found.feedback)
    today = date.today()
    if args.format == "json":
        _emit_json(history_json(result, today))
    elif args.format == "markdown":
        sys.stdout.write(markdown_history(result, bank, lang, today))
    else:
        print_history(result, bank, lang, cli._console(), today)
    return _code(args, result.records, found)


def team(args) -> int:
    from wizard.render.report_review import markdown_team, print_team, team_json
    from wizard.model.team import gather, team_view

    bank, lang, store = cli._bank(args), cli._lang(args), cli._store(args)
    found = gather(store, bank, args.client)
    _report_problems(found.problems)
    result = team_view(bank, found.records, args.client, found.feedback)
    if args.format == "json":
        _emit_json(team_json(result))
    elif args.format == "markdown":
        sys.stdout.write(markdown_team(result, bank, lang))
    else:
        print_team(result, bank, lang, cli._console())
    return _code(args, result.members, found)


def _code(args, shown, found) -> int:
    """1 when the client has no assessments or some files could not be read (as `list` does);
    with no assessments, the names of clients that come close are suggested."""
    from wizard.i18n import t

    lang = cli._lang(args)
    if not shown and args.format != "text":  # the text output says so itself
        print(f"{cli.PROG}: {t('review.no_client', lang, client=inert(args.client))}", file=sys.stderr)
    if not shown and found.similar:
        print(t("clients.similar", lang, names=", ".join(map(inert, found.similar))), file=sys.stderr)
    return 0 if shown and not found.problems else 1


def decide(args) -> int:
    from wizard.i18n import t

    lang = cli._lang(args)
    by = cli.who(args, "decide")  # every step of a record's history says who took it: never guessed
    bank, store = cli._bank(args), cli._store(args)
    path = cli.find_record(store, args.record, bank, lang)
    older_paths = [cli.find_record(store, ref, bank, lang) for ref in args.supersedes]
    try:
        # Read, change and write under the folder's lock: a decision taken meanwhile by someone
        # else is read here first, so it is built on, or this step is refused, never lost.
        with store.lock("decide"):
            record, linked = _decided(args, by, store, bank, lang, path, older_paths)
            # Every check passed before anything is written: a refused command changes no file.
            for target, changed in ((path, record), *linked):
                try:
                    store.update(target, changed)
                except OSError as error:
                    raise cli._Fail([t("cli.cannot_write", lang, path=target, reason=files.reason(error, lang))]) from None
    except OSError as error:  # the lock: held too long by another program, or cannot be made
        raise cli._Fail([t("cli.cannot_write", lang, path=path, reason=files.reason(error, lang))]) from None
    for _, old in linked:
        print(t("review.cli.superseded", lang, old=old.id, new=record.id))
    if record.status_history[-1].comment:
        print(t("cli.decide.as_comment", lang))
    print(t("review.cli.decided", lang, status=t("status." + record.status, lang), path=inert(str(path))))
    return 0


def _decided(args, by: str, store, bank, lang: str, path: Path, older_paths: list[Path]):
    """The record after this decision, and the older records it supersedes, as read now.
    Raises InvalidFile naming the record and the field when the lifecycle refuses the step
    (with the status the record has now)."""
    from wizard.model.lifecycle import LifecycleError, decide as decide_record, supersede
    from wizard.model.records import read_record

    record = read_record(path, bank)
    older = [(old_path, read_record(old_path, bank)) for old_path in older_paths]
    older += _reassessed(store, record, args.status, bank, lang, {old.id for _, old in older})
    try:
        record = decide_record(
            record, args.status, level=args.level, reason=args.reason or "", outcome=args.outcome or "",
            by=by, decision_makers=args.decision_makers, consulted=args.consulted, informed=args.informed,
        )
    except LifecycleError as error:
        raise InvalidFile([Problem(str(path), error.field, error.text(lang, bank) + _last_step(record, lang))]) from None
    linked = []
    for old_path, old in older:
        try:
            record, old = supersede(record, old, by=by, at=record.status_history[-1].at)
        except LifecycleError as error:
            raise InvalidFile([Problem(str(old_path), error.field, error.text(lang, bank))]) from None
        linked.append((old_path, old))
    return record, linked


def _last_step(record, lang: str) -> str:
    """Who took the record to the status it has now, and when: what changed, when a step is
    refused because someone else decided first."""
    from wizard.i18n import t

    if not record.status_history:
        return ""
    last = record.status_history[-1]
    when = f"{last.at:%Y-%m-%d %H:%M:%S}" if last.at else "?"
    return t("cli.decide.now", lang, status=t("status." + last.status, lang), by=inert(last.by) or "?", date=when)


def _reassessed(store, record, status: str, bank, lang: str, named: set[str]) -> list:
    """The records a reassessment was carried over from, to supersede now that it is accepted.
    One that is gone (forgotten, or in another folder) is named and left out."""
    from wizard.i18n import t
    from wizard.model.lifecycle import to_supersede
    from wizard.model.problems import NoSuchRecord
    from wizard.model.records import read_record

    found = []
    for ref in to_supersede(record, status):
        if ref in named:
            continue
        try:
            path = store.find(ref, bank)
            found.append((path, read_record(path, bank)))
        except (NoSuchRecord, InvalidFile):
            print(f"{cli.PROG}: {t('reassess.earlier_missing', lang, id=inert(ref))}", file=sys.stderr)
    return found


def feedback(args) -> int:
    from wizard.storage import feedback as feedback_files
    from wizard.i18n import t

    lang = cli._lang(args)
    by = cli.who(args, "feedback")
    bank, store = cli._bank(args), cli._store(args)
    path, record = _load(store, args.record, bank, lang)
    item = feedback_files.make(record.id, by, args.stance, args.comment or "")
    try:
        saved = feedback_files.add(store.root, item)
    except OSError as error:
        raise cli._Fail([t("cli.cannot_write", lang, path=store.root, reason=files.reason(error, lang))]) from None
    print(t("review.cli.feedback_saved", lang, path=inert(str(saved))))
    return 0


def _review_screen():
    """The TUI's entry point, or None when this installation has no TUI."""
    try:
        from wizard.tui.app import run
    except ModuleNotFoundError as error:
        if error.name in ("wizard.tui", "wizard.tui.app"):
            return None
        raise
    return run


def demo(args) -> int:
    import shlex
    import tempfile

    from wizard.storage.demo import build
    from wizard.i18n import t
    from wizard.storage.store import RecordStore

    bank, lang = cli._bank(args), cli._lang(args)
    if args.keep:
        folder = Path(args.keep).expanduser()
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise InvalidFile([Problem(str(folder), "", t("review.demo.not_empty", lang))])
    else:
        folder = Path(tempfile.mkdtemp(prefix="client-exit-demo-"))
    sample = build(folder, bank, lang)
    run = _review_screen() if sys.stdout.isatty() and sys.stdin.isatty() else None
    if run is not None:
        from wizard.cli.ledger import draw

        args.command = "review"
        args.records_dir = str(folder)
        try:
            return run(args, bank=bank, lang=lang, store=RecordStore(folder), ledger=draw(args, str(sample.ledger), lang))
        finally:
            if not args.keep:
                try:
                    files.delete(folder.parent, folder)
                except OSError:
                    pass  # a temporary folder: the system cleans it up in the end
    print(t("review.demo.folder", lang, path=folder))
    print(t("review.demo.summary", lang, records=len(sample.records), clients=len(sample.clients),
            feedback=sample.feedback, overdue=len(sample.overdue)))
    print(t("review.demo.try", lang))
    where = f" --records-dir {shlex.quote(str(folder))}"
    ledger, first = shlex.quote(str(sample.ledger)), shlex.quote(sample.clients[0])
    for line in ("list" + where, f"history {first}" + where, f"team {shlex.quote(sample.clients[1])}" + where,
                 f"clients --ledger {ledger}" + where, f"evidence {ledger} --client {first}"):
        print(f"  {cli.PROG} {line}")
    return 0
