"""Texts of the program itself (the question bank carries its own), in English and Polish.

`t(key, lang, **values)` returns the text in the language asked for. Every key has both
languages: a test checks it, and another walks every screen in Polish looking for English.

Plurals. A count is written with the `plural` format: `{count:plural:# question|# questions}`
picks a form by the number, and `#` stands for the number itself. English has two forms (one,
other); Polish has three (one, few, many): `{count:plural:# członek|# członkowie|# członków}`
gives 1 członek, 2–4 członkowie, 5–21 członków, 22–24 członkowie, and 12–14 członków.
"""

from __future__ import annotations

import os
import string

LANGUAGES = ("en", "pl")

MESSAGES: dict[str, tuple[str, str]] = {
    # --- reports (command line, Markdown export) -------------------------------------------
    "report.title": ("Client assessment: {client}", "Ocena klienta: {client}"),
    "report.meta": ("Assessed by {assessor} on {date} · question bank {version} · record {id}",
                    "Ocenia: {assessor}, {date} · zestaw pytań {version} · zapis {id}"),
    "report.nobody": ("(not given)", "(nie podano)"),
    "report.recommendation": ("Recommendation", "Rekomendacja"),
    "report.score": ("Risk score",
                     "Wskaźnik ryzyka"),
    "report.confidence": ("Confidence", "Pewność"),
    "report.confidence_note": ("{answered} of {total} questions answered",
                               "odpowiedzi na {answered} z {total} pytań"),
    "report.status": ("Status", "Status"),
    "report.sections": ("Risk by section", "Ryzyko według obszarów"),
    "report.principles": ("What shaped this result", "Co wpłynęło na wynik"),
    "report.reasons": ("Main reasons", "Główne powody"),
    "report.share": ("share", "udział"),
    "report.decisive": ("decisive on its own (a dealbreaker)", "przesądza o wyniku (przekroczona granica)"),
    "report.changes": ("What would change it", "Co mogłoby zmienić wynik"),
    "report.change_line": ("If the answer to “{question}” were “{to}” (now: “{was}”), the recommendation would be: {level}.",
                           "Przy odpowiedzi „{to}” na pytanie „{question}” (teraz: {was}) rekomendacja brzmiałaby: {level}."),
    "report.no_change": ("No single change of answer would move the result {direction}.",
                         "Żadna pojedyncza zmiana odpowiedzi nie przesunie wyniku {direction}."),
    "report.direction.milder": ("to a milder level", "na łagodniejszy poziom"),
    "report.direction.harsher": ("to a harsher level", "na surowszy poziom"),
    "report.skipped": ("skipped", "pominięte"),
    "report.warnings": ("Warnings", "Ostrzeżenia"),
    "report.actions": ("Actions", "Działania"),
    "report.review": ("Review by {date}.",
                      "Termin przeglądu: {date}."),
    "report.exit_plan": ("Exit plan", "Plan rozstania"),
    "report.exit_plan_staged": ("Exit plan (staged: protect your business first)",
                                "Plan rozstania (etapowy: najpierw zabezpiecz firmę)"),
    "report.stage.prepare": ("Prepare", "Przygotowanie"),
    "report.stage.notify": ("Tell the client", "Poinformowanie klienta"),
    "report.stage.close": ("Close well", "Porządne zamknięcie"),
    "report.consequences": ("Consequences of ending", "Skutki rozstania"),
    "report.side.us": ("For you", "Dla ciebie"),
    "report.side.client": ("For the client", "Dla klienta"),
    "report.prevention": ("Next time", "Na przyszłość"),
    "report.decision": ("Decision taken", "Podjęta decyzja"),
    "report.decision_line": ("{level}, recorded by {by}", "{level}, zapis: {by}"),
    "report.decision_line_at": ("{level}, recorded by {by} on {date}", "{level}, zapis: {by}, {date}"),
    "report.comment": ("Comment", "Komentarz"),
    "report.people.decision_makers": ("Decided by", "Osoby decydujące"),
    "report.people.consulted": ("Consulted", "Osoby konsultowane"),
    "report.people.informed": ("Informed", "Osoby poinformowane"),
    "report.history": ("Status history", "Historia statusów"),
    "report.meta_unsaved": ("Assessed by {assessor} on {date} · question bank {version} · not saved (add --save to keep it as a record)",
                            "Ocenia: {assessor}, {date} · zestaw pytań {version} · nie zapisano (dodaj --save, aby zachować ocenę jako zapis)"),
    "report.unknown": ("unknown", "nieznane"),
    "report.problems": ("Problems found", "Rozpoznane problemy"),
    "report.problem_line": ("{name}: {band}, {state} → {level}", "{name}: problem {band}, {state} → {level}"),
    "report.problem_line_plain": ("{name}: {band} → {level}", "{name}: problem {band} → {level}"),
    "report.change_path": ("If you {path} and by the review date {outcome}, the recommendation would be: {level}.",
                           "Jeśli {path}, a do terminu przeglądu {outcome}, rekomendacja zmieni się na: {level}."),
    "report.outcome_line": ("If by the review date {outcome}, the recommendation would be: {level}.",
                            "Jeśli do terminu przeglądu {outcome}, rekomendacja zmieni się na: {level}."),
    "report.outcome.failed": ("nothing has improved", "nic się nie poprawi"),
    "report.outcome.fixed": ("things have clearly improved", "sytuacja wyraźnie się poprawi"),
    "report.outcome.partial": ("things have partly improved", "sytuacja częściowo się poprawi"),
    "report.outcome.unknown": ("you cannot tell yet", "nie będzie jeszcze wiadomo"),
    "report.stage.secure": ("First, protect yourself", "Najpierw zabezpiecz siebie"),
    "report.for_level": ("Advice for the level decided, {level} (the recommendation was {recommended})",
                         "Wskazówki dla wybranego poziomu: {level} (rekomendacja: {recommended})"),
    "report.differs": ("Differs from the recommendation ({level}). Reason: {reason}",
                       "Różni się od rekomendacji ({level}). Powód: {reason}"),
    "report.answers": ("Answers", "Odpowiedzi"),
    "report.note": ("note", "notatka"),
    "report.no_result": ("This record has no result yet (an unfinished assessment).",
                         "Ten zapis nie ma jeszcze wyniku (niedokończona ocena)."),
    "report.question": ("Question", "Pytanie"),
    "report.answer": ("Answer", "Odpowiedź"),
    "report.section": ("Section", "Obszar"),
    # --- statuses -----------------------------------------------------------------------------
    "status.draft": ("draft",
                     "roboczy"),
    "status.proposed": ("proposed",
                        "zaproponowany"),
    "status.accepted": ("accepted",
                        "zaakceptowany"),
    "status.rejected": ("rejected",
                        "odrzucony"),
    "status.superseded": ("superseded",
                          "zastąpiony"),
    # --- command line -------------------------------------------------------------------------
    "cli.bank_changed": ("This file was assessed before with question bank {was} ({level}); this result uses question "
                         "bank {now}, whose rules differ, so a different level need not mean the client changed.",
                         "Ten plik oceniono już wcześniej z zestawem pytań {was} (poziom: {level}); ten wynik korzysta "
                         "z zestawu {now}, który rozumuje inaczej, więc inny poziom nie musi oznaczać zmiany u klienta."),
    "cli.saved": ("saved: {path}", "zapisano: {path}"),
    "cli.valid": ("ok: {path} ({what})", "ok: {path} ({what})"),
    "cli.what.bank": ("question bank, {count:plural:# question|# questions}",
                      "zestaw pytań, {count:plural:# pytanie|# pytania|# pytań}"),
    "cli.what.record": ("decision record", "zapis decyzji"),
    "cli.what.answers": ("answers file, {count:plural:# answer|# answers}",
                         "plik odpowiedzi, {count:plural:# odpowiedź|# odpowiedzi|# odpowiedzi}"),
    "cli.no_records": ("No records in {path} yet. Start one with: client-exit new",
                       "Brak zapisów w {path}. Zacznij od: client-exit new"),
    "cli.col.date": ("date", "data"),
    "cli.col.client": ("client", "klient"),
    "cli.col.assessor": ("assessor",
                         "osoba oceniająca"),
    "cli.col.level": ("level", "poziom"),
    "cli.col.score": ("score", "ryzyko"),
    "cli.col.status": ("status", "status"),
    "cli.col.decided": ("decided", "decyzja"),
    "cli.decided_as_recommended": ("decided “=”: decided as recommended", "decyzja „=”: zgodna z rekomendacją"),
    "cli.col.review": ("review", "przegląd"),
    "cli.col.feedback": ("feedback", "opinie"),
    "cli.col.record": ("record", "zapis"),
    "cli.col.teammate": ("teammate", "członek zespołu"),
    "cli.list.no_match": ("No record matches the client “{client}” ({count:plural:# record|# records} in {path}).",
                          "Żaden zapis nie dotyczy klienta „{client}” (w {path}: "
                          "{count:plural:# zapis|# zapisy|# zapisów})."),
    "cli.list.partial": ("No client is named exactly “{client}”; listed are the clients whose name contains it: {names}",
                         "Żaden klient nie nazywa się dokładnie „{client}”; pokazano klientów, których nazwa to "
                         "zawiera: {names}"),
    "cli.cannot_read_folder": ("{path}: cannot read the records folder ({reason})",
                               "{path}: nie można odczytać folderu zapisów ({reason})"),
    "cli.bank_problems": ("the question bank has problems:",
                          "zestaw pytań zawiera błędy:"),
    "cli.cannot_save": ("{path}: cannot save the record for {file} ({reason})",
                        "{path}: nie udało się zachować oceny z {file} ({reason})"),
    "cli.what.folder": ("records folder: {records:plural:# record|# records}, {drafts:plural:# unfinished assessment|# unfinished assessments}, {feedback:plural:# feedback file|# feedback files}",
                        "folder zapisów: {records:plural:# zapis|# zapisy|# zapisów}, {drafts:plural:# niedokończona ocena|# niedokończone oceny|# niedokończonych ocen}, {feedback:plural:# plik opinii|# pliki opinii|# plików opinii}"),
    "cli.invalid_folder": ("{path} ({what}): {broken:plural:# file has problems|# files have problems} (listed above)",
                           "{path} ({what}): {broken:plural:# plik zawiera błędy|# pliki zawierają błędy"
                           "|# plików zawiera błędy} (wymienione wyżej)"),
    "cli.not_a_name": ("--{option}: must be a name in readable text (got {value})",
                       "--{option}: musi być nazwą zapisaną czytelnym tekstem (podano {value})"),
    "cli.decide.now": (" (now {status}: {by}, {date})", " (obecnie: {status}; {by}, {date})"),
    "cli.not_text": ("{option}: {value} holds bytes that are not valid {encoding} text; type it again, or set "
                     "the terminal's encoding (LANG, LC_ALL) to the one it was typed in",
                     "{option}: {value} zawiera bajty, które nie są poprawnym tekstem {encoding}; wpisz to "
                     "ponownie albo ustaw kodowanie terminala (LANG, LC_ALL) na to, w którym tekst wpisano"),
    "cli.cannot_write": ("{path}: cannot write ({reason})", "{path}: nie można zapisać ({reason})"),
    "cli.record.file": ("{ref}: no such record file", "{ref}: nie ma takiego pliku zapisu"),
    "cli.record.id": ("{ref}: no record with this id in {path}",
                      "{ref}: w {path} nie ma zapisu o takim identyfikatorze"),
    "cli.record.several": ("{ref}: several records match; give more of the id ({names})",
                           "{ref}: pasuje kilka zapisów; podaj dłuższy początek identyfikatora ({names})"),
    "cli.record.duplicate": (
        "{id} is the id of more than one record: {names}. Feedback is filed by record id, so nothing is "
        "done with either: give one of them a new id (8 hex digits, in the file and in its name)",
        "{id} to identyfikator więcej niż jednego zapisu: {names}. Opinie są przypisane do identyfikatora "
        "zapisu, więc żaden z nich nie zostanie zmieniony: nadaj jednemu nowy identyfikator (8 znaków "
        "szesnastkowych, w pliku i w jego nazwie)"),
    "cli.record.closest": ("The closest ids:", "Najbliższe identyfikatory:"),
    "cli.record.of_client": ("A record is named by its id; the records of {client}:",
                             "Zapis wskazuje się identyfikatorem; zapisy klienta {client}:"),
    "cli.compare.itself": ("both are the same record ({id}): nothing can differ",
                           "to ten sam zapis ({id}): nic nie może się różnić"),
    "cli.decide.as_comment": ("The level is the recommended one, so no reason is needed: your text is kept as a "
                              "comment.",
                              "Poziom jest zgodny z rekomendacją, więc powód nie jest potrzebny: twój tekst "
                              "zapisano jako komentarz."),
    "clients.similar": ("Clients with a similar name: {names}", "Klienci o podobnej nazwie: {names}"),
    # --- review and team (issue 4) ---------------------------------------------------------
    "review.change.better": ("better", "lepiej"),
    "review.change.worse": ("worse", "gorzej"),
    "review.change.changed": ("changed", "zmiana"),
    "review.change.same": ("unchanged", "bez zmian"),
    "review.stance.agree": ("agrees", "zgadza się"),
    "review.stance.disagree": ("disagrees", "nie zgadza się"),
    "review.stance.abstain": ("abstains", "wstrzymuje się"),
    "review.record": ("Record", "Zapis"),
    "review.client": ("Client", "Klient"),
    "review.assessor": ("Assessor",
                        "Osoba oceniająca"),
    "review.teammate": ("Teammate", "Członek zespołu"),
    "review.date": ("Date", "Data"),
    "review.review_due": ("Review due", "Termin przeglądu"),
    "review.overdue": ("overdue", "po terminie"),
    "review.feedback": ("Feedback", "Opinie"),
    "review.feedback_on": ("On {name}'s assessment ({id})", "Dotyczy oceny: {name} ({id})"),
    "review.reason": ("Reason", "Powód"),
    "review.outcome": ("Outcome", "Skutek"),
    "review.spread": ("Spread", "Rozbieżność"),
    "review.no_client": ("No assessments of “{client}” yet (the name must match; case, spacing and accents aside).",
                         "Brak ocen klienta „{client}” (nazwa musi się zgadzać, poza wielkością liter, odstępami i polskimi znakami)."),
    "review.compare.title": ("Comparison: {client}", "Porównanie: {client}"),
    "review.since.title": ("What changed since {date}", "Co się zmieniło od {date}"),
    "review.since.score": ("{days:plural:# day|# days} later the risk score went from {before} to {after} ({delta}).",
                           "Po {days:plural:# dniu|# dniach|# dniach} wskaźnik ryzyka zmienił się z {before} na {after} ({delta})."),
    "review.since.level": ("The recommendation moved from {before} to {after} ({direction}).",
                           "Rekomendacja zmieniła się z {before} na {after} ({direction})."),
    "review.since.level_same": ("The recommendation stayed: {level}.", "Rekomendacja bez zmian: {level}."),
    "review.since.worse": ("Worse ({count})", "Gorzej ({count})"),
    "review.since.better": ("Better ({count})", "Lepiej ({count})"),
    "review.since.changed": ("Changed ({count})", "Zmienione ({count})"),
    "review.since.no_answers": ("No answer changed.", "Żadna odpowiedź się nie zmieniła."),
    "review.since.principles_added": ("Now also shaped by: {names}.", "Teraz wpływają też: {names}."),
    "review.since.principles_dropped": ("No longer shaped by: {names}.", "Już nie wpływają: {names}."),
    "review.history.title": ("History: {client}", "Historia: {client}"),
    "review.history.summary": ("{count:plural:# assessment|# assessments} from {start} to {end} · risk score {spark} ({first} → {last})",
                               "{count:plural:# ocena|# oceny|# ocen} od {start} do {end} · wskaźnik ryzyka {spark} ({first} → {last})"),
    "review.level_changes": ("Level changes", "Zmiany poziomu"),
    "review.no_level_changes": ("The recommendation has not changed.", "Rekomendacja się nie zmieniła."),
    "review.decisions": ("Decisions taken", "Podjęte decyzje"),
    "review.no_decisions": ("No decision taken yet.", "Nie podjęto jeszcze decyzji."),
    "review.decided": ("{level} (recommended: {recommended}), recorded by {by}.",
                       "{level} (rekomendacja: {recommended}), zapis: {by}."),
    "review.team.title": ("Team view: {client}", "Widok zespołu: {client}"),
    "review.team.consensus": ("Consensus", "Stanowisko zespołu"),
    "review.team.agreed": ("{count:plural:only one teammate so far|all # agree}",
                           "{count:plural:na razie ocenia tylko jedna osoba|zgodne oceny # osób|zgodne oceny # osób}"),
    "review.team.spread": ("the teammates range from {mildest} to {harshest} ({steps:plural:# level|# levels} apart)",
                           "oceny członków zespołu: od {mildest} do {harshest} "
                           "(różnica: {steps:plural:# poziom|# poziomy|# poziomów})"),
    "review.team.mean_score": ("mean risk score {score}", "średni wskaźnik ryzyka: {score}"),
    "review.team.same_level": ("all {count} recommend the same level", "wszystkie oceny ({count}) dają ten sam poziom"),
    "review.team.stances_disagree": (
        "but {count} of {total:plural:# feedback stance|# feedback stances} disagree: {names}",
        "ale nie zgadza się {count} z {total:plural:# opinii|# opinii|# opinii}: {names}"),
    "review.team.confidence": ("questions answered: {shares}", "odpowiedzi na pytania: {shares}"),
    "review.team.thin": ("left out of the consensus, less than half answered: {names}",
                         "pominięte w stanowisku zespołu (odpowiedzi na mniej niż połowę pytań): {names}"),
    "review.team.all_thin": ("every assessment answers less than half of the questions: read the consensus with care",
                             "każda ocena odpowiada na mniej niż połowę pytań: traktuj stanowisko zespołu ostrożnie"),
    "review.team.one_member": ("Only one assessment so far: nothing to compare answers with.",
                               "Na razie jest tylko jedna ocena: nie ma z czym porównać odpowiedzi."),
    "review.conflict": ("⚠ Accepted decisions disagree: {decisions}. Agree which one stands, then supersede or "
                        "reject the other (client-exit decide).",
                        "⚠ Zaakceptowane decyzje są sprzeczne: {decisions}. Ustalcie, która obowiązuje, a drugą "
                        "zastąpcie lub odrzućcie (client-exit decide)."),
    "review.team.consensus_rule": (
        "The consensus is the median of the teammates' recommended levels (each teammate's latest "
        "assessment counts once; with an even count, the harsher of the two middle levels).",
        "Stanowisko zespołu to mediana poziomów rekomendowanych w ocenach członków zespołu (liczy się "
        "najnowsza ocena każdej osoby; przy parzystej liczbie osób surowszy z dwóch środkowych poziomów)."),
    "review.team.disagreements": ("Where the team disagrees (largest first)",
                                  "Gdzie zespół się różni (od największych różnic)"),
    "review.team.rule": (
        "A disagreement: answers 2 or more steps apart on a 0–4 scale, different choices or yes/no, or "
        "numbers 20 or more apart. The spread column ranks them on one 0–100% measure.",
        "Rozbieżność: odpowiedzi różniące się o 2 stopnie lub więcej na skali 0–4, różne wybory lub tak/nie "
        "albo liczby różniące się o 20 lub więcej. Kolumna rozbieżności porządkuje je na jednej skali 0–100%."),
    "review.team.no_disagreements": ("The teammates answered alike: no question to argue about.",
                                     "W zespole odpowiedzi są podobne: nie ma pytań spornych."),
    "review.cli.decided": ("{status}: {path}", "{status}: {path}"),
    "review.cli.superseded": ("{old} is now superseded by {new}", "{old} zastąpiono zapisem {new}"),
    "review.cli.feedback_saved": ("feedback saved: {path}", "zapisano opinię: {path}"),
    "review.demo.folder": ("Sample decisions written to {path}", "Przykładowe decyzje zapisano w {path}"),
    "review.demo.summary": ("{records:plural:# record|# records} of {clients:plural:# client|# clients}, "
                            "{feedback:plural:# piece|# pieces} of feedback, "
                            "{overdue:plural:# overdue review|# overdue reviews}",
                            "{records:plural:# zapis|# zapisy|# zapisów}, {clients:plural:# klient|# klienci|# klientów}, "
                            "{feedback:plural:# opinia|# opinie|# opinii}, "
                            "{overdue:plural:# przegląd po terminie|# przeglądy po terminie|# przeglądów po terminie}"),
    "review.demo.try": ("Try:", "Spróbuj:"),
    "review.demo.not_empty": ("is not empty: give a new or empty folder for the demo",
                              "nie jest pusty: podaj nowy lub pusty folder na demo"),
    # --- the lifecycle's refusals (wizard/model/lifecycle.py; values are the ids typed on the command line)
    "life.status_choice": ("must be one of {allowed} (got '{got}')", "musi być jednym z: {allowed} (podano: „{got}”)"),
    "life.level_choice": ("must be one of {allowed} (got '{got}')", "musi być jednym z: {allowed} (podano: „{got}”)"),
    "life.superseded": ("this record is superseded by {newer}; decide on the newer record",
                        "ten zapis zastąpiono zapisem {newer}; decyzję podejmij w nowszym zapisie"),
    "life.transition": ("a record that is {before} cannot become {after} (allowed: {allowed})",
                        "zapis o statusie „{before}” nie może przejść w status „{after}” (dozwolone: {allowed})"),
    "life.accepted_level": ("this record was accepted at {level}; a different level needs a new assessment that supersedes this one",
                            "ten zapis zaakceptowano na poziomie „{level}”; inny poziom wymaga nowej oceny, która go zastąpi"),
    "life.no_recommendation": ("this record has no recommendation; give the level decided on",
                               "ten zapis nie ma rekomendacji; podaj poziom, na który się decydujesz"),
    "life.reason_without_level": ("a reason explains a chosen level: give the level too",
                                  "powód wyjaśnia wybrany poziom: podaj też poziom"),
    "life.reason_needed": ("the level decided on ({level}) differs from the recommendation ({recommended}); "
                           "give the reason for the difference",
                           "wybrany poziom ({level}) różni się od rekomendacji ({recommended}); "
                           "podaj powód tej różnicy"),
    "life.supersede_itself": ("a record cannot supersede itself", "zapis nie może zastąpić samego siebie"),
    "life.supersede_client": ("record {old} is about {old_client}, while this record is about {new_client}; a "
                              "record can only supersede an older record of the same client",
                              "zapis {old} dotyczy klienta {old_client}, a ten zapis klienta {new_client}; zapis "
                              "może zastąpić tylko starszy zapis tego samego klienta"),
    "life.supersede_newer": ("record {old} ({old_created}) is newer than {new} ({new_created}); only a newer "
                             "record supersedes an older one",
                             "zapis {old} ({old_created}) jest nowszy niż {new} ({new_created}); tylko nowszy "
                             "zapis może zastąpić starszy"),
    "life.supersede_loop": ("record {old} already supersedes {new}", "zapis {old} już zastępuje zapis {new}"),
    # --- privacy, faults (issue 5) ---------------------------------------------------------
    "privacy.none": ("No records or unfinished assessments of “{client}” in {path}.",
                     "Brak zapisów i niedokończonych ocen klienta „{client}” w {path}."),
    "privacy.plan": ("These files about “{client}” will be deleted:",
                     "Te pliki dotyczące klienta „{client}” zostaną usunięte:"),
    "privacy.kind.record": ("record", "zapis"),
    "privacy.kind.draft": ("unfinished assessment",
                           "niedokończona ocena"),
    "privacy.kind.feedback": ("feedback", "opinie"),
    "privacy.kind.export": ("export", "eksport"),
    "privacy.kind.temporary": ("unsaved", "niezapisany"),
    "privacy.unreadable": ("These files or folders could not be read, so they were not checked for "
                           "“{client}”; look at them yourself:",
                           "Tych plików lub folderów nie da się odczytać, więc nie sprawdzono, czy dotyczą "
                           "klienta „{client}”; przejrzyj je samodzielnie:"),
    "privacy.confirm": ("Delete {count:plural:this file|these # files}? This cannot be undone. [y/N] ",
                        "Usunąć {count:plural:ten plik|te # pliki|te # plików}? Tego nie da się cofnąć. [t/N] "),
    "privacy.no_terminal": ("refusing to delete without a confirmation, and there is no terminal to ask on: "
                            "run it in a terminal, or add --yes",
                            "odmowa: usuwanie wymaga potwierdzenia, a nie ma terminala, w którym można zapytać; "
                            "uruchom polecenie w terminalu albo dodaj --yes"),
    "privacy.cancelled": ("Nothing was deleted.", "Niczego nie usunięto."),
    "privacy.deleted": ("deleted: {path}", "usunięto: {path}"),
    "privacy.failed": ("could not delete {path} ({reason})", "nie udało się usunąć {path} ({reason})"),
    "privacy.done": ("Deleted {count:plural:# file|# files} about “{client}”.",
                     "Klient „{client}”: usunięto {count:plural:# plik|# pliki|# plików}."),
    "privacy.left": ("{count:plural:# file|# files} about “{client}” could not be deleted (listed above); "
                     "fix what is said there and run forget again.",
                     "Nie udało się usunąć {count:plural:# pliku|# plików|# plików} dotyczących klienta "
                     "„{client}” (wymienione wyżej); usuń przyczynę i uruchom forget ponownie."),
    "privacy.tombstone": ("The folder now holds a note that this client was forgotten ({path}: a hash of the "
                          "name, never the name). In a shared folder commit it with the deletion: other copies "
                          "then report and delete what they still hold of this client.",
                          "W folderze zostaje notatka, że ten klient został zapomniany ({path}: skrót nazwy, "
                          "nigdy sama nazwa). We wspólnym folderze zatwierdź ją razem z usunięciem: inne kopie "
                          "folderu zgłoszą i usuną to, co jeszcze mają o tym kliencie."),
    "privacy.duplicate": ("{id} is the id of records of different clients: {names}. Their feedback cannot be "
                          "told apart, so nothing was deleted: give one of them a new id first.",
                          "{id} to identyfikator zapisów różnych klientów: {names}. Nie da się rozdzielić ich "
                          "opinii, więc niczego nie usunięto: najpierw nadaj jednemu z nich nowy identyfikator."),
    "privacy.git": ("This folder is in a git repository: commit the deletion to share it; the files stay "
                    "in the repository's history until it is rewritten.",
                    "Ten folder jest w repozytorium git: zatwierdź (commit) usunięcie, aby trafiło do "
                    "zespołu; pliki pozostaną w historii repozytorium, dopóki jej nie przepiszesz."),
}


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Add the texts of a part that the core does not import (the TUI)."""
    MESSAGES.update(messages)


def t(key: str, lang: str, **values: object) -> str:
    en, pl = MESSAGES[key]
    text = pl if lang == "pl" else en
    return _FORMATTERS[lang if lang == "pl" else "en"].format(text, **values) if values else text


PLURAL_FORMS = {"en": ("one", "other"), "pl": ("one", "few", "many")}


def plural_form(lang: str, count: int) -> str:
    """The plural category of a whole number: en one/other, pl one/few/many (CLDR rules)."""
    count = abs(int(count))
    if lang == "pl":
        if count == 1:
            return "one"
        if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
            return "few"
        return "many"
    return "one" if count == 1 else "other"


class _Formatter(string.Formatter):
    """`str.format` plus `{count:plural:one|other}` (see the module's doc)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if not format_spec.startswith("plural:"):
            return super().format_field(value, format_spec)
        forms = format_spec.removeprefix("plural:").split("|")
        categories = PLURAL_FORMS[self.lang]
        if len(forms) != len(categories):
            raise ValueError(f"{self.lang}: a plural needs {len(categories)} forms "
                             f"({', '.join(categories)}), got {len(forms)}: {format_spec!r}")
        return forms[categories.index(plural_form(self.lang, value))].replace("#", str(value))


_FORMATTERS = {lang: _Formatter(lang) for lang in LANGUAGES}


def default_language(environ: dict[str, str] | None = None) -> str:
    """Polish when the locale is Polish, else English (LC_ALL, then LC_MESSAGES, then LANG)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "pl" if value.lower().startswith("pl") else "en"
    return "en"


def day(value, lang: str) -> str:
    """A date as written in prose: 2026-12-17 in English, 17.12.2026 in Polish."""
    return f"{value:%d.%m.%Y}" if lang == "pl" else value.isoformat()[:10]


from wizard.texts import ledger as _ledger  # noqa: E402,F401  (registers its texts)
from wizard.texts import workflow as _workflow  # noqa: E402,F401  (registers its texts)
