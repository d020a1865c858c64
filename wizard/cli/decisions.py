"""`decide` and `feedback`: the steps a team takes on a record, each under the folder's lock,
each saying who took it."""

from __future__ import annotations

from pathlib import Path

from wizard.cli.context import Context, Fail, say
from wizard.i18n import t
from wizard.inert import inert
from wizard.model.problems import InvalidFile, Problem
from wizard.model.records import DecisionRecord
from wizard.storage import files
from wizard.storage.record_reader import read_record


def decide(ctx: Context) -> int:
    args, lang = ctx.args, ctx.lang
    by = ctx.who()  # every step of a record's history says who took it: never guessed
    bank, store = ctx.bank, ctx.store
    path = ctx.find_record(args.record)
    older_paths = [ctx.find_record(ref) for ref in args.supersedes]
    try:
        # Read, change and write under the folder's lock: a decision taken meanwhile by someone
        # else is read here first, so it is built on, or this step is refused, never lost.
        with store.lock("decide"):
            record = read_record(path, bank)
            was = record.review_date
            record, linked = _decided(args, by, store, bank, lang, (path, record), older_paths)
            # Every check passed before anything is written: a refused command changes no file.
            for target, changed in ((path, record), *linked):
                try:
                    store.update(target, changed)
                except OSError as error:
                    raise Fail([t("cli.cannot_write", lang, path=target, reason=files.reason(error, lang))]) from None
    except OSError as error:  # the lock: held too long by another program, or cannot be made
        raise Fail([t("cli.cannot_write", lang, path=path, reason=files.reason(error, lang))]) from None
    for _, old in linked:
        print(t("review.cli.superseded", lang, old=old.id, new=record.id))
    if record.review_date != was and record.review_date is not None and record.decision:
        from wizard.i18n import day
        from wizard.render.report import level_label

        print(t("cli.decide.review_moved", lang, date=day(record.review_date, lang),
                level=level_label(bank, record.decision.level, lang)))
    if record.status_history[-1].comment:
        print(t("cli.decide.as_comment", lang))
    print(t("review.cli.decided", lang, status=t("status." + record.status, lang), path=inert(str(path))))
    return 0


def _decided(args, by: str, store, bank, lang: str, read: tuple[Path, DecisionRecord], older_paths: list[Path]):
    """The record (`read`: its file, as read now) after this decision, and the older records it
    supersedes, as read now.
    Raises InvalidFile naming the record and the field when the lifecycle refuses the step
    (with the status the record has now)."""
    from wizard.model.lifecycle import LifecycleError, decide as decide_record, supersede

    path, record = read
    older = [(old_path, read_record(old_path, bank)) for old_path in older_paths]
    older += _reassessed(store, record, args.status, bank, lang, {old.id for _, old in older})
    try:
        record = decide_record(
            record, args.status, level=args.level, reason=args.reason or "", outcome=args.outcome or "",
            by=by, decision_makers=args.decision_makers, consulted=args.consulted, informed=args.informed,
            review_days=bank.review_days,
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
    if not record.status_history:
        return ""
    last = record.status_history[-1]
    when = f"{last.at:%Y-%m-%d %H:%M:%S}" if last.at else "?"
    return t("cli.decide.now", lang, status=t("status." + last.status, lang), by=inert(last.by) or "?", date=when)


def _reassessed(store, record, status: str, bank, lang: str, named: set[str]) -> list:
    """The records a reassessment was carried over from, to supersede now that it is accepted.
    One that is gone (forgotten, or in another folder) is named and left out."""
    from wizard.model.lifecycle import to_supersede
    from wizard.model.problems import NoSuchRecord

    found = []
    for ref in to_supersede(record, status):
        if ref in named:
            continue
        try:
            path = store.find(ref, bank)
            found.append((path, read_record(path, bank)))
        except (NoSuchRecord, InvalidFile):
            say(t("reassess.earlier_missing", lang, id=inert(ref)))
    return found


def feedback(ctx: Context) -> int:
    from wizard.storage import feedback as feedback_files
    args, lang = ctx.args, ctx.lang
    by = ctx.who()
    store = ctx.store
    _, record = ctx.read_record(args.record)
    item = feedback_files.make(record.id, by, args.stance, args.comment or "")
    try:
        saved = feedback_files.add(store.root, item)
    except OSError as error:
        raise Fail([t("cli.cannot_write", lang, path=store.root, reason=files.reason(error, lang))]) from None
    print(t("review.cli.feedback_saved", lang, path=inert(str(saved))))
    return 0
