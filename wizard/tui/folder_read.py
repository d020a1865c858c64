"""Reading the records folder for a screen: its errors shown on the screen, and, for
`client-exit review`, the first read done in a thread while Textual starts."""

from __future__ import annotations

import threading
from typing import Callable


def read_folder(scan, *args) -> tuple[list, OSError | None]:
    """The entries of a store scan, or none and the error when the folder cannot be read."""
    try:
        return scan(*args), None
    except OSError as error:
        return [], error


class FolderRead:
    """The summaries of the records folder, read in a thread while the app starts: at 10,000
    records the read takes a good part of a second, and Textual's start-up mostly waits."""

    def __init__(self, summaries: Callable, bank: Callable) -> None:
        self._summaries, self._bank = summaries, bank
        self._outcome: tuple[list, OSError | None] | None = None
        self._thread = threading.Thread(target=self._read, name="client-exit-folder-read", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            self._outcome = read_folder(self._summaries, self._bank)
        except Exception:  # noqa: BLE001  (a broken bank: the app reports it when it loads it itself)
            self._outcome = None

    def result(self) -> tuple[list, OSError | None] | None:
        self._thread.join()
        return self._outcome
