"""The questionnaire: one question per step, every change written to the draft at once.

The screen moves between the questions and hands each answer to the draft; its widgets show the
question (widgets/question_text.py) and where its answer stands (widgets/answer_panel.py), and its
dialogs live in screens/questionnaire_dialogs.py.
"""

from __future__ import annotations

from typing import Callable

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, ProgressBar, Static

from wizard.inert import inert
from wizard.model.bank import Answer, Question
from wizard.model.draft import Draft
from wizard.tui.base import WizardScreen
from wizard.tui.palette import command
from wizard.tui.screens import questionnaire_dialogs as dialogs
from wizard.tui.widgets.answer_options import AnswerOptions
from wizard.tui.widgets.answer_panel import NUMBER_KINDS, AnswerPanel
from wizard.tui.widgets.footer import KeyFooter
from wizard.tui.widgets.question_text import QuestionText
from wizard.tui.widgets.save_state import SaveState


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

    def __init__(self, draft: Draft, index: int | None = None) -> None:
        super().__init__()
        self.draft = draft
        first_open = draft.first_open()
        self.index = index if index is not None else (first_open if first_open is not None else len(draft.questions) - 1)

    @property
    def question(self) -> Question:
        return self.draft.questions[self.index]

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(id="who")
            yield SaveState(id="save-state")
        with Horizontal(id="progress-row"):
            yield ProgressBar(total=len(self.draft.questions), show_eta=False, show_percentage=False,
                              id="progress")
            yield Static(id="position")
        yield QuestionText(id="body")
        yield Static(id="more-below")
        yield AnswerPanel(id="answer")
        yield KeyFooter(show_command_palette=False, hidden=self.FOOTER_HIDDEN)

    def on_mount(self) -> None:
        self.watch(self.query_one("#body", QuestionText), "scroll_y", lambda: self._show_more_below(), init=False)
        self.show(self.index)
        self.query_one(SaveState).show(self.draft, announce=True)

    async def apply_language(self) -> None:
        self.show(self.index, keep_typed=True)
        self.query_one(SaveState).show(self.draft)
        self.refresh_bindings()

    # -- one step -----------------------------------------------------------------------------

    def show(self, index: int, *, keep_typed: bool = False) -> None:
        """Put question `index` on screen, with its current answer and note."""
        self.index = index
        self._show_place()
        self.query_one("#body", QuestionText).show(self.draft.bank, self.question, self.lang)
        self.query_one("#answer", AnswerPanel).show(self.draft, self.question, keep_typed=keep_typed)
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

    def _show_more_below(self) -> None:
        """On a small screen the question's help or why it matters may not fit: a line says so,
        with the key that scrolls, instead of leaving it below the fold unseen."""
        if not self.is_attached:
            return
        more = self.query_one("#more-below", Static)
        hidden = self.query_one("#body", QuestionText).more_below
        more.update(Content(self.t("tui.q.more_below")) if hidden else "")
        more.display = hidden

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_more_below)

    def on_key(self, event: events.Key) -> None:
        """A printable key that reached the screen and no key binding takes: say which keys do
        something here, on the hint line (the number field takes its keys before this)."""
        if not event.is_printable or event.character is None:
            return
        binding = self.active_bindings.get(event.key)
        if binding is None or not binding.enabled:
            self.query_one("#answer", AnswerPanel).show_hint(_key_name(event))

    # -- answering ----------------------------------------------------------------------------

    def change(self, step: Callable[[], bool]) -> None:
        """Change the draft by `step` (True when the change reached the disk); then show whether
        it did, and say so once when it did not."""
        was_saved = self.draft.saved
        saved = step()
        self.query_one(SaveState).show(self.draft, announce=not saved and was_saved)
        if saved != was_saved:
            self.refresh_bindings()  # the "save again" key comes or goes

    def answer(self, value: Answer) -> None:
        self.change(lambda: self.draft.answer(self.question.id, value))
        self.advance()

    @on(AnswerOptions.Chosen)
    def _chosen(self, event: AnswerOptions.Chosen) -> None:
        event.stop()
        if event.question_id == self.question.id:  # not a late Enter for a question already left
            self.answer(event.value)

    @on(Input.Submitted, "#number")
    def _number_submitted(self, event: Input.Submitted) -> None:
        """Enter: the number is saved only when it is valid; otherwise the field keeps what was
        typed and the line below says what is allowed."""
        event.stop()
        value = self.query_one("#answer", AnswerPanel).submitted_number(event)
        if value is not None:
            self.answer(value)

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

    def action_pick(self, digit: str) -> None:
        if self.question.kind in NUMBER_KINDS:
            return
        # Answered here and now, not through a message: with keys typed ahead, the next digit
        # must find the next question on screen, not this one again.
        panel = self.query_one("#answer", AnswerPanel)
        found, value = panel.digit_value(digit)
        if found:
            self.answer(value)
        else:
            panel.show_hint(digit)  # a digit outside the scale or the choices

    def action_yes_no(self, value: bool) -> None:
        self.answer(value)

    def action_skip(self) -> None:
        self.change(lambda: self.draft.skip(self.question.id))
        self.advance()

    # -- moving, saving, and the dialogs ------------------------------------------------------

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

    def action_back(self) -> None:
        if self.index > 0:
            self.show(self.index - 1)
        else:
            dialogs.edit_names(self)

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

    def action_scroll_text(self, lines: int) -> None:
        """Scroll the question and its help when they do not fit (a small terminal)."""
        self.query_one("#body", QuestionText).scroll_lines(lines)

    def action_save(self) -> None:
        if self.draft.save():
            self.notify(self.t("tui.q.save_ok"), timeout=3)
        self.query_one(SaveState).show(self.draft, announce=True)
        self.refresh_bindings()

    def action_note(self) -> None:
        dialogs.edit_note(self)

    def action_overview(self) -> None:
        dialogs.overview(self)

    def action_finish(self) -> None:
        dialogs.confirm_finish(self)

    def action_home(self) -> None:
        dialogs.leave(self)


def _key_name(event: events.Key) -> str:
    """How to name a key to the user: its character, or its name for a blank one."""
    character = event.character or ""
    return character if character.strip() else event.key
