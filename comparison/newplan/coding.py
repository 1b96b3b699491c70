"""Suggest codes for a new plan from the curated plans: each section's pillar, each sentence's sector,
instrument and synergy flag.

Chinese has no spaces, so both suggesters work on character 1–2-grams (TF-IDF), which carry the policy
vocabulary (秸秆, 光伏, 绿色金融 …) without a word segmenter:

- sentences: one logistic regression per dimension, trained on every curated sentence; the suggestion
  carries the model's probability so a curator can review the least certain rows first;
- sections: the pillar of the most similar curated section heading of the same plan type, or of the
  codebook's pillar labels and examples (its cues) when no curated heading is close.

Suggestions are never data: new-plan writes them with ``status = suggested`` and the build refuses
them until a curator has reviewed each row.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics.pairwise import linear_kernel

from comparison.curation.taxonomy import Taxonomy

MEASURE_DIMENSIONS = ("sector_id", "instrument_id", "synergy")
NGRAMS = (1, 2)
TRAINED_KEPT = 4  # coders kept per process, by the digest of their training data
_trained: dict[str, "MeasureCoder"] = {}


def _vectorizer(ngrams: tuple[int, int] = NGRAMS) -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char", ngram_range=ngrams, sublinear_tf=True, min_df=1)


@dataclass
class MeasureCoder:
    """Sector, instrument and synergy suggestions for sentences, learned from curated measures."""

    vectorizer: TfidfVectorizer
    models: dict[str, LogisticRegression]

    @classmethod
    def train(cls, measures: pd.DataFrame) -> "MeasureCoder":
        """``measures`` needs columns text, sector_id, instrument_id and synergy (curated rows only).

        A process that adds several plans trains once per set of curated sentences: the coder of the
        same training data (same texts and codes, in the same order) is reused, which is the model a new
        training would give (both fits are deterministic)."""
        rows = measures[measures.text.astype(str).str.strip() != ""]
        if rows.empty:
            raise ValueError("no curated sentences to learn from")
        key = _digest(rows[["text", *MEASURE_DIMENSIONS]])
        if key not in _trained:
            while len(_trained) >= TRAINED_KEPT:
                del _trained[next(iter(_trained))]
            _trained[key] = cls._fit(rows)
        return _trained[key]

    @classmethod
    def _fit(cls, rows: pd.DataFrame) -> "MeasureCoder":
        vectorizer = _vectorizer()
        x = vectorizer.fit_transform(rows.text.astype(str))
        models = {}
        for dim in MEASURE_DIMENSIONS:
            labels = rows[dim].astype(str).to_numpy()
            models[dim] = LogisticRegression(C=3.0, class_weight="balanced", max_iter=2000).fit(x, labels) if len(set(labels)) > 1 \
                else _Constant(labels[0])
        return cls(vectorizer, models)

    def suggest(self, texts: list[str]) -> pd.DataFrame:
        """One row per text: each dimension's suggested code and its probability (``<dim>_p``)."""
        out = pd.DataFrame(index=range(len(texts)))
        if not texts:
            for dim in MEASURE_DIMENSIONS:
                out[dim], out[f"{dim}_p"] = pd.Series(dtype=str), pd.Series(dtype=float)
            return out
        x = self.vectorizer.transform(texts)
        for dim, model in self.models.items():
            proba = model.predict_proba(x)
            best = proba.argmax(axis=1)
            out[dim] = model.classes_[best]
            out[f"{dim}_p"] = proba[np.arange(len(texts)), best].round(2)
        return out


def _digest(df: pd.DataFrame) -> str:
    cells = df.astype(str).to_numpy().ravel().tolist()
    return hashlib.sha256("\x1f".join(f"{len(c)}:{c}" for c in cells).encode("utf-8")).hexdigest()


class _Constant:
    """A 'model' for a dimension whose training labels are all the same."""

    def __init__(self, label: str):
        self.classes_ = np.array([label])

    def predict_proba(self, x):
        return np.ones((x.shape[0], 1))


def suggest_pillars(titles: list[str], plan_type: str, curated_sections: pd.DataFrame,
                    taxonomy: Taxonomy) -> pd.DataFrame:
    """Pillar and similarity (0–1) for each section heading of a plan of ``plan_type``.

    Candidates are the curated headings of plans of the same type (``curated_sections`` with columns
    section_title, pillar_id, plan_type) and, as cues, each allowed pillar's label and examples.
    """
    pillars = taxonomy.table("pillars")
    allowed = pillars[pillars.plan_type.isin([plan_type, "both"])]
    cues = []
    for r in allowed.itertuples():
        cues.append((r.label_zh, r.pillar_id))
        cues += [(example.split("、", 1)[-1], r.pillar_id) for example in str(r.examples).split("；") if example]
    same_type = curated_sections[curated_sections.plan_type == plan_type]
    candidates = cues + [(t, p) for t, p in zip(same_type.section_title, same_type.pillar_id)
                         if p in set(allowed.pillar_id)]
    vectorizer = _vectorizer((1, 2)).fit([t for t, _ in candidates] + titles)
    similarity = linear_kernel(vectorizer.transform(titles), vectorizer.transform([t for t, _ in candidates]))
    best = similarity.argmax(axis=1)
    return pd.DataFrame({"section_title": titles,
                         "pillar_id": [candidates[b][1] for b in best],
                         "similarity": similarity[np.arange(len(titles)), best].round(2)})
