"""The options of one question, each with the digit that picks it."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from wizard.model.bank import SCALE_MAX, Answer, Bank, Question


def option_labels(question: Question, bank: Bank, lang: str) -> list[tuple[str, Answer, str]]:
    """(digit, value, label) for each option, in the order shown."""
    if question.kind == "scale":
        labels = question.labels or bank.scale_labels
        return [(str(v), v, labels[v](lang)) for v in range(SCALE_MAX + 1)]
    if question.kind == "bool":
        return [("1", True, bank.bool_labels[0](lang)), ("2", False, bank.bool_labels[1](lang))]
    return [(str(i), value, question.labels[i - 1](lang)) for i, value in enumerate(question.options, 1)]


class AnswerOptions(OptionList):
    """Posts `Chosen` when an option is picked by Enter or a click; `digit_value` gives the
    option of a digit at once (the screen answers with it before the next key is read)."""

    class Chosen(Message):
        def __init__(self, value: Answer, question_id: str) -> None:
            super().__init__()
            self.value = value
            self.question_id = question_id  # the question shown when it was picked

    class NothingHighlighted(Message):
        """Enter with no option highlighted: the screen says which keys answer."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices: list[tuple[str, Answer, str]] = []
        self.question_id = ""

    def show(self, question: Question, bank: Bank, lang: str, current: Answer | None) -> None:
        self.question_id = question.id
        self.choices = option_labels(question, bank, lang)
        self.clear_options()
        self.add_options([
            Option(Content.assemble(
                (f" {digit} ", "bold reverse $accent" if _same(value, current) else "bold $accent"),
                "  ", label, ("  ✓" if _same(value, current) else "", "bold $success"),
            ))
            for digit, value, label in self.choices
        ])
        current_index = next((i for i, (_, v, _) in enumerate(self.choices) if _same(v, current)), None)
        self.highlighted = current_index

    def digit_value(self, digit: str) -> tuple[bool, Answer | None]:
        """(True, the value) of the option numbered `digit`, highlighted; (False, None) if none is."""
        for index, (key, value, _) in enumerate(self.choices):
            if key == digit:
                self.highlighted = index
                return True, value
        return False, None

    def action_select(self) -> None:
        if self.highlighted is None:
            self.post_message(self.NothingHighlighted())
            return
        super().action_select()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self.choices[event.option_index][1], self.question_id))


def _same(value: Answer, current: Answer | None) -> bool:
    return current is not None and value == current and type(value) is type(current)
