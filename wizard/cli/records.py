"""`list` and `show`: the records folder as a table, and one record in full."""

from __future__ import annotations

import sys
from pathlib import Path

from wizard.cli.context import Context, inert, say
from wizard.i18n import t

def list_records(ctx: Context) -> int:
    from wizard.model.clients import contains, same_client

    args = ctx.args
    lang, store = ctx.lang, ctx.store
    entries = ctx.summaries()  # from the list cache (wizard/storage/index.py), never stale
    readable = [entry for entry in entries if entry.summary is not None]
    problems = [p for entry in entries for p in entry.problems]
    if readable:
        problems += _folder_problems(store.root, readable)
    for problem in problems:
        say(str(problem))
    shown = readable
    if args.client:
        shown = [entry for entry in readable if contains(entry.summary.client, args.client)]
        partial = sorted({e.summary.client for e in shown if not same_client(e.summary.client, args.client)})
        if partial:  # matched by a part of the name: say which clients, so none is taken for another
            print(t("cli.list.partial", lang, client=inert(args.client), names=", ".join(map(inert, partial))),
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
        _print_table(shown, ctx.bank, lang, clashing)
        from wizard.render.comparison import conflict_text

        for items in conflicts.values():
            if any(e.summary in items for e in shown):
                print(conflict_text(items, ctx.bank, lang))
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

    print(t("cli.list.no_match", lang, client=inert(client), count=count, path=folder), file=sys.stderr)
    similar = close_names(client, names)
    if similar:
        print(t("clients.similar", lang, names=", ".join(map(inert, similar))), file=sys.stderr)


def _print_table(entries, bank, lang: str, clashing: set[str] = frozenset()) -> None:
    """The records as aligned columns. The level, date, score and status are never cut: the
    client's and the assessor's names are cut when the terminal is narrow, and the assessor's
    column is left out when even that is not enough."""
    import shutil

    from wizard.render.columns import fit_columns, fitted, text_width

    levels = {level.id: level.label(lang) for level in bank.levels}
    rows = []
    for entry in entries:
        record = entry.summary
        rows.append((f"{record.created:%Y-%m-%d}", inert(record.client), inert(record.assessor),
                     levels.get(record.level, record.level) if record.level else "-",
                     "-" if record.score is None else str(record.score),
                     ("≠ " if record.id in clashing else "") + t("status." + record.status, lang)))
    keys = ("date", "client", "assessor", "level", "score", "status")
    header = tuple(t("cli.col." + key, lang) for key in keys)
    natural = {key: max(text_width(row[i]) for row in (header, *rows)) for i, key in enumerate(keys)}
    natural["level"] = max(natural["level"], *(text_width(label) for label in levels.values()))  # same width whatever is listed
    natural["assessor"] = min(natural["assessor"], max(14, text_width(header[2])))
    terminal = shutil.get_terminal_size((100, 24)).columns
    # The client's name is cut when the terminal is narrow; when even that is not enough, the
    # assessor's column gives way.
    widths = fit_columns(natural, terminal, shrink=[("client", max(12, text_width(header[1])))], drop=["assessor"],
                         gap=2)
    for row in (header, *rows):
        cells = [fitted(row[i], widths[key], right=(key == "score")) for i, key in enumerate(keys) if key in widths]
        print("  ".join(cells).rstrip())


def show(ctx: Context) -> int:
    from wizard.inert import unicode_escaped
    from wizard.render.report import markdown
    from wizard.render.terminal import print_text
    from wizard.storage.record_writer import to_toml

    args = ctx.args
    bank, store, lang = ctx.bank, ctx.store, ctx.lang
    path, record = ctx.read_record(args.record)
    if args.format == "toml":
        sys.stdout.write(unicode_escaped(to_toml(record)))  # the exact text, no raw control
        return 0
    items, problems = _feedback_on(record, path, store)
    if args.format == "markdown":
        sys.stdout.write(markdown(record, bank, lang, items))
    else:
        print_text(record, bank, lang, ctx.console, feedback=items)
    for problem in problems:
        say(str(problem))
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
