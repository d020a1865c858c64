"""Folders of realistic decision records for the benchmarks, made with the real writer.

A few dozen answer sets are assessed with the real reasoning and rendered once with
`record_writer.to_toml`; each file then gets its own id, client and creation time by rewriting
those three lines of the rendered text (the writer puts them at the top, in a fixed form), so
10,000 files take seconds, not minutes. Files are written directly: fsync per file would
measure the disk, not the program.
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


from wizard.storage import bank_files
from wizard.model.reasoning import assess  # noqa: E402
from wizard.model.records import DecisionRecord, slug  # noqa: E402
from wizard.storage.record_writer import to_toml

CLIENTS = ("Kowalski Meble Sp. z o.o.", "Acme Ltd", "Zażółć Gęślą Sp. j.", "Northwind", "Studio Ōkami",
           "Brightside Dental", "Nowak & Syn", "Café Lumière", "Globex", "Initech")
STATUSES = ("draft", "proposed", "accepted", "rejected")
TEMPLATES = 40
TEMPLATE_TIME = datetime(2026, 1, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def random_answers(bank, rng: random.Random) -> dict:
    answers = {}
    for question in bank.questions:
        if rng.random() < 0.15:
            continue
        if question.kind == "scale":
            answers[question.id] = rng.randint(0, 4)
        elif question.kind == "bool":
            answers[question.id] = rng.random() < 0.5
        elif question.kind == "percent":
            answers[question.id] = rng.randint(0, 100)
        elif question.kind == "number":
            answers[question.id] = rng.randint(0, 120)
        else:
            answers[question.id] = rng.choice(question.options)
    return answers


def templates(seed: int = 5) -> list[DecisionRecord]:
    bank = bank_files.load_default()
    rng = random.Random(seed)
    made = []
    for index in range(TEMPLATES):
        answers = random_answers(bank, rng)
        lang = "pl" if index % 3 == 0 else "en"
        created = TEMPLATE_TIME
        result = assess(bank, answers, lang, created.date())
        made.append(DecisionRecord(
            id="00000000", client="TEMPLATE", assessor=rng.choice(("Anna", "Piotr", "Maria", "Tom")),
            created=created, language=lang, bank_version=bank.version,
            status=STATUSES[index % len(STATUSES)], review_date=result.review_date,
            answers=answers, notes={}, result=result,
        ))
    return made


@cache
def rendered(seed: int) -> tuple[str, ...]:
    return tuple(to_toml(record) for record in templates(seed))


def fill(folder: Path, count: int, seed: int = 5, start: int = 0, clients: int | None = None) -> list[Path]:
    """Write `count` records into `folder` (created if needed); returns their paths. With
    `clients`, the records are of exactly that many clients, in turn."""
    import tomli_w

    folder.mkdir(parents=True, exist_ok=True)
    texts = rendered(seed)
    template_created = "created = " + tomli_w.dumps({"c": TEMPLATE_TIME})[4:-1]
    assert all(template_created in text for text in texts)
    rng = random.Random(seed + start)
    base = datetime(2024, 1, 1, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    paths = []
    for number in range(start, start + count):
        record_id = f"{number:08x}"
        client = f"{rng.choice(CLIENTS)} {number % 997}" if clients is None else \
            f"{CLIENTS[number % clients % len(CLIENTS)]} {number % clients}"
        created = base + timedelta(minutes=7 * number)
        text = texts[number % len(texts)]
        text = (text.replace('id = "00000000"', f'id = "{record_id}"', 1)
                    .replace('client = "TEMPLATE"', "client = " + tomli_w.dumps({"c": client})[4:-1], 1)
                    .replace(template_created, "created = " + tomli_w.dumps({"c": created})[4:-1], 1))
        path = folder / f"{created.date().isoformat()}-{slug(client)}-{record_id}.toml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def answers_files(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """`count` answers files with realistic random answers (about 85% answered), for `assess`."""
    import tomli_w

    bank = bank_files.load_default()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"answers-{number:05d}.toml"
        data = {"client": f"{rng.choice(CLIENTS)} {number}", "answers": random_answers(bank, rng)}
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write a folder of generated decision records.")
    parser.add_argument("folder", type=Path, help="where to write them (made when missing)")
    parser.add_argument("count", type=int, nargs="?", default=10_000, help="how many (default 10,000)")
    options = parser.parse_args()
    fill(options.folder, options.count)
    print(f"{options.count} records in {options.folder}")
