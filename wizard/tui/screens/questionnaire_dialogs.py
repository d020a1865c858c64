"""What the questionnaire asks in dialogs, and what it does with the answers: the names, a note,
the overview of every question, finishing, and leaving while answers are unsaved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wizard.i18n import t
from wizard.inert import inert, unless_unchanged
from wizard.model.draft import Draft
from wizard.tui.dialogs.confirm import ConfirmScreen
from wizard.tui.dialogs.note import NoteScreen
from wizard.tui.dialogs.overview import OverviewScreen
from wizard.tui.screens.names import NamesScreen
from wizard.tui.widgets.answer_panel import AnswerPanel
from wizard.tui.widgets.save_state import save_failure

if TYPE_CHECKING:
    from wizard.tui.screens.questionnaire import QuestionnaireScreen

OPEN_LISTED = 3  # open questions named in the finish dialog


def edit_names(screen: QuestionnaireScreen) -> None:
    record = screen.draft.record

    def renamed(names: tuple[str, str] | None) -> None:
        if names:
            client, assessor = unless_unchanged(names[0], record.client), unless_unchanged(names[1], record.assessor)
            screen.change(lambda: screen.draft.rename(client, assessor))
        screen.show(screen.index)

    # Stored names are offered inert (escape codes shown, never sent to the terminal).
    screen.app.push_screen(NamesScreen(inert(record.client), inert(record.assessor), editing=True), renamed)


def edit_note(screen: QuestionnaireScreen) -> None:
    draft, question = screen.draft, screen.question
    stored = draft.record.notes.get(question.id, "")

    def noted(text: str | None) -> None:
        if text is None:
            return
        text = unless_unchanged(text, stored)
        had_note = question.id in draft.record.notes
        screen.change(lambda: draft.set_note(question.id, text))
        screen.query_one("#answer", AnswerPanel).show_current(draft, question)  # the note under the question
        if text or had_note:
            screen.notify(screen.t("tui.note.saved" if text else "tui.note.removed"), timeout=3)

    screen.app.push_screen(NoteScreen(question.text(screen.lang), inert(stored)), noted)


def overview(screen: QuestionnaireScreen) -> None:
    """Every question and where it stands: jump to one, change the names, or finish."""
    def chosen(choice: tuple[str, int | None] | None) -> None:
        if choice is None:
            return
        what, index = choice
        if what == "jump" and index is not None:
            screen.show(index)
        elif what == "names":
            edit_names(screen)
        elif what == "finish":
            confirm_finish(screen)

    screen.app.push_screen(OverviewScreen(screen.draft, screen.index), chosen)


def confirm_finish(screen: QuestionnaireScreen) -> None:
    """Finish once the user confirms: warned of open questions and of answers still to confirm."""
    draft = screen.draft
    open_count = draft.open_count()
    if open_count:
        dialog = ConfirmScreen("tui.q.finish_open", yes="tui.q.finish_yes", no="tui.q.finish_no",
                               default=False, items=lambda lang: _open_questions(draft, lang),
                               then="tui.q.finish_open_then", count=open_count)
    elif draft.pending_count():
        dialog = ConfirmScreen("tui.q.finish_carried", yes="tui.q.finish_yes", no="tui.q.finish_no",
                               default=False, count=draft.pending_count())
    else:
        dialog = ConfirmScreen("tui.q.finish_all", yes="tui.q.finish_yes", no="tui.q.finish_no",
                               total=len(draft.questions), skipped=len(draft.record.skipped))

    def confirmed(yes: bool | None) -> None:
        if yes:
            screen.app.finish(draft)

    screen.app.push_screen(dialog, confirmed)


def _open_questions(draft: Draft, lang: str) -> list[str]:
    """The first open questions by number and text, then how many more (finish dialog)."""
    indexes = draft.open_indexes()
    lines = [f"{index + 1}. {draft.questions[index].text(lang)}" for index in indexes[:OPEN_LISTED]]
    if len(indexes) > OPEN_LISTED:
        lines.append(t("tui.q.open_more", lang, count=len(indexes) - OPEN_LISTED))
    return lines


def leave(screen: QuestionnaireScreen) -> None:
    """Home, the draft saved; when it cannot be, only once the user agrees to lose the answers."""
    if screen.draft.saved or screen.draft.save():
        screen.app.go_home()
        screen.app.notify(screen.t("tui.q.left"), timeout=4)
        return

    def confirmed(yes: bool | None) -> None:
        if yes:
            screen.app.go_home()

    screen.app.push_screen(ConfirmScreen("tui.q.leave_unsaved", title="tui.q.save_title", default=False,
                                         reason=save_failure(screen.draft.error, screen.lang)), confirmed)
