"""Text from files is inert on every screen: a records folder full of escape codes, OSC 52,
concealed text, C1 and bidi controls, separators and markup, walked screen by screen. What the
terminal is sent (every painted cell) and what every widget holds never has a raw control."""

from __future__ import annotations

import argparse

from tests.hostile import build, ledger_file, raw_in
from tests.tui.support import all_text, make_app
from wizard.tui.screens.compare import CompareScreen
from wizard.tui.dialogs.decide import DecisionScreen
from wizard.tui.dialogs.feedback import FeedbackScreen
from wizard.tui.screens.history import HistoryScreen
from wizard.tui.screens.names import NamesScreen
from wizard.tui.dialogs.note import NoteScreen
from wizard.cli.ledger import draw
from wizard.tui.dialogs.overview import OverviewScreen
from wizard.tui.screens.portfolio import PortfolioScreen
from wizard.tui.screens.questionnaire import QuestionnaireScreen
from wizard.tui.screens.questionnaire_dialogs import edit_names
from wizard.tui.screens.result import ResultScreen
from wizard.tui.screens.review import ReviewScreen
from wizard.tui.screens.team import TeamScreen


def painted(app) -> str:
    """Every cell's text the compositor would send to the terminal, toasts included."""
    update = app.screen._compositor.render_update(full=True)
    return "".join(segment.text for strip in update.strips for segment in strip)


async def test_no_screen_shows_a_raw_control_character(bank, store, tmp_path):
    made = build(store, bank)
    ledger = draw(argparse.Namespace(map=None, since=None, until=None, currency=None, questions=None),
                  str(ledger_file(tmp_path)), "en")  # read as --ledger reads it
    app = make_app(bank, store, "en", ledger=ledger)
    seen, leaks = [], []

    async def look(where: str, expected=None) -> None:
        await pilot.pause()
        if expected is not None:
            assert isinstance(app.screen, expected), (where, app.screen)
        seen.append(where)
        found = raw_in(painted(app) + all_text(app))
        if found:
            leaks.append(f"{where}: {found}")

    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await look("home: the hostile draft, the broken file")
        await pilot.press("p")
        await look("portfolio, with the ledger", PortfolioScreen)
        await pilot.press("end")
        await look("portfolio: the hostile client's ledger row")
        await pilot.press("escape", "v")
        await look("review table", ReviewScreen)
        await pilot.press("end")
        await look("review: the broken row's detail")
        await pilot.press("home", "enter")
        await look("record", ResultScreen)
        await pilot.press("end")
        await look("record, the end: decision, history")
        await pilot.press("f")
        await look("feedback dialog", FeedbackScreen)
        await pilot.press("escape", "o")
        await look("decision dialog: the reason offered again", DecisionScreen)
        await pilot.press("escape", "t")
        await look("team", TeamScreen)
        await pilot.press("h")
        await look("history", HistoryScreen)
        await pilot.press("c")
        await look("compare", CompareScreen)
        await pilot.press("escape", "escape", "escape", "escape", "escape")
        await pilot.press("r")
        await look("questionnaire: the hostile draft", QuestionnaireScreen)
        await pilot.press("a")
        await look("note dialog: the note offered again", NoteScreen)
        await pilot.press("escape", "o")
        await look("overview", OverviewScreen)
        await pilot.press("escape")
        edit_names(app.screen)
        await look("names dialog", NamesScreen)
        await pilot.press("escape")
        await look("questionnaire again")
    assert len(seen) == 17
    assert not leaks, "\n".join(leaks)
    assert made["record1"][0].exists()
