"""Answers + question bank → an assessment. Pure functions: no I/O, no clock, no Textual.

The model (docs/reasoning.md) reasons the way the two source articles do: in rules over
problems and remedies, not in averages. `evaluation` turns answers into problems and a level,
`explanation` says why and what would change it, `advice` says what to do at a level. The
nine principles of the domain brief are named where they are applied.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from wizard.model.advice import KEPT, NEXT, PENDING, advise, fill, finding_text, warnings
from wizard.model.assessment import Advice, Assessment, Change, Finding, ProblemView, Reason, Step
from wizard.model.bank import Answer, Bank
from wizard.model.evaluation import evaluate, level_of
from wizard.model.explanation import counterfactuals, level_range, reasons

__all__ = ["Advice", "Assessment", "Change", "Finding", "Reason", "Step", "advice_for", "assess", "level_of",
           "translated"]


def assess(bank: Bank, answers: dict[str, Answer], lang: str, today: date) -> Assessment:
    """The whole result for one set of answers (missing ids are skipped questions)."""
    answers = {k: v for k, v in answers.items() if bank.question(k) is not None}
    core = evaluate(bank, answers)
    milder, harsher = counterfactuals(bank, answers, core)
    span, open_questions = level_range(bank, answers, core)
    advice = advise(bank, answers, core, core.level, lang)
    return Assessment(
        level=core.level,
        score=core.score,
        sections=core.sections,
        confidence=round(len(answers) / len(bank.questions), 2) if bank.questions else 0.0,
        principles=core.principles,
        reasons=reasons(bank, core),
        milder=milder,
        harsher=harsher,
        warnings=warnings(bank, answers, core, lang, span, open_questions),
        actions=advice.actions,
        review_date=today + timedelta(days=bank.level(core.level).review_days),
        exit_plan=advice.exit_plan,
        staged_exit=advice.staged_exit,
        prevention=tuple(Step(i.id, i.text(lang)) for i in bank.prevention),
        consequences=advice.consequences,
        more_actions=advice.more_actions,
        actions_for_exit=advice.actions_for_exit,
        problems=tuple(ProblemView(p.id, p.band, p.state, p.level) for p in core.problems),
        range=span,
        open_questions=open_questions,
    )


def advice_for(bank: Bank, answers: dict[str, Answer], level: str, lang: str) -> Advice:
    """The advice for a level the team decided on instead of the recommended one: actions,
    exit plan and consequences that fit that level, from the same answers."""
    answers = {k: v for k, v in answers.items() if bank.question(k) is not None}
    return advise(bank, answers, evaluate(bank, answers), level, lang)


def translated(result: Assessment, bank: Bank, answers: dict[str, Answer], lang: str) -> Assessment:
    """The same result with its texts in `lang`, looked up again in the bank by their ids.

    A record stores its advice in the language it was made in; an item the bank no longer
    knows keeps its stored text.
    """
    actions = {q.id: (q.exit_action if result.actions_for_exit else q.action) for q in bank.questions}
    actions = {k: v for k, v in actions.items() if v is not None}
    actions |= {r.question + NEXT: r.next_action for r in bank.remedies} | {KEPT: bank.remediation.kept}
    actions |= {r.question + PENDING: r.pending_action for r in bank.remedies}
    broad = sum(1 for p in result.problems if p.band >= bank.decision.breadth_band and p.level != "continue"
                and p.id in {q.id for q in bank.problems if not q.dependency})
    rules = {r.id: r.text for r in (*bank.dealbreakers, *bank.consistency, *bank.exit_steps)}
    items = {i.id: i.text for i in (*bank.prevention, *bank.consequences)}

    def again(step, texts):
        return replace(step, text=fill(texts[step.id](lang), answers, lang, bank)) if step.id in texts else step

    def warning(finding: Finding) -> Finding:
        if finding.kind in ("dealbreaker", "consistency"):
            return again(finding, rules)
        if finding.id in bank.findings:
            return replace(finding, text=finding_text(bank, finding.id, answers, lang, result.range,
                                                      result.open_questions, count=broad))
        return finding

    return replace(
        result,
        actions=tuple(again(s, actions) for s in result.actions),
        more_actions=tuple(again(s, actions) for s in result.more_actions),
        warnings=tuple(warning(w) for w in result.warnings),
        exit_plan=tuple(again(s, rules) for s in result.exit_plan),
        prevention=tuple(again(s, items) for s in result.prevention),
        consequences=tuple(again(s, items) for s in result.consequences),
    )
