"""The canonical questions of the domain brief (../shared/domain.md), traced to the source
articles: the ids every bank must keep, since answers files, records and the reasoning's
principles rely on them."""

from __future__ import annotations

# The canonical questions of the domain brief: id → (section, kind, choice values). A bank may
# add questions; it may not drop, rename, move or retype these, since answers files, records
# and the reasoning's principles rely on them.
CANONICAL: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "late_payments": ("payments", "scale", ()),
    "late_payments_trend": ("payments", "choice", ("improving", "stable", "worsening")),
    "payment_terms_enforced": ("payments", "bool", ()),
    "contract_breaches": ("payments", "scale", ()),
    "renegotiation": ("payments", "scale", ()),
    "urgent_demands": ("workload", "scale", ()),
    "resource_drain": ("workload", "scale", ()),
    "effort_vs_result": ("workload", "scale", ()),
    "profitability": ("workload", "choice", ("profitable", "break_even", "loss_making")),
    "revenue_share": ("dependency", "percent", ()),
    "blocks_other_work": ("dependency", "scale", ()),
    "exclusivity_demand": ("dependency", "bool", ()),
    "reputation_deters_others": ("dependency", "scale", ()),
    "disrespect": ("relationship", "scale", ()),
    "distrust": ("relationship", "scale", ()),
    "dissatisfaction": ("relationship", "scale", ()),
    "communication_breakdown": ("relationship", "scale", ()),
    "disengagement": ("relationship", "scale", ()),
    "orders_trend": ("trend", "choice", ("growing", "stable", "declining", "sharply_declining")),
    "complaints_trend": ("trend", "choice", ("fewer", "stable", "more", "many_more")),
    "toxicity": ("emotional", "scale", ()),
    "wellbeing_impact": ("emotional", "scale", ()),
    "team_morale": ("emotional", "scale", ()),
    "attachment": ("emotional", "scale", ()),
    "unethical_business": ("ethics", "scale", ()),
    "asked_unethical": ("ethics", "bool", ()),
    "reputation_risk": ("ethics", "scale", ()),
    "problem_discussed": ("remediation", "bool", ()),
    "terms_revised": ("remediation", "bool", ()),
    "improvement": ("remediation", "choice", ("not_applicable", "none", "partial", "clear")),
    "relationship_years": ("context", "number", ()),
    "strategic_value": ("context", "scale", ()),
    "notice_period_days": ("context", "number", ()),
    "outstanding_receivables": ("context", "bool", ()),
}
