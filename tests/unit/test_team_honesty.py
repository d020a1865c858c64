"""An honest team view: thin assessments do not vote, feedback stances count towards agreement,
and accepted decisions that disagree are flagged in team, history, list and JSON alike."""

from __future__ import annotations

import json
from dataclasses import replace

from tests.unit.review_support import CALM, make_record
from wizard.cli import main as cli
from wizard.storage.feedback import make
from wizard.model.lifecycle import decide
from wizard.model.conflicts import accepted_conflict, conflicting_clients
from wizard.render.team import consensus_detail, markdown_team, team_json
from wizard.model.team import consensus, team_view

HARSH = CALM | {"late_payments": 4, "urgent_demands": 4, "disrespect": 3, "problem_discussed": True,
                "terms_revised": True, "improvement": "none", "toxicity": 4, "wellbeing_impact": 4}


def thin(record, confidence):
    return replace(record, result=replace(record.result, confidence=confidence))


def test_a_thin_assessment_is_shown_but_does_not_vote():
    c = consensus({"Anna": "prepare_exit", "Marek": "continue"}, {"Anna": 0.97, "Marek": 0.46})
    assert c.level == "prepare_exit" and c.levels == {"Anna": "prepare_exit"} and c.thin == ("Marek",)
    assert c.confidence == {"Anna": 0.97, "Marek": 0.46}
    everyone_thin = consensus({"Anna": "monitor", "Marek": "end_now"}, {"Anna": 0.3, "Marek": 0.4})
    assert everyone_thin.levels == {"Anna": "monitor", "Marek": "end_now"} and everyone_thin.all_thin


def test_disagreeing_feedback_means_the_team_does_not_agree(bank):
    anna = make_record(bank, assessor="Anna")
    stances = {anna.id: [make(anna.id, "Ola", "disagree", "no"), make(anna.id, "Piotr", "disagree", ""),
                         make(anna.id, "Ewa", "agree", "")]}
    view = team_view(bank, [anna], "Acme", stances)
    assert not view.consensus.agreed and view.consensus.disagreeing == ("Ola", "Piotr")
    lines = consensus_detail(view, bank, "en")
    assert "but 2 of 3 feedback stances disagree: Ola, Piotr" in lines
    text = markdown_team(view, bank, "en")
    assert "Only one assessment so far: nothing to compare answers with." in text
    assert "no question to argue about" not in text
    data = team_json(view)["consensus"]
    assert data["agreed"] is False and data["disagreeing"] == ["Ola", "Piotr"] and data["stances"] == 3


def test_conflicting_accepted_decisions_are_found_on_records_and_summaries(bank):
    from wizard.storage.index import summarize

    a = decide(make_record(bank, assessor="Anna"), "accepted", by="Anna", level="revise_terms", reason="r")
    b = decide(make_record(bank, assessor="Marek", days=1), "accepted", by="Marek", level="prepare_exit", reason="r")
    same = decide(make_record(bank, assessor="Ola", days=2), "accepted", by="Ola", level="revise_terms", reason="r")
    assert accepted_conflict([a, same]) == ()
    assert accepted_conflict([a, b, same]) == (a, b, same)
    assert accepted_conflict([a, replace(b, status="superseded")]) == ()
    assert list(conflicting_clients(summarize(r) for r in (a, b))) == ["acme"]


def test_team_history_and_list_all_flag_the_conflict(store, bank, capsys):
    a = decide(make_record(bank, assessor="Anna", answers=HARSH), "accepted", by="Anna", level="revise_terms",
               reason="one more try")
    b = decide(make_record(bank, assessor="Marek", answers=HARSH, days=1), "accepted", by="Marek",
               level="prepare_exit", reason="enough")
    for record in (a, b):
        store.save_new(record)
    expected = f"⚠ Accepted decisions disagree: Revise the terms ({a.id}, Anna) · Prepare to exit ({b.id}, Marek)"
    for command in (["team", "Acme"], ["history", "Acme"], ["list"], ["team", "Acme", "--format", "markdown"],
                    ["history", "Acme", "--format", "markdown"]):
        cli.main(command)
        assert expected in capsys.readouterr().out, command
    cli.main(["team", "Acme", "--format", "json"])
    assert [c["id"] for c in json.loads(capsys.readouterr().out)["conflict"]] == [a.id, b.id]
    cli.main(["history", "Acme", "--format", "json"])
    assert [c["level"] for c in json.loads(capsys.readouterr().out)["conflict"]] == ["revise_terms", "prepare_exit"]
    cli.main(["list", "--json"])
    assert {json.loads(line)["conflict"] for line in capsys.readouterr().out.splitlines()} == {True}
    cli.main(["list", "--lang", "pl"])
    assert "Zaakceptowane decyzje są sprzeczne" in capsys.readouterr().out


def test_the_team_text_shows_each_confidence_and_who_was_left_out(store, bank, capsys):
    full = {q.id: q.choices()[0] if q.kind in ("scale", "bool", "choice") else 10 for q in bank.questions} | HARSH
    store.save_new(make_record(bank, assessor="Anna", answers=full))
    store.save_new(thin(make_record(bank, assessor="Marek", days=1), 0.46))
    cli.main(["team", "Acme"])
    out = capsys.readouterr().out
    assert "questions answered: Anna 100%, Marek 46%" in out
    assert "left out of the consensus, less than half answered: Marek" in out
