"""Texts of the program itself (the question bank carries its own), in English and Polish.

`t(key, lang, **values)` returns the text in the language asked for. Every key has both
languages: a test checks it, and another walks every screen in Polish looking for English.
"""

from __future__ import annotations

import os

LANGUAGES = ("en", "pl")

MESSAGES: dict[str, tuple[str, str]] = {
    # --- reports (command line, Markdown export) -------------------------------------------
    "report.title": ("Client assessment: {client}", "Ocena klienta: {client}"),
    "report.meta": ("Assessed by {assessor} on {date} · question bank {version} · record {id}",
                    "Ocenia: {assessor}, {date} · bank pytań {version} · zapis {id}"),
    "report.nobody": ("(not given)", "(nie podano)"),
    "report.recommendation": ("Recommendation", "Rekomendacja"),
    "report.score": ("Risk score", "Poziom ryzyka"),
    "report.confidence": ("Confidence", "Pewność"),
    "report.confidence_note": ("{answered} of {total} questions answered",
                               "odpowiedzi na {answered} z {total} pytań"),
    "report.status": ("Status", "Status"),
    "report.sections": ("Risk by section", "Ryzyko według obszarów"),
    "report.principles": ("What shaped this result", "Co wpłynęło na wynik"),
    "report.reasons": ("Main reasons", "Główne powody"),
    "report.share": ("share", "udział"),
    "report.changes": ("What would change it", "Co mogłoby zmienić wynik"),
    "report.change_line": ("If “{question}” were {to} (now: {was}), the recommendation would be: {level}.",
                           "Gdyby „{question}” miało odpowiedź {to} (teraz: {was}), rekomendacja brzmiałaby: {level}."),
    "report.no_change": ("No single change of answer would move the result {direction}.",
                         "Żadna pojedyncza zmiana odpowiedzi nie przesunie wyniku {direction}."),
    "report.direction.milder": ("to a milder level", "na łagodniejszy poziom"),
    "report.direction.harsher": ("to a harsher level", "na surowszy poziom"),
    "report.skipped": ("skipped", "pominięte"),
    "report.warnings": ("Warnings", "Ostrzeżenia"),
    "report.actions": ("Actions", "Działania"),
    "report.review": ("Review by {date}.", "Przegląd do {date}."),
    "report.exit_plan": ("Exit plan", "Plan rozstania"),
    "report.exit_plan_staged": ("Exit plan (staged: reduce your dependency first)",
                                "Plan rozstania (etapowy: najpierw zmniejsz zależność)"),
    "report.stage.prepare": ("Prepare", "Przygotowanie"),
    "report.stage.notify": ("Tell the client", "Rozmowa z klientem"),
    "report.stage.close": ("Close well", "Porządne zamknięcie"),
    "report.consequences": ("Consequences of ending", "Skutki rozstania"),
    "report.side.us": ("For you", "Dla ciebie"),
    "report.side.client": ("For the client", "Dla klienta"),
    "report.prevention": ("Next time", "Na przyszłość"),
    "report.decision": ("Decision taken", "Podjęta decyzja"),
    "report.decision_line": ("{level}, decided by {by}", "{level}, zdecydował(a): {by}"),
    "report.differs": ("Differs from the recommendation ({level}). Reason: {reason}",
                       "Różni się od rekomendacji ({level}). Powód: {reason}"),
    "report.answers": ("Answers", "Odpowiedzi"),
    "report.note": ("note", "notatka"),
    "report.no_result": ("This record has no result yet (an unfinished draft).",
                         "Ten zapis nie ma jeszcze wyniku (niedokończony szkic)."),
    "report.question": ("Question", "Pytanie"),
    "report.answer": ("Answer", "Odpowiedź"),
    "report.section": ("Section", "Obszar"),
    # --- statuses -----------------------------------------------------------------------------
    "status.draft": ("draft", "szkic"),
    "status.proposed": ("proposed", "zaproponowana"),
    "status.accepted": ("accepted", "przyjęta"),
    "status.rejected": ("rejected", "odrzucona"),
    "status.superseded": ("superseded", "zastąpiona"),
    # --- command line -------------------------------------------------------------------------
    "cli.saved": ("saved: {path}", "zapisano: {path}"),
    "cli.valid": ("ok: {path} ({what})", "ok: {path} ({what})"),
    "cli.what.bank": ("question bank, {count} questions", "bank pytań, {count} pytań"),
    "cli.what.record": ("decision record", "zapis decyzji"),
    "cli.what.answers": ("answers file, {count} answers", "plik odpowiedzi, {count} odpowiedzi"),
    "cli.no_records": ("No records in {path} yet. Start one with: client-exit new",
                       "Brak zapisów w {path}. Zacznij od: client-exit new"),
    "cli.list.header": ("date        client                          assessor        level          score  status",
                        "data        klient                          oceniający      poziom         ryzyko status"),
    # --- review and team (issue 4) ---------------------------------------------------------
    # --- privacy, faults (issue 5) ---------------------------------------------------------
}


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Add the texts of a part that the core does not import (the TUI)."""
    MESSAGES.update(messages)


def t(key: str, lang: str, **values: object) -> str:
    en, pl = MESSAGES[key]
    text = pl if lang == "pl" else en
    return text.format(**values) if values else text


def default_language(environ: dict[str, str] | None = None) -> str:
    """Polish when the locale is Polish, else English (LC_ALL, then LC_MESSAGES, then LANG)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "pl" if value.lower().startswith("pl") else "en"
    return "en"
