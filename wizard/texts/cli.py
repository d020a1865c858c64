"""Texts of the command line, privacy and faults, in English and Polish."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
    "cli.records_not_folder": ("{path} is not a folder: give the records folder with --records-dir or "
                               "CLIENT_EXIT_RECORDS (it is made when it does not exist yet)",
                               "{path} nie jest folderem: podaj folder zapisów w --records-dir lub "
                               "CLIENT_EXIT_RECORDS (zostanie utworzony, jeśli jeszcze go nie ma)"),
    "cli.decide.review_moved": ("Next review: {date}, as for “{level}”, counted from this decision.",
                                "Termin przeglądu: {date}, jak dla poziomu „{level}”, liczony od tej decyzji."),
    "cli.decide.as_comment": ("The level is the recommended one, so no reason is needed: your text is kept as a "
                              "comment.",
                              "Poziom jest zgodny z rekomendacją, więc powód nie jest potrzebny: twój tekst "
                              "zapisano jako komentarz."),
    "clients.similar": ("Clients with a similar name: {names}", "Klienci o podobnej nazwie: {names}"),
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
