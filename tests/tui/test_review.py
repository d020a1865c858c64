"""The review screen: every record in one table, filtered as you type, overdue and broken files
marked, a record opened in full, two records marked and compared."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.review_data import BROKEN, path_of
from tests.tui.support import make_app, visible_text
from wizard.cli.demo_folder import KOWALSKI, NORTHWIND
from wizard.storage.record_reader import read_record
from wizard.tui.screens.compare import CompareScreen
from wizard.tui.screens.result import ResultScreen
from wizard.tui.screens.review import ReviewScreen
from wizard.tui.widgets.virtual_table import VirtualTable


def table(app) -> VirtualTable:
    return app.screen.query_one("#review-table", VirtualTable)


def column(app, key: str) -> list[str]:
    grid = table(app)
    return [grid.get_cell(row, key).plain for row in grid.rows]


def detail(app) -> str:
    return str(app.screen.query_one("#review-detail").render())


async def type_filter(app, pilot, text: str) -> None:
    """What `/`, the text and Enter do, without the time typing takes in a test."""
    await pilot.press("slash")
    app.screen.query_one("#filter", Input).value = text
    await pilot.press("enter")


async def open_review(app, pilot) -> None:
    await pilot.pause()
    assert isinstance(app.screen, ReviewScreen)


async def test_every_record_newest_first_overdue_and_broken_marked(bank, store, with_broken):
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(app, pilot)
        dates = column(app, "date")
        assert len(dates) == len(with_broken.records) + 1
        assert dates[:-1] == sorted(dates[:-1], reverse=True)
        clients = column(app, "client")
        assert clients[-1].startswith(BROKEN) and "not valid TOML" in clients[-1]  # the file and why
        assert column(app, "level")[-1] == "✗ broken"
        [overdue] = with_broken.overdue
        overdue_record = next(r for r in with_broken.records if r.id == overdue)
        due = dict(zip(clients, column(app, "due")))
        assert due[overdue_record.client] == f"⚠ {overdue_record.review_date.isoformat()}"
        assert all(not d.startswith("⚠") for c, d in due.items() if c != overdue_record.client)
        assert "10 records · 1 overdue · 1 broken" in visible_text(app)
        await pilot.press("end")
        assert f"{BROKEN} cannot be read" in detail(app)
        await pilot.press("enter")  # a broken file is explained, never opened
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_filtered_as_you_type_by_client_level_status_assessor(bank, store, demo):
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(app, pilot)

        async def shown(text: str) -> list[str]:
            app.screen.query_one("#filter", Input).value = text  # as typed (typing is slow in tests)
            await pilot.pause()
            return column(app, "client")

        await pilot.press("slash", *"łódź")  # typed: filtered at every key
        assert column(app, "client") == ["Zielony Ogród Łódź"]
        assert await shown("LODZ") == ["Zielony Ogród Łódź"]  # no case, no accents needed
        assert set(await shown("prepare")) == {KOWALSKI, NORTHWIND}
        assert len(await shown("superseded")) == 3
        assert set(await shown("marek")) == {NORTHWIND, "Brightline Analytics"}
        assert await shown("kowalski proposed") == [KOWALSKI]  # every word must match
        assert await shown("overdue") == ["Zielony Ogród Łódź"]
        assert "1 of 10 shown" in visible_text(app)
        assert await shown("nobody") == []
        assert "Nothing matches “nobody”" in detail(app)
        await pilot.press("escape")  # clears the filter, back in the table
        await pilot.pause()
        assert len(column(app, "client")) == 10
        assert app.screen.query_one("#filter", Input).value == ""
        assert app.screen.focused is table(app)


async def test_enter_opens_the_record_and_the_table_follows_a_decision(bank, store, demo, named):
    path, record = path_of(store, demo, NORTHWIND, 0)  # Anna's, proposed
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        await type_filter(app, pilot, "northwind proposed")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen) and app.screen.path == path
        await pilot.press("r", "shift+tab", "enter")  # reject (the dialog's default is No)
        await pilot.pause()
        assert read_record(path, bank).status == "rejected"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert column(app, "status") == []  # read again: no longer "proposed", so filtered out
        await type_filter(app, pilot, "northwind rejected")
        assert column(app, "status") == ["rejected"]


async def test_mark_two_records_and_compare_them(bank, store, demo):
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_review(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        assert "Mark two records with the space bar" in visible_text(app)
        app.clear_notifications()
        await pilot.press("space", "down", "space", "down", "space")  # a third mark drops the first
        await pilot.pause()
        marked = [row for row in app.screen.shown if row.key in app.screen.marked]
        assert [row.summary.client for row in marked] == column(app, "client")[1:3]
        assert column(app, "date")[0] == app.screen.shown[0].summary.created.strftime("%Y-%m-%d")
        assert "Press c to compare them." in str(app.screen.query_one("#review-marks").render())
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert {app.screen.first.id, app.screen.second.id} == {row.summary.id for row in marked}
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_one_mark_compares_with_the_row_under_the_cursor(bank, store, demo):
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        await type_filter(app, pilot, "kowalski")
        await pilot.press("space", "end", "c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.comparison.same_client and screen.comparison.since is not None


async def test_a_refilled_table_keeps_the_cursor(bank, store, demo):
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        assert table(app).row_count == 10
        await pilot.press("end", "up")
        key = app.screen._cursor_key()
        await pilot.press("slash", "a", "backspace")  # filtered again: every row, refilled
        await pilot.pause()
        assert table(app).row_count == 10 and app.screen._cursor_key() == key


async def test_an_empty_folder_says_so(bank, store):
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "No saved decisions yet" in visible_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen)


async def test_home_opens_the_review_and_escape_goes_home(bank, store, demo):
    app = make_app(bank, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Review saved decisions (10)" in visible_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.screen_stack) == 1


async def test_language_switch_keeps_the_filter_and_the_marks(bank, store, demo):
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        await pilot.press("space", "slash", *"a", "enter", "f2")
        await pilot.pause()
        assert column(app, "status")[0] in ("zaakceptowany", "roboczy", "zaproponowany", "zastąpiony")
        assert app.screen.query_one("#filter", Input).value == "a"
        assert len(app.screen.marked) == 1


async def test_the_mouse_moves_the_cursor_and_a_second_click_opens(bank, store, demo):
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        await pilot.click("#review-table", offset=(20, 3))  # the header is line 0: the third row
        await pilot.pause()
        assert table(app).cursor_row == 2 and app.screen._current() is app.screen.shown[2]
        await pilot.click("#review-table", offset=(20, 3))
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen) and app.screen.path == app.screen_stack[-2].shown[2].path


async def test_page_keys_move_by_a_screenful_and_keep_the_cursor_in_view(bank, store, demo):
    app = make_app(bank, store, command="review")
    async with app.run_test(size=(100, 14)) as pilot:  # a table shorter than ten rows
        await open_review(app, pilot)
        grid = table(app)
        page = grid.scrollable_content_region.height - 1
        assert 0 < page < 10
        await pilot.press("pagedown")
        assert grid.cursor_row == page
        await pilot.press("end")
        await pilot.pause()
        assert grid.cursor_row == 9 and grid.scroll_y + page > 9
        await pilot.press("pageup", "home")
        await pilot.pause()
        assert grid.cursor_row == 0 and grid.scroll_y == 0
