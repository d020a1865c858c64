"""What an assessment says: the level, why, what would change it, and the advice.

Plain frozen data, shared by the reasoning that makes it, the record codec that stores it, and
every view that shows it. No I/O, no rich, no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wizard.model.bank import Answer


@dataclass(frozen=True)
class Reason:
    """A sign that contributed to the risk score, with its share of the score (0..1).

    A decisive reason crossed a dealbreaker's line: it decided the level alone, so it comes
    first and is shown as decisive, whatever its (often small) share of the score."""

    question: str
    share: float
    decisive: bool = False


@dataclass(frozen=True)
class Change:
    """Answers changed, and the level the result would then have.

    Usually one answer. A remedy's path has two: try it (`question` → `to`), then its outcome
    (`then`: the outcome question and answer), as in "revise the terms; if nothing improves
    by the review date → prepare to exit"."""

    question: str
    to: Answer
    level: str
    was: Answer | None = None  # None: the question was skipped
    then: tuple[str, Answer] | None = None


@dataclass(frozen=True)
class Finding:
    """A warning: a dealbreaker, a contradiction between answers, a bias, a quality question,
    or a thin result."""

    id: str
    kind: str  # dealbreaker | consistency | bias | quality | thin
    text: str


@dataclass(frozen=True)
class Step:
    """One line of advice: an action, an exit step, a prevention tip or a consequence."""

    id: str
    text: str
    tag: str = ""  # exit steps: the stage; consequences: whose side


@dataclass(frozen=True)
class ProblemView:
    """One problem as the result shows it: how serious, what was done, the level it gives."""

    id: str
    band: int
    state: str
    level: str


@dataclass(frozen=True)
class Advice:
    """What to do at one level: the actions, and for an exit its plan and consequences.

    Made for the recommended level with the result, and again for a decided level that
    differs, so that the advice always follows the level actually chosen."""

    level: str
    actions: tuple[Step, ...] = ()
    # The actions below the bank's top_actions, kept so that nothing is lost; not shown.
    more_actions: tuple[Step, ...] = ()
    exit_plan: tuple[Step, ...] = ()
    staged_exit: bool = False
    consequences: tuple[Step, ...] = ()
    # The actions are the questions' exit actions (steps of leaving), not their fixes.
    actions_for_exit: bool = False


@dataclass(frozen=True)
class Assessment:
    level: str
    score: int
    sections: dict[str, int]  # only the sections with a sign answered: the others are unknown
    confidence: float
    principles: tuple[str, ...]
    reasons: tuple[Reason, ...]
    milder: Change | None
    harsher: Change | None
    warnings: tuple[Finding, ...]
    actions: tuple[Step, ...]
    review_date: date
    exit_plan: tuple[Step, ...] = ()
    staged_exit: bool = False
    prevention: tuple[Step, ...] = ()
    consequences: tuple[Step, ...] = ()
    more_actions: tuple[Step, ...] = ()
    actions_for_exit: bool = False
    problems: tuple[ProblemView, ...] = ()  # empty in records made before bank 2.0
    # A thin result (under the bank's `thin` share answered): the mildest and harshest level
    # the open answers could give, and the open questions that could move it.
    range: tuple[str, str] | None = None
    open_questions: tuple[str, ...] = ()

    @property
    def advice(self) -> Advice:
        return Advice(self.level, self.actions, self.more_actions, self.exit_plan, self.staged_exit,
                      self.consequences, self.actions_for_exit)
