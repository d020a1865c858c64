"""The core of the reasoning: answers → signs' bands → problems → the decision table → a level.

Pure and fast: it runs once for the result and again for every counterfactual candidate, so it
works on a plan compiled once per bank. Every number and table comes from the bank
(docs/reasoning.md explains the model so that any result can be checked by hand).

- A sign's band is 0..4 (a skipped question is 0: it adds no risk). Complaints you count as
  your own fault scale their band down (own_quality); a trend adds to the sign it qualifies
  only when that sign is above 0 (never late and "stable" carries no risk).
- A problem is as serious as its worst sign (never diluted by other problems), and is in one
  remediation state: untried, unknown (tried, outcome not known), failed, partial or fixed. A
  remedy counts only for the problems it addresses.
- The decision table gives each problem a level; the result is the harshest, and at least the
  breadth rule's level when several problems show at once. A dealbreaker decides alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from wizard.model.bank import LEVELS, SCALE_MAX, STATES, Answer, Bank

_EPSILON = 1e-9
_RANK = {level: rank for rank, level in enumerate(LEVELS)}


@dataclass(frozen=True)
class ProblemState:
    """One problem of this client: how serious, what was done about it, the level it gives."""

    id: str
    band: int  # 0..4: none, mild, moderate, serious, severe
    state: str  # one of STATES
    level: str
    fixable: bool  # at this band a remedy can still fix it
    signals: tuple[str, ...]  # its signs at that band (the worst ones)


@dataclass(frozen=True)
class Core:
    """What decides the level; computed again for every counterfactual candidate."""

    level: str
    score: int
    sections: dict[str, int]  # sections with at least one sign answered
    contributions: dict[str, float]  # sign → points of the score
    problems: tuple[ProblemState, ...]  # every problem with a band above 0, in bank order
    deciding: tuple[str, ...]  # the problems whose own level is the result's
    principles: tuple[str, ...]
    dealbreakers: tuple[str, ...]
    bands: dict[str, float]  # sign → its band after tempering and qualifying
    raw: dict[str, int]  # sign → its band as answered
    broad: int = 0  # how many problems the breadth rule counted, when it raised the level (else 0)


@dataclass(frozen=True)
class _Plan:
    """The bank's tables in the shape the evaluation needs (computed once per bank)."""

    signals: tuple  # every signal question
    remedies: dict[str, tuple[str, ...]]  # problem → the remedies that address it
    tempering: tuple  # (question, the signals it tempers)
    qualifiers: dict[str, tuple]  # signal → the questions that qualify it
    weighted: tuple  # (section, weight, its signals) for the sections that have signals
    total_weight: float
    touches: dict[str, frozenset[str]]  # question → the problems whose level an answer to it can move
    in_rules: dict[str, frozenset[str]]  # question → the dealbreakers that name it
    signs: dict[str, tuple]  # problem → its signal questions
    dependency: frozenset[str]  # the problems that are a dependency


@cache
def _plan(bank: Bank) -> _Plan:
    signals = tuple(q for q in bank.questions if q.is_signal)
    remedies = {p.id: tuple(r.question for r in bank.remedies if p.id in r.addresses) for p in bank.problems}
    tempering = tuple((q, q.tempers) for q in bank.questions if q.tempers)
    qualifiers = {q.id: tuple(x for x in signals if x.qualifies == q.id) for q in signals}
    weighted = tuple((s.id, s.weight, tuple(q.id for q in s.questions if q.is_signal))
                     for s in bank.sections if any(q.is_signal for q in s.questions))
    touches: dict[str, set[str]] = {q.id: set() for q in bank.questions}
    for question in signals:
        touches[question.id].add(question.problem)
    for question, targets in tempering:
        touches[question.id] |= {bank.question(t).problem for t in targets}
    for remedy in bank.remedies:
        touches[remedy.question] |= set(remedy.addresses)
    touches[bank.remediation.outcome] |= {pid for pid, found in remedies.items() if found}
    in_rules: dict[str, set[str]] = {q.id: set() for q in bank.questions}
    for rule in bank.dealbreakers:
        for condition in (*rule.when, *rule.when_any):
            in_rules[condition.question].add(rule.id)
    return _Plan(signals, remedies, tempering, qualifiers, weighted, sum(w for _, w, _ in weighted),
                 {k: frozenset(v) for k, v in touches.items()}, {k: frozenset(v) for k, v in in_rules.items()},
                 {p.id: tuple(bank.question(s) for s in p.signals) for p in bank.problems},
                 frozenset(p.id for p in bank.problems if p.dependency))


def _bands(plan: _Plan, answers: dict[str, Answer], signals) -> tuple[dict[str, int], dict[str, float], dict[str, float]]:
    """The signs' bands as answered, after tempering and qualifying, and what each trend added."""
    raw = {q.id: q.band(answers.get(q.id)) for q in signals}
    bands = {qid: float(b) for qid, b in raw.items()}
    for question, targets in plan.tempering:
        if question.id in answers:  # a skipped tempering answer is no evidence: it tempers nothing
            keep = 1.0 - question.fraction(answers[question.id])
            for target in targets:
                if target in bands:
                    bands[target] *= keep
    added: dict[str, float] = {}
    for question in signals:
        if question.qualifies:
            bands[question.id] = 0.0  # a trend counts only through the sign it qualifies
            base = bands.get(question.qualifies, 0.0)
            if base > 0 and raw[question.id] > 0:
                added[question.id] = min(float(SCALE_MAX), base + raw[question.id]) - base
                bands[question.qualifies] = base + added[question.id]
    return raw, bands, added


def evaluate(bank: Bank, answers: dict[str, Answer]) -> Core:
    plan = _plan(bank)
    raw, bands, added = _bands(plan, answers, plan.signals)
    problems = tuple(_problem(bank, p, bands, raw, answers, plan.remedies[p.id]) for p in bank.problems)
    problems = tuple(p for p in problems if p.band > 0 or p.level != LEVELS[0])
    dealbreakers = tuple(r.id for r in bank.dealbreakers if r.holds(answers))
    level = _level(bank, problems, dealbreakers)
    deciding = tuple(p.id for p in problems if p.level == level) if not dealbreakers else ()
    broad = 0 if deciding or dealbreakers else len(_broad(bank, problems))
    sections, contributions, score = _score(bank, plan, bands, added, answers)
    core = Core(level, score, sections, contributions, problems, deciding, (), dealbreakers, bands, raw, broad)
    return _with_principles(bank, answers, core)


class Probe:
    """The level of the same answers with a few of them changed, recomputing only the problems
    and dealbreakers those answers can move: what makes the counterfactuals cheap."""

    def __init__(self, bank: Bank, answers: dict[str, Answer], core: Core) -> None:
        self.bank, self.answers, self.plan = bank, answers, _plan(bank)
        known = {p.id: p for p in core.problems}
        self.problems = {p.id: known.get(p.id, ProblemState(p.id, 0, STATES[0], LEVELS[0], False, ()))
                         for p in bank.problems}
        self.dealbreakers = frozenset(core.dealbreakers)

    def level(self, changes: dict[str, Answer]) -> str:
        plan, bank = self.plan, self.bank
        answers = {**self.answers, **changes}
        moved = set()
        for question in changes:
            moved |= plan.touches.get(question, frozenset())
        problems = dict(self.problems)
        for pid in moved:
            problem = bank.problem(pid)
            raw, bands, _ = _bands(plan, answers, plan.signs[pid])
            problems[pid] = _problem(bank, problem, bands, raw, answers, plan.remedies[pid])
        rules = frozenset().union(*(plan.in_rules.get(q, ()) for q in changes))
        dealbreakers = (self.dealbreakers - rules) | {r.id for r in bank.dealbreakers if r.id in rules and r.holds(answers)}
        return _level(bank, tuple(problems.values()), tuple(dealbreakers))


def _problem(bank: Bank, problem, bands: dict[str, float], raw: dict[str, int], answers: dict[str, Answer],
             remedies: tuple[str, ...]) -> ProblemState:
    worst = max(bands[s] for s in problem.signals)
    band = min(SCALE_MAX, int(math.floor(worst + _EPSILON)))
    state = _state(bank, answers, remedies)
    fixable = bool(remedies) and band <= problem.fixable_up_to
    fired = any(raw[s] >= bank.scoring.fires_at for s in problem.signals)
    level = _problem_level(bank, problem, band, state, fixable, fired)
    worst_signs = tuple(s for s in problem.signals if band > 0 and bands[s] + _EPSILON >= worst)
    return ProblemState(problem.id, band, state, level, fixable, worst_signs)


def _problem_level(bank: Bank, problem, band: int, state: str, fixable: bool, fired: bool) -> str:
    """The decision table's cell, at least the problem's floor once it fired, at most its cap."""
    rank = _RANK[bank.decision.level(band, state, fixable)]
    if fired:
        rank = max(rank, _RANK[problem.floor])
    return LEVELS[min(rank, _RANK[problem.max_level])]


def _state(bank: Bank, answers: dict[str, Answer], remedies: tuple[str, ...]) -> str:
    """untried unless a remedy addressing the problem was tried; then what came of it.

    A skipped remedy counts as not tried, and a skipped outcome as not known yet."""
    if not any(answers.get(r) is True for r in remedies):
        return STATES[0]
    outcome = answers.get(bank.remediation.outcome)
    return bank.remediation.states.get(outcome, "unknown") if isinstance(outcome, str) else "unknown"


def _level(bank: Bank, problems: tuple[ProblemState, ...], dealbreakers: tuple[str, ...]) -> str:
    if dealbreakers:
        return LEVELS[-1]  # dealbreaker: decides alone, whatever else is answered
    rank = max((_RANK[p.level] for p in problems), default=0)
    table = bank.decision
    if len(_broad(bank, problems)) >= table.breadth_problems:
        rank = max(rank, _RANK[table.breadth_level])
    return LEVELS[rank]


def _broad(bank: Bank, problems) -> list:
    """The problems the breadth rule counts: at its band or worse, still open (a problem fixed
    no longer counts), and not a dependency."""
    table, dependency = bank.decision, _plan(bank).dependency
    return [p for p in problems if p.band >= table.breadth_band and p.id not in dependency
            and _RANK[p.level] >= _RANK["monitor"]]


def _score(bank: Bank, plan: _Plan, bands: dict[str, float], added: dict[str, float],
           answers: dict[str, Answer]) -> tuple[dict[str, int], dict[str, float], int]:
    """The 0..100 risk score, a health index: `peak_share` of it from the worst sign of all,
    the rest from each section's worst answered sign, weighted by section. Each part is
    credited to the signs that set it (a trend gets the part it added)."""
    peak = bank.scoring.peak_share
    contributions = dict.fromkeys(bands, 0.0)
    sections: dict[str, int] = {}

    def credit(signs: list[str], points: float) -> None:
        for sign in signs:
            share = points / len(signs)
            for qualifier in (q.id for q in plan.qualifiers[sign] if q.id in added):
                part = share * added[qualifier] / bands[sign]
                contributions[qualifier] += part
                share -= part
            contributions[sign] += share

    top = max(bands.values(), default=0.0)
    if top > 0:
        credit([q for q, b in bands.items() if b + _EPSILON >= top], 100 * peak * top / SCALE_MAX)
    for sid, weight, signs in plan.weighted:
        answered = [q for q in signs if q in answers]
        if not answered:
            continue  # unknown: nothing answered adds no risk and is shown as unknown
        worst = max(bands[q] for q in answered)
        sections[sid] = _round(100 * worst / SCALE_MAX)
        if worst > 0 and plan.total_weight:
            credit([q for q in answered if bands[q] + _EPSILON >= worst],
                   100 * (1 - peak) * (weight / plan.total_weight) * worst / SCALE_MAX)
    return sections, contributions, min(100, _round(sum(contributions.values())))


def _with_principles(bank: Bank, answers: dict[str, Answer], core: Core) -> Core:
    scoring = bank.scoring
    names: list[str] = []
    if core.dealbreakers:
        names.append("dealbreaker")
    else:
        names.append("weighted_score")
        if any(_fix_first(bank, p, core.level) for p in core.problems):
            names.append("fix_first")
        if any(p.state in ("failed", "fixed") for p in core.problems):
            names.append("remediation_outcome")
    if any(bank.problem(p.id).dependency and p.band >= scoring.fires_at for p in core.problems):
        names.append("dependency")
    attachment = answers.get("attachment")
    if isinstance(attachment, int) and not isinstance(attachment, bool) and attachment >= scoring.attachment_min \
            and core.score >= scoring.attachment_score and _RANK[core.level] >= _RANK["revise_terms"]:
        names.append("attachment_bias")
    # own_quality: rising complaints are named however many of them were your own fault.
    if core.raw.get("complaints_trend", 0) >= scoring.fires_at:
        names.append("own_quality")
    return Core(**{**core.__dict__, "principles": tuple(names)})


def _fix_first(bank: Bank, problem: ProblemState, level: str) -> bool:
    """A serious problem a remedy can still fix, not yet tried, holding the level at
    revise_terms where a failed fix would go further."""
    table = bank.decision.fixable
    return (problem.fixable and problem.state == STATES[0] and problem.level == level
            and problem.band >= 3 and LEVELS.index(table[problem.band]["failed"]) > LEVELS.index(level))


def level_of(bank: Bank, answers: dict[str, Answer]) -> str:
    """Only the recommended level: cheap, for property tests and counterfactuals."""
    return evaluate(bank, answers).level


def _round(value: float) -> int:
    return int(value + 0.5 + _EPSILON)
