"""Reading the questions of a question bank: each question's kind, options, bands, unit and
texts, and the canonical questions the reasoning relies on checked."""

from __future__ import annotations

import math
from typing import Any

from wizard.i18n import LANGUAGES
from wizard.model.bank import KINDS, ROLES, SCALE_MAX, UNIT_FORMS, Question, Unit
from wizard.model.canonical import CANONICAL
from wizard.model.problems import join
from wizard.storage.bank_fields import BankFields


class QuestionReader(BankFields):
    """The questions of one bank file."""

    def questions(self, data: dict, section: str, file: str, seen: dict[str, str]) -> list[Question]:
        reader = type(self)(file)
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
