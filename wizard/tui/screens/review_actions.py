"""The review's keys on its records: open one, mark two and compare them, a client's history and
team view, the portfolio, and what the palette offers for them.

A group of actions mixed into the review screen (screens/review.py), which binds the keys and
gives what they act on: `_current()` (the row under the cursor), `marked` (row keys, at most two)
and the table.
"""

from __future__ import annotations

from pathlib import Path

from wizard.inert import inert
from wizard.tui.palette import client_commands, command
from wizard.tui.screens.review_rows import problem_text
from wizard.tui.widgets.virtual_table import VirtualTable


class RecordActions:
    def on_virtual_table_row_selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()  # Enter, or a click on the highlighted row
        self.action_open()

    def action_open(self) -> None:
        row = self._current()
        if row is None:
            return
        if row.summary is None:
            self.notify(self.t("tui.review.detail_broken", name=inert(row.path.name), reason=problem_text(row.problems)),
                        severity="error", timeout=10)
            return
        self.app.open_record(row.path)

    def action_mark(self) -> None:
        row = self._current()
        if row is None:
            return
        if row.summary is None:
            self.notify(self.t("tui.review.cannot_mark_broken"), severity="warning")
            return
        if row.key in self.marked:
            self.marked.remove(row.key)
        else:
            self.marked = [*self.marked, row.key][-2:]  # a third mark drops the oldest
        self.query_one("#review-table", VirtualTable).refresh_rows()
        self._show_detail()

    def action_compare(self) -> None:
        keys = list(self.marked)
        row = self._current()
        if len(keys) == 1 and row is not None and row.summary is not None and row.key not in keys:
            keys.append(row.key)
        if len(keys) != 2:
            self.notify(self.t("tui.review.mark_two"), timeout=6)
            return
        self.app.compare_paths(Path(keys[0]), Path(keys[1]))

    def _client(self) -> str | None:
        row = self._current()
        if row is None:
            return None
        if row.summary is None:
            self.notify(self.t("tui.review.no_client_broken"), severity="warning")
            return None
        return row.summary.client

    def action_history(self) -> None:
        client = self._client()
        if client is not None:
            self.app.show_history(client)

    def action_team(self) -> None:
        client = self._client()
        if client is not None:
            self.app.show_team(client)

    def action_portfolio(self) -> None:
        self.app.show_portfolio()

    def palette_commands(self):
        yield command(self, "tui.cmd.compare", self.action_compare)
        current = self._current()
        yield from client_commands(self, current.summary.client if current is not None and current.summary else None)
