"""Screenshots (ctrl+p → Screenshot) show the screen: on every screen, the SVG holds its text,
never only the title (the palette used to be caught closing, the screen under it half drawn)."""

from __future__ import annotations

import html
import re

from tests.tui.review_data import path_of
from tests.tui.support import make_app
from wizard.cli.demo_folder import KOWALSKI, NORTHWIND


def texts(svg: str) -> str:
    return html.unescape(" ".join(re.findall(r">([^<]+)</text>", svg))).replace("\xa0", " ")


async def screenshot(pilot, folder) -> str:
    before = set(folder.glob("*.svg"))
    await pilot.press("ctrl+p")
    await pilot.pause(0.2)
    await pilot.press(*"Screenshot")
    await pilot.pause(0.3)
    await pilot.press("enter")
    for _ in range(20):
        await pilot.pause(0.05)
        made = set(folder.glob("*.svg")) - before
        if made:
            return made.pop().read_text(encoding="utf-8")
    raise AssertionError("no screenshot was written")


async def test_every_screen_screenshot_shows_the_screen(bank, store, demo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    newer, _ = path_of(store, demo, KOWALSKI, -1)
    older, _ = path_of(store, demo, KOWALSKI, 0)
    app = make_app(bank, store)
    screens = [
        ("home", lambda: None, "Start a new assessment"),
        ("review", app.show_review, "Saved decisions"),
        ("record", lambda: app.open_record(newer), "Client assessment: Kowalski Meble"),
        ("history", lambda: app.show_history(KOWALSKI), "History: Kowalski Meble"),
        ("team", lambda: app.show_team(NORTHWIND), "Team view: Northwind"),
        ("compare", lambda: app.compare_paths(older, newer), "What changed since"),
        ("questionnaire", lambda: app.new_assessment("Acme", "Anna"), "How often does the client pay"),
    ]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for name, go, expected in screens:
            app.go_home()
            await pilot.pause()
            go()
            await pilot.pause()
            shown = texts(await screenshot(pilot, tmp_path))
            assert expected in shown, (name, shown[:200])
            assert len(shown.split()) > 30, name  # the whole screen, not the title alone
