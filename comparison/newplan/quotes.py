"""Quotes cut from the raw text for suggested rows: inside their clause, once in it, around the value."""
from __future__ import annotations

import bisect
import re

from comparison.newplan.sentence_parts import PART_END, SEGMENT_END, inside_number
from comparison.text import grammar

MAX_QUOTE_LEAD = 40  # characters of a quote before the value
MAX_WIDENING = 400   # characters a quote grows by to occur once in its clause
OPENING = {"”": "“", "’": "‘", "」": "「", "』": "『"}
MAX_COUNTED_NOUN = 20  # characters of the counted noun after 个/家/座


class Quotes:
    """The extractor's quotes (mixed into the extractor: uses its ``doc``, ``text``, ``units`` and
    ``indicators``)."""

    def raw(self, start: int, end: int) -> tuple[int, int]:
        return self.doc.clean.raw_span(start, end)

    def once_in_clause(self, span: tuple[int, int], clause_id: str) -> tuple[int, int]:
        """The span widened to the left until its words occur once in the clause (validation requires it).

        The other places the words occur are found once; for each, how far the text before it agrees
        with the text before the span (by galloping comparisons of slices), so the widening is known at
        once instead of counting the whole clause again for every character: linear in the clause's
        length. It grows by at most MAX_WIDENING characters (a text that repeats itself at length keeps
        a quote validation then names).
        """
        lo, hi = self.doc.clause_window(clause_id) or (0, len(self.doc.raw))
        raw = self.doc.raw
        start, end = span
        words = raw[start:end]
        limit = min(MAX_WIDENING, start - lo)
        # reach: how long each other place keeps reading like the widened span; apart: how long it keeps
        # from overlapping it. The widening stops when no place reaches further; while some place reads the
        # same without overlapping, the words occur twice (str.count, as validation counts, sees two).
        others, reach, pos = [], [], raw.find(words, lo, hi)
        while pos != -1:
            if pos != start:
                others.append(pos)
                reach.append(_agreeing_before(raw, start, pos, min(limit, pos - lo)))
                if reach[-1] >= limit - 1 and abs(pos - start) - (end - start) >= limit - 1:
                    return start - limit, end  # a place reads the same as far as the widening may go
            pos = raw.find(words, pos + 1, hi)
        if not others:
            return start, end
        widening = min(limit, 1 + max(reach))
        apart = max(min(r, abs(q - start) - (end - start)) for q, r in zip(others, reach))
        if apart < widening - 1:
            return self._once_in_clause_stepwise(span, lo, hi, others)  # only overlapping places remain
        return start - widening, end

    def _once_in_clause_stepwise(self, span, lo, hi, others) -> tuple[int, int]:
        """The widening a character at a time, where other places overlap the span: str.count, as validation
        counts, may then see the words once although they occur twice."""
        raw = self.doc.raw
        start, end = span
        while start > lo and span[0] - start < MAX_WIDENING and others:
            length = end - start
            if all(abs(q - start) < length for q in others) and raw.count(raw[start:end], lo, hi) <= 1:
                break
            start -= 1
            others = [q - 1 for q in others if q > lo and raw[q - 1] == raw[start]]
        return start, end

    def quote_bounds(self, para, first, last, context, mentions) -> tuple[int, int]:
        start = first.start
        while start > 0 and para[start - 1] not in SEGMENT_END:
            start -= 1
        part_start = max(para.rfind(ch, 0, first.start) for ch in PART_END) + 1
        if (context and part_start <= context.start < start and first.start - context.start <= MAX_QUOTE_LEAD
                and not self.value_between(mentions, context.end, start)):
            start = context.start  # 到2025年，…，<item>: the year heads this part of the sentence
        start = max(start, first.start - MAX_QUOTE_LEAD)
        while start < first.start and inside_number(para, start):
            start += 1
        while start < first.start and para[start] in " ，,、；;：:":
            start += 1
        end = last.end
        while end < len(para) and para[end] in "”’」』" and para.count(OPENING[para[end]], start, end) > para.count(
                para[end], start, end):
            end += 1  # close the quotation mark the quote opened: “零填埋”
        if self.indicators.counted(last.unit):  # 建成 2 个示范园区: the counted noun follows
            stop = end
            while stop < len(para) and para[stop] not in SEGMENT_END + "（(" and stop - end < MAX_COUNTED_NOUN:
                stop += 1
            if stop < len(para) and para[stop] in SEGMENT_END + "（(" or stop == len(para):
                end = stop
        return start, end

    def value_between(self, mentions, a: int, b: int) -> bool:
        """Whether a value of the paragraph starts in [a, b) (bisection over its starts, sorted once)."""
        if getattr(self, "_starts_of", None) is None or self._starts_of[0] is not mentions:
            self._starts_of = (mentions, sorted(m.start for m in mentions))
        starts = self._starts_of[1]
        k = bisect.bisect_left(starts, a)
        return k < len(starts) and starts[k] < b

    def unit_as_written(self, ps: int, m) -> tuple[str, str]:
        """The unit as the raw text writes it (line breaks removed); a note when the codebook lacks it."""
        if not m.unit:
            return "", ""
        if m.unit_span is None:
            written = m.unit
        else:
            a, b = self.raw(ps + m.unit_span[0], ps + m.unit_span[1])
            written = re.sub(r"\s*\n\s*", "", self.doc.raw[a:b])
        written = grammar.CONVENTION_UNITS.get(written, written)
        for candidate in (written, m.unit, m.unit.replace(" ", "")):
            if self.units.known(candidate):
                return candidate, ""
        return written, "unit not in codebook"

    def segment_quote(self, cs: int, ce: int) -> str:
        text = self.text
        line_start = text.rfind("\n", 0, cs) + 1
        line_end = text.find("\n", ce)
        line_end = len(text) if line_end == -1 else line_end
        start = cs
        while start > line_start and text[start - 1] not in SEGMENT_END and cs - start < 20:
            start -= 1
        end = ce
        while end < line_end and (text[end] not in SEGMENT_END or end - start < 10) and end - ce < 20:
            end += 1
        while start < cs and (text[start] in " ，,、；;：:" or inside_number(text, start)):
            start += 1
        while end > ce and inside_number(text, end):
            end -= 1
        a, b = self.raw(start, end)
        return self.doc.raw[a:b]

    def raw_line_quote(self, s: int, e: int) -> str:
        raw = self.doc.raw
        a = max(raw.rfind("\n", 0, s) + 1, s - 15)
        b = raw.find("\n", e)
        b = min(len(raw) if b == -1 else b, e + 15)
        return raw[a:b].strip() or raw[s:e]


def _agreeing_before(text: str, a: int, b: int, limit: int) -> int:
    """How many characters (at most ``limit``) before positions ``a`` and ``b`` read the same."""
    if limit <= 0 or text[a - 1] != text[b - 1]:
        return 0
    good, step = 1, 2
    while step <= limit and text[a - step:a] == text[b - step:b]:
        good, step = step, step * 2
    bad = min(step, limit + 1)  # the texts differ within ``bad`` characters (or the limit is reached)
    while bad - good > 1:
        mid = (good + bad) // 2
        if text[a - mid:a] == text[b - mid:b]:
            good = mid
        else:
            bad = mid
    return good
