"""Commands on an invoice ledger: `evidence` and `clients`, and the ledger that `assess --ledger`
and the wizard's `--ledger` draw answers from (docs/ledger.md).

Each command takes the parsed `args` and returns an exit code: 1 when rows were left out or a
client asked for is not in the ledger (as `list` does with broken files). A ledger that cannot be
read at all raises `InvalidFile` (printed as file: field: message). Nothing here imports Textual.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from wizard.cli.context import Context, Fail, say
from wizard.render.columns import fit_columns, fitted, text_width
from wizard.inert import inert, json_dumps
from wizard.i18n import day, t
from wizard.model.evidence import ClientEvidence, Drawn, derive
from wizard.model.invoices import Ledger, default_window

PROBLEMS_SHOWN = 20  # rows with problems listed one by one; the others are counted


def draw(args, path: str, lang: str) -> Drawn:
    """Read the ledger at `path` with the command's options (--map, --since, --until, --currency)
    and draw every client's answers. Its row problems are printed to stderr as they are found."""
    from wizard.model.problems import InvalidFile
    from wizard.storage.ledger import load_rules, read_ledger
    from wizard.storage.ledger_columns import parse_map
    from wizard.storage.ledger_cells import BadCell, parse_date

    mapping = {}
    if getattr(args, "map", None):
        try:
            mapping = parse_map(args.map)
        except ValueError as error:
            raise Fail([t("ledger.bad_map", lang, message=error)], 2) from None
    bounds = {}
    for option in ("since", "until"):
        text = getattr(args, option, None)
        if text:
            bounds[option] = parse_date(text)
            if isinstance(bounds[option], BadCell):
                raise Fail([t("ledger.bad_date", lang, option=option, message=bounds[option])], 2)
    if "since" in bounds and "until" in bounds and bounds["since"] > bounds["until"]:
        raise Fail([t("ledger.dates_reversed", lang, since=args.since, until=args.until)], 2)
    try:
        rules = load_rules(Path(args.questions) if getattr(args, "questions", None) else None)
    except InvalidFile as error:
        raise Fail([str(problem) for problem in error.problems], 2) from None
    ledger = read_ledger(path, mapping)
    report(ledger, lang)
    window = default_window(ledger, rules, date.today(), bounds.get("since"), bounds.get("until"))
    if window.since > window.until:
        raise Fail([t("ledger.dates_reversed", lang, since=window.since, until=window.until)], 2)
    currency = getattr(args, "currency", None)
    return Drawn(ledger, rules, window, derive(ledger, rules, window, currency.upper() if currency else None))


def report(ledger: Ledger, lang: str) -> None:
    """The ledger's problems on stderr, the first ones in full and the others counted."""
    for problem in ledger.problems[:PROBLEMS_SHOWN]:
        say(inert(str(problem)))
    if len(ledger.problems) > PROBLEMS_SHOWN:
        say(t('ledger.more_problems', lang, count=len(ledger.problems) - PROBLEMS_SHOWN))


def _code(drawn: Drawn) -> int:
    return 1 if drawn.ledger.problems else 0


def prefill(drawn: Drawn, sheet, lang: str):
    """`sheet` with the answers the ledger gives its client (see records.with_evidence), or None
    when the client is not in the ledger (then said on stderr, with close names)."""
    from wizard.model.records import with_evidence
    from wizard.render.evidence import for_record, source

    found = drawn.find(sheet.client)
    if found is None:
        _no_client(drawn, sheet.client, lang)
        return None
    return with_evidence(sheet, for_record(found, lang), source(drawn.ledger.name, drawn.window))


# ---------------------------------------------------------------------------------------------


def evidence(ctx: Context) -> int:
    """`client-exit evidence LEDGER [--client NAME] [--json]`: the answers drawn and their evidence."""
    from wizard.render.evidence import evidence_json

    args, lang = ctx.args, ctx.lang
    drawn = draw(args, args.ledger, lang)
    shown = drawn.clients
    if args.client:
        found = drawn.find(args.client)
        if found is None:
            _no_client(drawn, args.client, lang)
            return 1
        shown = [found]
    if args.json:
        for found in shown:
            print(json_dumps(evidence_json(found, lang)))
        return _code(drawn)
    ledger, window = drawn.ledger, drawn.window
    encoding, delimiter, decimal = ledger.dialect
    print(inert(t("ledger.summary", lang, file=ledger.file, invoices=len(ledger.invoices),
                           clients=len(drawn.clients), since=day(window.since, lang), until=day(window.until, lang))))
    print(t("ledger.read_as", lang, encoding=encoding, delimiter=_quoted(delimiter, lang), decimal=_quoted(decimal, lang)))
    if ledger.left_out_total:
        print(t("ledger.rows_left_out", lang, count=ledger.left_out_total))
    if not shown:
        print(t("ledger.nothing", lang, since=day(window.since, lang), until=day(window.until, lang)))
    _print_evidence(shown, ctx.bank, lang, ctx.console)
    return _code(drawn)


def _quoted(mark: str, lang: str) -> str:
    if mark == "\t":
        return "tab" if lang == "en" else "tabulator"
    return f"“{mark}”" if lang == "en" else f"„{mark}”"


def _no_client(drawn: Drawn, client: str, lang: str) -> None:
    say(inert(t('ledger.no_client', lang, client=client, file=drawn.ledger.file)))
    similar = drawn.similar(client)
    if similar:
        print(inert(t("clients.similar", lang, names=", ".join(similar))), file=sys.stderr)


def _print_evidence(shown: list[ClientEvidence], bank, lang: str, console) -> None:
    from rich.padding import Padding
    from rich.text import Text

    from wizard.render.evidence import evidence_texts
    from wizard.render.report import answer_text, question_text

    for found in shown:
        console.print()
        console.print(Text(inert(found.client), style="bold"))
        answers, texts = found.answers, evidence_texts(found, lang)
        for question in found.facts:
            line = Text(f"{question_text(bank, question, lang)}  ")
            if question in answers:
                line.append(answer_text(bank, question, answers[question], lang), style="bold")
            else:
                line.append(t("ledger.not_derived", lang), style="yellow")
            console.print(Padding(line, (0, 0, 0, 2)))
            console.print(Padding(Text(inert(texts[question]), style="dim"), (0, 0, 0, 6)))


# ---------------------------------------------------------------------------------------------


def clients(ctx: Context) -> int:
    """`client-exit clients [--json] [--ledger LEDGER]`: one row per client, attention first."""
    from wizard.model.portfolio import portfolio
    from wizard.render.portfolio import concentration_lines, row_json, unmatched_lines

    args, lang, store = ctx.args, ctx.lang, ctx.store
    drawn = draw(args, args.ledger, lang) if args.ledger else None
    listed = ctx.summaries()
    for item in listed:
        for problem in item.problems:
            say(inert(str(problem)))
    summaries = [item.summary for item in listed if item.summary is not None]
    found = portfolio(summaries, date.today(), drawn.clients if drawn else None, drawn.rules if drawn else None)
    failed = len(summaries) < len(listed) or bool(drawn and drawn.ledger.problems)
    if args.json:
        for row in found.rows:
            print(json_dumps(row_json(row, drawn is not None)))
        return 1 if failed else 0
    for line in concentration_lines(found, lang, drawn is not None):
        print(inert(line))
    if found.rows:
        print()
        _print_rows(found, ctx.bank, lang, drawn is not None)
        print()
        print(t("portfolio.order", lang))
    else:
        ledger = t("portfolio.no_ledger_clients", lang) if drawn else ""
        print(t("portfolio.none", lang, path=store.root, ledger=ledger))
    for line in unmatched_lines(found, lang):
        print(inert(line))
    return 1 if failed else 0


def _print_rows(found, bank, lang: str, with_ledger: bool) -> None:
    """Aligned columns, as `list` draws them (no rich: `clients` starts as fast as `list`); the
    client's name is cut with … when the terminal is narrow, never a level or a figure."""
    import shutil

    from wizard.render.portfolio import COLUMNS, LEDGER_COLUMNS, cells
    from wizard.render.report import short_level_label

    keys = [key for key in COLUMNS if with_ledger or key not in LEDGER_COLUMNS]
    levels = {level.id: short_level_label(level.id, lang) for level in bank.levels}  # never cut
    header = {key: t(f"portfolio.col.{key}", lang) for key in keys}
    rows = [{key: inert(text) for key, text in cells(row, levels, lang).items()} for row in found.rows]
    widths = {key: max(text_width(line[key]) for line in (header, *rows)) for key in keys}
    right = {"score", "revenue", "late", "owed"}
    widths = fit_columns(widths, shutil.get_terminal_size((100, 24)).columns, shrink=[("client", 12)], gap=2)
    for line in (header, *rows):
        print("  ".join(fitted(line[key], widths[key], right=key in right) for key in keys).rstrip())
