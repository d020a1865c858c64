"""Feedback on a record: your name, your stance, a comment. Dismisses with (name, stance, comment) or None.

The caller writes the file (wizard.storage.feedback.add): each piece of feedback is its own file, so two
teammates never overwrite each other, not even in their own clones of a shared folder.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from wizard.i18n import day
from wizard.inert import inert
from wizard.model.feedback import STANCES, Feedback, current
from wizard.model.records import DecisionRecord
from wizard.render.comparison import STANCE_MARKS
from wizard.tui.base import WizardModal

SHOWN = 3  # the latest stances shown above the form


class FeedbackScreen(WizardModal[tuple[str, str, str] | None]):
    BINDINGS = [Binding("escape", "cancel", "tui.key.close")]

    def __init__(self, record: DecisionRecord, feedback: list[Feedback], name: str = "") -> None:
        super().__init__()
        self.record, self.feedback = record, feedback
        self.name_value, self.comment, self.stance = name, "", -1

    def compose(self) -> ComposeResult:
        record = self.record
        with VerticalScroll(classes="dialog", id="feedback-dialog"):
            yield Static(Content(self.t("tui.feedback.title")), classes="dialog-title")
            yield Static(Content(self.t("tui.feedback.about", client=inert(record.client),
                                        assessor=inert(record.assessor) or self.t("report.nobody"),
                                        date=day(record.created, self.lang))), classes="muted")
            latest = current(self.feedback)
            if latest:
                lines = [f"{STANCE_MARKS[f.stance]} {inert(f.by)}: {self.t('review.stance.' + f.stance)}"
                         + (f" — {inert(f.comment)}" if f.comment else "") for f in latest[-SHOWN:]]
                yield Static(Content(self.t("tui.feedback.so_far") + "\n" + "\n".join(lines)),
                             id="feedback-so-far")
            with Horizontal(classes="form-row"):
                yield Label(Content(self.t("tui.feedback.name")), classes="form-label")
                yield Input(self.name_value, placeholder=self.t("tui.feedback.name_placeholder"), id="feedback-by")
            with Horizontal(classes="form-row"):
                yield Label(Content(self.t("tui.feedback.stance")), classes="form-label")
                with RadioSet(id="stance"):
                    for index, stance in enumerate(STANCES):
                        yield RadioButton(self.t(f"tui.feedback.stance.{stance}"), value=index == self.stance)
            with Horizontal(classes="form-row"):
                yield Label(Content(self.t("tui.feedback.comment")), classes="form-label")
                yield Input(self.comment, placeholder=self.t("tui.feedback.comment_placeholder"),
                            id="feedback-comment")
            yield Static("", id="feedback-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(self.t("tui.feedback.save"), variant="primary", id="save")
                yield Button(self.t("tui.feedback.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#stance" if self.name_value.strip() else "#feedback-by").focus()

    async def apply_language(self) -> None:
        self.name_value = self.query_one("#feedback-by", Input).value
        self.comment = self.query_one("#feedback-comment", Input).value
        self.stance = self.query_one("#stance", RadioSet).pressed_index
        await super().apply_language()
        self.on_mount()

    @on(Input.Submitted, "#feedback-by")
    def _name_done(self) -> None:
        self.query_one("#stance", RadioSet).focus()

    @on(RadioSet.Changed, "#stance")
    def _stance_chosen(self) -> None:
        self.query_one("#feedback-error", Static).update("")

    @on(Input.Submitted, "#feedback-comment")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        name = " ".join(self.query_one("#feedback-by", Input).value.split())
        stance = self.query_one("#stance", RadioSet).pressed_index
        problem = ("tui.feedback.name_missing" if not name
                   else "tui.feedback.stance_missing" if stance == -1 else None)
        if problem is not None:
            self.query_one("#feedback-error", Static).update(Content(self.t(problem)))
            self.query_one("#feedback-by" if not name else "#stance").focus()
            return
        self.dismiss((name, STANCES[stance], self.query_one("#feedback-comment", Input).value.strip()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
