"""The key tables of each section, computed from the loaded tables with the analyses the notebooks call.

Every target shown carries its provenance: the clause it is in and the exact words of the plan (the
quote, line breaks as in the raw text). Codes are shown as the codebook's labels in the report's
language; shares as percentages. A table longer than ``MAX_ROWS`` shows its first rows and says where
the whole table is.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from comparison.analysis import alignment as al
from comparison.analysis import priorities as pr
from comparison.analysis import responsibility as rs
from comparison.analysis.overview import plan_overview
from comparison.analysis.targets import (comparability_notes, headline_targets, reconcile_pairs, same_city_pairs,
                                         shared_targets, target_text, targets)
from comparison.api import Tables
from comparison.tables.plan_labels import pair_label
from comparison.report import words

MAX_ROWS = 60
PROVENANCE = ("clause_id", "quote")


@dataclass
class KeyTable:
    caption: str
    df: pd.DataFrame
    total_rows: int
    where: str              # the file that holds the whole table
    wide: set[str] = field(default_factory=set)
    group: str | None = None  # a column shown as heading rows
    note: str = ""
    number: int = 0         # numbered across the report when it is assembled


def _table(caption: str, df: pd.DataFrame, where: str, wide=(), note: str = "", group: str | None = None) -> KeyTable:
    """The first ``MAX_ROWS`` rows, without columns that are empty in every row (provenance always stays)."""
    shown = df.head(MAX_ROWS).reset_index(drop=True)
    empty = [c for c in shown.columns if c not in PROVENANCE and shown[c].astype(str).str.strip().eq("").all()]
    return KeyTable(caption, shown.drop(columns=empty), len(df), where, set(wide), group, note)


def _percent(series: pd.Series) -> pd.Series:
    return series.map(lambda v: "" if pd.isna(v) else f"{100 * v:.1f}%")


def _year(series: pd.Series) -> pd.Series:
    return series.map(lambda v: "" if pd.isna(v) else str(int(v)))


def commitment_label(t: Tables, value) -> str:
    """确保 / 力争 as written; in English with the codebook's gloss ("确保 (ensure)"); nothing for none."""
    if pd.isna(value) or str(value) in ("", "none"):
        return ""
    if t.lang == "zh":
        return str(value)
    sheet = t.taxonomy.table("commitments")
    gloss = dict(zip(sheet.commitment.astype(str), sheet.definition.astype(str))).get(str(value), "")
    return f"{value} ({gloss.split(':')[0]})" if gloss else str(value)


def targets_with_provenance(t: Tables, rows: pd.DataFrame) -> pd.DataFrame:
    """Target rows as printed: plan, indicator, target (comparator, value, unit), years, scope, commitment,
    clause and quote."""
    return pd.DataFrame({
        "plan": rows.plan.astype(str).to_numpy(),
        "indicator": rows.indicator.astype(str).to_numpy(),
        "target": [target_text(v, s, u, t.lang)
                   for v, s, u in zip(rows.value_std, rows.comparator_symbol, rows.unit_std)],
        "target_year": _year(rows.target_year).to_numpy(),
        "base_year": _year(rows.base_year).to_numpy(),
        "scope": rows.scope.fillna("").astype(str).to_numpy(),
        "commitment": [commitment_label(t, c) for c in rows.commitment],
        "clause_id": rows.clause_id.astype(str).to_numpy(),
        "quote": rows.quote.astype(str).to_numpy(),
    })


def overview_tables(t: Tables) -> list[KeyTable]:
    o = plan_overview(t)
    df = o[["plan", "n_chars", "n_clauses", "n_sentences", "n_targets", "n_baselines"]].copy()
    for col in ("share_number", "share_deadline", "share_responsible"):
        df[col] = _percent(o[col])
    caption = {"en": "Plan size and specificity", "zh": "方案规模与具体程度"}[t.lang]
    return [_table(caption, df, "data/processed/plans.csv")]


def target_tables(t: Tables) -> list[KeyTable]:
    lang = t.lang
    shared = shared_targets(t.quantities)
    notes = comparability_notes(shared, lang, t.labels("scope_classes"), t.plan_labels())
    yes, no = (words.ui(lang, "yes"), words.ui(lang, "no"))
    colon = "：" if lang == "zh" else ": "
    shared_table = targets_with_provenance(t, shared)
    shared_table.insert(6, "comparable", [yes if ok else f"{no}{colon}{why}"
                                          for ok, why in zip(notes.comparable, notes.reason)])
    shared_caption = {"en": "Targets set by two or more plans, with their source",
                      "zh": "两个及以上方案设定的目标及其出处"}[lang]
    headline = headline_targets(t.quantities, lang)
    q = t.quantities.set_index("quantity_id")
    headline = headline.assign(clause_id=headline.quantity_id.map(q.clause_id),
                               comparator_symbol=headline.quantity_id.map(q.comparator_symbol))
    headline_caption = {"en": "Headline targets (the plans' overall sections), with their source",
                        "zh": "各方案总体要求部分的主要目标及其出处"}[lang]
    tables = [_table(shared_caption, shared_table, "data/processed/comparison.csv", {"quote"},
                     words.ui(lang, "source_quote"), group="indicator"),
              _table(headline_caption, targets_with_provenance(t, headline),
                     f"reports/tables/02_headline_targets_{lang}.csv", {"quote"}, group="plan")]
    disagreements = city_conflicts(t)
    if len(disagreements):
        caption = {"en": "Targets on which a city's plans disagree (each plan against the city's plan before it), "
                         "with their source",
                   "zh": "同一城市前后方案不一致的目标（每份方案与该市前一份方案对照）及其出处"}[lang]
        tables.append(_table(caption, disagreements, "reports/tables/02_reconciliation.csv", {"quote"}, group="pair"))
    return tables


def city_conflicts(t: Tables) -> pd.DataFrame:
    """Every target row behind a conflict of two plans of one city (``analysis.targets.reconcile_pairs``), both
    plans' rows, each with its clause and quote, under the pair they belong to."""
    pairs = same_city_pairs(t.plans)
    rec = reconcile_pairs(t.quantities, pairs, t.lang)
    conflicts = rec[rec.status == "conflict"]
    if conflicts.empty:
        return pd.DataFrame()
    names = t.plan_labels()
    rows = targets(t.quantities).assign(doc=lambda d: d.doc_id.astype(str))
    parts = []
    for r in conflicts.itertuples():
        for doc in (r.plan_a, r.plan_b):
            part = rows[(rows.doc == doc) & (rows.indicator_id == r.indicator_id)]
            parts.append(targets_with_provenance(t, part).assign(pair=pair_label(names[r.plan_a], names[r.plan_b])))
    out = pd.concat(parts, ignore_index=True)
    return out[["pair", *[c for c in out.columns if c != "pair"]]]


def priority_tables(t: Tables) -> list[KeyTable]:
    lang = t.lang
    top = pr.top_emphasis(pr.profile(t.priorities, "sector"))
    sectors = t.labels("sectors")
    plan_of = t.plan_labels()
    df = pd.DataFrame({"plan": top.doc_id.map(plan_of), "rank": top["rank"], "sector": top.category_id.map(sectors),
                       "share": _percent(top.share), "mean": _percent(top.mean_share),
                       "difference": top.difference.map(lambda v: f"{100 * v:+.1f}")})
    emphasis_caption = {"en": "Each plan's three most over-emphasised sectors "
                              "(percentage points above the mean of the plans)",
                        "zh": "各方案最突出的三个行业（高于各方案平均的百分点）"}[lang]
    syn = pr.synergy_share(t.measures)
    synergy = pd.DataFrame({"plan": syn.doc_id.map(plan_of), "n_sentences": syn.n_sentences, "n_synergy": syn.n_synergy,
                            "share_sentences": _percent(syn.share_sentences), "share_chars": _percent(syn.share_chars)})
    synergy_caption = {"en": "Pollution–carbon synergy measures per plan", "zh": "各方案的减污降碳协同措施"}[lang]
    return [_table(emphasis_caption, df, "data/processed/priorities.csv"),
            _table(synergy_caption, synergy, "data/processed/measures.csv")]


def similarity_tables(t: Tables) -> list[KeyTable]:
    """The local passages the notebook exported (its examples of text no other plan shares), with sentence ids."""
    path = t.paths.tables / f"05_local_passages_{t.lang}.csv"
    if not path.exists():
        return []
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    keep = [c for c in ("plan", "sector", "sentence_id", "text") if c in df.columns]
    caption = {"en": "Examples of local passages (no 8-character shingle found in any other plan)",
               "zh": "各方案独有段落示例（任何 8 字片段均未见于其他方案）"}[t.lang]
    return [_table(caption, df[keep], f"reports/tables/05_local_passages_{t.lang}.csv", {"text"})]


def responsibility_tables(t: Tables) -> list[KeyTable]:
    if t.responsibilities.empty:
        return []
    leads = rs.top_leads(rs.involvement(t.responsibilities))
    agencies = t.labels("agencies") if "agencies" in t.taxonomy.sheets else {}
    n = rs.clauses_with_units(t.responsibilities)
    sep = "、" if t.lang == "zh" else ", "
    df = pd.DataFrame({"plan": leads.doc_id.map(t.plan_labels()),
                       "agency": [sep.join(agencies.get(a, a) for a in ids) for ids in leads.agency_id],
                       "lead": leads.lead, "n_clauses": leads.doc_id.map(n).astype("Int64")})
    caption = {"en": "The agency leading the most clauses in each plan that names responsible units",
               "zh": "各列明责任单位的方案中牵头条款最多的部门"}[t.lang]
    return [_table(caption, df, "data/processed/responsibilities.csv")]


def alignment_tables(t: Tables) -> list[KeyTable]:
    """Each city target beside the province's and the nation's target of the same indicator, with both
    sources: the city's clause and quote, the reference document, its section and quote."""
    a = getattr(t, "alignment", None)
    if a is None or a.empty:
        return []
    lang = t.lang
    symbols = dict(zip(t.quantities.comparator, t.quantities.comparator_symbol))
    clause_of = dict(zip(t.quantities.quantity_id, t.quantities.clause_id))
    colon = "：" if lang == "zh" else ": "
    status = [al.STATUS_LABELS[lang].get(s, s) + (f"{colon}{al.REASON_LABELS[lang].get(r, r)}" if isinstance(r, str)
                                                  and r else "") for s, r in zip(a.status, a.reason_id)]
    reference = [("" if pd.isna(v) else target_text(v, symbols.get(c, c), u, lang))
                 for v, c, u in zip(a.reference_value_std, a.reference_comparator, a.unit_std)]
    df = pd.DataFrame({
        "plan": a.plan.astype(str).to_numpy(), "indicator": a.indicator.astype(str).to_numpy(),
        "target": [target_text(v, s, u, lang) for v, s, u in zip(a.value_std, a.comparator_symbol, a.unit_std)],
        "target_year": _year(a.target_year).to_numpy(),
        "reference_level": [al.LEVEL_LABELS[lang].get(x, x) for x in a.reference_level],
        "reference_title": a.reference_title.fillna("").astype(str).to_numpy(), "reference_target": reference,
        "status": status, "clause_id": a.quantity_id.map(clause_of).astype(str).to_numpy(),
        "quote": a.quote.astype(str).to_numpy(), "reference_quote": a.reference_quote.fillna("").astype(str).to_numpy(),
    })
    caption = {"en": "City targets beside the province's and the nation's, with both sources",
               "zh": "城市目标与省级、国家目标对照及其出处"}[lang]
    return [_table(caption, df, "data/processed/alignment.csv", {"quote", "reference_quote"}, group="plan")]


BY_SECTION = {"01": overview_tables, "02": target_tables, "03": priority_tables, "05": similarity_tables,
              "06": responsibility_tables, "07": alignment_tables}


def key_tables(number: str, t: Tables) -> list[KeyTable]:
    make = BY_SECTION.get(number)
    return make(t) if make else []
