"""`demo`: a folder of sample decisions and a ledger, opened in the review screen (or, without
a terminal, described with the commands to try on it)."""

from __future__ import annotations

import sys
from pathlib import Path

from wizard.cli.context import PROG, Context
from wizard.model.problems import InvalidFile, Problem
from wizard.storage import files


def _review_screen():
    """The TUI's entry point, or None when this installation has no TUI."""
    try:
        from wizard.tui.app import run
    except ModuleNotFoundError as error:
        if error.name in ("wizard.tui", "wizard.tui.app"):
            return None
        raise
    return run


def run(ctx: Context) -> int:
    import shlex
    import tempfile

    from wizard.cli.demo_folder import build
    from wizard.i18n import t
    from wizard.storage.store import RecordStore

    args, bank, lang = ctx.args, ctx.bank, ctx.lang
    if args.keep:
        folder = Path(args.keep).expanduser()
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise InvalidFile([Problem(str(folder), "", t("review.demo.not_empty", lang))])
    else:
        folder = Path(tempfile.mkdtemp(prefix="client-exit-demo-"))
    sample = build(folder, bank, lang)
    screen = _review_screen() if sys.stdout.isatty() and sys.stdin.isatty() else None
    if screen is not None:
        from wizard.cli.ledger import draw

        try:
            return screen(bank, RecordStore(folder), lang, command="review", ledger=draw(args, str(sample.ledger), lang))
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
        print(f"  {PROG} {line}")
    return 0
