"""The questionnaire: one question per step, every change written to the draft at once."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, ProgressBar, Static

from wizard.inert import inert, unless_unchanged
from wizard.model.bank import Answer, Question
from wizard.i18n import t
from wizard.render.prefill import source_text
from wizard.model.draft import ANSWERED, PREFILLED, SKIPPED, Draft
from wizard.tui.base import WizardScreen
from wizard.tui.dialogs.confirm import ConfirmScreen
from wizard.tui.screens.names import NamesScreen
from wizard.tui.dialogs.note import NoteScreen
from wizard.tui.dialogs.overview import OverviewScreen
from wizard.tui.widgets.answer_options import AnswerOptions
from wizard.tui.palette import command
from wizard.tui.widgets.footer import KeyFooter

NUMBER_KINDS = ("percent", "number")


NUMBER_PATTERN = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")


def parse_number(text: str) -> int | float | None:
    """A typed number (a comma works as the decimal mark too), or None when it is not one.

    Strict on purpose: only digits, one decimal mark and a sign. `float()` alone would also take
    "1e3", "inf" or "1_000", numbers the user never meant to type."""
    text = text.strip()
    if not NUMBER_PATTERN.fullmatch(text):
        return None
    value = float(text.replace(",", "."))
    if not math.isfinite(value):
        return None
    return int(value) if value.is_integer() else value


class NumberAnswer(Validator):
    """A percent is 0–100, any other number is at least 0. Every message names what was typed
    and what is allowed, in the app's language."""

    def __init__(self, percent: bool, screen: QuestionnaireScreen) -> None:
        super().__init__()
        self.percent, self.screen = percent, screen

    def validate(self, value: str) -> ValidationResult:
        number = parse_number(value)
        if not value.strip():
            return self.failure(self._explain("tui.q.number_missing", value))
        if number is None:
            return self.failure(self._explain("tui.q.invalid_number", value))
        if number < 0:
            return self.failure(self._explain("tui.q.invalid_negative", value))
        if self.percent and number > 100:
            return self.failure(self._explain("tui.q.invalid_percent", value))
        return self.success()

    def _explain(self, problem: str, typed: str) -> str:
        allowed = "tui.q.allowed_percent" if self.percent else "tui.q.allowed_number"
        return f"{self.screen.t(problem, typed=typed.strip())} {self.screen.t(allowed)}"


class NumberInput(Input):
    """The number field. It keeps every character typed, so a wrong one is shown and explained,
    never dropped. While it is empty, the screen's letter keys (s, b, a, ...) work as usual;
    once something is typed, every printable key goes into the field."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id, compact=True, valid_empty=False, validate_on=["changed", "submitted"])

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if character is None or not character.isprintable():
            return False
        return bool(self.value) or character.isdigit() or character in ".,+-"

    def watch_value(self, before: str, after: str) -> None:
        if bool(before) != bool(after) and self.is_mounted:
            self.screen.refresh_bindings()  # the footer shows the letter keys only while empty


class QuestionnaireScreen(WizardScreen[None]):
    # Letter keys are priority bindings and the empty number field lets them pass (see
    # NumberInput); digits are not, so they reach the number field, and pick an option elsewhere.
    BINDINGS = [
        Binding("s", "skip", "tui.key.skip", priority=True),
        Binding("u", "next_open", "tui.key.next_open", priority=True),
        Binding("b", "back", "tui.key.back", priority=True),
        Binding("left", "back", "tui.key.back", show=False),
        Binding("right", "forward", "tui.key.forward", show=False),
        Binding("a", "note", "tui.key.note", priority=True),
        Binding("o", "overview", "tui.key.overview", priority=True),
        Binding("f", "finish", "tui.key.finish", priority=True),
        Binding("ctrl+s", "save", "tui.key.save", priority=True),
        Binding("escape", "home", "tui.key.home", show=False),
        Binding("shift+down,ctrl+down", "scroll_text(1)", show=False, priority=True),
        Binding("shift+up,ctrl+up", "scroll_text(-1)", show=False, priority=True),
        Binding("y,t", "yes_no(True)", "tui.key.yes", show=False, priority=True),
        Binding("n", "yes_no(False)", "tui.key.no", show=False, priority=True),
        *[Binding(str(digit), f"pick('{digit}')", show=False) for digit in range(10)],
    ]

    # At 80 columns every key fits the footer, "save" after a failed save included, only without
    # F2 (it still works, and the help lists it) and without the palette's ^p (it still opens).
    FOOTER_HIDDEN = ("f2",)
    HINT_SECONDS = 6  # how long the line under the options explains a key that does nothing

    def __init__(self, draft: Draft, index: int | None = None) -> None:
        super().__init__()
        self.draft = draft
        self._hint_timer: Timer | None = None
        first_open = draft.first_open()
        self.index = index if index is not None else (first_open if first_open is not None else len(draft.questions) - 1)

    @property
    def question(self) -> Question:
        return self.draft.questions[self.index]

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(id="who")
            yield Static(id="save-state")
        with Horizontal(id="progress-row"):
            yield ProgressBar(total=len(self.draft.questions), show_eta=False, show_percentage=False,
                              id="progress")
            yield Static(id="position")
        with VerticalScroll(id="body"):
            yield Static(id="section-title")
            yield Static(id="section-why")
            yield Static(id="question")
            yield Static(id="help")
            yield Static(id="why")
        yield Static(id="more-below")
        with Vertical(id="answer"):
            yield Static(id="current")
            yield AnswerOptions(id="options")
            with Horizontal(id="number-row"):
                yield NumberInput(id="number")
                yield Static(id="unit")
            yield Static(id="number-error", classes="error")
            yield Static(id="hint")
        yield KeyFooter(show_command_palette=False, hidden=self.FOOTER_HIDDEN)

    def on_mount(self) -> None:
        self.watch(self.query_one("#body", VerticalScroll), "scroll_y", lambda: self._show_more_below(), init=False)
        self.show(self.index)
        self._show_save_state(announce=True)

    async def apply_language(self) -> None:
        self.show(self.index, keep_typed=True)
        self._show_save_state()
        self.refresh_bindings()

    # -- one step -----------------------------------------------------------------------------

    def show(self, index: int, *, keep_typed: bool = False) -> None:
        """Put question `index` on screen, with its current answer and note."""
        self.index = index
        self._show_place()
        self._show_text()
        self._show_current()
        self._show_answer_field(keep_typed)
        self._show_hint()
        self.query_one("#body", VerticalScroll).scroll_home(animate=False)
        self.call_after_refresh(self._show_more_below)

    def _show_more_below(self) -> None:
        """On a small screen the question's help or why it matters may not fit: a line says so,
        with the key that scrolls, instead of leaving it below the fold unseen."""
        if not self.is_attached:
            return
        body = self.query_one("#body", VerticalScroll)
        more = self.query_one("#more-below", Static)
        hidden = body.max_scroll_y - body.scroll_y > 0
        more.update(Content(self.t("tui.q.more_below")) if hidden else "")
        more.display = hidden

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_more_below)

    def _show_place(self) -> None:
        """Who, how far, and where: the top bar and the progress row."""
        draft, record = self.draft, self.draft.record
        section = draft.bank.section(self.question.section)
        self.query_one("#who", Static).update(Content(self.t("tui.q.who", client=inert(record.client),
                                                             assessor=inert(record.assessor))))
        self.query_one("#progress", ProgressBar).update(progress=draft.done_count())
        self.query_one("#position", Static).update(Content(self.t(
            "tui.q.position", number=self.index + 1, total=len(draft.questions), section=section.title(self.lang))))

    def _show_text(self) -> None:
        """The section (and why it matters, on its first question), the question, help, why."""
        question, lang = self.question, self.lang
        section = self.draft.bank.section(question.section)
        section_why = section.why(lang) if section.why and section.questions[0].id == question.id else ""
        self.query_one("#section-title", Static).update(Content(section.title(lang)))
        self.query_one("#section-why", Static).update(Content(section_why))
        self.query_one("#section-why").display = bool(section_why)
        self.query_one("#question", Static).update(Content(question.text(lang)))
        self.query_one("#help", Static).update(Content(question.help(lang)))
        why = self.t("tui.q.why", why=question.why(lang)) if question.why else ""
        self.query_one("#why", Static).update(Content(why))
        self.query_one("#why").display = bool(why)

    def _show_answer_field(self, keep_typed: bool) -> None:
        """The options to pick from, or the number field; it takes the focus."""
        question, lang = self.question, self.lang
        current = self.draft.record.answers.get(question.id)
        is_number = question.kind in NUMBER_KINDS
        options = self.query_one("#options", AnswerOptions)
        options.display = not is_number
        self.query_one("#number-row").display = is_number
        self.query_one("#number-error", Static).update("")
        if not is_number:
            options.show(question, self.draft.bank, lang, current)
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
            unit = question.unit(lang) if question.unit else ""
        self.query_one("#unit", Static).update(Content(unit))
        number.focus()

    def _hint(self, question: Question) -> str:
        if question.kind == "choice":
            return self.t("tui.q.hint.choice", count=len(question.options))
        return self.t(f"tui.q.hint.{question.kind if question.kind in ('scale', 'bool') else 'number'}")

    def _show_hint(self, key: str | None = None) -> None:
        """The keys that answer this question; after a key that does nothing, that key first."""
        hint = self.query_one("#hint", Static)
        text = self._hint(self.question)
        if key is not None:
            text = f"{self.t('tui.q.unbound', pressed=key)} {text} {self.t('tui.q.unbound_more')}"
        hint.update(Content(text))
        hint.set_class(key is not None, "-unbound")
        if self._hint_timer is not None:
            self._hint_timer.stop()
            self._hint_timer = None
        if key is not None:
            self._hint_timer = self.set_timer(self.HINT_SECONDS, self._show_hint)

    def on_key(self, event: events.Key) -> None:
        """A printable key that reached the screen and no key binding takes: say which keys do
        something here, on the hint line (the number field takes its keys before this)."""
        if not event.is_printable or event.character is None:
            return
        binding = self.active_bindings.get(event.key)
        if binding is None or not binding.enabled:
            self._show_hint(_key_name(event))

    def _show_current(self) -> None:
        question, record = self.question, self.draft.record
        status = self.draft.status(question.id)
        lines = []
        prefill = record.prefilled.get(question.id)
        found = record.evidence.get(question.id)  # drawn from an invoice ledger
        ledger = prefill is not None and prefill.source == "ledger"
        if ledger and found is not None:  # the ledger's figures, kept once in the record's [evidence]
            prefill = replace(prefill, evidence=found.text)  # shown through source_text, inert below
        if status == PREFILLED:
            answer = question.label(record.answers[question.id], self.lang, self.draft.bank)
            source = inert(source_text(prefill, self.lang))
            lines.append(Content.assemble(("↺ ", "bold $accent"),
                                          self.t("prefill.pending", answer=answer, source=source)))
        elif status == ANSWERED:
            answer = question.label(record.answers[question.id], self.lang, self.draft.bank)
            if prefill is not None and prefill.state == "kept":
                answer = self.t("prefill.kept", answer=answer, source=inert(source_text(prefill, self.lang)))
            lines.append(Content.assemble(("✓ ", "bold $success"), self.t("tui.q.answer_now", answer=answer)))
        elif status == SKIPPED:
            lines.append(Content.assemble(("? ", "bold $warning"), self.t("tui.q.skipped_now")))
        if found is not None and (not ledger or prefill.state == "changed"):  # what the ledger says, and why
            if found.derived is None:
                said = self.t("tui.q.ledger_none", evidence=inert(found.text))
            else:
                said = self.t("tui.q.ledger", answer=question.label(found.derived, self.lang, self.draft.bank),
                              evidence=inert(found.text))
            lines.append(Content.assemble(("◆ ", "bold $accent"), said))
        if question.id in record.notes:
            note = inert(record.notes[question.id])
            lines.append(Content.assemble(("✎ ", "bold $accent"), self.t("tui.q.note_now", note=note)))
        current = self.query_one("#current", Static)
        current.update(Content("\n").join(lines))
        current.display = bool(lines)

    def _show_save_state(self, *, announce: bool = False) -> None:
        state = self.query_one("#save-state", Static)
        error = self.draft.error
        if error is None and self.draft.saved:
            state.update(Content(self.t("tui.q.saved")))
            state.set_class(False, "-unsaved")
        else:
            state.update(Content(self.t("tui.q.not_saved", reason=_reason(error, self.lang))))
            state.set_class(True, "-unsaved")
        if announce and error is not None:
            self.notify(self.t("tui.q.save_failed", reason=_reason(error, self.lang)), title=self.t("tui.q.save_title"),
                        severity="error", timeout=10)

    # -- answering ----------------------------------------------------------------------------

    def _changed(self, saved: bool, was_saved: bool) -> None:
        """After a change: show whether it reached the disk, and say so once when it did not."""
        self._show_save_state(announce=not saved and was_saved)
        if saved != was_saved:
            self.refresh_bindings()  # the "save again" key comes or goes

    def answer(self, value: Answer) -> None:
        was_saved = self.draft.saved
        self._changed(self.draft.answer(self.question.id, value), was_saved)
        self.advance()

    @on(AnswerOptions.Chosen)
    def _chosen(self, event: AnswerOptions.Chosen) -> None:
        event.stop()
        if event.question_id == self.question.id:  # not a late Enter for a question already left
            self.answer(event.value)

    @on(AnswerOptions.NothingHighlighted)
    def _nothing_highlighted(self, event: AnswerOptions.NothingHighlighted) -> None:
        event.stop()
        self._show_hint("Enter")

    @on(Input.Submitted, "#number")
    def _number_submitted(self, event: Input.Submitted) -> None:
        """Enter: the number is saved only when it is valid; otherwise the field keeps what was
        typed and the line below says what is allowed."""
        event.stop()
        error = self.query_one("#number-error", Static)
        result = event.validation_result
        value = parse_number(event.value)
        if result is None or not result.is_valid or value is None:
            message = result.failure_descriptions[0] if result and result.failure_descriptions else ""
            error.update(Content(message or self.t("tui.q.invalid_number", typed=event.value)))
            return
        self.answer(value)

    @on(Input.Changed, "#number")
    def _number_changed(self, event: Input.Changed) -> None:
        result = event.validation_result
        message = result.failure_descriptions[0] if event.value and result and not result.is_valid else ""
        self.query_one("#number-error", Static).update(Content(message))

    def advance(self) -> None:
        if self.index + 1 < len(self.draft.questions):
            self.show(self.index + 1)
            return
        first_open = self.draft.first_open()
        if first_open is not None:
            self.show(first_open)
            self.notify(self.t("tui.q.still_open", count=self.draft.open_count()))
        else:
            self.show(self.index)
            self.action_finish()

    # -- actions ------------------------------------------------------------------------------

    def palette_commands(self):
        yield command(self, "tui.cmd.overview", self.action_overview)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "yes_no":
            return self.question.kind == "bool"
        if action == "save":
            return not self.draft.saved
        if action == "forward":
            return self.draft.status(self.question.id) != "open" and self.index + 1 < len(self.draft.questions)
        return True

    def action_pick(self, digit: str) -> None:
        if self.question.kind in NUMBER_KINDS:
            return
        # Answered here and now, not through a message: with keys typed ahead, the next digit
        # must find the next question on screen, not this one again.
        found, value = self.query_one("#options", AnswerOptions).digit_value(digit)
        if found:
            self.answer(value)
        else:
            self._show_hint(digit)  # a digit outside the scale or the choices

    def action_yes_no(self, value: bool) -> None:
        self.answer(value)

    def action_skip(self) -> None:
        was_saved = self.draft.saved
        self._changed(self.draft.skip(self.question.id), was_saved)
        self.advance()

    def action_back(self) -> None:
        if self.index > 0:
            self.show(self.index - 1)
        else:
            self.edit_names()

    def action_forward(self) -> None:
        self.show(self.index + 1)

    def action_next_open(self) -> None:
        """The next question neither answered nor skipped, after this one (then from the start)."""
        following = self.draft.next_open(self.index)
        if following is None:
            self.notify(self.t("tui.q.all_done"), timeout=4)
        elif following == self.index:
            self.notify(self.t("tui.q.only_open"), timeout=4)
        else:
            self.show(following)

    def edit_names(self) -> None:
        record = self.draft.record

        def renamed(names: tuple[str, str] | None) -> None:
            if names:
                was_saved = self.draft.saved
                client, assessor = unless_unchanged(names[0], record.client), unless_unchanged(names[1], record.assessor)
                self._changed(self.draft.rename(client, assessor), was_saved)
            self.show(self.index)

        # Stored names are offered inert (escape codes shown, never sent to the terminal).
        self.app.push_screen(NamesScreen(inert(record.client), inert(record.assessor), editing=True), renamed)

    def action_note(self) -> None:
        question = self.question

        stored = self.draft.record.notes.get(question.id, "")

        def noted(text: str | None) -> None:
            if text is None:
                return
            text = unless_unchanged(text, stored)
            had_note = question.id in self.draft.record.notes
            was_saved = self.draft.saved
            self._changed(self.draft.set_note(question.id, text), was_saved)
            self._show_current()
            if text or had_note:
                self.notify(self.t("tui.note.saved" if text else "tui.note.removed"), timeout=3)

        self.app.push_screen(NoteScreen(question.text(self.lang), inert(stored)), noted)

    def action_overview(self) -> None:
        def chosen(choice: tuple[str, int | None] | None) -> None:
            if choice is None:
                return
            what, index = choice
            if what == "jump" and index is not None:
                self.show(index)
            elif what == "names":
                self.edit_names()
            elif what == "finish":
                self.action_finish()

        self.app.push_screen(OverviewScreen(self.draft, self.index), chosen)

    def action_finish(self) -> None:
        open_count = self.draft.open_count()
        skipped = len(self.draft.record.skipped)
        if open_count:
            dialog = ConfirmScreen("tui.q.finish_open", yes="tui.q.finish_yes", no="tui.q.finish_no",
                                   default=False, items=self._open_questions, then="tui.q.finish_open_then",
                                   count=open_count)
        elif self.draft.pending_count():
            dialog = ConfirmScreen("tui.q.finish_carried", yes="tui.q.finish_yes", no="tui.q.finish_no",
                                   default=False, count=self.draft.pending_count())
        else:
            dialog = ConfirmScreen("tui.q.finish_all", yes="tui.q.finish_yes", no="tui.q.finish_no",
                                   total=len(self.draft.questions), skipped=skipped)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.app.finish(self.draft)

        self.app.push_screen(dialog, confirmed)

    def action_save(self) -> None:
        if self.draft.save():
            self.notify(self.t("tui.q.save_ok"), timeout=3)
        self._show_save_state(announce=True)
        self.refresh_bindings()

    def action_scroll_text(self, lines: int) -> None:
        """Scroll the question and its help when they do not fit (a small terminal)."""
        body = self.query_one("#body", VerticalScroll)
        body.scroll_to(y=body.scroll_y + lines * 3, animate=False)

    def action_home(self) -> None:
        if self.draft.saved or self.draft.save():
            self.app.go_home()
            self.app.notify(self.t("tui.q.left"), timeout=4)
            return

        def leave(yes: bool | None) -> None:
            if yes:
                self.app.go_home()

        self.app.push_screen(ConfirmScreen("tui.q.leave_unsaved", title="tui.q.save_title", default=False,
                                           reason=_reason(self.draft.error, self.lang)), leave)


    def _open_questions(self, lang: str) -> list[str]:
        """The first open questions by number and text, then how many more (finish dialog)."""
        indexes = self.draft.open_indexes()
        lines = [f"{index + 1}. {self.draft.questions[index].text(lang)}" for index in indexes[:OPEN_LISTED]]
        if len(indexes) > OPEN_LISTED:
            lines.append(t("tui.q.open_more", lang, count=len(indexes) - OPEN_LISTED))
        return lines


OPEN_LISTED = 3  # open questions named in the finish dialog


def _key_name(event: events.Key) -> str:
    """How to name a key to the user: its character, or its name for a blank one."""
    character = event.character or ""
    return character if character.strip() else event.key


def _reason(error: OSError | None, lang: str) -> str:
    from wizard.storage.files import reason

    return "?" if error is None else reason(error, lang)
