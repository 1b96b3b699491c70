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

import unicodedata

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer


def normalize(text: str) -> str:
    """The text without punctuation, symbols or whitespace (Unicode categories P*, S*, Z* and controls)."""
    return "".join(c for c in str(text) if unicodedata.category(c)[0] not in "PSZC")


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


def plan_shingles(sentences: pd.DataFrame, n: int = 8) -> dict[str, frozenset[str]]:
    """doc_id → the union of its sentences' shingles (sentences: columns doc_id, text)."""
    docs = sentences.doc_id.astype(str)
    return {d: frozenset().union(*sentences.text[docs == d].map(lambda x: shingles(x, n)))
            for d in doc_order(sentences)}


def containment(sentences: pd.DataFrame, n: int = 8) -> pd.DataFrame:
    """Row A, column B: |shingles(A) ∩ shingles(B)| / |shingles(A)|, the share of A found verbatim in B."""
    sets = plan_shingles(sentences, n)
    docs = list(sets)
    values = [[len(sets[a] & sets[b]) / len(sets[a]) if sets[a] else np.nan for b in docs] for a in docs]
    return pd.DataFrame(values, index=pd.Index(docs, name="doc_id"), columns=pd.Index(docs, name="other"))


def tfidf_cosine(sentences: pd.DataFrame, ngram_range: tuple[int, int] = (2, 3)) -> pd.DataFrame:
    """Cosine similarity between plans of TF-IDF vectors over character n-grams.

    The inverse document frequency is learned from sentences, not from the handful of plans, so an
    n-gram used in every plan but in few sentences still carries weight. A plan's term frequency is the
    sum of its sentences' counts (sublinear, 1 + log tf), and vectors are L2-normalized.
    """
    docs = doc_order(sentences)
    counts = CountVectorizer(analyzer="char", ngram_range=ngram_range, preprocessor=normalize,
                             lowercase=False).fit_transform(sentences.text)
    code = pd.Categorical(sentences.doc_id.astype(str), categories=docs).codes
    member = sp.csr_matrix((np.ones(len(code)), (code, np.arange(len(code)))), shape=(len(docs), len(code)))
    vectors = TfidfTransformer(sublinear_tf=True).fit(counts).transform(member @ counts)
    sim = (vectors @ vectors.T).toarray()
    return pd.DataFrame(sim, index=pd.Index(docs, name="doc_id"), columns=pd.Index(docs, name="other"))


def sentence_reuse(sentences: pd.DataFrame, n: int = 8) -> pd.DataFrame:
    """One row per sentence: its shingle count, the share found in each other plan, and the best source.

    Columns: sentence_id, doc_id, n_shingles, share_any (share of its shingles found in any other plan),
    best_other (the other plan holding the largest share; the first in plan order on a tie; empty when
    nothing is shared), share_best (that share).
    """
    sets = plan_shingles(sentences, n)
    docs = list(sets)
    rows = []
    for sid, doc, text in zip(sentences.sentence_id, sentences.doc_id.astype(str), sentences.text):
        own = shingles(text, n)
        others = [d for d in docs if d != doc]
        shares = [len(own & sets[d]) / len(own) if own else 0.0 for d in others]
        union = frozenset().union(*(sets[d] for d in others))
        best = int(np.argmax(shares)) if shares else -1
        share_best = shares[best] if shares else 0.0
        rows.append(dict(sentence_id=sid, doc_id=doc, n_shingles=len(own),
                         share_any=len(own & union) / len(own) if own else 0.0,
                         best_other=others[best] if share_best > 0 else "", share_best=share_best))
    out = pd.DataFrame(rows, columns=["sentence_id", "doc_id", "n_shingles", "share_any", "best_other",
                                      "share_best"])
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
