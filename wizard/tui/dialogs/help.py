"""Keys and a few sentences on how the wizard works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from wizard.tui.base import WizardModal
from wizard.tui.widgets.footer import KeyFooter

KEYS = {
    "tui.help.everywhere": [
        ("F1  ?", "tui.help.k.help"), ("F2", "tui.help.k.language"), ("F3", "tui.help.k.theme"),
        ("ctrl+p", "tui.help.k.palette"), ("ctrl+q", "tui.help.k.quit"),
    ],
    "tui.help.questions": [
        ("0–4  1–9", "tui.help.k.pick"), ("y/t  n", "tui.help.k.yesno"), ("Enter", "tui.help.k.enter"),
        ("s", "tui.help.k.skip"), ("b  ←", "tui.help.k.previous"), ("→", "tui.help.k.forward"),
        ("u", "tui.help.k.next_open"),
        ("a", "tui.help.k.note"), ("o", "tui.help.k.overview"), ("f", "tui.help.k.finish"),
        ("shift+↑↓", "tui.help.k.scroll"), ("Esc", "tui.help.k.home"),
    ],
    "tui.help.result": [
        ("a", "tui.help.k.accept"), ("o", "tui.help.k.other"), ("p", "tui.help.k.propose"),
        ("r", "tui.help.k.reject"), ("f", "tui.help.k.feedback"), ("h", "tui.help.k.history"),
        ("t", "tui.help.k.team"), ("e", "tui.help.k.export"), ("Esc", "tui.help.k.back"),
    ],
    "tui.help.review": [
        ("/", "tui.help.k.filter"), ("Enter", "tui.help.k.open"), ("space", "tui.help.k.mark"),
        ("c", "tui.help.k.compare"), ("d", "tui.help.k.differences"), ("h", "tui.help.k.history"),
        ("t", "tui.help.k.team"), ("p", "tui.help.k.portfolio"), ("e", "tui.help.k.export_any"),
        ("Esc", "tui.help.k.back"),
    ],
    "tui.help.portfolio": [
        ("Enter", "tui.help.k.newest"), ("h", "tui.help.k.history"), ("n", "tui.help.k.assess"),
        ("Esc", "tui.help.k.back"),
    ],
}


class HelpScreen(WizardModal[None]):
    BINDINGS = [
        Binding("escape", "close", "tui.key.close"),
        Binding("q", "close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Static(Content(self.t("tui.help.title")), classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(Content(self.t("tui.help.intro")), classes="lead")
                yield Static(Content(self.t("tui.help.safe")), classes="lead")
                for group, keys in KEYS.items():
                    yield Static(Content(self.t(group)), classes="heading")
                    for key, text in keys:
                        with Horizontal(classes="key-line"):
                            yield Static(Content(key), classes="key")
                            yield Static(Content(self.t(text)), classes="key-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
