"""A decision record read from TOML and checked field by field: every problem names the file and
the field, and a record written by a newer version is refused, never half-read."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from wizard.i18n import LANGUAGES
from wizard.model import prefill as prefill_model
from wizard.model.assessment import Assessment, Change, Finding, ProblemView, Reason, Step
from wizard.model.bank import BANDS, LEVELS, STATES, Bank
from wizard.model.prefill import Prefill
from wizard.model.problems import FieldReader, join, show
from wizard.model.records import (
    CHANGE_KEYS, DECISION_KEYS, RECORD_KEYS, SCHEMA, STATUSES, AnswerSheet, Decision, DecisionRecord,
    StatusChange, is_record_id,
)
from wizard.storage.answers_codec import read_sheet, text_list
from wizard.storage.toml_read import check_schema, read_toml


def read_record(path: Path, bank: Bank) -> DecisionRecord:
    """Load and validate a record. Raises InvalidFile naming the file and every bad field."""
    return parse_record(read_toml(path), str(path), bank)


def parse_record(data: dict, file: str, bank: Bank) -> DecisionRecord:
    reader = _RecordReader(file)
    check_schema(reader, data, "record", SCHEMA)
    for key in data:
        if key not in RECORD_KEYS:
            reader.problem(key, "unknown field in a record")
    sheet = read_sheet(reader, data, bank)
    record_id = reader.get(data, "id", str, "")
    if record_id is not None and not is_record_id(record_id):
        reader.problem("id", f"must be 4 to 32 lower-case hex digits (got {show(record_id)})")
    created = reader.get(data, "created", datetime, "")
    if created is not None and created.tzinfo is None:
        reader.problem("created", "must be a date and time with a time zone, like 2026-11-23T09:15:00+01:00")
    language = reader.choice(data, "language", LANGUAGES, "")
    status = reader.choice(data, "status", STATUSES, "")
    fields = {key: text_list(reader, data, key) for key in
              ("decision_makers", "consulted", "informed", "supersedes", "superseded_by")}
    record = DecisionRecord(
        id=record_id or "",
        client=sheet.client,
        created=created or datetime.min,
        language=language or "en",
        bank_version=reader.get(data, "bank_version", str, "") or "",
        status=status or "draft",
        assessor=sheet.assessor,
        review_date=reader.date(data, "review_date", ""),
        answers=sheet.answers,
        notes=sheet.notes,
        skipped=sheet.skipped,
        evidence=sheet.evidence,
        ledger=sheet.ledger,
        result=reader.result(data),
        decision=reader.decision(data),
        outcome=reader.get(data, "outcome", str, "", required=False) or "",
        status_history=reader.status_history(data),
        prefilled=reader.prefilled(data, sheet),
        **fields,
    )
    reader.raise_if_any()
    return record


class _RecordReader(FieldReader):
    def choice(self, table: dict, key: str, allowed: tuple[str, ...], where: str, required: bool = True):
        value = self.get(table, key, str, where, required)
        if value is not None and value not in allowed:
            self.problem(join(where, key), f"must be one of {', '.join(allowed)} (got {show(value)})")
            return None
        return value

    def date(self, table: dict, key: str, where: str, required: bool = False) -> date | None:
        value = self.get(table, key, date, where, required)
        if isinstance(value, datetime):
            self.problem(join(where, key), "must be a date like 2026-12-31, without a time")
            return None
        return value

    def decision(self, data: dict) -> Decision | None:
        table = self.get(data, "decision", dict, "", required=False)
        if table is None:
            return None
        level = self.choice(table, "level", LEVELS, "decision")
        at = self.get(table, "at", datetime, "decision", required=False)
        for key in sorted(set(table) - set(DECISION_KEYS)):
            self.problem(join("decision", key), f"unknown field (allowed: {', '.join(DECISION_KEYS)})")
        return Decision(
            level=level or LEVELS[0],
            reason=self.get(table, "reason", str, "decision", required=False) or "",
            by=self.get(table, "by", str, "decision", required=False) or "",
            at=at,
            comment=self.get(table, "comment", str, "decision", required=False) or "",
        )

    def status_history(self, data: dict) -> tuple[StatusChange, ...]:
        changes = []
        for index, item in enumerate(self.get(data, "status_history", list, "", required=False) or []):
            where = f"status_history[{index}]"
            if not isinstance(item, dict):
                self.problem(where, "must be a table")
                continue
            for key in sorted(set(item) - set(CHANGE_KEYS)):
                self.problem(join(where, key), f"unknown field (allowed: {', '.join(CHANGE_KEYS)})")
            status = self.choice(item, "status", STATUSES, where)
            level = self.choice(item, "level", LEVELS, where, required=False)
            texts = {key: self.get(item, key, str, where, required=False) or ""
                     for key in ("by", "reason", "comment", "outcome")}
            changes.append(StatusChange(status=status or STATUSES[0], at=self.aware(item, "at", where),
                                        level=level, **texts))
        return tuple(changes)

    def prefilled(self, data: dict, sheet: AnswerSheet) -> dict[str, Prefill]:
        """`[prefilled.<question id>]`: where a pre-filled answer came from (model/prefill.py)."""
        found: dict[str, Prefill] = {}
        for qid, item in (self.get(data, "prefilled", dict, "", required=False) or {}).items():
            where = join("prefilled", qid)
            if not isinstance(item, dict):
                self.problem(where, "must be a table (source, ref, on, evidence, state)")
                continue
            for key in sorted(set(item) - set(prefill_model.KEYS)):
                self.problem(join(where, key), f"unknown field (allowed: {', '.join(prefill_model.KEYS)})")
            if qid not in sheet.answers and qid not in sheet.skipped:
                self.problem(where, "names a question that is neither answered nor skipped")
            source = self.choice(item, "source", prefill_model.SOURCES, where)
            state = self.choice(item, "state", prefill_model.STATES, where, required=False)
            texts = {key: self.get(item, key, str, where, required=False) or "" for key in ("ref", "evidence")}
            found[qid] = Prefill(source or prefill_model.SOURCES[0], on=self.date(item, "on", where),
                                 state=state or prefill_model.PENDING, **texts)
        return found

    def aware(self, table: dict, key: str, where: str) -> datetime | None:
        """An optional date and time, which must carry a time zone."""
        value = self.get(table, key, datetime, where, required=False)
        if value is not None and value.tzinfo is None:
            self.problem(join(where, key), "must be a date and time with a time zone, like 2026-11-23T09:15:00+01:00")
            return None
        return value

    def result(self, data: dict) -> Assessment | None:
        table = self.get(data, "result", dict, "", required=False)
        if table is None:
            return None
        where = "result"
        score = self.get(table, "score", int, where)
        if score is not None and not 0 <= score <= 100:
            self.problem("result.score", f"must be 0 to 100 (got {score})")
        confidence = self.get(table, "confidence", (int, float), where)
        if confidence is not None and not 0 <= confidence <= 1:
            self.problem("result.confidence", f"must be 0 to 1 (got {confidence})")
        sections = self.get(table, "sections", dict, where) or {}
        for key, value in sections.items():
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
                self.problem(join(where, "sections", key), f"must be a whole number 0 to 100 (got {show(value)})")
        decisive = text_list(self, table, "decisive")
        reasons = tuple(
            Reason(r["question"], float(r["share"]), r["question"] in decisive)
            for r in self.entries(table, "reasons", {"question": str, "share": (int, float)})
        )
        return Assessment(
            level=self.choice(table, "level", LEVELS, where) or LEVELS[0],
            score=score or 0,
            sections=dict(sections),
            confidence=float(confidence or 0),
            principles=text_list(self, table, "principles"),
            reasons=reasons,
            milder=self.change(table, "milder"),
            harsher=self.change(table, "harsher"),
            warnings=tuple(
                Finding(w["id"], w["kind"], w["text"])
                for w in self.entries(table, "warnings", {"id": str, "kind": str, "text": str})
            ),
            actions=self.steps(table, "actions", ""),
            review_date=self.date(table, "review_date", where, required=True) or date.min,
            exit_plan=self.steps(table, "exit_plan", "stage"),
            staged_exit=bool(self.get(table, "staged_exit", bool, where, required=False)),
            prevention=self.steps(table, "prevention", ""),
            consequences=self.steps(table, "consequences", "side"),
            more_actions=self.steps(table, "more_actions", ""),
            actions_for_exit=bool(self.get(table, "actions_for_exit", bool, where, required=False)),
            problems=self.problems_of(table),
            range=self.level_range(table),
            open_questions=text_list(self, table, "open_questions"),
        )

    def problems_of(self, table: dict) -> tuple[ProblemView, ...]:
        views = []
        for item in self.entries(table, "problems", {"id": str, "band": int, "state": str, "level": str}):
            where = f"result.problems '{item['id']}'"
            if not 0 <= item["band"] < len(BANDS):
                self.problem(join(where, "band"), f"must be 0 to {len(BANDS) - 1} (got {item['band']})")
            elif item["state"] not in STATES:
                self.problem(join(where, "state"), f"must be one of {', '.join(STATES)}")
            elif item["level"] not in LEVELS:
                self.problem(join(where, "level"), f"must be one of {', '.join(LEVELS)}")
            else:
                views.append(ProblemView(item["id"], item["band"], item["state"], item["level"]))
        return tuple(views)

    def level_range(self, table: dict) -> tuple[str, str] | None:
        value = self.get(table, "range", list, "result", required=False)
        if value is None:
            return None
        if len(value) != 2 or any(v not in LEVELS for v in value):
            self.problem("result.range", f"must be two levels, the mildest and the harshest ({', '.join(LEVELS)})")
            return None
        return (value[0], value[1])

    def entries(self, table: dict, key: str, shape: dict[str, type | tuple]) -> list[dict]:
        """An array of tables, each checked against `shape` (field → type)."""
        good = []
        for index, item in enumerate(self.get(table, key, list, "result", required=False) or []):
            where = f"result.{key}[{index}]"
            if not isinstance(item, dict):
                self.problem(where, "must be a table")
                continue
            values = [self.get(item, name, kind, where) for name, kind in shape.items()]
            extra = set(item) - set(shape)
            if extra:
                self.problem(join(where, sorted(extra)[0]), f"unknown field (allowed: {', '.join(shape)})")
            elif None not in values:
                good.append(item)
        return good

    def steps(self, table: dict, key: str, tag: str) -> tuple[Step, ...]:
        shape: dict[str, type] = {"id": str, "text": str}
        if tag:
            shape = {"id": str, tag: str, "text": str}
        return tuple(Step(i["id"], i["text"], i.get(tag, "")) for i in self.entries(table, key, shape))

    def change(self, table: dict, key: str) -> Change | None:
        item = self.get(table, key, dict, "result", required=False)
        if item is None:
            return None
        where = f"result.{key}"
        question = self.get(item, "question", str, where)
        level = self.choice(item, "level", LEVELS, where)
        if "to" not in item:
            self.problem(join(where, "to"), "is missing")
        for extra in sorted(set(item) - {"question", "from", "to", "level", "then"}):
            self.problem(join(where, extra), "unknown field (allowed: question, from, to, level, then)")
        then = self.get(item, "then", dict, where, required=False)
        if then is not None and (set(then) != {"question", "to"} or not isinstance(then["question"], str)):
            self.problem(join(where, "then"), "must be a table { question = ID, to = ANSWER }")
            then = None
        if question is None or level is None or "to" not in item:
            return None
        return Change(question, item["to"], level, item.get("from"), (then["question"], then["to"]) if then else None)
