"""Reading the reasoning's tables of a question bank: problems, remedies, the decision table,
and the rules (dealbreakers, consistency checks, exit steps) with their conditions.

Every check here keeps a custom bank inside the principles of the domain brief (no exit from
dependency alone, never harsher for trying a remedy, worse never milder), and names the file,
the entry and the field of every problem found.
"""

from __future__ import annotations

from wizard.model.bank import (
    BANDS,
    EXIT_CAUSES,
    EXIT_LEVELS,
    LEVELS,
    SCALE_MAX,
    STAGES,
    STATES,
    Condition,
    DecisionTable,
    Problem,
    Question,
    Remediation,
    Remedy,
    Rule,
)
from wizard.model.problems import FieldReader, join
from wizard.model.problems import Problem as FileProblem

OPERATORS = ("equals", "one_of", "at_least", "at_most")


def read_conditions(reader: FieldReader, item: dict, key: str, where: str,
                    questions: dict[str, Question]) -> tuple[Condition, ...]:
    raw = reader.get(item, key, list, where, required=False) or []
    result = []
    for index, cond in enumerate(raw):
        cwhere = join(where, f"{key}[{index}]")
        if not isinstance(cond, dict):
            reader.problem(cwhere, "must be a table like { question = ID, equals = VALUE }")
            continue
        qid = reader.get(cond, "question", str, cwhere)
        ops = [op for op in OPERATORS if op in cond]
        if len(ops) != 1 or set(cond) - {"question", "not", *ops}:
            reader.problem(cwhere, "must have 'question', exactly one of equals, one_of, at_least, at_most, and optionally 'not'")
            continue
        negate = reader.get(cond, "not", bool, cwhere, required=False) or False
        if qid is None:
            continue
        if qid not in questions:
            reader.problem(join(cwhere, "question"), f"unknown question id '{qid}'")
            continue
        op, value = ops[0], cond[ops[0]]
        question = questions[qid]
        if op == "one_of" and not isinstance(value, list):
            reader.problem(join(cwhere, op), "must be a list of answers")
            continue
        if op in ("at_least", "at_most") and question.kind in ("bool", "choice"):
            reader.problem(join(cwhere, op), f"cannot compare a {question.kind} question by size")
            continue
        bad = [c for c in (value if op == "one_of" else [value]) if question.check(c)]
        if bad:
            reader.problem(join(cwhere, op), f"{question.check(bad[0])} for question '{qid}'")
            continue
        result.append(Condition(qid, op, tuple(value) if op == "one_of" else value, negate))
    return tuple(result)


def read_rules(reader, data: dict, key: str, questions: dict[str, Question]) -> tuple[Rule, ...]:
    """Dealbreakers, consistency checks (which need a `when`) or exit steps."""
    steps = key == "exit_step"
    allowed = {"id", "when", "text"} | ({"stage", "levels", "causes", "when_any"} if steps else set())
    rules, seen = [], set()
    for where, item in reader.entries(data, key):
        reader.known(item, allowed, where)
        rid = reader.get(item, "id", str, where)
        text = reader.text(item, "text", where)
        when = read_conditions(reader, item, "when", where, questions)
        if not steps and "when" not in item:
            reader.problem(join(where, "when"), "is missing")
        if rid in seen:
            reader.problem(join(where, "id"), "is used twice")
        seen.add(rid)
        stage, levels, causes, when_any = "", EXIT_LEVELS, EXIT_CAUSES, ()
        if steps:
            stage = _choice(reader, item, "stage", STAGES, where)
            levels = read_subset(reader, item, "levels", EXIT_LEVELS, where)
            causes = read_subset(reader, item, "causes", EXIT_CAUSES, where)
            when_any = read_conditions(reader, item, "when_any", where, questions)
        if None not in (rid, text, stage, levels, causes):
            rules.append(Rule(rid, when, text, stage, levels, causes, when_any))
    return tuple(rules)


def read_exit_cause(reader, data: dict, questions: dict[str, Question]) -> tuple[Condition, ...]:
    table = reader.get(data, "exit_cause", dict, "")
    if table is None:
        return ()
    reader.known(table, {"for_cause_when_any"}, "exit_cause")
    if "for_cause_when_any" not in table:
        reader.problem("exit_cause.for_cause_when_any", "is missing")
    return read_conditions(reader, table, "for_cause_when_any", "exit_cause", questions)


def _choice(reader: FieldReader, item: dict, key: str, allowed: tuple[str, ...], where: str,
            required: bool = True, default: str | None = None) -> str | None:
    if not required and key not in item:
        return default
    value = reader.get(item, key, str, where)
    if value is not None and value not in allowed:
        reader.problem(join(where, key), f"must be one of {', '.join(allowed)} (got '{value}')")
        return None
    return value


def read_subset(reader: FieldReader, item: dict, key: str, allowed: tuple[str, ...], where: str):
    """An optional list of distinct values from `allowed`, in any order (default: all)."""
    if key not in item:
        return allowed
    value = reader.get(item, key, list, where)
    if value is None:
        return None
    if not value or any(v not in allowed for v in value) or len(set(value)) != len(value):
        reader.problem(join(where, key), f"must list one or more of {', '.join(allowed)}")
        return None
    return tuple(value)


def _band(reader: FieldReader, item: dict, key: str, where: str, low: int = 0):
    value = reader.get(item, key, int, where)
    if value is not None and not low <= value <= SCALE_MAX:
        reader.problem(join(where, key), f"must be a band from {low} to {SCALE_MAX} (got {value})")
        return None
    return value


# ---------------------------------------------------------------------------------------------
# Problems, remedies, remediation


def read_problems(reader, data: dict, questions: dict[str, Question]) -> tuple[Problem, ...]:
    """The problems; each signal question names its own (`problem = ID`)."""
    problems = []
    for where, item in reader.entries(data, "problem"):
        reader.known(item, {"id", "name", "fixable_up_to", "max_level", "dependency", "floor"}, where)
        pid = reader.get(item, "id", str, where)
        name = reader.text(item, "name", where)
        fixable = _band(reader, item, "fixable_up_to", where)
        max_level = _choice(reader, item, "max_level", LEVELS, where, required=False, default=LEVELS[-1])
        floor = _choice(reader, item, "floor", LEVELS, where, required=False, default=LEVELS[0])
        dependency = reader.get(item, "dependency", bool, where, required=False) or False
        if dependency and max_level in EXIT_LEVELS:
            # dependency: a risk to the budget never hastens an exit on its own.
            reader.problem(join(where, "max_level"), "a dependency problem may not reach an exit level")
        if floor is not None and max_level is not None and _rank(floor) > _rank(max_level):
            reader.problem(join(where, "floor"), "must not be harsher than max_level")
        if any(p.id == pid for p in problems):
            reader.problem(join(where, "id"), "is used twice")
        signals = tuple(q.id for q in questions.values() if q.is_signal and q.problem == pid)
        if pid is not None and not signals:
            reader.problem(where, "no signal question names this problem (`problem = ...` in a question)")
        if None not in (pid, name, fixable, max_level, floor) and signals:
            problems.append(Problem(pid, name, signals, fixable, max_level, dependency, floor))
    known = {p.id for p in problems}
    for question in questions.values():
        if question.is_signal and question.problem not in known:
            _in_file(reader, question, "problem", f"'{question.problem}' is not a problem of this bank "
                     f"(known: {', '.join(sorted(known))})")
        elif question.qualifies and question.qualifies in questions \
                and questions[question.qualifies].problem != question.problem:
            _in_file(reader, question, "qualifies",
                     f"'{question.qualifies}' belongs to another problem; a trend qualifies a sign of its own problem")
    if not problems and not reader.problems:
        reader.problem("problem", "the bank has no problems")
    return tuple(problems)


def read_remedies(reader, data: dict, questions: dict[str, Question],
                  problems: tuple[Problem, ...]) -> tuple[Remedy, ...]:
    known = {p.id for p in problems}
    remedies = []
    for where, item in reader.entries(data, "remedy"):
        reader.known(item, {"question", "addresses", "next_action", "pending_action", "path"}, where)
        qid = reader.get(item, "question", str, where)
        question = questions.get(qid) if qid else None
        if qid is not None and (question is None or question.kind != "bool" or question.role != "remediation"):
            reader.problem(join(where, "question"), f"'{qid}' is not a yes/no remediation question of this bank")
        addresses = reader.get(item, "addresses", list, where) or []
        for pid in addresses:
            if pid not in known:
                reader.problem(join(where, "addresses"), f"unknown problem '{pid}'")
        texts = {key: reader.text(item, key, where) for key in ("next_action", "pending_action", "path")}
        if qid is not None and None not in texts.values() and addresses:
            remedies.append(Remedy(qid, tuple(addresses), **texts))
    names = {r.question for r in remedies}
    for question in questions.values():
        if question.remedy and question.remedy not in names:
            _in_file(reader, question, "remedy", f"'{question.remedy}' is not a remedy of this bank")
    return tuple(remedies)


def _in_file(reader, question: Question, key: str, message: str) -> None:
    """A problem with a question's field, named in the file the question is written in."""
    file = getattr(reader, "files", {}).get(question.id, reader.file)
    reader.problems.append(FileProblem(file, f"question '{question.id}'.{key}", message))


def read_remediation(reader, data: dict, questions: dict[str, Question]) -> Remediation | None:
    table = reader.get(data, "remediation", dict, "")
    if table is None:
        return None
    reader.known(table, {"outcome", "states", "kept"}, "remediation")
    qid = reader.get(table, "outcome", str, "remediation")
    question = questions.get(qid) if qid else None
    states = reader.get(table, "states", dict, "remediation") or {}
    kept = reader.text(table, "kept", "remediation")
    if question is None or question.kind != "choice":
        if qid is not None:
            reader.problem("remediation.outcome", f"'{qid}' is not a choice question of this bank")
        return None
    if set(states) != set(question.options) or any(v not in STATES[1:] for v in states.values()):
        reader.problem("remediation.states", f"must map each of {', '.join(question.options)} to one of {', '.join(STATES[1:])}")
        return None
    return Remediation(qid, dict(states), kept) if kept else None


# ---------------------------------------------------------------------------------------------
# The decision table


def read_decision(reader, data: dict) -> DecisionTable | None:
    table = reader.get(data, "decision", dict, "")
    if table is None:
        return None
    reader.known(table, {"fixable", "past_fixing", "breadth"}, "decision")
    fixable = _table(reader, table, "fixable")
    past = _table(reader, table, "past_fixing")
    breadth = reader.get(table, "breadth", dict, "decision") or {}
    reader.known(breadth, {"problems", "at_least", "level"}, "decision.breadth")
    count = reader.get(breadth, "problems", int, "decision.breadth")
    band = _band(reader, breadth, "at_least", "decision.breadth", low=1)
    level = _choice(reader, breadth, "level", LEVELS, "decision.breadth")
    if fixable is None or past is None or None in (count, band, level):
        return None
    for band_ in range(1, SCALE_MAX + 1):
        for state in STATES:
            if _rank(past[band_][state]) < _rank(fixable[band_][state]):
                reader.problem(f"decision.past_fixing.{BANDS[band_]}.{state}",
                               "must not be milder than the same cell of decision.fixable")
    return DecisionTable(fixable, past, count, band, level)


def _table(reader, table: dict, key: str) -> dict[int, dict[str, str]] | None:
    where = f"decision.{key}"
    rows = reader.get(table, key, dict, "decision")
    if rows is None:
        return None
    reader.known(rows, set(BANDS[1:]), where)
    result: dict[int, dict[str, str]] = {}
    for band, name in enumerate(BANDS[1:], start=1):
        row = reader.get(rows, name, dict, where)
        if row is None:
            continue
        if set(row) != set(STATES) or any(v not in LEVELS for v in row.values()):
            reader.problem(join(where, name), f"must give a level ({', '.join(LEVELS)}) for each of {', '.join(STATES)}")
            continue
        result[band] = dict(row)
        _check_row(reader, join(where, name), row)
    if len(result) != len(BANDS) - 1:
        return None
    for band in range(2, SCALE_MAX + 1):
        for state in STATES:
            if _rank(result[band][state]) < _rank(result[band - 1][state]):
                # monotone: a worse problem never gives a milder level.
                reader.problem(f"{where}.{BANDS[band]}.{state}", f"must not be milder than the row '{BANDS[band - 1]}'")
    return result


def _check_row(reader, where: str, row: dict[str, str]) -> None:
    rank = {state: _rank(level) for state, level in row.items()}
    if rank["unknown"] > rank["untried"]:
        # fix_first: trying a remedy whose outcome is not yet known never makes it harsher.
        reader.problem(join(where, "unknown"), "must not be harsher than 'untried'")
    if not rank["fixed"] <= rank["partial"] <= rank["failed"]:
        # remediation_outcome: a clear improvement lowers, no improvement raises.
        reader.problem(where, "must order fixed ≤ partial ≤ failed")


def _rank(level: str) -> int:
    return LEVELS.index(level)
