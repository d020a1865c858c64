"""Text from files is inert: one hostile records folder through every command.

Escape codes, OSC 52, concealed text, C1 controls, bidi overrides, line separators, Markdown,
HTML and newlines in every stored text (client, assessor, notes, reasons, outcome, people,
feedback, a file name). No raw control character reaches the output; Markdown never turns them
into headings, links or tags; JSON carries the exact text, escaped; the files keep it exactly.
"""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from tests.hostile import CLIENT, answers_file, build, hostile, ledger_file, raw_in
from wizard.cli import main as cli
from wizard.storage.record_reader import read_record


@pytest.fixture
def folder(store, bank, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    return build(store, bank)


def run(capsys, *args) -> tuple[int, str]:
    code = cli.main([*map(str, args)])
    out, err = capsys.readouterr()
    return code, out + err


def commands(made, tmp_path) -> list[tuple]:
    first, second = made["record1"][1].id, made["record2"][1].id
    answers, ledger = answers_file(tmp_path), ledger_file(tmp_path)
    return [
        ("list",), ("list", "--json"), ("list", "--client", "evil"), ("list", "--client", "nobody"),
        ("show", first), ("show", first, "--format", "markdown"), ("show", first, "--format", "toml"),
        ("show", "Evil"),  # not an id: the records of the client are suggested
        ("assess", answers), ("assess", answers, "--json"),
        ("history", CLIENT), ("history", CLIENT, "--format", "markdown"), ("history", CLIENT, "--format", "json"),
        ("history", "Evil"),  # close names are suggested
        ("team", CLIENT), ("team", CLIENT, "--format", "markdown"), ("team", CLIENT, "--format", "json"),
        ("compare", first, second), ("compare", first, second, "--format", "markdown"),
        ("compare", first, second, "--format", "json"),
        ("validate", made["record1"][0].parent), ("validate", made["record1"][0]), ("validate", made["broken"]),
        ("due", "--within", "3650"), ("due", "--within", "3650", "--json"),
        ("evidence", ledger), ("evidence", ledger, "--json"), ("evidence", ledger, "--client", "evil"),
        ("clients",), ("clients", "--json"), ("clients", "--ledger", ledger), ("assess", answers, "--ledger", ledger),
        ("due", "--within", "3650", "--ics", tmp_path / "reviews.ics"),
        ("feedback", first, "--by", "Ola", "--stance", "agree"),
        ("decide", second, "--status", "rejected", "--by", "Ola"),
        ("decide", second, "--status", "accepted", "--by", "Ola"),  # refused: rejected now
        ("forget", CLIENT),  # no terminal: shows the plan, deletes nothing
        ("forget", "evil"),  # no such client: close names
        ("forget", CLIENT, "--yes"),
    ]


def test_no_raw_control_character_reaches_the_output(capsys, folder, tmp_path):
    leaks = []
    for args in commands(folder, tmp_path):
        code, output = run(capsys, *args)
        assert "Traceback" not in output, (args, output)
        if raw_in(output):
            leaks.append(f"{args[:3]}: {raw_in(output)}")
        if args[0] == "show" and args[-1] != "toml" and args[1] != "Evil":
            assert "␛" in output and "owned" in output  # shown, escaped, not dropped
    assert not leaks, "\n".join(leaks)


def test_the_files_keep_the_exact_text(folder, bank):
    path, record = folder["record1"]
    again = read_record(path, bank)
    assert again.client == CLIENT and again.notes["late_payments"] == hostile("note")
    assert again.decision.reason == hostile("reason") and again.outcome == hostile("outcome")


def _blocks(markdown_text: str) -> list:
    return [token for token in MarkdownIt("commonmark").enable("table").parse(markdown_text)]


def _inline_children(tokens) -> list:
    return [child for token in tokens if token.type == "inline" for child in token.children or ()]


@pytest.mark.parametrize("args", [
    ("show", "RECORD", "--format", "markdown"), ("history", CLIENT, "--format", "markdown"),
    ("team", CLIENT, "--format", "markdown"), ("compare", "RECORD", "SECOND", "--format", "markdown"),
], ids=["record", "history", "team", "compare"])
def test_markdown_never_turns_stored_text_into_markup(capsys, folder, args):
    first, second = folder["record1"][1].id, folder["record2"][1].id
    code, output = run(capsys, *[{"RECORD": first, "SECOND": second}.get(a, a) for a in args])
    tokens = _blocks(output)
    kinds = {token.type for token in tokens} | {child.type for child in _inline_children(tokens)}
    assert not kinds & {"html_block", "html_inline", "link_open", "image"}, kinds
    headings = [tokens[i + 1].content for i, token in enumerate(tokens) if token.type == "heading_open"]
    assert headings and not any(h.startswith("Heading") for h in headings), headings
    assert not any(line.startswith("FAKE") for line in output.splitlines())  # newlines never break out
    text = "".join(child.content for child in _inline_children(tokens) if child.type == "text")
    assert "<img src=x onerror=alert(1)>" in text and "[link](javascript:alert(1))" in text  # shown as text


@pytest.mark.parametrize("args", [("list", "--json"), ("assess", "ANSWERS", "--json"),
                                  ("history", CLIENT, "--format", "json"), ("due", "--within", "3650", "--json")],
                         ids=["list", "assess", "history", "due"])
def test_json_carries_the_exact_text_with_separators_escaped(capsys, folder, tmp_path, args):
    answers = answers_file(tmp_path)
    cli.main([str(answers) if a == "ANSWERS" else a for a in args])
    output = capsys.readouterr().out
    for raw in ("\u2028", "\u2029", "\x85", "\x9b", "\u202e"):
        assert raw not in output
    if args[0] == "history":
        data = json.loads(output)
        assert data["records"][0]["client"] == CLIENT
        assert data["records"][0]["decision"]["reason"] == hostile("reason")
    else:
        lines = output.splitlines()
        assert all(json.loads(line)["client"] == CLIENT for line in lines if line.startswith("{"))
