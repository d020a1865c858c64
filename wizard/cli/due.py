"""`client-exit due`: the reviews that are overdue or coming up, as a table, JSON lines, or an
iCalendar file (see wizard/model/due.py for which reviews, wizard/render/calendar.py for the file)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from wizard.cli.context import Context, Fail, say
from wizard.inert import inert
from wizard.render.columns import fit_columns, fitted, text_width


def due(ctx: Context) -> int:
    from wizard.i18n import t
    from wizard.model.due import due_reviews

    args = ctx.args
    lang = ctx.lang
    if args.within < 0:
        raise Fail([t("due.bad_within", lang, value=args.within)], 2)
    listed = ctx.summaries()
    for item in listed:
        for problem in item.problems:
            say(problem)
    today = date.today()
    reviews = due_reviews([(item.path, item.summary) for item in listed], today, args.within)
    if args.ics:
        _write_calendar(Path(args.ics).expanduser(), reviews, ctx)
    if args.json:
        from wizard.inert import json_dumps

        for review in reviews:
            record = review.record
            print(json_dumps({
                "client": record.client, "id": record.id, "review_date": record.review_date.isoformat(),
                "overdue": review.overdue, "days": review.days, "assessor": record.assessor,
                "level": record.level, "status": record.status, "path": str(review.path),
            }))
    elif not args.ics or reviews:
        _print_table(reviews, ctx, today)
    broken = any(item.summary is None for item in listed)
    return 1 if broken else 0


def _print_table(reviews, ctx: Context, today: date) -> None:
    """The reviews as aligned columns that fit the terminal: a level is never cut (the short
    labels, as in `clients`); the client's and the assessor's names are cut when narrow, and the
    assessor's column gives way when even that is not enough."""
    import shutil

    from wizard.i18n import day, t
    from wizard.render.report import short_level_label

    args, lang = ctx.args, ctx.lang
    if not reviews:
        print(t("due.none", lang, days=args.within))
        return
    keys = ("date", "when", "client", "level", "assessor", "record")
    rows = [(day(r.record.review_date, lang), _when(r, lang), inert(r.record.client),
             short_level_label(r.record.level, lang) if r.record.level else "-", inert(r.record.assessor), r.record.id)
            for r in reviews]
    header = tuple(t(f"due.col.{key}", lang) for key in keys)
    natural = {key: max(text_width(row[i]) for row in (header, *rows)) for i, key in enumerate(keys)}
    natural["client"] = min(natural["client"], 30)
    natural["assessor"] = min(natural["assessor"], max(14, text_width(header[4])))
    room = shutil.get_terminal_size((100, 24)).columns
    # The client's name wins over the assessor's: cut to 20 at most while the assessor's column
    # can still give way, and further only when it has.
    widths = fit_columns(natural, room, gap=2, drop=["assessor"],
                         shrink=[("assessor", 10), ("client", min(natural["client"], 20))])
    widths = fit_columns(widths, room, gap=2, shrink=[("client", max(12, text_width(header[2])))])
    for row in (header, *rows):
        print("  ".join(fitted(cell, widths[key]) for cell, key in zip(row, keys) if key in widths).rstrip())
    overdue = sum(1 for r in reviews if r.overdue)
    print(t("due.summary", lang, count=len(reviews), overdue=overdue, days=args.within))


def _when(review, lang: str) -> str:
    from wizard.i18n import t

    if review.days < 0:
        return t("due.overdue", lang, days=-review.days)
    return t("due.today", lang) if review.days == 0 else t("due.in", lang, days=review.days)


def _levels(ctx: Context):
    from functools import cache

    lang = ctx.lang

    @cache
    def label(level: str) -> str:
        found = ctx.bank.level(level)
        return found.label(lang) if found else level

    return label


def _write_calendar(target: Path, reviews, ctx: Context) -> None:
    """The .ics file, written atomically to the place the user chose; never half a file."""
    from wizard.i18n import t
    from wizard.render.calendar import review_calendar
    from wizard.storage import files

    args, lang = ctx.args, ctx.lang
    if target.is_dir():
        raise Fail([t("due.ics_is_folder", lang, path=target)], 2)
    text = review_calendar(reviews, _levels(ctx), lang).decode("utf-8")
    try:
        files.write_text(target.parent, target, text, overwrite=True)
    except OSError as error:
        raise Fail([t("cli.cannot_write", lang, path=target, reason=files.reason(error, lang))]) from None
    print(t("due.ics_written", lang, path=target, count=len(reviews)), file=sys.stderr if args.json else sys.stdout)
