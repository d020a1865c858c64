"""The command palette's entries, in the app's language (Textual's own are English).

Every screen gets the app's commands; a screen adds its own through `palette_commands()`
(wizard/tui/base.py), so the app never asks which screen it is looking at.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from textual.app import SystemCommand
from textual.screen import Screen

from wizard.render.paths import short_path
from wizard.tui.folder_read import read_folder

if TYPE_CHECKING:
    from wizard.tui.app import ClientExitApp

LANGUAGE_NAMES = {"en": "English", "pl": "polski"}


def command(owner, key: str, callback: Callable[[], object], *, help: str | None = None,
            **values: object) -> SystemCommand:
    """The command `key` (its title may name `values`), explained by `help` (`key.help` unless said)."""
    return SystemCommand(owner.t(key, **values), owner.t(help or f"{key}.help"), callback)


def client_commands(owner, client: str | None) -> Iterator[SystemCommand]:
    """A client's history and team view: offered by the screens of saved records only, never on
    the way to or inside a questionnaire (nobody sees the others' answers then)."""
    if client:
        yield command(owner, "tui.cmd.history", partial(owner.app.show_history, client), client=client)
        yield command(owner, "tui.cmd.team", partial(owner.app.show_team, client), client=client)


def export_view(screen) -> SystemCommand:
    """Export the view on screen as Markdown (a record's own export is explained otherwise)."""
    return command(screen, "tui.cmd.export", screen.action_export, help="tui.cmd.export_view.help")


def app_commands(app: ClientExitApp, screen: Screen) -> Iterator[SystemCommand]:
    """Language, theme and help; then what `screen` offers; then where to go, and quit."""
    other = "pl" if app.lang == "en" else "en"
    yield command(app, "tui.cmd.language", app.action_toggle_language, language=LANGUAGE_NAMES[other])
    yield command(app, "tui.cmd.toggle_theme", app.action_toggle_theme)
    yield command(app, "tui.cmd.theme", app.action_change_theme)
    yield command(app, "tui.cmd.help", app.action_help)
    yield from getattr(screen, "palette_commands", tuple)()
    yield command(app, "tui.cmd.new", app.new_assessment)
    if any(entry.record is not None for entry in read_folder(app.store.scan_drafts, app.bank)[0]):
        yield command(app, "tui.cmd.resume", app.resume_newest)
    yield command(app, "tui.cmd.records", app.show_review)
    yield command(app, "tui.cmd.portfolio", app.show_portfolio)
    if screen is not app.screen_stack[0]:  # the home screen is the bottom of the stack
        yield command(app, "tui.cmd.home", app.go_home)
    yield command(app, "tui.cmd.screenshot", partial(screenshot_when_drawn, app))
    yield command(app, "tui.cmd.quit", app.action_quit)


def screenshot_when_drawn(app: ClientExitApp) -> None:
    """Save the screen as SVG in the current folder. From the command palette, the picture
    is taken once the palette has gone and the screen under it is drawn again: taken at
    once, it caught the screen half-composed (blank but for the title)."""
    from textual.command import CommandPalette

    if CommandPalette.is_open(app) or isinstance(app.screen, CommandPalette):
        app.call_after_refresh(screenshot_when_drawn, app)
        return
    app.screen.refresh()
    app.call_after_refresh(_save_screenshot, app)


def _save_screenshot(app: ClientExitApp) -> None:
    path = app.save_screenshot(path=str(Path.cwd()))
    app.notify(app.t("tui.screenshot.saved", path=short_path(path)), timeout=6)
