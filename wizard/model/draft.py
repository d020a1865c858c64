"""One assessment in progress: the draft record, its answers, and saving it at once.

No Textual here: the questionnaire screen drives a `Draft`, and tests can drive it directly.
Every change is written to the draft file immediately (atomically, by the store), so killing
the program loses nothing already answered. A failed write keeps everything in memory and
says why; the next change or an explicit retry writes it again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Protocol

from wizard.model.bank import Answer, Bank, Question
from wizard.model.prefill import Prefill, after_answer, carried_from
from wizard.model.problems import InvalidFile
from wizard.model.reasoning import assess
from wizard.model.records import DecisionRecord, Evidence, LedgerSource

ANSWERED, SKIPPED, OPEN = "answered", "skipped", "open"
PREFILLED = "prefilled"  # answered by a pre-fill (model/prefill.py) the assessor has not confirmed yet
TO_DO = (OPEN, PREFILLED)  # what the questionnaire still asks the assessor to look at


class Folder(Protocol):
    """What a draft needs of the records folder (wizard.storage.store.RecordStore): the draft
    is saved through it, and the finished record written to it."""

    def save_draft(self, record: DecisionRecord) -> Path: ...
    def save_new(self, record: DecisionRecord) -> tuple[Path, DecisionRecord]: ...
    def delete_draft(self, record_id: str) -> None: ...
    def paths(self) -> list[Path]: ...
    def read(self, path: Path, bank: Bank) -> DecisionRecord: ...


@dataclass
class Draft:
    bank: Bank
    store: Folder
    record: DecisionRecord
    saved: bool = False
    error: OSError | None = None  # why the last write failed, until one succeeds

    # -- starting and reopening ---------------------------------------------------------------

    @classmethod
    def start(cls, bank: Bank, store: Folder, *, client: str, assessor: str, lang: str,
              created: datetime, record_id: str,
              prefill: dict[str, tuple[Answer, Prefill]] | None = None,
              evidence: dict[str, Evidence] | None = None, ledger: LedgerSource | None = None) -> Draft:
        """A new draft; `prefill` (question id → answer and where it came from) fills answers in
        for the assessor to confirm or change: see `wizard.model.prefill` (`carry_over`). The
        `evidence` drawn from an invoice `ledger` is kept with the draft, and shown beside its
        question (the ledger's answers come in `prefill`, with the source "ledger")."""
        prefill = {qid: item for qid, item in (prefill or {}).items()
                   if bank.question(qid) is not None and bank.question(qid).check(item[0]) is None}
        record = DecisionRecord(
            id=record_id, client=client.strip(), assessor=assessor.strip(), created=created,
            language=lang, bank_version=bank.version, status="draft",
            answers={qid: value for qid, (value, _) in prefill.items()},
            prefilled={qid: source for qid, (_, source) in prefill.items()},
            evidence=dict(evidence or {}), ledger=ledger,
        )
        return cls(bank, store, record)

    @classmethod
    def open(cls, bank: Bank, store: Folder, path: Path) -> Draft:
        """Reopen a draft file. Raises InvalidFile when it cannot be read."""
        return cls(bank, store, store.read(path, bank), saved=True)

    # -- where we are -------------------------------------------------------------------------

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.bank.questions

    def status(self, question_id: str) -> str:
        if question_id in self.record.answers:
            prefill = self.record.prefilled.get(question_id)
            return PREFILLED if prefill is not None and prefill.pending else ANSWERED
        if question_id in self.record.skipped:
            return SKIPPED
        return OPEN

    def first_open(self) -> int | None:
        """The index of the first question still to look at: open, or pre-filled and unconfirmed."""
        return next((i for i, q in enumerate(self.questions) if self.status(q.id) in TO_DO), None)

    def open_indexes(self) -> list[int]:
        """The indexes of every question neither answered nor skipped, in order."""
        return [i for i, q in enumerate(self.questions) if self.status(q.id) == OPEN]

    def next_open(self, after: int) -> int | None:
        """The first question still to look at after index `after`, wrapping round to the start;
        `after` itself when it is the only one; None when there is none."""
        indexes = [i for i, q in enumerate(self.questions) if self.status(q.id) in TO_DO]
        return next((i for i in indexes if i > after), indexes[0] if indexes else None)

    def open_count(self) -> int:
        return sum(1 for q in self.questions if self.status(q.id) == OPEN)

    def pending_count(self) -> int:
        """Pre-filled answers the assessor has not confirmed or changed yet."""
        return sum(1 for q in self.questions if self.status(q.id) == PREFILLED)

    def done_count(self) -> int:
        return len(self.questions) - self.open_count() - self.pending_count()

    @property
    def carried_from(self) -> tuple[str, ...]:
        """The earlier records this assessment carries answers over from (a reassessment)."""
        return carried_from(self.record.prefilled)

    # -- changes (each one is saved at once) --------------------------------------------------

    def answer(self, question_id: str, value: Answer) -> bool:
        question = self.bank.question(question_id)
        if question is None or question.check(value):
            raise ValueError(f"{question_id}: {value!r} is not an allowed answer")
        answers = dict(self.record.answers)
        before, answers[question_id] = answers.get(question_id), value
        skipped = tuple(q for q in self.record.skipped if q != question_id)
        return self._change(answers=answers, skipped=skipped,
                            prefilled=self._prefilled_after(question_id, before, value))

    def keep(self, question_id: str) -> bool:
        """Confirm a pre-filled answer as it is (the questionnaire's Enter on it)."""
        return self.answer(question_id, self.record.answers[question_id])

    def skip(self, question_id: str) -> bool:
        """Record "don't know": the answer (if any) is removed, the id is listed as skipped."""
        answers = {k: v for k, v in self.record.answers.items() if k != question_id}
        skipped = self.record.skipped
        if question_id not in skipped:
            skipped = self._in_bank_order({*skipped, question_id})
        return self._change(answers=answers, skipped=skipped,
                            prefilled=self._prefilled_after(question_id, self.record.answers.get(question_id), None))

    def _prefilled_after(self, question_id: str, before: Answer | None, after: Answer | None) -> dict[str, Prefill]:
        prefilled = dict(self.record.prefilled)
        if question_id in prefilled:
            prefilled[question_id] = after_answer(prefilled[question_id], before, after)
        return prefilled

    def set_note(self, question_id: str, text: str) -> bool:
        notes = dict(self.record.notes)
        if text.strip():
            notes[question_id] = text.strip()
        else:
            notes.pop(question_id, None)
        return self._change(notes=notes)

    def rename(self, client: str, assessor: str) -> bool:
        return self._change(client=client.strip(), assessor=assessor.strip())

    def save(self) -> bool:
        """Write the draft file. False (with `error` set) when the disk refuses."""
        try:
            self.store.save_draft(self.record)
        except OSError as error:
            self.saved, self.error = False, error
            return False
        self.saved, self.error = True, None
        return True

    def _change(self, **fields) -> bool:
        self.record = replace(self.record, **fields)
        return self.save()

    def _in_bank_order(self, ids: set[str]) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions if q.id in ids)

    # -- the end ------------------------------------------------------------------------------

    def finish(self, lang: str, now: datetime) -> tuple[Path, DecisionRecord]:
        """Assess, save the record at the top of the records folder, then remove the draft.

        Questions still open are recorded as skipped: the user confirmed that before. Raises
        OSError when the record cannot be written; the draft is then left untouched.
        """
        earlier = self._saved_before()
        if earlier is not None:
            return earlier
        open_ids = {q.id for q in self.questions if self.status(q.id) == OPEN}
        skipped = self._in_bank_order({*self.record.skipped, *open_ids})
        result = assess(self.bank, self.record.answers, lang, now.date())
        final = replace(self.record, skipped=skipped, result=result, review_date=result.review_date,
                        language=lang, status="draft")
        path, final = self.store.save_new(final)
        try:
            self.store.delete_draft(self.record.id)
        except OSError:
            pass  # the record is safe; a stale draft is only clutter, shown on the home screen
        self.record = final
        return path, final

    def _saved_before(self) -> tuple[Path, DecisionRecord] | None:
        """The record of this draft, when an earlier finish wrote it but was killed before the
        draft was removed: finishing again must not write a second record."""
        for path in self.store.paths():
            if path.stem.endswith(f"-{self.record.id}"):
                try:
                    record = self.store.read(path, self.bank)
                except InvalidFile:
                    continue
                if record.id == self.record.id and record.created == self.record.created:
                    try:
                        self.store.delete_draft(self.record.id)
                    except OSError:
                        pass
                    self.record = record
                    return path, record
        return None


def progress(record: DecisionRecord, bank: Bank) -> tuple[int, int]:
    """How many questions of a draft are done (answered or skipped, a pre-filled answer once it is
    confirmed), and how many there are."""
    pending = {qid for qid, p in record.prefilled.items() if p.pending}
    done = sum(1 for q in bank.questions
               if (q.id in record.answers and q.id not in pending) or q.id in record.skipped)
    return done, len(bank.questions)
