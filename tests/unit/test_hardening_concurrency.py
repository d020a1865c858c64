"""Two processes saving 100 records each into one folder at the same moment: 200 distinct, valid
files and no temporary file left. Both processes use the same ids, the same client and the same
second on purpose, so every name collides and the store must find free ones without ever
replacing a file (wizard.storage.files.write_text links, it never renames over a record)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from wizard.storage.record_reader import read_record

ROOT = Path(__file__).resolve().parents[2]
COUNT = 100

WRITER = r"""
import sys, time
from datetime import datetime, timezone
from pathlib import Path
from wizard.model import bank
from wizard.storage import bank_files
from wizard.model.reasoning import assess
from wizard.model.records import DecisionRecord
from wizard.storage.store import RecordStore

folder, flags, name = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
the_bank = bank_files.load_default()
created = datetime(2026, 4, 1, 12, 0, tzinfo=timezone.utc)
answers = {"late_payments": 2, "toxicity": 3}
result = assess(the_bank, answers, "en", created.date())
records = [DecisionRecord(id=f"{i:08x}", client="Same Client", created=created, language="en",
                          bank_version=the_bank.version, assessor=name, answers=answers, result=result,
                          review_date=result.review_date) for i in range(COUNT)]
store = RecordStore(folder)
(flags / f"ready-{name}").touch()
while not (flags / "go").exists():
    time.sleep(0.001)
for record in records:
    path, saved = store.save_new(record)
    print(path.name, saved.id, flush=True)
""".replace("COUNT", str(COUNT))


def test_two_processes_save_at_once(tmp_path, bank):
    folder, flags = tmp_path / "records", tmp_path / "flags"
    flags.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(folder), str(flags), name],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
               for name in ("Anna", "Piotr")]
    deadline = time.monotonic() + 60
    while not all((flags / f"ready-{n}").exists() for n in ("Anna", "Piotr")):
        assert time.monotonic() < deadline, "the writers never got ready"
        assert all(w.poll() is None for w in writers), [w.communicate() for w in writers]
        time.sleep(0.01)
    (flags / "go").touch()
    outputs = []
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        outputs.append([line.split() for line in out.splitlines()])

    assert [len(lines) for lines in outputs] == [COUNT, COUNT]
    names = [name for lines in outputs for name, _ in lines]
    assert len(set(names)) == 2 * COUNT
    files = sorted(p.name for p in folder.iterdir() if p.is_file())
    assert files == sorted(names)  # nothing else: no temporary file left behind
    assert not list(folder.rglob(".tmp-*"))
    records = [read_record(folder / name, bank) for name in files]
    assert len({r.id for r in records}) == 2 * COUNT
    by_assessor = {a: sum(r.assessor == a for r in records) for a in ("Anna", "Piotr")}
    assert by_assessor == {"Anna": COUNT, "Piotr": COUNT}  # nobody's record replaced another's
    for lines in outputs:  # each process got back the record it really wrote
        for name, record_id in lines:
            assert name.endswith(f"-{record_id}.toml")
