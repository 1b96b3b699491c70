"""How a plan is named in figures, tables and findings: "Nanping 2021" / "南平 2021"; two plans of a city as a
pair: "Nanping 2021 — 2022 (synergy)".

A label is the city and the plan's year, a synergy plan marked so a city's two kinds of plan stay apart. Two
plans that would share a label (a draft and the final text of one plan, say) are told apart by their status
and, failing that, by their doc_id: every table keyed by label, and every figure, needs one plan per label.
"""
from __future__ import annotations

import re
from os.path import commonprefix

import pandas as pd

YEAR = re.compile(r"(?:^|_)((?:19|20)[0-9]{2})(?=_|$)")
SYNERGY = {"en": " (synergy)", "zh": " 减污降碳"}
DRAFT = {"en": " (draft)", "zh": "（征求意见稿）"}
UNREVIEWED = {"en": " (unreviewed)", "zh": "（未审核）"}


def plan_year(row) -> str:
    """The plan's year: the last year in its doc_id (new-plan asks for ``<city>_<year>``), else the year of
    its issue date, else none."""
    years = YEAR.findall(str(row["doc_id"]))
    if years:
        return years[-1]
    issued = row.get("issued")
    return str(issued)[:4] if isinstance(issued, str) and re.match(r"(?:19|20)[0-9]{2}-", issued) else ""


def _base(row, lang: str) -> str:
    city = row["city_zh"] if lang == "zh" else row["city_en"]
    label = f"{city} {plan_year(row)}".strip()
    return label + (SYNERGY[lang] if row["plan_type"] == "pollution_carbon_synergy" else "")


def _unreviewed(row) -> bool:
    return str(row.get("reviewed", "True")) in ("False", "false")


def plan_label(row, lang: str) -> str:
    """'Nanping 2021' / '南平 2021' from a plans row alone; a plan with rows not yet reviewed says so.
    ``plan_labels`` gives the labels of a set of plans, each told apart from the others."""
    return _base(row, lang) + (UNREVIEWED[lang] if _unreviewed(row) else "")


def plan_labels(plans: pd.DataFrame, lang: str) -> dict[str, str]:
    """doc_id → label for every plan of ``plans`` (the whole manifest, so a selection's labels are the same),
    no two alike: where plans share one, a draft says so, and where that is not enough each adds its doc_id."""
    rows = plans.astype({"doc_id": str}).to_dict("records")
    labels = {r["doc_id"]: _base(r, lang) for r in rows}
    for step in ("status", "doc_id"):
        shared = pd.Series(labels).duplicated(keep=False)
        for r in rows:
            d = r["doc_id"]
            if shared[d]:
                if step == "status" and r.get("status") == "draft":
                    labels[d] += DRAFT[lang]
                elif step == "doc_id":
                    labels[d] += f" [{d}]"
    return {r["doc_id"]: labels[r["doc_id"]] + (UNREVIEWED[lang] if _unreviewed(r) else "") for r in rows}


def split_common(a: str, b: str) -> tuple[str, str, str]:
    """Two plan labels of one city as the city and what follows it in each ("Nanping 2021", "Nanping 2022
    (synergy)" → "Nanping", "2021", "2022 (synergy)"): the words both start with, up to the year (the first
    word that starts with a digit) and never a whole label ("Xi'an", "Xi'an 2023" → "", "Xi'an", "Xi'an 2023")."""
    wa, wb = a.split(" "), b.split(" ")
    year = min((k for w in (wa, wb) for k, word in enumerate(w) if word[:1].isdigit()), default=len(wa))
    common = min(len(commonprefix([wa, wb])), year, len(wa) - 1, len(wb) - 1)
    return " ".join(wa[:common]), " ".join(wa[common:]), " ".join(wb[common:])


def pair_label(a: str, b: str) -> str:
    """One line for a pair of plan labels, the city once: "Nanping 2021 — 2022 (synergy)"."""
    common, ra, rb = split_common(a, b)
    return f"{common} {ra} — {rb}" if common else f"{a} — {b}"
