"""The benchmarks never rot: `benchmarks/run.py --quick` runs and prints every figure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmarks_run(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"], capture_output=True,
                          text=True, encoding="utf-8", cwd=tmp_path, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for figure in ("--version", "list, empty folder", "records, cold", "records, warm", "per record, cold",
                   "per record, warm", "evidence, 2,000 invoice rows", "clients, 200 records of 20 clients"):
        line = next((line for line in lines if figure in line), None)
        assert line is not None, f"no figure for {figure!r}:\n{done.stdout}"
        assert line.rstrip().endswith("x"), line  # the ratio comes last
    assert "PASS" not in done.stdout and "FAIL" not in done.stdout  # quick mode checks no threshold
