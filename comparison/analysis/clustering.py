"""Descriptive clustering: plans on their sector profiles (with a sentence bootstrap), sentences into themes.

With five plans nothing here is a test: the dendrogram says which profiles are closest, the bootstrap says
whether that grouping survives re-drawing each plan's own sentences, and the themes are a reading aid
for the sentences, not natural clusters.

- Plan distance: Jensen–Shannon distance (base 2, so 0 = identical profile, 1 = disjoint) between the
  plans' shares of coded sentences per sector; it is made for probability distributions, bounded and a
  true metric, so merge heights in the tree read as distances. Linkage: average (UPGMA).
- Themes: TF-IDF over character 2–3-grams of the sentence texts (Chinese has no word boundaries), k-means
  on the L2-normalized vectors, k chosen by the highest mean silhouette (cosine distance) over a range;
  each theme is named by the 4-character phrases that most over-represent it. Above ``SAMPLE`` sentences
  (the real corpus has about 800) k-means is fitted on, and the silhouette averaged over, one fixed sample
  of ``SAMPLE`` sentences (the same for every k and every start), and every sentence then joins its
  nearest centre: the silhouette needs all pairwise distances, quadratic in time and memory, and k-means
  on tens of thousands of sentences costs minutes for a reading aid.

k-means runs with its native thread pools limited to one thread: on a small machine OpenMP threads of
k-means and BLAS threads oversubscribe the cores and make it an order of magnitude slower.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from scipy.special import xlogy
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.metrics import adjusted_mutual_info_score, adjusted_rand_score, silhouette_score
from sklearn.metrics.pairwise import cosine_distances
from threadpoolctl import threadpool_limits

from comparison.analysis.ngrams import char_ngram_counts
from comparison.analysis.similarity import doc_order, normalize

LINKAGE = "average"
SAMPLE = 2000     # sentences: above this, k-means and the silhouette work on a sample (module docstring)
SAMPLE_SEED = 0   # the sample is the same whatever the k-means seed, so seed agreement measures starts only


def profile_matrix(priorities: pd.DataFrame, dimension: str = "sector") -> pd.DataFrame:
    """Plans × categories of one dimension: the share of each plan's coded sentences (from priorities)."""
    p = priorities[priorities.dimension == dimension]
    wide = p.pivot_table(index="doc_id", columns="category_id", values="share_sentences", aggfunc="sum",
                         observed=True, fill_value=0.0)
    wide.index = wide.index.astype(str)
    return wide.reindex(doc_order(p)).rename_axis(index="doc_id", columns="category_id")


def profiles_from_codes(measures: pd.DataFrame, column: str, categories: list[str]) -> pd.DataFrame:
    """The same shares recomputed from the coded sentences: what the bootstrap does on each replicate."""
    counts = pd.crosstab(measures.doc_id.astype(str), measures[column]).reindex(columns=categories, fill_value=0)
    shares = counts.div(counts.sum(axis=1), axis=0)
    return shares.reindex(doc_order(measures)).rename_axis(index="doc_id", columns="category_id")


def js_distances(profiles) -> np.ndarray:
    """Condensed pairwise Jensen–Shannon distances (base 2) between the rows (each a distribution).

    All pairs at once (row i against row j for i < j, in pdist's order). The divergence is written as
    (Σ p log p + Σ q log q) / 2 − Σ m log m with m = (p + q) / 2, so only the last sum is computed per pair;
    it equals scipy's jensenshannon up to rounding (and is exactly 0 for equal rows).
    """
    rows = np.asarray(profiles, dtype=float)
    rows = rows / rows.sum(axis=1, keepdims=True)
    own = xlogy(rows, rows).sum(axis=1)
    i, j = np.triu_indices(len(rows), 1)
    mid = (rows[i] + rows[j]) / 2.0
    divergence = (own[i] + own[j]) / 2.0 - xlogy(mid, mid).sum(axis=1)
    return np.sqrt(np.maximum(divergence, 0.0) / np.log(2.0))


def distance_matrix(profiles: pd.DataFrame) -> pd.DataFrame:
    """Plans × plans Jensen–Shannon distances, labelled by the profiles' index."""
    return pd.DataFrame(squareform(js_distances(profiles)), index=profiles.index, columns=profiles.index)


def plan_linkage(profiles: pd.DataFrame, method: str = LINKAGE) -> np.ndarray:
    """Hierarchical clustering of the plans (rows): scipy linkage matrix on Jensen–Shannon distances."""
    return linkage(js_distances(profiles), method=method)


def cut(link: np.ndarray, k: int) -> np.ndarray:
    """Cluster numbers (1..k) of the leaves when the tree is cut into at most k clusters."""
    return fcluster(link, k, criterion="maxclust")


def cooccurrence(labels: np.ndarray) -> np.ndarray:
    """1 where two items share a cluster label, else 0."""
    labels = np.asarray(labels)
    return (labels[:, None] == labels[None, :]).astype(float)


def bootstrap_cooccurrence(measures: pd.DataFrame, column: str, categories: list[str], ks=(2,), B: int = 200,
                           seed: int = 0, method: str = LINKAGE) -> dict[int, pd.DataFrame]:
    """For each k: the share of B replicates in which each pair of plans falls in the same cluster.

    A replicate draws each plan's coded sentences with replacement (same number as the plan has),
    recomputes the sector profiles and the clustering, and cuts the tree at k. The same replicates serve
    every k. This measures sensitivity to which sentences a plan happens to contain, not to which cities
    were sampled.
    """
    unknown = set(measures[column]) - set(categories)
    if unknown:
        raise ValueError(f"{column} has values outside the categories given: {sorted(map(str, unknown))}")
    docs = doc_order(measures)
    index = {c: i for i, c in enumerate(categories)}
    all_codes = measures[column].map(index).to_numpy(dtype=np.int64)
    positions = pd.Series(np.arange(len(measures))).groupby(measures.doc_id.astype(str).to_numpy()).indices
    by_plan = [positions[d] for d in docs]
    codes = all_codes[np.concatenate(by_plan)]  # the sentences' codes, plan after plan
    sizes = np.array([len(p) for p in by_plan])
    plan_of = np.repeat(np.arange(len(docs)), sizes)
    first = np.repeat(np.cumsum(sizes) - sizes, sizes)  # per sentence: where its plan starts in ``codes``
    rng = np.random.default_rng(seed)
    totals = {k: np.zeros((len(docs), len(docs))) for k in ks}
    for _ in range(B):
        draw = codes[first + rng.integers(0, sizes[plan_of])]  # each plan's sentences with replacement
        counts = np.bincount(plan_of * len(categories) + draw, minlength=len(docs) * len(categories))
        link = plan_linkage(counts.reshape(len(docs), len(categories)) / sizes[:, None], method)
        for k in ks:
            totals[k] += cooccurrence(cut(link, k))
    return {k: pd.DataFrame(v / B, index=pd.Index(docs, name="doc_id"), columns=pd.Index(docs, name="other"))
            for k, v in totals.items()}


def sentence_vectors(texts, ngram_range: tuple[int, int] = (2, 3), min_df: int = 2):
    """TF-IDF (sublinear tf, L2-normalized) over character n-grams of the normalized texts: scikit-learn's
    ``TfidfVectorizer`` matrix, counted by ``ngrams.char_ngram_counts``.

    min_df=2 drops n-grams that occur in a single sentence: they cannot link two sentences into a theme.
    """
    counts = char_ngram_counts(texts, ngram_range, preprocessor=normalize, min_df=min_df, dtype=np.float64).counts
    return TfidfTransformer(sublinear_tf=True).fit_transform(counts)


def sample_rows(n_rows: int) -> np.ndarray | None:
    """The rows k-means and the silhouette use when there are more than ``SAMPLE`` (sorted), else None (all)."""
    if n_rows <= SAMPLE:
        return None
    return np.sort(np.random.default_rng(SAMPLE_SEED).choice(n_rows, SAMPLE, replace=False))


def kmeans(X, k: int, seed: int) -> tuple[np.ndarray, float]:
    """Labels of every row and inertia (over every row) of k-means with 10 starts from ``seed``, fitted on
    ``sample_rows``; native thread pools limited to one thread (see module docstring)."""
    rows = sample_rows(X.shape[0])
    with threadpool_limits(limits=1):
        if rows is None:
            km = KMeans(n_clusters=k, random_state=seed, n_init=10).fit(X)
            return km.labels_, float(km.inertia_)
        km = KMeans(n_clusters=k, random_state=seed, n_init=10).fit(X[rows])
        return km.predict(X), float(-km.score(X))


def sample_distances(X) -> np.ndarray:
    """Cosine distances between the rows the silhouette averages over (``sample_rows``, else all rows):
    computed once and shared by every k."""
    rows = sample_rows(X.shape[0])
    with threadpool_limits(limits=1):
        return cosine_distances(X if rows is None else X[rows])


def mean_silhouette(distances: np.ndarray, labels, rows: np.ndarray | None = None) -> float:
    """Mean silhouette of ``labels`` over the rows of ``distances`` (from ``sample_distances``); ``rows``
    picks those rows' labels out of the labels of every row."""
    labels = np.asarray(labels)
    return float(silhouette_score(distances, labels if rows is None else labels[rows], metric="precomputed"))


def kmeans_by_k(X, ks, seed: int = 0) -> tuple[pd.DataFrame, dict[int, np.ndarray]]:
    """k-means (fixed seed, 10 starts) for each k: a table of k, mean silhouette (cosine), inertia; and labels."""
    rows, labels = [], {}
    distances, sample = sample_distances(X), sample_rows(X.shape[0])
    for k in ks:
        labels[k], inertia = kmeans(X, k, seed)
        rows.append(dict(k=k, silhouette=mean_silhouette(distances, labels[k], sample), inertia=inertia))
    return pd.DataFrame(rows), labels


def seed_agreement(X, k: int, reference, seeds) -> pd.Series:
    """Adjusted Rand index between the reference partition and k-means runs from other seeds.

    k-means finds a local optimum; when sentences do not form separated groups, another start gives
    another partition. 1 = the same partition, about 0 = no more alike than chance.
    """
    return pd.Series({s: float(adjusted_rand_score(reference, kmeans(X, k, s)[0])) for s in seeds},
                     name="ari").rename_axis("seed")


def best_k(scores: pd.DataFrame) -> int:
    """The k with the highest mean silhouette (the smallest such k on a tie)."""
    return int(scores.sort_values(["silhouette", "k"], ascending=[False, True]).k.iloc[0])


def order_by_size(labels) -> np.ndarray:
    """Renumber clusters 1..k from the largest to the smallest (ties: the one met first), so theme numbers
    do not depend on k-means' arbitrary cluster ids."""
    labels = np.asarray(labels)
    ids, first, counts = np.unique(labels, return_index=True, return_counts=True)
    ranked = [ids[i] for i in sorted(range(len(ids)), key=lambda i: (-counts[i], first[i]))]
    new = {old: n + 1 for n, old in enumerate(ranked)}
    return np.array([new[x] for x in labels])


def theme_terms(texts, themes, n: int = 4, n_terms: int = 2, min_df: int = 3) -> dict[int, list[str]]:
    """Per theme, the n-character phrases that most over-represent it: the share of the theme's sentences
    containing the phrase minus the share of the other sentences.

    Labels use 4-character phrases rather than the 2–3-grams the clustering runs on, because most Chinese
    compounds are two plus two characters (绿色金融, 减污降碳) and shorter n-grams read as fragments. A
    phrase sharing a character with one already chosen is skipped (they repeat one another), and so is a
    phrase that mixes digits and other characters (025年 is a piece of 2025年).
    """
    counted = char_ngram_counts(texts, (n, n), preprocessor=normalize, min_df=min_df, binary=True)
    vocab = counted.vocabulary
    ids, theme_of = np.unique(np.asarray(themes), return_inverse=True)
    theme_of = theme_of.ravel()
    member = sp.csr_matrix((np.ones(len(theme_of)), (theme_of, np.arange(len(theme_of)))),
                           shape=(len(ids), len(theme_of)))
    containing = (member @ counted.counts).toarray()  # themes × phrases: sentences containing the phrase
    everywhere = containing.sum(axis=0)
    size = np.bincount(theme_of, minlength=len(ids))
    out = {}
    for i, c in enumerate(ids.tolist()):
        lift = containing[i] / size[i]
        if size[i] < len(theme_of):
            lift = lift - (everywhere - containing[i]) / (len(theme_of) - size[i])
        chosen: list[str] = []
        for j in np.argsort(-lift, kind="stable"):
            if lift[j] <= 0 or len(chosen) == n_terms:
                break
            term = str(vocab[j])
            digits = sum(ch.isdigit() for ch in term)
            if 0 < digits < len(term) or any(set(term) & set(t) for t in chosen):
                continue
            chosen.append(term)
        out[int(c)] = chosen
    return out


def theme_shares(doc_ids, themes) -> pd.DataFrame:
    """Themes × plans: the share of each plan's sentences in each theme (columns add up to 1)."""
    df = pd.DataFrame({"doc_id": doc_ids, "theme": themes})
    tab = pd.crosstab(df.theme, df.doc_id.astype(str), normalize="columns")
    if isinstance(pd.Series(doc_ids).dtype, pd.CategoricalDtype):
        tab = tab.reindex(columns=doc_order(pd.DataFrame({"doc_id": doc_ids})))
    return tab.rename_axis(index="theme", columns="doc_id")


def dominant(themes, codes) -> dict[int, str]:
    """Per theme, its most frequent code (e.g. the coded sector); the first in sorted order on a tie."""
    df = pd.DataFrame({"theme": themes, "code": codes})
    counts = df.groupby(["theme", "code"]).size().reset_index(name="n")
    counts = counts.sort_values(["theme", "n", "code"], ascending=[True, False, True])
    return dict(zip(counts.drop_duplicates("theme").theme.astype(int), counts.drop_duplicates("theme").code))


def agreement(themes, codes) -> float:
    """Adjusted mutual information between themes and hand codes (0 = chance agreement, 1 = the same
    partition): how far the text-based themes follow the codebook."""
    return float(adjusted_mutual_info_score(np.asarray(codes), np.asarray(themes)))
