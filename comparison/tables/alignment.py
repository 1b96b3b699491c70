"""City targets against the targets of the levels above them: its province's documents and the nation's.

Transformations:
- pairs: every target row of a plan with every reference target (data/raw/references.xlsx) of the same
  indicator from a national document or a document of the plan's province (plans.csv province_zh);
- the reference value in the indicator's canonical unit (pint, the codebook's unit registry);
- a status for each pair, with the reason when the two cannot be compared:
  not_comparable when the reference is qualitative (a goal in words), the target years differ, the
  base years of a change differ, the reference is a total for its whole territory, the scope classes differ
  (the codebook's scopes: a reference with no scope meets a city target for the whole city), or
  one side caps what the other sets as a level to reach (a different measure); otherwise exceeds / below
  by value in the indicator's direction (for a "lower is better" indicator a smaller value exceeds), and
  at the same value matches, exceeds or looser_comparator by the comparators' strength
  (gt beats ge and eq, which beat approx: 达到 is read as reaching the value, like 以上);
- difference_std = city value − reference value in the canonical unit (12 significant digits, no float
  noise), for the pairs that compare.
"""
from __future__ import annotations

import math

import pandas as pd

from comparison.curation.references import References
from comparison.curation.taxonomy import Taxonomy
from comparison.curation.units import UnitConverter
from comparison.tables.dictionary import columns

# The scope class (the codebook's scope_classes) that names each level's whole territory: a reference target
# for 全省 or 全国 is one for the whole province or nation, like a target with no scope.
TERRITORY_CLASS = {"provincial": "province", "national": "nation"}
STATUSES = ("exceeds", "matches", "below", "looser_comparator", "not_comparable")
REASONS = ("qualitative", "target_year", "base_year", "total", "scope", "measure")
# How strongly a comparator commits to a target in the indicator's direction; a bound the other way (at
# most, for a higher-is-better indicator) is a cap, a different measure.
STRENGTH = {"higher": {"gt": 3, "ge": 2, "eq": 2, "approx": 1}, "lower": {"lt": 3, "le": 2, "eq": 2, "approx": 1}}


def alignment_table(quantities: pd.DataFrame, manifest: pd.DataFrame, references: References,
                    units: UnitConverter, taxonomy: Taxonomy) -> pd.DataFrame:
    """One row per (city target, reference target of the same indicator at a higher level)."""
    refs = references.targets
    targets = quantities[(quantities.kind == "target") & quantities.indicator_id.isin(set(refs.indicator_id))]
    if targets.empty or refs.empty:
        return pd.DataFrame(columns=columns("alignment"))
    province = dict(zip(manifest.doc_id, manifest.province_zh))
    documents = references.documents.set_index("doc_id")
    level_order = {"provincial": 0, "national": 1}
    scope_class = taxonomy.scope_class_of()
    whole = scope_class[""]  # the class of a scope not stated: the plan's whole jurisdiction
    by_indicator: dict[str, list] = {}
    for ref in refs.itertuples(index=False):  # grouped once: a build of 300 plans pairs ~10^4 target rows
        by_indicator.setdefault(ref.indicator_id, []).append(ref)
    rows = []
    for city in targets.itertuples(index=False):
        candidates = [ref for ref in by_indicator[city.indicator_id]
                      if ref.level == "national" or ref.province_zh == province[city.doc_id]]
        for ref in candidates:
            ref_std = (math.nan if pd.isna(ref.value)
                       else units.convert(float(ref.value), ref.unit_as_written, city.unit_std))
            status, reason_id, reason = compare(city, ref, ref_std, whole, scope_class.get(ref.scope, ""))
            compared = status != "not_comparable"
            rows.append(dict(
                doc_id=city.doc_id, city_id=city.city_id, quantity_id=city.quantity_id, indicator_id=city.indicator_id,
                label_zh=city.label_zh, label_en=city.label_en, measure=city.measure, direction=city.direction,
                unit_std=city.unit_std, value=city.value, comparator=city.comparator, value_std=city.value_std,
                target_year=city.target_year, base_year=city.base_year, scope=_text(city.scope),
                reference_level=ref.level, reference_doc_id=ref.doc_id, reference_target_id=ref.target_id,
                reference_title=documents.title.get(ref.doc_id, ""), reference_kind=ref.kind,
                reference_value=ref.value, reference_comparator=ref.comparator, reference_value_std=ref_std,
                reference_target_year=ref.target_year, reference_base_year=ref.base_year,
                reference_scope=ref.scope, reference_aggregation=ref.aggregation,
                difference_std=_difference(city.value_std, ref_std) if compared else math.nan,
                status=status, reason_id=reason_id, reason=reason, reference_section=ref.section,
                reference_quote=ref.quote, reference_source_kind=ref.source_kind,
                reference_source_url=ref.source_url, quote=city.quote,
                _order=(level_order[ref.level], ref.doc_id, ref.target_id)))
    out = pd.DataFrame(rows)
    plan_order = {d: k for k, d in enumerate(manifest.doc_id)}
    out["_plan"] = out.doc_id.map(plan_order)
    out = out.sort_values(["_plan", "quantity_id", "_order"], kind="stable")
    for col in ("target_year", "base_year", "reference_target_year", "reference_base_year"):
        out[col] = pd.array(out[col], dtype="Int64")
    return out[columns("alignment")].reset_index(drop=True)


def reference_documents_table(references: References) -> pd.DataFrame:
    """The reference documents with the number of targets recorded for each (0 where no text was found)."""
    docs = references.documents.copy()
    targets = references.targets
    docs["n_targets"] = docs.doc_id.map(targets.doc_id.value_counts()).fillna(0).astype(int)
    quantitative = targets[targets.kind == "quantitative"].doc_id.value_counts()
    docs["n_quantitative"] = docs.doc_id.map(quantitative).fillna(0).astype(int)
    news = targets[targets.source_kind == "news_summary"].doc_id.value_counts()
    docs["n_from_news"] = docs.doc_id.map(news).fillna(0).astype(int)
    return docs.rename(columns={"doc_id": "reference_doc_id"}).reindex(columns=columns("reference_documents"))


def _difference(city: float, reference: float) -> float:
    """city − reference to 12 significant digits: 27.4 − 20 is 7.4, not the float noise 7.399999999999999."""
    return float(f"{city - reference:.12g}")


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _year(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def compare(city, ref, ref_std: float, whole: str = "city", ref_class: str = "") -> tuple[str, str, str]:
    """(status, reason_id, reason) of a city target against one reference target (``ref_std`` its value in the
    city row's canonical unit). Both rows carry value, comparator, years and scope; the city row its
    indicator's measure, direction and scope_class. A reference with no scope (or 全省, 全国) covers its whole
    territory and meets a city target of the ``whole`` class (the city's whole jurisdiction); a reference scope
    (农村, of class ``ref_class``) meets a city target of the same class."""
    if ref.kind == "qualitative":
        return "not_comparable", "qualitative", f"the reference states the goal in words, not a number ({ref.quote})"
    city_year, ref_year = _year(city.target_year), _year(ref.target_year)
    if city_year != ref_year:
        return "not_comparable", "target_year", f"target year {city_year or 'not stated'} vs {ref_year}"
    if city.measure == "change":
        city_base, ref_base = _year(city.base_year), _year(ref.base_year)
        if city_base != ref_base:
            return ("not_comparable", "base_year",
                    f"a change counted from {city_base or 'a year not stated'} vs from {ref_base or 'a year not stated'}")
    if ref.aggregation == "total":
        return ("not_comparable", "total",
                f"the reference is a total for the whole {'nation' if ref.level == 'national' else 'province'}; "
                "no city share of it is stated")
    city_scope, ref_scope = _text(city.scope), _text(ref.scope)
    whole_territory = not ref_scope or ref_class == TERRITORY_CLASS.get(ref.level)
    if city.scope_class != (whole if whole_territory else ref_class):
        return ("not_comparable", "scope",
                f"scope {city_scope or 'not stated'} ({city.scope_class}) vs {ref_scope or 'the whole territory'}")
    strength = STRENGTH[city.direction]
    if city.comparator not in strength or ref.comparator not in strength:
        return ("not_comparable", "measure",
                f"comparator {city.comparator} vs {ref.comparator}: a bound against the indicator's direction "
                f"({city.direction} is better) caps the value instead of setting a level to reach")
    sign = 1 if city.direction == "higher" else -1
    if not math.isclose(city.value_std, ref_std, rel_tol=1e-9, abs_tol=1e-12):
        return ("exceeds", "", "") if sign * (city.value_std - ref_std) > 0 else ("below", "", "")
    if strength[city.comparator] > strength[ref.comparator]:
        return "exceeds", "", ""
    if strength[city.comparator] < strength[ref.comparator]:
        return "looser_comparator", "", ""
    return "matches", "", ""
