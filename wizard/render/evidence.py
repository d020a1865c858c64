"""The facts drawn from a ledger in plain words, in English or Polish, and as JSON.

One text per derived question, e.g. "7 of 12 invoices paid late (58%), median 18 days late, the
longest 45 days". Dates read as in prose: 2026-10-15 in English, 15.10.2026 in Polish.
"""

from __future__ import annotations

from datetime import timedelta

from wizard.i18n import day, t
from wizard.model.evidence import ClientEvidence, Fact, LateFact, LateTrendFact, OrdersFact, OwedFact, ShareFact
from wizard.model.invoices import Money, Window
from wizard.model.records import Evidence, LedgerSource


def amount(value: float, currency: str) -> str:
    """A whole amount with its thousands apart: 14 300 PLN (the same in both languages)."""
    text = f"{round(value):,}".replace(",", " ")
    return f"{text} {currency}" if currency else text


def money(amounts: Money) -> str:
    return " + ".join(amount(value, currency) for currency, value in amounts) or "0"


def percent(share: float) -> int:
    return round(share * 100)


def evidence_texts(evidence: ClientEvidence, lang: str) -> dict[str, str]:
    """Question id → the facts behind its answer (or why there is none), in `lang`."""
    tail = t("ledger.left_out", lang, count=evidence.left_out) if evidence.left_out else ""
    return {question: fact_text(fact, lang) + tail for question, fact in evidence.facts.items()}


def fact_text(fact: Fact, lang: str) -> str:
    if getattr(fact, "why", "") == "no_column":
        return t("ledger.no_column", lang)
    if isinstance(fact, LateFact):
        return _late(fact, lang)
    if isinstance(fact, LateTrendFact):
        return _trend(fact, lang)
    if isinstance(fact, ShareFact):
        return _share(fact, lang)
    if isinstance(fact, OrdersFact):
        return _orders(fact, lang)
    assert isinstance(fact, OwedFact)
    return _owed(fact, lang)


def _late(fact: LateFact, lang: str) -> str:
    tally = fact.tally
    if fact.answer is None:
        text = t("ledger.late.too_few", lang, known=tally.known, needed=fact.needed)
    elif not tally.late:
        text = t("ledger.late.on_time", lang, known=tally.known)
    else:
        text = t("ledger.late.counted", lang, late=tally.late, known=tally.known, share=percent(tally.share))
        text += t("ledger.late.delays", lang, median=tally.median, longest=tally.longest)
    if tally.pending:
        text += t("ledger.late.pending", lang, count=tally.pending)
    if tally.undated:
        text += t("ledger.late.undated", lang, count=tally.undated)
    return text


def _halves(fact: LateTrendFact | OrdersFact, lang: str) -> dict[str, str]:
    window = fact.window
    return {"a": day(window.since, lang), "b": day(window.mid - timedelta(days=1), lang),
            "c": day(window.mid, lang), "d": day(window.until, lang)}


def _trend(fact: LateTrendFact, lang: str) -> str:
    first, second = fact.first, fact.second
    halves = _halves(fact, lang)
    if fact.answer is None:
        return t("ledger.trend.too_few", lang, first_known=first.known, second_known=second.known,
                 needed=fact.needed, **halves)
    text = t("ledger.trend.halves", lang, first_late=first.late, first_known=first.known,
             first_share=percent(first.share), second_late=second.late, second_known=second.known,
             second_share=percent(second.share), **halves)
    if first.late and second.late:
        text += t("ledger.trend.delays", lang, before=first.median, after=second.median)
    elif not first.late and not second.late:
        text += t("ledger.trend.never", lang)
    return text


def _share(fact: ShareFact, lang: str) -> str:
    if fact.currencies:
        return t("ledger.share.currencies", lang, currencies=", ".join(c or "?" for c in fact.currencies))
    window = {"since": day(fact.window.since, lang), "until": day(fact.window.until, lang)}
    if fact.answer is None:
        return t("ledger.share.none", lang, **window)
    text = t("ledger.share.counted", lang, value=amount(fact.value, fact.currency),
             total=amount(fact.total, fact.currency), **window)
    return text + (t("ledger.share.net", lang) if fact.net else "")


def _orders(fact: OrdersFact, lang: str) -> str:
    if fact.currencies:
        return t("ledger.orders.currencies", lang, currencies=", ".join(c or "?" for c in fact.currencies))
    values = {"first": amount(fact.first, fact.currency), "second": amount(fact.second, fact.currency),
              **_halves(fact, lang)}
    if fact.change is None:
        return t("ledger.orders.nothing_before", lang, **values)
    change = round(fact.change * 100)
    return t("ledger.orders.counted", lang, change=f"{change:+d}".replace("-", "−"), **values)


def _owed(fact: OwedFact, lang: str) -> str:
    owed = fact.owed
    if owed.overdue:
        text = t("ledger.owed.overdue", lang, count=owed.overdue, money=money(owed.overdue_money),
                 date=day(owed.oldest_due, lang))
    else:
        text = t("ledger.owed.none", lang)
    if owed.pending:
        text += t("ledger.owed.pending", lang, count=owed.pending, money=money(owed.pending_money))
    return text


def evidence_json(evidence: ClientEvidence, lang: str) -> dict:
    """One client for `evidence --json`: client, answers (in answers-file form) and evidence."""
    return {"client": evidence.client, "answers": evidence.answers, "evidence": evidence_texts(evidence, lang)}


def for_record(evidence: ClientEvidence, lang: str) -> dict[str, Evidence]:
    """The evidence as a record keeps it: the text in the record's language, the answer derived."""
    answers, texts = evidence.answers, evidence_texts(evidence, lang)
    return {question: Evidence(texts[question], answers.get(question)) for question in evidence.facts}


def source(file_name: str, window: Window) -> LedgerSource:
    return LedgerSource(file_name, window.since, window.until)
