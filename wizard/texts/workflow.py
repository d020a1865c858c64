"""Texts of the team's workflow: who am I, reassessment, due reviews, templates, duplicates."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- levels in table columns (never cut; the full labels are in questions/bank.toml) --------
    "level.short.continue": ("Continue", "Kontynuuj"),
    "level.short.monitor": ("Monitor", "Obserwuj"),
    "level.short.revise_terms": ("Revise terms", "Nowe zasady"),
    "level.short.prepare_exit": ("Prepare exit", "Plan rozstania"),
    "level.short.end_now": ("End now", "Zakończ teraz"),
    # --- config -------------------------------------------------------------------------------
    "config.file": ("settings: {path}", "ustawienia: {path}"),
    "config.name": ("name: {name}", "imię: {name}"),
    "config.no_name": ("name: not set (set it with: client-exit config name \"Your Name\")",
                       "imię: nie ustawiono (ustaw je poleceniem: client-exit config name \"Imię Nazwisko\")"),
    "config.name_saved": ("Your name is now “{name}” ({path}).", "Twoje imię to teraz „{name}” ({path})."),
    "config.bad_name": ("config name: a name must be readable text and not empty (got {value})",
                        "config name: imię musi być czytelnym, niepustym tekstem (podano {value})"),
    "config.broken": ("the settings file has problems; `client-exit config name NAME` writes a good one:",
                      "plik ustawień zawiera błędy; `client-exit config name IMIĘ` zapisze poprawny:"),
    "config.cannot_write": ("{path}: cannot write the settings ({reason})",
                            "{path}: nie można zapisać ustawień ({reason})"),
    "who.missing": ("{command}: who are you? Give --by NAME, or set your name once with: "
                    "client-exit config name \"Your Name\"",
                    "{command}: kim jesteś? Podaj --by IMIĘ albo raz ustaw swoje imię: "
                    "client-exit config name \"Imię Nazwisko\""),
    # --- reassessment -------------------------------------------------------------------------
    "reassess.earlier_missing": ("the earlier record {id} this one reassesses is not in the folder: not linked",
                                 "wcześniejszego zapisu {id}, który ta ocena powtarza, nie ma w folderze: "
                                 "pominięto powiązanie"),
    "prefill.record": ("carried over from the assessment of {date}", "przeniesiona z oceny z {date}"),
    "prefill.ledger": ("read from the invoice ledger {ref}", "odczytana z rejestru faktur {ref}"),
    "prefill.pending": ("{answer} — {source}. Enter keeps it, or answer again.",
                        "{answer} — {source}. Enter ją zachowuje; możesz też odpowiedzieć od nowa."),
    "prefill.kept": ("{answer} — {source}, confirmed.", "{answer} — {source}, potwierdzona."),
    "prefill.mark": ("carried over, to confirm", "przeniesiona, do potwierdzenia"),
    # --- due reviews ----------------------------------------------------------------------------
    "due.none": ("No review is overdue or due in the next {days:plural:# day|# days}.",
                 "Żaden przegląd nie jest zaległy ani nie przypada w ciągu {days:plural:# dnia|# dni|# dni}."),
    "due.bad_within": ("--within: must be 0 or more days (got {value})",
                       "--within: liczba dni musi wynosić co najmniej 0 (podano {value})"),
    "due.col.date": ("review", "przegląd"),
    "due.col.when": ("when", "kiedy"),
    "due.col.client": ("client", "klient"),
    "due.col.level": ("level", "poziom"),
    "due.col.assessor": ("assessor", "osoba oceniająca"),
    "due.col.record": ("record", "zapis"),
    "due.overdue": ("⚠ {days:plural:# day|# days} overdue", "⚠ {days:plural:# dzień|# dni|# dni} po terminie"),
    "due.today": ("today", "dziś"),
    "due.in": ("in {days:plural:# day|# days}", "za {days:plural:# dzień|# dni|# dni}"),
    "due.summary": ("{count:plural:# review|# reviews}, {overdue} overdue (the window: {days} days).",
                    "Przeglądy: {count}, w tym po terminie: {overdue} (okno: {days:plural:# dzień|# dni|# dni})."),
    "due.ics_is_folder": ("--ics {path}: is a folder; give the path of a file, e.g. {path}/reviews.ics",
                          "--ics {path}: to folder; podaj ścieżkę pliku, np. {path}/przeglady.ics"),
    "due.ics_written": ("calendar written: {path} ({count:plural:# event|# events})",
                        "zapisano kalendarz: {path} (wydarzenia: {count})"),
    "due.ics.name": ("Client reviews", "Przeglądy klientów"),
    "due.ics.summary": ("Review: {client}", "Przegląd: {client}"),
    "due.ics.description": ("Time to review the decision about {client}: {level} ({status}), assessed by "
                            "{assessor}. Record {id}: client-exit show {id}",
                            "Czas na przegląd decyzji o kliencie {client}: {level} (status: {status}), "
                            "osoba oceniająca: {assessor}. Zapis {id}: client-exit show {id}"),
    "due.ics.category": ("Client review", "Przegląd klienta"),
    # --- assess --save -----------------------------------------------------------------------
    "cli.assess.identical": ("{file}: a record with the same client and answers exists ({id}, {date}): not saved again.",
                             "{file}: istnieje już zapis z tym samym klientem i odpowiedziami ({id}, {date}): "
                             "nie zapisano ponownie."),
    "cli.assess.save_another": ("Save another record anyway? [y/N] ", "Mimo to utworzyć kolejny zapis? [t/N] "),
    "cli.assess.use_force": ("Add --force to save another.", "Dodaj --force, aby utworzyć kolejny."),
    # --- the answers-file template ---------------------------------------------------------
    "template.head": ("An answers file for client-exit-wizard (question bank {version}).\n"
                      "Fill in the client, then answer by removing the \"# \" before a line and giving a value.\n"
                      "A question left out counts as \"don't know\". Check it with: client-exit validate FILE\n"
                      "Assess it with: client-exit assess FILE",
                      "Plik odpowiedzi dla client-exit-wizard (zestaw pytań {version}).\n"
                      "Wpisz klienta, a potem odpowiadaj: usuń \"# \" na początku wiersza i podaj wartość.\n"
                      "Pytanie pominięte liczy się jako „nie wiem”. Sprawdzisz plik poleceniem: "
                      "client-exit validate PLIK\nOcenę da polecenie: client-exit assess PLIK"),
    "template.allowed": ("allowed: {values}", "dozwolone: {values}"),
    "template.percent": ("a percentage from 0 to 100", "procent od 0 do 100"),
    "template.number": ("a number, 0 or more{unit}", "liczba, 0 lub więcej{unit}"),
    "template.notes": ("a note to an answer: question_id = \"text\"", "notatka do odpowiedzi: id_pytania = \"tekst\""),
}
