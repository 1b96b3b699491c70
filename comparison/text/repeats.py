"""A plan pasted twice: most of its sentences occur twice.

Real plans repeat almost nothing (of the seed plans' 760 sentences of 10 or more characters, one occurs
twice); a text pasted twice, or a web page copied with the plan in it twice, repeats every sentence.
"""
from __future__ import annotations

from collections import Counter

MIN_CHARS = 10         # shorter sentences (headings, 责任单位 lines) may repeat in any plan
MAX_REPEATED = 0.25    # share of the text (in characters of such sentences) that may occur twice


def repeated_part(sentences: list[str]) -> tuple[float, str] | None:
    """(share of characters in repeated sentences, the first sentence that repeats an earlier one) when
    more than MAX_REPEATED of the text repeats, else None."""
    long = [s.strip() for s in sentences if len(s.strip()) >= MIN_CHARS]
    counts = Counter(long)
    total = sum(map(len, long))
    repeated = sum(len(s) for s in long if counts[s] > 1)
    if not total or repeated / total <= MAX_REPEATED:
        return None
    return repeated / total, next(s for s in long if counts[s] > 1)
