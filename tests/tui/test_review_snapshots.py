"""Snapshots of the review screens at 80×24, on the demo folder made on a fixed day with fixed ids
(review changes with `pytest --snapshot-update`, then look at the pictures)."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.review_data import path_of
from tests.tui.support import make_app
from wizard.cli.demo_folder import KOWALSKI, NORTHWIND

SIZE = (80, 24)


def still(pilot) -> None:
    """Input cursors blink; a snapshot wants them still."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


def test_review_table_marked_overdue_broken(snap_compare, bank, store, with_broken):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("space", "down", "down", "down", "space", "down", "down", "down")  # on the overdue one
        still(pilot)

    assert snap_compare(make_app(bank, store, command="review"), terminal_size=SIZE, run_before=run_before)


def test_review_filtered_in_polish(snap_compare, bank, store, demo):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("slash", *"kowal")
        await pilot.pause()
        still(pilot)

    assert snap_compare(make_app(bank, store, "pl", command="review"), terminal_size=SIZE, run_before=run_before)


def test_compare_what_changed(snap_compare, bank, store, demo):
    older, _ = path_of(store, demo, KOWALSKI, 0)
    newer, _ = path_of(store, demo, KOWALSKI, -1)

    async def run_before(pilot):
        await pilot.pause()
        pilot.app.compare_paths(older, newer)
        await pilot.pause()

    assert snap_compare(make_app(bank, store), terminal_size=SIZE, run_before=run_before)


def test_history(snap_compare, bank, store, demo):
    async def run_before(pilot):
        await pilot.pause()
        pilot.app.show_history(KOWALSKI)
        await pilot.pause()

    assert snap_compare(make_app(bank, store), terminal_size=SIZE, run_before=run_before)


def test_team(snap_compare, bank, store, demo):
    async def run_before(pilot):
        await pilot.pause()
        pilot.app.show_team(NORTHWIND)
        await pilot.pause()
        pilot.app.screen.query_one("#team-body").scroll_to(y=6, animate=False)
        await pilot.pause()

    assert snap_compare(make_app(bank, store), terminal_size=SIZE, run_before=run_before)


def test_feedback_dialog(snap_compare, bank, store, demo):
    path, _ = path_of(store, demo, KOWALSKI, -1)

    async def run_before(pilot):
        await pilot.pause()
        pilot.app.open_record(path)
        await pilot.pause()
        await pilot.press("f", *"Ewa", "enter", "down")
        await pilot.pause()
        still(pilot)

    assert snap_compare(make_app(bank, store), terminal_size=SIZE, run_before=run_before)


def test_record_refused_by_the_lifecycle(snap_compare, bank, store, demo):
    path, _ = path_of(store, demo, KOWALSKI, 0)  # superseded

    async def run_before(pilot):
        await pilot.pause()
        pilot.app.open_record(path)
        await pilot.pause()
        await pilot.press("a")  # refused before any dialog
        await pilot.pause()

    assert snap_compare(make_app(bank, store), terminal_size=SIZE, run_before=run_before)
