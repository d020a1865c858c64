"""How a result's advice is stored and shown: decisive reasons, exit actions, the actions kept
beyond the bank's top_actions. Records stay lossless (write → read → write), records written
before these existed still read as before, and the report says what the record says."""

from __future__ import annotations

import re

import tomllib
from datetime import datetime, timedelta, timezone

import pytest

from tests.unit._support import HEAVY
from wizard.storage import bank_files
from wizard.model.reasoning import assess, translated
from wizard.model.records import DecisionRecord
from wizard.storage.record_reader import read_record
from wizard.storage.record_writer import to_toml
from wizard.render.report import markdown
from wizard.storage.files import write_text

BANK = bank_files.load_default()
CET = timezone(timedelta(hours=1))
CREATED = datetime(2026, 3, 2, 9, 15, 0, tzinfo=CET)
ALL_TRIED_NO_IMPROVEMENT = dict(problem_discussed=True, terms_revised=True, payment_terms_enforced=True,
                                improvement="none")


def record_of(answers: dict, lang: str = "en") -> DecisionRecord:
    result = assess(BANK, answers, lang, CREATED.date())
    return DecisionRecord(id="0a1b2c3d", client="Kowalski Meble", created=CREATED, language=lang,
                          bank_version=BANK.version, status="draft", assessor="Anna",
                          review_date=result.review_date, answers=answers, result=result)


def round_trip(record: DecisionRecord, tmp_path) -> tuple[DecisionRecord, str]:
    text = to_toml(record)
    path = tmp_path / record.file_name()
    write_text(path.parent, path, text, overwrite=False)
    loaded = read_record(path, BANK)
    assert loaded == record
    assert to_toml(loaded) == text
    return loaded, text


def test_a_decisive_reason_is_stored_and_read_back(tmp_path):
    record = record_of({**HEAVY, "asked_unethical": True})
    loaded, text = round_trip(record, tmp_path)
    assert loaded.result.reasons[0].decisive
    assert tomllib.loads(text)["result"]["decisive"] == ["asked_unethical"]


def test_exit_actions_and_the_actions_beyond_the_top_are_stored(tmp_path):
    record = record_of({**HEAVY, **ALL_TRIED_NO_IMPROVEMENT})
    assert record.result.level == "end_now"
    assert record.result.actions_for_exit and record.result.more_actions
    loaded, text = round_trip(record, tmp_path)
    table = tomllib.loads(text)["result"]
    assert table["actions_for_exit"] is True
    assert [a["id"] for a in table["more_actions"]] == [s.id for s in record.result.more_actions]


def test_a_record_below_the_exit_levels_gains_no_new_keys(tmp_path):
    """A result that needs none of the new keys is written exactly as before."""
    record = record_of({"late_payments": 2})
    _, text = round_trip(record, tmp_path)
    table = tomllib.loads(text)["result"]
    assert not {"decisive", "actions_for_exit", "more_actions"} & set(table)


def test_a_record_written_before_them_reads_as_it_was(tmp_path):
    """Records of bank 1.0 have none of the new keys: their reasons carry shares only and their
    actions are the ordinary ones, as they were shown then."""
    import tomli_w

    record = record_of({**HEAVY, "asked_unethical": True})
    table = tomllib.loads(to_toml(record))
    for key in ("decisive", "actions_for_exit", "more_actions"):
        table["result"].pop(key, None)
    path = tmp_path / "old.toml"
    path.write_text(tomli_w.dumps(table), encoding="utf-8")
    loaded = read_record(path, BANK)
    assert [r.question for r in loaded.result.reasons] == [r.question for r in record.result.reasons]
    assert not any(r.decisive for r in loaded.result.reasons)
    assert not loaded.result.actions_for_exit
    # translated into Polish, its stored (ordinary) actions get the ordinary Polish texts
    polish = translated(loaded.result, BANK, loaded.answers, "pl")
    for action in polish.actions:
        assert action.text == BANK.question(action.id).action("pl")


def test_exit_actions_translate_to_their_polish_exit_texts():
    record = record_of({**HEAVY, **ALL_TRIED_NO_IMPROVEMENT}, lang="en")
    polish = translated(record.result, BANK, record.answers, "pl")
    for action in (*polish.actions, *polish.more_actions):
        assert action.text == BANK.question(action.id).exit_action("pl")


@pytest.mark.parametrize("lang, word", [("en", "decisive"), ("pl", "przesądza")])
def test_the_report_marks_a_decisive_reason_instead_of_its_share(lang, word):
    """000 §1: the dealbreaker decided; the report says so rather than "5%"."""
    record = record_of({**HEAVY, "asked_unethical": True}, lang=lang)
    reason = record.result.reasons[0]
    question = BANK.question(reason.question).text(lang)
    line = next(line for line in markdown(record, BANK, lang).splitlines() if line.startswith(f"- {question}"))
    assert word in line
    assert f"{round(reason.share * 100)}%" not in line
    # the other reasons keep their shares
    other = record.result.reasons[1]
    assert f"{round(other.share * 100)}%" in markdown(record, BANK, lang)


def test_the_report_lists_the_top_actions_only(tmp_path):
    record = record_of({**HEAVY, **ALL_TRIED_NO_IMPROVEMENT})
    text = markdown(record, BANK, "en")
    for action in record.result.actions:
        assert action.text in text
    for action in record.result.more_actions:
        assert action.text not in text


def test_the_notice_period_reads_correctly_in_polish_for_one_day():
    """"1 dni" was wrong Polish: the exit plan now writes the number with its unit's form."""
    record = record_of({**HEAVY, **ALL_TRIED_NO_IMPROVEMENT, "notice_period_days": 1}, lang="pl")
    texts = [s.text for s in record.result.exit_plan]
    assert any("1 dzień" in t for t in texts)
    assert not any("1 dni" in t for t in texts)
    english = record_of({**HEAVY, **ALL_TRIED_NO_IMPROVEMENT, "notice_period_days": 1}, lang="en")
    assert any(re.search(r"\b1 day\b", t) for t in (s.text for s in english.result.exit_plan))
    assert not any("1 days" in t for t in (s.text for s in english.result.exit_plan))


def test_the_polish_counterfactual_quotes_the_answer_and_the_question():
    """"Gdyby „pytanie” miało odpowiedź tak" was a calque; the sentence now names the answer and
    the question, each in Polish quotation marks."""
    record = record_of({"disrespect": 2, "late_payments": 0, "toxicity": 1}, lang="pl")
    change = record.result.milder
    assert change is not None and change.then is None
    from wizard.render.report import answer_text, change_text, question_text

    line = change_text(BANK, change, "pl")
    assert line.startswith(f"Przy odpowiedzi „{answer_text(BANK, change.question, change.to, 'pl')}” "
                           f"na pytanie „{question_text(BANK, change.question, 'pl')}”")
    assert "Gdyby" not in line


def test_a_remedys_path_is_said_in_two_steps_in_both_languages():
    """004 closing, 'revise the rules or end it': the next step, then what follows if it fails."""
    from wizard.render.report import change_text

    record = record_of({"resource_drain": 4, "terms_revised": False, "problem_discussed": False})
    change = record.result.harsher
    assert change.then == ("improvement", "none")
    remedy = next(r for r in BANK.remedies if r.question == change.question)
    english, polish = change_text(BANK, change, "en"), change_text(BANK, change, "pl")
    assert english.startswith(f"If you {remedy.path.en} and by the review date nothing has improved")
    assert english.endswith(f"{BANK.level(change.level).label.en}.")
    assert polish.startswith(f"Jeśli {remedy.path.pl}, a do terminu przeglądu nic się nie poprawi")
