"""`client-exit forget CLIENT`: delete everything kept about one client, after a confirmation.

Records hold personal data about clients and staff. Forgetting a client deletes their records,
their drafts, the teammates' feedback on those records (`feedback/<record id>/`) and the
Markdown exports that name them, then
rebuilds the list cache so the name leaves it too. The client is matched by the exact name, as
everywhere (`wizard.clients`: case, Unicode form and runs of spaces aside). Files that cannot be read are never deleted blindly: they are named, so the
user can look at them.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from wizard import cli
from wizard.clients import client_key as _key, close_names, same_client
from wizard.i18n import t

YES = ("y", "yes", "t", "tak")


def forget(args) -> int:
    bank, lang, store = cli._bank(args), cli._lang(args), cli._store(args)
    client = args.client
    records, drafts, feedback, unreadable = _find(store, bank, client)
    temporary = _temporary_files(store, client)
    exports = _exports(store, client, records)
    targets = records + drafts + feedback + exports + temporary
    if not targets:
        print(t("privacy.none", lang, client=client, path=store.root))
        similar = _similar(store, bank, client)
        if similar:
            print(t("clients.similar", lang, names=", ".join(similar)))
        _report_unreadable(unreadable, client, lang)
        return 1
    print(t("privacy.plan", lang, client=client))
    for kind, paths in (("record", records), ("draft", drafts), ("feedback", feedback), ("export", exports),
                        ("temporary", temporary)):
        for path in paths:
            print(f"  {t('privacy.kind.' + kind, lang):<21} {path}")
    _report_unreadable(unreadable, client, lang)
    if not args.yes and not _confirmed(lang, len(targets)):
        return 1
    deleted, failed = 0, False
    for path in targets:
        try:
            _delete(path)
        except FileNotFoundError:
            continue  # gone already (another process): nothing left to forget
        except OSError as error:
            failed = True
            print(f"{cli.PROG}: {t('privacy.failed', lang, path=path, reason=error.strerror or error)}",
                  file=sys.stderr)
            continue
        deleted += 1
        print(t("privacy.deleted", lang, path=path))
    store.summaries(bank)  # rewrites the list cache without the deleted records
    print(t("privacy.done", lang, client=client, count=deleted))
    if _in_git(store.root):
        print(t("privacy.git", lang))
    return 1 if failed else 0


def _delete(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def _find(store, bank, client: str):
    """The record files, draft files and feedback folders of `client`, and the unreadable files."""
    from wizard.feedback import folder as feedback_folder

    listed = store.summaries(bank)
    records = [e.path for e in listed if e.summary is not None and same_client(e.summary.client, client)]
    ids = [e.summary.id for e in listed if e.summary is not None and same_client(e.summary.client, client)]
    unreadable = [e.path for e in listed if e.summary is None]
    drafts = []
    for entry in store.scan_drafts(bank):
        if entry.record is None:
            unreadable.append(entry.path)
        elif same_client(entry.record.client, client):
            drafts.append(entry.path)
            ids.append(entry.record.id)
    feedback = []
    for record_id in dict.fromkeys(ids):
        try:
            folder = feedback_folder(store.root, record_id)
        except ValueError:
            continue
        if folder.is_dir() and not folder.is_symlink():
            feedback.append(folder)
    return records, drafts, feedback, unreadable


def _exports(store, client: str, records: list[Path]) -> list[Path]:
    """Markdown exports about the client: a record's `.md` beside it, and the files in
    `exports/` (comparisons, histories, team views) whose title names the client exactly."""
    found = [path.with_suffix(".md") for path in records if path.with_suffix(".md").is_file()]
    exports = store.root / "exports"
    if exports.is_dir():
        for path in sorted(exports.glob("*.md")):
            try:
                with path.open(encoding="utf-8", errors="replace") as handle:
                    title = handle.readline().strip().removeprefix("# ")
            except OSError:
                continue
            # "History: Acme", "Comparison: Acme / Nova", in either language.
            named = title.split(": ", 1)[-1]
            if _key(client) in {_key(name) for name in (named, *named.split(" / "))}:
                found.append(path)
    return found


def _temporary_files(store, client: str) -> list[Path]:
    """Leftovers of interrupted saves (hidden `.tmp-*` files) that mention the client."""
    import json

    from wizard.store import stale_temp_files

    wanted = {_key(client), _key(json.dumps(client, ensure_ascii=False)[1:-1]),
              _key(json.dumps(client)[1:-1])}  # as written, or with TOML escapes
    found = []
    for path in stale_temp_files(store.root) + stale_temp_files(store.drafts):
        try:
            text = _key(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
        if any(name and name in text for name in wanted):
            found.append(path)
    return found


def _similar(store, bank, client: str) -> list[str]:
    return close_names(client, (e.summary.client for e in store.summaries(bank) if e.summary is not None))


def _report_unreadable(paths: list[Path], client: str, lang: str) -> None:
    if paths:
        print(t("privacy.unreadable", lang, client=client), file=sys.stderr)
        for path in paths:
            print(f"  {path}", file=sys.stderr)


def _confirmed(lang: str, count: int) -> bool:
    if not sys.stdin.isatty():
        print(f"{cli.PROG}: {t('privacy.no_terminal', lang)}", file=sys.stderr)
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
