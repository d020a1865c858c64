"""The file layer's texts in English and Polish (wizard/storage/files.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "files.link": (
        "{path} is a symbolic link (to {target}); the records folder never follows links when it "
        "writes or deletes. Replace the link with a real folder or file, or remove it",
        "{path} to dowiązanie symboliczne (do {target}); w folderze zapisów program nie podąża za "
        "dowiązaniami, gdy zapisuje lub usuwa. Zastąp dowiązanie zwykłym folderem lub plikiem albo je usuń"),
    "files.link_named": (
        "is a symbolic link (to {target}); the records folder never follows links. Replace the link with a "
        "real folder, or remove it",
        "to dowiązanie symboliczne (do {target}); w folderze zapisów program nie podąża za dowiązaniami. "
        "Zastąp dowiązanie zwykłym folderem albo je usuń"),
    "files.link_read": (
        "is a symbolic link (to {target}); only regular files in the records folder are read. "
        "Replace the link with the file itself, or remove it",
        "to dowiązanie symboliczne (do {target}); z folderu zapisów czytane są tylko zwykłe pliki. "
        "Zastąp dowiązanie samym plikiem albo je usuń"),
    "files.not_folder": ("{path} is not a folder; move it away so the program can make the folder there",
                         "{path} nie jest folderem; przenieś go, aby program mógł utworzyć tam folder"),
    "files.not_regular": (
        "is not a regular file (a device, a pipe or a socket); only regular files are read or replaced",
        "nie jest zwykłym plikiem (to urządzenie, potok lub gniazdo); czytane i zastępowane są tylko "
        "zwykłe pliki"),
    "files.too_large": ("is larger than {limit}, the limit for {what}; it was not read",
                        "jest większy niż {limit}, limit dla: {what}; nie został odczytany"),
    "files.what.record": ("a record, an answers file or a feedback file",
                          "zapisu, pliku odpowiedzi lub pliku opinii"),
    "files.what.bank": ("a file of the question bank", "pliku zestawu pytań"),
    "files.gone": ("{path} is gone (deleted meanwhile, perhaps with forget); nothing was written, so it "
                   "is not brought back",
                   "{path} już nie istnieje (usunięty w międzyczasie, może poleceniem forget); niczego "
                   "nie zapisano, więc nie wraca"),
    "files.locked": (
        "the records folder is busy: {holder} has been writing for more than {seconds} s (lock "
        "{path}). Try again in a moment; if that program hangs, end it",
        "folder zapisów jest zajęty: {holder} zapisuje dłużej niż {seconds} s (blokada {path}). "
        "Spróbuj za chwilę; jeśli tamten program się zawiesił, zakończ go"),
    "files.changed": (
        "{path} was changed meanwhile by {by}: it is now {status}. Nothing was written; look at the "
        "record again and decide on what it says now",
        "{path} zmienił się w międzyczasie ({by}); obecny status: {status}. Niczego nie zapisano; "
        "obejrzyj zapis jeszcze raz i zdecyduj na podstawie tego, co zawiera teraz"),
    "files.forgotten": (
        "{path}: this client's data was deleted with forget on {date}; nothing is written for them "
        "again (start a new assessment to assess them anew)",
        "{path}: dane tego klienta usunięto poleceniem forget {date}; nic więcej nie zostanie dla "
        "niego zapisane (aby ocenić go od nowa, zacznij nową ocenę)"),
    "files.denied": ("Permission denied for {path}: give yourself access (chmod u+rwx on a folder, u+rw on "
                     "a file) or ask its owner",
                     "brak uprawnień do {path}: nadaj sobie dostęp (chmod u+rwx dla folderu, u+rw dla "
                     "pliku) albo poproś właściciela"),
}
