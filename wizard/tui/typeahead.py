"""Keys typed before a screen was on top never act on it.

A key is meant for the screen the user saw when they pressed it. When the app is busy (a dialog
closing, a record being saved, a screen being built), keys pile up and are handled only after
the screen has changed: then a stray letter would land in a note, a reason or the number
field, and a stray Enter would press a dialog's button. Every key event carries the time it
was read; a key read before the current screen came on top is dropped.
"""

from __future__ import annotations

from textual import events
from textual._time import get_time  # the clock of `Message.time`, so the two compare


class TypeAhead:
    def __init__(self) -> None:
        self.since = get_time()

    def screen_changed(self, _screen: object = None) -> None:
        """Called (at once, not queued) whenever another screen comes on top."""
        self.since = get_time()

    def stale(self, event: events.Event) -> bool:
        """True for a key read before the screen now on top was shown."""
        return isinstance(event, events.Key) and not event.is_forwarded and event.time < self.since
