"""What every screen of the wizard shares: texts in the app's language, re-rendered on a switch."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from textual.screen import ModalScreen, Screen

from wizard.i18n import t

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


class WizardScreen(Translated, Screen[ResultType]):
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


def read_folder(scan, *args) -> tuple[list, OSError | None]:
    """The entries of a store scan, or none and the error when the folder cannot be read."""
    try:
        return scan(*args), None
    except OSError as error:
        return [], error


class WizardModal(Translated, ModalScreen[ResultType]):
    pass
