"""A records folder written by an attacker: every stored text full of terminal escape codes,
bidi controls, line separators, Markdown and HTML. Shared by the command line's and the
screens' tests of "text from files is inert"."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from wizard.storage import feedback
from wizard.model.lifecycle import decide
from wizard.model.prefill import Prefill
from wizard.model.reasoning import assess
from wizard.model.records import DecisionRecord, Evidence, LedgerSource
from wizard.storage.store import RecordStore

CLEAR = "\x1b[2J\x1b[H"  # clear the screen, cursor home
TITLE = "\x1b]0;owned\x07"  # set the window title
CLIPBOARD = "\x1b]52;c;SGFja2Vk\x07"  # write "Hacked" to the clipboard (OSC 52)
CONCEAL = "\x1b[8mhidden\x1b[28m"  # concealed text
CSI8 = "\x9b31m"  # the 8-bit CSI (a C1 control)
BIDI = "\u202egpj.exe\u202c"  # shown as "exe.jpg"
SEPARATORS = "a\u2028b\u2029c\x85d"  # line and paragraph separators, NEL
MARKUP = "# Heading <img src=x onerror=alert(1)> [link](javascript:alert(1)) **bold** | pipe [b]rich[/b]"
NEWLINE = "line\nFAKE: accepted by the board"

# What must never reach a terminal raw (ESC, BEL, CSI, bidi, separators).
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u202c", "\u2028", "\u2029", "\x85")
TZ = timezone(timedelta(hours=1))


def hostile(tag: str) -> str:
    return f"{tag} {CLEAR}{TITLE}{CLIPBOARD}{CONCEAL}{CSI8}{BIDI}{SEPARATORS}{MARKUP} {NEWLINE}"


CLIENT = hostile("Evil")


def raw_in(text: str) -> list[str]:
    """The raw control characters found in `text` (there should be none)."""
    return [repr(ch) for ch in RAW if ch in text]


def build(store: RecordStore, bank) -> dict[str, object]:
    """Two assessments of the hostile client by two hostile assessors (a history, a team, a
    comparison), decided with hostile reasons, outcome and people, with hostile feedback; a
    hostile draft; and a broken file with a hostile name."""
    answers_one = {"late_payments": 3, "toxicity": 2, "revenue_share": 40, "problem_discussed": False}
    answers_two = {"late_payments": 1, "toxicity": 4, "revenue_share": 10, "problem_discussed": True}
    made = {}
    for number, (answers, days) in enumerate(((answers_one, 40), (answers_two, 5)), 1):
        created = datetime(2026, 11, 1, 9, 0, tzinfo=TZ) - timedelta(days=days)
        result = assess(bank, answers, "en", created.date())
        record = DecisionRecord(
            id=f"e0e0e0e{number}", client=CLIENT, assessor=hostile(f"Mal{number}"), created=created, language="en",
            bank_version=bank.version, status="draft", review_date=result.review_date, answers=answers,
            notes={"late_payments": hostile("note")}, result=result,
            evidence={"late_payments": Evidence(hostile("evidence"), 3)},
            ledger=LedgerSource(hostile("ledger.csv"), created.date() - timedelta(days=365), created.date()))
        other = "monitor" if result.level != "monitor" else "continue"
        record = decide(record, "proposed", level=other, reason=hostile("reason"), by=hostile("by"),
                        decision_makers=[hostile("maker")], consulted=[hostile("consulted")],
                        informed=[hostile("informed")], outcome=hostile("outcome"), at=created + timedelta(hours=1))
        path, record = store.save_new(record)
        feedback.add(store.root, feedback.make(record.id, hostile("Fb"), "disagree", hostile("comment"),
                                               created=created + timedelta(hours=2)))
        made[f"record{number}"] = (path, record)
    draft = DecisionRecord(id="d0d0d0d0", client=CLIENT, assessor=hostile("Drafter"),
                           created=datetime(2026, 11, 2, 9, 0, tzinfo=TZ), language="en",
                           bank_version=bank.version, answers={"late_payments": 2},
                           notes={"late_payments": hostile("draft note")},
                           prefilled={"late_payments": Prefill("ledger", hostile("ref.csv"), date(2026, 10, 1),
                                                               hostile("prefill evidence"))},
                           evidence={"late_payments": Evidence(hostile("draft evidence"), 2)},
                           ledger=LedgerSource(hostile("draft.csv"), date(2025, 10, 1), date(2026, 10, 1)))
    made["draft"] = store.save_draft(draft)
    broken = store.root / f"2026-01-01-{CLEAR}broken{BIDI}-0000dead.toml"
    broken.write_text('client = "x"\nschema = "\x1b]52;c;x\x07"\n', encoding="utf-8")
    made["broken"] = broken
    return made


def answers_file(folder: Path) -> Path:
    """An answers file with the hostile client, assessor and note, for `assess`."""
    import tomli_w

    path = folder / "hostile-answers.toml"
    path.write_text(tomli_w.dumps({"client": CLIENT, "assessor": hostile("Mal"),
                                   "answers": {"late_payments": 3},
                                   "notes": {"late_payments": hostile("note")}}), encoding="utf-8")
    return path


def ledger_file(folder: Path) -> Path:
    """The sample invoice ledger, with the hostile client's invoices (and a hostile number) added."""
    import csv
    import io

    root = Path(__file__).resolve().parents[1]
    text = (root / "examples" / "ledger.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header, sample = rows[0], rows[-1]  # the newest invoice: inside the window counted
    for number in range(6):
        row = list(sample)
        row[0], row[1] = hostile(f"FV/{number}"), CLIENT
        rows.append(row)
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows([header, *rows[1:]])
    path = folder / "hostile-ledger.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path
