"""Every screen in Polish, with no English left: the catalogues and the bank are checked for
each English text (where it differs from the Polish one), on screen and in every widget."""

from __future__ import annotations

import errno
import re
from argparse import Namespace
from dataclasses import fields

from textual.command import CommandPalette

from tests.tui.support import all_text, english_fragments, english_left, make_app, saved_draft, saved_record
from wizard.model.bank import Bank, Text
from wizard.cli.ledger import draw
from wizard.i18n import every_text
from tests.tui.support import NOW
from wizard.cli.demo_folder import build
from wizard.tui.screens.compare import CompareScreen
from wizard.tui.dialogs.confirm import ConfirmScreen
from wizard.tui.dialogs.decide import DecisionScreen
from wizard.tui.dialogs.feedback import FeedbackScreen
from wizard.tui.dialogs.help import HelpScreen
from wizard.tui.screens.history import HistoryScreen
from wizard.tui.screens.names import NamesScreen
from wizard.tui.dialogs.whoami import WhoAmIScreen
from wizard.tui.dialogs.note import NoteScreen
from wizard.tui.dialogs.overview import OverviewScreen
from wizard.tui.screens.portfolio import PortfolioScreen
from wizard.tui.screens.questionnaire import QuestionnaireScreen
from wizard.tui.screens.review import ReviewScreen
from wizard.tui.screens.result import ResultScreen
from wizard.tui.screens.team import TeamScreen

# English that Textual itself would show if the app did not replace it.
TEXTUAL_ENGLISH = {
    "textual.search": ("Search for commands", ""),
    "textual.themes": ("Search for themes", ""),
    "textual.palette": ("palette", ""),
    "textual.quit": ("Quit the application", ""),
    "textual.theme": ("Change the current theme", ""),
    "textual.keys": ("Show help for the focused widget", ""),
    "textual.screenshot": ("Save an SVG", ""),
    "textual.ctrl_c": ("Do you want to quit", ""),
}
# File paths and names are not texts, even when a toast wraps them: ~/records/feedback/…,
# …-compare-0000cafe-1234abcd.md, ledger.csv
# Paths, file names, ids, and commands to type (`client-exit config name`): code, not prose.
PATH = r"~/\S+|\S+\.(?:md|toml|csv)\b|\b[a-z0-9]+(?:-[a-z0-9]+){2,}-?|client-exit(?: [a-z]+)*"
# An English value that is a correct Polish text too: the name of the other language.
ALLOWED = {"tui.key.language"}


def bank_texts(bank: Bank) -> dict[str, tuple[str, str]]:
    """Every text of the question bank, by a readable name."""
    found: dict[str, tuple[str, str]] = {}

    def collect(name: str, value) -> None:
        if isinstance(value, Text):
            found[name] = (value.en, value.pl)
        elif isinstance(value, (tuple, list)):
            for index, item in enumerate(value):
                collect(f"{name}[{index}]", item)
        elif isinstance(value, dict):
            for key, item in value.items():
                collect(f"{name}.{key}", item)
        elif hasattr(value, "__dataclass_fields__") and not isinstance(value, Bank):
            for field in fields(value):
                collect(f"{name}.{field.name}", getattr(value, field.name))

    for field in fields(bank):
        if field.name not in ("questions", "_by_id"):
            collect(field.name, getattr(bank, field.name))
    return found


class Walk:
    def __init__(self, app, pilot, catalogue):
        self.app, self.pilot = app, pilot
        self.fragments = english_fragments(catalogue, ALLOWED)
        self.seen: list[str] = []
        self.problems: list[str] = []

    async def look(self, where: str, expected=None) -> None:
        await self.pilot.pause()
        if expected is not None:
            assert isinstance(self.app.screen, expected), (where, self.app.screen)
        self.seen.append(where)
        text = re.sub(PATH, "", all_text(self.app))
        # Theme names (textual-dark, nord, ...) are identifiers the theme list shows, not texts.
        themes = sorted(self.app.available_themes, key=len, reverse=True)
        text = re.sub("|".join(re.escape(name) for name in themes), "", text)
        for problem in english_left(text, self.fragments):
            self.problems.append(f"{where}: {problem}")

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.pilot.pause()


async def test_every_screen_in_polish_has_no_english_left(bank, store, monkeypatch):
    catalogue = {**every_text(), **bank_texts(bank), **TEXTUAL_ENGLISH}
    saved_record(bank, store, "fading", "0000cafe")  # made in English, read in Polish
    saved_draft(bank, store, {"late_payments": 2}, record_id="0000beef")
    build(store.root, bank, "pl", NOW)  # a history, a team, feedback, an overdue review
    (store.root / "2026-01-01-zepsuty-0000dead.toml").write_text("client = [", encoding="utf-8")
    app = make_app(bank, store, "pl")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        walk = Walk(app, pilot, catalogue)
        await walk.look("home")
        await walk.press("f1")
        await walk.look("help", HelpScreen)
        await walk.press("escape", "ctrl+p")
        await pilot.pause(0.3)
        await walk.look("palette", CommandPalette)
        await walk.press("escape")
        app.action_change_theme()
        await pilot.pause(0.3)
        await walk.look("themes", CommandPalette)
        await walk.press("escape", "ctrl+c")
        await walk.look("ctrl+c")
        await walk.press("f3")
        await walk.look("theme toast")
        await walk.press("f3")

        await walk.press("p")
        await walk.look("clients, no ledger", PortfolioScreen)
        await walk.press("escape")
        app.ledger = draw(Namespace(map=None, since=None, until=None, currency=None, questions=None),
                          str(store.root / "ledger.csv"), "pl")
        await walk.press("p")
        await walk.look("clients, with the ledger", PortfolioScreen)
        await walk.press("escape")

        await walk.press("v")
        await walk.look("records", ReviewScreen)
        await walk.press("enter")
        await walk.look("record read in Polish", ResultScreen)
        for key in ("a", "p", "r"):
            await walk.press(key)
            await walk.look(f"result: confirm {key}", ConfirmScreen)
            await walk.press("escape")
        await walk.press("o", "down", "enter", "enter")
        await walk.look("decision, reason missing", DecisionScreen)
        await walk.press(*"Zaległe faktury", "enter")
        await walk.look("who are you: asked once, before the first decision", WhoAmIScreen)
        await walk.press(*"Anna", "enter")
        await walk.look("decision recorded", ResultScreen)
        await walk.press("p", "enter", "e")
        await walk.look("exported", ResultScreen)
        await walk.press("end")
        await walk.look("result, the end", ResultScreen)
        await review_walk(walk)

        await walk.press("escape", "n")
        await walk.look("names", NamesScreen)
        await walk.press("enter")
        await walk.look("names missing", NamesScreen)
        await walk.press(*"Kowalski Meble", "enter", "enter")  # the assessor is the user's name
        await walk.look("question: scale", QuestionnaireScreen)
        await walk.press("3")
        await walk.look("question: choice")
        await walk.press("9")
        await walk.look("question: a key that does nothing")
        await walk.press("2")
        await walk.look("question: yes/no with why")
        await walk.press("a")
        await walk.look("note", NoteScreen)
        await walk.press(*"Przypomnienia w maju", "enter")
        await walk.look("question with note")
        await walk.press("t", "s", "b")
        await walk.look("question skipped")
        await walk.press("u", "b")
        await walk.look("next open question, and back")
        await walk.press("o")
        await walk.look("overview", OverviewScreen)
        await walk.press("escape")
        screen = app.screen
        screen.show([q.id for q in bank.questions].index("revenue_share"))
        await walk.press("1", "2", "0", "enter")
        await walk.look("number refused")
        screen.show([q.id for q in bank.questions].index("relationship_years"))
        await walk.look("number with a unit")

        def full(record):
            raise OSError(errno.ENOSPC, "No space left on device")

        real_save = store.save_draft
        monkeypatch.setattr(store, "save_draft", full)
        await walk.press("7", "enter")
        await walk.look("draft not saved")
        monkeypatch.setattr(store, "save_draft", real_save)
        await walk.press("ctrl+s")
        await walk.press("f")
        await walk.look("finish with open questions", ConfirmScreen)
        def read_only(record):
            raise OSError(errno.EROFS, "Read-only file system")

        real_save_new = store.save_new
        monkeypatch.setattr(store, "save_new", read_only)
        await walk.press("tab", "enter")
        await walk.look("record not saved", ConfirmScreen)
        monkeypatch.setattr(store, "save_new", real_save_new)
        await walk.press("enter")
        await walk.look("fresh result", ResultScreen)
        await walk.press("end")
        await walk.look("fresh result, the end", ResultScreen)
        await walk.press("n")
        await walk.look("reassess: an answer carried over", QuestionnaireScreen)
        await walk.press("o")
        await walk.look("reassess: the overview marks what is carried over", OverviewScreen)

    assert len(walk.seen) >= 38
    assert not walk.problems, "\n".join(walk.problems)


async def review_walk(walk: Walk) -> None:
    """The review screens, from the record just decided: feedback, a refused decision, the team
    and the history of its client, then the whole table (overdue, broken), compare, filter.
    Every widget's text is checked, scrolled into view or not, so no screen needs scrolling."""
    await walk.press("f")
    await walk.look("feedback", FeedbackScreen)
    await walk.press("tab", "enter")  # the name is the user's; no stance chosen
    await walk.look("feedback: no stance", FeedbackScreen)
    await walk.press("enter", "tab", "x", "enter")
    await walk.look("feedback saved", ResultScreen)
    await walk.press("a", "enter")
    await walk.look("accept refused: accepted at another level", ResultScreen)
    await walk.press("r")
    await walk.look("reject refused: accepted", ResultScreen)
    await walk.press("h", "c")
    await walk.look("history of one: nothing to compare", HistoryScreen)
    await walk.press("escape", "escape", "end")
    await walk.look("review: demo, overdue, the broken file", ReviewScreen)
    await walk.press("home", "down", "down", "t")
    await walk.look("team: two teammates disagree, feedback", TeamScreen)
    await walk.press("escape", "down", "down", "h")
    await walk.look("history: four assessments", HistoryScreen)
    await walk.press("c", "d", "e")
    await walk.look("compare: what changed since, only the differences, exported", CompareScreen)
    await walk.press("escape", "escape", "space", "down", "space", "c")
    await walk.look("compare: two clients", CompareScreen)
    await walk.press("escape", "slash", "z")
    await walk.look("review: nothing matches", ReviewScreen)
    await walk.press("escape", "escape")
