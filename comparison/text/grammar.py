"""The phrasing of quantities in Chinese plans: what a number is, its unit, comparator and year role.

Works on one paragraph of cleaned, simplified text (offsets are offsets into that text). Each rule is
general wording of the genre, never a phrase of a particular plan:

- numbers that are not quantities: 文号 〔2021〕183号, dates 2021年12月8日, list numbers 1. （1）,
  formulas and standards (PM2.5, CO2, GB 18918), labels (5G, “2+6+N”, 《…2021年版》), size classes
  (10蒸吨/小时); ordinals, counts of the document's parts, dates, times, telephone numbers and codes
  written with hyphens (comparison.text.number_roles), which are never ranges;
- years: 到/至 2025年 (target year, for every later item of the paragraph), 比/较 2020年 (base year of a
  relative change), a bare year (a target when not before the plan's year, else the year of a fact),
  2021年以来 / 2030年前 / 2021-2023年, price bases 按2015年价格计算 and goals named by a year 落实2030年…目标
  (reference years);
- quantities: a value, an optional range (1-2个, 2—3), the longest unit written right after it (or after
  余/多: 3500余个 is more than 3500), the comparator from the words around it (以上, 不低于, 超过, 约, 左右 …);
  day counts governed by a comparator or a 天数 subject (优良天数不低于300天);
- quantities written in Chinese numerals: comparison.text.chinese_quantities. A Mention's ``value`` is
  the number meant (三分之一 → 1/3) and ``value_span`` the digits or words that print it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from comparison.text import number_roles

YEAR_RANGE = (1990, 2060)
# The rules read the words next to a number, never the whole paragraph: each looks at most NEAR characters
# either side (a 《title》 at most MAX_TITLE), so a long paragraph costs time in proportion to its length.
NEAR = 80
MAX_TITLE = 200
NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
DOC_NUMBER = re.compile(r"[〔\[［【(（]\s*([0-9]{4})\s*[〕\]］】)）]\s*(?:第\s*)?([0-9]+)\s*号")
DATE = re.compile(r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*日)?")
LIST_NUMBER = re.compile(r"^\s*(?:([0-9]{1,2})\s*[.、](?![0-9])|[（(]\s*([0-9]{1,2})\s*[）)])")
PERIOD = re.compile(r"([0-9]{4})\s*[-—–~～至到]\s*([0-9]{4})\s*年")
TARGET_MARK = re.compile(r"(?:到|至|截至|截止到?)\s*$")
BASE_MARK = re.compile(r"(?:比|较|相比|相较于?|与|同)\s*$")
# 2021年以来, 2023年版, and a price base (按2015年价格计算, 2020年不变价): never a target or a fact's year
REFERENCE_AFTER = re.compile(r"^\s*年\s*(?:以来|来|起|开始|版|价格|不变价|可比价|现价)")
MONTH_RANGE = re.compile(r"^\s*(?:月份?)?\s*[至到\-—–~～]\s*[0-9]{1,2}\s*月")
DURATION = re.compile(r"^\s*(?:余|多)?(?:个)?(?:年|个月|月|天|日|小时)(?:内|以来|时间|来|间)?")
MORE_THAN = ("余", "多")  # 3500余个, 10多家: more than the number, the unit after the word
# 落实2030年应对气候变化国家自主贡献目标: the year is part of the goal's name, not the year of the values after it
GOAL_NAME_BEFORE = re.compile(r"(?:落实|对标|围绕|服务于?|助力|支撑|锚定)\s*$")
GOAL_NAME_AFTER = re.compile(r"^\s*年[^，,；;。：:]{0,30}目标")
ISSUED_AFTER = re.compile(r"^\s*(?:印发|发布|签发|施行)")
TARGET_YEAR_TAIL = re.compile(r"^\s*年\s*(?:底|末|年底)?")
SIZE_CLASS_UNITS = ("蒸吨", "千伏", "兆帕")
RANGE_SEPARATOR = re.compile(r"^\s*[-—–~～]+\s*|^\s*至\s*")
LIST_SEPARATOR = re.compile(r"^\s*(?:、|和|及|与|或|，)\s*")

# Comparator words: after the value+unit, then right before the value (spaces and 的 allowed between).
# The comparator codes are the codebook's (comparators sheet): eq ge gt le lt approx.
AFTER_COMPARATORS = [("及以上", "ge"), ("以上", "ge"), ("以下", "le"), ("以内", "le"), ("之内", "le"),
                     ("左右", "approx"), ("上下", "approx")]
BEFORE_COMPARATORS = [("不低于", "ge"), ("不少于", "ge"), ("至少", "ge"), ("不超过", "le"), ("不高于", "le"),
                      ("不大于", "le"), ("控制在", "le"), ("超过", "gt"), ("大于", "gt"), ("突破", "gt"),
                      ("高于", "gt"), ("多于", "gt"), ("低于", "lt"), ("小于", "lt"), ("不足", "lt"), ("少于", "lt"),
                      ("将近", "approx"), ("接近", "approx"), ("大约", "approx"), ("约", "approx"), ("近", "approx"),
                      ("不超", "le"), ("超", "gt")]  # 超50%: more than (a word longer than 超 is tried first)
COMMITMENTS = ("确保", "力争")
# Units the conventions write differently from the plan: "提高 N 个百分点" → 百分点; a class of magnitude
# "100亿级" / "千亿级" is money in 亿元 (yuan implied; 级 reads as at least).
CONVENTION_UNITS = {"个百分点": "百分点", "亿级": "亿元"}
# A unit as written; the codebook's units are tried first (longest wins), these only when none fits.
GENERIC_UNIT = re.compile(
    r"^(?:[万亿千百]*(?:千瓦时|千瓦|兆瓦|吨标准煤|吨|元|亩|公顷|平方公里|平方米|立方米|公里|千米|米|人次|人|天|小时|"
    r"个|家|座|户|种|辆|条|所|项|处|套|台|名|次|栋|间|张|只|头|株|棵|部|批|类|片|园|村|镇|区|倍|"
    r"千克|公斤|克|升|吨公里|标箱|艘|架|组|枚|册|件|份|宗|笔|起))(?:/(?:日|天|年|小时|月|人|万元|亩|公顷))?")
MEASURE_WORDS = "个家座条项所处类种片支"
# What may lead to or follow a number in the year range that is a quantity (达到2020个, 共2021家): not a bare year.
BARE_YEAR_LEAD = r"(?:达到|达|为|是|超过|突破|增至|降至|增加|减少|新增|约|近|共|计|第|No\.?|[0-9.,，、])\s*$"
BARE_YEAR_UNIT_START = MEASURE_WORDS + "万亿千百元吨米亩户人辆套台座名位天次件项个%％"


@dataclass
class Token:
    """A digit sequence of the paragraph and what it is."""

    start: int
    end: int
    text: str
    role: str  # quantity | year | document_number | issue_date | list_numbering | name_or_label | chemical_or_technical
    note: str = ""

    @property
    def value(self) -> float:
        return float(self.text)


@dataclass
class YearMark:
    """A year that gives context to the numbers after it."""

    token: Token
    year: int
    role: str  # target | base | baseline | reference
    start: int  # where the marker wording starts (到, 比 …)
    end: int


@dataclass
class Mention:
    """One stated quantity: its value, where it is written, its unit and comparator."""

    start: int
    end: int  # end of the value (and unit, comparator words) as written
    value: float
    value_text: str
    value_span: tuple[int, int]
    unit: str = ""
    unit_span: tuple[int, int] | None = None
    comparator: str = "eq"
    after_comparator: bool = False
    range_part: str = ""  # lower | upper
    chinese: bool = False
    note: str = ""


def is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and YEAR_RANGE[0] <= int(text) <= YEAR_RANGE[1]


def classify_tokens(para: str, in_preamble: bool) -> list[Token]:
    """Every digit sequence of a paragraph with the role its wording gives it."""
    tokens = [Token(m.start(), m.end(), m.group(), "quantity") for m in NUMBER.finditer(para)]
    by_start = {t.start: t for t in tokens}

    def mark(pos: int, role: str, note: str = "") -> None:
        t = by_start.get(pos)
        if t is not None and t.role in ("quantity", "year"):
            t.role, t.note = role, note

    for m in DOC_NUMBER.finditer(para):
        mark(m.start(1), "document_number")
        mark(m.start(2), "document_number")
    first, last = len(para) - len(para.lstrip()), len(para.rstrip())  # where the words start and end
    for m in DATE.finditer(para):
        issued = ISSUED_AFTER.match(para[m.end():m.end() + NEAR])
        alone = m.start() <= first and (m.end() >= last or issued)
        role = "issue_date" if in_preamble or alone or issued else "date"
        for g in (1, 2, 3):
            if m.group(g):
                mark(m.start(g), role)
    m = LIST_NUMBER.match(para)
    if m:
        g = 1 if m.group(1) else 2
        mark(m.start(g), "list_numbering")
    for s, e, role, note in number_roles.not_quantities(para):
        for t in tokens:
            if s <= t.start < e and t.role in ("quantity", "year"):
                t.role, t.note = role, note
    for t in tokens:
        if t.role != "quantity":
            continue
        before, after = para[max(0, t.start - NEAR):t.start], para[t.end:t.end + NEAR]
        part = number_roles.part_role(para, t.start, t.end)
        if part:
            t.role, t.note = part
        elif re.search(r"[A-Za-z][A-Za-z/.]*\s?$", before):
            t.role = "chemical_or_technical"
        elif re.match(r"^[A-Za-z]", after) or re.match(r"^\s*\+|^[A-Za-z]", after) or re.search(r"\+\s*$", before):
            t.role = "name_or_label"
        elif inside(para, t.start, "《", "》") or _inside_short_quote(para, t.start):
            t.role = "name_or_label"
        elif any(after.lstrip().startswith(u) for u in SIZE_CLASS_UNITS):
            t.role, t.note = "chemical_or_technical", "size class of equipment, not a quantity"
        elif MONTH_RANGE.match(after) and "." not in t.text:
            t.role, t.note = "date", "the first month of a range of months (1至9月)"
        elif (not is_year(t.text) and "." not in t.text and DURATION.match(after) and not DATE.match(para, t.start)
              and not number_roles.is_day_count(para, t.start, t.end)):
            t.role, t.note = "other", "a duration or a date part, not a quantity"
        elif is_year(t.text) and (TARGET_YEAR_TAIL.match(after) or PERIOD.match(para, t.start)
                                  or re.match(r"^\s*[-—–~～至到]\s*[0-9]{4}\s*年", after)):
            t.role = "year"
    for t in tokens:  # 锁定目标 2020实现多项突破: a year without 年, where no verb leads to it and no unit follows it
        if (t.role == "quantity" and is_year(t.text) and not re.search(BARE_YEAR_LEAD, para[max(0, t.start - NEAR):t.start])
                and re.match(r"\s*(?:[\u4e00-\u9fff“”《》]|$)", para[t.end:t.end + 2])
                and para[t.end:t.end + 1] not in BARE_YEAR_UNIT_START and not para[t.end:t.end + 1] == "年"):
            t.role, t.note = "bare_year", "a year written without 年: a time reference"
    for t in tokens:  # the second year of a period 2021-2023年
        if t.role == "quantity" and is_year(t.text) and re.search(r"[0-9]{4}\s*[-—–~～至到]\s*$",
                                                                  para[max(0, t.start - NEAR):t.start]):
            t.role = "year"
    return tokens


def inside(text: str, pos: int, opener: str, closer: str) -> bool:
    """Between an opener and its closer, each at most MAX_TITLE characters away."""
    left = text.rfind(opener, max(0, pos - MAX_TITLE), pos)
    return left != -1 and text.rfind(closer, left, pos) == -1 and text.find(closer, pos, pos + MAX_TITLE) != -1


def _inside_short_quote(text: str, pos: int) -> bool:
    """Inside “…” that names something (short, no sentence in it): “356”, “2+6+N”."""
    left = text.rfind("“", max(0, pos - 12), pos)
    if left == -1 or text.rfind("”", left, pos) != -1:
        return False
    right = text.find("”", pos, left + 13)
    return right != -1 and right - left <= 12 and not re.search(r"[，。；]", text[left:right])


def year_marks(para: str, tokens: list[Token], plan_year: int | None) -> list[YearMark]:
    """The role of each year in the paragraph, with the wording that gives it."""
    marks = []
    years = [t for t in tokens if t.role == "year"]
    for t in years:
        year = int(t.text)
        lo = max(0, t.start - NEAR)
        before, after = para[lo:t.start], para[t.end:t.end + NEAR]
        period = PERIOD.match(para, t.start) or re.search(r"[0-9]{4}\s*[-—–~～至到]\s*$", before)
        target = TARGET_MARK.search(para, lo, t.start)  # offsets in para; $ matches at t.start
        base = BASE_MARK.search(para, lo, t.start)
        tail = TARGET_YEAR_TAIL.match(after)
        end = t.end + (tail.end() if tail else 0)
        if period:
            marks.append(YearMark(t, year, "reference", t.start, t.end))
        elif REFERENCE_AFTER.match(after) or (GOAL_NAME_BEFORE.search(before) and GOAL_NAME_AFTER.match(after)):
            marks.append(YearMark(t, year, "reference", t.start, t.end))
        elif target:
            role = "baseline" if target.group().startswith("截") else "target"
            marks.append(YearMark(t, year, role, target.start(), end))
        elif base:
            marks.append(YearMark(t, year, "base", base.start(), end))
        elif plan_year is not None and year < plan_year:
            marks.append(YearMark(t, year, "baseline", t.start, end))
        else:
            marks.append(YearMark(t, year, "target", t.start, end))
    return marks


def match_unit(text: str, pos: int, units: list[str]) -> tuple[str, int] | None:
    """The longest unit written at ``pos`` (spaces of a codebook unit ignored): (unit, end offset)."""
    best = None
    for unit in units:
        squeezed = unit.replace(" ", "")
        if not squeezed:
            continue
        k, j = pos, 0
        while j < len(squeezed) and k < len(text):
            if text[k] == " ":
                k += 1
                continue
            if text[k] != squeezed[j]:
                break
            k, j = k + 1, j + 1
        if j == len(squeezed) and (best is None or k > best[1]):
            best = (unit, k)
    if best:
        return best
    m = GENERIC_UNIT.match(text[pos:])
    return (m.group(), pos + m.end()) if m else None


def comparator_after(text: str, pos: int) -> tuple[str, int] | None:
    rest = text[pos:]
    stripped = rest.lstrip(" ")
    for word, comp in AFTER_COMPARATORS:
        if stripped.startswith(word):
            return comp, pos + (len(rest) - len(stripped)) + len(word)
    return None


def comparator_before(text: str, pos: int) -> str | None:
    before = re.sub(r"[\s的在]*$", "", text[max(0, pos - NEAR):pos])
    for word, comp in BEFORE_COMPARATORS:
        if before.endswith(word):
            if word == "近" and before.endswith(("接近", "将近", "最近", "附近")):
                continue
            return comp
    return None


def digit_mentions(para: str, tokens: list[Token], units: list[str]) -> list[Mention]:
    """Quantities written with digits: ranges split into two mentions, units and comparators attached."""
    quantity = [t for t in tokens if t.role == "quantity"]
    mentions: list[Mention] = []
    k = 0
    while k < len(quantity):
        t = quantity[k]
        upper = None
        if k + 1 < len(quantity):
            between = para[t.end:quantity[k + 1].start]
            sep = RANGE_SEPARATOR.match(between)
            if not number_roles.is_range(t.text, quantity[k + 1].text):
                pass  # 12-3, 0591-8765: a dash between numbers that are no range
            elif sep and t.end + sep.end() == quantity[k + 1].start:
                upper = quantity[k + 1]
            else:
                first_unit = match_unit(para, _skip_spaces(para, t.end), units)
                if first_unit and RANGE_SEPARATOR.fullmatch(para[first_unit[1]:quantity[k + 1].start]):
                    second_unit = match_unit(para, _skip_spaces(para, quantity[k + 1].end), units)
                    if second_unit and second_unit[0].endswith(first_unit[0]):
                        upper = quantity[k + 1]
        last = upper or t
        unit_at = _skip_spaces(para, last.end)
        more = upper is None and para.startswith(MORE_THAN, unit_at) and match_unit(para, unit_at + 1, units)
        unit = more or match_unit(para, unit_at, units)
        unit_span = (unit_at + 1, unit[1]) if more else _span(unit, para, last.end)
        end = unit[1] if unit else last.end
        after = comparator_after(para, end)
        if upper is not None:
            for part, tok, comp in (("lower", t, "ge"), ("upper", upper, "le")):
                mentions.append(Mention(t.start, end, tok.value, tok.text, (tok.start, tok.end),
                                        unit[0] if unit else "", unit_span, comp, True, part,
                                        note=f"range {t.text}–{upper.text}: {part} bound"))
            k += 2
            continue
        comp = after[0] if after else comparator_before(para, t.start)
        note = ""
        if more and comp is None:
            comp, note = "gt", f"{t.text}{para[unit_at]}{unit[0]}: more than {t.text}"
        if comp is None and unit and unit[0].endswith("级"):
            comp, note = "ge", f"{t.text}{unit[0]}: class of magnitude, read as at least"
        mentions.append(Mention(t.start, after[1] if after else end, t.value, t.text, (t.start, t.end),
                                unit[0] if unit else "", unit_span, comp or "eq", bool(after),
                                note=note))
        k += 1
    return share_list_units(para, mentions)


# 10.6万、3.8万、3.3万平方公里 / 分别为20、30万千瓦: the gap between two values of a list, a magnitude left behind.
LIST_GAP = re.compile(r"\s*([万亿千]?)\s*(?:、|和|及|与)\s*")


def share_list_units(para: str, mentions: list[Mention]) -> list[Mention]:
    """Values of a list written before the one unit at its end take that unit (with the magnitude each
    keeps: 10.6万 of 万平方公里)."""
    for m, after in zip(reversed(mentions[:-1]), reversed(mentions[1:])):
        if m.unit or m.range_part or m.chinese or not after.unit or after.range_part:
            continue
        gap = LIST_GAP.fullmatch(para, m.value_span[1], after.start)
        if not gap or (gap.group(1) and not after.unit.startswith(gap.group(1))):
            continue
        m.unit, m.unit_span, m.end = after.unit, after.unit_span, gap.end(1) if gap.group(1) else m.end
        m.note = "; ".join(n for n in (m.note, f"unit {after.unit} written once after the list") if n)
    return mentions


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _span(unit, para: str, pos: int) -> tuple[int, int] | None:
    return (_skip_spaces(para, pos), unit[1]) if unit else None
