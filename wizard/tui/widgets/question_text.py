"""The text of one question: its section (and why the section matters, on its first question),
the question, its help and why it matters. It scrolls when a small terminal cannot show it all."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from wizard.i18n import t
from wizard.model.bank import Bank, Question


class QuestionText(VerticalScroll):
    def compose(self):
        yield Static(id="section-title")
        yield Static(id="section-why")
        yield Static(id="question")
        yield Static(id="help")
        yield Static(id="why")

    def show(self, bank: Bank, question: Question, lang: str) -> None:
        section = bank.section(question.section)
        section_why = section.why(lang) if section.why and section.questions[0].id == question.id else ""
        self.query_one("#section-title", Static).update(Content(section.title(lang)))
        self.query_one("#section-why", Static).update(Content(section_why))
        self.query_one("#section-why").display = bool(section_why)
        self.query_one("#question", Static).update(Content(question.text(lang)))
        self.query_one("#help", Static).update(Content(question.help(lang)))
        why = t("tui.q.why", lang, why=question.why(lang)) if question.why else ""
        self.query_one("#why", Static).update(Content(why))
        self.query_one("#why").display = bool(why)
        self.scroll_home(animate=False)

    @property
    def more_below(self) -> bool:
        """Some of the text is below the fold."""
        return self.max_scroll_y - self.scroll_y > 0

    def scroll_lines(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_y + lines * 3, animate=False)
