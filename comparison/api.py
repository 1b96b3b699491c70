"""What notebooks call: the processed tables as DataFrames, with categorical codes and labels in one language.

``load(lang)`` reads ``data/processed`` (run ``make build`` first) and adds label columns so no notebook
re-implements a join or a mapping: ``plan`` (e.g. "Nanping 2021" / "南平 2021"), ``sector``, ``pillar``,
``instrument``, ``instrument_type``, ``category``, ``indicator``, ``agency``, ``comparator_label`` and
``scope_class_label`` in the chosen language, and ``comparator_symbol`` (≥, ≤, ≈ … from the codebook) next to each comparator code.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from comparison.tables.plan_labels import plan_labels
from comparison.paths import ProjectPaths, project_paths
from comparison.curation.taxonomy import CODE_COLUMN_SHEETS, DIMENSION_SHEETS, Taxonomy, load_taxonomy

LANGS = ("zh", "en")
TABLE_NAMES = ("plans", "quantities", "measures", "priorities", "comparison", "responsibilities", "clauses",
               "sentences", "alignment", "reference_documents")


@dataclass
class Tables:
    lang: str
    plans: pd.DataFrame
    quantities: pd.DataFrame
    measures: pd.DataFrame
    priorities: pd.DataFrame
    comparison: pd.DataFrame
    responsibilities: pd.DataFrame
    clauses: pd.DataFrame
    sentences: pd.DataFrame
    alignment: pd.DataFrame
    reference_documents: pd.DataFrame
    taxonomy: Taxonomy
    paths: ProjectPaths  # where this selection's figures and tables go (``paths.outputs``)

    @property
    def plan_order(self) -> list[str]:
        return list(self.plans.doc_id)

    def plan_labels(self) -> dict[str, str]:
        return dict(zip(self.plans.doc_id, self.plans.plan))

    def labels(self, sheet: str) -> dict[str, str]:
        return self.taxonomy.labels(sheet, self.lang)


def comparator_symbols(taxonomy: Taxonomy) -> dict[str, str]:
    """Comparator code → its display symbol (ge → ≥), from the codebook's comparators sheet."""
    sheet = taxonomy.table("comparators")
    return dict(zip(sheet.comparator, sheet.symbol))


def _restored(df: pd.DataFrame) -> pd.DataFrame:
    """The table with formula-neutralized free text restored (a sentence that starts with "-"; codes and
    numbers are never neutralized): ``restore_formula`` on every text cell, done column by column with one
    vectorized match (cell by cell it cost seconds at 300 plans), built in one go (assigning the columns
    of the wide comparison table one by one, one per plan, fragments it)."""
    def restored(column: pd.Series) -> pd.Series:
        if not (column.dtype == object or pd.api.types.is_string_dtype(column.dtype)):
            return column
        try:  # most columns hold no neutralized cell: one join finds that at C speed
            joined = "\x00".join(column.dropna().tolist())
            if not (joined.startswith("'") or "\x00'" in joined):
                return column
        except TypeError:  # not all text: look cell by cell
            pass
        try:
            hit = column.str.match(r"'[=+\-@]", na=False)  # what restore_formula undoes: ' then = + - @
        except AttributeError:  # an object column without text
            return column
        return column.mask(hit, column.str[1:]) if hit.any() else column

    return pd.DataFrame({col: restored(df[col]) for col in df.columns}, index=df.index)


def load(lang: str = "en", paths: ProjectPaths | None = None, docs: list[str] | None = None) -> Tables:
    """The processed tables in ``lang`` ("zh" or "en"), optionally only the plans in ``docs``.

    With ``docs``, ``Tables.paths`` sends the notebook's figures and tables to their own folder."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    paths = paths or project_paths()
    if isinstance(docs, str):
        docs = [docs]
    missing = [n for n in TABLE_NAMES if not (paths.processed / f"{n}.csv").exists()]
    if missing:
        raise FileNotFoundError(f"data/processed/{missing[0]}.csv is missing: run `make build` first")
    t = {n: pd.read_csv(paths.processed / f"{n}.csv", dtype={"doc_id": str}, keep_default_na=False,
                        na_values=[""]) for n in TABLE_NAMES}
    t = {n: _restored(df) for n, df in t.items()}
    taxonomy = load_taxonomy(paths)
    plans = t["plans"]
    all_plans = plans
    if docs:
        unknown = [d for d in docs if d not in set(plans.doc_id)]
        if unknown:
            raise ValueError(f"docs: {', '.join(map(repr, unknown))} not in data/processed/plans.csv; "
                             f"choose from {', '.join(plans.doc_id)}")
        plans = plans[plans.doc_id.isin(docs)]
    plans = plans.copy()
    names = {lg: plan_labels(all_plans, lg) for lg in LANGS}  # over the manifest: a selection names plans alike
    plans["plan"] = plans.doc_id.map(names[lang])
    order = list(plans.doc_id)
    labels = dict(zip(plans.doc_id, plans.plan))
    for name in TABLE_NAMES:
        df = t[name]
        if "doc_id" in df.columns:
            df = df[df.doc_id.isin(order)].copy()
            df["plan"] = pd.Categorical(df.doc_id.map(labels), categories=[labels[d] for d in order], ordered=True)
            df["doc_id"] = pd.Categorical(df.doc_id, categories=order, ordered=True)
        for col, sheet in CODE_COLUMN_SHEETS.items():
            if col in df.columns:
                label = col.removesuffix("_id") if col.endswith("_id") else f"{col}_label"
                df[label] = df[col].map(taxonomy.labels(sheet, lang))
        if "comparator" in df.columns:
            df["comparator_symbol"] = df.comparator.map(comparator_symbols(taxonomy))
        if "indicator_id" in df.columns:
            df["indicator"] = df[f"label_{lang}"]
        elif "agency_id" in df.columns:
            df["agency"] = df[f"label_{lang}"]
        t[name] = df
    pr = t["priorities"]
    by_dimension = {d: taxonomy.labels(sheet, lang) for d, sheet in DIMENSION_SHEETS.items()}  # once, not per row
    pr["category"] = [by_dimension[d].get(c, c) for d, c in zip(pr.dimension, pr.category_id)]
    t["plans"] = plans.assign(doc_id=pd.Categorical(plans.doc_id, categories=order, ordered=True))
    t["plans"].attrs["all_plans"] = list(zip(all_plans.doc_id, all_plans.city_id))
    t["plans"].attrs["labels"] = {lg: {d: names[lg][d] for d in order} for lg in LANGS}
    if len(order) < len(all_plans):
        paths = paths.selecting("docs", order)
    return Tables(lang=lang, taxonomy=taxonomy, paths=paths, **t)
