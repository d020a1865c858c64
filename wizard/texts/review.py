"""Texts of reviewing decisions, the team view and the lifecycle's refusals, in English and Polish."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
    "review.team.same_level": ("{count:plural:the one assessment so far|all # recommend the same level}",
                               "{count:plural:na razie jedna ocena|wszystkie oceny (#) dają ten sam poziom|wszystkie oceny (#) dają ten sam poziom}"),
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
}
