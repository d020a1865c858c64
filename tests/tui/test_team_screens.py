"""The screens say what the command line says: conflicting accepted decisions are marked in the
review table and the team view, with each teammate's confidence and the feedback that disagrees."""

from __future__ import annotations

from tests.tui.support import make_app, visible_text, widget_text
from tests.unit.review_support import make_record
from wizard.model.lifecycle import decide
from wizard.render.team import consensus_detail
from wizard.model.team import team_view
from wizard.tui.screens.team import TeamScreen


async def test_conflicting_decisions_are_marked_on_the_review_and_team_screens(bank, store):
    a = decide(make_record(bank, assessor="Anna"), "accepted", by="Anna", level="revise_terms", reason="r")
    b = decide(make_record(bank, assessor="Marek", days=1), "accepted", by="Marek", level="prepare_exit", reason="r")
    for record in (a, b):
        store.save_new(record)
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = visible_text(app)
        assert "≠ 2 accepted decisions disagree" in text and text.count("≠ accepted") == 2
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)
        shown = widget_text(app.screen)
        assert f"⚠ Accepted decisions disagree: Revise the terms ({a.id}, Anna)" in shown
        for line in consensus_detail(team_view(bank, [a, b], "Acme"), bank, "en"):
            assert line in shown  # the same lines as `client-exit team`
