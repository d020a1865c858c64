"""All sections and questions at a glance: answered, don't know, open. Pick one to go there.

Dismisses with ("jump", question index), ("names", None), ("finish", None) or None.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wizard.tui.draft import ANSWERED, OPEN, SKIPPED, Draft
from wizard.tui.screens.base import WizardModal
from wizard.tui.widgets.footer import KeyFooter

ANSWER_WIDTH = 16
MARKS = {ANSWERED: ("✓", "bold $success"), SKIPPED: ("?", "bold $warning"), OPEN: ("○", "$text-muted")}


class OverviewScreen(WizardModal[tuple[str, int | None] | None]):
    BINDINGS = [
        Binding("escape", "close", "tui.key.close"),
        Binding("enter", "go", "tui.key.jump", show=True),
        Binding("f", "finish", "tui.key.finish"),
    ]

    def __init__(self, draft: Draft, current: int) -> None:
        super().__init__()
        self.draft, self.current = draft, current

    def compose(self) -> ComposeResult:
        draft, bank, lang = self.draft, self.draft.bank, self.lang
        counts = {status: 0 for status in MARKS}
        for question in draft.questions:
            counts[draft.status(question.id)] += 1
        with Vertical(classes="dialog", id="overview"):
            yield Static(Content(self.t("tui.overview.title")), classes="dialog-title")
            yield Static(Content(self.t("tui.overview.counts", answered=counts[ANSWERED],
                                        skipped=counts[SKIPPED], open=counts[OPEN])), classes="muted")
            options: list[Option] = [Option(Content.assemble(
                ("✎ ", "bold $accent"),
                self.t("tui.overview.names", client=draft.record.client, assessor=draft.record.assessor),
            ), id="names")]
            number = 0
            for section in bank.sections:
                options.append(Option(Content.assemble((section.title(lang), "bold $accent")), disabled=True))
                for question in section.questions:
                    options.append(Option(self._line(number, question), id=f"q{number}"))
                    number += 1
            yield OptionList(*options, id="overview-list")
            yield Static(Content(self.t("tui.overview.hint")), classes="muted")
        yield KeyFooter()

    def _line(self, number: int, question) -> Content:
        """▶ ✓ 12. answer         question text: the answer first, so it is never cut off."""
        status = self.draft.status(question.id)
        mark, style = MARKS[status]
        if status == ANSWERED:
            answer = question.label(self.draft.record.answers[question.id], self.lang, self.draft.bank)
        else:
            answer = self.t(f"tui.overview.{status}")
        answer = answer if len(answer) <= ANSWER_WIDTH else answer[: ANSWER_WIDTH - 1] + "…"
        pointer = "▶" if number == self.current else " "
        return Content.assemble(
            (pointer, "bold $accent"), (f" {mark} ", style), (f"{number + 1:>2}. ", "$text-muted"),
            (answer.ljust(ANSWER_WIDTH + 1), style if status != ANSWERED else "$text"),
            question.text(self.lang),
        )

    def on_mount(self) -> None:
        self._highlight()

    def _highlight(self) -> None:
        options = self.query_one("#overview-list", OptionList)
        options.highlighted = options.get_option_index(f"q{self.current}")
        options.focus()

    async def apply_language(self) -> None:
        await super().apply_language()
        self._highlight()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option.id)

    def action_go(self) -> None:
        options = self.query_one("#overview-list", OptionList)
        if options.highlighted is not None:
            self._choose(options.get_option_at_index(options.highlighted).id)

    def _choose(self, option_id: str | None) -> None:
        if option_id == "names":
            self.dismiss(("names", None))
        elif option_id and option_id.startswith("q"):
            self.dismiss(("jump", int(option_id[1:])))

    def action_finish(self) -> None:
        self.dismiss(("finish", None))

    def action_close(self) -> None:
        self.dismiss(None)
