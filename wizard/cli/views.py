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
    from wizard.model.team import history as client_history
    from wizard.render.history import history_json, markdown_history, print_history

    today = date.today()
    bank, lang = ctx.bank, ctx.lang
    return _client_report(
        ctx, lambda found: client_history(found.records, ctx.args.client, found.feedback),
        json=lambda hist: history_json(hist, today), markdown=lambda hist: markdown_history(hist, bank, lang, today),
        text=lambda hist: print_history(hist, bank, lang, ctx.console, today), shown=lambda hist: hist.records)


def team(ctx: Context) -> int:
    from wizard.model.team import team_view
    from wizard.render.team import markdown_team, print_team, team_json

    bank, lang = ctx.bank, ctx.lang
    return _client_report(
        ctx, lambda found: team_view(bank, found.records, ctx.args.client, found.feedback),
        json=team_json, markdown=lambda view: markdown_team(view, bank, lang),
        text=lambda view: print_team(view, bank, lang, ctx.console), shown=lambda view: view.members)


def _client_report(ctx: Context, build, *, json, markdown, text, shown) -> int:
    """One client's records gathered (by the one rule for names), built into a report and shown
    in the format asked for; problems of unreadable files are said first."""
    from wizard.storage.gather import gather

    found = gather(ctx.store, ctx.bank, ctx.args.client)
    for problem in found.problems:
        say(str(problem))
    report = build(found)
    if ctx.args.format == "json":
        _emit_json(json(report))
    elif ctx.args.format == "markdown":
        sys.stdout.write(markdown(report))
    else:
        text(report)
    return _code(ctx, shown(report), found)


def _code(ctx: Context, shown, found) -> int:
    """1 when the client has no assessments or some files could not be read (as `list` does);
    with no assessments, the names of clients that come close are suggested."""
    args = ctx.args
    if not shown and args.format != "text":  # the text output says so itself
        say(ctx.t("review.no_client", client=inert(args.client)))
    if not shown and found.similar:
        print(ctx.t("clients.similar", names=", ".join(map(inert, found.similar))), file=sys.stderr)
    return 0 if shown and not found.problems else 1
