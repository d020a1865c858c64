"""Pre-filled answers (wizard/model/prefill.py): a reassessment carries the earlier answers over,
each to confirm or change, and the record keeps where every pre-filled answer came from."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit._support import value_strategy
from tests.unit.review_support import T0, make_record
from wizard.model.lifecycle import decide, supersede, to_supersede
from wizard.model.prefill import CHANGED, KEPT, PENDING, Prefill, after_answer, carry_over, carried_from
from wizard.model.problems import InvalidFile
from wizard.storage.record_reader import parse_record, read_record
from wizard.storage.record_writer import to_toml
from wizard.render.prefill import source_text
from wizard.model.draft import ANSWERED, OPEN, PREFILLED, SKIPPED, Draft, progress

EARLIER = {"late_payments": 3, "profitability": "profitable", "revenue_share": 40, "problem_discussed": True}


def reassess(bank, store, earlier):
    return Draft.start(bank, store, client=earlier.client, assessor="Marek", lang="en",
                       created=earlier.created + timedelta(days=90), record_id="00c0ffee",
                       prefill=carry_over(bank, earlier))


def test_carry_over_takes_every_answer_that_still_fits_and_marks_it_pending(bank):
    earlier = make_record(bank, answers=EARLIER)
    carried = carry_over(bank, earlier)
    assert {qid: value for qid, (value, _) in carried.items()} == EARLIER
    assert all(p == Prefill("record", earlier.id, earlier.created.date()) and p.pending for _, p in carried.values())


def test_an_answer_the_bank_no_longer_allows_is_not_carried(bank):
    earlier = make_record(bank, answers=EARLIER)
    earlier.answers["late_payments"] = 9  # e.g. a scale that shrank in a newer bank
    assert "late_payments" not in carry_over(bank, earlier)


def test_the_draft_asks_about_carried_answers_until_confirmed(bank, store):
    earlier = make_record(bank, answers=EARLIER)
    draft = reassess(bank, store, earlier)
    first = draft.first_open()
    assert draft.questions[first].id == "late_payments" and draft.status("late_payments") == PREFILLED
    assert draft.pending_count() == len(EARLIER) and draft.done_count() == 0
    assert draft.record.answers == EARLIER  # the earlier answers stand until changed
    draft.keep("late_payments")
    assert draft.status("late_payments") == ANSWERED and draft.record.prefilled["late_payments"].state == KEPT
    draft.answer("revenue_share", 10)
    assert draft.record.prefilled["revenue_share"].state == CHANGED and draft.record.answers["revenue_share"] == 10
    draft.skip("profitability")
    assert draft.status("profitability") == SKIPPED and draft.record.prefilled["profitability"].state == CHANGED
    assert draft.pending_count() == 1 and draft.done_count() == 3
    assert progress(draft.record, bank) == (3, len(bank.questions))
    assert draft.carried_from == (earlier.id,)


def test_a_pending_answer_survives_a_crash_and_the_record_says_which_were_never_confirmed(bank, store):
    earlier = make_record(bank, answers=EARLIER)
    draft = reassess(bank, store, earlier)
    draft.keep("late_payments")
    reopened = Draft.open(bank, store, store.draft_path(draft.record.id))
    assert reopened.record.prefilled == draft.record.prefilled and reopened.status("revenue_share") == PREFILLED
    path, record = reopened.finish("en", draft.record.created)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == 4
    assert data["prefilled"]["late_payments"] == {"source": "record", "ref": earlier.id,
                                                  "on": earlier.created.date(), "state": "kept"}
    assert data["prefilled"]["revenue_share"]["state"] == "pending"
    assert read_record(path, bank) == record  # read back exactly


def test_a_broken_prefilled_table_is_named_field_by_field(bank):
    record = make_record(bank, answers=EARLIER)
    data = tomllib.loads(to_toml(record))
    data["prefilled"] = {"late_payments": {"source": "guess", "state": "maybe", "colour": "red"},
                         "toxicity": {"source": "record"}, "revenue_share": "yes"}
    with pytest.raises(InvalidFile) as caught:
        parse_record(data, "r.toml", bank)
    fields = {p.field: p.message for p in caught.value.problems}
    assert "must be one of record, ledger" in fields["prefilled.late_payments.source"]
    assert "must be one of pending, kept, changed" in fields["prefilled.late_payments.state"]
    assert "unknown field" in fields["prefilled.late_payments.colour"]
    assert "neither answered nor skipped" in fields["prefilled.toxicity"]
    assert "must be a table" in fields["prefilled.revenue_share"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_after_answer_keeps_only_an_unchanged_confirmation(bank, data):
    question = data.draw(st.sampled_from([q for q in bank.questions]))
    before = data.draw(value_strategy(question))
    answers = data.draw(st.lists(st.one_of(st.none(), value_strategy(question)), min_size=1, max_size=4))
    prefill = Prefill("record", "abcd1234", date(2026, 9, 12))
    current = before
    for after in answers:
        prefill = after_answer(prefill, current, after)
        current = after
    ever_changed = any(a is None or a != before or type(a) is not type(before) for a in answers)
    assert prefill.state == (CHANGED if ever_changed else KEPT)


def test_an_accepted_reassessment_supersedes_the_record_it_came_from(bank):
    earlier = make_record(bank, answers=EARLIER)
    later = make_record(bank, answers=EARLIER, days=90)
    later = type(later)(**{**later.__dict__, "prefilled": {"late_payments": Prefill("record", earlier.id)}})
    assert to_supersede(later, "proposed") == () and to_supersede(later, "rejected") == ()
    assert to_supersede(later, "accepted") == (earlier.id,)
    accepted = decide(later, "accepted", by="Marek")
    newer, older = supersede(accepted, earlier, by="Marek")
    assert to_supersede(newer, "accepted") == ()  # linked once
    assert older.status == "superseded" and older.superseded_by == (later.id,)
    assert carried_from(newer.prefilled) == (earlier.id,)


def test_the_source_is_said_with_a_polish_date(bank):
    prefill = Prefill("record", "abcd1234", date(2026, 9, 12))
    assert source_text(prefill, "en") == "carried over from the assessment of 2026-09-12"
    assert source_text(prefill, "pl") == "przeniesiona z oceny z 12.09.2026"
    ledger = Prefill("ledger", "invoices.csv", evidence="7 of 10 invoices paid late")
    assert source_text(ledger, "en") == "read from the invoice ledger invoices.csv: 7 of 10 invoices paid late"


def test_start_drops_a_prefill_the_bank_does_not_allow(bank, store):
    draft = Draft.start(bank, store, client="Acme", assessor="Anna", lang="en", created=T0, record_id="0000abcd",
                        prefill={"late_payments": (9, Prefill("ledger")), "no_such": (1, Prefill("ledger")),
                                 "toxicity": (2, Prefill("ledger", "x.csv", evidence="…"))})
    assert draft.record.answers == {"toxicity": 2} and set(draft.record.prefilled) == {"toxicity"}
    assert draft.status("late_payments") == OPEN and draft.record.prefilled["toxicity"].state == PENDING
