"""Which codebook indicator a suggested value is about: alias look-ups, unit fit, and the choice among
the aliases written around a value (its own phrase, a 分别 list, a bracketed restatement).

Each choice names the rule that made it; its confidence is the rule's measured probability of being
right (calibration.py). An id is suggested only when its rule is right more often than not and its
indicator's unit can take the value's; otherwise the row carries the plan's own phrase and no id, and
new-plan proposes an indicator for it (proposals.py)."""
from __future__ import annotations

import bisect
import re

from comparison.newplan.calibration import MIN_SUGGESTED, load_calibration
from comparison.newplan.sentence_parts import (PHRASE_END, PHRASE_HEAD, PHRASE_TAIL, SCOPE_BEFORE, SEGMENT_END,
                                               SENTENCE_END, alias_chain, shared_head_items, shared_tail_items,
                                               wording_measure)
from comparison.text import grammar

FUZZY_MIN_RATIO, FUZZY_CLOSE_RATIO = 0.35, 0.6
MAX_BARE_SUBJECT = 2  # 规模突破300亿元: a part this short takes the alias named earlier in the sentence
YEAR_WORDS = re.compile(r"[比较到至]?(?:19|20)[0-9]{2}年(?:底|末)?")
RULE_NOTE = re.compile(r"indicator rule ([a-z_]+)")
TIME_WORDS = re.compile(r"^(?:今年|去年|当年|目前|当前|现阶段|截至目前|截至|近年来|近年|年内|届时|期间|以来|"
                        r"“十[一二三四五]五”(?:期间|时期|末)?|十[一二三四五]五(?:期间|时期|末)?)+")
# Words that lead to a value beside the extractor's phrase tails: verbs (降至28微克/立方米, 增至20%), comparators
# (超65%, 高达62%), adverbs (仍, 已, 预计), 规模 after a capacity or an industry (光伏装机规模达到) and a
# statistic's mean (比例平均为99.2%, 浓度均值为25).
LEAD_VERBS = re.compile(r"(?:降至|降到|下降到|下降至|压减到|压减至|减少到|减少至|增长到|增长至|增加到|增加至|增至|升至|"
                        r"上升到|上升至|力争|确保|超(?!过)|高达|仍|已经|已(?!经)|将|预计|有望|进一步|规模|平均|均值|年均值)")
# 50%以上的煤炭用于发电: a value followed by 的 and a noun is that noun's share, not the subject named before it
# (达到60%的目标 and 保持在95%的水平 are still the earlier subject's).
SUBJECT_AFTER = re.compile(r"\s*的\s*(?!目标|水平|基础|要求|任务|幅度|速度|增幅|降幅)[\u4e00-\u9fff]")
FLOW_LABEL = re.compile(r"新增|新建|改造|增加|下降|减少|增长|增速")  # 新增污水处理能力: a level of additions
SCOPE_WORDS = re.compile(r"^(?:全市|全省|全国|全区|全县|我市|本市|市区|城区|市中心城区|中心城区|城镇|农村|城市|县城|市县|各县(?:（市、区）|\(市、区\)|区)?)+")


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
            return [(m, self.rated(self.measure_checked(para, m, self.alias_choice(
                para, occurrence, self.row_unit(m), "list_item", context=context)), phrase)) for m in group]
        found = self.indicators.occurrences(para, own_start, first.start)
        lead = para[found[-1][1]:first.start] if found else ""
        values = [m for m in group if not m.range_part] or group
        if found and ("分别" in lead or "均" in lead or "都" in lead):
            chain = alias_chain(para, found)
            shared = {}
            if "分别" in lead:
                before = shared_tail_items(para, chain, self.indicators.alias_named, len(values) - len(chain))
                after = shared_head_items(para, chain, self.indicators.alias_named,
                                          len(values) - len(chain) - len(before), found[-1][1] + lead.index("分别"))
                if any(alias for _, _, alias in before + after) and len(before + chain + after) == len(values):
                    shared = dict.fromkeys(before, "list_shared_tail") | dict.fromkeys(after, "list_shared_head")
                    chain = before + chain + after
            ids = self.indicators.compatible(chain[-1][2], unit)
            single = len({m.value_span for m in group}) == 1
            listed = None
            if len(chain) > 1 and len(chain) == len(values):
                listed = [(m, self.list_choice(para, a, self.row_unit(m), shared)) for m, a in zip(values, chain)]
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
                return [(m, self.rated(self.measure_checked(para, m, choice), phrase)) for m, choice in listed]
        occurrence, rule = self.choose_alias(para, first, unit, own_start, sentence_start, mentions)
        if occurrence is None:
            choice = self.phrase_choice(phrase, unit)
        else:
            choice = self.alias_choice(para, occurrence, unit, rule, context=context)
            if choice[0]:
                self.chosen[id(first)] = occurrence
        return [(m, self.rated(self.measure_checked(para, m, choice), phrase)) for m in group]

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

    def measure_checked(self, para, m, choice) -> tuple:
        """The choice, under the rule measure_mismatch when the words right before the value state a change
        or an addition and the indicator measures a level (森林蓄积量…，增加1000万立方米), or they state a level
        and it measures a change (比重下降到50% after 煤炭消费总量)."""
        ind_id, as_written, rule, note, scope = choice
        if not ind_id:
            return choice
        segment_start = max(para.rfind(ch, 0, m.start) for ch in SEGMENT_END) + 1
        subject = para.rfind(as_written, segment_start, m.start) if as_written else -1
        before_subject = para[segment_start:subject] if subject >= 0 else ""
        stated = wording_measure(para[segment_start:m.start], self.row_unit(m), before_subject)
        measure = self.indicators.measures.get(ind_id, "")
        if not stated or stated == measure or (stated == "addition" and measure == "change"):
            return choice
        if stated == "addition" and rule == "alias_counted_noun":  # 新建2个示范片区: how many, a count's level
            return choice
        if measure == "level" and FLOW_LABEL.search(self.indicators.labels.get(ind_id, "")):
            return choice
        said = {"change": "a change", "addition": "an addition", "level": "a level"}[stated]
        why = f"the words before the value state {said}, {ind_id} measures a {measure}"
        return ind_id, as_written, "measure_mismatch", "; ".join(n for n in (note, why) if n), scope

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
            end = first.end  # the noun of this count only: 绿色园区16个、绿色工厂170家 gives 16个 no noun after it
            while end < len(para) and para[end] not in SEGMENT_END + "、（(" and not para[end].isdigit():
                end += 1
            after = [o for o in ind.all_occurrences(para, first.end, end) if ok(o)]
            if after:
                return min(after, key=lambda o: (o[0], -(o[1] - o[0]))), "alias_counted_noun"
        # years and time words name no subject: 2030年达到25% and 比2020年下降15% are as bare as 达到25%
        words = TIME_WORDS.sub("", YEAR_WORDS.sub("", para[segment_start:first.start]).strip(" "))
        own_phrase = PHRASE_HEAD.sub("", PHRASE_TAIL.sub("", words)).strip(" ")
        if len(own_phrase) > MAX_BARE_SUBJECT and ind.fuzzy(own_phrase, unit)[1] >= FUZZY_MIN_RATIO:
            return None, ""  # the part names its own subject: a fuzzy guess from it, not a neighbour's alias
        if SUBJECT_AFTER.match(para, first.end):
            return None, ""
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

    def list_choice(self, para, occurrence, unit, shared):
        """The choice of a 分别 list's item: its alias, or, for an item sharing the next one's tail or the one
        before's head (``shared``: item → rule), the alias they make together (none where they make none)."""
        if occurrence not in shared:
            return self.alias_choice(para, occurrence, unit, "list_item")
        if not occurrence[2]:
            return "", para[occurrence[0]:occurrence[1]], "no_alias", ("the item and the words it shares with the "
                                                                       "item next to it name no codebook alias"), ""
        return self.alias_choice(para, occurrence, unit, shared[occurrence])

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
            if rule == "alias_adjacent":
                rule = "alias_several"
            elif not rule.startswith("list_"):  # two guesses in a row: which alias, then which of its indicators
                rule = "alias_several_indirect"
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
