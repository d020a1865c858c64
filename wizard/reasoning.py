"""Answers + question bank → an assessment. Pure functions: no I/O, no clock, no Textual.

The rules here are the nine principles of the domain brief; their numbers (weights, thresholds,
review periods) and texts come from the bank. Each principle is named where it is applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from wizard.bank import LEVELS, Answer, Bank, Question, all_hold, format_number

# The remediation questions named by the `fix_first` and `remediation_outcome` principles.
REMEDIES = ("problem_discussed", "terms_revised", "payment_terms_enforced")


@dataclass(frozen=True)
class Reason:
    """A signal that contributed to the risk score, with its share of the score (0..1)."""

    question: str
    share: float


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


def assess(bank: Bank, answers: dict[str, Answer], lang: str, today: date) -> Assessment:
    """The whole result for one set of answers (missing ids are skipped questions)."""
    answers = {k: v for k, v in answers.items() if bank.question(k) is not None}
    core = _evaluate(bank, answers)
    milder, harsher = _counterfactuals(bank, answers, core.level)
    dependency = "dependency" in core.principles
    exit_plan: tuple[Step, ...] = ()
    staged = False
    if core.level in ("prepare_exit", "end_now"):
        staged = dependency and not core.dealbreakers
        exit_plan = _exit_plan(bank, answers, lang, staged)
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
        actions=_actions(bank, answers, core, lang),
        review_date=today + timedelta(days=bank.level(core.level).review_days),
        exit_plan=exit_plan,
        staged_exit=staged,
        prevention=tuple(Step(i.id, i.text(lang)) for i in bank.prevention),
        consequences=tuple(Step(i.id, i.text(lang), i.side) for i in bank.consequences) if exit_plan else (),
    )


def level_of(bank: Bank, answers: dict[str, Answer]) -> str:
    """Only the recommended level: cheap, for property tests and counterfactuals."""
    return _evaluate(bank, answers).level


def severities(bank: Bank, answers: dict[str, Answer]) -> dict[str, float]:
    return {q.id: q.severity(answers.get(q.id)) for q in bank.questions if q.is_signal}


# ---------------------------------------------------------------------------------------------


def _evaluate(bank: Bank, answers: dict[str, Answer]) -> _Core:
    scoring = bank.scoring
    severity = severities(bank, answers)

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
        tried = [r for r in REMEDIES if answers.get(r) is True]
        improvement = answers.get("improvement")
        # remediation_outcome: tried and nothing changed → harsher; clear improvement → milder.
        if tried and improvement in ("none", "clear") and level >= 1:
            level = min(len(LEVELS) - 1, level + 1) if improvement == "none" else level - 1
            principles.append("remediation_outcome")
        # fix_first: serious problems, but no remedy known to have been tried → fix the rules
        # first. A skipped remedy counts as not tried, so skipping never makes the result harsher.
        revise = LEVELS.index("revise_terms")
        if not tried and level >= revise:
            # Known to be untried first, then the ones not answered.
            untried = tuple(sorted((r for r in REMEDIES if answers.get(r) is not True),
                                   key=lambda r: answers.get(r) is not False))
            if level > revise:
                level = revise
                principles.append("fix_first")
    if _dependency(bank, answers):
        principles.append("dependency")
    if _attached(bank, answers) and score >= scoring.attachment_score:
        principles.append("attachment_bias")
    complaints = bank.question("complaints_trend")
    if complaints and severity.get("complaints_trend", 0) >= scoring.fires_at:
        principles.append("own_quality")
    return _Core(LEVELS[level], score, sections, contributions, tuple(principles), dealbreakers, untried)


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
    total = sum(core.contributions.values())
    if total <= 0:
        return ()
    ranked = sorted(
        (qid for qid, c in core.contributions.items() if c > 0),
        key=lambda qid: -core.contributions[qid],
    )
    return tuple(
        Reason(qid, round(core.contributions[qid] / total, 3))
        for qid in ranked[: bank.scoring.top_reasons]
    )


def _warnings(bank: Bank, answers: dict[str, Answer], core: _Core, lang: str) -> tuple[Finding, ...]:
    found = [Finding(r.id, "dealbreaker", r.text(lang)) for r in bank.dealbreakers if r.id in core.dealbreakers]
    found += [Finding(r.id, "consistency", r.text(lang)) for r in bank.consistency if all_hold(r.when, answers)]
    if "attachment_bias" in core.principles:
        found.append(Finding("attachment_bias", "bias", bank.principles["attachment_bias"].text(lang)))
    if "own_quality" in core.principles:
        found.append(Finding("own_quality", "quality", bank.principles["own_quality"].text(lang)))
    return tuple(found)


def _actions(bank: Bank, answers: dict[str, Answer], core: _Core, lang: str) -> tuple[Step, ...]:
    steps = []
    for qid in core.untried:  # fix first: the untried remedies come first
        question = bank.question(qid)
        if question and question.action:
            steps.append(Step(qid, question.action(lang)))
    fires_at = bank.scoring.fires_at
    fired = [
        q for q in bank.questions
        if q.is_signal and q.action and q.severity(answers.get(q.id)) >= fires_at
    ]
    fired.sort(key=lambda q: -core.contributions.get(q.id, 0.0))
    steps += [Step(q.id, q.action(lang)) for q in fired]
    return tuple(steps)


def _exit_plan(bank: Bank, answers: dict[str, Answer], lang: str, staged: bool) -> tuple[Step, ...]:
    return tuple(
        Step(rule.id, _fill(rule.text(lang), answers), rule.stage)
        for rule in bank.exit_steps
        if (staged or rule.stage != "prepare") and all_hold(rule.when, answers)
    )


def _fill(text: str, answers: dict[str, Answer]) -> str:
    notice = answers.get("notice_period_days")
    return text if notice is None else text.replace("{notice_period_days}", format_number(notice))


def translated(result: Assessment, bank: Bank, answers: dict[str, Answer], lang: str) -> Assessment:
    """The same result with its texts in `lang`, looked up again in the bank by their ids.

    A record stores its advice in the language it was made in; an item the bank no longer
    knows keeps its stored text.
    """
    actions = {q.id: q.action for q in bank.questions if q.action}
    rules = {r.id: r.text for r in (*bank.dealbreakers, *bank.consistency, *bank.exit_steps)}
    items = {i.id: i.text for i in (*bank.prevention, *bank.consequences)}
    principles = {p.id: p.text for p in bank.principles.values()}

    def again(step, texts):
        return replace(step, text=_fill(texts[step.id](lang), answers)) if step.id in texts else step

    def warning(finding: Finding) -> Finding:
        texts = rules if finding.kind in ("dealbreaker", "consistency") else principles
        return again(finding, texts)

    return replace(
        result,
        actions=tuple(again(s, actions) for s in result.actions),
        warnings=tuple(warning(w) for w in result.warnings),
        exit_plan=tuple(again(s, rules) for s in result.exit_plan),
        prevention=tuple(again(s, items) for s in result.prevention),
        consequences=tuple(again(s, items) for s in result.consequences),
    )


# ---------------------------------------------------------------------------------------------
# explained: the smallest single change of answer that moves the result, in each direction.


def _counterfactuals(bank: Bank, answers: dict[str, Answer], level: str) -> tuple[Change | None, Change | None]:
    current = LEVELS.index(level)
    contradictions = _contradictions(bank, answers)
    best: dict[str, tuple[tuple, Change]] = {}
    for order, question in enumerate(bank.questions):
        was = answers.get(question.id)
        for candidate in _candidates(question, was):
            changed = dict(answers)
            changed[question.id] = candidate
            new = LEVELS.index(level_of(bank, changed))
            if new == current or not _contradictions(bank, changed) <= contradictions:
                continue  # no move, or a move only by answering against yourself
            direction = "milder" if new < current else "harsher"
            # The nearest level first, then the smallest change, then the bank's order.
            rank = (abs(new - current), _distance(question, was, candidate), order)
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
