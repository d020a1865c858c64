"""The command line's entry point: parse, run the command, and turn what stops it into a
message and an exit code. Each command lives in its own module, imported only when it runs:
commands that draw no screen never import Textual, and `--version` and `list` start fast."""

from __future__ import annotations

import sys
from collections.abc import Callable

from wizard.cli.context import Context, Fail, encodable, problem_lines, say
from wizard.cli.parser import build_parser

# Every command, and the module (in wizard/cli/) and function that run it.
COMMANDS = {
    "home": "launch:run", "new": "launch:run", "resume": "launch:run", "review": "launch:run",
    "assess": "assess:run", "list": "records:list_records", "show": "records:show", "validate": "validate:run",
    "compare": "views:compare", "history": "views:history", "team": "views:team",
    "decide": "decisions:decide", "feedback": "decisions:feedback", "demo": "demo:run",
    "due": "due:due", "evidence": "ledger:evidence", "clients": "ledger:clients",
    "config": "setup:config", "template": "setup:template", "forget": "privacy:forget",
}


def main(argv: list[str] | None = None) -> int:
    _tolerant_output()
    ctx = Context(build_parser().parse_args(argv))
    try:
        _refuse_undecodable(ctx)
        return handler(ctx.command)(ctx)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except Fail as fail:
        for line in fail.lines:
            say(line)
        return fail.code
    except OSError as error:  # a file the program could not use: say which, and what to do
        from wizard.inert import inert

        where = inert(str(error.filename)) + ": " if error.filename else ""
        say(where + ctx.reason(error))
        return 1
    except Exception as error:
        from wizard.model.problems import InvalidFile  # imported late: `list` must start fast

        if not isinstance(error, InvalidFile):
            raise
        for line in problem_lines(error):  # a bad file: file: field: what is allowed
            say(line)
        return 1


def handler(command: str) -> Callable[[Context], int]:
    """The function that runs `command`, its module imported now."""
    import importlib

    module, function = COMMANDS[command].split(":")
    return getattr(importlib.import_module(f"wizard.cli.{module}"), function)


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


def _refuse_undecodable(ctx: Context) -> None:
    """Text given on the command line must be text: bytes that are not valid in the terminal's
    encoding arrive as lone surrogates, which no file could store. (The wizard's own names are
    checked by wizard/cli/launch.py, which also refuses control characters in them.)"""
    args = ctx.args
    if COMMANDS[ctx.command].startswith("launch:"):
        return
    for option in TEXT_OPTIONS:
        values = getattr(args, option, None)
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, str) and not encodable(value):
                from wizard.inert import inert

                positional = option == "client" and args.command in ("history", "team", "forget")
                name = "CLIENT" if positional else "--" + option.replace("_", "-")
                raise Fail([ctx.t("cli.not_text", option=name, value=inert(value),
                               encoding=sys.getfilesystemencoding())], 2)
