"""How a pre-filled answer's origin is said, on screen and in reports."""

from __future__ import annotations

from wizard.i18n import day, t
from wizard.model.prefill import Prefill


def source_text(prefill: Prefill, lang: str) -> str:
    """Where the answer came from, e.g. "carried over from the assessment of 12.09.2026";
    a source's evidence (a ledger's figures) follows after a colon."""
    text = t(f"prefill.{prefill.source}", lang, date=day(prefill.on, lang) if prefill.on else "?",
             ref=prefill.ref or "?")
    return f"{text}: {prefill.evidence}" if prefill.evidence else text
