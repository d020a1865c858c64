"""What to do: the actions, the exit plan and its consequences, and the warnings.

Advice follows a level, which is the recommended one or a level the team decided instead: the
same answers give the actions and the exit plan that fit it. Texts come from the bank.

- Actions only for problems that fired, and never for a step already taken: once a remedy
  was tried, its next step is advised instead of the actions it covers. Rising complaints
  that were mostly your own fault put the root-cause review first. Dependency adds a
  diversification track at every level.
- The exit plan fits the cause: after a dealbreaker, or over abuse or dishonesty, it is an
  exit for cause (check the contract for termination, document, protect the staff, settle
  the money), never a parting on good terms. Securing what is owed comes first whenever
  money is owed or payments are often late. The exit is staged whenever dependency holds.
"""

from __future__ import annotations

from wizard.model.assessment import Advice, Finding, Step
from wizard.model.bank import EXIT_LEVELS, LEVELS, Answer, Bank, Question, Text, format_number
from wizard.model.evaluation import Core, ProblemState

KEPT = "kept"  # the step id of the advice for a problem that was fixed
NEXT = ".next"  # suffix of the step id of a remedy's next step
PENDING = ".pending"  # suffix of the step id of a remedy's step while its outcome is unknown


def advise(bank: Bank, answers: dict[str, Answer], core: Core, level: str, lang: str) -> Advice:
    """The actions and, at an exit level, the exit plan and consequences for `level`."""
    at_exit = level in EXIT_LEVELS
    steps = _actions(bank, answers, core, level, lang)
    top = bank.scoring.top_actions
    shown, more = list(steps[:top]), list(steps[top:])
    track = [s for s in more if s.id == bank.scoring.diversify]
    if track:
        # dependency: the diversification track belongs to the advice at every level.
        more.insert(0, shown.pop())
        more.remove(track[0])
        shown.append(track[0])
    exit_plan: tuple[Step, ...] = ()
    staged = False
    consequences: tuple[Step, ...] = ()
    if at_exit:
        staged = "dependency" in core.principles
        exit_plan = exit_steps(bank, answers, core, level, lang, staged)
        cause = exit_cause(bank, answers, core)
        consequences = tuple(Step(i.id, i.text(lang), i.side) for i in bank.consequences if i.holds(answers, cause))
    return Advice(level, tuple(shown), tuple(more), exit_plan, staged, consequences, at_exit)


def exit_cause(bank: Bank, answers: dict[str, Answer], core: Core) -> str:
    """for_cause after a dealbreaker or one step below one (the bank's `exit_cause`)."""
    if core.dealbreakers or any(c.holds(answers) for c in bank.for_cause):
        return "for_cause"
    return "ordinary"


def exit_steps(bank: Bank, answers: dict[str, Answer], core: Core, level: str, lang: str,
               staged: bool) -> tuple[Step, ...]:
    cause = exit_cause(bank, answers, core)
    return tuple(
        Step(rule.id, fill(rule.text(lang), answers, lang, bank), rule.stage)
        for rule in bank.exit_steps
        if level in rule.levels and cause in rule.causes and (staged or rule.stage != "prepare")
        and rule.holds(answers)
    )


def _fired(bank: Bank, core: Core) -> list[ProblemState]:
    """The problems that fired, the ones that set the level first, then the most serious."""
    fires_at = bank.scoring.fires_at
    fired = [p for p in core.problems if p.band >= fires_at or any(core.raw[s] >= fires_at for s in p.signals)]
    weight = {p.id: sum(core.contributions.get(s, 0.0) for s in bank.problem(p.id).signals) for p in fired}
    return sorted(fired, key=lambda p: (p.id not in core.deciding, -p.band, -weight[p.id]))


def _actions(bank: Bank, answers: dict[str, Answer], core: Core, level: str, lang: str) -> list[Step]:
    """Most important first: your own root-cause review when most complaints were your own
    fault; then the problems that set the level, each with the remedies not yet tried that
    address it (fix_first) and its signs' actions; money owed; then the other problems."""
    at_exit = level in EXIT_LEVELS
    fired = _fired(bank, core)
    candidates: list[tuple[str, str, Text | None]] = []  # (step id, group, text)
    complaints = bank.question("complaints_trend")
    justified = answers.get("complaints_justified")
    if complaints and "own_quality" in core.principles and isinstance(justified, int) \
            and justified >= bank.scoring.own_fault_first:
        candidates.append(_question_step(complaints, at_exit))
    remedies = level == "revise_terms" or at_exit and exit_cause(bank, answers, core) == "ordinary"
    # The problems that set the level lead (when several problems together set it, all of them).
    leading = [p for p in fired if p.id in core.deciding] or [p for p in fired if p.level != LEVELS[0]]
    for problem in leading:
        if remedies:  # an exit for cause ends the relationship's terms; it does not renegotiate them
            candidates += _remedy_steps(bank, answers, problem, at_exit)
        candidates += [_sign_step(bank, answers, problem, q, at_exit) for q in _fired_signs(bank, core, problem)]
    if not at_exit:
        candidates += _owed(bank, answers, core)
    for problem in fired:
        if problem not in leading:
            candidates += [_sign_step(bank, answers, problem, q, at_exit) for q in _fired_signs(bank, core, problem)]
    steps, groups = [], set()
    for step_id, group, text in candidates:
        if text is None or group in groups:
            continue
        groups.add(group)
        steps.append(Step(step_id, text(lang)))
    return steps


def _sign_step(bank: Bank, answers: dict[str, Answer], problem: ProblemState, question: Question,
               at_exit: bool) -> tuple[str, str, Text | None]:
    """A sign's action; once the remedy whose job it is was tried, what comes next instead: the
    remedy's next step, or while its outcome is unknown its pending step, or keeping what works."""
    remedy = question.remedy
    if at_exit or not remedy or answers.get(remedy) is not True:
        return _question_step(question, at_exit)
    if problem.state == "fixed":
        return KEPT, KEPT, bank.remediation.kept
    found = _remedy(bank, remedy)
    if problem.state == "unknown":
        return remedy + PENDING, remedy + PENDING, found.pending_action
    return remedy + NEXT, remedy + NEXT, found.next_action


def _owed(bank: Bank, answers: dict[str, Answer], core: Core) -> list[tuple[str, str, Text | None]]:
    """Money owed to you while payments or the cooperation are in trouble: collect it now."""
    question = bank.question("outstanding_receivables")
    money = any(p.id == bank.question("late_payments").problem and p.band >= bank.scoring.fires_at
                for p in core.problems) if bank.question("late_payments") else False
    if question is None or answers.get(question.id) is not True or not (money or core.level != LEVELS[0]):
        return []
    return [_question_step(question, False)]


def _question_step(question: Question, at_exit: bool) -> tuple[str, str, Text | None]:
    return question.id, question.action_group or question.id, question.exit_action if at_exit else question.action


def _remedy_steps(bank: Bank, answers: dict[str, Answer], problem: ProblemState,
                  at_exit: bool) -> list[tuple[str, str, Text | None]]:
    """fix_first: the remedies not yet tried that address this problem. At an exit, their
    steps of leaving instead."""
    return [_question_step(bank.question(remedy.question), at_exit) for remedy in bank.remedies
            if problem.id in remedy.addresses and answers.get(remedy.question) is not True]


def _fired_signs(bank: Bank, core: Core, problem: ProblemState) -> list[Question]:
    """A problem's signs that fired as answered (a trend: when it added to its sign), worst first."""
    fires_at = bank.scoring.fires_at
    signs = []
    for sid in bank.problem(problem.id).signals:
        question = bank.question(sid)
        if question.qualifies:
            fired = core.raw[sid] > 0 and core.bands[question.qualifies] >= fires_at
        else:
            fired = core.raw[sid] >= fires_at
        if fired:
            signs.append(question)
    return sorted(signs, key=lambda q: -core.contributions.get(q.id, 0.0))


def _remedy(bank: Bank, question_id: str):
    return next(r for r in bank.remedies if r.question == question_id)


def fill(text: str, answers: dict[str, Answer], lang: str, bank: Bank) -> str:
    """The notice period written into a text: `{notice_period}` with its unit in the right
    plural form (30 days, 1 day; 30 dni, 1 dzień), `{notice_period_days}` as a bare number."""
    notice = answers.get("notice_period_days")
    if notice is None:
        return text
    question = bank.question("notice_period_days")
    number = format_number(notice, lang)
    with_unit = question.label(notice, lang, bank) if question else number
    return text.replace("{notice_period}", with_unit).replace("{notice_period_days}", number)


# ---------------------------------------------------------------------------------------------
# Warnings


def warnings(bank: Bank, answers: dict[str, Answer], core: Core, lang: str,
             level_range: tuple[str, str] | None, open_questions: tuple[str, ...]) -> tuple[Finding, ...]:
    found = [Finding(r.id, "dealbreaker", r.text(lang)) for r in bank.dealbreakers if r.id in core.dealbreakers]
    found += [Finding(r.id, "consistency", r.text(lang)) for r in bank.consistency if r.holds(answers)]
    if core.broad >= bank.decision.breadth_problems:
        found.append(Finding("breadth", "breadth", finding_text(bank, "breadth", answers, lang, count=core.broad)))
    if "attachment_bias" in core.principles:
        found.append(Finding("attachment_bias", "bias", finding_text(bank, "attachment_bias", answers, lang)))
    strategic = answers.get("strategic_value")
    if core.level in EXIT_LEVELS and isinstance(strategic, int) and strategic >= bank.scoring.strategic_min:
        found.append(Finding("strategic_value", "bias", finding_text(bank, "strategic_value", answers, lang)))
    if "own_quality" in core.principles:
        justified = answers.get("complaints_justified")
        if justified is None:  # unanswered: ask for the check
            found.append(Finding("check_quality", "quality", finding_text(bank, "check_quality", answers, lang)))
        elif isinstance(justified, int) and justified >= bank.scoring.own_fault_first:
            found.append(Finding("own_fault", "quality", finding_text(bank, "own_fault", answers, lang)))
    if level_range is not None:
        fid = "thin" if open_questions else "thin_settled"
        found.append(Finding(fid, "thin", finding_text(bank, fid, answers, lang, level_range, open_questions)))
    return tuple(found)


def finding_text(bank: Bank, fid: str, answers: dict[str, Answer], lang: str,
                 level_range: tuple[str, str] | None = None, open_questions: tuple[str, ...] = (),
                 count: int = 0) -> str:
    """A warning's text from the bank, with the user's own answers filled in."""
    text = bank.findings[fid](lang)
    if fid == "breadth":
        return text.replace("{count}", str(count))
    if fid == "strategic_value":
        return text.replace("{value}", str(answers.get("strategic_value", "")))
    if fid == "attachment_bias":
        years = answers.get("relationship_years")
        question = bank.question("relationship_years")
        together = ""
        if question and isinstance(years, (int, float)) and not isinstance(years, bool) \
                and years >= bank.scoring.attachment_years:
            together = bank.findings["attachment_years"](lang).replace("{years}", question.label(years, lang, bank))
        return text.replace("{attachment}", str(answers.get("attachment", ""))).replace("{years}", together)
    if fid in ("thin", "thin_settled"):
        total = len(bank.questions)
        answered = sum(1 for q in bank.questions if q.id in answers)
        low, high = level_range or ("continue", "continue")
        opening, closing = ("„", "”") if lang == "pl" else ("“", "”")
        shown = [f"{opening}{bank.question(q).text(lang)}{closing}" for q in open_questions[:3]]
        if len(open_questions) > 3:
            shown.append(bank.findings["more"](lang).replace("{count}", str(len(open_questions) - 3)))
        return (text.replace("{answered}", str(answered)).replace("{total}", str(total))
                .replace("{low}", bank.level(low).label(lang)).replace("{high}", bank.level(high).label(lang))
                .replace("{questions}", "; ".join(shown)))
    return text
