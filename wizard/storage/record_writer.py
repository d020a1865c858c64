"""A decision record as TOML: the table written, and the lowest schema that reads it all."""

from __future__ import annotations

from wizard.model import prefill as prefill_model
from wizard.model.assessment import Assessment, Step
from wizard.model.prefill import Prefill
from wizard.model.records import CHANGE_KEYS, DECISION_KEYS, DecisionRecord


def to_toml(record: DecisionRecord) -> str:
    import tomli_w

    return tomli_w.dumps(to_table(record))


def to_table(record: DecisionRecord) -> dict:
    table: dict = {
        "schema": schema_of(record),
        "id": record.id,
        "client": record.client,
        "assessor": record.assessor,
        "created": record.created,
        "language": record.language,
        "bank_version": record.bank_version,
        "status": record.status,
    }
    if record.review_date is not None:
        table["review_date"] = record.review_date
    for key in ("decision_makers", "consulted", "informed"):
        if getattr(record, key):
            table[key] = list(getattr(record, key))
    if record.outcome:
        table["outcome"] = record.outcome
    for key in ("supersedes", "superseded_by", "skipped"):
        if getattr(record, key):
            table[key] = list(getattr(record, key))
    table["answers"] = dict(record.answers)
    table["notes"] = dict(record.notes)
    if record.prefilled:
        table["prefilled"] = {qid: _prefill_table(p) for qid, p in record.prefilled.items()}
    if record.ledger is not None:
        table["ledger"] = {"file": record.ledger.file, "since": record.ledger.since, "until": record.ledger.until}
    if record.evidence:
        table["evidence"] = {q: ({} if e.derived is None else {"derived": e.derived}) | {"text": e.text}
                             for q, e in record.evidence.items()}
    if record.decision is not None:
        decision = {"level": record.decision.level}
        for key in DECISION_KEYS[1:]:
            if getattr(record.decision, key):
                decision[key] = getattr(record.decision, key)
        table["decision"] = decision
    if record.status_history:
        table["status_history"] = [
            {key: getattr(change, key) for key in CHANGE_KEYS if getattr(change, key)}
            for change in record.status_history
        ]
    if record.result is not None:
        table["result"] = _result_table(record.result)
    return table


def _prefill_table(prefill: Prefill) -> dict:
    return {key: getattr(prefill, key) for key in prefill_model.KEYS if getattr(prefill, key)}


def schema_of(record: DecisionRecord) -> int:
    """The oldest format version that reads everything in `record` (see the module's doc)."""
    if record.evidence or record.ledger is not None:
        return 5
    if record.prefilled:
        return 4
    result = record.result
    if result is not None and (result.problems or result.range or any(
            c is not None and c.then is not None for c in (result.milder, result.harsher))):
        return 3
    if record.status_history or (record.decision is not None and record.decision.comment):
        return 2
    return 1


def _result_table(result: Assessment) -> dict:
    table: dict = {
        "level": result.level,
        "score": result.score,
        "confidence": result.confidence,
        "review_date": result.review_date,
        "staged_exit": result.staged_exit,
        "principles": list(result.principles),
        "sections": dict(result.sections),
        "reasons": [{"question": r.question, "share": r.share} for r in result.reasons],
    }
    for direction in ("milder", "harsher"):
        change = getattr(result, direction)
        if change is not None:
            entry = {"question": change.question}
            if change.was is not None:
                entry["from"] = change.was
            entry |= {"to": change.to, "level": change.level}
            if change.then is not None:
                entry["then"] = {"question": change.then[0], "to": change.then[1]}
            table[direction] = entry
    if result.range is not None:
        table["range"] = list(result.range)
        table["open_questions"] = list(result.open_questions)
    table["warnings"] = [{"id": w.id, "kind": w.kind, "text": w.text} for w in result.warnings]
    table["actions"] = [_step(s, "") for s in result.actions]
    table["exit_plan"] = [_step(s, "stage") for s in result.exit_plan]
    table["prevention"] = [_step(s, "") for s in result.prevention]
    table["consequences"] = [_step(s, "side") for s in result.consequences]
    # Added in bank 1.1 as keys of their own, which earlier versions skip when they read.
    decisive = [r.question for r in result.reasons if r.decisive]
    if decisive:
        table["decisive"] = decisive
    if result.actions_for_exit:
        table["actions_for_exit"] = True
    if result.more_actions:
        table["more_actions"] = [_step(s, "") for s in result.more_actions]
    if result.problems:
        table["problems"] = [{"id": p.id, "band": p.band, "state": p.state, "level": p.level} for p in result.problems]
    return table


def _step(step: Step, tag_name: str) -> dict:
    entry = {"id": step.id}
    if tag_name:
        entry[tag_name] = step.tag
    entry["text"] = step.text
    return entry
