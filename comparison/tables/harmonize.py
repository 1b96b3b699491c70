"""Harmonize validated inputs into tidy tables: canonical units, indicator labels, categories, profiles.

Transformations:
- quantities: indicator labels, sector (from the indicator) and pillar (from the clause's section);
  value_std = value converted by pint from the unit as written to the indicator's canonical unit;
  each quote located to the sentence it starts in;
- measures: pillar (section map) and the shared pillar it rolls up to, instrument type (parent code),
  specificity flags (a digit, a year);
- priorities: per plan, counts and shares of sentences and characters per category of each dimension,
  with every category present (zeros included) so profiles line up;
- quantities: the scope class of each scope as written (the codebook's scopes sheet; not stated = the whole city);
- comparison: every target value of the indicators two or more plans set, with whether it is comparable
  (same unit, measure, target year, base year and scope class as another plan's) and why not;
- responsibilities: responsible units mapped to canonical agencies.

In a preview (``build --allow-suggested``) validation has left out the rows still suggested that fail a
check, so every row here can be harmonized; only responsible units of a plan under review that the agency
dictionary lacks are left out here, and counted.
"""
from __future__ import annotations

import re

import pandas as pd

from comparison.tables.comparability import comparability
from comparison.tables.dictionary import columns
from comparison.problems import Problem

YEAR = re.compile(r"(19|20)\d\d年")
DIGIT = re.compile(r"\d")


def harmonize(inputs) -> dict[str, pd.DataFrame]:
    measures = measures_table(inputs)
    quantities = quantities_table(inputs, measures)
    return {
        "plans": plans_table(inputs, measures, quantities),
        "quantities": quantities,
        "measures": measures,
        "priorities": priorities_table(inputs, measures, quantities),
        "comparison": comparison_table(inputs, quantities),
        "responsibilities": responsibilities_table(inputs),
    }


def _section_pillars(inputs) -> dict[tuple[str, int], str]:
    s = inputs.curated.sections
    return {(d, int(n)): p for d, n, p in zip(s.doc_id, s.section_no, s.pillar_id)}


def _roll_up(taxonomy, sheet: str) -> dict[str, str]:
    """Each code → its top-level ancestor (itself when it has no parent)."""
    df = taxonomy.table(sheet)
    parent = dict(zip(df.iloc[:, 0], df.parent_id))
    top = {}
    for code in parent:
        c = code
        while parent.get(c):
            c = parent[c]
        top[code] = c
    return top


def measures_table(inputs) -> pd.DataFrame:
    m = inputs.curated.measures
    pillars = _section_pillars(inputs)
    pillar_group = _roll_up(inputs.taxonomy, "pillars")
    instrument_type = _roll_up(inputs.taxonomy, "instruments")
    city = dict(zip(inputs.manifest.doc_id, inputs.manifest.city_id))
    rows = []
    coded = {r.sentence_id: r for r in m.itertuples()}  # validation keeps sentence_id unique
    for doc in inputs.docs.values():
        for c in doc.clauses:
            for s in c.sentences:
                code = coded.get(s.sentence_id)
                if code is None:
                    continue
                pillar = pillars.get((doc.doc_id, c.section_no), "")
                rows.append(dict(
                    sentence_id=s.sentence_id, clause_id=c.clause_id, doc_id=doc.doc_id, city_id=city[doc.doc_id],
                    pillar_id=pillar, pillar_group_id=pillar_group.get(pillar, ""), sector_id=code.sector_id,
                    instrument_id=code.instrument_id, instrument_type_id=instrument_type[code.instrument_id],
                    synergy=bool(code.synergy), has_number=bool(DIGIT.search(s.text)),
                    has_deadline=bool(YEAR.search(s.text)), n_chars=len(s.text), text=s.text))
    return pd.DataFrame(rows, columns=columns("measures"))


def _sentence_at(inputs, doc_id: str, clause_id: str, quote: str) -> str:
    doc = inputs.docs[doc_id]
    clause = doc.clause(clause_id)
    c_start, c_end = doc.clean.raw_span(clause.start, clause.end)
    pos = doc.raw.find(quote, c_start)
    for s in clause.sentences:
        s_start, s_end = doc.clean.raw_span(s.start, s.end)
        if s_start <= pos < s_end:
            return s.sentence_id
    return ""


def quantities_table(inputs, measures: pd.DataFrame) -> pd.DataFrame:
    q = inputs.curated.quantities
    indicators = {r.indicator_id: r for r in inputs.taxonomy.table("indicators").itertuples()}
    clause_pillar = {}
    pillars = _section_pillars(inputs)
    for doc in inputs.docs.values():
        for c in doc.clauses:
            clause_pillar[c.clause_id] = pillars.get((doc.doc_id, c.section_no), "")
    city = dict(zip(inputs.manifest.doc_id, inputs.manifest.city_id))
    scope_class = inputs.taxonomy.scope_class_of()
    rows = []
    for r in q.itertuples():
        meta = indicators[r.indicator_id]
        unit_std = meta.canonical_unit
        value_std = r.value if r.unit_as_written == "" else inputs.units.convert(r.value, r.unit_as_written, unit_std)
        rows.append(dict(
            quantity_id=r.quantity_id, doc_id=r.doc_id, city_id=city[r.doc_id], clause_id=r.clause_id,
            sentence_id=_sentence_at(inputs, r.doc_id, r.clause_id, r.quote), kind=r.kind,
            indicator_id=r.indicator_id, label_zh=meta.label_zh, label_en=meta.label_en, sector_id=meta.sector_id,
            pillar_id=clause_pillar.get(r.clause_id, ""), measure=meta.measure, direction=meta.direction,
            value_as_written=r.value_as_written, value=r.value, comparator=r.comparator, unit=r.unit_as_written, value_std=value_std, unit_std=unit_std,
            target_year=r.target_year, base_year=r.base_year, scope=r.scope, scope_class=scope_class[r.scope],
            commitment=r.commitment, quote=r.quote))
    out = pd.DataFrame(rows, columns=columns("quantities"))
    for col in ("target_year", "base_year"):
        out[col] = out[col].astype("Int64")
    return out.sort_values(["doc_id", "quantity_id"], kind="stable").reset_index(drop=True)


def plans_table(inputs, measures, quantities) -> pd.DataFrame:
    n_sentences = measures.doc_id.value_counts().to_dict()
    n_quantities = quantities.doc_id.value_counts().to_dict()
    n_kind = quantities.groupby(["doc_id", "kind"]).size().to_dict()
    rows = []
    for r in inputs.manifest.itertuples():
        doc = inputs.docs[r.doc_id]
        rows.append(dict(r._asdict(), reviewed=r.doc_id not in inputs.curated.unreviewed_docs,
                         n_chars=len(doc.clean.text), n_clauses=len(doc.clauses),
                         n_sentences=int(n_sentences.get(r.doc_id, 0)), n_quantities=int(n_quantities.get(r.doc_id, 0)),
                         n_targets=int(n_kind.get((r.doc_id, "target"), 0)),
                         n_baselines=int(n_kind.get((r.doc_id, "baseline"), 0))))
    return pd.DataFrame(rows, columns=columns("plans"))


def priorities_table(inputs, measures, quantities) -> pd.DataFrame:
    tax = inputs.taxonomy
    targets = quantities[quantities.kind == "target"].merge(
        measures[["sentence_id", "sector_id", "instrument_id", "instrument_type_id", "pillar_group_id"]],
        on="sentence_id", how="left", suffixes=("_indicator", ""))
    dims = {
        "pillar_group": ("pillar_group_id", sorted(tax.ids("pillars") - set(tax.table("pillars").query("parent_id != ''").pillar_id))),
        "sector": ("sector_id", sorted(tax.leaf_ids("sectors"))),
        "instrument": ("instrument_id", sorted(tax.leaf_ids("instruments"))),
        "instrument_type": ("instrument_type_id", sorted(set(tax.table("instruments").query("parent_id == ''").instrument_id))),
    }
    # Counts per (doc_id, category) for the whole corpus at once; a missing pair counts zero.
    counts = {dim: measures.groupby(["doc_id", col]).size().to_dict() for dim, (col, _) in dims.items()}
    chars = {dim: measures.groupby(["doc_id", col]).n_chars.sum().to_dict() for dim, (col, _) in dims.items()}
    tcounts = {dim: targets.groupby(["doc_id", col]).size().to_dict() for dim, (col, _) in dims.items()}
    per_doc = measures.groupby("doc_id", sort=True).agg(city_id=("city_id", "first"), total_n=("n_chars", "size"),
                                                         total_c=("n_chars", "sum"))
    rows = []
    for doc_id, city_id, total_n, total_c in zip(per_doc.index, per_doc.city_id, per_doc.total_n, per_doc.total_c):
        total_n, total_c = int(total_n), int(total_c)
        for dim, (col, cats) in dims.items():
            for cat in cats:
                n, c = int(counts[dim].get((doc_id, cat), 0)), int(chars[dim].get((doc_id, cat), 0))
                rows.append(dict(doc_id=doc_id, city_id=city_id, dimension=dim, category_id=cat,
                                 n_sentences=n, share_sentences=n / total_n if total_n else 0.0, n_chars=c,
                                 share_chars=c / total_c if total_c else 0.0,
                                 n_targets=int(tcounts[dim].get((doc_id, cat), 0))))
    return pd.DataFrame(rows, columns=columns("priorities"))


def comparison_table(inputs, quantities) -> pd.DataFrame:
    """Every target row of an indicator two or more plans set, with whether it is comparable and why.

    Tidy: one row per target quantity (a plan restating a number in another section has two rows), the plans
    in manifest order; comparability.comparability says which other plans' values it can be set beside."""
    t = quantities[quantities.kind == "target"]
    n_plans = t.groupby("indicator_id").doc_id.nunique()
    t = t[t.indicator_id.map(n_plans) >= 2]
    rank = {d: k for k, d in enumerate(inputs.manifest.doc_id)}
    t = t.assign(n_plans=t.indicator_id.map(n_plans), _rank=t.doc_id.map(rank))
    t = t.sort_values(["indicator_id", "_rank", "quantity_id"], kind="stable").reset_index(drop=True)
    out = pd.concat([t, comparability(t)], axis=1)
    return out[columns("comparison")]


def unknown_agencies(docs, taxonomy) -> list[Problem]:
    """Responsible units named in the texts that the agency dictionary cannot map (checked by validate)."""
    agency_of = taxonomy.agency_of()
    return [Problem(taxonomy.file, "responsible unit not in the agency dictionary", sheet="agency_aliases",
                    column="name_as_written", value=name,
                    expected=f"a row mapping it to an agency_id (named in {c.clause_id})",
                    fix="add the name and its agency_id to agency_aliases (or accept its row in the city workbook's "
                        "sheet proposed_agencies with accept-proposals)", doc_id=doc.doc_id)
            for doc in docs.values() for c in doc.clauses for name in c.responsible_units if name not in agency_of]


def responsibilities_table(inputs) -> pd.DataFrame:
    """One row per responsible unit named in a clause. Validated inputs map every name to an agency, except
    in a preview a plan under review: its unknown names are left out and counted."""
    agency_of = inputs.taxonomy.agency_of()
    agencies = inputs.taxonomy.table("agencies").set_index("agency_id")
    left_out = inputs.curated.preview.left_out
    rows = []
    for doc in inputs.docs.values():
        for c in doc.clauses:
            for k, name in enumerate(c.responsible_units, 1):
                a = agency_of.get(name)
                if a is None:
                    key = (doc.doc_id, "responsible units not in the agency dictionary")
                    left_out[key] = left_out.get(key, 0) + 1
                    continue
                rows.append(dict(doc_id=doc.doc_id, city_id=doc.city_id, clause_id=c.clause_id, position=k,
                                 name_as_written=name, agency_id=a, label_zh=agencies.loc[a, "label_zh"],
                                 label_en=agencies.loc[a, "label_en"]))
    return pd.DataFrame(rows, columns=columns("responsibilities"))
