"""Reading a question bank from TOML: the files, the sections, the questions and their texts.

Every problem is collected with the file, the question id and the field (see
wizard/model/problems.py), so a broken or custom bank never ends in a traceback. The reasoning's own
tables (problems, remedies, the decision table, rules) are read in rules_codec.py.
"""

from __future__ import annotations

from pathlib import Path

from wizard.model.bank import (
    EXIT_CAUSES,
    FINDINGS,
    LEVELS,
    PRINCIPLES,
    SCALE_MAX,
    STATES,
    Bank,
    Item,
    Level,
    Principle,
    Question,
    Scoring,
    Section,
)
from wizard.model.canonical import CANONICAL
from wizard.model.problems import InvalidFile, Problem, join
from wizard.storage.rules_codec import (
    read_conditions, read_decision, read_exit_cause, read_problems, read_remediation, read_remedies,
    read_rules, read_subset,
)
from wizard.storage.question_codec import QuestionReader
from wizard.storage.toml_read import read_toml


def read_bank(path: Path) -> Bank:
    """A bank folder (with bank.toml) or a bank file, validated; raises InvalidFile."""
    main_file, folder = (path / "bank.toml", path) if path.is_dir() else (path, path.parent)
    reader = BankReader(str(main_file))
    bank = reader.bank(read_toml(main_file), folder)
    if reader.problems:
        raise InvalidFile(reader.problems)
    assert bank is not None
    return bank

class BankReader(QuestionReader):
    """Reads a whole bank: its scales, scoring, levels, principles, sections and their questions,
    and (through rules_codec.py) the reasoning's tables."""

    def bank(self, data: dict, folder: Path) -> Bank | None:
        self.known(data, {"version", "scale", "bool", "severity", "state", "scoring", "level", "principle",
                          "section", "problem", "remedy", "remediation", "decision", "dealbreaker",
                          "consistency", "exit_step", "exit_cause", "prevention", "consequence", "finding"}, "")
        for key in ("scale", "bool", "severity", "state"):
            self.known(data.get(key), {"labels"}, key)
        version = self.get(data, "version", str, "")
        counts = {"scale": SCALE_MAX + 1, "bool": 2, "severity": SCALE_MAX + 1, "state": len(STATES)}
        labels = {key: self.texts(data.get(key, {}), "labels", key, count) if self._table(data, key) else ()
                  for key, count in counts.items()}
        scoring = self.scoring(data)
        levels = self.levels(data)
        principles = self.principles(data)
        sections = self.sections(data, folder)
        questions = {q.id: q for s in sections for q in s.questions}
        if sections:
            for qid in CANONICAL:
                if qid not in questions and not any(qid in p.field for p in self.problems):
                    self.problem("question", f"the canonical question '{qid}' is missing "
                                 "(a bank may add questions, never drop or rename the canonical ones)")
        problems = read_problems(self, data, questions)
        remedies = read_remedies(self, data, questions, problems)
        remediation = read_remediation(self, data, questions)
        decision = read_decision(self, data)
        rules = {key: read_rules(self, data, key, questions) for key in ("dealbreaker", "consistency", "exit_step")}
        for_cause = read_exit_cause(self, data, questions)
        prevention = self.items(data, "prevention")
        consequences = self.items(data, "consequence", sides=("us", "client"), questions=questions)
        if scoring is not None and scoring.diversify not in questions:
            self.problem("scoring.diversify", f"'{scoring.diversify}' is not a question of this bank")
        findings = {item.id: item.text for item in self.items(data, "finding")}
        for missing in sorted(set(FINDINGS) - set(findings)):
            self.problem("finding", f"missing: '{missing}'")
        if self.problems:
            return None
        return Bank(
            version=version, path=self.file, scale_labels=labels["scale"], bool_labels=labels["bool"],
            scoring=scoring, levels=levels, principles=principles, sections=sections,
            band_labels=labels["severity"], state_labels=labels["state"], problems=problems,
            remedies=remedies, remediation=remediation, decision=decision,
            dealbreakers=rules["dealbreaker"], consistency=rules["consistency"], exit_steps=rules["exit_step"], for_cause=for_cause,
            prevention=prevention, consequences=consequences, findings=findings,
        )

    def tempered(self, sections: list[Section], files: dict[str, str]) -> None:
        """A question may temper only signals (it scales their band down), and a qualifier
        qualifies only another sign (it adds to a scale answer's band)."""
        questions = {q.id: q for s in sections for q in s.questions}
        for question in questions.values():
            for target in question.tempers:
                other = questions.get(target)
                if other is None or not other.is_signal:
                    self.problems.append(Problem(files[question.id], f"question '{question.id}'.tempers",
                                                 f"'{target}' is not a signal question of this bank"))
            if question.qualifies:
                other = questions.get(question.qualifies)
                if other is None or not other.is_signal or other.kind != "scale" or other.qualifies:
                    self.problems.append(Problem(files[question.id], f"question '{question.id}'.qualifies",
                                                 f"'{question.qualifies}' is not a scale signal question of this bank"))

    def _table(self, data: dict, key: str) -> bool:
        if not isinstance(data.get(key), dict):
            self.problem(key, "is missing" if key not in data else "must be a table")
            return False
        return True

    def scoring(self, data: dict) -> Scoring | None:
        if not self._table(data, "scoring"):
            return None
        table = data["scoring"]
        self.known(table, set(Scoring.__dataclass_fields__), "scoring")
        values = {
            "peak_share": self.number(table, "peak_share", "scoring", 0, 1),
            "fires_at": self.number(table, "fires_at", "scoring", 1, SCALE_MAX),
            "attachment_min": self.number(table, "attachment_min", "scoring", 0, SCALE_MAX),
            "attachment_years": self.number(table, "attachment_years", "scoring", 0),
            "attachment_score": self.number(table, "attachment_score", "scoring", 0, 100),
            "own_fault_first": self.number(table, "own_fault_first", "scoring", 0, SCALE_MAX),
            "thin": self.number(table, "thin", "scoring", 0, 1),
            "top_reasons": self.number(table, "top_reasons", "scoring", 1, 50),
            "top_actions": self.number(table, "top_actions", "scoring", 1, 50),
            "strategic_min": self.number(table, "strategic_min", "scoring", 0, SCALE_MAX),
            "diversify": self.get(table, "diversify", str, "scoring"),
        }
        for key in ("fires_at", "attachment_min", "attachment_score", "own_fault_first", "top_reasons", "top_actions",
                    "strategic_min"):
            if isinstance(values.get(key), float):
                self.problem(f"scoring.{key}", f"must be a whole number (got {values[key]})")
                values[key] = None
        if None in values.values():
            return None
        return Scoring(**values)

    def levels(self, data: dict) -> tuple[Level, ...]:
        levels = []
        for where, item in self.entries(data, "level"):
            self.known(item, {"id", "review_days", "label", "summary"}, where)
            level_id = self.get(item, "id", str, where)
            if level_id is not None and level_id not in LEVELS:
                self.problem(join(where, "id"), f"must be one of {', '.join(LEVELS)}")
            review_days = self.number(item, "review_days", where, 1, 3650)
            label = self.text(item, "label", where)
            summary = self.text(item, "summary", where)
            if None not in (level_id, review_days, label, summary):
                levels.append(Level(level_id, int(review_days), label, summary))
        if [lv.id for lv in levels] != list(LEVELS):
            self.problem("level", f"must list exactly the five levels in order: {', '.join(LEVELS)}")
        return tuple(levels)

    def principles(self, data: dict) -> dict[str, Principle]:
        result = {}
        for where, item in self.entries(data, "principle"):
            self.known(item, {"id", "name", "text"}, where)
            pid = self.get(item, "id", str, where)
            name = self.text(item, "name", where)
            text = self.text(item, "text", where)
            if pid is not None and pid not in PRINCIPLES:
                self.problem(join(where, "id"), f"unknown principle (allowed: {', '.join(PRINCIPLES)})")
            elif None not in (pid, name, text):
                result[pid] = Principle(pid, name, text)
        missing = [p for p in PRINCIPLES if p not in result]
        if missing and not self.problems:
            self.problem("principle", f"missing: {', '.join(missing)}")
        return result

    def sections(self, data: dict, folder: Path) -> tuple[Section, ...]:
        sections = []
        seen: dict[str, str] = {}
        for where, item in self.entries(data, "section"):
            self.known(item, {"id", "file", "weight", "title", "why", "question"}, where)
            sid = self.get(item, "id", str, where)
            title = self.text(item, "title", where)
            why = self.text(item, "why", where, required=False)
            weight = self.number(item, "weight", where, 0)
            file = self.get(item, "file", str, where, required="question" not in item)
            if sid is None or title is None or weight is None:
                continue
            if file is not None:
                if Path(file).is_absolute() or ".." in Path(file).parts:
                    self.problem(join(where, "file"), "must be a file name inside the bank's folder")
                    continue
                path = folder / file
                try:
                    section_data = read_toml(path)
                except InvalidFile as error:
                    self.problems.extend(error.problems)
                    continue
                source = str(path)
            else:
                section_data, source = item, self.file
            questions = self.questions(section_data, sid, source, seen)
            if weight > 0 and not any(q.is_signal for q in questions):
                self.problem(join(where, "weight"), "must be 0 for a section with no signal questions")
            sections.append(Section(sid, title, float(weight), why, tuple(questions)))
        self.tempered(sections, seen)
        self.files = seen  # question id → the file it is written in, for problems found later
        if not sections and not self.problems:
            self.problem("section", "the bank has no sections")
        if sections and sum(s.weight for s in sections) <= 0:
            self.problem("section", "at least one section needs a weight above 0")
        return tuple(sections)

    def items(self, data: dict, key: str, sides: tuple[str, ...] = (),
              questions: dict[str, Question] | None = None) -> tuple[Item, ...]:
        """Prevention tips, consequences (with a side and optional conditions) or findings."""
        items = []
        allowed = {"id", "text"} | ({"side", "when", "when_any", "causes"} if sides else set())
        for where, item in self.entries(data, key):
            self.known(item, allowed, where)
            iid = self.get(item, "id", str, where)
            text = self.text(item, "text", where)
            side, extra = "", {}
            if sides:
                side = self.get(item, "side", str, where)
                if side is not None and side not in sides:
                    self.problem(join(where, "side"), f"must be one of {', '.join(sides)}")
                extra = {"when": read_conditions(self, item, "when", where, questions or {}),
                         "when_any": read_conditions(self, item, "when_any", where, questions or {}),
                         "causes": read_subset(self, item, "causes", EXIT_CAUSES, where)}
            if None not in (iid, text, side, *extra.values()):
                items.append(Item(iid, text, side, **extra))
        return tuple(items)


