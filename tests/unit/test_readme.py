"""The README's list of commands stays true: every command the parser knows is in its table, and
every command in the table exists."""

from __future__ import annotations

import argparse
import re

from tests.unit._support import ROOT
from wizard.cli.main import build_parser


def commands() -> set[str]:
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    raise AssertionError("no sub-commands")


def test_every_command_is_in_the_readme_table_and_no_other():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| command | what it does |"):readme.index("A bad file never ends")]
    listed = set(re.findall(r"^\| `client-exit ([a-z]+)", table, re.M))
    assert listed == commands()
