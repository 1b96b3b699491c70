"""Which codebook indicator a suggested value is about: alias look-ups, unit fit, and the choice among
the aliases written around a value (its own phrase, a 分别 list, a bracketed restatement)."""
from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from operator import itemgetter

import pint

from comparison.curation.taxonomy import Taxonomy
from comparison.curation.units import UnitConverter
from comparison.newplan.sentence_parts import (PHRASE_END, PHRASE_HEAD, PHRASE_TAIL, SCOPE_BEFORE, SEGMENT_END,
                                               SENTENCE_END, alias_chain)
from comparison.text import grammar

CONFIDENCE_EXACT, CONFIDENCE_CHOSEN, CONFIDENCE_SPREAD, CONFIDENCE_NEIGHBOUR = 0.9, 0.7, 0.6, 0.5
FUZZY_MIN_RATIO = 0.35
MAX_BARE_SUBJECT = 2  # 规模突破300亿元: a part this short takes the alias named earlier in the sentence


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
        ind = taxonomy.table("indicators")
        self.canonical = dict(zip(ind.indicator_id, ind.canonical_unit))
        self.labels = dict(zip(ind.indicator_id, ind.label_zh))
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
            found = ids if not unit or not self.units.known(unit) else [i for i in ids if self.takes(i, unit)]
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


class ParagraphAliases:
    """Every alias occurrence of one paragraph, found once (one scan per alias); a window's occurrences are
    then looked up by bisection instead of scanning the window for every alias again."""

    def __init__(self, text: str, keys: list[tuple[str, str]]):
        found = []  # (start, end, alias, rank of the alias: longest first)
        for rank, (key, alias) in enumerate(keys):
            pos = text.find(key)
            while pos != -1:
                found.append((pos, pos + len(key), alias, rank))
                pos = text.find(key, pos + 1)
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


class IndicatorChoice:
    """The extractor's indicator choice (mixed into the extractor: uses its ``indicators``, ``chosen``,
    ``assigned`` and ``neighbour``)."""

    def indicator_choices(self, para, group, mentions) -> list[tuple]:
        """(mention, (indicator_id, indicator_as_written, confidence, note, scope)) for each row of the group.

        The phrase is the codebook alias written closest before the value (in the words since the
        previous value, else in the sentence) whose indicator takes the value's unit; for a count
        (建成2个示范园区) or a class (百亿级产业集群) the alias right after the unit; a value restated in
        brackets takes the phrase of the value before it. After 分别 each value takes its own enumerated
        phrase (or its own indicator of an alias naming several); one value after 均 gives a row per
        enumerated phrase.
        """
        first = group[0]
        unit = self.row_unit(first)
        sentence_start = max(para.rfind(ch, 0, first.start) for ch in SENTENCE_END) + 1
        own_start = max(sentence_start, self.last_end_before(mentions, first.start))
        context = para[max(sentence_start, first.start - 30):first.start]
        if id(first) in self.assigned:
            occurrence = self.assigned[id(first)]
            return [(m, self.exact(para, occurrence, self.row_unit(m), CONFIDENCE_SPREAD, context=context))
                    for m in group]
        found = self.indicators.occurrences(para, own_start, first.start)
        lead = para[found[-1][1]:first.start] if found else ""
        values = [m for m in group if not m.range_part] or group
        if found and ("分别" in lead or "均" in lead or "都" in lead):
            chain = alias_chain(para, found)
            ids = self.indicators.compatible(chain[-1][2], unit)
            single = len({m.value_span for m in group}) == 1
            if len(chain) > 1 and len(chain) == len(values):
                return [(m, self.exact(para, a, self.row_unit(m), CONFIDENCE_SPREAD)) for m, a in zip(values, chain)]
            if len(chain) > 1 and single and "分别" in lead:
                self.distribute(para, first, chain, mentions)
                return [(first, self.exact(para, chain[0], unit, CONFIDENCE_SPREAD, context=context))]
            if len(chain) > 1 and single:
                return [(first, self.exact(para, a, unit, CONFIDENCE_SPREAD)) for a in chain]
            if len(ids) > 1 and (len(ids) == len(values) or (single and "分别" not in lead)):
                targets = values if len(ids) == len(values) else [first] * len(ids)
                return [(m, self.exact(para, chain[-1], unit, CONFIDENCE_SPREAD, i)) for m, i in zip(targets, ids)]
        self.neighbour = False
        occurrence = self.choose_alias(para, first, unit, own_start, sentence_start, mentions)
        if occurrence is None:
            choice = self.fuzzy(para, own_start, first.start, unit)
        elif self.neighbour:
            ind_id, alias, _, note, scope = self.exact(para, occurrence, unit, None, context=context)
            choice = (ind_id, alias, CONFIDENCE_NEIGHBOUR, "; ".join(
                n for n in (note, f"alias {alias} named earlier in the sentence; check that the value is about it")
                if n), scope)
        else:
            choice = self.exact(para, occurrence, unit, None, context=context)
            self.chosen[id(first)] = occurrence
        return [(m, choice) for m in group]

    def last_end_before(self, mentions, pos: int) -> int:
        """The end of the last value written before ``pos`` (0 if none), by bisection over the paragraph's
        value ends (sorted once per paragraph)."""
        if getattr(self, "_ends_of", None) is None or self._ends_of[0] is not mentions:
            self._ends_of = (mentions, sorted(m.end for m in mentions))
        ends = self._ends_of[1]
        k = bisect.bisect_right(ends, pos)
        return ends[k - 1] if k else 0

    def row_unit(self, m) -> str:
        return grammar.CONVENTION_UNITS.get(m.unit, m.unit)

    def choose_alias(self, para, first, unit, own_start, sentence_start, mentions):
        ind = self.indicators
        ok = lambda occ: bool(ind.compatible(occ[2], unit))  # noqa: E731
        covering = [o for o in ind.all_occurrences(para, own_start, min(len(para), first.end + 8))
                    if o[0] < first.value_span[0] < o[1] and ok(o)]
        if covering:
            return max(covering, key=lambda o: o[1] - o[0])
        previous = self.restated(para, first, mentions)
        if previous is not None:
            same = [o for o in ind.all_occurrences(para, previous[0], previous[1]) if ok(o)]
            if same:
                return max(same, key=lambda o: o[1] - o[0])
        segment_start = max([own_start] + [para.rfind(ch, 0, first.start) + 1 for ch in SEGMENT_END])
        own = ind.closest_fitting(para, segment_start, first.start, unit)
        if own:
            return own
        if ind.counted(unit):
            end = first.end
            while end < len(para) and para[end] not in SEGMENT_END + "（(":
                end += 1
            after = [o for o in ind.all_occurrences(para, first.end, end) if ok(o)]
            if after:
                return min(after, key=lambda o: (o[0], -(o[1] - o[0])))
        own_phrase = PHRASE_HEAD.sub("", PHRASE_TAIL.sub("", para[segment_start:first.start].strip(" "))).strip(" ")
        if len(own_phrase) > MAX_BARE_SUBJECT and ind.fuzzy(own_phrase, unit)[1] >= FUZZY_MIN_RATIO:
            return None  # the part names its own subject: a fuzzy guess from it, not a neighbour's alias
        self.neighbour = len(own_phrase) > MAX_BARE_SUBJECT
        return (ind.closest_fitting(para, sentence_start, first.start, unit)
                or ind.closest_fitting(para, own_start, first.start, None))

    def restated(self, para, m, mentions):
        """The alias span of the value this one restates in brackets: 占比约77%（720.9万吨）."""
        if not re.search(r"[（(]\s*$", para[max(0, m.start - grammar.NEAR):m.start]):
            return None
        previous = [p for p in mentions if p.end <= m.start and id(p) in self.chosen]
        if not previous or not re.fullmatch(r"\s*[（(]\s*", para[previous[-1].end:m.start]):
            return None
        occ = self.chosen[id(previous[-1])]
        return occ[0], occ[1]

    def distribute(self, para, first, chain, mentions) -> None:
        """A分别…x（…）和y（…）: the k-th value after 分别 takes the k-th phrase, a bracketed restatement the same."""
        sentence_end = min([k for k in (para.find(ch, first.start) for ch in SENTENCE_END) if k != -1] or [len(para)])
        k = 0
        for m in mentions:
            if m.start < first.start or m.start >= sentence_end:
                continue
            bracketed = bool(re.search(r"[（(]\s*$", para[max(0, m.start - grammar.NEAR):m.start]))
            if not bracketed:
                k += 1
            if k > len(chain):
                break
            if m is not first:
                self.assigned[id(m)] = chain[k - 1]

    def exact(self, para, occurrence, unit, confidence, ind_id=None, context=""):
        s, e, alias = occurrence
        ids = self.indicators.compatible(alias, unit)
        note = ""
        if not ids:
            ids = self.indicators.ids_of[alias]
            note = f"alias {alias} found, but its indicator's unit does not fit {unit}"
        chosen = ind_id or (self.indicators.best_by_context(ids, context or para[max(0, s - 30):e])
                            if len(ids) > 1 else ids[0])
        if confidence is None:
            confidence = CONFIDENCE_EXACT if len(ids) == 1 and not note else CONFIDENCE_CHOSEN
            if len(ids) > 1:
                note = f"alias {alias} names {len(ids)} indicators ({', '.join(ids)}); chosen by the wording"
        scope = SCOPE_BEFORE.search(para[max(0, s - 6):s])
        return chosen, alias, confidence, note, scope.group(1) if scope else ""

    def fuzzy(self, para, start, end, unit):
        cut = start
        for ch in PHRASE_END:
            cut = max(cut, para.rfind(ch, start, end) + 1)
        phrase = PHRASE_HEAD.sub("", PHRASE_TAIL.sub("", para[cut:end].strip(" "))).strip(" ")
        phrase = re.sub(r"^到?[0-9]{4}年(?:底|末)?", "", phrase)
        ind_id, ratio = self.indicators.fuzzy(phrase, unit)
        if not phrase or ratio < FUZZY_MIN_RATIO:
            return "", phrase, 0.0, "no indicator alias found in the sentence; add one to the codebook", ""
        return (ind_id, phrase, round(0.6 * ratio, 2),
                f"no exact alias: closest indicator by wording (similarity {ratio:.2f}); "
                "check it and add the phrase as an alias", "")
