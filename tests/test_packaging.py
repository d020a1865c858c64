"""The built wheel, not the source tree: it carries the question bank and the console script,
and the installed program finds its bank. Built offline from the checkout this file is in."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECTION_FILES = ["payments", "workload", "dependency", "relationship", "trend", "emotional", "ethics",
                 "remediation", "context"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=300, cwd=out,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    wheels = list(out.glob("client_exit_wizard-*.whl"))
    assert len(wheels) == 1, list(out.iterdir())
    return wheels[0]


@pytest.fixture(scope="module")
def unpacked(wheel, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def test_wheel_contains_the_bank_and_the_package(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "wizard/__init__.py" in names and "wizard/cli/main.py" in names and "wizard/__main__.py" in names
    assert "wizard/questions/bank.toml" in names
    for section in SECTION_FILES:
        assert f"wizard/questions/{section}.toml" in names, section
    assert not any(name.startswith("tests/") for name in names)


def test_wheel_declares_the_console_script(unpacked):
    (dist_info,) = unpacked.glob("client_exit_wizard-*.dist-info")
    entry_points = configparser.ConfigParser()
    entry_points.read(dist_info / "entry_points.txt", encoding="utf-8")
    assert entry_points["console_scripts"]["client-exit"].strip() == "wizard.cli.main:main"
    metadata = (dist_info / "METADATA").read_text(encoding="utf-8")
    for dependency in ("textual", "rich", "tomli-w", "platformdirs"):
        assert f"Requires-Dist: {dependency}" in metadata.replace("tomli_w", "tomli-w")


CHECK = r"""
import json, sys
from datetime import date
from pathlib import Path

import wizard
from wizard.model import bank
from wizard.storage import bank_files
from wizard.storage.answers_codec import read_answers
from wizard.model.reasoning import assess

unpacked = Path(sys.argv[1]).resolve()
assert Path(wizard.__file__).resolve().is_relative_to(unpacked), wizard.__file__
assert not any(Path(p).resolve() == Path(sys.argv[2]).resolve() for p in sys.path if p), sys.path
loaded = bank_files.load_default()
assert Path(bank_files.default_path()).resolve().is_relative_to(unpacked), bank_files.default_path()
sheet = read_answers(Path(sys.argv[3]), loaded)
result = assess(loaded, sheet.answers, "en", date(2026, 3, 2))
print(json.dumps({"questions": len(loaded.questions), "level": result.level, "client": sheet.client,
                  "wizard": wizard.__file__}))
"""


def _environment(unpacked: Path) -> dict:
    # Only the unpacked wheel and the dependencies' site-packages. `-S` below keeps Python from
    # processing site-packages' .pth files, one of which puts the source tree on sys.path for
    # the editable install used in development.
    site_packages = sysconfig.get_paths()["purelib"]
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    environ["PYTHONPATH"] = os.pathsep.join([str(unpacked), site_packages])
    environ["PYTHONIOENCODING"] = "utf-8"
    return environ


def test_the_unpacked_wheel_finds_its_bank_and_assesses(unpacked, tmp_path):
    answers = tmp_path / "answers.toml"
    answers.write_text(
        'client = "Nova/Trade Ltd."\n[answers]\nasked_unethical = true\nrevenue_share = 12\n', encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-S", "-c", CHECK, str(unpacked), str(ROOT), str(answers)],
        capture_output=True, text=True, cwd=tmp_path, env=_environment(unpacked), timeout=120,
    )
    assert run.returncode == 0, run.stderr
    import json

    data = json.loads(run.stdout)
    assert data["questions"] >= 34
    assert data["level"] == "end_now"
    assert data["client"] == "Nova/Trade Ltd."


def test_the_unpacked_wheel_runs_as_a_module(unpacked, tmp_path):
    answers = tmp_path / "answers.toml"
    answers.write_text('client = "Acme"\n[answers]\nlate_payments = 1\n', encoding="utf-8")
    environ = _environment(unpacked)
    environ["CLIENT_EXIT_RECORDS"] = str(tmp_path / "records")
    run = subprocess.run(
        [sys.executable, "-S", "-m", "wizard", "assess", str(answers), "--json"],
        capture_output=True, text=True, cwd=tmp_path, env=environ, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert '"client": "Acme"' in run.stdout and '"level": "continue"' in run.stdout
