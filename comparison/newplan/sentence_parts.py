"""Parts of a plan sentence the extractor reads: where sentences, parts and segments end, the year
wording that governs a value, its commitment word (确保/力争), value lists and enumerated aliases."""
from __future__ import annotations

import bisect
import re

from comparison.text import grammar

SITUATION_TITLE = re.compile(r"形势|现状|基础(?!设施)|挑战|回顾|成效")
SENTENCE_END = "。！？"
PART_END = "；;。！？"
SEGMENT_END = "，,；;。！？：:"
PHRASE_END = SEGMENT_END + "、"
# The verb right before a value says what it measures: 下降14% / 年均增长30% / 提高2个百分点 a change, 新增20万千瓦
# an addition, 下降到50% / 增至600万千瓦 a level.
CHANGE_WORDS = re.compile(r"(?:下降|降低|减少|削减|压减|提高|提升|增长|增加|上升)(?![到至])\s*$")
ADDITION_WORDS = re.compile(r"(?:新增|新建)\s*$")
LEVEL_CHANGE_WORDS = re.compile(r"(?:(?:下降|降低|减少|削减|压减|提高|提升|增长|增加|上升)[到至]|[降增升减]至)\s*$")


PERCENTAGE_POINTS = {"percentage_point", "百分点", "个百分点"}  # the canonical unit, and as plans write it
CHANGED_OBJECT = re.compile(r"(?:削减|压减|减少|增加)\s*$")  # 削减煤炭消费总量20万吨: the verb before its object


def wording_measure(before: str, unit: str, before_subject: str = "") -> str:
    """'change', 'addition' or 'level' as the words right before a value state it, or the verb right before
    its subject (新增光伏装机20万千瓦; ``before_subject``); '' when they do not say. A value in percentage
    points is always a change."""
    if unit in PERCENTAGE_POINTS or CHANGE_WORDS.search(before) or CHANGED_OBJECT.search(before_subject):
        return "change"
    if ADDITION_WORDS.search(before) or ADDITION_WORDS.search(before_subject):
        return "addition"
    return "level" if LEVEL_CHANGE_WORDS.search(before) else ""


# Words between an indicator phrase and its value: cut from a phrase as written.
PHRASE_TAIL = re.compile(r"(?:分别|均|都|要|由|从|持续|稳定|基本|累计|实现|达到|达|提高到|提高至|提升到|提升至|提高|提升|"
                         r"下降到|下降至|降至|降到|下降|降低到|降低至|降低|减少|增长|增加|增至|升至|控制在|稳定在|保持在|保持|"
                         r"为|是|占|不低于|不少于|不超过|不高于|不大于|超过|突破|大于|高于|多于|高达|低于|小于|少于|不足|"
                         r"约|近|将近|左右|以上|新增|年均|平均|均值|进一步|又|已经|已|的|同比|比上年|较上年)+$")
PHRASE_HEAD = re.compile(r"^(?:其中|力争|确保|全市|同时|而且|并且|以及|并|及|和|与|、|到|至)+")
OBJECT_GOAL = re.compile(r"(?:的|等)?目标\s*$")  # 力争实现…的目标: the commitment's object spans its part
ITEMS_HEAD = re.compile(r"(?:(?:到|至|截至)?[0-9]{4}年(?:底|末)?|其中|力争|确保|全市|全省|全县|全区|市、县|城市|"
                        r"同时|并|要|使)+")
ITEMS_TAIL = re.compile(r"(?:(?:比|较|相比|与)[0-9]{4}年(?:底|末)?|均|都|要|将|继续|进一步)+$")
ITEM_SEPARATORS = "、和及与"
# A review opens its paragraph (一年来，…。新建管网320公里…): the opener governs every sentence of it.
REVIEW_OPENER = re.compile(r"以来|(?:[一二两三四五六七八九十几]+|[0-9]+)(?:余|多)?年(?:多)?来|多年来|近年来|"
                           r"过去(?:[一二两三四五六七八九十几]|[0-9]+)?年|这(?:一|[两三四五六七八九十]|[0-9]+)年")
# A sentence with no target year that reports a state reached (据统计…达62.3%, 目前…已达3.6万辆, “十四五”以来):
# its values are facts, unless it also speaks of the future (将, 力争 …).
# 截至6月…优良率为98.3%, 同比上升5.7个百分点, 较2020年同期: a statistic of the period reported.
STATE_WORDS = re.compile(r"已|目前|当前|据统计|截至|同比|同期|(?:建立|完成|实现|建成|覆盖|获得|取得|达到|新增|减少|增加|提高|"
                         r"提升|下降|创建|培育)了|" + REVIEW_OPENER.pattern)
STANDING_COMPARISON = re.compile(r"\s*(?:相比|相较|比较)(?:而言)?\s*[，,]")  # 与2015年相比，
SAME_PERIOD = re.compile(r"同比|同期")
# A text that opens by naming a bulletin of results (生态环境状况公报, 2021年第二季度空气质量状况) reports facts.
RESULTS_REPORT = re.compile(r"公报|质量状况")
REPORT_OPENING = 200  # characters of a text's opening read for RESULTS_REPORT
# 五年来，…主要做了以下工作。: a review that governs the paragraphs after it, until one opens by looking ahead.
REVIEW_INTRO = re.compile(rf"(?:{REVIEW_OPENER.pattern})[^。]*?以下(?:几个方面的|几方面)?工作")
FORWARD_OPENING = re.compile(r"今后|今年|明年|下一步|新的一年|工作安排|总体要求|主要目标|预期目标|建议|展望")
FUTURE_WORDS = re.compile(r"将|力争|确保|争取|计划|预计|目标|要求|再(?:提高|提升|降低|下降|增加|减少)")
# 比2015年的0.61吨标准煤下降15%: the value between the base year and the change is that year's level.
BASE_LEVEL = re.compile(r"\s*(?:同期)?\s*的\s*")  # 较2020年同期的94%
# 从目前的23.04%提高到24.1%: the value after 从 or 由 (目前/现在) 的 is the level the change starts from, a fact.
FROM_LEVEL = re.compile(r"[从由]\s*(?:目前|现在|当前|现有)?\s*的?\s*$")  # 由6.5亿千瓦增至12亿千瓦
# An intensity written once for a 分别 list (单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%): its head is every
# item's.
INTENSITY_HEAD = re.compile(r"(?:单位|万元)(?:地区|国内)?(?:生产总值|GDP)")
YEAR_LIST_JOIN = re.compile(r"\s*(?:、|和|及|与)\s*(?:到|至)?\s*")  # 到2025年、2030年 / 2021年和2022年
SCOPE_BEFORE = re.compile(r"(全市|全省|全国|市县|市、县|城镇|农村|城市|县城|市中心城区)$")


def inside_number(text: str, pos: int) -> bool:
    """True when a cut at ``pos`` would split a digit sequence such as 2.77."""
    return 0 < pos < len(text) and (text[pos].isdigit() or text[pos] == ".") and (
        text[pos - 1].isdigit() or text[pos - 1] == ".")


def plan_year(text: str, doc_id: str) -> int | None:
    """The plan's own year: its issue date, else its latest document number, else the doc_id's year."""
    dates = [int(m.group(1)) for m in grammar.DATE.finditer(text) if m.group(3)]
    if dates:
        return max(dates)
    numbers = [int(m.group(1)) for m in grammar.DOC_NUMBER.finditer(text)]
    if numbers:
        return max(numbers)
    m = re.search(r"(19|20)[0-9]{2}$", doc_id)
    return int(m.group()) if m else None


def first_sentence_end(para: str) -> int:
    """Where the paragraph's first sentence ends (read in its first grammar.NEAR characters)."""
    ends = [k for k in (para.find(ch, 0, grammar.NEAR) for ch in SENTENCE_END) if k != -1]
    return min(ends or [min(len(para), grammar.NEAR)])


def looks_ahead(para: str, pos: int) -> bool:
    """True when the sentence before ``pos`` speaks of the future (将, 力争, 目标 …)."""
    sentence_start = max(para.rfind(ch, 0, pos) for ch in SENTENCE_END) + 1
    return bool(FUTURE_WORDS.search(para, sentence_start, pos))


def reports_state(para: str, pos: int) -> str:
    """The state word of the sentence before ``pos`` (or a comparison with the year before anywhere in it:
    为87.2%，同比上升5.7个百分点), or the review opener of the paragraph's first sentence (read in its first
    grammar.NEAR characters); '' when there is none or the sentence looks ahead."""
    sentence_start = max(para.rfind(ch, 0, pos) for ch in SENTENCE_END) + 1
    ends = [k for k in (para.find(ch, pos) for ch in SENTENCE_END) if k != -1]
    before, sentence = para[sentence_start:pos], para[sentence_start:min(ends or [len(para)])]
    if FUTURE_WORDS.search(before):
        return ""
    m = STATE_WORDS.search(before) or (None if FUTURE_WORDS.search(sentence) else SAME_PERIOD.search(sentence))
    if m:
        return m.group()
    opening = para[:grammar.NEAR]
    first_end = min([k for k in (opening.find(ch) for ch in SENTENCE_END) if k != -1] or [len(opening)])
    m = REVIEW_OPENER.search(opening, 0, first_end) if first_end < sentence_start else None
    return m.group() if m else ""


def year_context(marks, pos: int):
    """The latest target or baseline year stated before ``pos`` in the paragraph (``marks`` in text order)."""
    for k in range(bisect.bisect_right(marks, pos, key=lambda mark: mark.token.end) - 1, -1, -1):
        if marks[k].role in ("target", "baseline"):
            return marks[k]
    return None


def base_mark(para: str, marks, pos: int, change: bool = False):
    """The 比/较 20XX年 of this comma segment: 比2020年下降13.5%，非化石能源比重达到18% gives 18% no base. A
    change (``change``) also takes a comparison standing alone earlier in its sentence: 与2015年相比，2019年…
    上升8.9个百分点 (not the levels: 达到74.9% is 2019's)."""
    part_start = max(para.rfind(ch, 0, pos) for ch in SEGMENT_END) + 1
    sentence_start = max(para.rfind(ch, 0, pos) for ch in SENTENCE_END) + 1
    found = None
    # only the marks of this sentence before pos can be it (a mark's wording starts before its year)
    first = bisect.bisect_left(marks, sentence_start, key=lambda mark: mark.token.start)
    last = bisect.bisect_right(marks, pos, key=lambda mark: mark.token.end)
    for mark in marks[first:last]:
        if mark.role == "base" and part_start <= mark.start and mark.token.end <= pos:
            found = mark
        elif (found is None and change and mark.role == "base" and sentence_start <= mark.start < part_start
              and STANDING_COMPARISON.match(para, mark.end)):
            found = mark
    return found


def commitment_of(para: str, pos: int, mentions=()) -> str:
    """确保/力争 of the value at ``pos``: the word governs its own clause part only, i.e. the comma segment of
    the first value after it (力争到2025年，A达到x: x; 力争A达到x，B达到y: x only), and a whole sentence
    part whose object ends with 目标 (力争实现A x，B y的目标: both)."""
    part_start = max(para.rfind(ch, 0, pos) for ch in PART_END) + 1
    best, best_pos = "none", -1
    for word in grammar.COMMITMENTS:
        k = para.rfind(word, part_start, pos)
        if k > best_pos:
            best, best_pos = word, k
    if best_pos == -1:
        return "none"
    part_end = min([k for k in (para.find(ch, pos) for ch in PART_END) if k != -1] or [len(para)])
    if OBJECT_GOAL.search(para[pos:part_end]):
        return best
    segment_start = max(para.rfind(ch, 0, pos) for ch in SEGMENT_END) + 1
    earlier = [m for m in mentions if best_pos < m.start and m.end <= segment_start]
    return "none" if earlier else best


def value_lists(para: str, mentions) -> list[list]:
    """Mentions grouped: a range's two bounds, and values listed with 、/和 (A、B以上)."""
    groups: list[list] = []
    for m in mentions:
        if groups:
            prev = groups[-1][-1]
            if m.range_part == "upper" and prev.range_part == "lower":
                groups[-1].append(m)
                continue
            between = para[prev.end:m.start]
            if (not m.chinese and not prev.chinese and between and grammar.LIST_SEPARATOR.fullmatch(between)
                    and between.strip() != "，"):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def respectively_at(para: str, group, mentions) -> int:
    """Where the 分别 of a list of two or more values stands (no other value between it and the list), else -1."""
    values = [m for m in group if m.range_part != "upper"]
    k = para.rfind("分别", 0, group[0].start)
    if len(values) < 2 or k == -1 or any(k < m.start < group[0].start for m in mentions if m not in group):
        return -1
    return k


def value_index(group, m) -> int:
    """The position of ``m`` among the group's values (an upper range bound shares its lower bound's)."""
    return len([v for v in group if v.range_part != "upper" and (v.start < m.start or v is m)]) - 1


def respective_years(para: str, group, marks, mentions) -> list | None:
    """The year of each value of a 分别 list written after a list of years (到2025年、2030年，A分别达到x、y: x is
    2025's): one year mark per value, or None unless the years right before 分别, in its part of the sentence and
    joined only by 、 和 及 与, are as many as the values."""
    values = [m for m in group if m.range_part != "upper"]
    k = respectively_at(para, group, mentions)
    if k == -1:
        return None
    part_start = max(para.rfind(ch, 0, k) for ch in PART_END) + 1
    years: list = []
    for mark in reversed(marks):  # the last years before 分别, back to the first one not joined to the next
        if mark.start < part_start or len(years) > len(values):
            break
        if mark.role not in ("target", "baseline") or mark.end > k:
            continue
        if years and not YEAR_LIST_JOIN.fullmatch(para[mark.end:years[0].start]):
            break
        years.insert(0, mark)
    if len(years) != len(values) or any(years[-1].end <= m.start < k for m in mentions):
        return None
    return years


def shared_share(para: str, items) -> str:
    """The share the last item of a 分别 list writes for every item (A、B占规模以上工业总产值比重分别…: 占…比重 is A's
    too), or '' when an earlier item writes its own 占."""
    last = para[items[-1][0]:items[-1][1]]
    k = last.find("占")
    if k <= 0 or any("占" in para[a:b] for a, b in items[:-1]):
        return ""
    return last[k:]


def shared_head(para: str, items) -> str:
    """The intensity head (单位国内生产总值) the first item of a 分别 list writes for every item, or '' when a later
    item writes its own."""
    m = INTENSITY_HEAD.match(para, items[0][0], items[0][1])
    if not m or m.end() == items[0][1] or any(INTENSITY_HEAD.match(para, a, b) for a, b in items[1:]):
        return ""
    return m.group()


def respectively_items(para: str, group, mentions) -> list[tuple[int, int]] | None:
    """The items a 分别 list pairs with its values, one (start, end) per value: A、B和C分别为x、y、z → A, B, C.

    The items are the enumeration (、 和 及 与) right before 分别 in its comma segment, without the words
    around it (到2025年, 全市, 比2020年, 均); None unless there are as many items as values.
    """
    values = [m for m in group if m.range_part != "upper"]
    k = respectively_at(para, group, mentions)
    if k == -1:
        return None
    start = max([para.rfind(ch, 0, k) + 1 for ch in SEGMENT_END] + [m.end for m in mentions if m.end <= k])
    end = k
    tail = ITEMS_TAIL.search(para, start, end)
    if tail:
        end = tail.start()
    head = ITEMS_HEAD.match(para, start, end)
    if head:
        start = head.end()
    items, depth, item_start = [], 0, start
    for i in range(start, end):
        if para[i] in "（(“《":
            depth += 1
        elif para[i] in "）)”》":
            depth = max(depth - 1, 0)
        elif depth == 0 and para[i] in ITEM_SEPARATORS:
            items.append((item_start, i))
            item_start = i + 1
    items.append((item_start, end))
    items = [(a, b) for a, b in items if b > a]
    return items if len(items) == len(values) else None


def alias_chain(para: str, found) -> list[tuple[int, int, str]]:
    """The aliases enumerated right before the values (A、B分别…): the last run joined by 、/和/及."""
    chain = [found[-1]]
    for occ in reversed(found[:-1]):
        between = para[occ[1]:chain[0][0]]
        if re.fullmatch(r"\s*(?:、|和|及|与|，)\s*", between):
            chain.insert(0, occ)
        else:
            break
    return chain


# An item of a list written before the next one, without the words both share (风电、光伏装机): the words
# since the previous punctuation, then the list's separator.
ITEM_BEFORE = re.compile(r"([\u4e00-\u9fffA-Za-z0-9.]{1,12})\s*(?:、|和|及|与)\s*$")
MIN_SHARED_TAIL = 2  # characters: 装机, 综合利用率; a single 率 or 量 is too common to tell a name


def shared_tail_items(para: str, chain, alias_named, limit: int) -> list[tuple[int, int, str]]:
    """Up to ``limit`` items listed before the first alias of a chain, sharing its tail (风电、光伏装机: 风电 is
    风电装机; 城市生活垃圾、污泥无害化处理率: 城市生活垃圾无害化处理率). Each is (start, end, alias) of the item's
    own words, alias "" where no item and shared tail are a codebook alias (水电、风电、光伏装机: 水电装机 is none);
    the longest shared tail, then the longest part of the item's words, is tried first."""
    items: list[tuple[int, int, str]] = []
    start, end, _ = chain[0]
    written = para[start:end]
    left = start
    while len(items) < limit and (m := ITEM_BEFORE.search(para, max(0, left - 16), left)):
        word = m.group(1)
        item = next(((m.start(1) + k, m.end(1), alias) for t in range(len(written) - 1, MIN_SHARED_TAIL - 1, -1)
                     for k in range(len(word)) if (alias := alias_named(word[k:] + written[-t:]))), None)
        items.insert(0, item or (m.start(1), m.end(1), ""))
        left = m.start()
    return items


# Items listed after an alias, each without the words it shares with it (森林覆盖率和蓄积量分别: 蓄积量), up to 分别.
ITEM_AFTER = re.compile(r"\s*(?:、|和|及|与)\s*([\u4e00-\u9fffA-Za-z0-9.]{1,12}?)(?=\s*(?:、|和|及|与|$))")
MIN_SHARED_HEAD = 2  # characters: 森林, 单位GDP; a single 总 or 年 is too common to tell a name


def shared_head_items(para: str, chain, alias_named, limit: int, stop: int) -> list[tuple[int, int, str]]:
    """Up to ``limit`` items listed after the last alias of a chain and before ``stop`` (where 分别 is), sharing
    its head (森林覆盖率和蓄积量: 蓄积量 is 森林蓄积量), or all of it (绿色信贷余额和年均增速: 绿色信贷余额年均增速). Each
    is (start, end, alias) of the item's own words, alias "" where the shared head and the item are no codebook
    alias; the longest shared head is tried first."""
    items: list[tuple[int, int, str]] = []
    written = para[chain[-1][0]:chain[-1][1]]
    at = chain[-1][1]
    tail = ITEMS_TAIL.search(para, at, stop)  # 将, 均, 比2020年 before 分别
    stop = tail.start() if tail else stop
    while len(items) < limit and (m := ITEM_AFTER.match(para, at, stop)):
        word = m.group(1)
        alias = next((alias for h in range(len(written), MIN_SHARED_HEAD - 1, -1)
                      if (alias := alias_named(written[:h] + word))), "")
        items.append((m.start(1), m.end(1), alias))
        at = m.end()
    return items if at == stop or para[at:stop].strip() in ITEM_SEPARATORS else []


def number_text(m) -> str:
    """The value as a curator writes it: the digits as printed, or the number Chinese words mean, unrounded."""
    if m.chinese:
        return str(int(m.value)) if m.value.is_integer() else repr(m.value)
    return m.value_text
