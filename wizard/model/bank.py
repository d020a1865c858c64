"""The question bank as objects: questions, problems, remedies, the decision table, texts.

The bank is data (see docs/question-bank.md and docs/reasoning.md): questions, bands,
thresholds, texts, actions and checklists live in `questions/`. This module is their model;
`wizard/storage/bank_codec.py` reads and validates the files, naming file, id and field of
every problem, so a broken or custom bank never ends in a traceback.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Union

from wizard.i18n import NUMBER_FORMS, number_form
from wizard.model.problems import show

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
STAGES = ("secure", "prepare", "notify", "close")
EXIT_LEVELS = ("prepare_exit", "end_now")
EXIT_CAUSES = ("ordinary", "for_cause")
# A problem's severity is a band 0..4 (none, mild, moderate, serious, severe); what has been
# done about it is one of these states, the columns of the decision table.
BANDS = ("none", "mild", "moderate", "serious", "severe")
STATES = ("untried", "unknown", "failed", "partial", "fixed")
# The warnings whose texts the bank gives, filled with the user's answers by the reasoning.
FINDINGS = ("attachment_bias", "attachment_years", "own_fault", "check_quality", "thin", "thin_settled", "more",
            "breadth", "strategic_value")
# How many forms a unit has in each language: en one/other; pl one/few/many/fraction
# (1 dzień, 2 dni, 5 dni, 1,5 dnia; 1 rok, 2 lata, 5 lat, 1,5 roku).
UNIT_FORMS = {lang: len(forms) for lang, forms in NUMBER_FORMS.items()}

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
        return forms[NUMBER_FORMS[lang].index(number_form(lang, number))] if len(forms) > 1 else forms[0]


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
    action: Text | None = None
    # The action as a step of leaving, shown instead of `action` at prepare_exit and end_now;
    # without one, the action is not shown there (fixing the relationship is no longer the plan).
    exit_action: Text | None = None
    # Questions whose actions share a group say the same thing: a result lists one of them.
    action_group: str = ""
    # The remedy whose job this sign's action is: once that remedy was tried, the action is
    # done, and the remedy's next step is advised instead.
    remedy: str = ""
    problem: str = ""  # signals: the problem this sign belongs to
    why: Text | None = None
    labels: tuple[Text, ...] = ()  # scale labels 0..4, or choice option labels
    options: tuple[str, ...] = ()
    # Signals: the severity band 0..4 an answer gives. A scale answer is its own band; a
    # choice maps each option; a yes/no gives `risky_band` for `risky_answer`; a number
    # gives the band of the highest threshold it reaches.
    choice_bands: dict[str, int] = field(default_factory=dict)
    risky_answer: bool | None = None
    risky_band: int = SCALE_MAX
    thresholds: tuple[tuple[float, int], ...] = ()
    # A qualifier (a trend) adds its band to the sign it qualifies, when that sign is above 0,
    # and counts nothing on its own: paying late more often means nothing for a client who
    # never pays late.
    qualifies: str = ""
    unit: Unit | None = None
    # Context questions only: the signals whose band this answer scales down, by the answer's
    # fraction of its scale (see `fraction`): own faults make complaints weigh less.
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

    def band(self, value: Answer | None) -> int:
        """The severity band 0..4 of an answer to a signal. A skipped question warns not at all."""
        if value is None or not self.is_signal:
            return 0
        if self.kind == "scale":
            return int(value)
        if self.kind == "bool":
            return self.risky_band if value == self.risky_answer else 0
        if self.kind == "choice":
            return self.choice_bands[value]
        return max((band for start, band in self.thresholds if value >= start), default=0)

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
    """A dealbreaker, a consistency check or an exit step: conditions and a text.

    It holds when every condition of `when` holds and, if `when_any` is given, one of those."""

    id: str
    when: tuple[Condition, ...]
    text: Text
    stage: str = ""
    levels: tuple[str, ...] = EXIT_LEVELS  # exit steps: the levels whose exit plan has it
    causes: tuple[str, ...] = EXIT_CAUSES  # exit steps: the kinds of exit that have it
    when_any: tuple[Condition, ...] = ()

    def holds(self, answers: dict[str, Answer]) -> bool:
        return all_hold(self.when, answers) and (not self.when_any or any(c.holds(answers) for c in self.when_any))


@dataclass(frozen=True)
class Item:
    """A prevention tip or a consequence; a consequence may hold only for some answers."""

    id: str
    text: Text
    side: str = ""
    when: tuple[Condition, ...] = ()
    when_any: tuple[Condition, ...] = ()
    causes: tuple[str, ...] = EXIT_CAUSES

    def holds(self, answers: dict[str, Answer], cause: str) -> bool:
        return (cause in self.causes and all_hold(self.when, answers)
                and (not self.when_any or any(c.holds(answers) for c in self.when_any)))


@dataclass(frozen=True)
class Scoring:
    peak_share: float  # the share of the score from the worst sign of all; the rest by section
    fires_at: int  # the band at which a sign fires: its problem gets actions
    attachment_min: int
    attachment_years: float
    attachment_score: int
    own_fault_first: int  # complaints_justified at which the root-cause review comes first
    thin: float  # under this share of questions answered, a result shows its range
    top_reasons: int
    top_actions: int
    diversify: str  # the question whose action is the diversification track of a dependency
    strategic_min: int  # strategic_value at which an exit names what it costs beyond money


@dataclass(frozen=True)
class Problem:
    """Signs grouped by what is wrong; the unit the decision table reasons about."""

    id: str
    name: Text
    signals: tuple[str, ...]
    fixable_up_to: int  # the highest band at which a remedy can still fix it
    max_level: str = LEVELS[-1]  # the harshest level it can give on its own
    dependency: bool = False  # a risk to the budget, not a fault of the client
    floor: str = LEVELS[0]  # the level it gives at least once a sign fires as answered (untempered)


@dataclass(frozen=True)
class Remedy:
    """Something the user can try (a yes/no question), and the problems it addresses."""

    question: str
    addresses: tuple[str, ...]
    next_action: Text  # advised instead of the actions it already covers, once it failed or partly helped
    pending_action: Text  # the same while its outcome is not known yet
    path: Text  # "revise the terms": said in "If you …, and nothing improves, …"


@dataclass(frozen=True)
class Remediation:
    """How the outcome of what was tried is asked, and what each answer means."""

    outcome: str  # the question asking whether things improved
    states: dict[str, str]  # its answer → a state of STATES
    kept: Text  # the advice once a problem is fixed


@dataclass(frozen=True)
class DecisionTable:
    """severity band × remediation state → level, for problems still fixable and past fixing;
    and the breadth rule: `breadth_problems` problems at `breadth_band` or worse → at least
    `breadth_level`."""

    fixable: dict[int, dict[str, str]]
    past_fixing: dict[int, dict[str, str]]
    breadth_problems: int
    breadth_band: int
    breadth_level: str

    def level(self, band: int, state: str, fixable: bool) -> str:
        if band <= 0:
            return LEVELS[0]
        return (self.fixable if fixable else self.past_fixing)[band][state]


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
    band_labels: tuple[Text, ...]
    state_labels: tuple[Text, ...]
    problems: tuple[Problem, ...]
    remedies: tuple[Remedy, ...]
    remediation: Remediation
    decision: DecisionTable
    dealbreakers: tuple[Rule, ...]
    consistency: tuple[Rule, ...]
    exit_steps: tuple[Rule, ...]
    for_cause: tuple[Condition, ...]  # any one holding makes an exit one for cause
    prevention: tuple[Item, ...]
    consequences: tuple[Item, ...]
    findings: dict[str, Text]  # warning texts with {placeholders} filled by the reasoning
    questions: tuple[Question, ...] = field(init=False)
    _by_id: dict[str, Question] = field(init=False, repr=False)
    _problem_of: dict[str, Problem] = field(init=False, repr=False)
    _problems: dict[str, Problem] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        questions = tuple(q for s in self.sections for q in s.questions)
        object.__setattr__(self, "questions", questions)
        object.__setattr__(self, "_by_id", {q.id: q for q in questions})
        object.__setattr__(self, "_problem_of", {qid: p for p in self.problems for qid in p.signals})
        object.__setattr__(self, "_problems", {p.id: p for p in self.problems})

    def question(self, question_id: str) -> Question | None:
        return self._by_id.get(question_id)

    def problem_of(self, question_id: str) -> Problem | None:
        """The problem a signal belongs to (None for a question that is no signal)."""
        return self._problem_of.get(question_id)

    def problem(self, problem_id: str) -> Problem:
        return self._problems[problem_id]

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    @property
    def review_days(self) -> dict[str, int]:
        """Each level's days from an assessment (or a decision) to its review."""
        return {level.id: level.review_days for level in self.levels}

    def level(self, level_id: str) -> Level:
        return self.levels[LEVELS.index(level_id)]
