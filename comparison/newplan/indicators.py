"""Which codebook indicator a suggested value is about: alias look-ups, unit fit, and the choice among
the aliases written around a value (its own phrase, a 分别 list, a bracketed restatement).

Each choice names the rule that made it; its confidence is the rule's measured probability of being
right (calibration.py). An id is suggested only when its rule is right more often than not and its
indicator's unit can take the value's; otherwise the row carries the plan's own phrase and no id, and
new-plan proposes an indicator for it (proposals.py)."""
from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from operator import itemgetter

import pint

from comparison.curation.taxonomy import Taxonomy
from comparison.curation.units import UnitConverter
from comparison.newplan.calibration import MIN_SUGGESTED, load_calibration
from comparison.newplan.sentence_parts import (PHRASE_END, PHRASE_HEAD, PHRASE_TAIL, SCOPE_BEFORE, SEGMENT_END,
                                               SENTENCE_END, alias_chain)
from comparison.text import grammar

FUZZY_MIN_RATIO, FUZZY_CLOSE_RATIO = 0.35, 0.6
MAX_BARE_SUBJECT = 2  # 规模突破300亿元: a part this short takes the alias named earlier in the sentence
YEAR_WORDS = re.compile(r"[比较到至]?(?:19|20)[0-9]{2}年(?:底|末)?")
RULE_NOTE = re.compile(r"indicator rule ([a-z_]+)")
TIME_WORDS = re.compile(r"^(?:今年|去年|当年|目前|当前|现阶段|截至目前|截至|近年来|近年|年内|届时|期间|以来|"
                        r"“十[一二三四五]五”(?:期间|时期|末)?|十[一二三四五]五(?:期间|时期|末)?)+")
# Words that lead to a value beside the extractor's phrase tails: verbs (降至28微克/立方米, 增至20%), comparators
# (超65%, 高达62%), adverbs (仍, 已, 预计) and 规模 after a capacity or an industry (光伏装机规模达到).
LEAD_VERBS = re.compile(r"(?:降至|降到|下降到|下降至|压减到|压减至|减少到|减少至|增长到|增长至|增加到|增加至|增至|升至|"
                        r"上升到|上升至|力争|确保|超(?!过)|高达|仍|已经|已(?!经)|将|预计|有望|进一步|规模)")
SCOPE_WORDS = re.compile(r"^(?:全市|全省|全国|全区|全县|我市|本市|市区|城区|市中心城区|中心城区|城镇|农村|城市|县城|市县|各县(?:（市、区）|\(市、区\)|区)?)+")


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


def rule_of(note: str) -> str:
    """The indicator rule a suggested row's note names ('' if none)."""
    m = RULE_NOTE.search(note)
    return m.group(1) if m else ""


def adjacent(between: str) -> bool:
    """Only verbs, comparators, years and spaces between an alias and its value (森林覆盖率比2020年提高到)."""
    rest = LEAD_VERBS.sub("", YEAR_WORDS.sub("", between).replace(" ", "").replace("的", ""))
    return not rest or bool(PHRASE_TAIL.fullmatch(rest))


def opens_its_part(before: str) -> bool:
    """Only years, time, scope and linking words before the alias in its part of the sentence (到2025年，全市
    森林覆盖率; 今年全市): the alias is the value's whole phrase, not the tail of a longer one (工业能耗强度 holds
    能耗强度)."""
    rest, previous = YEAR_WORDS.sub("", before).replace(" ", ""), None
    while rest and rest != previous:
        previous, rest = rest, SCOPE_WORDS.sub("", TIME_WORDS.sub("", PHRASE_HEAD.sub("", rest)))
    return not rest


class IndicatorChoice:
    """The extractor's indicator choice (mixed into the extractor: uses its ``indicators``, ``chosen`` and
    ``assigned``)."""

    calibration = None  # loaded on first use, shared by every extraction

    def indicator_choices(self, para, group, mentions) -> list[tuple]:
        """(mention, (indicator_id, indicator_as_written, confidence, note, scope)) for each row of the group.

        The phrase is the codebook alias written closest before the value (in the words since the
        previous value, else in the sentence) whose indicator takes the value's unit; for a count
        (建成2个示范园区) or a class (百亿级产业集群) the alias right after the unit; a value restated in
        brackets takes the phrase of the value before it. After 分别 each value takes its own enumerated
        phrase (or its own indicator of an alias naming several); one value after 均 gives a row per
        enumerated phrase. The rule that chose it sets the confidence (``rated``).
        """
        first = group[0]
        unit = self.row_unit(first)
        # a line break ends a statement too (the rows of a table pasted as text share no alias)
        sentence_start = max(para.rfind(ch, 0, first.start) for ch in SENTENCE_END + "\n") + 1
        own_start = max(sentence_start, self.last_end_before(mentions, first.start))
        context = para[max(sentence_start, first.start - 30):first.start]
        phrase = self.own_phrase(para, own_start, first.start)
        if id(first) in self.assigned:
            occurrence = self.assigned[id(first)]
            return [(m, self.rated(self.alias_choice(para, occurrence, self.row_unit(m), "list_item", context=context),
                                   phrase)) for m in group]
        found = self.indicators.occurrences(para, own_start, first.start)
        lead = para[found[-1][1]:first.start] if found else ""
        values = [m for m in group if not m.range_part] or group
        if found and ("分别" in lead or "均" in lead or "都" in lead):
            chain = alias_chain(para, found)
            ids = self.indicators.compatible(chain[-1][2], unit)
            single = len({m.value_span for m in group}) == 1
            listed = None
            if len(chain) > 1 and len(chain) == len(values):
                listed = [(m, self.alias_choice(para, a, self.row_unit(m), "list_item")) for m, a in zip(values, chain)]
            elif len(chain) > 1 and single and "分别" in lead:
                self.distribute(para, first, chain, mentions)
                listed = [(first, self.alias_choice(para, chain[0], unit, "list_item", context=context))]
            elif len(chain) > 1 and single:
                listed = [(first, self.alias_choice(para, a, unit, "list_shared")) for a in chain]
            elif len(ids) > 1 and (len(ids) == len(values) or (single and "分别" not in lead)):
                targets = values if len(ids) == len(values) else [first] * len(ids)
                listed = [(m, self.alias_choice(para, chain[-1], unit, "list_alias_split", i))
                          for m, i in zip(targets, ids)]
            if listed is not None:
                return [(m, self.rated(choice, phrase)) for m, choice in listed]
        occurrence, rule = self.choose_alias(para, first, unit, own_start, sentence_start, mentions)
        if occurrence is None:
            choice = self.phrase_choice(phrase, unit)
        else:
            choice = self.alias_choice(para, occurrence, unit, rule, context=context)
            if choice[0]:
                self.chosen[id(first)] = occurrence
        return [(m, self.rated(choice, phrase)) for m in group]

    def rated(self, choice, phrase: str) -> tuple:
        """The choice with its rule's measured confidence; an id whose rule is right no more often than not is
        dropped (the row keeps the plan's own phrase, for a proposed indicator)."""
        ind_id, as_written, rule, note, scope = choice
        if IndicatorChoice.calibration is None:
            IndicatorChoice.calibration = load_calibration()
        confidence = self.calibration.confidence(rule)
        said = f"indicator rule {rule}"
        if confidence is None:  # measuring the rules: keep every id
            return ind_id, as_written, 1.0 if ind_id else 0.0, "; ".join(n for n in (said, note) if n), scope
        right, total = self.calibration.right_of(rule)
        if ind_id and confidence > MIN_SUGGESTED:
            said += f": right in {right} of {total} labelled rows"
            return ind_id, as_written, confidence, "; ".join(n for n in (said, note) if n), scope
        if ind_id:
            note = "; ".join(n for n in (note, f"{ind_id} not suggested: this rule is right in only {right} of "
                                                f"{total} labelled rows") if n)
        keep = as_written if rule.startswith("list_") else phrase
        return "", keep or as_written, 0.0, "; ".join(n for n in (said, note) if n), scope

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

    def own_phrase(self, para: str, start: int, end: int) -> str:
        """The words that name the value in its own part of the sentence (the plan's phrase for a proposal)."""
        cut = start
        for ch in PHRASE_END:
            cut = max(cut, para.rfind(ch, start, end) + 1)
        phrase = PHRASE_HEAD.sub("", PHRASE_TAIL.sub("", para[cut:end].strip(" "))).strip(" ")
        phrase = re.sub(r"^[到至]?(?:19|20)[0-9]{2}年(?:底|末)?", "", phrase)
        phrase = re.sub(r"[比较](?:19|20)[0-9]{2}年(?:底|末)?$", "", phrase)
        return PHRASE_TAIL.sub("", PHRASE_HEAD.sub("", phrase)).strip(" ")

    def choose_alias(self, para, first, unit, own_start, sentence_start, mentions):
        """(alias occurrence, rule), or (None, '') when the value's own part names its subject with no alias."""
        ind = self.indicators
        ok = lambda occ: bool(ind.compatible(occ[2], unit))  # noqa: E731
        covering = [o for o in ind.all_occurrences(para, own_start, min(len(para), first.end + 8))
                    if o[0] < first.value_span[0] < o[1] and ok(o)]
        if covering:
            return max(covering, key=lambda o: o[1] - o[0]), "alias_covering"
        previous = self.restated(para, first, mentions)
        if previous is not None:
            same = [o for o in ind.all_occurrences(para, previous[0], previous[1]) if ok(o)]
            if same:
                return max(same, key=lambda o: o[1] - o[0]), "alias_restated"
        segment_start = max([own_start] + [para.rfind(ch, 0, first.start) + 1 for ch in SEGMENT_END])
        own = ind.closest_fitting(para, segment_start, first.start, unit)
        if own:
            if not adjacent(para[own[1]:first.start]):
                return own, "alias_apart"
            return own, "alias_adjacent" if opens_its_part(para[segment_start:own[0]]) else "alias_prefixed"
        if ind.counted(first.unit) or ind.counted(unit):  # first.unit as written: 亿级 (a class) reads as 亿元
            end = first.end
            while end < len(para) and para[end] not in SEGMENT_END + "（(":
                end += 1
            after = [o for o in ind.all_occurrences(para, first.end, end) if ok(o)]
            if after:
                return min(after, key=lambda o: (o[0], -(o[1] - o[0]))), "alias_counted_noun"
        own_phrase = PHRASE_HEAD.sub("", PHRASE_TAIL.sub("", para[segment_start:first.start].strip(" "))).strip(" ")
        if len(own_phrase) > MAX_BARE_SUBJECT and ind.fuzzy(own_phrase, unit)[1] >= FUZZY_MIN_RATIO:
            return None, ""  # the part names its own subject: a fuzzy guess from it, not a neighbour's alias
        rule = "alias_earlier_in_sentence" if len(own_phrase) > MAX_BARE_SUBJECT else "alias_bare_subject"
        earlier = ind.closest_fitting(para, sentence_start, first.start, unit)
        if earlier:
            return earlier, rule
        mismatch = ind.closest_fitting(para, own_start, first.start, None)
        return (mismatch, "unit_mismatch") if mismatch else (None, "")

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

    def alias_choice(self, para, occurrence, unit, rule, ind_id=None, context=""):
        """(indicator_id, alias, rule, note, scope) for an alias occurrence; no id when no indicator of the
        alias takes the unit."""
        s, e, alias = occurrence
        ids = self.indicators.compatible(alias, unit)
        scope = SCOPE_BEFORE.search(para[max(0, s - 6):s])
        scope = scope.group(1) if scope else ""
        if not ids:
            return "", alias, "unit_mismatch", (f"alias {alias} found, but its indicator's unit does not fit "
                                                f"{unit}"), scope
        note = ""
        if ind_id:
            chosen = ind_id
        elif len(ids) > 1:
            chosen = self.indicators.best_by_context(ids, context or para[max(0, s - 30):e])
            rule = "alias_several" if rule == "alias_adjacent" else rule  # a prefixed or apart alias stays so
            note = f"alias {alias} names {len(ids)} indicators ({', '.join(ids)}); chosen by the wording"
        else:
            chosen = ids[0]
        return chosen, alias, rule, note, scope

    def phrase_choice(self, phrase, unit):
        ind_id, ratio = self.indicators.fuzzy(phrase, unit)
        if not phrase or ratio < FUZZY_MIN_RATIO:
            return "", phrase, "no_alias", "no indicator alias found in the sentence; add one to the codebook", ""
        return (ind_id, phrase, "fuzzy_close" if ratio >= FUZZY_CLOSE_RATIO else "fuzzy_far",
                f"no exact alias: closest indicator by wording (similarity {ratio:.2f}); "
                "check it and add the phrase as an alias", "")
