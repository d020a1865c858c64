"""`assess --save` on the same answers twice: the second time says an identical record exists and
saves nothing, unless confirmed on a terminal or given --force."""

from __future__ import annotations

import io

from tests.unit._support import EXAMPLES
from wizard.cli import main as cli
from wizard.storage.folder import record_names

FILE = str(EXAMPLES / "fading.toml")


def test_saving_the_same_answers_twice_is_refused_without_force(store, capsys):
    assert cli.main(["assess", "--save", FILE]) == 0
    assert cli.main(["assess", "--save", FILE, "--lang", "pl"]) == 1
    err = capsys.readouterr().err
    assert "istnieje już zapis z tym samym klientem i odpowiedziami" in err and "--force" in err
    assert len(record_names(store.root)) == 1
    assert cli.main(["assess", "--save", "--force", FILE]) == 0
    assert len(record_names(store.root)) == 2


def test_on_a_terminal_it_asks(store, capsys, monkeypatch):
    assert cli.main(["assess", "--save", FILE]) == 0
    for answer, count in (("n\n", 1), ("y\n", 2)):
        monkeypatch.setattr("sys.stdin", io.StringIO(answer))
        monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
        monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
        cli.main(["assess", "--save", FILE])
        assert len(record_names(store.root)) == count
    assert "Save another record anyway? [y/N]" in capsys.readouterr().out


def test_other_answers_are_saved_as_usual(store, tmp_path):
    changed = tmp_path / "changed.toml"
    changed.write_text(open(FILE, encoding="utf-8").read().replace("disengagement = 3", "disengagement = 2"), encoding="utf-8")
    assert "disengagement = 2" in changed.read_text(encoding="utf-8")
    assert cli.main(["assess", "--save", FILE]) == 0
    assert cli.main(["assess", "--save", str(changed)]) == 0
    assert len(record_names(store.root)) == 2
