"""Reading a question bank from TOML: the files, the sections, the questions and their texts.

Every problem is collected with the file, the question id and the field (see
wizard/model/problems.py), so a broken or custom bank never ends in a traceback. The reasoning's own
tables (problems, remedies, the decision table, rules) are read in rules_codec.py.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from wizard.i18n import LANGUAGES
from wizard.model.bank import (
    CANONICAL,
    EXIT_CAUSES,
    FINDINGS,
    KINDS,
    LEVELS,
    PRINCIPLES,
    ROLES,
    SCALE_MAX,
    STATES,
    UNIT_FORMS,
    Bank,
    Item,
    Level,
    Principle,
    Question,
    Scoring,
    Section,
    Text,
    Unit,
)
from wizard.model.problems import FieldReader, InvalidFile, Problem, join
from wizard.storage.rules_codec import (
    read_conditions, read_decision, read_exit_cause, read_problems, read_remediation, read_remedies,
    read_rules, read_subset,
)
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


class BankReader(FieldReader):
    """Reads plain TOML data into bank objects, collecting problems instead of raising."""

    def text(self, table: dict, key: str, where: str, required: bool = True) -> Text | None:
        value = self.get(table, key, dict, where, required)
        if value is None:
            return None
        texts = {}
        for lang in LANGUAGES:
            texts[lang] = self.get(value, lang, str, join(where, key))
            if texts[lang] is not None and not texts[lang].strip():
                self.problem(join(where, key, lang), "must not be empty")
        for extra in set(value) - set(LANGUAGES):
            self.problem(join(where, key, extra), f"unknown language (allowed: {', '.join(LANGUAGES)})")
        if None in texts.values():
            return None
        return Text(**texts)

    def texts(self, table: dict, key: str, where: str, count: int | None) -> tuple[Text, ...]:
        value = self.get(table, key, dict, where)
        if value is None:
            return ()
        lists = {}
        for lang in LANGUAGES:
            items = self.get(value, lang, list, join(where, key))
            if items is None:
                return ()
            if not all(isinstance(i, str) and i.strip() for i in items):
                self.problem(join(where, key, lang), "must be a list of non-empty texts")
                return ()
            if count is not None and len(items) != count:
                self.problem(join(where, key, lang), f"must have {count} entries (got {len(items)})")
                return ()
            lists[lang] = items
        if len(lists["en"]) != len(lists["pl"]):
            self.problem(join(where, key), "en and pl must have the same number of entries")
            return ()
        return tuple(Text(en, pl) for en, pl in zip(lists["en"], lists["pl"]))

    def number(self, table: dict, key: str, where: str, low: float, high: float | None = None):
        value = self.get(table, key, (int, float), where)
        if value is None:
            return None
        if value < low or (high is not None and value > high) or not math.isfinite(value):
            allowed = f"{low} to {high}" if high is not None else f"at least {low}"
            self.problem(join(where, key), f"must be {allowed} (got {value})")
            return None
        return value

    def entries(self, data: dict, key: str, where: str = "") -> list[tuple[str, dict]]:
        """An array of tables, each paired with a readable name for problem messages."""
        items = self.get(data, key, list, where, required=False) or []
        result = []
        for index, item in enumerate(items):
            name = f"{key}[{index}]"
            if not isinstance(item, dict):
                self.problem(name, "must be a table")
                continue
            if isinstance(item.get("id"), str):
                name = f"{key} '{item['id']}'"
            result.append((name, item))
        return result

    # -- the bank -----------------------------------------------------------------------------

    def known(self, table: object, allowed: set[str], where: str) -> None:
        """A misspelt field would silently drop data: name it instead."""
        if isinstance(table, dict):
            for key in sorted(set(table) - allowed):
                self.problem(join(where, key), f"unknown field (allowed: {', '.join(sorted(allowed))})")

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

    def questions(self, data: dict, section: str, file: str, seen: dict[str, str]) -> list[Question]:
        reader = BankReader(file)
        if file != self.file:
            reader.known(data, {"question"}, "")
        result = []
        for where, item in reader.entries(data, "question"):
            question = reader.question(item, where, section)
            if question is None:
                continue
            if question.id in seen:
                reader.problem(where, f"duplicate question id (also in {seen[question.id]})")
                continue
            seen[question.id] = file
            reader.canonical(question, where)
            result.append(question)
        self.problems.extend(reader.problems)
        return result

    def canonical(self, question: Question, where: str) -> None:
        if question.id not in CANONICAL:
            return
        section, kind, options = CANONICAL[question.id]
        if question.section != section:
            self.problem(where, f"a canonical question of section '{section}' (found in '{question.section}')")
        if question.kind != kind:
            self.problem(join(where, "kind"), f"the canonical question is a {kind} question (got {question.kind})")
        elif options and question.options != options:
            self.problem(join(where, "options"), f"the canonical values are {', '.join(options)}, in this order")

    def question(self, item: dict, where: str, section: str) -> Question | None:
        before = len(self.problems)
        qid = self.get(item, "id", str, where)
        if qid is not None and not (qid.isidentifier() and qid.isascii() and qid.islower()):
            self.problem(join(where, "id"), "must be lower_case_with_underscores (ASCII)")
        kind = self.get(item, "kind", str, where)
        if kind is not None and kind not in KINDS:
            self.problem(join(where, "kind"), f"must be one of {', '.join(KINDS)} (got '{kind}')")
        role = self.get(item, "role", str, where)
        if role is not None and role not in ROLES:
            self.problem(join(where, "role"), f"must be one of {', '.join(ROLES)} (got '{role}')")
        known = {
            "id", "kind", "role", "source", "text", "help", "action", "why", "labels", "options",
            "option_labels", "bands", "band", "risky_answer", "qualifies", "unit", "exit_action",
            "action_group", "remedy", "problem", "tempers",
        }
        for extra in sorted(set(item) - known):
            self.problem(join(where, extra), f"unknown field (allowed: {', '.join(sorted(known))})")
        text = self.text(item, "text", where)
        help_text = self.text(item, "help", where)
        source = self.get(item, "source", str, where, required=False) or ""
        why = self.text(item, "why", where, required=False)
        action = self.text(item, "action", where, required=role == "signal")
        exit_action = self.text(item, "exit_action", where, required=False)
        action_group = self.get(item, "action_group", str, where, required=False) or ""
        for key in ("exit_action", "action_group"):
            if key in item and "action" not in item:
                self.problem(join(where, key), "needs an 'action' too")
        tempers = self.tempers(item, where, kind, role)
        remedy = self.get(item, "remedy", str, where, required=False) or ""
        qualifies = self.get(item, "qualifies", str, where, required=False) or ""
        problem = self.get(item, "problem", str, where, required=role == "signal") or ""
        for key in ("remedy", "qualifies", "problem"):
            if key in item and role != "signal":
                self.problem(join(where, key), "only a signal question has one")
        if kind not in KINDS or role not in ROLES:
            return None
        details = self.kind_details(item, where, kind, role)
        if len(self.problems) > before or details is None:
            return None
        return Question(
            id=qid, section=section, kind=kind, role=role, text=text, help=help_text,
            source=source, action=action, exit_action=exit_action, action_group=action_group,
            remedy=remedy, qualifies=qualifies, problem=problem, why=why, tempers=tempers, **details,
        )

    def tempers(self, item: dict, where: str, kind: str | None, role: str | None) -> tuple[str, ...]:
        if "tempers" not in item:
            return ()
        value = self.get(item, "tempers", list, where)
        if value is None:
            return ()
        if role != "context" or kind not in ("scale", "percent"):
            self.problem(join(where, "tempers"), "only a context question of kind scale or percent tempers signals")
            return ()
        if not value or not all(isinstance(v, str) and v for v in value):
            self.problem(join(where, "tempers"), "must be a list of signal question ids")
            return ()
        return tuple(value)

    def kind_details(self, item: dict, where: str, kind: str, role: str) -> dict | None:
        details: dict[str, Any] = {}
        allowed = {"scale": {"labels"}, "choice": {"options", "option_labels", "bands"},
                   "bool": {"risky_answer", "band"}, "percent": {"bands"}, "number": {"bands", "unit"}}[kind]
        for key in {"labels", "options", "option_labels", "bands", "band", "risky_answer", "unit"} - allowed:
            if key in item:
                self.problem(join(where, key), f"does not apply to a {kind} question")
        signal = role == "signal"
        if not signal:
            for key in ("bands", "band", "risky_answer"):
                if key in item:
                    self.problem(join(where, key), "only signal questions carry a severity band")
        if kind == "scale" and "labels" in item:
            details["labels"] = self.texts(item, "labels", where, SCALE_MAX + 1)
        elif kind == "choice":
            options = self.get(item, "options", list, where)
            if options is None:
                return None
            if len(options) < 2 or not all(isinstance(o, str) and o for o in options) or len(set(options)) != len(options):
                self.problem(join(where, "options"), "must be a list of two or more distinct values")
                return None
            details["options"] = tuple(options)
            details["labels"] = self.texts(item, "option_labels", where, len(options))
            if signal:
                details["choice_bands"] = self.choice_bands(item, where, tuple(options))
        elif kind == "bool" and signal:
            details["risky_answer"] = self.get(item, "risky_answer", bool, where)
            if "band" in item:
                details["risky_band"] = self.band(item, "band", where)
        elif kind in ("percent", "number"):
            if kind == "number" and "unit" in item:
                details["unit"] = self.unit(item, where)
            if signal:
                bands = self.get(item, "bands", list, where)
                if bands is not None:
                    details["thresholds"] = self.thresholds(bands, join(where, "bands"), kind)
        return details

    def band(self, table: dict, key: str, where: str) -> int | None:
        value = self.get(table, key, int, where)
        if value is not None and not 0 <= value <= SCALE_MAX:
            self.problem(join(where, key), f"must be a band from 0 to {SCALE_MAX} (got {value})")
            return None
        return value

    def choice_bands(self, item: dict, where: str, options: tuple[str, ...]) -> dict[str, int]:
        """`bands = { option = band, ... }`: a band 0..4 for every option."""
        bands = self.get(item, "bands", dict, where)
        if bands is None:
            return {}
        if set(bands) != set(options):
            self.problem(join(where, "bands"), f"must give a band for each option: {', '.join(options)}")
            return {}
        values = {option: self.band(bands, option, join(where, "bands")) for option in options}
        return {} if None in values.values() else values

    def unit(self, item: dict, where: str) -> Unit | None:
        """`unit.en = ["day", "days"]`, `unit.pl = ["dzień", "dni", "dni", "dnia"]`, or one text each."""
        value = self.get(item, "unit", dict, where)
        if value is None:
            return None
        forms = {}
        for lang in LANGUAGES:
            field = join(where, "unit", lang)
            raw = value.get(lang)
            if isinstance(raw, str):
                raw = [raw]
            count = UNIT_FORMS[lang]
            if not isinstance(raw, list) or len(raw) not in (1, count) or not all(
                    isinstance(f, str) and f.strip() for f in raw):
                self.problem(field, f"must be a text, or a list of {count} plural forms")
                return None
            forms[lang] = tuple(raw)
        for extra in set(value) - set(LANGUAGES):
            self.problem(join(where, "unit", extra), f"unknown language (allowed: {', '.join(LANGUAGES)})")
        return Unit(**forms)

    def thresholds(self, pairs: list, where: str, kind: str) -> tuple[tuple[float, int], ...]:
        """`bands = [[from, band], ...]`: from this value on, this band (0..4)."""
        ok = pairs and all(
            isinstance(p, list) and len(p) == 2 and isinstance(p[0], (int, float)) and not isinstance(p[0], bool)
            and isinstance(p[1], int) and not isinstance(p[1], bool) and 0 <= p[1] <= SCALE_MAX
            and 0 <= p[0] and (kind != "percent" or p[0] <= 100) and math.isfinite(p[0])
            for p in pairs
        )
        if not ok:
            self.problem(where, f"must be one or more [from, band] pairs, band 0 to {SCALE_MAX}")
            return ()
        starts, bands = [p[0] for p in pairs], [p[1] for p in pairs]
        if starts != sorted(set(starts)) or bands != sorted(bands):
            # A larger number never gives a milder band: a worse answer never warns less.
            self.problem(where, "the values must rise strictly and the bands must not fall")
            return ()
        return tuple((float(x), int(b)) for x, b in pairs)

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


