"""Client names: the one rule for "is this the same client?", and close names to suggest.

Two names are the same client when they are equal after Unicode normalisation (NFKC), case
folding and collapsing every run of white space into one space: "ACME  sp. z o.o." is
"Acme Sp. z o.o.", and "Łąka" typed with combining accents is "Łąka". Nothing else is
ignored: "Łąka" and "Laka" are two clients, so that `forget` or `team` never mixes up two
businesses; when no name matches exactly, `close_names` suggests the likely ones instead.

`list`, `history`, `team`, `forget`, `compare` and `decide --supersedes` all use this module.
"""

from __future__ import annotations

import difflib
import unicodedata

SIMILARITY = 0.6  # difflib ratio from which a name is suggested


def client_key(name: str) -> str:
    """The form in which two names of the same client are equal."""
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(text.split())


def same_client(a: str, b: str) -> bool:
    return client_key(a) == client_key(b)


def contains(name: str, part: str) -> bool:
    """`part` appears in `name`, compared the same way as whole names."""
    return client_key(part) in client_key(name)


def _plain(key: str) -> str:
    """A key without accents, only for measuring how close two names are."""
    text = key.replace("ł", "l")
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def close_names(query: str, names, limit: int = 5) -> list[str]:
    """The names most like `query` (a typo, missing accents, part of the name), closest first.

    Each client appears once (its first spelling in `names`); an exact match is never
    suggested, since it is not a suggestion.
    """
    wanted = client_key(query)
    plain = _plain(wanted)
    if not plain:
        return []
    scored: dict[str, tuple[float, str]] = {}
    for name in names:
        key = client_key(name)
        if key == wanted or key in scored:
            continue
        other = _plain(key)
        score = difflib.SequenceMatcher(None, plain, other).ratio()
        shorter, longer = sorted((plain, other), key=len)
        if len(shorter) >= 3 and shorter in longer:
            score = max(score, 0.9)  # part of the name: a likely meaning
        if score >= SIMILARITY:
            scored[key] = (score, name)
    ranked = sorted(scored.values(), key=lambda item: (-item[0], client_key(item[1])))
    return [name for _, name in ranked[:limit]]
