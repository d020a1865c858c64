"""Helpers for the wizard's tests: a fixed clock and ids, keys for answers, the text on screen."""

from __future__ import annotations

import itertools
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.app import App
from textual.content import Content
from textual.widgets import Button, DataTable, Input, OptionList, Static

from wizard.model.bank import Answer, Bank, Question
from wizard.model.records import AnswerSheet
from wizard.storage.answers_codec import read_answers
from wizard.storage.store import RecordStore
from wizard.tui.app import ClientExitApp, build_app
from wizard.model.draft import Draft
from wizard.tui.widgets.virtual_table import VirtualTable

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
NOW = datetime(2026, 11, 23, 9, 15, tzinfo=timezone(timedelta(hours=1)))


def clock() -> datetime:
    return NOW


def ids():
    """Record ids 000a11c0, 000a11c1, ...: the same in every run."""
    counter = itertools.count(0xA11C0)
    return lambda: f"{next(counter):08x}"


def make_app(bank: Bank, store: RecordStore, lang: str = "en", **options) -> ClientExitApp:
    app = build_app(bank, store, lang, clock=clock, make_id=ids(), **options)
    app.animation_level = "none"  # scrolling jumps: same pictures, no waiting for animations
    return app


def example(name: str, bank: Bank) -> AnswerSheet:
    return read_answers(EXAMPLES / f"{name}.toml", bank)


def keys_for(question: Question, value: Answer | None) -> list[str]:
    """The keys a user presses to give `value` (None: skip)."""
    if value is None:
        return ["s"]
    if question.kind == "scale":
        return [str(value)]
    if question.kind == "bool":
        return ["y" if value else "n"]
    if question.kind == "choice":
        return [str(question.options.index(value) + 1)]
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return [{".": "full_stop"}.get(ch, ch) for ch in text] + ["enter"]


async def answer_all(pilot, bank: Bank, answers: dict[str, Answer], questions=None) -> None:
    """Answer each question in order, by keys; questions missing from `answers` are skipped."""
    for question in questions or bank.questions:
        await pilot.press(*keys_for(question, answers.get(question.id)))
    await pilot.pause()


def saved_draft(bank: Bank, store: RecordStore, answers: dict[str, Answer], *, client: str = "Nowak Studio",
                assessor: str = "Piotr", record_id: str = "0000beef", created: datetime = NOW,
                skipped: tuple[str, ...] = ()) -> Draft:
    draft = Draft.start(bank, store, client=client, assessor=assessor, lang="en", created=created,
                        record_id=record_id)
    draft.save()
    for question_id, value in answers.items():
        draft.answer(question_id, value)
    for question_id in skipped:
        draft.skip(question_id)
    return draft


def saved_record(bank: Bank, store: RecordStore, name: str, record_id: str, *, days_ago: int = 1) -> Path:
    sheet = example(name, bank)
    created = NOW - timedelta(days=days_ago)
    draft = saved_draft(bank, store, sheet.answers, client=sheet.client, assessor=sheet.assessor,
                        record_id=record_id, created=created)
    path, _ = draft.finish("en", created)
    return path


# ---------------------------------------------------------------------------------------------
# What is on screen


def _plain(visual) -> str:
    if isinstance(visual, Content):
        return visual.plain
    plain = getattr(visual, "plain", None)
    return plain if isinstance(plain, str) else str(visual)


def widget_text(screen) -> str:
    """Every text the widgets of a screen hold, scrolled into view or not."""
    parts: list[str] = []
    for widget in screen.query("*"):
        if isinstance(widget, Input):
            parts += [widget.placeholder, widget.value]
        elif isinstance(widget, OptionList):
            parts += [_plain(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]
        elif isinstance(widget, VirtualTable):
            parts += list(widget.labels.values())
            parts += [_plain(cell) for row in range(widget.row_count) for cell in widget.get_row_at(row)]
        elif isinstance(widget, DataTable):
            parts += [_plain(column.label) for column in widget.columns.values()]
            parts += [_plain(cell) for row in range(widget.row_count) for cell in widget.get_row_at(row)]
        elif isinstance(widget, (Static, Button)):
            parts.append(_plain(widget.render()))
        elif isinstance(getattr(widget, "description", None), str):  # footer keys
            parts.append(widget.description)
        elif hasattr(widget, "label") and isinstance(getattr(widget, "label"), (str, Content)):
            parts.append(_plain(widget.label))  # collapsible titles
    return "\n".join(p for p in parts if p)


def visible_text(app: App) -> str:
    """The characters on the terminal right now, line by line (toasts and footer included)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def all_text(app: App) -> str:
    return "\n".join([visible_text(app), *(widget_text(screen) for screen in app.screen_stack)])


def english_fragments(catalogue: dict[str, tuple[str, str]], allowed=frozenset()) -> list[tuple[str, str]]:
    """(key, fragment): the English texts (where en differs from pl) split at their {values}."""
    fragments = []
    for key, (en, pl) in catalogue.items():
        if en == pl or key in allowed:
            continue
        for fragment in re.split(r"\{[^}]*\}", en):
            fragment = fragment.strip(" .,:;()·—-\n“”\"")
            if len(re.findall(r"[A-Za-z]", fragment)) >= 3:
                fragments.append((key, fragment))
    return fragments


def english_left(text: str, fragments: list[tuple[str, str]]) -> list[str]:
    """The English fragments found in `text`, as whole words."""
    return [
        f"{key}: {fragment!r}" for key, fragment in fragments
        if fragment in text and re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", text)
    ]
