"""The real corpus built once into a temporary copy, its tables in both languages, and in-memory corpora
made from it for the edge cases (one plan, ties, 40 plans)."""
from __future__ import annotations

import shutil
from dataclasses import replace

import pandas as pd
import pytest

from comparison.api import LANGS, load
from comparison.paths import REPO_ROOT, project_paths
from comparison.pipeline import build
from comparison.tables.plan_labels import plan_label

ID_PREFIXED = ("clause_id", "sentence_id", "quantity_id")


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """A copy of the project with its processed tables (``make build`` on a copy, never on the tree)."""
    root = tmp_path_factory.mktemp("built")
    shutil.copytree(REPO_ROOT / "data" / "raw", root / "data" / "raw")
    build(project_paths(root))
    return project_paths(root)


@pytest.fixture(scope="session")
def real(built):
    """lang → the five seed plans' tables."""
    return {lang: load(lang, built) for lang in LANGS}


def copies(t, plans: list[tuple[str, str]]):
    """Tables of new plans made from loaded ones: ``plans`` lists (source doc_id, new city id); the new plan
    is an exact copy of its source under doc_id ``<city>_<year>``, in a city of its own, so any count or
    share is the source's. Used to make ties (two copies of one plan) and large corpora (40 plans)."""
    year = {d: d.rsplit("_", 1)[-1] for d in map(str, t.plans.doc_id)}
    new_ids = [f"{city}_{year[src]}" for src, city in plans]
    by_source: dict[str, list[tuple[str, str]]] = {}
    for (src, city), new in zip(plans, new_ids):
        by_source.setdefault(src, []).append((new, city))

    def expand(df: pd.DataFrame) -> pd.DataFrame:
        parts = []
        for new, (src, city) in zip(new_ids, plans):
            part = df[df.doc_id.astype(str) == src].copy()
            for col in part.columns:
                if col in ID_PREFIXED:
                    part[col] = part[col].astype(str).str.replace(src, new, n=1, regex=False)
            part["doc_id"] = new
            if "city_id" in part:
                part["city_id"] = city
            parts.append(part.drop(columns=[c for c in ("plan",) if c in part]))
        out = pd.concat(parts, ignore_index=True)
        out["doc_id"] = pd.Categorical(out.doc_id, categories=new_ids, ordered=True)
        return out

    plans_df = expand(t.plans)
    plans_df["city_zh"] = [f"{r.city_zh}{k}" for k, r in enumerate(plans_df.itertuples(), 1)]
    plans_df["city_en"] = [f"{r.city_en} {k}" for k, r in enumerate(plans_df.itertuples(), 1)]
    plans_df["plan"] = [plan_label(r, t.lang) for r in plans_df.astype({"doc_id": str}).to_dict("records")]
    labels = dict(zip(plans_df.doc_id.astype(str), plans_df.plan))
    out = {"plans": plans_df}
    for name in ("quantities", "measures", "priorities", "responsibilities", "clauses", "sentences"):
        df = expand(getattr(t, name))
        df["plan"] = pd.Categorical(df.doc_id.astype(str).map(labels), categories=[labels[d] for d in new_ids],
                                    ordered=True)
        out[name] = df
    return replace(t, **out)


def replicated(t, n: int):
    """``n`` plans: the loaded plans copied in turn (plan k is a copy of plan k mod 5), each its own city."""
    docs = list(map(str, t.plans.doc_id))
    city = dict(zip(docs, t.plans.city_id.astype(str)))
    return copies(t, [(docs[k % len(docs)], f"c{k + 1:03d}{city[docs[k % len(docs)]]}") for k in range(n)])


@pytest.fixture(scope="session")
def copy_plans():
    return copies


@pytest.fixture(scope="session")
def replicate():
    return replicated


@pytest.fixture(scope="session")
def forty(real, replicate):
    """lang → 40 plans: the five seed plans copied eight times, each copy a city of its own."""
    return {lang: replicate(t, 40) for lang, t in real.items()}
