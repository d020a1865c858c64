"""One client over time (history) and the team's assessments of one client (team view).

Consensus rule. Each teammate counts once, with the recommended level of their latest assessment
of the client (records without a result are left out). The consensus level is the median of
those levels on the ordered scale continue < monitor < revise_terms < prepare_exit < end_now;
with an even number of teammates the harsher of the two middle levels is taken, so an evenly
split team errs on the side of caution. The spread is the number of steps between the mildest
and the harshest teammate: 0 means everybody agrees.

Confidence. An assessment with less than half of the questions answered (confidence < 0.5) is
too thin to vote: it is shown with its confidence and left out of the consensus, unless every
assessment is that thin (then all count, and the view says so).

Feedback counts too. The team agrees only when the levels agree and no teammate's current
feedback stance on those assessments is "disagree".

Conflicting decisions. Two records of one client that both stand accepted (not superseded) at
different levels are a conflict: `team`, `history`, `list` and the review screen flag it.

Disagreement rule. A question is a disagreement when at least two teammates answered it and
  - scale (0–4): the highest and lowest answers are 2 or more steps apart;
  - bool or choice: the answers are not all the same;
  - percent or number: the highest and lowest answers are 20 or more apart.
Skipping is not disagreeing. Disagreements are ranked by their size on a common 0–1 measure:
for signal questions the spread of their severities (how differently they warn), for the others
the spread on the answer's own scale (steps / 4, options apart / options − 1, yes against no = 1,
percentage points / 100, numbers relative to the largest answer); ties keep the bank's order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from statistics import median_high

from wizard.model.bank import LEVELS, SCALE_MAX, Answer, Bank, Question
from wizard.model.clients import same_client
from wizard.model.conflicts import accepted_conflict
from wizard.model.feedback import Feedback
from wizard.model.records import Decision, DecisionRecord

CONFIDENT = 0.5  # below this share of questions answered, an assessment does not vote
NUMBER_SPREAD = 20  # percent or number answers this far apart are a disagreement
SCALE_SPREAD = 2
SPARK = "▁▂▃▄▅▆▇█"


def of_client(records: list[DecisionRecord], client: str) -> list[DecisionRecord]:
    """The client's assessed records (with a result), oldest first."""
    found = [r for r in records if r.result is not None and same_client(r.client, client)]
    return sorted(found, key=lambda r: (r.created, r.id))


def sparkline(scores: list[int]) -> str:
    """Scores 0–100 as bars on an absolute scale, so lines of different clients compare."""
    return "".join(SPARK[min(len(SPARK) - 1, score * len(SPARK) // 100)] for score in scores)


def assessor_name(record: DecisionRecord) -> str:
    return " ".join(record.assessor.split())


# ---------------------------------------------------------------------------------------------
# History


@dataclass(frozen=True)
class LevelChange:
    """The recommended level moved between two consecutive assessments."""

    at: datetime
    record: str
    before: str
    after: str

    @property
    def direction(self) -> str:
        return "worse" if LEVELS.index(self.after) > LEVELS.index(self.before) else "better"


@dataclass(frozen=True)
class DecisionTaken:
    record: str
    at: datetime
    status: str
    decision: Decision | None
    recommended: str
    outcome: str = ""


@dataclass(frozen=True)
class History:
    client: str
    records: tuple[DecisionRecord, ...]  # oldest first
    level_changes: tuple[LevelChange, ...]
    decisions: tuple[DecisionTaken, ...]
    feedback: dict[str, tuple[Feedback, ...]] = field(default_factory=dict)  # record id → feedback
    conflict: tuple[DecisionRecord, ...] = ()  # accepted records of the client at different levels

    @property
    def scores(self) -> list[int]:
        return [r.result.score for r in self.records]

    @property
    def sparkline(self) -> str:
        return sparkline(self.scores)


def history(records: list[DecisionRecord], client: str,
            feedback: dict[str, list[Feedback]] | None = None) -> History:
    """Every assessment of one client over time, with level changes and decisions taken."""
    own = of_client(records, client)
    changes = tuple(
        LevelChange(b.created, b.id, a.result.level, b.result.level)
        for a, b in zip(own, own[1:]) if a.result.level != b.result.level
    )
    decisions = tuple(
        DecisionTaken(r.id, r.decision.at if r.decision and r.decision.at else r.created,
                      r.status, r.decision, r.result.level, r.outcome)
        for r in own if r.decision is not None or r.status in ("accepted", "rejected") or r.outcome
    )
    feedback = feedback or {}
    return History(
        client=own[-1].client if own else client,
        records=tuple(own),
        level_changes=changes,
        decisions=decisions,
        feedback={r.id: tuple(feedback[r.id]) for r in own if feedback.get(r.id)},
        conflict=accepted_conflict(own),
    )


# ---------------------------------------------------------------------------------------------
# Team view


@dataclass(frozen=True)
class Consensus:
    level: str | None  # None when nobody has assessed the client
    levels: dict[str, str]  # teammate → recommended level, of those who count
    spread: int  # steps between the mildest and the harshest teammate who counts
    confidence: dict[str, float] = field(default_factory=dict)  # every teammate → share answered
    thin: tuple[str, ...] = ()  # teammates left out: confidence below CONFIDENT
    disagreeing: tuple[str, ...] = ()  # who disagrees in their current feedback stance
    stances: int = 0  # current feedback stances on the teammates' assessments

    @property
    def agreed(self) -> bool:
        return bool(self.levels) and self.spread == 0 and not self.disagreeing

    @property
    def all_thin(self) -> bool:
        return bool(self.confidence) and all(c < CONFIDENT for c in self.confidence.values())


def consensus(levels: dict[str, str], confidence: dict[str, float] | None = None,
              stances: tuple[Feedback, ...] = ()) -> Consensus:
    """The median level (the harsher middle one when even) of the teammates who count, and the
    spread; thin assessments and disagreeing feedback as the module doc says."""
    confidence = dict(confidence or {})
    thin = tuple(name for name in levels if confidence.get(name, 1.0) < CONFIDENT)
    counted = {n: lv for n, lv in levels.items() if n not in thin} or dict(levels)
    disagreeing = tuple(dict.fromkeys(f.by for f in stances if f.stance == "disagree"))
    if not counted:
        return Consensus(None, {}, 0, confidence, thin, disagreeing, len(stances))
    ranks = [LEVELS.index(level) for level in counted.values()]
    return Consensus(LEVELS[median_high(ranks)], counted, max(ranks) - min(ranks), confidence,
                     thin if len(counted) < len(levels) else (), disagreeing, len(stances))


@dataclass(frozen=True)
class Disagreement:
    question: str
    answers: dict[str, Answer]  # teammate → answer (only those who answered)
    spread: float  # on the answer's own scale: steps, points, units; bool/choice: distinct answers
    size: float  # 0–1, for ranking (see the module doc)


@dataclass(frozen=True)
class TeamView:
    client: str
    members: tuple[DecisionRecord, ...]  # each teammate's latest assessment, by name
    consensus: Consensus
    disagreements: tuple[Disagreement, ...]  # largest first
    feedback: dict[str, tuple[Feedback, ...]] = field(default_factory=dict)  # record id → feedback
    conflict: tuple[DecisionRecord, ...] = ()  # accepted records of the client at different levels

    @property
    def mean_score(self) -> int | None:
        if not self.members:
            return None
        return round(sum(r.result.score for r in self.members) / len(self.members))


def latest_per_assessor(records: list[DecisionRecord], client: str) -> list[DecisionRecord]:
    """Each assessor's newest assessment of the client that no other replaces, ordered by the
    assessor's name. A superseded record counts only when all of that assessor's are (two
    records made in the same second are told apart by their links, not by their ids)."""
    latest: dict[str, DecisionRecord] = {}
    for record in of_client(records, client):  # oldest first: later ones replace earlier
        key = assessor_name(record).casefold()
        current = latest.get(key)
        if current is None or not _replaced(record) or _replaced(current):
            latest[key] = record
    return [latest[key] for key in sorted(latest)]


def _replaced(record: DecisionRecord) -> bool:
    return record.status == "superseded" or bool(record.superseded_by)


def team_view(bank: Bank, records: list[DecisionRecord], client: str,
              feedback: dict[str, list[Feedback]] | None = None) -> TeamView:
    members = latest_per_assessor(records, client)
    names = _member_names(members)
    feedback = feedback or {}
    from wizard.model.feedback import current

    stances = tuple(f for r in members for f in current(feedback.get(r.id, [])))
    return TeamView(
        client=members[-1].client if members else client,
        members=tuple(members),
        consensus=consensus({names[r.id]: r.result.level for r in members},
                            {names[r.id]: r.result.confidence for r in members}, stances),
        disagreements=disagreements(bank, {names[r.id]: r.answers for r in members}),
        feedback={r.id: tuple(feedback[r.id]) for r in members if feedback.get(r.id)},
        conflict=accepted_conflict(of_client(records, client)),
    )


def member_name(view: TeamView, record: DecisionRecord) -> str:
    return _member_names(list(view.members))[record.id]


def _member_names(members: list[DecisionRecord]) -> dict[str, str]:
    # An assessment with no assessor still counts, under the name "?".
    return {r.id: assessor_name(r) or "?" for r in members}


def disagreements(bank: Bank, answers_by_member: dict[str, dict[str, Answer]]) -> tuple[Disagreement, ...]:
    """Every question the teammates answer differently enough to talk about, largest first."""
    found = []
    for order, question in enumerate(bank.questions):
        answers = {name: a[question.id] for name, a in answers_by_member.items() if question.id in a}
        if len(answers) < 2:
            continue
        measured = _measure(question, list(answers.values()))
        if measured is not None:
            found.append((order, Disagreement(question.id, answers, *measured)))
    found.sort(key=lambda item: (-item[1].size, item[0]))
    return tuple(d for _, d in found)


def _measure(question: Question, values: list[Answer]) -> tuple[float, float] | None:
    """(spread, size) when the answers disagree by the module's rule, else None."""
    if question.kind in ("bool", "choice"):
        if len(set(values)) < 2:
            return None
        spread = float(len(set(values)))
        if question.kind == "bool":
            own = 1.0
        else:
            positions = [question.options.index(v) for v in values]
            own = (max(positions) - min(positions)) / (len(question.options) - 1)
    else:
        spread = float(max(values) - min(values))
        threshold = SCALE_SPREAD if question.kind == "scale" else NUMBER_SPREAD
        if spread < threshold:
            return None
        if question.kind == "scale":
            own = spread / SCALE_MAX
        elif question.kind == "percent":
            own = spread / 100
        else:
            own = spread / max(values)
    if question.is_signal:
        bands = [question.band(v) for v in values]
        return spread, round((max(bands) - min(bands)) / SCALE_MAX, 3)
    return spread, round(own, 3)
