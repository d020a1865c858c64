"""What can be wrong with a records folder beyond a broken file: two records with one id, and
data of a forgotten client merged in from another copy of the folder. `list` and `validate`
report these; `show`, `decide`, `feedback` and `forget` refuse to act on them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from wizard.model.problems import Problem


def duplicate_ids(records: Iterable[tuple[Path, object]]) -> dict[str, list[Path]]:
    """Ids carried by more than one record file (`records`: path and a record or summary)."""
    by_id: dict[str, list[Path]] = {}
    for path, record in records:
        by_id.setdefault(record.id, []).append(path)
    return {rid: sorted(paths) for rid, paths in by_id.items() if len(paths) > 1}


def duplicate_problems(records: list[tuple[Path, object]]) -> list[Problem]:
    problems = []
    for rid, paths in duplicate_ids(records).items():
        for path in paths:
            others = ", ".join(str(p) for p in paths if p != path)
            problems.append(Problem(str(path), "id", (
                f"{rid} is also the id of {others}. Feedback is filed by record id, so these records "
                "would share it: give one of them a new id (8 hex digits, in the file and in its name)")))
    return problems


def forgotten_problems(root: Path, records: list[tuple[Path, object]]) -> list[Problem]:
    """Records and feedback of clients deleted with `forget` that are here again (merged in from
    another copy of the folder): the next `forget` of the client deletes them."""
    from wizard.storage import forgotten

    stones = forgotten.load(root)
    if not stones:
        return []
    problems = []
    for path, record in records:
        stone = stones.covering(record.id, record.client, record.created)
        if stone is not None:
            problems.append(Problem(str(path), "", (
                f"a record of a client deleted with forget on {stone.forgotten.astimezone():%Y-%m-%d}, here again "
                f"(merged from another copy of the folder?): run  client-exit forget \"{record.client}\"  "
                "to delete it")))
    problems += _forgotten_feedback(root, stones)
    return problems


def _forgotten_feedback(root: Path, stones) -> list[Problem]:
    from wizard.storage.feedback import FOLDER
    from wizard.storage import files

    base = Path(root) / FOLDER
    try:
        found = files.entries(root, base)
    except OSError:
        return []  # reported where feedback is read
    problems = []
    for entry in sorted(found, key=lambda e: e.name):
        stone = stones.covering(entry.name)
        if stone is not None:
            problems.append(Problem(str(base / entry.name), "", (
                f"feedback on a record deleted with forget on {stone.forgotten.astimezone():%Y-%m-%d}, here again "
                "(merged from another copy of the folder?): run client-exit forget with the client's name "
                "to delete it")))
    return problems
