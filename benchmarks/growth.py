"""`client-exit list` run in one process, again and again, on one folder: cold and warm.

Prints the best cold and the best warm time, in seconds. Run in-process so that the fixed cost
of starting Python (and loading the question bank, which is then cached) does not hide how the
time grows with the number of records.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the source tree, installed or not

from wizard.cli.main import main  # noqa: E402


def once(folder: Path) -> float:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        start = time.perf_counter()
        main(["list", "--records-dir", str(folder)])
        return time.perf_counter() - start


def measure(folder: Path, repeats: int) -> tuple[float, float]:
    once(folder)  # loads the modules and the question bank once
    cold, warm = [], []
    for _ in range(repeats):
        shutil.rmtree(folder / ".index", ignore_errors=True)
        cold.append(once(folder))
        warm.append(once(folder))
    return min(cold), min(warm)


if __name__ == "__main__":
    print(*measure(Path(sys.argv[1]), int(sys.argv[2])))
