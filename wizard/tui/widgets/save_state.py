"""Whether the draft's answers reached the disk: "saved", or why not (said once, loudly, when
a save fails)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wizard.model.draft import Draft
from wizard.tui.base import Translated


class SaveState(Translated, Static):
    def show(self, draft: Draft, *, announce: bool = False) -> None:
        error = draft.error
        if error is None and draft.saved:
            self.update(Content(self.t("tui.q.saved")))
            self.set_class(False, "-unsaved")
        else:
            self.update(Content(self.t("tui.q.not_saved", reason=save_failure(error, self.lang))))
            self.set_class(True, "-unsaved")
        if announce and error is not None:
            self.notify(self.t("tui.q.save_failed", reason=save_failure(error, self.lang)),
                        title=self.t("tui.q.save_title"), severity="error", timeout=10)


def save_failure(error: OSError | None, lang: str) -> str:
    """Why a save failed, in words (a `?` when nobody knows)."""
    from wizard.storage.files import reason

    return "?" if error is None else reason(error, lang)
