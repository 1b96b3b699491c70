"""The codebook's indicator aliases as the extractor looks them up: every alias of a paragraph found once,
and which indicators a written unit fits."""
from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from operator import itemgetter

import pint

from comparison.curation.taxonomy import Taxonomy
from comparison.curation.units import UnitConverter
from comparison.text import grammar


SHARE_UNITS = {"percent", "percentage_point"}


def normalized(text: str) -> str:
    """Fold full-width punctuation and letters, character by character (offsets unchanged)."""
    out = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out)


class AliasIndex:
    """The codebook's aliases, and the indicators whose unit a written unit converts to."""

    def __init__(self, taxonomy: Taxonomy, units: UnitConverter):
        self.taxonomy, self.units = taxonomy, units
        aliases = taxonomy.table("indicator_aliases")
        self.ids_of: dict[str, list[str]] = {}
        for alias, ind in zip(aliases.alias, aliases.indicator_id):
            if alias:
                self.ids_of.setdefault(alias, []).append(ind)
        self.keys = sorted(((normalized(a), a) for a in self.ids_of), key=lambda x: -len(x[0]))
        self.alias_of_key = {key: alias for key, alias in reversed(self.keys)}
        ind = taxonomy.table("indicators")
        self.canonical = dict(zip(ind.indicator_id, ind.canonical_unit))
        self.labels = dict(zip(ind.indicator_id, ind.label_zh))
        self.measures = dict(zip(ind.indicator_id, ind.measure))
        unit_table = taxonomy.table("units")
        self.unit_canonical = dict(zip(unit_table.unit_as_written, unit_table.canonical_unit))
        self.names = [(normalized(a), a, ids[0]) for a, ids in self.ids_of.items()]
        self.names += [(normalized(lbl), "", i) for lbl, i in zip(ind.label_zh, ind.indicator_id) if lbl]
        # Computed once, not once per value: the alias occurrences of the paragraph last asked about, unit
        # fits, and fuzzy guesses (a long clause asks about the same words thousands of times).
        self._paragraph: tuple[str, ParagraphAliases] | None = None
        self._takes: dict[tuple[str, str], bool] = {}
        self._compatible: dict[tuple[str, str], list[str]] = {}
        self._fuzzy: dict[tuple[str, str], tuple[str, float]] = {}
        self._matchers: list[tuple[difflib.SequenceMatcher, str]] | None = None

    def paragraph(self, text: str) -> "ParagraphAliases":
        if self._paragraph is None or self._paragraph[0] is not text:
            self._paragraph = (text, ParagraphAliases(text, self.keys))
        return self._paragraph[1]

    def occurrences(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """Non-overlapping alias occurrences in text[start:end] (longest first), in order."""
        found: list[tuple[int, int, str]] = []
        for s, e, alias in self.all_occurrences(text, start, end):
            if not any(s < fe and fs < e for fs, fe, _ in found):
                found.append((s, e, alias))
        return sorted(found)

    def alias_named(self, words: str) -> str | None:
        """The codebook alias these words are, if any."""
        return self.alias_of_key.get(normalized(words))

    def all_occurrences(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """Every alias occurrence in text[start:end], overlapping ones included (longest alias first, then
        by position)."""
        return self.paragraph(text).inside(start, end)

    def closest_fitting(self, text: str, start: int, end: int, unit: str | None) -> tuple[int, int, str] | None:
        """The occurrence in text[start:end] ending last (the longest of those), of an alias whose indicator
        takes ``unit`` (any alias for None): ``max(..., key=(end, length))`` over ``all_occurrences``, found
        without listing them."""
        return self.paragraph(text).closest(start, end, unit, self)

    def best_by_context(self, ids: list[str], context: str) -> str:
        """Of several indicators an alias names, the one whose label and aliases read most like the context."""
        def score(i: str) -> float:
            names = [self.labels.get(i, "")] + [a for a, v in self.ids_of.items() if i in v]
            return max(difflib.SequenceMatcher(None, normalized(context), normalized(n)).ratio() for n in names)
        return max(ids, key=lambda i: (score(i), -ids.index(i)))

    def counted(self, unit: str) -> bool:
        """A unit that counts things (个, 家, 座) or a class of magnitude (亿级): its noun follows it."""
        return self.unit_canonical.get(unit) == "item" or unit.endswith("级") or (
            len(unit) == 1 and unit in grammar.MEASURE_WORDS)

    def compatible(self, alias: str, unit: str) -> list[str]:
        found = self._compatible.get((alias, unit))
        if found is None:
            ids = self.ids_of[alias]
            if not unit:
                found = ids
            elif not self.units.known(unit):  # every unit a share is written in is known: this one is no share
                found = [i for i in ids if self.canonical[i] not in SHARE_UNITS]
            else:
                found = [i for i in ids if self.takes(i, unit)]
            self._compatible[(alias, unit)] = found
        return found

    def fuzzy(self, phrase: str, unit: str) -> tuple[str, float]:
        """The indicator whose alias or label reads most like the phrase (difflib's ratio), of those taking
        the unit. Names whose upper bounds (real_quick_ratio, quick_ratio) cannot beat the best so far are
        skipped, as difflib.get_close_matches does: the same result, far fewer full comparisons."""
        if not phrase:
            return "", 0.0
        cached = self._fuzzy.get((phrase, unit))
        if cached is not None:
            return cached
        if self._matchers is None:
            self._matchers = []
            for name, _, ind in self.names:
                matcher = difflib.SequenceMatcher(None)
                matcher.set_seq2(name)  # difflib caches what it learns about the second sequence
                self._matchers.append((matcher, ind))
        key = normalized(phrase)
        best = ("", 0.0)
        for matcher, ind in self._matchers:
            matcher.set_seq1(key)
            if matcher.real_quick_ratio() <= best[1] or matcher.quick_ratio() <= best[1]:
                continue
            ratio = matcher.ratio()
            if ratio > best[1] and self.takes(ind, unit):
                best = (ind, ratio)
        self._fuzzy[(phrase, unit)] = best
        return best

    def takes(self, indicator_id: str, unit: str) -> bool:
        """True when a value in ``unit`` converts to the indicator's unit (or the unit is unknown)."""
        found = self._takes.get((indicator_id, unit))
        if found is None:
            found = True
            if unit and self.units.known(unit):
                try:
                    self.units.convert(1.0, unit, self.canonical[indicator_id])
                except (pint.errors.PintError, KeyError, AttributeError):
                    found = False
            self._takes[(indicator_id, unit)] = found
        return found


# A Latin abbreviation in brackets after the name it abbreviates (the text is folded to half-width):
# 细颗粒物（PM2.5）, 化学需氧量(COD), 挥发性有机物（VOCs）, 二氧化碳（CO₂）.
ABBREVIATION = re.compile(r"\(([A-Za-z][A-Za-z0-9.]{0,11})\)")


def readings(text: str) -> list[tuple[str, list[int]]]:
    """The paragraph as written and, where a name carries a bracketed abbreviation, as an alias may write
    the name: without the abbreviation (细颗粒物平均浓度) and with it unbracketed (细颗粒物PM2.5平均浓度);
    each with the offset in ``text`` of each of its characters."""
    out = [(text, list(range(len(text))))]
    spans = [m.span() for m in ABBREVIATION.finditer(text)]
    if not spans:
        return out
    for keep_abbreviation in (False, True):
        chars, offsets, pos = [], [], 0
        for start, end in spans:
            kept = range(pos, start) if not keep_abbreviation else [*range(pos, start), *range(start + 1, end - 1)]
            chars += [text[i] for i in kept]
            offsets += kept
            pos = end
        chars += text[pos:]
        offsets += range(pos, len(text))
        out.append(("".join(chars), offsets))
    return out


class ParagraphAliases:
    """Every alias occurrence of one paragraph, found once (one scan per alias and reading of the paragraph);
    a window's occurrences are then looked up by bisection instead of scanning the window for every alias
    again. An occurrence found in a reading without brackets spans the written text it came from."""

    def __init__(self, text: str, keys: list[tuple[str, str]]):
        found = set()  # (start, end, alias, rank of the alias: longest first)
        for reading, offsets in readings(text):
            for rank, (key, alias) in enumerate(keys):
                pos = reading.find(key)
                while pos != -1:
                    found.add((offsets[pos], offsets[pos + len(key) - 1] + 1, alias, rank))
                    pos = reading.find(key, pos + 1)
        self.by_start = sorted(found)
        self.starts = [o[0] for o in self.by_start]
        # for closest(): by end, then length, then the alias listed first (max's first maximum)
        self.by_end = sorted(found, key=lambda o: (o[1], o[1] - o[0], -o[3]))
        self.ends = [o[1] for o in self.by_end]
        self.fitting: dict[str | None, tuple[list, list[int]]] = {None: (self.by_end, self.ends)}

    def inside(self, start: int, end: int) -> list[tuple[int, int, str]]:
        window = self.by_start[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]
        return [(s, e, alias) for s, e, alias, _ in sorted((o for o in window if o[1] <= end), key=itemgetter(3, 0))]

    def closest(self, start: int, end: int, unit: str | None, index: AliasIndex):
        if unit not in self.fitting:
            fit = [o for o in self.by_end if index.compatible(o[2], unit)]
            self.fitting[unit] = (fit, [o[1] for o in fit])
        occurrences, ends = self.fitting[unit]
        k = bisect.bisect_right(ends, end) - 1
        while k >= 0 and ends[k] > start:
            s, e, alias, _ = occurrences[k]
            if s >= start:
                return s, e, alias
            k -= 1
        return None
