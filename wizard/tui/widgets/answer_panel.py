"""The answer area under a question: where the answer stands (pre-filled, kept, skipped, what
the ledger says, the note), the options or the number field, and the line saying which keys
answer. The questionnaire screen says what to show and handles the answers."""

from __future__ import annotations

from dataclasses import replace

from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Input, Static

from wizard.inert import inert
from wizard.model.bank import Answer, Question
from wizard.model.draft import ANSWERED, PREFILLED, SKIPPED, Draft
from wizard.render.prefill import source_text
from wizard.tui.base import Translated
from wizard.tui.widgets.answer_options import AnswerOptions
from wizard.tui.widgets.number_input import NumberAnswer, NumberInput, parse_number

NUMBER_KINDS = ("percent", "number")


class AnswerPanel(Translated, Vertical):
    HINT_SECONDS = 6  # how long the hint line explains a key that does nothing

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hint_timer: Timer | None = None
        self._question: Question | None = None

    def compose(self):
        yield Static(id="current")
        yield AnswerOptions(id="options")
        with Horizontal(id="number-row"):
            yield NumberInput(id="number")
            yield Static(id="unit")
        yield Static(id="number-error", classes="error")
        yield Static(id="hint")

    def show(self, draft: Draft, question: Question, *, keep_typed: bool = False) -> None:
        """Where `question`'s answer stands, and the field that answers it (it takes the focus)."""
        self._question = question
        self.show_current(draft, question)
        self._show_field(draft, question, keep_typed)
        self.show_hint()

    def _show_field(self, draft: Draft, question: Question, keep_typed: bool) -> None:
        """The options to pick from, or the number field."""
        current = draft.record.answers.get(question.id)
        is_number = question.kind in NUMBER_KINDS
        options = self.query_one("#options", AnswerOptions)
        options.display = not is_number
        self.query_one("#number-row").display = is_number
        self.query_one("#number-error", Static).update("")
        if not is_number:
            options.show(question, draft.bank, self.lang, current)
            options.focus()
            return
        number = self.query_one("#number", Input)
        number.validators = [NumberAnswer(question.kind == "percent", self)]
        number.placeholder = self.t("tui.q.number_placeholder")
        if not keep_typed:
            number.value = "" if current is None else str(current)
        if question.kind == "percent":
            unit = self.t("tui.q.percent_unit")
        else:
            unit = question.unit(self.lang) if question.unit else ""
        self.query_one("#unit", Static).update(Content(unit))
        number.focus()

    def show_current(self, draft: Draft, question: Question) -> None:
        lines = self._current_lines(draft, question)
        current = self.query_one("#current", Static)
        current.update(Content("\n").join(lines))
        current.display = bool(lines)

    def _current_lines(self, draft: Draft, question: Question) -> list[Content]:
        record, lang = draft.record, self.lang
        status = draft.status(question.id)
        lines = []
        prefill = record.prefilled.get(question.id)
        found = record.evidence.get(question.id)  # drawn from an invoice ledger
        ledger = prefill is not None and prefill.source == "ledger"
        if ledger and found is not None:  # the ledger's figures, kept once in the record's [evidence]
            prefill = replace(prefill, evidence=found.text)  # shown through source_text, inert below
        if status == PREFILLED:
            answer = question.label(record.answers[question.id], lang, draft.bank)
            source = inert(source_text(prefill, lang))
            lines.append(Content.assemble(("↺ ", "bold $accent"), self.t("prefill.pending", answer=answer, source=source)))
        elif status == ANSWERED:
            answer = question.label(record.answers[question.id], lang, draft.bank)
            if prefill is not None and prefill.state == "kept":
                answer = self.t("prefill.kept", answer=answer, source=inert(source_text(prefill, lang)))
            lines.append(Content.assemble(("✓ ", "bold $success"), self.t("tui.q.answer_now", answer=answer)))
        elif status == SKIPPED:
            lines.append(Content.assemble(("? ", "bold $warning"), self.t("tui.q.skipped_now")))
        if found is not None and (not ledger or prefill.state == "changed"):  # what the ledger says, and why
            if found.derived is None:
                said = self.t("tui.q.ledger_none", evidence=inert(found.text))
            else:
                said = self.t("tui.q.ledger", answer=question.label(found.derived, lang, draft.bank),
                              evidence=inert(found.text))
            lines.append(Content.assemble(("◆ ", "bold $accent"), said))
        if question.id in record.notes:
            note = inert(record.notes[question.id])
            lines.append(Content.assemble(("✎ ", "bold $accent"), self.t("tui.q.note_now", note=note)))
        return lines

    def _hint(self, question: Question) -> str:
        if question.kind == "choice":
            return self.t("tui.q.hint.choice", count=len(question.options))
        return self.t(f"tui.q.hint.{question.kind if question.kind in ('scale', 'bool') else 'number'}")

    def show_hint(self, key: str | None = None) -> None:
        """The keys that answer this question; after a key that does nothing, that key first."""
        hint = self.query_one("#hint", Static)
        text = self._hint(self._question)
        if key is not None:
            text = f"{self.t('tui.q.unbound', pressed=key)} {text} {self.t('tui.q.unbound_more')}"
        hint.update(Content(text))
        hint.set_class(key is not None, "-unbound")
        if self._hint_timer is not None:
            self._hint_timer.stop()
            self._hint_timer = None
        if key is not None:
            self._hint_timer = self.set_timer(self.HINT_SECONDS, self.show_hint)

    def digit_value(self, digit: str) -> tuple[bool, Answer | None]:
        """The option a digit picks, if one has this digit."""
        return self.query_one("#options", AnswerOptions).digit_value(digit)

    def submitted_number(self, event: Input.Submitted) -> int | float | None:
        """The number Enter gave, when it is valid; otherwise the field keeps what was typed and
        the line below says what is allowed."""
        result = event.validation_result
        value = parse_number(event.value)
        if result is None or not result.is_valid or value is None:
            message = result.failure_descriptions[0] if result and result.failure_descriptions else ""
            self.query_one("#number-error", Static).update(Content(message or self.t("tui.q.invalid_number",
                                                                                       typed=event.value)))
            return None
        return value

    def on_answer_options_nothing_highlighted(self, event: AnswerOptions.NothingHighlighted) -> None:
        event.stop()
        self.show_hint("Enter")

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "number":
            return
        result = event.validation_result
        message = result.failure_descriptions[0] if event.value and result and not result.is_valid else ""
        self.query_one("#number-error", Static).update(Content(message))
