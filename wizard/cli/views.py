"""`compare`, `history` and `team`: saved records side by side, a client's assessments over
time, and the team's views of one client, as text, Markdown or JSON."""

from __future__ import annotations

import sys
from datetime import date

from wizard.cli.context import Context, say
from wizard.inert import inert, json_dumps


def _emit_json(data: dict) -> None:
    print(json_dumps(data, indent=2))


def compare(ctx: Context) -> int:
    from wizard.model.compare import compare as compare_records
    from wizard.render.comparison import comparison_json, markdown_comparison, print_comparison

    args = ctx.args
    bank, lang = ctx.bank, ctx.lang
    _, first = ctx.read_record(args.first)
    _, second = ctx.read_record(args.second)
    if first.id == second.id:
        say(ctx.t("cli.compare.itself", id=first.id))
    result = compare_records(bank, first, second)
    if args.format == "json":
        _emit_json(comparison_json(result))
    elif args.format == "markdown":
        sys.stdout.write(markdown_comparison(result, bank, lang))
    else:
        print_comparison(result, bank, lang, ctx.console)
    return 0


def history(ctx: Context) -> int:
    from wizard.render.history import history_json, markdown_history, print_history
    from wizard.storage.gather import gather
    from wizard.model.team import history as client_history

    args = ctx.args
    bank, lang, store = ctx.bank, ctx.lang, ctx.store
    found = gather(store, bank, args.client)
    for problem in found.problems:
        say(str(problem))
    result = client_history(found.records, args.client, found.feedback)
    today = date.today()
    if args.format == "json":
        _emit_json(history_json(result, today))
    elif args.format == "markdown":
        sys.stdout.write(markdown_history(result, bank, lang, today))
    else:
        print_history(result, bank, lang, ctx.console, today)
    return _code(ctx, result.records, found)


def team(ctx: Context) -> int:
    from wizard.render.team import markdown_team, print_team, team_json
    from wizard.storage.gather import gather
    from wizard.model.team import team_view

    args = ctx.args
    bank, lang, store = ctx.bank, ctx.lang, ctx.store
    found = gather(store, bank, args.client)
    for problem in found.problems:
        say(str(problem))
    result = team_view(bank, found.records, args.client, found.feedback)
    if args.format == "json":
        _emit_json(team_json(result))
    elif args.format == "markdown":
        sys.stdout.write(markdown_team(result, bank, lang))
    else:
        print_team(result, bank, lang, ctx.console)
    return _code(ctx, result.members, found)


def _code(ctx: Context, shown, found) -> int:
    """1 when the client has no assessments or some files could not be read (as `list` does);
    with no assessments, the names of clients that come close are suggested."""
    args = ctx.args
    if not shown and args.format != "text":  # the text output says so itself
        say(ctx.t("review.no_client", client=inert(args.client)))
    if not shown and found.similar:
        print(ctx.t("clients.similar", names=", ".join(map(inert, found.similar))), file=sys.stderr)
    return 0 if shown and not found.problems else 1
