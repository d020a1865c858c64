"""What every command shares: the parsed options, and the language, question bank, records
folder and console they name, each made on first use (so `list` on an empty folder never loads
the bank, and no command imports rich unless it prints with it)."""

from __future__ import annotations

import sys
from functools import cached_property
from pathlib import Path

PROG = "client-exit"


def inert(text: str) -> str:
    """Text read from a file, made safe to print (wizard/inert.py). Imported on first use:
    `list` on an empty folder prints none and must start fast."""
    from wizard.inert import inert as safe

    return safe(text)


class Fail(Exception):
    """A command stops: `lines` are printed as `client-exit: line` on stderr, `code` is the exit code."""

    def __init__(self, lines: list[str], code: int = 1) -> None:
        super().__init__(*lines)
        self.lines = lines
        self.code = code


def encodable(text: str) -> bool:
    """False for bytes that were not valid in the terminal's encoding: Python keeps them as lone
    surrogates, which no file could store."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def problem_lines(error) -> list[str]:
    """An InvalidFile's problems as lines, each `file: field: message`."""
    return [str(problem) for problem in error.problems]


def say(line: str) -> None:
    """One line on stderr, after the program's name (as every error and warning is said)."""
    print(f"{PROG}: {line}", file=sys.stderr)


class Context:
    """One command's run: its options (`args`) and what they name."""

    def __init__(self, args) -> None:
        self.args = args
        self.command: str = args.command or "home"

    @cached_property
    def lang(self) -> str:
        from wizard.i18n import default_language

        return self.args.lang or default_language()

    def t(self, key: str, **values: object) -> str:
        from wizard.i18n import t

        return t(key, self.lang, **values)

    @cached_property
    def bank(self):
        """The question bank (`--questions`, else the shipped one); a broken one stops the command."""
        from wizard.model.problems import InvalidFile
        from wizard.storage import bank_files

        questions = self.args.questions
        try:
            return bank_files.load(questions) if questions else bank_files.load_default()
        except InvalidFile as error:
            raise Fail([self.t("cli.bank_problems"), *problem_lines(error)], 2) from None

    @cached_property
    def store(self):
        """The records folder; a path that names something else than a folder stops the command
        (else `list` would say "no records yet" of a file)."""
        from wizard.storage.store import RecordStore, records_dir

        root = records_dir(self.args.records_dir)
        if root.exists() and not root.is_dir():
            raise Fail([self.t("cli.records_not_folder", path=inert(str(root)))], 2)
        return RecordStore(root)

    @cached_property
    def console(self):
        from rich.console import Console

        return Console(highlight=False, soft_wrap=False)

    def summaries(self) -> list:
        """What `list` knows of every record file (wizard/storage/index.py); a folder that cannot
        be read stops the command. The bank is loaded only when some file must be read."""
        try:
            return self.store.summaries(lambda: self.bank)
        except OSError as error:
            raise Fail([self.t("cli.cannot_read_folder", path=self.store.root, reason=self.reason(error))]) from None

    def reason(self, error: OSError) -> str:
        """Why a file could not be used, and what to do, in the user's language."""
        from wizard.storage.files import reason

        return reason(error, self.lang)

    def handled(self, run):
        """`run()`, with a bad file reported as file: field: message."""
        from wizard.model.problems import InvalidFile

        try:
            return run()
        except InvalidFile as error:
            raise Fail(problem_lines(error)) from None

    def who(self) -> str:
        """The person taking a step: `--by`, else the name the user set (`config name`). Never
        guessed: with neither, the command stops and says how to give it."""
        from wizard.storage.settings import user_name

        name = " ".join((getattr(self.args, "by", None) or "").split()) or user_name()
        if not name:
            raise Fail([self.t("who.missing", command=self.command)], 2)
        return name

    def find_record(self, ref: str) -> Path:
        """The record a user means by `ref` (a path or the start of an id); when there is none,
        or several, a message in the user's language with the records they may have meant. A
        record whose id another record file also carries is refused, naming both files:
        feedback is filed by id, so acting on one would mix in the other's."""
        from wizard.model.problems import NoSuchRecord

        try:
            path = self.store.find(ref, self.bank)
        except NoSuchRecord as missing:
            names = ", ".join(inert(str(p if missing.kind == "duplicate" else p.name)) for p in missing.matches[:5])
            lines = [self.t("cli.record." + missing.kind, ref=inert(ref), id=inert(ref), path=self.store.root,
                            names=names)]
            if missing.kind == "id":
                lines += self._meant(ref)
            raise Fail(lines) from None
        self._refuse_duplicate(path)
        return path

    def read_record(self, ref: str):
        """The path and the record a user means by `ref`; a broken file stops the command."""
        from wizard.storage.record_reader import read_record

        path = self.find_record(ref)
        return path, self.handled(lambda: read_record(path, self.bank))

    def _refuse_duplicate(self, path: Path) -> None:
        from wizard.storage.checks import duplicate_ids

        listed = self.store.summaries(self.bank)
        if not any(e.path == path for e in listed):
            return  # a file outside the records folder, named by its path
        for rid, paths in duplicate_ids((e.path, e.summary) for e in listed if e.summary is not None).items():
            if path in paths:
                raise Fail([self.t("cli.record.duplicate", id=rid, names=", ".join(inert(str(p)) for p in paths))])

    def _meant(self, ref: str) -> list[str]:
        """Records a mistyped reference may mean: the records of a client of that name (or a
        close one), else the ids closest to it."""
        import difflib

        from wizard.model.clients import close_names, same_client

        try:
            listed = [e.summary for e in self.store.summaries(self.bank) if e.summary is not None]
        except OSError:
            return []
        names = [s.client for s in listed]
        clients = [n for n in names if same_client(n, ref)][:1] or close_names(ref, names, limit=1)
        if clients:
            found = [s for s in listed if same_client(s.client, clients[0])]
            title = self.t("cli.record.of_client", client=inert(clients[0]))
        else:
            ref = ref.lower()
            score = {s.id: difflib.SequenceMatcher(None, ref, s.id[: len(ref)]).ratio() for s in listed}
            found = sorted((s for s in listed if score[s.id] >= 0.7), key=lambda s: -score[s.id])
            title = self.t("cli.record.closest")
        if not found:
            return []
        return [title] + [f"  {s.id}  {s.created:%Y-%m-%d}  {inert(s.client)}" for s in found[:5]]
