"""Answers + question bank → an assessment. Pure functions: no I/O, no clock, no Textual.

The rules here are the nine principles of the domain brief; their numbers (weights, thresholds,
review periods) and texts come from the bank. Each principle is named where it is applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from wizard.bank import EXIT_LEVELS, LEVELS, Answer, Bank, Question, all_hold, format_number

# The remediation questions named by the `fix_first` and `remediation_outcome` principles.
REMEDIES = ("problem_discussed", "terms_revised", "payment_terms_enforced")


@dataclass(frozen=True)
class Reason:
    """A signal that contributed to the risk score, with its share of the score (0..1).

    A decisive reason crossed a dealbreaker's line: it decided the level alone, so it comes
    first and is shown as decisive, whatever its (often small) share of the score."""

    question: str
    share: float
    decisive: bool = False


@dataclass(frozen=True)
class Change:
    """One answer changed, and the level the result would then have."""

    question: str
    to: Answer
    level: str
    was: Answer | None = None  # None: the question was skipped


@dataclass(frozen=True)
class Finding:
    """A warning: a contradiction between answers, a bias to name, a quality question."""

    id: str
    kind: str  # dealbreaker | consistency | bias | quality
    text: str


@dataclass(frozen=True)
class Step:
    """One line of advice: an action, an exit step, a prevention tip or a consequence."""

    id: str
    text: str
    tag: str = ""  # exit steps: the stage; consequences: whose side


@dataclass(frozen=True)
class Assessment:
    level: str
    score: int
    sections: dict[str, int]
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
    # The actions below the bank's top_actions, kept so that nothing is lost; not shown.
    more_actions: tuple[Step, ...] = ()
    # The actions are the questions' exit actions (steps of leaving), not their fixes.
    actions_for_exit: bool = False


@dataclass(frozen=True)
class _Core:
    """What decides the level: computed again for every counterfactual candidate."""

    level: str
    score: int
    sections: dict[str, int]
    contributions: dict[str, float]
    principles: tuple[str, ...]
    dealbreakers: tuple[str, ...]
    untried: tuple[str, ...] = field(default=())  # remedies to try first, at revise_terms or above
    raw: dict[str, float] = field(default_factory=dict)  # severities before tempering


def assess(bank: Bank, answers: dict[str, Answer], lang: str, today: date) -> Assessment:
    """The whole result for one set of answers (missing ids are skipped questions)."""
    answers = {k: v for k, v in answers.items() if bank.question(k) is not None}
    core = _evaluate(bank, answers)
    milder, harsher = _counterfactuals(bank, answers, core)
    dependency = "dependency" in core.principles
    exit_plan: tuple[Step, ...] = ()
    staged = False
    if core.level in EXIT_LEVELS:
        # dependency: prepare before telling the client. At end_now the preparation is short:
        # the bank keeps the steps that wait for new business (diversify) to prepare_exit.
        staged = dependency and not core.dealbreakers
        exit_plan = _exit_plan(bank, answers, lang, core.level, staged)
    actions = _actions(bank, answers, core, lang)
    top = bank.scoring.top_actions
    return Assessment(
        level=core.level,
        score=core.score,
        sections=core.sections,
        confidence=round(len(answers) / len(bank.questions), 2) if bank.questions else 0.0,
        principles=core.principles,
        reasons=_reasons(bank, core),
        milder=milder,
        harsher=harsher,
        warnings=_warnings(bank, answers, core, lang),
        actions=actions[:top],
        review_date=today + timedelta(days=bank.level(core.level).review_days),
        exit_plan=exit_plan,
        staged_exit=staged,
        prevention=tuple(Step(i.id, i.text(lang)) for i in bank.prevention),
        consequences=tuple(Step(i.id, i.text(lang), i.side) for i in bank.consequences) if exit_plan else (),
        more_actions=actions[top:],
        actions_for_exit=core.level in EXIT_LEVELS,
    )


def level_of(bank: Bank, answers: dict[str, Answer]) -> str:
    """Only the recommended level: cheap, for property tests and counterfactuals."""
    return _evaluate(bank, answers).level


def severities(bank: Bank, answers: dict[str, Answer]) -> dict[str, float]:
    """Each signal's severity 0..1, after tempering.

    own_quality: an answer to a tempering question (the share of the complaints that were your
    own fault) scales the signals it names down by its fraction, so complaints you caused weigh
    less against the client. A skipped tempering question tempers nothing: it is no evidence,
    so it takes no risk away, as a skipped signal adds none.
    """
    severity = {q.id: q.severity(answers.get(q.id)) for q in bank.questions if q.is_signal}
    for question in bank.questions:
        if question.tempers and question.id in answers:
            keep = 1.0 - question.fraction(answers[question.id])
            for target in question.tempers:
                if target in severity:
                    severity[target] *= keep
    return severity


# ---------------------------------------------------------------------------------------------


def _evaluate(bank: Bank, answers: dict[str, Answer]) -> _Core:
    scoring = bank.scoring
    severity = severities(bank, answers)
    raw = {q.id: q.severity(answers.get(q.id)) for q in bank.questions if q.is_signal}

    # weighted_score: per-section weighted means, blended with the few most severe signals so
    # that one severe problem is not diluted by many quiet questions.
    sections: dict[str, int] = {}
    contributions = dict.fromkeys(severity, 0.0)
    total_weight = sum(s.weight for s in bank.sections if _signals(s.questions))
    for section in bank.sections:
        signals = _signals(section.questions)
        if not signals:
            continue
        inner = sum(q.weight for q in signals)
        sections[section.id] = _round(100 * sum(q.weight * severity[q.id] for q in signals) / inner)
        if total_weight and section.weight:
            for q in signals:
                contributions[q.id] += (
                    scoring.breadth_share * 100 * (section.weight / total_weight)
                    * q.weight * severity[q.id] / inner
                )
    peak = sorted(severity, key=lambda qid: -severity[qid])[: scoring.peak_count]
    for qid in peak:
        contributions[qid] += (1 - scoring.breadth_share) * 100 * severity[qid] / scoring.peak_count
    score = min(100, _round(sum(contributions.values())))

    principles: list[str] = []
    dealbreakers = tuple(r.id for r in bank.dealbreakers if all_hold(r.when, answers))
    untried: tuple[str, ...] = ()
    if dealbreakers:
        # dealbreaker: decides alone, whatever else is answered.
        level = len(LEVELS) - 1
        principles.append("dealbreaker")
    else:
        principles.append("weighted_score")
        level = max(i for i, lv in enumerate(bank.levels) if lv.min_score <= score)
        revise, prepare = LEVELS.index("revise_terms"), LEVELS.index("prepare_exit")
        tried = [r for r in REMEDIES if answers.get(r) is True]
        # A skipped remedy counts as not tried, so skipping never makes the result harsher.
        # Known to be untried first, then the ones not answered.
        open_remedies = tuple(sorted((r for r in REMEDIES if answers.get(r) is not True),
                                     key=lambda r: answers.get(r) is not False))
        improvement = answers.get("improvement")
        # remediation_outcome: tried and nothing changed → harsher; clear improvement → milder.
        if tried and improvement == "clear" and level >= 1:
            level -= 1
            principles.append("remediation_outcome")
        elif tried and improvement == "none" and level >= 1:
            raised = min(len(LEVELS) - 1, level + 1)
            # fix_first: while a remedy is still untried, a failed fix leads to a prepared
            # exit, never to ending at once (the untried remedy is the exit's first step).
            held = min(raised, prepare) if open_remedies else raised
            if held > level:
                principles.append("remediation_outcome")
            if held < raised:
                principles.append("fix_first")
            level = held
        # fix_first: serious problems, but no remedy known to have been tried → fix the rules first.
        if not tried and level > revise:
            level = revise
            principles.append("fix_first")
        if level >= revise:
            untried = open_remedies
    if _dependency(bank, answers):
        principles.append("dependency")
    if _attached(bank, answers) and score >= scoring.attachment_score:
        principles.append("attachment_bias")
    # own_quality: rising complaints are named however many of them were your own fault.
    if raw.get("complaints_trend", 0) >= scoring.fires_at:
        principles.append("own_quality")
    return _Core(LEVELS[level], score, sections, contributions, tuple(principles), dealbreakers, untried, raw)


def _signals(questions: tuple[Question, ...]) -> list[Question]:
    return [q for q in questions if q.is_signal]


def _round(value: float) -> int:
    return int(value + 0.5 + 1e-9)


def _dependency(bank: Bank, answers: dict[str, Answer]) -> bool:
    scoring = bank.scoring
    share = answers.get("revenue_share")
    blocks = answers.get("blocks_other_work")
    return (
        (isinstance(share, (int, float)) and share >= scoring.dependency_share)
        or (isinstance(blocks, int) and blocks >= scoring.dependency_scale)
        or answers.get("exclusivity_demand") is True
    )


def _attached(bank: Bank, answers: dict[str, Answer]) -> bool:
    attachment = answers.get("attachment")
    years = answers.get("relationship_years")
    return (isinstance(attachment, int) and attachment >= bank.scoring.attachment_min) or (
        isinstance(years, (int, float)) and years >= bank.scoring.attachment_years
    )


def _reasons(bank: Bank, core: _Core) -> tuple[Reason, ...]:
    """The top contributing signals by share of the score; a dealbreaker's questions first.

    explained + dealbreaker: a dealbreaker decided the level whatever its share of the score,
    so listing it by share (often a few percent) would hide what decided; it leads, marked.
    """
    total = sum(core.contributions.values())

    def share(qid: str) -> float:
        return round(core.contributions.get(qid, 0.0) / total, 3) if total > 0 else 0.0

    decisive = _decisive(bank, core)
    ranked = sorted(
        (qid for qid, c in core.contributions.items() if c > 0 and qid not in decisive),
        key=lambda qid: -core.contributions[qid],
    )
    room = max(0, bank.scoring.top_reasons - len(decisive))
    return (
        tuple(Reason(qid, share(qid), decisive=True) for qid in decisive)
        + tuple(Reason(qid, share(qid)) for qid in ranked[:room])
    )


def _decisive(bank: Bank, core: _Core) -> list[str]:
    """The questions named by the dealbreakers that hold, in the bank's order."""
    questions: list[str] = []
    for rule in bank.dealbreakers:
        if rule.id in core.dealbreakers:
            questions += [c.question for c in rule.when if not c.negate and c.question not in questions]
    return questions


def _warnings(bank: Bank, answers: dict[str, Answer], core: _Core, lang: str) -> tuple[Finding, ...]:
    found = [Finding(r.id, "dealbreaker", r.text(lang)) for r in bank.dealbreakers if r.id in core.dealbreakers]
    found += [Finding(r.id, "consistency", r.text(lang)) for r in bank.consistency if all_hold(r.when, answers)]
    if "attachment_bias" in core.principles:
        found.append(Finding("attachment_bias", "bias", bank.principles["attachment_bias"].text(lang)))
    if "own_quality" in core.principles:
        found.append(Finding("own_quality", "quality", bank.principles["own_quality"].text(lang)))
    return tuple(found)


def _actions(bank: Bank, answers: dict[str, Answer], core: _Core, lang: str) -> tuple[Step, ...]:
    """Every action, most important first: the untried remedies (fix first), then the fired
    signals, a dealbreaker's first, the others by their contribution to the score. Actions of one `action_group` say the same
    thing, so only the first of a group is listed. At prepare_exit and end_now the questions'
    exit actions are used instead (steps that protect you while leaving), and an action with
    none is left out: advice to mend the relationship contradicts leaving it."""
    at_exit = core.level in EXIT_LEVELS
    fires_at = bank.scoring.fires_at
    fired = [q for q in bank.questions if q.is_signal and q.action and core.raw.get(q.id, 0.0) >= fires_at]
    decisive = _decisive(bank, core)
    fired.sort(key=lambda q: (q.id not in decisive, -core.contributions.get(q.id, 0.0)))
    candidates = [q for q in map(bank.question, core.untried) if q is not None] + fired
    steps, groups = [], set()
    for question in candidates:
        text = question.exit_action if at_exit else question.action
        group = question.action_group or question.id
        if text is None or group in groups:
            continue
        groups.add(group)
        steps.append(Step(question.id, text(lang)))
    return tuple(steps)


def _exit_plan(bank: Bank, answers: dict[str, Answer], lang: str, level: str, staged: bool) -> tuple[Step, ...]:
    return tuple(
        Step(rule.id, _fill(rule.text(lang), answers, lang, bank), rule.stage)
        for rule in bank.exit_steps
        if (staged or rule.stage != "prepare") and level in rule.levels and all_hold(rule.when, answers)
    )


def _fill(text: str, answers: dict[str, Answer], lang: str, bank: Bank) -> str:
    """The notice period written into a text: `{notice_period}` with its unit in the right
    plural form (30 days, 1 day; 30 dni, 1 dzień), `{notice_period_days}` as a bare number."""
    notice = answers.get("notice_period_days")
    if notice is None:
        return text
    question = bank.question("notice_period_days")
    number = format_number(notice, lang)
    with_unit = question.label(notice, lang, bank) if question else number
    return text.replace("{notice_period}", with_unit).replace("{notice_period_days}", number)


def translated(result: Assessment, bank: Bank, answers: dict[str, Answer], lang: str) -> Assessment:
    """The same result with its texts in `lang`, looked up again in the bank by their ids.

    A record stores its advice in the language it was made in; an item the bank no longer
    knows keeps its stored text.
    """
    if result.actions_for_exit:
        actions = {q.id: q.exit_action for q in bank.questions if q.exit_action}
    else:
        actions = {q.id: q.action for q in bank.questions if q.action}
    rules = {r.id: r.text for r in (*bank.dealbreakers, *bank.consistency, *bank.exit_steps)}
    items = {i.id: i.text for i in (*bank.prevention, *bank.consequences)}
    principles = {p.id: p.text for p in bank.principles.values()}

    def again(step, texts):
        return replace(step, text=_fill(texts[step.id](lang), answers, lang, bank)) if step.id in texts else step

    def warning(finding: Finding) -> Finding:
        texts = rules if finding.kind in ("dealbreaker", "consistency") else principles
        return again(finding, texts)

    return replace(
        result,
        actions=tuple(again(s, actions) for s in result.actions),
        more_actions=tuple(again(s, actions) for s in result.more_actions),
        warnings=tuple(warning(w) for w in result.warnings),
        exit_plan=tuple(again(s, rules) for s in result.exit_plan),
        prevention=tuple(again(s, items) for s in result.prevention),
        consequences=tuple(again(s, items) for s in result.consequences),
    )


# ---------------------------------------------------------------------------------------------
# explained: the smallest single change of answer that moves the result, in each direction.


def _counterfactuals(bank: Bank, answers: dict[str, Answer], core: _Core) -> tuple[Change | None, Change | None]:
    current = LEVELS.index(core.level)
    contradictions = _contradictions(bank, answers)
    crossed = set(core.dealbreakers)
    best: dict[str, tuple[tuple, Change]] = {}
    for order, question in enumerate(bank.questions):
        was = answers.get(question.id)
        for candidate in _candidates(question, was):
            if question.id in REMEDIES and was is True and candidate is not True:
                continue  # a remedy once tried cannot be untried: no advice in "had you not tried"
            changed = dict(answers)
            changed[question.id] = candidate
            moved = _evaluate(bank, changed)
            new = LEVELS.index(moved.level)
            if new == current or not _contradictions(bank, changed) <= contradictions:
                continue  # no move, or a move only by answering against yourself
            direction = "milder" if new < current else "harsher"
            # A change that moves the level only by crossing a new dealbreaker line ("if they
            # asked you to break the law, end now") is true of every client and says nothing
            # about this one: it is reported only when no other change moves the level.
            trivial = not set(moved.dealbreakers) <= crossed
            # Then the nearest level, then the smallest change, then a change of a warning
            # sign before one of a remedy or a fact, then the bank's order.
            rank = (trivial, abs(new - current), _distance(question, was, candidate), not question.is_signal, order)
            if direction not in best or rank < best[direction][0]:
                best[direction] = (rank, Change(question.id, candidate, LEVELS[new], was))
    return (
        best["milder"][1] if "milder" in best else None,
        best["harsher"][1] if "harsher" in best else None,
    )


def _contradictions(bank: Bank, answers: dict[str, Answer]) -> set[str]:
    return {rule.id for rule in bank.consistency if all_hold(rule.when, answers)}


def _candidates(question: Question, was: Answer | None) -> list[Answer]:
    if question.kind == "percent":
        values: list[Answer] = list(range(0, 101))
    elif question.kind == "number":
        points = {int(x) for x, _ in question.severity_points}
        if isinstance(was, (int, float)):
            points |= {int(was) + 1, max(0, int(was) - 1)}
        values = sorted(points | {0})
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
