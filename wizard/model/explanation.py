"""Why the level, and what would move it (principle `explained`).

- Reasons: the signs of the problems that set the level first, then the others by their share
  of the risk score; a dealbreaker's sign leads, marked decisive.
- What would change it: the nearest plausible change in each direction, drawn from the
  problems that set the level first. Never a worse answer for a milder result, never trying a
  remedy as the way to a harsher one, never un-trying one. Where the next step is a remedy, the
  change is its two-step path: "revise the terms; if nothing improves → prepare to exit".
- A thin result (few answers): the range of levels the open answers could still give, and
  the open questions that could move the level on their own.
"""

from __future__ import annotations

from wizard.model.assessment import Change, Reason
from wizard.model.bank import EXIT_LEVELS, LEVELS, SCALE_MAX, Answer, Bank, Question
from wizard.model.evaluation import Core, Probe


def reasons(bank: Bank, core: Core) -> tuple[Reason, ...]:
    total = sum(core.contributions.values())

    def share(qid: str) -> float:
        return round(core.contributions.get(qid, 0.0) / total, 3) if total > 0 else 0.0

    decisive = decisive_questions(bank, core)
    deciding = {s for p in core.problems if p.id in core.deciding for s in p.signals}
    if core.level in EXIT_LEVELS:
        # dependency: a risk to your budget, never a reason to leave (it is named as a principle)
        budget = {s for p in bank.problems if p.dependency for s in p.signals}
        contributions = {q: c for q, c in core.contributions.items() if q not in budget}
    else:
        contributions = core.contributions
    # A sign of a problem that set the level is a reason even when tempered to no share
    # (rising complaints, mostly your own fault, still call for a closer look).
    fired = {s for s in deciding if core.raw.get(s, 0) >= bank.scoring.fires_at}
    ranked = sorted((q for q, c in contributions.items() if (c > 0 or q in fired) and q not in decisive),
                    key=lambda q: (q not in deciding, -contributions[q]))
    room = max(0, bank.scoring.top_reasons - len(decisive))
    return (tuple(Reason(q, share(q), decisive=True) for q in decisive)
            + tuple(Reason(q, share(q)) for q in ranked[:room]))


def decisive_questions(bank: Bank, core: Core) -> list[str]:
    """The questions named by the dealbreakers that hold, in the bank's order."""
    questions: list[str] = []
    for rule in bank.dealbreakers:
        if rule.id in core.dealbreakers:
            questions += [c.question for c in rule.when if not c.negate and c.question not in questions]
    return questions


# ---------------------------------------------------------------------------------------------
# Counterfactuals


def counterfactuals(bank: Bank, answers: dict[str, Answer], core: Core) -> tuple[Change | None, Change | None]:
    current = LEVELS.index(core.level)
    contradictions = _contradictions(bank, answers)
    relevant = _relevant(bank, core)
    present = {p.id for p in core.problems if p.band > 0}
    best: dict[str, tuple[tuple, Change]] = {}

    probe = Probe(bank, answers, core)

    def consider(change: Change, level: str, tier: int, distance: float, order: int) -> None:
        new = LEVELS.index(level)
        direction = "milder" if new < current else "harsher"
        rank = (tier, abs(new - current), distance, order)
        if direction not in best or rank < best[direction][0]:
            best[direction] = (rank, change)

    for order, question in enumerate(bank.questions):
        was = answers.get(question.id)
        for candidate in _candidates(question, was):
            level = probe.level({question.id: candidate})
            new = LEVELS.index(level)
            changed = {**answers, question.id: candidate}
            if new == current or not _plausible(bank, question, was, candidate, new < current) \
                    or not _contradictions(bank, changed) <= contradictions:
                continue
            if question.is_signal and new > current and bank.problem_of(question.id).id not in present:
                # A problem this client does not have ("if they asked you to break the law,
                # end now") is true of every client and says nothing about this one.
                continue
            tier = 0 if question.id in relevant["deciding"] else 1 if question.id in relevant["reasons"] else 2
            distance = _distance(question, was, candidate)
            if question.id == bank.remediation.outcome and relevant["tried"]:
                # "if by the review date nothing has improved": the change that matters most
                tier, distance = 0, 0.0
            consider(Change(question.id, candidate, level, was), level, tier, distance, order)
    for order, (remedy, outcome, answer) in enumerate(_remedy_paths(bank, answers, core)):
        level = probe.level({remedy: True, outcome: answer})
        if level != core.level and _contradictions(bank, {**answers, remedy: True, outcome: answer}) <= contradictions:
            # fix_first: when a remedy is the next step, its path is the change that matters.
            tier = 0 if "fix_first" in core.principles else 1
            consider(Change(remedy, True, level, answers.get(remedy), then=(outcome, answer)), level, tier, 1.0, -1 - order)
    return (best["milder"][1] if "milder" in best else None,
            best["harsher"][1] if "harsher" in best else None)


def _relevant(bank: Bank, core: Core) -> dict[str, set[str]]:
    deciding = {s for p in core.problems if p.id in core.deciding for s in bank.problem(p.id).signals}
    reasons_ = {q for q, c in core.contributions.items() if c > 0}
    tried = {p.id for p in core.problems if p.id in core.deciding and p.state != "untried"}
    return {"deciding": deciding, "reasons": reasons_, "tried": tried}


def _plausible(bank: Bank, question: Question, was: Answer | None, to: Answer, milder: bool) -> bool:
    """No worse answer for a milder result; no better one, and no newly tried remedy, for a
    harsher one; a remedy once tried is never un-tried."""
    if question.is_signal:
        before, after = question.band(was), question.band(to)
        return after < before if milder else after > before
    if any(r.question == question.id for r in bank.remedies):
        return was is not True and (to is True) == milder
    if question.id == bank.remediation.outcome:
        order = ("fixed", "partial", "unknown", "failed")
        states = bank.remediation.states
        before = states.get(was, "unknown") if isinstance(was, str) else "unknown"
        if before != "unknown" and states[to] == "unknown":
            return False  # an outcome that is known is never made unknown again
        return order.index(states[to]) < order.index(before) if milder else order.index(states[to]) > order.index(before)
    return True


def _remedy_paths(bank: Bank, answers: dict[str, Answer], core: Core) -> list[tuple[str, str, Answer]]:
    """(remedy, outcome question, outcome answer): each untried remedy for a problem that
    fired, followed by its failure and by its success. Only while nothing has been tried: the
    outcome is one answer for everything tried, so a path would credit another remedy's result."""
    if any(answers.get(r.question) is True for r in bank.remedies):
        return []
    fires_at = bank.scoring.fires_at
    fired = {p.id for p in core.problems if p.band >= fires_at}
    outcome = bank.remediation.outcome
    by_state = {state: answer for answer, state in bank.remediation.states.items()}
    paths = []
    for remedy in bank.remedies:
        if answers.get(remedy.question) is not True and fired & set(remedy.addresses):
            paths += [(remedy.question, outcome, by_state[s]) for s in ("failed", "fixed") if s in by_state]
    return paths


def _contradictions(bank: Bank, answers: dict[str, Answer]) -> set[str]:
    return {rule.id for rule in bank.consistency if rule.holds(answers)}


def _candidates(question: Question, was: Answer | None) -> list[Answer]:
    if question.kind in ("percent", "number"):
        points = {int(x) for x, _ in question.thresholds} | {max(0, int(x) - 1) for x, _ in question.thresholds}
        if isinstance(was, (int, float)) and not isinstance(was, bool):
            points |= {int(was) + 1, max(0, int(was) - 1)}
        values: list[Answer] = sorted(points | {0})
        if question.kind == "percent":
            values = [v for v in values if v <= 100]
    else:
        values = list(question.choices())
    return [v for v in values if v != was or type(v) is not type(was)]


def _distance(question: Question, was: Answer | None, to: Answer) -> float:
    """How big a change of answer is, in steps of the answer's own scale."""
    if question.kind == "bool":
        return 1.0
    if question.kind == "choice":
        if was is None:
            return 1.0
        return float(abs(question.options.index(to) - question.options.index(was)))
    step = 10.0 if question.kind == "percent" else 1.0
    start = was if isinstance(was, (int, float)) and not isinstance(was, bool) else 0
    return max(abs(float(to) - float(start)) / step, 1.0 if was is None else 0.0)


# ---------------------------------------------------------------------------------------------
# A thin result: the range the open answers could give


def level_range(bank: Bank, answers: dict[str, Answer], core: Core) -> tuple[tuple[str, str] | None, tuple[str, ...]]:
    """Under the bank's `thin` share answered: the mildest and the harshest level the open
    answers could give together, and the open questions that could move the level alone."""
    answered = sum(1 for q in bank.questions if q.id in answers)
    if not bank.questions or answered / len(bank.questions) >= bank.scoring.thin:
        return None, ()
    open_ = [q for q in bank.questions if q.id not in answers]
    probe = Probe(bank, answers, core)
    levels = [core.level] + [probe.level(fill) for fill in _completions(bank, open_)]
    ranks = sorted(LEVELS.index(level) for level in levels)
    movers = []
    current = LEVELS.index(core.level)
    for order, question in enumerate(open_):
        reach = max((abs(LEVELS.index(probe.level({question.id: v})) - current)
                     for v in _candidates(question, None)), default=0)
        if reach:
            movers.append((-reach, order, question.id))
    return (LEVELS[ranks[0]], LEVELS[ranks[-1]]), tuple(q for _, _, q in sorted(movers))


def _completions(bank: Bank, open_: list[Question]) -> list[dict[str, Answer]]:
    """The open answers filled in the mildest and the harshest ways, with and without the
    open remedies tried (what was tried can raise a level as well as lower it)."""
    outcome = bank.remediation.outcome
    by_state = {state: answer for answer, state in bank.remediation.states.items()}
    remedies = {r.question for r in bank.remedies}
    fills = []
    for worst in (False, True):
        signs = {q.id: _extreme(q, worst) for q in open_ if q.is_signal}
        for q in open_:
            if q.tempers:
                signs[q.id] = 0 if worst else SCALE_MAX
        for tried in (False, True):
            fill = dict(signs)
            if tried:
                fill |= {q.id: True for q in open_ if q.id in remedies}
                if any(q.id == outcome for q in open_):
                    fill[outcome] = by_state["failed" if worst else "fixed"]
            fills.append(fill)
    return fills


def _extreme(question: Question, worst: bool) -> Answer:
    if question.kind in ("percent", "number"):
        return (100 if question.kind == "percent" else max((x for x, _ in question.thresholds), default=0)) if worst else 0
    return (max if worst else min)(question.choices(), key=question.band)
