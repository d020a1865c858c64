"""Feedback as one small file per opinion: layout, validation, broken files, current stances."""

from __future__ import annotations

import re
import tomllib
from datetime import datetime, timedelta

import pytest

from tests.unit.review_support import T0, make_record
from wizard.model.feedback import current, tally
from wizard.model.problems import InvalidFile
from wizard.storage import feedback

RID = "a1b2c3d4"


def test_layout_and_content(tmp_path):
    path = feedback.add(tmp_path, feedback.make(RID, "Łukasz Żak", "disagree", " Too early. ", T0))
    assert path.parent == tmp_path / "feedback" / RID
    # UTC time of writing, the slug of the name, a random part
    assert re.fullmatch(r"20260105T083000\.000000Z-lukasz-zak-[0-9a-f]{6}\.toml", path.name)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data == {"schema": 1, "record": RID, "by": "Łukasz Żak", "stance": "disagree",
                    "comment": "Too early.", "created": T0}
    assert data["created"].tzinfo is not None


def test_two_people_or_one_person_twice_never_share_a_file(tmp_path):
    paths = {feedback.add(tmp_path, feedback.make(RID, name, "agree", "", T0)) for name in ("Anna", "Anna", "Marek")}
    assert len(paths) == 3
    entries = feedback.load(tmp_path, RID)
    assert [e.problems for e in entries] == [(), (), ()]
    assert sorted(e.feedback.by for e in entries) == ["Anna", "Anna", "Marek"]


def test_load_is_oldest_first_and_current_keeps_each_persons_latest(tmp_path):
    for hours, by, stance in ((3, "anna", "agree"), (1, "Anna", "disagree"), (2, "Marek", "abstain")):
        feedback.add(tmp_path, feedback.make(RID, by, stance, "", T0 + timedelta(hours=hours)))
    items = feedback.good(feedback.load(tmp_path, RID))
    assert [f.stance for f in items] == ["disagree", "abstain", "agree"]
    assert [(f.by, f.stance) for f in current(items)] == [("Marek", "abstain"), ("anna", "agree")]
    assert tally(items) == {"agree": 1, "disagree": 0, "abstain": 1}


@pytest.mark.parametrize(("by", "stance", "created", "message"), [
    ("   ", "agree", T0, "must not be empty"),
    ("Anna", "maybe", T0, "must be one of agree, disagree, abstain"),
    ("Anna", "agree", datetime(2026, 1, 1, 9, 0), "time zone"),
])
def test_make_checks_its_input(by, stance, created, message):
    with pytest.raises(ValueError, match=message):
        feedback.make(RID, by, stance, "", created)


def test_a_record_id_must_be_an_id(tmp_path):
    with pytest.raises(ValueError):
        feedback.folder(tmp_path, "../../etc")


BROKEN = [
    ('schema = 1\nrecord = "a1b2c3d4"\nby = "Anna"\nstance = "maybe"\ncreated = 2026-01-05T09:30:00+01:00\n',
     "stance", "must be one of agree, disagree, abstain"),
    ('schema = 1\nrecord = "a1b2c3d4"\nstance = "agree"\ncreated = 2026-01-05T09:30:00+01:00\n',
     "by", "is missing"),
    ('schema = 1\nrecord = "a1b2c3d4"\nby = "Anna"\nstance = "agree"\ncreated = 2026-01-05T09:30:00\n',
     "created", "time zone"),
    ('schema = 1\nrecord = "ffff0000"\nby = "Anna"\nstance = "agree"\ncreated = 2026-01-05T09:30:00+01:00\n',
     "record", "sits in the folder of record a1b2c3d4"),
    ('schema = 1\nrecord = "a1b2c3d4"\nby = "Anna"\nstance = "agree"\ncreated = 2026-01-05T09:30:00+01:00\nmood = 3\n',
     "mood", "unknown field"),
    ('schema = 7\nrecord = "a1b2c3d4"\nby = "Anna"\nstance = "agree"\ncreated = 2026-01-05T09:30:00+01:00\n',
     "schema", "newer version"),
    ('schema = 1\nrecord = "a1b2c3d4"\nby = 5\nstance = "agree"\ncreated = 2026-01-05T09:30:00+01:00\n',
     "by", "must be a text"),
    ('schema = 1\nrecord = "a1b2c3d4"\nby = "Anna"\nstance = "agree\n', "", "not valid TOML"),
]


@pytest.mark.parametrize(("text", "field", "message"), BROKEN)
def test_broken_files_are_reported_with_file_and_field(tmp_path, text, field, message):
    good = feedback.add(tmp_path, feedback.make(RID, "Marek", "agree", "", T0))
    bad = good.parent / "20260105T000000Z-broken-000000.toml"
    bad.write_text(text, encoding="utf-8")
    entries = feedback.load(tmp_path, RID)
    assert [e.path for e in entries] == [good, bad]  # the good one still loads; the broken one last
    (problem,) = entries[1].problems
    assert problem.file == str(bad) and problem.field == field and message in problem.message
    found = feedback.load_all(tmp_path)
    assert feedback.broken(found) == [problem]
    assert [f.by for f in feedback.good(found[RID])] == ["Marek"]


def test_read_raises_invalid_file(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('schema = 1\nrecord = "a1b2c3d4"\n', encoding="utf-8")
    with pytest.raises(InvalidFile) as error:
        feedback.read(path)
    assert {p.field for p in error.value.problems} == {"by", "stance", "created"}


def test_load_all_ignores_strangers_and_the_store_ignores_feedback(tmp_path, bank, store):
    record = make_record(bank)
    path, record = store.save_new(record)
    feedback.add(store.root, feedback.make(record.id, "Ola", "agree", "", T0))
    (store.root / "feedback" / "notes").mkdir()
    (store.root / "feedback" / "README.txt").write_text("hello")
    assert list(feedback.load_all(store.root)) == [record.id]
    assert [e.path for e in store.scan(bank)] == [path]  # feedback files are never taken for records
    assert feedback.load(store.root, "ffffffff") == []


def test_feedback_is_private_unless_the_folder_is_shared(tmp_path):
    import os
    import stat

    from wizard.storage.store import SHARED_MARKER

    private = feedback.add(tmp_path / "mine", feedback.make(RID, "Anna", "agree", "", T0))
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    for folder in (private.parent, private.parent.parent, tmp_path / "mine"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    team = tmp_path / "team"
    team.mkdir()
    (team / SHARED_MARKER).write_text("")
    old = os.umask(0o002)
    try:
        shared = feedback.add(team, feedback.make(RID, "Anna", "agree", "", T0))
    finally:
        os.umask(old)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664


def test_feedback_given_in_the_same_second_keeps_its_order_and_the_newest_wins(tmp_path):
    """Stamped to the microsecond, in the file and in its name: the second stance of a person,
    given at once after the first, is their current one, every time."""
    for attempt in range(10):
        rid = f"{attempt:04d}abcd"
        for stance in ("agree", "disagree", "abstain"):
            feedback.add(tmp_path, feedback.make(rid, "Anna", stance))
        entries = feedback.load(tmp_path, rid)
        assert [e.feedback.stance for e in entries] == ["agree", "disagree", "abstain"]
        assert sorted(e.path.name for e in entries) == [e.path.name for e in entries]
        assert [f.stance for f in current(feedback.good(entries))] == ["abstain"]
    data = tomllib.loads(entries[0].path.read_text(encoding="utf-8"))
    assert data["created"] == entries[0].feedback.created and data["created"].tzinfo is not None
    assert re.fullmatch(r"\d{8}T\d{6}\.\d{6}Z-anna-[0-9a-f]{6}\.toml", entries[0].path.name)


def test_files_stamped_to_the_second_are_still_read_and_ordered(tmp_path):
    folder = feedback.folder(tmp_path, RID)
    folder.mkdir(parents=True)
    for name, stance, time in (("20260105T083000Z-anna-aaaaaa.toml", "agree", "09:30:00"),
                               ("20260105T083001Z-anna-000000.toml", "disagree", "09:30:01")):
        (folder / name).write_text(f'schema = 1\nrecord = "{RID}"\nby = "Anna"\nstance = "{stance}"\n'
                                   f'created = 2026-01-05T{time}+01:00\n', encoding="utf-8")
    feedback.add(tmp_path, feedback.make(RID, "Anna", "abstain", "", T0 + timedelta(seconds=1, microseconds=5)))
    entries = feedback.load(tmp_path, RID)
    assert [e.feedback.stance for e in entries] == ["agree", "disagree", "abstain"]
    assert [f.stance for f in current(feedback.good(entries))] == ["abstain"]
