"""The question bank: load it from `questions/`, validate it, translate it.

The bank is data (see docs/question-bank.md): questions, weights, thresholds, texts, actions and
checklists. This module turns it into frozen objects and reports every problem with the file,
the question id and the field, so a broken or custom bank never ends in a traceback.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Union

from wizard.problems import FieldReader, InvalidFile, Problem, display_path, join, read_toml, show

LANGUAGES = ("en", "pl")
KINDS = ("scale", "bool", "percent", "number", "choice")
ROLES = ("signal", "remediation", "context", "bias")
LEVELS = ("continue", "monitor", "revise_terms", "prepare_exit", "end_now")
PRINCIPLES = (
    "dealbreaker",
    "weighted_score",
    "fix_first",
    "remediation_outcome",
    "dependency",
    "attachment_bias",
    "own_quality",
    "monotone",
    "explained",
)
STAGES = ("prepare", "notify", "close")
EXIT_LEVELS = ("prepare_exit", "end_now")
# How many forms a unit has in each language: en one/other; pl one/few/many/fraction
# (1 dzień, 2 dni, 5 dni, 1,5 dnia; 1 rok, 2 lata, 5 lat, 1,5 roku).
UNIT_FORMS = {"en": 2, "pl": 4}

# The canonical questions of the domain brief: id → (section, kind, choice values). A bank may
# add questions; it may not drop, rename, move or retype these, since answers files, records
# and the reasoning's principles rely on them.
CANONICAL: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "late_payments": ("payments", "scale", ()),
    "late_payments_trend": ("payments", "choice", ("improving", "stable", "worsening")),
    "payment_terms_enforced": ("payments", "bool", ()),
    "contract_breaches": ("payments", "scale", ()),
    "renegotiation": ("payments", "scale", ()),
    "urgent_demands": ("workload", "scale", ()),
    "resource_drain": ("workload", "scale", ()),
    "effort_vs_result": ("workload", "scale", ()),
    "profitability": ("workload", "choice", ("profitable", "break_even", "loss_making")),
    "revenue_share": ("dependency", "percent", ()),
    "blocks_other_work": ("dependency", "scale", ()),
    "exclusivity_demand": ("dependency", "bool", ()),
    "reputation_deters_others": ("dependency", "scale", ()),
    "disrespect": ("relationship", "scale", ()),
    "distrust": ("relationship", "scale", ()),
    "dissatisfaction": ("relationship", "scale", ()),
    "communication_breakdown": ("relationship", "scale", ()),
    "disengagement": ("relationship", "scale", ()),
    "orders_trend": ("trend", "choice", ("growing", "stable", "declining", "sharply_declining")),
    "complaints_trend": ("trend", "choice", ("fewer", "stable", "more", "many_more")),
    "toxicity": ("emotional", "scale", ()),
    "wellbeing_impact": ("emotional", "scale", ()),
    "team_morale": ("emotional", "scale", ()),
    "attachment": ("emotional", "scale", ()),
    "unethical_business": ("ethics", "scale", ()),
    "asked_unethical": ("ethics", "bool", ()),
    "reputation_risk": ("ethics", "scale", ()),
    "problem_discussed": ("remediation", "bool", ()),
    "terms_revised": ("remediation", "bool", ()),
    "improvement": ("remediation", "choice", ("not_applicable", "none", "partial", "clear")),
    "relationship_years": ("context", "number", ()),
    "strategic_value": ("context", "scale", ()),
    "notice_period_days": ("context", "number", ()),
    "outstanding_receivables": ("context", "bool", ()),
}
SCALE_MAX = 4

Answer = Union[int, float, bool, str]


@dataclass(frozen=True)
class Text:
    """A user-facing text in every supported language."""

    en: str
    pl: str

    def __call__(self, lang: str) -> str:
        return self.pl if lang == "pl" else self.en


@dataclass(frozen=True)
class Unit:
    """The unit of a number answer in every language, in its plural forms (see UNIT_FORMS).

    A bank may give one form only (then it is used with every number)."""

    en: tuple[str, ...]
    pl: tuple[str, ...]

    def __call__(self, lang: str, number: float | None = None) -> str:
        forms = self.pl if lang == "pl" else self.en
        return forms[_plural_form(lang, number) if len(forms) > 1 else 0]


def _plural_form(lang: str, number: float | None) -> int:
    """Which plural form goes with `number` (None: the form for "how many", as a label)."""
    if lang != "pl":
        return 0 if number == 1 else 1
    if number is None:
        return 2
    if not float(number).is_integer():
        return 3
    n = int(number)
    if n == 1:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


@dataclass(frozen=True)
class Condition:
    question: str
    op: str  # equals | one_of | at_least | at_most
    value: Any
    negate: bool = False  # `not = true`: holds when the test fails, or the question is skipped

    def holds(self, answers: dict[str, Answer]) -> bool:
        return self._test(answers) != self.negate

    def _test(self, answers: dict[str, Answer]) -> bool:
        if self.question not in answers:
            return False
        answer = answers[self.question]
        if self.op == "equals":
            return answer == self.value and type(answer) is type(self.value)
        if self.op == "one_of":
            return answer in self.value
        if isinstance(answer, bool) or not isinstance(answer, (int, float)):
            return False
        return answer >= self.value if self.op == "at_least" else answer <= self.value


def all_hold(conditions: tuple[Condition, ...], answers: dict[str, Answer]) -> bool:
    return all(c.holds(answers) for c in conditions)


@dataclass(frozen=True)
class Question:
    id: str
    section: str
    kind: str
    role: str
    text: Text
    help: Text
    source: str = ""
    weight: float = 0.0
    action: Text | None = None
    # The action as a step of leaving, shown instead of `action` at prepare_exit and end_now;
    # without one, the action is not shown there (fixing the relationship is no longer the plan).
    exit_action: Text | None = None
    # Questions whose actions share a group say the same thing: a result lists one of them.
    action_group: str = ""
    why: Text | None = None
    labels: tuple[Text, ...] = ()  # scale labels 0..4, or choice option labels
    options: tuple[str, ...] = ()
    severity_map: dict[str, float] = field(default_factory=dict)
    risky_answer: bool | None = None
    severity_points: tuple[tuple[float, float], ...] = ()
    unit: Unit | None = None
    # Context questions only: the signals whose severity this answer scales down, by the
    # answer's fraction of its scale (see `fraction`): own faults make complaints weigh less.
    tempers: tuple[str, ...] = ()

    @property
    def is_signal(self) -> bool:
        return self.role == "signal"

    def check(self, value: object) -> str | None:
        """Why `value` is not an allowed answer, or None when it is."""
        if self.kind == "scale":
            if isinstance(value, bool) or not isinstance(value, int):
                return f"must be a whole number 0 to {SCALE_MAX} (got {show(value)})"
            if not 0 <= value <= SCALE_MAX:
                return f"must be 0 to {SCALE_MAX} (got {value})"
        elif self.kind == "bool":
            if not isinstance(value, bool):
                return f"must be true or false (got {show(value)})"
        elif self.kind in ("percent", "number"):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return f"must be a number (got {show(value)})"
            if not math.isfinite(value):
                return f"must be a finite number (got {value})"
            if self.kind == "percent" and not 0 <= value <= 100:
                return f"must be a percentage 0 to 100 (got {value})"
            if value < 0:
                return f"must not be negative (got {value})"
        elif self.kind == "choice":
            if value not in self.options or not isinstance(value, str):
                allowed = ", ".join(f'"{o}"' for o in self.options)
                return f"must be one of {allowed} (got {show(value)})"
        return None

    def severity(self, value: Answer | None) -> float:
        """How strongly an answer warns, 0..1. A skipped question warns not at all."""
        if value is None or not self.is_signal:
            return 0.0
        if self.kind == "scale":
            return value / SCALE_MAX
        if self.kind == "bool":
            return 1.0 if value == self.risky_answer else 0.0
        if self.kind == "choice":
            return self.severity_map[value]
        return _interpolate(self.severity_points, float(value))

    def fraction(self, value: Answer | None) -> float:
        """A scale or percent answer as a fraction 0..1 of its range (0 when skipped)."""
        if value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
            return 0.0
        top = SCALE_MAX if self.kind == "scale" else 100
        return min(1.0, max(0.0, float(value) / top))

    def choices(self) -> tuple[Answer, ...]:
        """The answers a user picks from, in the order they are shown (not for numbers)."""
        if self.kind == "scale":
            return tuple(range(SCALE_MAX + 1))
        if self.kind == "bool":
            return (True, False)
        return self.options

    def label(self, value: Answer, lang: str, bank: Bank) -> str:
        """The answer as the user saw it: an option label, yes/no, or a number with its unit."""
        if self.kind == "scale":
            labels = self.labels or bank.scale_labels
            return f"{value} · {labels[int(value)](lang)}"
        if self.kind == "bool":
            return bank.bool_labels[0 if value else 1](lang)
        if self.kind == "choice":
            return self.labels[self.options.index(value)](lang)
        number = format_number(value, lang)
        if self.kind == "percent":
            return f"{number}%"
        return f"{number} {self.unit(lang, value)}" if self.unit else number


def format_number(value: int | float, lang: str = "en") -> str:
    """A number as a person writes it: 30, 2.5, 1000000 (never 1e+06); 2,5 in Polish."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value)
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "pl" else text


def _interpolate(points: tuple[tuple[float, float], ...], x: float) -> float:
    if x <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1]


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    weight: float
    why: Text | None
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Level:
    id: str
    min_score: int
    review_days: int
    label: Text
    summary: Text


@dataclass(frozen=True)
class Principle:
    id: str
    name: Text
    text: Text


@dataclass(frozen=True)
class Rule:
    """A dealbreaker, a consistency check or an exit step: conditions and a text."""

    id: str
    when: tuple[Condition, ...]
    text: Text
    stage: str = ""
    levels: tuple[str, ...] = EXIT_LEVELS  # exit steps: the levels whose exit plan has it


@dataclass(frozen=True)
class Item:
    id: str
    text: Text
    side: str = ""


@dataclass(frozen=True)
class Scoring:
    breadth_share: float
    peak_count: int
    fires_at: float
    dependency_share: float
    dependency_scale: int
    attachment_min: int
    attachment_years: float
    attachment_score: int
    top_reasons: int
    top_actions: int = 5  # optional in the data: banks written before it still load


@dataclass(frozen=True, eq=False)
class Bank:
    version: str
    path: str
    scale_labels: tuple[Text, ...]
    bool_labels: tuple[Text, ...]
    scoring: Scoring
    levels: tuple[Level, ...]
    principles: dict[str, Principle]
    sections: tuple[Section, ...]
    dealbreakers: tuple[Rule, ...]
    consistency: tuple[Rule, ...]
    exit_steps: tuple[Rule, ...]
    prevention: tuple[Item, ...]
    consequences: tuple[Item, ...]
    questions: tuple[Question, ...] = field(init=False)
    _by_id: dict[str, Question] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        questions = tuple(q for s in self.sections for q in s.questions)
        object.__setattr__(self, "questions", questions)
        object.__setattr__(self, "_by_id", {q.id: q for q in questions})

    def question(self, question_id: str) -> Question | None:
        return self._by_id.get(question_id)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def level(self, level_id: str) -> Level:
        return self.levels[LEVELS.index(level_id)]


# ---------------------------------------------------------------------------------------------
# Loading and validation


def default_path() -> Path:
    """The bank shipped with the program: inside the installed package, else the source tree."""
    packaged = Path(__file__).resolve().parent / "questions"
    if (packaged / "bank.toml").is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "questions"


@cache
def load_default() -> Bank:
    return load(default_path())


def load(path: Path | str | None = None) -> Bank:
    """Load and validate a bank: a folder with bank.toml, or a single bank file.

    Raises `InvalidFile` listing every problem found, each naming the file, the question id
    and the field.
    """
    path = Path(path) if path is not None else default_path()
    if path.is_dir():
        main_file = path / "bank.toml"
        folder = path
    else:
        main_file = path
        folder = path.parent
    reader = _Reader(display_path(main_file))
    data = read_toml(main_file)
    bank = reader.bank(data, folder)
    if reader.problems:
        raise InvalidFile(reader.problems)
    assert bank is not None
    return bank


class _Reader(FieldReader):
    """Reads plain TOML data into bank objects, collecting problems instead of raising."""

    def text(self, table: dict, key: str, where: str, required: bool = True) -> Text | None:
        value = self.get(table, key, dict, where, required)
        if value is None:
            return None
        texts = {}
        for lang in LANGUAGES:
            texts[lang] = self.get(value, lang, str, join(where, key))
            if texts[lang] is not None and not texts[lang].strip():
                self.problem(join(where, key, lang), "must not be empty")
        for extra in set(value) - set(LANGUAGES):
            self.problem(join(where, key, extra), f"unknown language (allowed: {', '.join(LANGUAGES)})")
        if None in texts.values():
            return None
        return Text(**texts)

    def texts(self, table: dict, key: str, where: str, count: int | None) -> tuple[Text, ...]:
        value = self.get(table, key, dict, where)
        if value is None:
            return ()
        lists = {}
        for lang in LANGUAGES:
            items = self.get(value, lang, list, join(where, key))
            if items is None:
                return ()
            if not all(isinstance(i, str) and i.strip() for i in items):
                self.problem(join(where, key, lang), "must be a list of non-empty texts")
                return ()
            if count is not None and len(items) != count:
                self.problem(join(where, key, lang), f"must have {count} entries (got {len(items)})")
                return ()
            lists[lang] = items
        if len(lists["en"]) != len(lists["pl"]):
            self.problem(join(where, key), "en and pl must have the same number of entries")
            return ()
        return tuple(Text(en, pl) for en, pl in zip(lists["en"], lists["pl"]))

    def number(self, table: dict, key: str, where: str, low: float, high: float | None = None):
        value = self.get(table, key, (int, float), where)
        if value is None:
            return None
        if value < low or (high is not None and value > high) or not math.isfinite(value):
            allowed = f"{low} to {high}" if high is not None else f"at least {low}"
            self.problem(join(where, key), f"must be {allowed} (got {value})")
            return None
        return value

    def entries(self, data: dict, key: str, where: str = "") -> list[tuple[str, dict]]:
        """An array of tables, each paired with a readable name for problem messages."""
        items = self.get(data, key, list, where, required=False) or []
        result = []
        for index, item in enumerate(items):
            name = f"{key}[{index}]"
            if not isinstance(item, dict):
                self.problem(name, "must be a table")
                continue
            if isinstance(item.get("id"), str):
                name = f"{key} '{item['id']}'"
            result.append((name, item))
        return result

    def conditions(self, item: dict, where: str, question_ids: dict[str, Question]):
        raw = self.get(item, "when", list, where, required=False) or []
        result = []
        for index, cond in enumerate(raw):
            cwhere = join(where, f"when[{index}]")
            if not isinstance(cond, dict):
                self.problem(cwhere, "must be a table like { question = ID, equals = VALUE }")
                continue
            qid = self.get(cond, "question", str, cwhere)
            ops = [op for op in ("equals", "one_of", "at_least", "at_most") if op in cond]
            if len(ops) != 1 or set(cond) - {"question", "not", *ops}:
                self.problem(cwhere, "must have 'question', exactly one of equals, one_of, at_least, at_most, and optionally 'not'")
                continue
            negate = self.get(cond, "not", bool, cwhere, required=False) or False
            if qid is None:
                continue
            if qid not in question_ids:
                self.problem(join(cwhere, "question"), f"unknown question id '{qid}'")
                continue
            op, value = ops[0], cond[ops[0]]
            question = question_ids[qid]
            candidates = value if op == "one_of" else [value]
            if op == "one_of" and not isinstance(value, list):
                self.problem(join(cwhere, op), "must be a list of answers")
                continue
            if op in ("at_least", "at_most") and question.kind in ("bool", "choice"):
                self.problem(join(cwhere, op), f"cannot compare a {question.kind} question by size")
                continue
            bad = [c for c in candidates if question.check(c)]
            if bad:
                self.problem(join(cwhere, op), f"{question.check(bad[0])} for question '{qid}'")
                continue
            result.append(Condition(qid, op, tuple(value) if op == "one_of" else value, negate))
        return tuple(result)

    # -- the bank -----------------------------------------------------------------------------

    def known(self, table: object, allowed: set[str], where: str) -> None:
        """A misspelt field would silently drop data: name it instead."""
        if isinstance(table, dict):
            for key in sorted(set(table) - allowed):
                self.problem(join(where, key), f"unknown field (allowed: {', '.join(sorted(allowed))})")

    def bank(self, data: dict, folder: Path) -> Bank | None:
        self.known(data, {"version", "scale", "bool", "scoring", "level", "principle", "section",
                          "dealbreaker", "consistency", "exit_step", "prevention", "consequence"}, "")
        self.known(data.get("scale"), {"labels"}, "scale")
        self.known(data.get("bool"), {"labels"}, "bool")
        version = self.get(data, "version", str, "")
        scale = self.texts(data.get("scale", {}), "labels", "scale", SCALE_MAX + 1) if self._table(data, "scale") else ()
        bools = self.texts(data.get("bool", {}), "labels", "bool", 2) if self._table(data, "bool") else ()
        scoring = self.scoring(data)
        levels = self.levels(data)
        principles = self.principles(data)
        sections = self.sections(data, folder)
        questions = {q.id: q for s in sections for q in s.questions}
        if sections:
            for qid in CANONICAL:
                if qid not in questions and not any(qid in p.field for p in self.problems):
                    self.problem("question", f"the canonical question '{qid}' is missing "
                                 "(a bank may add questions, never drop or rename the canonical ones)")
        dealbreakers = self.rules(data, "dealbreaker", questions)
        consistency = self.rules(data, "consistency", questions)
        exit_steps = self.rules(data, "exit_step", questions, staged=True)
        prevention = self.items(data, "prevention")
        consequences = self.items(data, "consequence", sides=("us", "client"))
        if self.problems:
            return None
        return Bank(
            version=version,
            path=self.file,
            scale_labels=scale,
            bool_labels=bools,
            scoring=scoring,
            levels=levels,
            principles=principles,
            sections=sections,
            dealbreakers=dealbreakers,
            consistency=consistency,
            exit_steps=exit_steps,
            prevention=prevention,
            consequences=consequences,
        )

    def tempered(self, sections: list[Section], files: dict[str, str]) -> None:
        """A question may temper only signals (it scales their severity down)."""
        questions = {q.id: q for s in sections for q in s.questions}
        for question in questions.values():
            for target in question.tempers:
                other = questions.get(target)
                if other is None or not other.is_signal:
                    self.problems.append(Problem(files[question.id], f"question '{question.id}'.tempers",
                                                 f"'{target}' is not a signal question of this bank"))

    def _table(self, data: dict, key: str) -> bool:
        if not isinstance(data.get(key), dict):
            self.problem(key, "is missing" if key not in data else "must be a table")
            return False
        return True

    def scoring(self, data: dict) -> Scoring | None:
        if not self._table(data, "scoring"):
            return None
        table = data["scoring"]
        self.known(table, set(Scoring.__dataclass_fields__), "scoring")
        values = {
            "breadth_share": self.number(table, "breadth_share", "scoring", 0, 1),
            "peak_count": self.number(table, "peak_count", "scoring", 1, 50),
            "fires_at": self.number(table, "fires_at", "scoring", 0.01, 1),
            "dependency_share": self.number(table, "dependency_share", "scoring", 0, 100),
            "dependency_scale": self.number(table, "dependency_scale", "scoring", 0, SCALE_MAX),
            "attachment_min": self.number(table, "attachment_min", "scoring", 0, SCALE_MAX),
            "attachment_years": self.number(table, "attachment_years", "scoring", 0),
            "attachment_score": self.number(table, "attachment_score", "scoring", 0, 100),
            "top_reasons": self.number(table, "top_reasons", "scoring", 1, 50),
        }
        if "top_actions" in table:
            values["top_actions"] = self.number(table, "top_actions", "scoring", 1, 50)
        for key in ("peak_count", "dependency_scale", "attachment_min", "attachment_score", "top_reasons",
                    "top_actions"):
            if isinstance(values.get(key), float):
                self.problem(f"scoring.{key}", f"must be a whole number (got {values[key]})")
        if None in values.values():
            return None
        return Scoring(**values)

    def levels(self, data: dict) -> tuple[Level, ...]:
        levels = []
        for where, item in self.entries(data, "level"):
            self.known(item, {"id", "min_score", "review_days", "label", "summary"}, where)
            level_id = self.get(item, "id", str, where)
            if level_id is not None and level_id not in LEVELS:
                self.problem(join(where, "id"), f"must be one of {', '.join(LEVELS)}")
            min_score = self.number(item, "min_score", where, 0, 100)
            review_days = self.number(item, "review_days", where, 1, 3650)
            label = self.text(item, "label", where)
            summary = self.text(item, "summary", where)
            if None not in (level_id, min_score, review_days, label, summary):
                levels.append(Level(level_id, int(min_score), int(review_days), label, summary))
        if [lv.id for lv in levels] != list(LEVELS):
            self.problem("level", f"must list exactly the five levels in order: {', '.join(LEVELS)}")
        elif levels[0].min_score != 0:
            self.problem("level 'continue'.min_score", "must be 0")
        elif any(a.min_score >= b.min_score for a, b in zip(levels, levels[1:])):
            self.problem("level", "min_score must rise from one level to the next")
        return tuple(levels)

    def principles(self, data: dict) -> dict[str, Principle]:
        result = {}
        for where, item in self.entries(data, "principle"):
            self.known(item, {"id", "name", "text"}, where)
            pid = self.get(item, "id", str, where)
            name = self.text(item, "name", where)
            text = self.text(item, "text", where)
            if pid is not None and pid not in PRINCIPLES:
                self.problem(join(where, "id"), f"unknown principle (allowed: {', '.join(PRINCIPLES)})")
            elif None not in (pid, name, text):
                result[pid] = Principle(pid, name, text)
        missing = [p for p in PRINCIPLES if p not in result]
        if missing and not self.problems:
            self.problem("principle", f"missing: {', '.join(missing)}")
        return result

    def sections(self, data: dict, folder: Path) -> tuple[Section, ...]:
        sections = []
        seen: dict[str, str] = {}
        for where, item in self.entries(data, "section"):
            self.known(item, {"id", "file", "weight", "title", "why", "question"}, where)
            sid = self.get(item, "id", str, where)
            title = self.text(item, "title", where)
            why = self.text(item, "why", where, required=False)
            weight = self.number(item, "weight", where, 0)
            file = self.get(item, "file", str, where, required="question" not in item)
            if sid is None or title is None or weight is None:
                continue
            if file is not None:
                if Path(file).is_absolute() or ".." in Path(file).parts:
                    self.problem(join(where, "file"), "must be a file name inside the bank's folder")
                    continue
                path = folder / file
                try:
                    section_data = read_toml(path)
                except InvalidFile as error:
                    self.problems.extend(error.problems)
                    continue
                source = display_path(path)
            else:
                section_data, source = item, self.file
            questions = self.questions(section_data, sid, source, seen)
            if weight > 0 and not any(q.is_signal for q in questions):
                self.problem(join(where, "weight"), "must be 0 for a section with no signal questions")
            sections.append(Section(sid, title, float(weight), why, tuple(questions)))
        self.tempered(sections, seen)
        if not sections and not self.problems:
            self.problem("section", "the bank has no sections")
        if sections and sum(s.weight for s in sections) <= 0:
            self.problem("section", "at least one section needs a weight above 0")
        return tuple(sections)

    def questions(self, data: dict, section: str, file: str, seen: dict[str, str]) -> list[Question]:
        reader = _Reader(file)
        if file != self.file:
            reader.known(data, {"question"}, "")
        result = []
        for where, item in reader.entries(data, "question"):
            question = reader.question(item, where, section)
            if question is None:
                continue
            if question.id in seen:
                reader.problem(where, f"duplicate question id (also in {seen[question.id]})")
                continue
            seen[question.id] = file
            reader.canonical(question, where)
            result.append(question)
        self.problems.extend(reader.problems)
        return result

    def canonical(self, question: Question, where: str) -> None:
        if question.id not in CANONICAL:
            return
        section, kind, options = CANONICAL[question.id]
        if question.section != section:
            self.problem(where, f"a canonical question of section '{section}' (found in '{question.section}')")
        if question.kind != kind:
            self.problem(join(where, "kind"), f"the canonical question is a {kind} question (got {question.kind})")
        elif options and question.options != options:
            self.problem(join(where, "options"), f"the canonical values are {', '.join(options)}, in this order")

    def question(self, item: dict, where: str, section: str) -> Question | None:
        before = len(self.problems)
        qid = self.get(item, "id", str, where)
        if qid is not None and not (qid.isidentifier() and qid.isascii() and qid.islower()):
            self.problem(join(where, "id"), "must be lower_case_with_underscores (ASCII)")
        kind = self.get(item, "kind", str, where)
        if kind is not None and kind not in KINDS:
            self.problem(join(where, "kind"), f"must be one of {', '.join(KINDS)} (got '{kind}')")
        role = self.get(item, "role", str, where)
        if role is not None and role not in ROLES:
            self.problem(join(where, "role"), f"must be one of {', '.join(ROLES)} (got '{role}')")
        known = {
            "id", "kind", "role", "weight", "source", "text", "help", "action", "why", "labels",
            "options", "option_labels", "severity", "risky_answer", "severity_points", "unit",
            "exit_action", "action_group", "tempers",
        }
        for extra in sorted(set(item) - known):
            self.problem(join(where, extra), f"unknown field (allowed: {', '.join(sorted(known))})")
        text = self.text(item, "text", where)
        help_text = self.text(item, "help", where)
        source = self.get(item, "source", str, where, required=False) or ""
        why = self.text(item, "why", where, required=False)
        action = self.text(item, "action", where, required=role == "signal")
        exit_action = self.text(item, "exit_action", where, required=False)
        action_group = self.get(item, "action_group", str, where, required=False) or ""
        for key in ("exit_action", "action_group"):
            if key in item and "action" not in item:
                self.problem(join(where, key), "needs an 'action' too")
        tempers = self.tempers(item, where, kind, role)
        weight = 0.0
        if role == "signal":
            weight = self.number(item, "weight", where, 0.001) or 0.0
        elif "weight" in item:
            self.problem(join(where, "weight"), "only signal questions carry a weight")
        if kind not in KINDS or role not in ROLES:
            return None
        details = self.kind_details(item, where, kind, role)
        if len(self.problems) > before or details is None:
            return None
        return Question(
            id=qid, section=section, kind=kind, role=role, text=text, help=help_text,
            source=source, weight=float(weight), action=action, exit_action=exit_action,
            action_group=action_group, why=why, tempers=tempers, **details,
        )

    def tempers(self, item: dict, where: str, kind: str | None, role: str | None) -> tuple[str, ...]:
        if "tempers" not in item:
            return ()
        value = self.get(item, "tempers", list, where)
        if value is None:
            return ()
        if role != "context" or kind not in ("scale", "percent"):
            self.problem(join(where, "tempers"), "only a context question of kind scale or percent tempers signals")
            return ()
        if not value or not all(isinstance(v, str) and v for v in value):
            self.problem(join(where, "tempers"), "must be a list of signal question ids")
            return ()
        return tuple(value)

    def kind_details(self, item: dict, where: str, kind: str, role: str) -> dict | None:
        details: dict[str, Any] = {}
        allowed = {"scale": {"labels"}, "choice": {"options", "option_labels", "severity"},
                   "bool": {"risky_answer"}, "percent": {"severity_points"},
                   "number": {"severity_points", "unit"}}[kind]
        for key in {"labels", "options", "option_labels", "severity", "risky_answer",
                    "severity_points", "unit"} - allowed:
            if key in item:
                self.problem(join(where, key), f"does not apply to a {kind} question")
        signal = role == "signal"
        if kind == "scale" and "labels" in item:
            details["labels"] = self.texts(item, "labels", where, SCALE_MAX + 1)
        elif kind == "choice":
            options = self.get(item, "options", list, where)
            if options is None:
                return None
            if len(options) < 2 or not all(isinstance(o, str) and o for o in options) or len(set(options)) != len(options):
                self.problem(join(where, "options"), "must be a list of two or more distinct values")
                return None
            details["options"] = tuple(options)
            details["labels"] = self.texts(item, "option_labels", where, len(options))
            if signal:
                severity = self.get(item, "severity", dict, where)
                if severity is not None:
                    if set(severity) != set(options):
                        self.problem(join(where, "severity"), f"must give a value for each option: {', '.join(options)}")
                    elif not all(_unit_interval(v) for v in severity.values()):
                        self.problem(join(where, "severity"), "each value must be a number from 0 to 1")
                    else:
                        details["severity_map"] = {k: float(v) for k, v in severity.items()}
            elif "severity" in item:
                self.problem(join(where, "severity"), "only signal questions carry a severity")
        elif kind == "bool" and signal:
            details["risky_answer"] = self.get(item, "risky_answer", bool, where)
        elif kind in ("percent", "number"):
            if kind == "number" and "unit" in item:
                details["unit"] = self.unit(item, where)
            if signal:
                points = self.get(item, "severity_points", list, where)
                if points is not None:
                    details["severity_points"] = self.points(points, join(where, "severity_points"), kind)
        return details

    def unit(self, item: dict, where: str) -> Unit | None:
        """`unit.en = ["day", "days"]`, `unit.pl = ["dzień", "dni", "dni", "dnia"]`, or one text each."""
        value = self.get(item, "unit", dict, where)
        if value is None:
            return None
        forms = {}
        for lang in LANGUAGES:
            field = join(where, "unit", lang)
            raw = value.get(lang)
            if isinstance(raw, str):
                raw = [raw]
            count = UNIT_FORMS[lang]
            if not isinstance(raw, list) or len(raw) not in (1, count) or not all(
                    isinstance(f, str) and f.strip() for f in raw):
                self.problem(field, f"must be a text, or a list of {count} plural forms")
                return None
            forms[lang] = tuple(raw)
        for extra in set(value) - set(LANGUAGES):
            self.problem(join(where, "unit", extra), f"unknown language (allowed: {', '.join(LANGUAGES)})")
        return Unit(**forms)

    def points(self, points: list, where: str, kind: str) -> tuple:
        ok = len(points) >= 2 and all(
            isinstance(p, list) and len(p) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in p)
            and _unit_interval(p[1]) and p[0] >= 0 and (kind != "percent" or p[0] <= 100)
            for p in points
        )
        if not ok:
            self.problem(where, "must be two or more [value, severity] pairs, severity 0 to 1")
            return ()
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        if xs != sorted(set(xs)) or ys != sorted(ys):
            # Severity must not fall as the value rises: a worse answer never warns less.
            self.problem(where, "values must rise strictly and severities must not fall")
            return ()
        return tuple((float(x), float(y)) for x, y in points)

    def rules(self, data: dict, key: str, questions: dict, staged: bool = False) -> tuple[Rule, ...]:
        rules = []
        seen = set()
        for where, item in self.entries(data, key):
            self.known(item, {"id", "when", "text", "stage", "levels"} if staged else {"id", "when", "text"}, where)
            rid = self.get(item, "id", str, where)
            text = self.text(item, "text", where)
            when = self.conditions(item, where, questions)
            stage = ""
            if staged:
                stage = self.get(item, "stage", str, where)
                if stage is not None and stage not in STAGES:
                    self.problem(join(where, "stage"), f"must be one of {', '.join(STAGES)}")
            elif key != "exit_step" and not when and "when" not in item:
                self.problem(join(where, "when"), "is missing")
            if rid in seen:
                self.problem(join(where, "id"), "is used twice")
            seen.add(rid)
            levels = self.exit_levels(item, where) if staged else EXIT_LEVELS
            if None not in (rid, text, stage, levels):
                rules.append(Rule(rid, when, text, stage, levels))
        return tuple(rules)

    def exit_levels(self, item: dict, where: str) -> tuple[str, ...] | None:
        if "levels" not in item:
            return EXIT_LEVELS
        value = self.get(item, "levels", list, where)
        if value is None:
            return None
        if not value or any(v not in EXIT_LEVELS for v in value) or len(set(value)) != len(value):
            self.problem(join(where, "levels"), f"must list one or both of {', '.join(EXIT_LEVELS)}")
            return None
        return tuple(value)

    def items(self, data: dict, key: str, sides: tuple[str, ...] = ()) -> tuple[Item, ...]:
        items = []
        for where, item in self.entries(data, key):
            self.known(item, {"id", "text", "side"} if sides else {"id", "text"}, where)
            iid = self.get(item, "id", str, where)
            text = self.text(item, "text", where)
            side = ""
            if sides:
                side = self.get(item, "side", str, where)
                if side is not None and side not in sides:
                    self.problem(join(where, "side"), f"must be one of {', '.join(sides)}")
            if None not in (iid, text, side):
                items.append(Item(iid, text, side))
        return tuple(items)


def _unit_interval(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1
