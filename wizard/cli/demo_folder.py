"""A realistic folder of sample decisions, so a new user sees every view in a minute.

Every record is built the real way, through `reasoning.assess`, then moved through its life with
`lifecycle` and commented on with `feedback`. The set holds:
  - Kowalski Meble: one client over four assessments in a year, the risk rising from "monitor"
    to "prepare exit", each newer record superseding the older one, with decisions taken;
  - Northwind Digital: two teammates who assess the same client and disagree on several questions,
    with feedback on each other's records;
  - Zielony Ogród Łódź: an accepted "monitor" decision whose review date has passed;
  - Brightline Analytics: a dealbreaker (asked to act unethically), ended, with an outcome;
  - Harbor & Finch Legal: a decision that departs from the recommendation, with its reason;
  - Piekarnia Świętokrzyska: a healthy client, kept.

Beside them, `ledger.csv`: the invoices of these clients and two more never assessed
(wizard/storage/demo_ledger.py). The newest assessments of Kowalski Meble and Harbor & Finch drew their
payment answers from it, with the evidence; Kowalski's owner typed her own revenue share.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from wizard.storage import demo_ledger
from wizard.storage import feedback as feedback_files
from wizard.model.bank import Bank, Text
from wizard.model.lifecycle import decide, is_overdue, supersede
from wizard.model.reasoning import assess
from wizard.model.records import AnswerSheet, DecisionRecord, new_id, now
from wizard.storage.store import RecordStore

LEDGER = "ledger.csv"  # the sample ledger, beside the sample records


@dataclass(frozen=True)
class Sample:
    client: str
    assessor: str
    days_ago: int
    answers: dict
    notes: dict[str, Text] = field(default_factory=dict)
    status: str = ""  # proposed | accepted | rejected; empty: left a draft
    level: str | None = None  # a decided level that differs from the recommendation
    reason: Text | None = None
    outcome: Text | None = None
    decision_makers: tuple[str, ...] = ()
    consulted: tuple[str, ...] = ()
    informed: tuple[str, ...] = ()
    supersedes_previous: bool = False  # supersedes the previous sample of the same client
    feedback: tuple[tuple[str, str, Text], ...] = ()  # (by, stance, comment)
    from_ledger: bool = False  # the answers the demo ledger gives were drawn from it...
    typed: tuple[str, ...] = ()  # ...except these, which the assessor typed


KOWALSKI = "Kowalski Meble Sp. z o.o."
NORTHWIND = "Northwind Digital Ltd"

_KOWALSKI_BASE = {
    "late_payments": 1, "late_payments_trend": "stable", "payment_terms_enforced": False,
    "contract_breaches": 1, "renegotiation": 1, "urgent_demands": 2, "resource_drain": 1,
    "effort_vs_result": 1, "profitability": "profitable", "revenue_share": 35, "blocks_other_work": 1,
    "exclusivity_demand": False, "disrespect": 0, "distrust": 0, "dissatisfaction": 1,
    "communication_breakdown": 1, "orders_trend": "stable", "complaints_trend": "stable",
    "toxicity": 0, "wellbeing_impact": 1, "team_morale": 1, "attachment": 4, "asked_unethical": False,
    "problem_discussed": False, "terms_revised": False, "improvement": "not_applicable",
    "relationship_years": 9, "strategic_value": 2, "notice_period_days": 30, "outstanding_receivables": False,
}

_NORTHWIND_BASE = {
    "late_payments": 2, "late_payments_trend": "stable", "payment_terms_enforced": True,
    "contract_breaches": 2, "renegotiation": 3, "urgent_demands": 3, "resource_drain": 2,
    "effort_vs_result": 2, "revenue_share": 20, "blocks_other_work": 1, "exclusivity_demand": False,
    "distrust": 1, "dissatisfaction": 2, "communication_breakdown": 2, "disengagement": 1,
    "orders_trend": "stable", "complaints_trend": "stable", "toxicity": 2, "wellbeing_impact": 2,
    "attachment": 1, "asked_unethical": False, "unethical_business": 0, "terms_revised": False,
    "relationship_years": 2, "notice_period_days": 60,
}


def samples() -> list[Sample]:
    k = _KOWALSKI_BASE
    nw = _NORTHWIND_BASE
    return [
        Sample(KOWALSKI, "Anna Nowak", 330, dict(k), status="accepted", decision_makers=("Anna Nowak",),
               notes={"urgent_demands": Text("Two rush requests before the trade fair", "Dwa pilne zlecenia przed targami")},
               outcome=Text("Kept as is; watching the payments.", "Bez zmian; pilnujemy płatności.")),
        Sample(KOWALSKI, "Anna Nowak", 240, k | {
            "late_payments": 3, "late_payments_trend": "worsening", "urgent_demands": 3, "resource_drain": 3,
            "renegotiation": 2, "blocks_other_work": 2, "revenue_share": 45, "wellbeing_impact": 2,
            "team_morale": 2, "outstanding_receivables": True},
            notes={"late_payments": Text("Invoices from May and June still unpaid", "Faktury z maja i czerwca wciąż niezapłacone")},
            status="accepted", supersedes_previous=True, decision_makers=("Anna Nowak",),
            consulted=("Marek Wiśniewski",), informed=("Ola Zielińska",),
            outcome=Text("New terms sent: 14-day payment, a surcharge for rush work.",
                      "Wysłano nowe warunki: płatność w 14 dni, dopłata za pilne zlecenia.")),
        Sample(KOWALSKI, "Anna Nowak", 120, k | {
            "late_payments": 2, "late_payments_trend": "stable", "payment_terms_enforced": True,
            "urgent_demands": 3, "resource_drain": 2, "renegotiation": 2, "blocks_other_work": 2,
            "revenue_share": 40, "wellbeing_impact": 2, "team_morale": 2, "problem_discussed": True,
            "terms_revised": True, "improvement": "partial", "outstanding_receivables": True},
            status="accepted", supersedes_previous=True, decision_makers=("Anna Nowak",),
            consulted=("Marek Wiśniewski",), outcome=Text("SLA signed in June; payments a little better.",
                                                     "SLA podpisane w czerwcu; płatności trochę lepsze.")),
        Sample(KOWALSKI, "Anna Nowak", 10, k | {
            "late_payments": 3, "late_payments_trend": "worsening", "payment_terms_enforced": True,
            "contract_breaches": 2, "renegotiation": 3, "urgent_demands": 3, "resource_drain": 3,
            "effort_vs_result": 2, "profitability": "break_even", "revenue_share": 45, "blocks_other_work": 3,
            "dissatisfaction": 2, "communication_breakdown": 2, "orders_trend": "stable", "toxicity": 1,
            "wellbeing_impact": 2, "team_morale": 2, "problem_discussed": True, "terms_revised": True,
            "improvement": "none", "outstanding_receivables": True},
            notes={"improvement": Text("The SLA is ignored since September", "Od września SLA jest ignorowane")},
            status="proposed", supersedes_previous=True, decision_makers=("Anna Nowak",),
            consulted=("Marek Wiśniewski", "Ola Zielińska"), from_ledger=True, typed=("revenue_share",),
            feedback=(("Marek Wiśniewski", "agree", Text("Staged, as proposed: first replace their 45% of revenue.",
                                                    "Etapami, jak w propozycji: najpierw zastąpmy ich 45% przychodu.")),
                      ("Ola Zielińska", "disagree", Text("Give the SLA one more quarter; their new manager starts in January.",
                                                 "Dajmy SLA jeszcze kwartał; ich nowy kierownik zaczyna w styczniu.")))),
        Sample(NORTHWIND, "Anna Nowak", 5, nw | {
            "disrespect": 1, "profitability": "break_even", "revenue_share": 20, "problem_discussed": True,
            "improvement": "partial", "team_morale": 1, "reputation_risk": 0},
            status="proposed", consulted=("Marek Wiśniewski",),
            feedback=(("Marek Wiśniewski", "disagree", Text("You were not in the calls in October; the tone is the problem.",
                                                    "Nie było cię na rozmowach w październiku; problemem jest ton.")),)),
        Sample(NORTHWIND, "Marek Wiśniewski", 3, nw | {
            "disrespect": 3, "profitability": "loss_making", "revenue_share": 45, "problem_discussed": False,
            "improvement": "not_applicable", "team_morale": 4, "reputation_risk": 2},
            notes={"disrespect": Text("Shouting at our designer in two calls", "Krzyczeli na naszą projektantkę podczas dwóch rozmów")},
            feedback=(("Anna Nowak", "abstain", Text("I need to hear the call recordings first.", "Najpierw muszę odsłuchać nagrania rozmów.")),)),
        Sample("Zielony Ogród Łódź", "Ola Zielińska", 100, {
            "late_payments": 2, "late_payments_trend": "stable", "payment_terms_enforced": True,
            "urgent_demands": 2, "communication_breakdown": 2, "disengagement": 2, "orders_trend": "declining",
            "complaints_trend": "stable", "revenue_share": 10, "problem_discussed": True, "improvement": "partial",
            "relationship_years": 3, "attachment": 1},
            status="accepted", decision_makers=("Ola Zielińska",), informed=("Anna Nowak",),
            outcome=Text("Monthly check-in call agreed.", "Ustaliliśmy comiesięczną rozmowę kontrolną.")),
        Sample("Brightline Analytics", "Marek Wiśniewski", 2, {
            "asked_unethical": True, "unethical_business": 2, "reputation_risk": 3, "late_payments": 1,
            "revenue_share": 8, "problem_discussed": True, "improvement": "none", "notice_period_days": 14,
            "outstanding_receivables": True},
            notes={"asked_unethical": Text("Asked us to fake review scores for their app",
                                         "Prosili o sfałszowanie ocen ich aplikacji")},
            status="accepted", decision_makers=("Anna Nowak", "Marek Wiśniewski"), informed=("Ola Zielińska",),
            outcome=Text("Client told on the phone and in writing; last invoice paid, hand-over on Friday.",
                      "Klient poinformowany telefonicznie i na piśmie; ostatnia faktura zapłacona, przekazanie w piątek.")),
        Sample("Harbor & Finch Legal", "Anna Nowak", 20, {
            "late_payments": 3, "late_payments_trend": "worsening", "payment_terms_enforced": False,
            "contract_breaches": 2, "renegotiation": 3, "urgent_demands": 3, "resource_drain": 2,
            "effort_vs_result": 3, "profitability": "break_even", "dissatisfaction": 2, "revenue_share": 15,
            "problem_discussed": False, "terms_revised": False, "improvement": "not_applicable", "toxicity": 1},
            status="accepted", level="monitor", from_ledger=True,
            reason=Text("Their managing partner changed last week; we give the new one a month before new terms.",
                     "W zeszłym tygodniu zmienił się ich partner zarządzający; dajemy nowemu miesiąc przed nowymi warunkami."),
            decision_makers=("Anna Nowak",)),
        Sample("Piekarnia Świętokrzyska", "Ola Zielińska", 20, {
            "late_payments": 0, "late_payments_trend": "improving", "payment_terms_enforced": True,
            "urgent_demands": 1, "resource_drain": 0, "profitability": "profitable", "revenue_share": 12,
            "disrespect": 0, "distrust": 0, "dissatisfaction": 0, "orders_trend": "growing",
            "complaints_trend": "fewer", "toxicity": 0, "relationship_years": 6, "attachment": 3,
            "strategic_value": 3},
            status="accepted", decision_makers=("Ola Zielińska",), outcome=Text("Renewed for another year.", "Przedłużono na kolejny rok.")),
    ]


@dataclass(frozen=True)
class Demo:
    folder: Path
    records: tuple[DecisionRecord, ...]
    feedback: int
    clients: tuple[str, ...]
    overdue: tuple[str, ...]  # ids of records whose review date has passed
    ledger: Path  # the sample invoice ledger


def build(folder: Path, bank: Bank, lang: str, today: datetime | None = None) -> Demo:
    """Write the sample set into `folder` (which should be empty) and describe what was written."""
    today = today or now()
    store = RecordStore(Path(folder))
    store.ensure()
    ledger = demo_ledger.write(store.root / LEDGER, today.date())
    written: dict[str, tuple[Path, DecisionRecord]] = {}
    previous: dict[str, str] = {}  # client → id of its newest sample so far
    feedback_count = 0
    for index, sample in enumerate(samples()):
        created = (today - timedelta(days=sample.days_ago)).replace(hour=9 + index % 8, minute=15, second=0)
        record = _record(bank, sample, lang, created, ledger)
        if sample.status:
            record = decide(record, sample.status, level=sample.level, reason=_text(sample.reason, lang),
                            review_days=bank.review_days,
                            outcome=_text(sample.outcome, lang),
                            by=sample.assessor, decision_makers=sample.decision_makers,
                            consulted=sample.consulted, informed=sample.informed, at=created + timedelta(hours=3))
        path, record = store.save_new(record)
        if sample.supersedes_previous and sample.client in previous:
            old_path, old = written[previous[sample.client]]
            record, old = supersede(record, old, by=sample.assessor, at=created + timedelta(hours=3))
            store.update(path, record)
            store.update(old_path, old)
            written[old.id] = (old_path, old)
        written[record.id] = (path, record)
        previous[sample.client] = record.id
        for offset, (by, stance, comment) in enumerate(sample.feedback, start=1):
            at = min(created + timedelta(days=offset, hours=offset), today)
            feedback_files.add(store.root, feedback_files.make(record.id, by, stance, comment(lang), at))
            feedback_count += 1
    records = tuple(r for _, r in written.values())
    return Demo(
        folder=store.root,
        records=records,
        feedback=feedback_count,
        clients=tuple(dict.fromkeys(r.client for r in records)),
        overdue=tuple(r.id for r in records if is_overdue(r, today.date())),
        ledger=ledger,
    )


def _record(bank: Bank, sample: Sample, lang: str, created: datetime, ledger: Path) -> DecisionRecord:
    sheet = AnswerSheet(sample.client, sample.assessor, dict(sample.answers),
                        {k: v(lang) for k, v in sample.notes.items()})
    if sample.from_ledger:
        sheet = _drawn(sheet, sample.typed, ledger, lang, created.date())
    result = assess(bank, sheet.answers, lang, created.date())
    return DecisionRecord(
        id=new_id(), client=sample.client, assessor=sample.assessor, created=created, language=lang,
        bank_version=bank.version, status="draft", review_date=result.review_date, answers=sheet.answers,
        notes=sheet.notes, evidence=sheet.evidence, ledger=sheet.ledger, result=result,
    )


def _drawn(sheet: AnswerSheet, typed: tuple[str, ...], path: Path, lang: str, day) -> AnswerSheet:
    """The sheet with its answers drawn from the demo ledger as it stood on `day`, but for `typed`."""
    from wizard.model.evidence import QUESTIONS, derive
    from wizard.model.invoices import default_window
    from wizard.model.records import with_evidence
    from wizard.render.evidence import for_record, source
    from wizard.storage.ledger import load_rules, read_ledger

    rules, ledger = load_rules(), read_ledger(path)
    window = default_window(ledger, rules, day, until=day)
    (found,) = [e for e in derive(ledger, rules, window) if e.client == sheet.client]
    answers = {k: v for k, v in sheet.answers.items() if k not in QUESTIONS or k in typed}
    return with_evidence(replace(sheet, answers=answers), for_record(found, lang), source(path.name, window))


def _text(text: Text | None, lang: str) -> str:
    return text(lang) if text else ""
