"""Open the review screen on a records folder, scroll it to the end and back, headless.

Prints the seconds from building the app to the end of scrolling, and the peak memory (KiB).
Run by run.py twice per folder: once to warm the list cache and the disk cache, then measured.
"""

from __future__ import annotations

import asyncio
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the source tree, installed or not


from wizard.storage import bank_files
from wizard.storage.store import RecordStore  # noqa: E402
from wizard.tui.app import build_app  # noqa: E402

SETTLE = 900.0


async def review(folder: Path) -> float:
    bank = bank_files.load_default()
    start = time.perf_counter()
    app = build_app(bank, RecordStore(folder), "en", command="review")
    async with app.run_test(size=(120, 40)) as pilot:
        # Pilot gives a screen 30 s to settle; a slow screen is a figure here, not an error.
        await pilot._wait_for_screen(timeout=SETTLE)
        for key in ("pagedown",) * 5 + ("end", "home", "down", "down"):
            await pilot.press(key)
            await pilot._wait_for_screen(timeout=SETTLE)
    return time.perf_counter() - start


if __name__ == "__main__":
    seconds = asyncio.run(review(Path(sys.argv[1])))
    print(f"{seconds:.4f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
