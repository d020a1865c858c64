"""Client names: the one rule for "is this the same client?", and close names to suggest.

Two names are the same client when they are equal after `fold`: Unicode normalisation (NFKC),
case folding, accents left out (ł counts as l) and every run of white space made one space:
"ACME  sp. z o.o." is "Acme Sp. z o.o.", and "firma sleza" is "Firma Ślęża", as typed on a
keyboard without Polish letters. Punctuation and words still count: "Acme" and "Acme Group" are
two clients. When no name matches, `close_names` suggests the likely ones instead.

`fold` is also the one rule for matching as a person types (the review screen's filter), so the
command line and the wizard find the same clients. `list`, `history`, `team`, `forget`,
`compare`, `decide --supersedes` and the wizard's filter all use this module.
"""

from __future__ import annotations

import difflib
import unicodedata

SIMILARITY = 0.6  # difflib ratio from which a name is suggested


def fold(text: str) -> str:
    """Text for matching: no case, no accents (ł counts as l), single spaces."""
    if text.isascii():
        return " ".join(text.casefold().split())
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    text = text.replace("ł", "l")
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(unicodedata.normalize("NFKC", text).split())


def client_key(name: str) -> str:
    """The form in which two names of the same client are equal."""
    return fold(name)


def same_client(a: str, b: str) -> bool:
    return client_key(a) == client_key(b)


def contains(name: str, part: str) -> bool:
    """`part` appears in `name`, compared the same way as whole names."""
    return client_key(part) in client_key(name)


def close_names(query: str, names, limit: int = 5) -> list[str]:
    """The names most like `query` (a typo, missing accents, part of the name), closest first.

    Each client appears once (its first spelling in `names`); an exact match is never
    suggested, since it is not a suggestion.
    """
    wanted = client_key(query)
    plain = wanted
    if not plain:
        return []
    scored: dict[str, tuple[float, str]] = {}
    for name in names:
        key = client_key(name)
        if key == wanted or key in scored:
            continue
        other = key
        score = difflib.SequenceMatcher(None, plain, other).ratio()
        shorter, longer = sorted((plain, other), key=len)
        if len(shorter) >= 3 and shorter in longer:
            score = max(score, 0.9)  # part of the name: a likely meaning
        elif len(shorter) >= 5:  # the start of the name, mistyped ("Kowalsky" for "Kowalski Meble")
            start = difflib.SequenceMatcher(None, shorter, longer[:len(shorter)]).ratio()
            score = max(score, start if start >= 0.8 else 0)
        if score >= SIMILARITY:
            scored[key] = (score, name)
    ranked = sorted(scored.values(), key=lambda item: (-item[0], client_key(item[1])))
    return [name for _, name in ranked[:limit]]
