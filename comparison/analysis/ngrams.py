"""Character n-gram counts of many short texts, computed with numpy: scikit-learn's exact matrix, faster.

``CountVectorizer(analyzer="char")`` counts n-grams in a Python loop, one dictionary lookup per n-gram;
at a few hundred plans (some 50,000 sentences, millions of n-grams) that loop is the largest cost of the
analyses. Here the texts become one array of code points and every n-gram one integer that sorts as the
n-gram's string sorts, so the vocabulary comes out in scikit-learn's (sorted) order, and each row's
entries are stored in the order scikit-learn stores them (by the n-gram's first appearance in the corpus).
The result is the same matrix, bit for bit, so TF-IDF and k-means downstream give the same numbers; the
tests compare the two on the real corpus and on edge cases.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

_WHITE_SPACES = re.compile(r"\s\s+")  # scikit-learn's char analyzer collapses runs of whitespace first
_BITS = 21                           # every Unicode code point is below 2**21
_MAX_BITS = 63                       # keys are non-negative int64


@dataclass
class NgramCounts:
    counts: sp.csr_matrix   # texts × n-grams: counts (1 where present when binary)
    vocabulary: np.ndarray  # the n-grams in column order (sorted, as scikit-learn sorts them)


def char_ngram_counts(texts, ngram_range: tuple[int, int], preprocessor=None, min_df: int = 1,
                      binary: bool = False, dtype=np.int64) -> NgramCounts:
    """What ``CountVectorizer(analyzer="char", lowercase=False, ngram_range=…, preprocessor=…, min_df=…,
    binary=…, dtype=…)`` returns from ``fit_transform(texts)``, with its ``get_feature_names_out()``.

    ``min_df`` is a count of texts (scikit-learn also accepts a fraction; nothing here needs it)."""
    low, high = ngram_range
    if not 1 <= low <= high:
        raise ValueError(f"ngram_range must satisfy 1 ≤ low ≤ high, got {ngram_range}")
    prepared = [_WHITE_SPACES.sub(" ", preprocessor(t) if preprocessor else t) for t in texts]
    lengths = np.fromiter(map(len, prepared), dtype=np.int64, count=len(prepared))
    n_chars = int(lengths.sum())
    codes = np.zeros(n_chars + high, dtype=np.int64)  # padded so that codes[i + k] exists for every i
    text = "".join(prepared)
    codes[:n_chars] = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    text_of = np.repeat(np.arange(len(prepared), dtype=np.int64), lengths)
    positions, keys = _occurrences(codes, lengths, text_of, low, high)
    if not len(keys):
        raise ValueError("empty vocabulary; no text has an n-gram of these lengths")
    first, feature = _first_appearances(keys)
    lengths_of = _length_of_key(keys[first], low, high)
    del keys
    # one entry per (text, feature), ordered by text, then by the feature's first appearance
    n_features = len(first)
    appearance = np.empty(n_features, dtype=np.int64)  # feature → rank of its first appearance
    appearance[np.argsort(first)] = np.arange(n_features)
    pair, count = np.unique(text_of[positions] * np.int64(n_features) + appearance[feature], return_counts=True)
    del feature
    row, by_appearance = np.divmod(pair, n_features)
    in_order = np.empty(n_features, dtype=np.int64)
    in_order[appearance] = np.arange(n_features)
    column = in_order[by_appearance]
    if min_df > 1:
        frequent = np.bincount(column, minlength=n_features) >= min_df
        if not frequent.any():
            raise ValueError("after pruning, no n-grams remain; try a lower min_df")
        kept = np.flatnonzero(frequent[column])
        row, column, count = row[kept], (np.cumsum(frequent) - 1)[column[kept]], count[kept]
        first, lengths_of = first[frequent], lengths_of[frequent]
    data = np.ones(len(count), dtype=dtype) if binary else count.astype(dtype)
    indptr = np.concatenate([[0], np.cumsum(np.bincount(row, minlength=len(prepared)))]).astype(np.int32)
    counts = sp.csr_matrix((data, column.astype(np.int32), indptr), shape=(len(prepared), len(first)))
    vocabulary = np.array([text[s:s + n] for s, n in zip(positions[first].tolist(), lengths_of.tolist())],
                          dtype=object)
    return NgramCounts(counts, vocabulary)


def _occurrences(codes: np.ndarray, lengths: np.ndarray, text_of: np.ndarray, low: int,
                 high: int) -> tuple[np.ndarray, np.ndarray]:
    """Every n-gram occurrence (low ≤ n ≤ high) as its start position and an integer key that sorts as the
    n-gram's string sorts, in scikit-learn's emission order: text by text, within a text all n-grams of
    the shortest length first, left to right (placed by arithmetic rather than sorted).

    A key is the first ``low`` characters as an order-preserving integer, then each further character + 1,
    then 0 for "ended here", so a prefix sorts before its extensions."""
    n_chars = len(codes) - high
    prefix, bits = _prefix_keys(codes, n_chars, low)
    extra_bits = _BITS * (high - low)
    if bits + extra_bits > _MAX_BITS:  # dense ranks: same order, fewer bits
        prefix, bits = _dense_rank(prefix)
    if bits + extra_bits > _MAX_BITS:
        raise ValueError(f"ngram_range ({low}, {high}) spans too many lengths for 64-bit keys")
    char_start = np.cumsum(lengths) - lengths
    room = (char_start + lengths)[text_of] - np.arange(n_chars)  # characters left in the text from i
    per_length = [np.maximum(lengths - n + 1, 0) for n in range(low, high + 1)]
    slot_start = np.cumsum(sum(per_length)) - sum(per_length)  # a text's first slot in emission order
    positions = np.empty(int(sum(c.sum() for c in per_length)), dtype=np.int32)
    keys = np.empty(len(positions), dtype=np.int64)
    key = prefix << extra_bits
    for n, count in zip(range(low, high + 1), per_length):
        if n > low:
            key |= (codes[n - 1:n - 1 + n_chars] + 1) << (_BITS * (high - n))
        at = np.flatnonzero(room >= n)
        owner = text_of[at]
        slot = slot_start[owner] + (at - char_start[owner])
        positions[slot], keys[slot] = at, key[at]
        slot_start += count
    return positions, keys


def _first_appearances(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per distinct key (in key order): its first index in ``keys``; and per index: its key's number."""
    by_key = np.argsort(keys)  # not stable: the first index of each key is taken by reduceat
    sorted_keys = keys[by_key]
    new_key = np.empty(len(keys), dtype=bool)
    new_key[0] = True
    np.not_equal(sorted_keys[1:], sorted_keys[:-1], out=new_key[1:])
    del sorted_keys
    starts = np.flatnonzero(new_key)
    first = np.minimum.reduceat(by_key, starts)
    feature = np.empty(len(keys), dtype=np.int32)
    feature[by_key] = np.cumsum(new_key) - 1
    return first, feature


def _prefix_keys(codes: np.ndarray, n_chars: int, low: int) -> tuple[np.ndarray, int]:
    """Per position, an integer that sorts as the ``low``-character string starting there sorts (over the
    positions where it fits in its text), and the number of bits it needs."""
    key, bits = codes[:n_chars], _BITS
    for k in range(1, low):
        if bits + _BITS > _MAX_BITS:
            key, bits = _dense_rank(key)
        key = (key << _BITS) | codes[k:k + n_chars]
        bits += _BITS
    return key, bits


def _dense_rank(keys: np.ndarray) -> tuple[np.ndarray, int]:
    """Each key's rank among the distinct keys (same order, fewer bits) and the bits the ranks need."""
    _, rank = np.unique(keys, return_inverse=True)
    return rank.ravel(), max(1, int(rank.max(initial=0)).bit_length())


def _length_of_key(keys: np.ndarray, low: int, high: int) -> np.ndarray:
    """The n-gram length a key stands for: ``low`` plus its non-zero extra-character slots."""
    length = np.full(len(keys), low, dtype=np.int64)
    for n in range(low + 1, high + 1):
        length += (keys >> (_BITS * (high - n))) & ((1 << _BITS) - 1) > 0
    return length
