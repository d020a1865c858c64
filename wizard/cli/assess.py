"""`assess`: answers files assessed without the wizard, printed, and saved on request."""

from __future__ import annotations

import sys
from pathlib import Path

from wizard.cli.context import Context, Fail, problem_lines, say
from wizard.i18n import day, t
from wizard.inert import inert, json_dumps
from wizard.model.bank import LEVELS
from wizard.model.problems import InvalidFile
from wizard.model.reasoning import assess
from wizard.model.records import DecisionRecord, new_id, now
from wizard.render.report import level_label
from wizard.render.terminal import print_text
from wizard.storage.answers_codec import parse_answers
from wizard.storage.toml_read import read_toml

def run(ctx: Context) -> int:
    args = ctx.args
    bank, lang = ctx.bank, ctx.lang
    store, failed = None, False
    if args.save:
        try:
            store = ctx.store
        except Fail as fail:  # no folder to save in: each assessment is still printed, nothing saved
            failed = True
            for line in fail.lines:
                say(line)
    drawn = None
    if args.ledger:
        from wizard.cli.ledger import draw

        drawn = ctx.handled(lambda: draw(args, args.ledger, lang))
    failed = failed or bool(drawn and drawn.ledger.problems)
    console = None if args.json else ctx.console
    for file in args.files:
        try:
            data = read_toml(Path(file))
            sheet = parse_answers(data, file, bank)
        except InvalidFile as error:
            failed = True
            for line in problem_lines(error):
                say(line)
            if args.json:
                print(json_dumps({"source": file, "errors": problem_lines(error)}))
            continue
        if drawn is not None:
            from wizard.cli.ledger import prefill

            filled = prefill(drawn, sheet, lang)
            failed = failed or filled is None
            sheet = filled or sheet
        created = now()
        result = assess(bank, sheet.answers, lang, created.date())
        record = DecisionRecord(
            id=new_id(), client=sheet.client, assessor=sheet.assessor, created=created,
            language=lang, bank_version=bank.version, status="draft",
            review_date=result.review_date, answers=sheet.answers, notes=sheet.notes,
            skipped=sheet.skipped, evidence=sheet.evidence, ledger=sheet.ledger, result=result,
        )
        saved = None
        if store is not None and not args.force and not _save_again(store, bank, sheet, file, lang):
            failed = True
        elif store is not None:
            try:
                saved, record = store.save_new(record)
            except OSError as error:
                failed = True
                say(t("cli.cannot_save", lang, path=store.root, file=file, reason=ctx.reason(error)))
        earlier = _earlier(data, bank)
        if args.json:
            print(json_dumps(_assessment_json(file, record, saved) | {"earlier": earlier}))
        else:
            if earlier:
                console.print(t("cli.bank_changed", lang, was=inert(earlier["bank_version"]), now=bank.version,
                                level=level_label(bank, earlier["level"], lang)), style="yellow", markup=False)
            print_text(record, bank, lang, console, saved=saved is not None)
            if saved:
                console.file.flush()
                print(t("cli.saved", lang, path=inert(str(saved))))  # plain: a path is not markup, never wrapped
            if file != args.files[-1]:
                console.rule()
    return 1 if failed else 0


def _save_again(store, bank, sheet, file: str, lang: str) -> bool:
    """False when a record with the same client, answers, notes and skips exists and the user
    does not confirm saving another (without a terminal to ask on, only --force saves it)."""
    from wizard.model.clients import same_client
    from wizard.storage.record_reader import read_record

    try:
        listed = [e for e in store.summaries(bank) if e.summary and same_client(e.summary.client, sheet.client)]
    except OSError:
        return True  # the save itself will say why the folder cannot be used
    for entry in listed:
        try:
            record = read_record(entry.path, bank)
        except InvalidFile:
            continue
        if (record.answers, record.notes, set(record.skipped)) == (sheet.answers, sheet.notes, set(sheet.skipped)):
            message = t("cli.assess.identical", lang, file=file, id=record.id, date=day(record.created.date(), lang))
            if sys.stdin.isatty() and sys.stderr.isatty():
                print(message, file=sys.stderr)
                return input(t("cli.assess.save_another", lang)).strip().lower() in ("y", "yes", "t", "tak")
            say(f"{message} {t('cli.assess.use_force', lang)}")
            return False
    return True


def _earlier(data: dict, bank) -> dict | None:
    """A record assessed again: its bank version and level when its bank was another one, so
    that a changed result is never mistaken for a changed client."""

    version, result = data.get("bank_version"), data.get("result")
    level = result.get("level") if isinstance(result, dict) else None
    if isinstance(version, str) and version != bank.version and level in LEVELS:
        return {"bank_version": version, "level": level}
    return None


def _assessment_json(source: str, record, saved) -> dict:
    result = record.result
    def change(c):
        if c is None:
            return None
        then = {"question": c.then[0], "to": c.then[1]} if c.then else None
        return {"question": c.question, "from": c.was, "to": c.to, "then": then, "level": c.level}

    data = {
        "source": source,
        "client": record.client,
        "assessor": record.assessor,
        "level": result.level,
        "score": result.score,
        "confidence": result.confidence,
        "sections": result.sections,
        "problems": [{"id": p.id, "band": p.band, "state": p.state, "level": p.level} for p in result.problems],
        "principles": list(result.principles),
        "reasons": [{"question": r.question, "share": r.share, "decisive": r.decisive} for r in result.reasons],
        "counterfactual": {"milder": change(result.milder), "harsher": change(result.harsher)},
        "warnings": [{"id": w.id, "kind": w.kind, "text": w.text} for w in result.warnings],
        "range": {"from": result.range[0], "to": result.range[1]} if result.range else None,
        "open_questions": list(result.open_questions),
        "actions": [{"id": a.id, "text": a.text} for a in result.actions],
        "review_date": result.review_date.isoformat(),
        "exit_plan": [{"id": s.id, "stage": s.tag, "text": s.text} for s in result.exit_plan],
        "staged_exit": result.staged_exit,
    }
    if record.ledger is not None:
        data["from_ledger"] = list(record.from_ledger)
    if saved:
        data["record"] = str(saved)
    return data
