"""The review table's rows: one per record file, from the list cache; what the filter looks in,
what each column needs in width, the counts above the table and the line about the highlighted
row. The review screen (screens/review.py) shows them; `RowCells` draws a row's cells.

Built for big folders: a row keeps the file's summary only (never the full record), and the
folded text the filter looks in is made the first time a filter is typed, not per row at open.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Sequence

from wizard.i18n import day, t
from wizard.inert import inert
from wizard.model.bank import LEVELS, Bank
from wizard.model.clients import fold
from wizard.model.conflicts import conflicting_clients
from wizard.model.lifecycle import is_overdue
from wizard.model.problems import Problem
from wizard.model.records import STATUSES
from wizard.render.report import level_label, short_level_label
from wizard.storage.index import Listed, Summary
from wizard.tui.cells import Cell, width_of
from wizard.tui.styles.colours import colour, level_style

COLUMNS = ("date", "client", "assessor", "level", "score", "status", "due")
SAMPLE = 2_000  # records whose names set the width of the name columns
MARK = "●"  # drawn in the gap before the date of a marked row


@dataclass(slots=True)
class ReviewRow:
    """One record file as the table shows it (not frozen: 10,000 are made at once, and a frozen
    dataclass is slower to make; nothing changes a row but its search cache)."""

    path: Path
    summary: Summary | None  # None: the file is broken
    problems: tuple[Problem, ...]
    overdue: bool
    # The folded text the filter looks in: made the first time a filter is typed, not per row at open.
    search: str | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        """The file's path as text, also the table's row key (made when asked: most rows never are)."""
        return str(self.path)


class RowKeys(Sequence[str]):
    """The keys of a list of rows, for the table, without a list of 10,000 strings."""

    def __init__(self, rows: list[ReviewRow]) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):  # type: ignore[override]
        return self._rows[index].key


def problem_text(problems: tuple[Problem, ...]) -> str:
    """Why a file is broken, without its name (the row already shows it)."""
    parts = [f"{p.field}: {p.message}" if p.field else p.message for p in problems]
    return inert("; ".join(parts)) or "?"


def _row(item: Listed, today: date) -> ReviewRow:
    summary = item.summary
    if summary is None:
        return ReviewRow(item.path, None, item.problems, False)
    # is_overdue needs only the review date and the status
    return ReviewRow(item.path, summary, (), is_overdue(summary, today))


class ReviewRows:
    """Every record file of the folder as a row, newest first and broken last, with the words
    its columns show in `lang` (the filter finds what is shown)."""

    def __init__(self, listed: Iterable[Listed], today: date, lang: str) -> None:
        self.lang = lang
        self.levels = {level: short_level_label(level, lang) for level in LEVELS}  # never cut
        self.statuses = {status: t(f"status.{status}", lang) for status in STATUSES}
        self.rows = [_row(item, today) for item in listed]
        # Accepted decisions on one client that disagree: marked in the status column.
        self.conflicts = {r.id for items in conflicting_clients(r.summary for r in self.rows if r.summary).values()
                          for r in items}
        self.broken = sum(1 for r in self.rows if r.summary is None)
        self.overdue = sum(1 for r in self.rows if r.overdue)

    def change_from(self, before: list[ReviewRow], query: str) -> str:
        """What showing these rows instead of `before` takes: "rebuild" when the files are others
        (or there were or are none), "refill" when a changed row now meets the filter `query`
        otherwise, else "redraw" (the same rows, some drawn otherwise)."""
        if [r.key for r in before] != [r.key for r in self.rows] or not before or not self.rows:
            return "rebuild"
        changed = {new.key: new for old, new in zip(before, self.rows) if old != new}
        if any(self.matches(old, query) != self.matches(changed[old.key], query) for old in before if old.key in changed):
            return "refill"
        return "redraw"

    def level(self, summary: Summary) -> str:
        return self.levels.get(summary.level, "—") if summary.level else "—"

    def readable_keys(self) -> set[str]:
        return {row.key for row in self.rows if row.summary is not None}

    # -- the filter ---------------------------------------------------------------------------

    def _search(self, row: ReviewRow) -> str:
        if row.search is not None:
            return row.search
        summary = row.summary
        if summary is None:
            words = " ".join((row.path.name, t("tui.review.broken", self.lang), problem_text(row.problems)))
        else:
            words = f"{summary.created:%Y-%m-%d} {summary.client} {summary.assessor} {self.level(summary)} " \
                    f"{self.statuses[summary.status]}"
            if row.overdue:
                words += " " + t("tui.review.overdue", self.lang)
        row.search = search = fold(words)
        return search

    def matches(self, row: ReviewRow, query: str) -> bool:
        terms = fold(query).split()
        return not terms or all(term in self._search(row) for term in terms)

    def filtered(self, query: str) -> list[ReviewRow]:
        terms = fold(query).split()
        if not terms:
            return list(self.rows)
        return [row for row in self.rows if all(term in self._search(row) for term in terms)]

    # -- what the screen says about them --------------------------------------------------------

    def natural_widths(self) -> dict[str, int]:
        """Each column's natural width: its longest text or its label. Names are measured in a
        sample of a big folder (evenly spread): a longer one is cut with an ellipsis, in full below."""
        readable = [r.summary for r in self.rows if r.summary is not None]
        named = readable[::max(1, len(readable) // SAMPLE)]
        broken = [width_of(r.path.name) + 12 for r in self.rows if r.summary is None]
        natural = {
            "date": 10,
            "client": max([width_of(c) for c in {s.client for s in named}] + broken + [6]),
            "assessor": max([width_of(a) for a in {s.assessor for s in named}] + [3]),
            "level": max([width_of(self.levels[level]) for level in {s.level for s in readable} if level] + [1]),
            "score": 3,
            "status": max([width_of(self.statuses[status]) for status in {s.status for s in readable}] + [3])
            + (2 if self.conflicts else 0),  # "≠ " marks an accepted decision another one contradicts
            "due": 12 if any(r.overdue for r in self.rows) else 10,
        }
        want = {key: max(natural[key], width_of(t(f"tui.review.col.{key}", self.lang))) for key in COLUMNS}
        want["client"] = min(want["client"], 40)
        want["assessor"] = min(want["assessor"], 24)
        return want

    def counts(self, shown: list[ReviewRow]) -> str:
        """How many records (of them, how many `shown`), overdue, in conflict and broken."""
        total = len(self.rows) - self.broken
        if len(shown) == len(self.rows):
            parts = [t("tui.review.count", self.lang, count=total)]
        else:
            count = sum(1 for r in shown if r.summary is not None)
            parts = [t("tui.review.count_filtered", self.lang, shown=count, count=total)]
        if self.overdue:
            parts.append(t("tui.review.count_overdue", self.lang, count=self.overdue))
        if self.conflicts:
            parts.append(t("tui.review.count_conflicts", self.lang, count=len(self.conflicts)))
        if self.broken:
            parts.append(t("tui.review.count_broken", self.lang, count=self.broken))
        return " · ".join(parts)

    def detail(self, row: ReviewRow, bank: Bank) -> str:
        """The highlighted row in one line: names in full, the decision, the status, the review."""
        lang = self.lang
        if row.summary is None:
            return t("tui.review.detail_broken", lang, name=inert(row.path.name), reason=problem_text(row.problems))
        summary = row.summary
        recommended = level_label(bank, summary.recommended, lang) if summary.recommended else "—"
        if summary.decided:
            level = t("tui.review.detail_decided", lang, level=level_label(bank, summary.decided, lang),
                      recommended=recommended)
        else:
            level = t("tui.review.detail_recommended", lang, level=recommended)
        due = day(summary.review_date, lang) if summary.review_date else "—"
        review = t("tui.review.detail_overdue" if row.overdue else "tui.review.detail_due", lang, date=due)
        parts = [inert(summary.client), inert(summary.assessor) or "?", level, t(f"status.{summary.status}", lang), review]
        if summary.id in self.conflicts:
            parts.append(t("tui.review.detail_conflict", lang))
        return " · ".join(parts)

    def marks(self, marked: list[str]) -> str:
        """The marked records (at most two), and what to do with them."""
        if not marked:
            return ""
        names = []
        for key in marked:
            row = next((r for r in self.rows if r.key == key), None)
            if row is not None and row.summary is not None:
                names.append(f"{inert(row.summary.client)} {row.summary.created:%Y-%m-%d}")
        hint = "tui.review.marks_two" if len(marked) == 2 else "tui.review.marks_one"
        return t(hint, self.lang, names=" · ".join(names))


def read_rows(read: Callable[[], tuple[list, OSError | None]], today: date, lang: str
              ) -> tuple[ReviewRows, OSError | None]:
    """The rows of the folder `read` lists, and its error. Tens of thousands of long-lived
    objects, none in a cycle: the cycle collector would walk them while they are made and at
    every collection after (at 10,000 records, a good part of the time the screen takes). So it
    is off while they are made, and then they are kept out of its way (gc.freeze) until the
    screen goes (its on_unmount: gc.unfreeze)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        listed, error = read()
        return ReviewRows(listed, today, lang), error
    finally:
        if collecting:
            gc.enable()
            gc.freeze()


class RowCells:
    """A row's cells in the theme's colours (worked out once per fill, not once per cell); one
    Cell shared by every row showing the same level, status, score or date: less memory."""

    def __init__(self, app, folder: ReviewRows) -> None:
        self._folder = folder
        self._styles = {
            "plain": colour(app, ""), "muted": colour(app, "", dim=True), "mark": colour(app, "accent", bold=True),
            "error": colour(app, "text-error"), "alarm": colour(app, "text-error", bold=True),
            **{level: level_style(app, level) for level in LEVELS},
        }
        self._cache: dict[tuple, Cell] = {}

    def _shared(self, plain: str, style: str, right: bool = False) -> Cell:
        key = (plain, style, right)
        cell = self._cache.get(key)
        if cell is None:
            cell = self._cache[key] = Cell(plain, self._styles.get(style, ""), right=right)
        return cell

    def row(self, row: ReviewRow, marked: list[str]) -> tuple[Cell, ...]:
        styles, shared, folder = self._styles, self._shared, self._folder
        summary = row.summary
        if summary is None:
            return (Cell("—", styles["error"]), Cell(f"{row.path.name} — {problem_text(row.problems)}", styles["error"]),
                    shared("", ""), shared("✗ " + t("tui.review.broken", folder.lang), "alarm"),
                    shared("", ""), shared("", ""), shared("", ""))
        muted = "muted" if summary.status in ("superseded", "rejected") else "plain"
        due = summary.review_date.isoformat() if summary.review_date else "—"
        date = f"{summary.created:%Y-%m-%d}"
        status = folder.statuses[summary.status]
        return (
            Cell(date, lead=MARK, lead_style=styles["mark"]) if row.key in marked else shared(date, ""),
            Cell(summary.client, styles[muted]),
            shared(summary.assessor, muted),
            shared(folder.level(summary), summary.level or ""),
            shared("—" if summary.score is None else str(summary.score), "", right=True),
            shared(f"≠ {status}", "alarm") if summary.id in folder.conflicts else shared(status, muted),
            shared(f"⚠ {due}", "alarm") if row.overdue else shared(due, ""),
        )
