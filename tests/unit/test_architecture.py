"""The house's rules (README, "Module map"): the arrows between layers, enforced by the
import-linter contracts in pyproject.toml, and the size of its rooms."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "wizard"
MAX_FILE_LINES = 420
MAX_CLASS_LINES = 220


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """import-linter on the `wizard` package found in `root`, with the project's contracts."""
    command = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
               "sys.exit(lint_imports_command())", "--config", str(root / "pyproject.toml"), "--no-cache"]
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=300)


def test_every_import_linter_contract_is_kept():
    run = lint_imports(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "5 kept, 0 broken" in run.stdout


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("model/records.py", "import rich.text", "The model is pure"),
    ("storage/store.py", "import wizard.render.report", "Layers"),
    ("render/report.py", "import wizard.tui.app", "Layers"),
    ("model/bank.py", "import wizard.model.team", "No cycle"),  # team imports bank
])
def test_a_forbidden_import_is_caught(tmp_path, module, line, contract):
    """The contracts can fail: the same check on a copy of the package with one bad import."""
    shutil.copytree(PACKAGE, tmp_path / "wizard", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "wizard" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    run = lint_imports(tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    broken = run.stdout.split("Broken contracts")[-1]
    assert contract in broken, run.stdout


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_file_is_too_long_to_read_in_one_sitting():
    long = [f"{path.relative_to(ROOT)}: {n} lines" for path in _sources()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_FILE_LINES]
    assert not long, "\n".join(long)


def test_no_class_does_too_much():
    big = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES:
                big.append(f"{path.relative_to(ROOT)}: {node.name}, {node.end_lineno - node.lineno + 1} lines")
    assert not big, "\n".join(big)


def test_subpackages_start_empty():
    """Importing wizard.cli (for `--version`) must not import the rest of the house."""
    for init in PACKAGE.rglob("__init__.py"):
        if init.parent != PACKAGE:
            assert init.read_text(encoding="utf-8").strip() == "", init


def test_no_module_reaches_for_another_modules_private_names():
    """`from wizard.x import _name` or `module._name` across modules: a name used elsewhere is public."""
    found = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("wizard"):
                found += [f"{path.relative_to(ROOT)}: {alias.name}" for alias in node.names
                          if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert not found, "\n".join(found)
