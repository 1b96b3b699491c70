"""How a plan is named in figures, tables and findings: "Nanping 2021" / "南平 2021"."""
from __future__ import annotations


def plan_label(row, lang: str) -> str:
    """'Nanping 2021' / '南平 2021' from a plans row; a synergy plan is marked so Nanping's two plans stay
    apart, and a plan with rows not yet reviewed says so."""
    city = row["city_zh"] if lang == "zh" else row["city_en"]
    year = row["doc_id"].rsplit("_", 1)[-1]
    label = f"{city} {year}"
    if row["plan_type"] == "pollution_carbon_synergy":
        label += " 减污降碳" if lang == "zh" else " (synergy)"
    if str(row.get("reviewed", "True")) in ("False", "false"):
        label += "（未审核）" if lang == "zh" else " (unreviewed)"
    return label
