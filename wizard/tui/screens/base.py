"""What every screen of the wizard shares: texts in the app's language, re-rendered on a switch."""

from __future__ import annotations

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
    pass


def read_folder(scan, *args) -> tuple[list, OSError | None]:
    """The entries of a store scan, or none and the error when the folder cannot be read."""
    try:
        return scan(*args), None
    except OSError as error:
        return [], error


class WizardModal(Translated, ModalScreen[ResultType]):
    pass
