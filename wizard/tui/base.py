"""What every screen of the wizard shares: texts in the app's language, re-rendered on a switch."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, TypeVar

from textual.screen import ModalScreen, Screen

from wizard.i18n import t

if TYPE_CHECKING:
    from textual.app import SystemCommand

    from wizard.model.draft import Draft

ResultType = TypeVar("ResultType")


class Translated:
    """Mixed into screens: `self.t(key)` in the app's language and `apply_language()`."""

    @property
    def lang(self) -> str:
        return getattr(self.app, "lang", "en")  # type: ignore[attr-defined]

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    async def apply_language(self) -> None:
        """Show every text again in the app's (new) language. Screens with state override it."""
        await self.recompose()  # type: ignore[attr-defined]
        self.refresh_bindings()  # type: ignore[attr-defined]

    def palette_commands(self) -> Iterable[SystemCommand]:
        """What this screen adds to the command palette (wizard/tui/palette.py): nothing, unless
        it says otherwise."""
        return ()


class WizardScreen(Translated, Screen[ResultType]):
    draft: Draft | None = None  # the draft this screen edits: the app saves it before it quits

    def export(self, target: Path, text: str, root: Path | None = None) -> Path | None:
        """Write a Markdown export (wizard/storage/exports.py) inside `root` (the records folder
        unless said) and say where it went, or why it could not be written."""
        from wizard.render.paths import short_path
        from wizard.storage import exports, files

        try:
            exports.write_export(self.app.store.root if root is None else root, target, text)
        except OSError as error:
            self.notify(self.t("tui.result.write_failed", path=short_path(target),
                               reason=files.reason(error, self.lang)), severity="error", timeout=10)
            return None
        self.notify(self.t("tui.result.exported", path=short_path(target)), timeout=8)
        return target


class WizardModal(Translated, ModalScreen[ResultType]):
    pass
