"""The question bank: the shipped data, its validation, and that it really is data."""

from __future__ import annotations

import dataclasses
import tomllib

import pytest

from tests.unit._support import QUESTIONS, TODAY, copy_bank, edit
from wizard.storage import bank_files
from wizard.model.bank import Text
from wizard.model.problems import InvalidFile
from wizard.model.reasoning import assess
from wizard.storage.answers_codec import parse_answers

# The canonical questions of the domain brief (shared/domain.md), in the table's order:
# id, section, kind, and for choice questions the values.
CANONICAL = [
    ("late_payments", "payments", "scale", None),
    ("late_payments_trend", "payments", "choice", ("improving", "stable", "worsening")),
    ("payment_terms_enforced", "payments", "bool", None),
    ("contract_breaches", "payments", "scale", None),
    ("renegotiation", "payments", "scale", None),
    ("urgent_demands", "workload", "scale", None),
    ("resource_drain", "workload", "scale", None),
    ("effort_vs_result", "workload", "scale", None),
    ("profitability", "workload", "choice", ("profitable", "break_even", "loss_making")),
    ("revenue_share", "dependency", "percent", None),
    ("blocks_other_work", "dependency", "scale", None),
    ("exclusivity_demand", "dependency", "bool", None),
    ("reputation_deters_others", "dependency", "scale", None),
    ("disrespect", "relationship", "scale", None),
    ("distrust", "relationship", "scale", None),
    ("dissatisfaction", "relationship", "scale", None),
    ("communication_breakdown", "relationship", "scale", None),
    ("disengagement", "relationship", "scale", None),
    ("orders_trend", "trend", "choice", ("growing", "stable", "declining", "sharply_declining")),
    ("complaints_trend", "trend", "choice", ("fewer", "stable", "more", "many_more")),
    ("toxicity", "emotional", "scale", None),
    ("wellbeing_impact", "emotional", "scale", None),
    ("team_morale", "emotional", "scale", None),
    ("attachment", "emotional", "scale", None),
    ("unethical_business", "ethics", "scale", None),
    ("asked_unethical", "ethics", "bool", None),
    ("reputation_risk", "ethics", "scale", None),
    ("problem_discussed", "remediation", "bool", None),
    ("terms_revised", "remediation", "bool", None),
    ("improvement", "remediation", "choice", ("not_applicable", "none", "partial", "clear")),
    ("relationship_years", "context", "number", None),
    ("strategic_value", "context", "scale", None),
    ("notice_period_days", "context", "number", None),
    ("outstanding_receivables", "context", "bool", None),
]
CANONICAL_IDS = [row[0] for row in CANONICAL]


def _load_error(path) -> InvalidFile:
    with pytest.raises(InvalidFile) as caught:
        bank_files.load(path)
    return caught.value


def _assert_named(error: InvalidFile, file_name: str, *parts: str) -> None:
    """Some problem names `file_name` and has every one of `parts` in its field."""
    for problem in error.problems:
        if problem.file.endswith(file_name) and all(part in problem.field for part in parts):
            assert problem.message.strip()
            assert file_name in str(problem)
            return
    listing = "\n".join(str(p) for p in error.problems)
    raise AssertionError(f"no problem in {file_name} naming {parts}; got:\n{listing}")


# ---------------------------------------------------------------------------------------------
# The shipped bank


def test_shipped_bank_loads_and_has_a_version(bank):
    assert bank.version and bank.version[0].isdigit()
    assert [lv.id for lv in bank.levels] == ["continue", "monitor", "revise_terms", "prepare_exit", "end_now"]
    assert set(bank.principles) == {
        "dealbreaker", "weighted_score", "fix_first", "remediation_outcome", "dependency",
        "attachment_bias", "own_quality", "monotone", "explained",
    }


def test_bank_loads_from_folder_and_from_its_main_file():
    from_folder = bank_files.load(QUESTIONS)
    from_file = bank_files.load(QUESTIONS / "bank.toml")
    assert [q.id for q in from_folder.questions] == [q.id for q in from_file.questions]


def test_canonical_questions_in_the_domain_order(bank):
    ids = [q.id for q in bank.questions]
    # the canonical ids appear in the order of the domain table (a bank may add others between)
    assert [i for i in ids if i in CANONICAL_IDS] == CANONICAL_IDS
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("qid", "section", "kind", "choices"), CANONICAL, ids=CANONICAL_IDS)
def test_canonical_question_section_kind_and_values(bank, qid, section, kind, choices):
    question = bank.question(qid)
    assert question is not None, f"{qid} missing from the bank"
    assert question.section == section
    assert question.kind == kind
    if choices is not None:
        assert question.options == choices
        assert len(question.labels) == len(choices)
    if kind == "scale":
        assert question.choices() == (0, 1, 2, 3, 4)
    if kind == "bool":
        assert question.choices() == (True, False)
    assert question.source, "every canonical question is traced to a source passage"


def test_sections_follow_the_questionnaire_order(bank):
    order = []
    for _, section, _, _ in CANONICAL:
        if section not in order:
            order.append(section)
    assert [s.id for s in bank.sections if s.id in order] == order


def test_signals_belong_to_a_problem_and_carry_an_action_others_warn_not_at_all(bank):
    for question in bank.questions:
        values = question.choices() if question.kind not in ("percent", "number") else (0, 50, 100)
        if question.is_signal:
            assert bank.problem_of(question.id).id == question.problem, question.id
            assert question.action is not None, question.id
            # the mildest answer of a signal warns not at all, a worse one does
            assert min(map(question.band, values)) == 0 and max(map(question.band, values)) >= 1, question.id
        else:
            assert bank.problem_of(question.id) is None
            assert {question.band(value) for value in values} == {0}


def test_every_problem_has_signs_and_every_remedy_addresses_problems(bank):
    assert {q for p in bank.problems for q in p.signals} == {q.id for q in bank.questions if q.is_signal}
    for remedy in bank.remedies:
        assert bank.question(remedy.question).kind == "bool" and remedy.addresses
    # 004: never base the budget on one big client, but dependency never hastens an exit
    assert all(p.max_level not in ("prepare_exit", "end_now") for p in bank.problems if p.dependency)


def _all_texts(bank):
    """Every Text object reachable from the bank, with where it was found."""
    found = []

    def walk(value, where):
        if isinstance(value, Text):
            found.append((where, value))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                if not f.name.startswith("_"):
                    walk(getattr(value, f.name), f"{where}.{f.name}")
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{where}[{key}]")
        elif isinstance(value, (tuple, list)):
            for i, item in enumerate(value):
                walk(item, f"{where}[{i}]")

    walk(bank, "bank")
    return found


def test_every_text_has_english_and_polish(bank):
    texts = _all_texts(bank)
    assert len(texts) > 200  # questions, help, actions, labels, levels, principles, rules, ...
    for where, text in texts:
        assert text.en.strip(), where
        assert text.pl.strip(), where
        assert text("en") == text.en and text("pl") == text.pl


def test_question_texts_are_translated_not_copied(bank):
    for question in bank.questions:
        assert question.text.en != question.text.pl, question.id
        assert question.help.en != question.help.pl, question.id


def test_section_files_use_only_en_and_pl_for_texts():
    for path in sorted(QUESTIONS.glob("*.toml")):
        if path.name == "bank.toml":
            continue
        for item in tomllib.loads(path.read_text(encoding="utf-8")).get("question", []):
            for key in ("text", "help", "action", "exit_action", "why", "unit"):
                if key in item:
                    assert set(item[key]) == {"en", "pl"}, (path.name, item["id"], key)


def test_help_of_late_payments_anchors_the_scale_in_invoices_and_days(bank):
    """The issue asks the help text to say what 'often' means in invoices and days."""
    help_text = bank.question("late_payments").help
    for lang in ("en", "pl"):
        text = help_text(lang)
        assert any(ch.isdigit() for ch in text)
    assert "invoice" in help_text.en.lower() and "day" in help_text.en.lower()
    assert "faktur" in help_text.pl.lower() and "dni" in help_text.pl.lower()


# ---------------------------------------------------------------------------------------------
# Weights, thresholds and review periods are data


def test_changing_a_section_weight_changes_the_score(tmp_path, bank):
    answers = {"toxicity": 4, "late_payments": 1}
    before = assess(bank, answers, "en", TODAY)
    folder = copy_bank(tmp_path)
    edit(folder / "bank.toml", 'id = "emotional"\nfile = "emotional.toml"\nweight = 0.9',
         'id = "emotional"\nfile = "emotional.toml"\nweight = 5.0')
    after = assess(bank_files.load(folder), answers, "en", TODAY)
    assert after.sections == before.sections  # per-section scores do not depend on section weights
    assert after.score > before.score


def test_bands_and_thresholds_come_from_the_bank(tmp_path, bank):
    answers = {"revenue_share": 20, "orders_trend": "declining"}
    before = assess(bank, answers, "en", TODAY)
    assert "dependency" not in before.principles and before.level == "continue"
    folder = copy_bank(tmp_path)
    edit(folder / "dependency.toml", "bands = [[15, 1], [30, 2], [50, 3]]", "bands = [[15, 2], [30, 2], [50, 3]]")
    edit(folder / "trend.toml", "declining = 1, sharply_declining = 2", "declining = 2, sharply_declining = 2")
    after = assess(bank_files.load(folder), answers, "en", TODAY)
    assert "dependency" in after.principles and after.level == "monitor"
    assert after.score > before.score


def test_review_period_comes_from_the_bank(tmp_path, bank):
    folder = copy_bank(tmp_path)
    edit(folder / "bank.toml", "review_days = 180", "review_days = 90")
    result = assess(bank_files.load(folder), {}, "en", TODAY)
    assert result.level == "continue"
    assert (result.review_date - TODAY).days == 90


# ---------------------------------------------------------------------------------------------
# Adding a question is a data change only

NEW_QUESTION = '''

[[question]]
id = "scope_creep"
kind = "scale"
role = "signal"
problem = "scope"
source = "000 §1"
text.en = "How often does the client add work outside the agreed scope without paying for it?"
text.pl = "Jak często klient dokłada prace spoza uzgodnionego zakresu, nie płacąc za nie?"
help.en = "Count change requests in the last 3 months that were not priced. 0 = none; 4 = nearly every week."
help.pl = "Policz prośby o zmiany z ostatnich 3 miesięcy, które nie zostały wycenione. 0 = żadnej; 4 = prawie co tydzień."
action.en = "Price every change request before starting it."
action.pl = "Wyceniaj każdą prośbę o zmianę, zanim zaczniesz ją realizować."
'''

NEW_SECTION = '''

[[section]]
id = "legal"
file = "legal.toml"
weight = 1.0
title.en = "Legal"
title.pl = "Prawo"
'''

LEGAL = '''
[[question]]
id = "threatens_lawsuit"
kind = "bool"
role = "signal"
problem = "respect"
risky_answer = true
text.en = "Has the client threatened to sue you?"
text.pl = "Czy klient groził ci pozwem?"
help.en = "Yes = a written or spoken threat of legal action."
help.pl = "Tak = pisemna lub ustna groźba kroków prawnych."
action.en = "Talk to a lawyer before you reply."
action.pl = "Zanim odpowiesz, porozmawiaj z prawnikiem."
'''


def test_an_added_question_loads_and_is_assessed(tmp_path, bank):
    folder = copy_bank(tmp_path)
    with open(folder / "workload.toml", "a", encoding="utf-8") as handle:
        handle.write(NEW_QUESTION)
    custom = bank_files.load(folder)
    question = custom.question("scope_creep")
    assert question is not None and question.section == "workload"
    assert len(custom.questions) == len(bank.questions) + 1

    quiet = assess(custom, {"scope_creep": 0}, "en", TODAY)
    loud = assess(custom, {"scope_creep": 4}, "en", TODAY)
    assert quiet.score == 0
    assert loud.score > 0 and loud.sections["workload"] > 0
    assert loud.level == "revise_terms"  # its problem (scope) is fixable: fix first
    assert [r.question for r in loud.reasons] == ["scope_creep"]
    assert "scope_creep" in [a.id for a in loud.actions]
    assert loud.confidence == pytest.approx(1 / len(custom.questions), abs=0.005)

    # answers files may use the new id with the custom bank, not with the shipped one
    sheet = parse_answers({"client": "X", "answers": {"scope_creep": 3}}, "a.toml", custom)
    assert sheet.answers == {"scope_creep": 3}
    with pytest.raises(InvalidFile) as caught:
        parse_answers({"client": "X", "answers": {"scope_creep": 3}}, "a.toml", bank)
    assert any(p.field == "answers.scope_creep" for p in caught.value.problems)


def test_an_added_section_loads_and_is_scored(tmp_path):
    folder = copy_bank(tmp_path)
    with open(folder / "bank.toml", "a", encoding="utf-8") as handle:
        handle.write(NEW_SECTION)
    (folder / "legal.toml").write_text(LEGAL, encoding="utf-8")
    custom = bank_files.load(folder)
    assert custom.sections[-1].id == "legal"
    result = assess(custom, {"threatens_lawsuit": True}, "en", TODAY)
    assert result.sections["legal"] == 100
    assert result.score > 0
    assert assess(custom, {"threatens_lawsuit": False}, "en", TODAY).score == 0


# ---------------------------------------------------------------------------------------------
# Validation: a broken bank names the file, the question id and the field


# One case a way of breaking the bank: the edits made to a copy of the shipped bank, as
# (file, old, new) triples; what some problem must name, as (file, question id, field) (a
# table of bank.toml is named by its id or table and field alone); and a word the error must
# quote, or None.
BROKEN_BANKS = [
    pytest.param(
        [("payments.toml", 'text.pl = "Jak często klient płaci po terminie?"\n', "")],
        ("payments.toml", "late_payments", "text.pl"), None,
        id="test_missing_polish_text",
    ),
    pytest.param(
        [("payments.toml", 'id = "contract_breaches"\nkind = "scale"', 'id = "contract_breaches"\nkind = "stars"')],
        ("payments.toml", "contract_breaches", "kind"), "stars",
        id="test_unknown_kind",
    ),
    pytest.param(
        [("payments.toml", 'id = "contract_breaches"\nkind = "scale"', 'id = "contract_breaches"\nkind = 3')],
        ("payments.toml", "contract_breaches", "kind"), None,
        id="test_kind_of_the_wrong_type",
    ),
    # a choice question turned into a scale keeps options it cannot have
    pytest.param(
        [("workload.toml", 'id = "profitability"\nkind = "choice"', 'id = "profitability"\nkind = "scale"')],
        ("workload.toml", "profitability", "options"), None,
        id="test_wrong_kind_for_the_questions_fields",
    ),
    # the domain fixes each canonical question's kind (contract_breaches is a 0..4 scale): a
    # percentage is self-consistent but breaks every answers file and record using the canonical meaning
    pytest.param(
        [("payments.toml", 'id = "contract_breaches"\nkind = "scale"',
          'id = "contract_breaches"\nkind = "percent"\nbands = [[50, 2]]')],
        ("payments.toml", "contract_breaches", "kind"), None,
        id="test_wrong_kind_for_a_canonical_question",
    ),
    # the domain fixes orders_trend's values; answers files and records use them, so renaming one is refused
    pytest.param(
        [("trend.toml", 'options = ["growing", "stable", "declining", "sharply_declining"]',
          'options = ["growing", "stable", "declining", "collapsing"]'),
         ("trend.toml", "declining = 1, sharply_declining = 2", "declining = 1, collapsing = 2")],
        ("trend.toml", "orders_trend", "options"), None,
        id="test_canonical_choice_values_cannot_change",
    ),
    pytest.param(
        [("payments.toml", "bands = { improving = 0, stable = 0, worsening = 1 }",
          "bands = { improving = 0, worsening = 1 }")],
        ("payments.toml", "late_payments_trend", "bands"), "stable",
        id="test_choice_bands_missing_an_option",
    ),
    pytest.param(
        [("payments.toml", "stable = 0, worsening = 1 }", "stable = 0, worsening = 5 }")],
        ("payments.toml", "late_payments_trend", "bands"), None,
        id="test_choice_band_out_of_range",
    ),
    pytest.param(
        [("dependency.toml", "[[15, 1], [30, 2], [50, 3]]", "[[15, 1], [30, 2], [50, 1]]")],
        ("dependency.toml", "revenue_share", "bands"), None,
        id="test_number_bands_falling",
    ),
    pytest.param(
        [("dependency.toml", "[[15, 1], [30, 2], [50, 3]]", "[[30, 1], [15, 2], [50, 3]]")],
        ("dependency.toml", "revenue_share", "bands"), None,
        id="test_number_band_thresholds_not_rising",
    ),
    pytest.param(
        [("payments.toml", 'problem = "money"', 'problem = "monee"')],
        ("payments.toml", "late_payments", "problem"), "monee",
        id="test_a_signal_of_an_unknown_problem",
    ),
    pytest.param(
        [("payments.toml", 'remedy = "payment_terms_enforced"', 'remedy = "payment_terms_enforcd"')],
        ("payments.toml", "late_payments", "remedy"), "payment_terms_enforcd",
        id="test_a_sign_naming_an_unknown_remedy",
    ),
    pytest.param(
        [("bank.toml", 'addresses = ["money"]', 'addresses = ["mony"]')],
        ("bank.toml", "remedy", "addresses"), "mony",
        id="test_a_remedy_addressing_an_unknown_problem",
    ),
    # dependency: a risk to the budget never hastens an exit, even in a custom bank
    pytest.param(
        [("bank.toml", 'max_level = "monitor"\ndependency = true', 'max_level = "end_now"\ndependency = true')],
        ("bank.toml", "dependency", "max_level"), None,
        id="test_a_dependency_problem_may_not_reach_an_exit",
    ),
    # monotone: a worse problem never gives a milder level
    pytest.param(
        [("bank.toml", 'severe   = { untried = "revise_terms", unknown = "revise_terms", failed = "prepare_exit"',
          'severe   = { untried = "monitor", unknown = "monitor", failed = "prepare_exit"')],
        ("bank.toml", "decision.fixable.severe.untried"), None,
        id="test_a_decision_table_milder_for_a_worse_band",
    ),
    # fix_first: trying a remedy whose outcome is not known yet never makes it harsher
    pytest.param(
        [("bank.toml", 'moderate = { untried = "monitor",      unknown = "monitor",',
          'moderate = { untried = "monitor",      unknown = "revise_terms",')],
        ("bank.toml", "decision.fixable.moderate.unknown"), None,
        id="test_a_decision_table_harsher_for_an_unknown_outcome",
    ),
    pytest.param(
        [("bank.toml", 'mild     = { untried = "continue",     unknown = "continue",     failed = "monitor",      partial = "continue",     fixed = "continue" }\nmoderate = { untried = "monitor",',
          'mild     = { untried = "continue",     unknown = "continue",     failed = "monitor",      partial = "continue" }\nmoderate = { untried = "monitor",')],
        ("bank.toml", "decision.fixable.mild"), "fixed",
        id="test_a_decision_table_row_missing_a_state",
    ),
    pytest.param(
        [("relationship.toml", 'id = "distrust"\n', 'id = "distrust"\ncolour = "red"\n')],
        ("relationship.toml", "distrust", "colour"), None,
        id="test_unknown_field",
    ),
    pytest.param(
        [("payments.toml", 'action.en = "Enforce your payment terms', 'action_draft.en = "Enforce your payment terms')],
        ("payments.toml", "late_payments", "action.en"), None,
        id="test_signal_without_an_action",
    ),
    pytest.param(
        [("workload.toml", 'labels.en = ["not at all", "slightly", "noticeably", "heavily", "grossly"]',
          'labels.en = ["not at all", "slightly", "noticeably", "heavily"]')],
        ("workload.toml", "effort_vs_result", "labels.en"), None,
        id="test_scale_labels_of_the_wrong_length",
    ),
    # a misspelt optional field (`wyh` for `why`) must not vanish silently: questions report
    # unknown fields, and so must the tables of bank.toml
    pytest.param(
        [("bank.toml", 'why.en = "Your name is tied', 'wyh.en = "Your name is tied'),
         ("bank.toml", 'why.pl = "Twoja firma', 'wyh.pl = "Twoja firma')],
        ("bank.toml", "ethics", "wyh"), None,
        id="test_unknown_field_in_a_section_of_the_main_file",
    ),
    # a misspelt `[[preventon]]` would silently drop every prevention tip after it
    pytest.param(
        [("bank.toml", '[[prevention]]\nid = "vet_clients"', '[[preventon]]\nid = "vet_clients"')],
        ("bank.toml", "preventon"), None,
        id="test_unknown_table_in_the_main_file",
    ),
    pytest.param(
        [("emotional.toml", 'id = "attachment"\nkind = "scale"\nrole = "bias"',
          'id = "attachment"\nkind = "scale"\nrole = "bias"\nproblem = "wellbeing"')],
        ("emotional.toml", "attachment", "problem"), None,
        id="test_problem_on_a_non_signal_question",
    ),
    pytest.param(
        [("bank.toml", '{ question = "late_payments", at_most = 0 }', '{ question = "late_paymentz", at_most = 0 }')],
        ("bank.toml", "worsening_payments_never_late", "question"), "late_paymentz",
        id="test_unknown_question_id_in_a_condition",
    ),
    pytest.param(
        [("bank.toml", '{ question = "late_payments_trend", equals = "worsening" }',
          '{ question = "late_payments_trend", equals = "awful" }')],
        ("bank.toml", "worsening_payments_never_late", "equals"), None,
        id="test_condition_value_not_allowed_for_the_question",
    ),
    # continue and monitor swap places (through a temporary id)
    pytest.param(
        [("bank.toml", 'id = "continue"\nreview_days', 'id = "TMP"\nreview_days'),
         ("bank.toml", 'id = "monitor"\nreview_days', 'id = "continue"\nreview_days'),
         ("bank.toml", 'id = "TMP"\nreview_days', 'id = "monitor"\nreview_days')],
        ("bank.toml", "level"), None,
        id="test_level_order_wrong",
    ),
    pytest.param(
        [("bank.toml", 'id = "end_now"', 'id = "finish"')],
        ("bank.toml", "level"), None,
        id="test_a_level_missing",
    ),
    pytest.param(
        [("bank.toml", "peak_share = 0.6", "peak_share = 1.6")],
        ("bank.toml", "scoring.peak_share"), None,
        id="test_scoring_value_out_of_range",
    ),
    pytest.param(
        [("bank.toml", 'file = "ethics.toml"', 'file = "../ethics.toml"')],
        ("bank.toml", "file"), None,
        id="test_a_section_file_outside_the_bank_folder_is_refused",
    ),
    # bank 1.1: exit actions, tempering, plural units, exit steps by level
    pytest.param(
        [("context.toml", 'id = "notice_period_days"\n',
          'id = "notice_period_days"\nexit_action.en = "x"\nexit_action.pl = "x"\n')],
        ("context.toml", "notice_period_days", "exit_action"), None,
        id="test_exit_action_needs_an_action",
    ),
    pytest.param(
        [("trend.toml", 'tempers = ["complaints_trend"]', 'tempers = ["notice_period_days"]')],
        ("trend.toml", "complaints_justified", "tempers"), None,
        id="test_tempers_must_name_a_signal",
    ),
    pytest.param(
        [("context.toml", 'unit.pl = ["rok", "lata", "lat", "roku"]', 'unit.pl = ["rok", "lata"]')],
        ("context.toml", "relationship_years", "unit.pl"), None,
        id="test_unit_needs_all_its_plural_forms",
    ),
    pytest.param(
        [("bank.toml", 'levels = ["prepare_exit"]', 'levels = ["monitor"]')],
        ("bank.toml", "diversify", "levels"), None,
        id="test_exit_step_levels_must_be_exit_levels",
    ),
]


@pytest.mark.parametrize(("edits", "named", "quoted"), BROKEN_BANKS)
def test_a_broken_bank_is_refused_naming_the_file_question_and_field(tmp_path, edits, named, quoted):
    folder = copy_bank(tmp_path)
    for file_name, old, new in edits:
        edit(folder / file_name, old, new)
    error = _load_error(folder)
    _assert_named(error, *named)
    if quoted is not None:
        assert quoted in str(error)




def test_empty_polish_help(tmp_path):
    folder = copy_bank(tmp_path)
    edit(folder / "ethics.toml", 'help.pl = "', 'help.pl = "   ", help_old = "')
    error = _load_error(folder)
    assert any(p.file.endswith("ethics.toml") for p in error.problems)


def test_canonical_question_cannot_be_dropped(tmp_path):
    """domain.md: 'A question bank may add more questions; it may not drop or rename these.'"""
    folder = copy_bank(tmp_path)
    edit(folder / "context.toml", 'id = "strategic_value"', 'id = "strategic_worth"')
    error = _load_error(folder)
    assert "strategic_value" in str(error)


def test_duplicate_id_across_files(tmp_path):
    folder = copy_bank(tmp_path)
    edit(folder / "workload.toml", 'id = "urgent_demands"', 'id = "late_payments"')
    error = _load_error(folder)
    _assert_named(error, "workload.toml", "late_payments")
    assert "payments.toml" in str(error) and "duplicate" in str(error).lower()


def test_bad_toml_in_a_section_file(tmp_path):
    folder = copy_bank(tmp_path)
    edit(folder / "trend.toml", 'id = "orders_trend"', 'id = "orders_trend')
    error = _load_error(folder)
    assert any(p.file.endswith("trend.toml") and "TOML" in p.message for p in error.problems)


def test_bad_toml_in_the_main_file(tmp_path):
    folder = copy_bank(tmp_path)
    edit(folder / "bank.toml", f'version = "{bank_files.load_default().version}"', "version = = 1")
    error = _load_error(folder)
    assert any(p.file.endswith("bank.toml") and "TOML" in p.message for p in error.problems)


def test_section_file_missing(tmp_path):
    folder = copy_bank(tmp_path)
    (folder / "ethics.toml").unlink()
    error = _load_error(folder)
    assert any(p.file.endswith("ethics.toml") for p in error.problems), str(error)


def test_every_problem_is_reported_at_once(tmp_path):
    folder = copy_bank(tmp_path)
    edit(folder / "payments.toml", 'id = "contract_breaches"\nkind = "scale"', 'id = "contract_breaches"\nkind = "stars"')
    edit(folder / "relationship.toml", 'id = "distrust"\n', 'id = "distrust"\ncolour = "red"\n')
    error = _load_error(folder)
    _assert_named(error, "payments.toml", "contract_breaches", "kind")
    _assert_named(error, "relationship.toml", "distrust", "colour")


# ---------------------------------------------------------------------------------------------
# Exit actions, action groups, tempering, plural units, exit steps by level (bank 1.1)


def test_every_action_says_what_to_do_at_the_exit_levels_or_is_left_out_there(bank):
    """An exit action is the same advice as a step of leaving; the few actions without one
    (mending the relationship only) are left out of an exit recommendation."""
    with_exit = [q.id for q in bank.questions if q.exit_action]
    assert len(with_exit) >= 20
    for question in bank.questions:
        if question.exit_action:
            assert question.action is not None and question.exit_action != question.action, question.id


def test_action_groups_join_actions_that_say_the_same(bank):
    groups: dict[str, list[str]] = {}
    for question in bank.questions:
        if question.action_group:
            groups.setdefault(question.action_group, []).append(question.id)
    assert set(groups["payment_terms"]) == {"late_payments", "late_payments_trend", "payment_terms_enforced"}
    assert set(groups["capacity"]) == {"resource_drain", "blocks_other_work"}
    assert all(len(members) > 1 for members in groups.values())


def test_only_a_context_question_tempers(tmp_path):
    folder = copy_bank(tmp_path)
    edit(folder / "context.toml", 'id = "strategic_value"\nkind = "scale"\n',
         'id = "strategic_value"\nkind = "scale"\ntempers = ["toxicity"]\n')
    bank_files.load(folder)  # a context scale question may
    edit(folder / "trend.toml", 'role = "context"\nsource = "000 §5, §7"', 'role = "bias"\nsource = "000 §5, §7"')
    _assert_named(_load_error(folder), "trend.toml", "complaints_justified", "tempers")


def test_a_single_unit_text_still_loads(tmp_path):
    """Banks written before units had plural forms keep working (one form for every number)."""
    folder = copy_bank(tmp_path)
    edit(folder / "context.toml", 'unit.pl = ["rok", "lata", "lat", "roku"]', 'unit.pl = "lat"')
    bank = bank_files.load(folder)
    assert bank.question("relationship_years").label(3, "pl", bank) == "3 lat"


@pytest.mark.parametrize("value, en, pl", [
    (1, "1 year", "1 rok"), (2, "2 years", "2 lata"), (4, "4 years", "4 lata"), (5, "5 years", "5 lat"),
    (12, "12 years", "12 lat"), (22, "22 years", "22 lata"), (0, "0 years", "0 lat"),
    (1.5, "1.5 years", "1,5 roku"), (9, "9 years", "9 lat"),
])
def test_number_answers_take_the_right_plural_form(bank, value, en, pl):
    """Polish has three plural forms and one for fractions (1 rok, 2 lata, 5 lat, 1,5 roku);
    before, every number read "lata" (9 lata) and Polish decimals had a point."""
    question = bank.question("relationship_years")
    assert question.label(value, "en", bank) == en
    assert question.label(value, "pl", bank) == pl


def test_notice_period_unit_in_polish(bank):
    question = bank.question("notice_period_days")
    assert [question.label(n, "pl", bank) for n in (1, 2, 30, 90)] == ["1 dzień", "2 dni", "30 dni", "90 dni"]


def test_top_actions_is_data(tmp_path):
    folder = copy_bank(tmp_path)
    edit(folder / "bank.toml", "top_actions = 6 ", "top_actions = 2 ")
    bank = bank_files.load(folder)
    answers = {"late_payments": 4, "urgent_demands": 4, "toxicity": 4, "distrust": 4}
    result = assess(bank, answers, "en", TODAY)
    assert len(result.actions) == 2 and result.more_actions
