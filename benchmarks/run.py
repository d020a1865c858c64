"""Benchmarks: each figure is a ratio to a baseline measured in the same run, printed last.

    python benchmarks/run.py            full sizes (10,000 records); PASS/FAIL per target
    python benchmarks/run.py --quick    small sizes, same lines, no thresholds (CI runs this)

Targets (issue 5):
  --version, and list on an empty folder   <= 2.0 x  python -c "import tomllib"
  list, 10,000 records, cold (no cache)    <= 1.3 x  parsing the same files with tomllib, one process
  list, 10,000 records, warm               <= 0.25 x the same baseline
  list time per record, 10,000 vs 100      <= 1.5 x  (flat; measured in one process, see growth.py)
  TUI start to the first painted home screen, in a pseudo-terminal
                                           <= 1.3 x  a minimal Textual app (Header, Static, Footer)
  review screen, 10,000 vs 10 records, warm: open and scroll <= 1.5 x, peak memory <= 2 x
  assess, 1,000 answers files in one process: time per file
                                           <= 1.0 x  client-exit --version, same run (issue 10)
  evidence: a ledger of 100,000 invoice rows for 500 clients read and every client's answers drawn
                                           <= 3.0 x  csv.reader going through the same file, one process
  clients, 10,000 records of 500 clients, warm
                                           <= 1.5 x  client-exit list on the same folder, warm (issue 14)

Times are wall-clock, the best of several interleaved runs (the least disturbed by other work on
the machine). Record folders are written with the real writer (benchmarks/generate.py).
Exit status: 1 when a full-mode target fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import terminal  # noqa: E402

PARSE_BASELINE = r"""
import os, sys, tomllib
for entry in os.scandir(sys.argv[1]):
    if entry.name.endswith(".toml") and not entry.name.startswith("."):
        with open(entry.path, "rb") as handle:
            tomllib.load(handle)
"""


@dataclass(frozen=True)
class Sizes:
    records: int  # the big folder
    growth: tuple[int, ...]  # folder sizes for the per-record curve
    start_repeats: int
    list_repeats: int
    tui_repeats: int
    review: tuple[int, int]  # small and big folder for the review screen


    answers_files: int  # for `assess`
    ledger: tuple[int, int]  # invoice rows and clients of the ledger for `evidence`
    portfolio: tuple[int, int]  # records and clients of the folder for `clients`


FULL = Sizes(10_000, (100, 1_000, 10_000), 20, 3, 5, (10, 10_000), 1_000, (100_000, 500), (10_000, 500))
QUICK = Sizes(200, (20, 200), 3, 1, 1, (10, 100), 50, (2_000, 50), (200, 20))


class Report:
    def __init__(self, check: bool) -> None:
        self.check = check
        self.failed: list[str] = []

    def line(self, label: str, value: float, base: float, base_label: str, limit: float, unit: str = "s") -> None:
        ratio = value / base if base > 0 else float("inf")
        verdict = ""
        if self.check:
            ok = ratio <= limit
            verdict = f"{'PASS' if ok else 'FAIL'} (<= {limit:g}x)"
            if not ok:
                self.failed.append(label)
        print(f"{label:<46} {_amount(value, unit):>10} vs {_amount(base, unit):>10} {base_label:<30} "
              f"{verdict:<16} {ratio:6.2f}x", flush=True)

    def skip(self, label: str, why: str) -> None:
        print(f"{label:<46} skipped: {why}", flush=True)


def _amount(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.1f} MB"
    if value < 0.001:
        return f"{value * 1e6:.1f} us"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def client_exit() -> list[str]:
    """The installed console script next to this Python, else `python -m wizard`."""
    script = Path(sys.executable).parent / ("client-exit.exe" if os.name == "nt" else "client-exit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "wizard"]


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{done.stderr.decode(errors='replace')}")
    return elapsed


def best(runs: dict[str, list[float]]) -> dict[str, float]:
    return {name: min(times) for name, times in runs.items()}


# ---------------------------------------------------------------------------------------------


def bench_startup(report: Report, sizes: Sizes, env: dict[str, str], empty: Path) -> None:
    commands = {
        "baseline": [sys.executable, "-c", "import tomllib"],
        "version": [*client_exit(), "--version"],
        "list": [*client_exit(), "list", "--records-dir", str(empty)],
    }
    runs: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(sizes.start_repeats):
        for name, command in commands.items():
            runs[name].append(timed(command, env))
    times = best(runs)
    base = 'python -c "import tomllib"'
    report.line("client-exit --version", times["version"], times["baseline"], base, 2.0)
    report.line("client-exit list, empty folder", times["list"], times["baseline"], base, 2.0)


def bench_assess(report: Report, sizes: Sizes, env: dict[str, str], work: Path) -> None:
    """`assess` of many answers files in one process, per file, against the start-up of
    `client-exit --version`: a richer model must not cost more than starting the program."""
    folder = work / "answers"
    files = generate.answers_files(folder, sizes.answers_files)
    assess = [*client_exit(), "assess", *map(str, files), "--json"]
    version = [*client_exit(), "--version"]
    runs: dict[str, list[float]] = {"assess": [], "version": []}
    for _ in range(max(1, sizes.list_repeats)):
        runs["assess"].append(timed(assess, env))
        for _ in range(5):
            runs["version"].append(timed(version, env))
    times = best(runs)
    report.line(f"assess, time per file, {len(files):,} files", times["assess"] / len(files), times["version"],
                "client-exit --version", 1.0)


def bench_ledger(report: Report, sizes: Sizes, env: dict[str, str], work: Path) -> None:
    """`evidence` on a big ledger, in one process, against csv.reader going through the file."""
    import ledger

    rows, clients = sizes.ledger
    path = ledger.write(work / "ledger.csv", rows, clients)
    repeats = 5 if report.check else 2
    done = subprocess.run([sys.executable, str(HERE / "ledger.py"), str(path), str(repeats)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"benchmarks/ledger.py failed:\n{done.stderr}")
    baseline, evidence = map(float, done.stdout.split())
    report.line(f"evidence, {rows:,} invoice rows, {clients} clients", evidence, baseline,
                "csv.reader through the same file", 3.0)


def bench_portfolio(report: Report, sizes: Sizes, env: dict[str, str], folder: Path) -> None:
    """`clients` against `list` on one folder, both warm (the list cache built), interleaved."""
    records, clients = sizes.portfolio
    commands = {name: [*client_exit(), name, "--records-dir", str(folder)] for name in ("list", "clients")}
    for command in commands.values():
        timed(command, env)  # builds the list cache; the first run of each is not counted
    runs: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(max(2, sizes.list_repeats)):
        for name, command in commands.items():
            runs[name].append(timed(command, env))
    times = best(runs)
    report.line(f"clients, {records:,} records of {clients} clients, warm", times["clients"], times["list"],
                "client-exit list, same folder", 1.5)


def list_times(folder: Path, repeats: int, env: dict[str, str]) -> dict[str, float]:
    """Parse baseline, cold list (cache deleted) and warm list (run again), interleaved."""
    runs: dict[str, list[float]] = {"parse": [], "cold": [], "warm": []}
    command = [*client_exit(), "list", "--records-dir", str(folder)]
    for _ in range(repeats):
        runs["parse"].append(timed([sys.executable, "-c", PARSE_BASELINE, str(folder)], env))
        shutil.rmtree(folder / ".index", ignore_errors=True)
        runs["cold"].append(timed(command, env))
        if not (folder / ".index" / "list-v1.json").exists():
            raise SystemExit(f"the list cache was not written in {folder}")
        runs["warm"].append(timed(command, env))
    return best(runs)


def bench_list(report: Report, sizes: Sizes, env: dict[str, str], folders: dict[int, Path]) -> None:
    big = sizes.records
    times = list_times(folders[big], sizes.list_repeats, env)
    base = f"tomllib parse, {big:,} files"
    report.line(f"client-exit list, {big:,} records, cold", times["cold"], times["parse"], base, 1.3)
    report.line(f"client-exit list, {big:,} records, warm", times["warm"], times["parse"], base, 0.25)

    # Per record: `list` run in one process (benchmarks/growth.py), so that starting Python does
    # not hide how the time grows; the smallest folder is the baseline.
    per_record: dict[str, dict[int, float]] = {"cold": {}, "warm": {}}
    for count in sizes.growth:
        repeats = max(2, min(20, 20_000 // count)) if report.check else 2
        done = subprocess.run([sys.executable, str(HERE / "growth.py"), str(folders[count]), str(repeats)],
                              capture_output=True, text=True, env=env, cwd=ROOT, timeout=3600)
        if done.returncode != 0:
            raise SystemExit(f"benchmarks/growth.py failed:\n{done.stderr}")
        cold, warm = map(float, done.stdout.split())
        per_record["cold"][count], per_record["warm"][count] = cold / count, warm / count
    small, large = sizes.growth[0], sizes.growth[-1]
    for kind in per_record:
        report.line(f"list time per record, {kind}, {large:,} records", per_record[kind][large],
                    per_record[kind][small], f"per record at {small:,} records", 1.5)


def bench_tui_start(report: Report, sizes: Sizes, env: dict[str, str], empty: Path) -> None:
    if not terminal.available():
        report.skip("TUI start to first painted home screen", "needs a POSIX pseudo-terminal")
        return
    try:
        from wizard.texts.tui import MESSAGES  # noqa: F401  (the TUI's texts; the home screen shows one)
        from wizard.i18n import t
        marker = t("tui.home.new", "en")
    except (ImportError, KeyError) as error:
        report.skip("TUI start to first painted home screen", f"wizard/tui is not ready ({error!r})")
        return
    tui_env = {**env, "CLIENT_EXIT_RECORDS": str(empty), "LANG": "en_US.UTF-8"}
    minimal = [sys.executable, str(HERE / "minimal_app.py")]
    runs: dict[str, list[float]] = {"minimal": [], "home": []}
    for _ in range(sizes.tui_repeats):
        runs["minimal"].append(terminal.first_paint(minimal, "BENCHMARK-READY", tui_env))
        runs["home"].append(terminal.first_paint(client_exit(), marker, tui_env))
    times = best(runs)
    report.line("TUI start to first painted home screen", times["home"], times["minimal"],
                "minimal Textual app, same way", 1.3)


def bench_review(report: Report, sizes: Sizes, env: dict[str, str], folders: dict[int, Path]) -> None:
    try:
        import wizard.tui.app  # noqa: F401
    except ImportError as error:
        report.skip("review screen", f"wizard/tui cannot be imported ({error})")
        return
    small, big = sizes.review
    results: dict[int, dict[str, float]] = {}
    for count in (small, big):
        command = [sys.executable, str(HERE / "review_screen.py"), str(folders[count])]
        if report.check:
            subprocess.run(command, capture_output=True, env=env, cwd=ROOT, timeout=3600)  # warm up
        runs = []
        for _ in range(max(1, sizes.tui_repeats // 2)):
            done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=3600)
            if done.returncode != 0:
                report.skip("review screen", f"the script failed: {done.stderr.strip().splitlines()[-1:]}")
                return
            seconds, peak_kb = done.stdout.split()
            runs.append((float(seconds), float(peak_kb)))
        results[count] = {"time": min(r[0] for r in runs), "memory": min(r[1] for r in runs) / 1024}
    report.line(f"review screen, {big:,} records, open+scroll", results[big]["time"], results[small]["time"],
                f"the same with {small} records", 1.5)
    report.line(f"review screen, {big:,} records, peak memory", results[big]["memory"],
                results[small]["memory"], f"the same with {small} records", 2.0, unit="MB")


# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, no thresholds (for CI)")
    parser.add_argument("--only", choices=("startup", "assess", "list", "ledger", "tui"), help="run one group")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    report = Report(check=not args.quick)
    print(f"client-exit benchmarks ({'quick' if args.quick else 'full'}): Python {platform.python_version()}, "
          f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"
          + (f", load {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""), flush=True)
    with tempfile.TemporaryDirectory(prefix="client-exit-bench-") as temp:
        work = Path(temp)
        empty = work / "empty"
        empty.mkdir()
        # Measured as installed: pip compiles the package's bytecode at install, so the program
        # runs here with its bytecode cached (in the run's own folder), even where the
        # environment says not to write any (PYTHONDONTWRITEBYTECODE, as on some CI machines).
        env = {**os.environ, "CLIENT_EXIT_RECORDS": str(empty), "PYTHONPYCACHEPREFIX": str(work / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        counts = sorted({sizes.records, *sizes.growth, *sizes.review})
        folders = {count: work / f"records-{count}" for count in counts}
        if args.only in (None, "assess"):
            bench_assess(report, sizes, env, work)
        if args.only in (None, "ledger"):
            bench_ledger(report, sizes, env, work)
        if args.only not in ("startup", "assess", "ledger"):
            for count, folder in folders.items():
                generate.fill(folder, count)
        portfolio = work / "portfolio"
        if args.only in (None, "ledger"):
            generate.fill(portfolio, sizes.portfolio[0], clients=sizes.portfolio[1])
        written = time.time()
        if args.only in (None, "startup"):
            bench_startup(report, sizes, env, empty)
        # The list cache does not trust files changed in the last 2 seconds; the sets must be older.
        time.sleep(max(0.0, written + 2.2 - time.time()))
        if args.only in (None, "list"):
            bench_list(report, sizes, env, folders)
        if args.only in (None, "ledger"):
            bench_portfolio(report, sizes, env, portfolio)
        if args.only in (None, "tui"):
            bench_tui_start(report, sizes, env, empty)
            bench_review(report, sizes, env, folders)
    if report.failed:
        print(f"FAILED: {', '.join(report.failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
