"""`home`, `new`, `resume` and `review` (and no command at all): the wizard in the terminal.
What can be checked before a screen opens is checked here, and said as the other commands say
it; the TUI itself never sees the command line."""

from __future__ import annotations

from pathlib import Path

from wizard.cli.context import Context, Fail, encodable
from wizard.inert import inert


def run(ctx: Context) -> int:
    args = ctx.args
    for option in ("client", "assessor"):
        value = getattr(args, option, None)
        if value is not None and (not value.strip() or not is_text(value)):
            raise Fail([ctx.t("cli.not_a_name", option=option, value=repr(value))], 2)
    earlier = None
    if getattr(args, "from_record", None):  # reassess: the record must exist before a screen opens
        earlier = ctx.find_record(args.from_record)
    drawn = None
    if getattr(args, "ledger", None):  # read before any screen opens: its problems are said here
        from wizard.cli.ledger import draw

        drawn = ctx.handled(lambda: draw(args, args.ledger, ctx.lang))
    draft = _draft(ctx) if ctx.command == "resume" else None
    from wizard.tui.app import run as run_app

    # The bank loads after the first screen is painted; its problems are raised from run_app().
    return run_app(lambda: ctx.bank, ctx.store, ctx.lang, command=ctx.command, client=getattr(args, "client", None),
                   assessor=getattr(args, "assessor", None), draft=draft, from_record=earlier, ledger=drawn)


def _draft(ctx: Context) -> Path:
    """The draft `resume` reopens: the one named, else the newest readable one."""
    from wizard.model.problems import InvalidFile, NoSuchRecord

    store = ctx.store
    draft = None
    try:
        draft = store.find(getattr(ctx.args, "draft", None), ctx.bank, drafts=True)
        store.read(draft, ctx.bank)
    except NoSuchRecord as error:
        reason = {"none": "no_drafts", "file": "no_such_file", "id": "no_match"}.get(error.kind, error.kind)
        raise Fail([ctx.t("tui.cli." + reason, ref=inert(error.ref), path=store.drafts)]) from None
    except InvalidFile as error:
        raise Fail([ctx.t("tui.cli.unreadable", path=inert(str(draft))), *map(str, error.problems)]) from None
    return draft


def is_text(value: str) -> bool:
    """Text that can be a name: encodable, and without control characters."""
    return encodable(value) and value.isprintable()
