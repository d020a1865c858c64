"""The question bank, loaded when first asked for: the home screen paints first, then asks."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from wizard.model.bank import Bank


class LateBank:
    """A bank given as it is, or as the function that loads it: then loaded once, on the first
    `get()`, while another thread (the folder read) may ask for it at the same time."""

    def __init__(self, bank: Bank | Callable[[], Bank]) -> None:
        self._loader = bank if callable(bank) else None
        self._bank: Bank | None = None if callable(bank) else bank
        self._lock = threading.Lock()
        self.error: BaseException | None = None  # the loader's, when `ready()` found it failing

    def get(self) -> Bank:
        if self._bank is None:
            with self._lock:
                if self._bank is None:
                    self._bank = self._loader()
        return self._bank

    def ready(self) -> bool:
        """Load the bank if it is not yet; False (and the loader's error kept) when it cannot be."""
        try:
            self.get()
        except Exception as error:  # noqa: BLE001  (the loader's own error, for the caller to report)
            self.error = error
            return False
        return True
