"""All sections and questions at a glance: answered, don't know, open. Pick one to go there.

Dismisses with ("jump", question index), ("names", None), ("finish", None) or None.
"""

from __future__ import annotations

import textwrap

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Region
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wizard.inert import inert
from wizard.model.bank import Question
from wizard.model.draft import ANSWERED, OPEN, PREFILLED, SKIPPED, Draft
from wizard.tui.base import WizardModal
from wizard.tui.widgets.footer import KeyFooter

PREFIX = 8  # "▶ ✓ 12. ": wrapped lines of a question start under its text
MARKS = {ANSWERED: ("✓", "bold $success"), PREFILLED: ("↺", "bold $accent"), SKIPPED: ("?", "bold $warning"),
         OPEN: ("○", "$text-muted")}


class OverviewScreen(WizardModal[tuple[str, int | None] | None]):
    BINDINGS = [
        Binding("escape", "close", "tui.key.close"),
        Binding("enter", "go", "tui.key.jump", show=True),
        Binding("f", "finish", "tui.key.finish"),
    ]

    def __init__(self, draft: Draft, current: int) -> None:
        super().__init__()
        self.draft, self.current = draft, current
        self._width = 0  # the width the question texts are wrapped at

    def compose(self) -> ComposeResult:
        draft, bank, lang = self.draft, self.draft.bank, self.lang
        counts = {status: 0 for status in MARKS}
        for question in draft.questions:
            counts[draft.status(question.id)] += 1
        # A first guess of the list's width (the dialog's CSS), corrected once it is laid out.
        self._width = min(int(self.app.size.width * 0.94), 120) - 6
        with Vertical(classes="dialog", id="overview"):
            yield Static(Content(self.t("tui.overview.title")), classes="dialog-title")
            yield Static(Content(self.t("tui.overview.counts", answered=counts[ANSWERED],
                                        skipped=counts[SKIPPED], open=counts[OPEN])
                                 + (self.t("tui.overview.carried", count=counts[PREFILLED]) if counts[PREFILLED] else "")),
                         classes="muted")
            options: list[Option] = [Option(Content.assemble(
                ("✎ ", "bold $accent"),
                self.t("tui.overview.names", client=inert(draft.record.client), assessor=inert(draft.record.assessor)),
            ), id="names")]
            number = 0
            for section in bank.sections:
                options.append(Option(Content.assemble((section.title(lang), "bold $accent")), disabled=True))
                for question in section.questions:
                    options.append(Option(self._prompt(number, question, self._width), id=f"q{number}"))
                    number += 1
            yield OptionList(*options, id="overview-list")
            yield Static(Content(self.t("tui.overview.hint")), classes="muted")
        yield KeyFooter()

    def _prompt(self, number: int, question: Question, width: int) -> Content:
        """▶ ✓ 12. The whole question, wrapped under itself,
                → and the answer (or don't know) on a line of its own."""
        status = self.draft.status(question.id)
        mark, style = MARKS[status]
        pointer = "▶" if number == self.current else " "
        parts: list = [(pointer, "bold $accent"), (f" {mark} ", style), (f"{number + 1:>2}. ", "$text-muted")]
        parts += _hanging(question.text(self.lang), width)
        if status in (ANSWERED, PREFILLED):
            answer = question.label(self.draft.record.answers[question.id], self.lang, self.draft.bank)
            if status == PREFILLED:
                answer = f"{answer} ({self.t('prefill.mark')})"
            parts += ["\n", " " * PREFIX, ("→ ", MARKS[status][1].removeprefix("bold ")),
                      *_hanging(answer, width, PREFIX + 2)]
        elif status == SKIPPED:
            parts += ["\n", " " * PREFIX, ("→ ", "$warning"),
                      *_hanging(self.t("tui.overview.skipped"), width, PREFIX + 2, "$warning")]
        return Content.assemble(*parts)

    def on_mount(self) -> None:
        self._highlight()
        self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Wrap the question texts again at the width the list really has."""
        options = self.query_one("#overview-list", OptionList)
        width = options.scrollable_content_region.width
        if width <= PREFIX or width == self._width:
            return
        self._width = width
        for number, question in enumerate(self.draft.questions):
            options.replace_option_prompt(f"q{number}", self._prompt(number, question, width))
        self._highlight()

    def _highlight(self) -> None:
        """The cursor on the current question, scrolled to the middle of the list."""
        options = self.query_one("#overview-list", OptionList)
        options.highlighted = options.get_option_index(f"q{self.current}")
        options.focus()
        self.call_after_refresh(self._center)

    def _center(self) -> None:
        options = self.query_one("#overview-list", OptionList)
        if options.highlighted is None:
            return
        # The rows of the highlighted option (OptionList keeps them in `_lines`: index, row).
        lines = [y for y, (index, _) in enumerate(options._lines) if index == options.highlighted]
        if lines:
            region = Region(0, lines[0], options.scrollable_content_region.width, len(lines))
            options.scroll_to_region(region, center=True, animate=False, force=True, immediate=True)

    async def apply_language(self) -> None:
        await super().apply_language()
        self._highlight()
        self.call_after_refresh(self._fit)

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


def _hanging(text: str, width: int, indent: int = PREFIX, style: str = "") -> list:
    """`text` wrapped at `width - indent`, its later lines indented by `indent` (Content parts)."""
    lines = textwrap.wrap(text, max(width - indent, 12)) or [""]
    parts: list = [(lines[0], style)]
    for line in lines[1:]:
        parts += ["\n", " " * indent, (line, style)]
    return parts
