"""Text reuse between plans: character shingles, containment, TF-IDF cosine, boilerplate and local passages.

Chinese has no spaces between words, so plans are compared on character n-grams rather than on words.
Punctuation, symbols and whitespace are dropped first, so that a different comma (，/、) or a hard line
break does not hide a passage copied word for word.

- ``containment``: the share of plan A's shingles (n-character substrings) that also occur in plan B.
  It is asymmetric on purpose: a short plan can be mostly contained in a long one and not the reverse.
- ``tfidf_cosine``: cosine similarity of TF-IDF vectors of short character n-grams, a looser measure of
  shared vocabulary that does not need whole phrases to match.
- ``sentence_reuse``: for each sentence, the share of its shingles found in each other plan; a sentence
  is boilerplate when at least half of its shingles occur in one other plan, and local when none does.
"""
from __future__ import annotations

import hashlib
import unicodedata

import numpy as np
import pandas as pd
import scipy.sparse as sp

from comparison.analysis.ngrams import char_ngram_counts


class _Dropped(dict):
    """str.translate table: code point → None for punctuation, symbols, whitespace and controls (Unicode
    categories P*, S*, Z*, C*), → itself otherwise; filled on first sight of each character, so the
    category of a character is looked up once per process rather than once per occurrence."""

    def __missing__(self, code: int):
        value = None if unicodedata.category(chr(code))[0] in "PSZC" else code
        self[code] = value
        return value


_DROPPED = _Dropped()


def normalize(text: str) -> str:
    """The text without punctuation, symbols or whitespace (Unicode categories P*, S*, Z* and controls)."""
    return str(text).translate(_DROPPED)


def shingles(text: str, n: int = 8) -> frozenset[str]:
    """The set of n-character substrings of the normalized text.

    A text shorter than n (a heading such as 主要目标) is its own single shingle, so two identical short
    sentences still count as shared; an empty text has no shingles.
    """
    s = normalize(text)
    if not s:
        return frozenset()
    if len(s) < n:
        return frozenset([s])
    return frozenset(s[i:i + n] for i in range(len(s) - n + 1))


def doc_order(df: pd.DataFrame) -> list[str]:
    """Plan ids in the table's categorical order (manifest order from ``load``), else sorted."""
    if isinstance(df.doc_id.dtype, pd.CategoricalDtype):
        present = set(df.doc_id.astype(str))
        return [str(d) for d in df.doc_id.cat.categories if str(d) in present]
    return sorted(df.doc_id.astype(str).unique())


def _plan_codes(sentences: pd.DataFrame) -> tuple[list[str], np.ndarray]:
    """Plans in order and each sentence's position in that list."""
    docs = doc_order(sentences)
    return docs, pd.Categorical(sentences.doc_id.astype(str), categories=docs).codes.astype(np.intp)


def _membership(codes: np.ndarray, n_plans: int) -> sp.csr_matrix:
    """Plans × sentences, 1 where the sentence belongs to the plan: a product with it sums per plan."""
    return sp.csr_matrix((np.ones(len(codes), dtype=np.int64), (codes, np.arange(len(codes)))),
                         shape=(n_plans, len(codes)))


def shingle_matrix(texts, n: int = 8) -> sp.csr_matrix:
    """Texts × distinct shingles, 1 where the text contains the shingle (``shingles``: a normalized text
    shorter than n is its own shingle).

    Every shingle gets one column, so set operations between sentences and plans become sparse matrix
    products instead of Python set intersections. Columns are in no particular order (every use here is a
    count of shared shingles): each window of n characters becomes a few integers (its characters as
    small dense codes, packed ``63 // bits`` to a word), and one sort of those words numbers the distinct
    shingles exactly.
    """
    normalized = [normalize(t) for t in texts]
    lengths = np.fromiter(map(len, normalized), dtype=np.int64, count=len(normalized))
    long_rows = np.flatnonzero(lengths >= n)
    rows, columns, n_long = _window_ids([normalized[i] for i in long_rows], lengths[long_rows], n)
    grams = sp.csr_matrix((np.ones(len(rows), dtype=np.int64), (long_rows[rows], columns)),
                          shape=(len(normalized), n_long))
    short = np.array([s if 0 < len(s) < n else "" for s in normalized], dtype=object)
    is_short = np.flatnonzero(short != "")
    names, column = np.unique(short[is_short].astype(str), return_inverse=True)
    whole = sp.csr_matrix((np.ones(len(is_short), dtype=np.int64), (is_short, column.ravel())),
                          shape=(len(normalized), len(names)))
    return sp.hstack([grams, whole], format="csr").astype(np.int64)


def _window_ids(texts: list[str], lengths: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, int]:
    """For texts of at least n characters: each distinct (text, shingle) pair as (text index, shingle id),
    and the number of distinct shingles."""
    if not texts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), 0
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    seen = np.zeros(int(codes.max()) + 1, dtype=np.int64)   # code point → dense code, without a sort
    seen[codes] = 1
    dense = np.cumsum(seen) - 1
    chars = dense[codes]
    bits = max(1, int(dense[-1] + 1).bit_length())
    per_word = 63 // bits
    windows = lengths - n + 1                                 # windows per text
    text_of = np.repeat(np.arange(len(texts), dtype=np.int64), windows)
    start = np.repeat(np.cumsum(lengths) - lengths, windows) + (np.arange(len(text_of)) - np.repeat(
        np.cumsum(windows) - windows, windows))               # each window's first character
    words = []
    for first in range(0, n, per_word):
        word = np.zeros(len(start), dtype=np.int64)
        for k in range(first, min(n, first + per_word)):
            word = (word << bits) | chars[start + k]
        words.append(word)
    order = np.lexsort(words[::-1])                           # by the first word, then the next …
    new = np.zeros(len(order), dtype=bool)
    new[:1] = True
    for word in words:
        w = word[order]
        new[1:] |= w[1:] != w[:-1]
    shingle = np.empty(len(order), dtype=np.int64)
    shingle[order] = np.cumsum(new) - 1
    n_shingles = int(new.sum())
    pair = np.sort(text_of * n_shingles + shingle)            # a shingle repeated in one text counts once
    pair = pair[np.concatenate(([True], pair[1:] != pair[:-1]))]
    return pair // n_shingles, pair % n_shingles, n_shingles


_RECENT: dict = {}  # (n, the sentences' content) → plan shingle matrices, the last two kept


def _content_key(sentences: pd.DataFrame) -> str:
    """A digest of the plans' order, each sentence's plan and its text: equal tables give equal keys."""
    rows = map("\x1f".join, zip(sentences.doc_id.astype(str).tolist(), sentences.text.astype(str).tolist()))
    content = "\x1f".join(doc_order(sentences)) + "\x1d" + "\x1e".join(rows)
    return hashlib.blake2b(content.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _plan_shingle_matrix(sentences: pd.DataFrame, n: int) -> tuple[list[str], np.ndarray, sp.csr_matrix, sp.csr_matrix]:
    """Plans in order, each sentence's plan position, sentences × shingles and plans × shingles (binary).

    ``containment`` and ``sentence_reuse`` of the same sentences need the same matrices (a notebook calls
    both): the last two are kept, keyed by the sentences' content, so they are built once."""
    key = (n, _content_key(sentences))
    if key not in _RECENT:
        docs, codes = _plan_codes(sentences)
        by_sentence = shingle_matrix(sentences.text, n)
        by_plan = (_membership(codes, len(docs)) @ by_sentence).tocsr()
        by_plan.data[:] = 1
        while len(_RECENT) >= 2:
            _RECENT.pop(next(iter(_RECENT)))
        _RECENT[key] = (docs, codes, by_sentence, by_plan)
    return _RECENT[key]


def gram(rows: sp.spmatrix, block: int = 8192) -> np.ndarray:
    """``rows @ rows.T`` as a dense array, for a few hundred rows with many columns (plans × n-grams).

    A sparse product costs rows × non-zeros per row × rows here; dense blocks of ``block`` columns let
    BLAS do it in a fraction of the time while keeping memory at rows × block. Single-threaded, so the
    summation order and hence the bytes of the result do not depend on the machine's core count.
    """
    from threadpoolctl import threadpool_limits

    by_column = sp.csc_matrix(rows, dtype=np.float64)
    out = np.zeros((rows.shape[0], rows.shape[0]))
    with threadpool_limits(limits=1):
        for start in range(0, by_column.shape[1], block):
            part = by_column[:, start:start + block].toarray()
            out += part @ part.T
    return out


def containment(sentences: pd.DataFrame, n: int = 8) -> pd.DataFrame:
    """Row A, column B: |shingles(A) ∩ shingles(B)| / |shingles(A)|, the share of A found verbatim in B."""
    docs, _, _, by_plan = _plan_shingle_matrix(sentences, n)
    shared = gram(by_plan)  # whole numbers, exact in float64
    size = np.diag(shared).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        values = np.where(size[:, None] > 0, shared / size[:, None], np.nan)
    return pd.DataFrame(values, index=pd.Index(docs, name="doc_id"), columns=pd.Index(docs, name="other"))


def tfidf_cosine(sentences: pd.DataFrame, ngram_range: tuple[int, int] = (2, 3)) -> pd.DataFrame:
    """Cosine similarity between plans of TF-IDF vectors over character n-grams.

    The inverse document frequency is learned from sentences, not from the handful of plans, so an
    n-gram used in every plan but in few sentences still carries weight. A plan's term frequency is the
    sum of its sentences' counts (sublinear, 1 + log tf), and vectors are L2-normalized.
    """
    from sklearn.feature_extraction.text import TfidfTransformer

    docs, codes = _plan_codes(sentences)
    counts = char_ngram_counts(sentences.text, ngram_range, preprocessor=normalize).counts
    member = _membership(codes, len(docs)).astype(float)
    vectors = TfidfTransformer(sublinear_tf=True).fit(counts).transform(member @ counts)
    sim = gram(vectors)
    return pd.DataFrame(sim, index=pd.Index(docs, name="doc_id"), columns=pd.Index(docs, name="other"))


def sentence_reuse(sentences: pd.DataFrame, n: int = 8, block: int = 8192) -> pd.DataFrame:
    """One row per sentence: its shingle count, the share found in each other plan, and the best source.

    Columns: sentence_id, doc_id, n_shingles, share_any (share of its shingles found in any other plan),
    best_other (the other plan holding the largest share; the first in plan order on a tie; empty when
    nothing is shared), share_best (that share).

    A sentence's shingles all occur in its own plan, so one is found in another plan exactly when at least
    two plans hold it. Sentences are processed ``block`` at a time to bound the sentences × plans matrix.
    """
    docs, codes, by_sentence, by_plan = _plan_shingle_matrix(sentences, n)
    own = np.asarray(by_sentence.sum(axis=1)).ravel()
    in_two_plans = (np.asarray(by_plan.sum(axis=0)).ravel() >= 2).astype(np.int64)
    found_any = by_sentence @ in_two_plans
    best = np.full(len(codes), -1, dtype=np.intp)
    found_best = np.zeros(len(codes), dtype=np.int64)
    for start in range(0, len(codes), block):
        rows = slice(start, start + block)
        found = (by_sentence[rows] @ by_plan.T).toarray()
        found[np.arange(found.shape[0]), codes[rows]] = -1  # the sentence's own plan is not a source
        best[rows] = found.argmax(axis=1)                  # the first plan in order on a tie
        found_best[rows] = np.maximum(found[np.arange(found.shape[0]), best[rows]], 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        share_any = np.where(own > 0, found_any / own, 0.0)
        share_best = np.where(own > 0, found_best / own, 0.0)
    best_other = np.where(found_best > 0, np.array(docs, dtype=object)[np.maximum(best, 0)], "")
    out = pd.DataFrame({"sentence_id": sentences.sentence_id.to_numpy(), "doc_id": np.array(docs)[codes],
                        "n_shingles": own.astype(np.int64), "share_any": share_any, "best_other": best_other,
                        "share_best": share_best})
    out["doc_id"] = pd.Categorical(out.doc_id, categories=docs, ordered=True)  # keep the plan order
    return out


def reuse_classes(reuse: pd.DataFrame, threshold: float = 0.5) -> pd.Series:
    """Each sentence as 'boilerplate' (≥ threshold of its shingles in one other plan), 'local' (no shingle
    in any other plan) or 'partial' (in between)."""
    cls = np.where(reuse.share_best >= threshold, "boilerplate",
                   np.where((reuse.share_any == 0) & (reuse.n_shingles > 0), "local", "partial"))
    return pd.Series(cls, index=reuse.index, name="reuse")


def boilerplate_share(reuse: pd.DataFrame, threshold: float = 0.5) -> pd.DataFrame:
    """Per plan: shares of its sentences that are boilerplate (split by source plan), partial and local.

    Columns: doc_id, part ('boilerplate' | 'partial' | 'local'), source (the other plan for boilerplate,
    else empty), share (of the plan's sentences; the rows of a plan add up to 1).
    """
    cls = reuse_classes(reuse, threshold)
    source = reuse.best_other.where(cls == "boilerplate", "")
    df = pd.DataFrame({"doc_id": reuse.doc_id.astype(str), "part": cls, "source": source})
    totals = df.groupby("doc_id").size()
    out = df.groupby(["doc_id", "part", "source"]).size().rename("n").reset_index()
    out["share"] = out.n / out.doc_id.map(totals)
    order = {d: i for i, d in enumerate(doc_order(reuse))}
    parts = {"boilerplate": 0, "partial": 1, "local": 2}
    out = out.sort_values(["doc_id", "part", "source"], key=lambda s: s.map(order) if s.name == "doc_id"
                          else s.map(parts) if s.name == "part" else s.map(lambda d: order.get(d, -1)))
    return out.reset_index(drop=True)


def local_examples(sentences: pd.DataFrame, reuse: pd.DataFrame, per_plan: int = 3) -> pd.DataFrame:
    """A few local sentences per plan: those stating a number first (a target or a fact is the most
    place-specific thing a plan says), then the longest; ties by sentence order."""
    local = reuse[reuse_classes(reuse) == "local"][["sentence_id"]]
    df = sentences.merge(local, on="sentence_id")
    df = df.assign(_num=df.text.str.contains(r"\d"), _len=df.text.str.len(), _pos=np.arange(len(df)))
    df = df.sort_values(["_num", "_len", "_pos"], ascending=[False, False, True])
    out = df.groupby("doc_id", observed=True, sort=False).head(per_plan)
    order = {d: i for i, d in enumerate(doc_order(sentences))}
    out = out.sort_values(["doc_id", "_num", "_len", "_pos"], ascending=[True, False, False, True],
                          key=lambda s: s.astype(str).map(order) if s.name == "doc_id" else s)
    return out.drop(columns=["_num", "_len", "_pos"]).reset_index(drop=True)


def clustered_order(similarity: pd.DataFrame) -> list[str]:
    """The plans (index) in the leaf order of an average-linkage tree on 1 − similarity, so plans that share
    text sit next to each other in a heatmap. An asymmetric matrix (containment) is averaged with its
    transpose first; ties keep the table's order (scipy's linkage is deterministic)."""
    from scipy.cluster.hierarchy import leaves_list, linkage
    from scipy.spatial.distance import squareform

    ids = [str(d) for d in similarity.index]
    if len(ids) < 3:
        return ids
    s = similarity.to_numpy(dtype=float)
    s = (s + s.T) / 2
    d = np.clip(1.0 - s, 0.0, None)
    np.fill_diagonal(d, 0.0)
    return [ids[i] for i in leaves_list(linkage(squareform(d, checks=False), method="average"))]
