"""`client-exit forget CLIENT`: delete everything kept about one client, after a confirmation.

Records hold personal data about clients and staff. Forgetting a client deletes their records,
their drafts, the teammates' feedback on those records (`feedback/<record id>/`), the Markdown
exports that name them and the leftovers of interrupted saves, then rebuilds the list cache so
the name leaves it too. The client is matched by the exact name, as everywhere
(`wizard.model.clients`: case, Unicode form and runs of spaces aside).

Forget keeps its word:
- the deletion runs under the folder's write lock, after finding the files again under it, so a
  decision, feedback or save running at the same moment either lands before (and is deleted)
  or is refused after;
- it first leaves a tombstone (wizard/storage/forgotten.py: a hash of the name, never the name),
  so that writers refuse to bring the client back and data merged in later from another copy of
  the folder is reported by `list` and `validate` and deleted by the next `forget`;
- it exits non-zero when anything could not be deleted, or could not be checked, even when its
  output goes nowhere (`forget ... | head`).
Files that cannot be read are never deleted blindly: they are named, so the user can look.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

from wizard.cli.context import Context
from wizard.cli.context import say as warn
from wizard.model.clients import client_key as _key, close_names, same_client
from wizard.i18n import t
from wizard.storage.toml_read import unreadable as unreadable_folder
from wizard.inert import inert
from wizard.storage import files, forgotten

YES = ("y", "yes", "t", "tak")
KINDS = ("record", "draft", "feedback", "export", "temporary")


class Plan(NamedTuple):
    """What forgetting a client deletes, and what stands in its way."""

    found: dict[str, list[Path]]  # kind → paths
    ids: set[str]  # of the client's records and drafts
    unreadable: list[Path]  # files that could not be read, so not checked
    unchecked: list[str]  # folders that could not be looked into, and why: the client's data may be there
    duplicates: dict[str, list[Path]]  # an id the client shares with another client's record

    @property
    def targets(self) -> list[Path]:
        return [path for kind in KINDS for path in self.found[kind]]


def forget(ctx: Context) -> int:

    args = ctx.args
    bank, lang, store = ctx.bank, ctx.lang, ctx.store
    client, say = args.client, _Output()
    plan = _plan(store, bank, client)
    if plan.duplicates:
        return _refuse_duplicates(plan, lang)
    if not plan.targets:
        say(t("privacy.none", lang, client=inert(client), path=store.root))
        similar = close_names(client, (e.summary.client for e in store.summaries(bank) if e.summary is not None))
        if similar:
            say(t("clients.similar", lang, names=", ".join(map(inert, similar))))
        _report_unreadable(plan, client, lang)
        return 1
    say(t("privacy.plan", lang, client=inert(client)))
    for kind in KINDS:
        for path in plan.found[kind]:
            say(f"  {t('privacy.kind.' + kind, lang):<21} {inert(str(path))}")
    _report_unreadable(plan, client, lang)
    if not args.yes and not _confirmed(lang, len(plan.targets)):
        return 1
    try:
        with store.lock("forget"):
            plan = _plan(store, bank, client)  # again, under the lock: what was added meanwhile too
            if plan.duplicates:
                return _refuse_duplicates(plan, lang)
            deleted, left, tombstone = _delete(store, client, plan, lang, say)
    except OSError as error:  # the lock: held by another program for too long, or cannot be made
        warn(t('cli.cannot_write', lang, path=store.root, reason=files.reason(error, lang)))
        return 1
    try:
        store.summaries(bank)  # rewrites the list cache without the deleted records
    except OSError:
        pass
    say(t("privacy.done", lang, client=inert(client), count=deleted))
    if left:
        warn(t('privacy.left', lang, client=inert(client), count=left))
    if tombstone is not None:
        say(t("privacy.tombstone", lang, path=tombstone.relative_to(store.root)))
    if _in_git(store.root):
        say(t("privacy.git", lang))
    return 1 if left or plan.unchecked else 0


def _delete(store, client: str, plan: Plan, lang: str, say) -> tuple[int, int, Path | None]:
    """Leave the tombstone, then delete every target. Returns how many were deleted, how many
    are left, and the tombstone's path (None when it could not be written)."""
    tombstone = None
    try:
        tombstone = forgotten.write(store.root, client, plan.ids | forgotten.load(store.root).ids_of(client))
    except OSError as error:
        warn(t('cli.cannot_write', lang, path=store.root, reason=files.reason(error, lang)))
    deleted = left = 0
    for path in plan.targets:
        try:
            files.delete(store.root, path)
        except FileNotFoundError:
            continue  # gone already: nothing left to forget
        except OSError as error:
            left += 1
            warn(t('privacy.failed', lang, path=inert(str(path)), reason=files.reason(error, lang)))
            continue
        deleted += 1
        say(t("privacy.deleted", lang, path=inert(str(path))))
    return deleted, left + (tombstone is None), tombstone


class _Output:
    """Prints to stdout, and carries on when stdout is gone (`forget ... | head`): what is
    deleted must not depend on whether anyone reads the list."""

    def __init__(self) -> None:
        self.lost = False

    def __call__(self, text: str) -> None:
        if self.lost:
            return
        try:
            print(text, flush=True)
        except (BrokenPipeError, OSError, ValueError):
            self.lost = True


def _plan(store, bank, client: str) -> Plan:
    """The records, drafts, feedback folders, exports and leftovers of `client`."""
    from wizard.storage.checks import duplicate_ids

    listed = store.summaries(bank)
    mine = [e for e in listed if e.summary is not None and same_client(e.summary.client, client)]
    found = {kind: [] for kind in KINDS}
    found["record"] = [e.path for e in mine]
    ids = {e.summary.id for e in mine}
    unreadable = [e.path for e in listed if e.summary is None]
    unchecked = []
    for entry in store.scan_drafts(bank):
        if entry.record is None and entry.path == store.drafts:
            unchecked += map(str, entry.problems)
        elif entry.record is None:
            unreadable.append(entry.path)
        elif same_client(entry.record.client, client):
            found["draft"].append(entry.path)
            ids.add(entry.record.id)
    from wizard.storage.feedback import folder

    for record_id in sorted(ids | forgotten.load(store.root).ids_of(client)):
        target = folder(store.root, record_id)
        try:
            os.lstat(target)
        except FileNotFoundError:
            continue
        except OSError as error:  # feedback/ itself cannot be looked into
            unchecked.append(str(unreadable_folder(target.parent, error)))
        found["feedback"].append(target)
    found["export"], hidden = _exports(store, client, found["record"])
    unchecked += hidden
    found["temporary"] = _temporary_files(store, client)
    duplicates = {rid: paths for rid, paths in duplicate_ids(
        (e.path, e.summary) for e in listed if e.summary is not None).items()
        if rid in ids and not all(p in found["record"] for p in paths)}
    return Plan(found, ids, unreadable, list(dict.fromkeys(unchecked)), duplicates)


def _exports(store, client: str, records: list[Path]) -> tuple[list[Path], list[str]]:
    """Markdown exports about the client: a record's `.md` beside it, and the files in
    `exports/` (comparisons, histories, team views) whose title names the client exactly.
    Also the folder, when it could not be looked into (a link, no permission)."""
    from wizard.storage.exports import FOLDER, record_export_path

    found = [record_export_path(path) for path in records if record_export_path(path).is_file()]
    exports = store.root / FOLDER
    try:
        names = sorted(e.name for e in files.entries(store.root, exports) if e.name.endswith(".md"))
    except OSError as error:
        return found, [str(unreadable_folder(exports, error))]
    for name in names:
        title = _first_line(store.root, exports / name).removeprefix("# ")
        # "History: Acme", "Comparison: Acme / Nova", in either language.
        named = title.split(": ", 1)[-1]
        if _key(client) in {_key(part) for part in (named, *named.split(" / "))}:
            found.append(exports / name)
    return found, []


def _first_line(root: Path, path: Path) -> str:
    try:
        head = files.read_bytes(path, root=root, follow=False, limit=files.MAX_BYTES * 50)
    except OSError:
        return ""
    return head.split(b"\n", 1)[0].decode("utf-8", "replace").strip()


def _temporary_files(store, client: str) -> list[Path]:
    """Leftovers of interrupted saves (hidden `.tmp-*` files) that mention the client."""
    import json

    wanted = {_key(client), _key(json.dumps(client, ensure_ascii=False)[1:-1]),
              _key(json.dumps(client)[1:-1])}  # as written, or with TOML escapes
    found = []
    for folder in (store.root, store.drafts):
        for path in files.stale_temp_files(store.root, folder):
            try:
                text = _key(files.read_bytes(path, root=store.root, follow=False).decode("utf-8", "replace"))
            except OSError:
                continue
            if any(name and name in text for name in wanted):
                found.append(path)
    return found


def _refuse_duplicates(plan: Plan, lang: str) -> int:
    for rid, paths in plan.duplicates.items():
        names = ", ".join(inert(str(p)) for p in paths)
        warn(t('privacy.duplicate', lang, id=rid, names=names))
    return 1


def _report_unreadable(plan: Plan, client: str, lang: str) -> None:
    if plan.unreadable or plan.unchecked:
        print(t("privacy.unreadable", lang, client=inert(client)), file=sys.stderr)
        for line in [*map(str, plan.unreadable), *plan.unchecked]:
            print(f"  {inert(line)}", file=sys.stderr)


def _confirmed(lang: str, count: int) -> bool:
    if not sys.stdin.isatty():
        warn(t('privacy.no_terminal', lang))
        return False
    try:
        answer = input(t("privacy.confirm", lang, count=count))
    except EOFError:
        answer = ""
    if answer.strip().casefold() in YES:
        return True
    print(t("privacy.cancelled", lang))
    return False


def _in_git(folder: Path) -> bool:
    folder = folder.resolve()
    return any((parent / ".git").exists() for parent in (folder, *folder.parents))
