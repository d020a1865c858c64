"""The command line's grammar: every command, its arguments and options, and their help."""

from __future__ import annotations

import argparse

from wizard import __version__
from wizard.cli.context import PROG

CLIENT_HELP = "the client's exact name (case and spacing aside); close names are suggested when none matches"
FORMAT_HELP = "coloured text (default), Markdown, or JSON for scripts"


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

    # --- review and team consultation (handlers in wizard/cli/views.py, decisions.py, demo.py and due.py) ---
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
