"""Make the README's screenshots: `python docs/screenshots/make_screenshots.py` (needs rsvg-convert).

Runs the real app (the same factory as the command line) on a temporary records folder with
a fixed clock, and saves docs/screenshots/questionnaire.png, result.png and portfolio.png (the
demo's records and sample ledger, as `client-exit demo` shows them).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
os.environ["HOME"] = tempfile.mkdtemp()  # paths show as ~/records/...

from wizard.storage.bank_files import load_default  # noqa: E402
from wizard.storage.answers_codec import read_answers  # noqa: E402
from wizard.storage.store import RecordStore  # noqa: E402
from wizard.tui.app import build_app  # noqa: E402
from wizard.model.draft import Draft  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 15, tzinfo=timezone(timedelta(hours=1)))
SIZE = (110, 34)


def draft_until(bank, store, example: str, stop: str, record_id: str) -> Path:
    """A draft of an example's answers up to (not including) question `stop`."""
    sheet = read_answers(ROOT / "examples" / f"{example}.toml", bank)
    draft = Draft.start(bank, store, client=sheet.client, assessor=sheet.assessor, lang="en",
                        created=NOW - timedelta(minutes=20), record_id=record_id)
    for question in bank.questions:
        if question.id == stop:
            break
        if question.id in sheet.answers:
            draft.answer(question.id, sheet.answers[question.id])
        else:
            draft.skip(question.id)
    draft.set_note("late_payments", "Invoices from May and June are still unpaid")
    return store.draft_path(record_id)


async def shoot(app, name: str, keys: list[str]) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause(0.5)
        svg = HERE / f"{name}.svg"
        app.save_screenshot(svg.name, path=str(HERE))
        png = HERE / f"{name}.png"
        subprocess.run(["rsvg-convert", "-w", "1200", str(svg), "-o", str(png)], check=True)
        svg.unlink()
        print(png, png.stat().st_size // 1024, "KB")


def main() -> None:
    if not shutil.which("rsvg-convert"):
        sys.exit("needs rsvg-convert (apt-get install librsvg2-bin)")
    bank = load_default()
    store = RecordStore(Path(os.environ["HOME"]) / "records")
    clock = lambda: NOW  # noqa: E731
    path = draft_until(bank, store, "fading", "toxicity", "0000cafe")
    asyncio.run(shoot(build_app(bank, store, command="resume", draft=path, clock=clock), "questionnaire", []))
    path = draft_until(bank, store, "fading", "outstanding_receivables", "0000f00d")
    app = build_app(bank, store, command="resume", draft=path, clock=clock)
    asyncio.run(shoot(app, "result", ["n", "enter"]))
    asyncio.run(shoot(portfolio_app(bank, clock), "portfolio", ["p"]))


def portfolio_app(bank, clock):
    """The demo's folder and its ledger, read as `--ledger` reads it."""
    from argparse import Namespace

    from wizard.cli.ledger import draw
    from wizard.cli.demo_folder import build

    demo = build(Path(tempfile.mkdtemp()) / "demo", bank, "en", NOW)
    ledger = draw(Namespace(map=None, since=None, until=None, currency=None, questions=None), str(demo.ledger), "en")
    return build_app(bank, RecordStore(demo.folder), clock=clock, ledger=ledger)


if __name__ == "__main__":
    main()
