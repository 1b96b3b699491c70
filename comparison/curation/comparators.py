"""Whether a recorded comparator agrees with the words next to its number in the quote.

Validation uses this to catch 达到 95% 以上 recorded as ``eq``. The words are the extractor's
(``grammar``); only words right next to the number count (its unit may stand between), so
分别达到 97%、95% 以上 says nothing about 97. Plans mix 超过 and 以上 loosely, so only the direction
is checked: 以上 allows ``ge`` and ``gt``. The codes are the codebook's (comparators sheet).
"""
from __future__ import annotations

import re

from comparison.text.grammar import comparator_after, comparator_before
from comparison.text.numbers import digit_tokens
from comparison.curation.units import same_number

# The comparators a wording allows: the one it gives and the other of its direction.
SAME_DIRECTION = {"ge": {"ge", "gt"}, "gt": {"ge", "gt"}, "le": {"le", "lt"}, "lt": {"le", "lt"},
                  "approx": {"approx"}}
WHITESPACE = re.compile(r"\s+")


def wording_next_to(quote: str, value: float, unit: str) -> list[str | None]:
    """The comparator the words next to each digit-written ``value`` in the quote give (None: no such words).

    Empty when the quote does not write the value in digits (三分之一, 翻番). Whitespace is ignored:
    quotes keep the raw text's line breaks.
    """
    text, unit = WHITESPACE.sub("", quote), WHITESPACE.sub("", unit)
    found = []
    for start, end, number in digit_tokens(text):
        if same_number(value, number):
            if unit and text.startswith(unit, end):
                end += len(unit)
            after = comparator_after(text, end)
            found.append(after[0] if after else comparator_before(text, start))
    return found


def contradicted(quote: str, value: float, unit: str, comparator: str) -> set[str]:
    """The comparators the quote's words allow when every place it writes the value disagrees with ``comparator``.

    Empty when the comparator agrees with at least one place, or some place has no comparator words.
    """
    worded = wording_next_to(quote, value, unit)
    if not worded or None in worded or any(comparator in SAME_DIRECTION[w] for w in worded):
        return set()
    return SAME_DIRECTION[worded[0]]
