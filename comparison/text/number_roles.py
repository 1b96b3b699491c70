"""Digit sequences that look like quantities but are not, and day counts that are.

General wording of Chinese texts, never a phrase of one plan:

- ordinals (第12次常务会议, 第3条), ranks (列全省56位) and the numbers of boxes (专栏2);
- counts of the document's own parts or of a named set of categories: 含20项措施, 提出5个方面,
  共分4方面 (the measure word left out), 十大工程 written 8大工程, 4项主要污染物, 若干措施20条, and how many of the
  targets just named are met (22项约束性指标中，有8项已提前完成);
- the page numbers of a table of contents (第一章 总体要求……1);
- dates and times written with hyphens, slashes or dots (2023-05-06, 2023/5/6, 2023.05.06 10:21),
  telephone numbers (0591-87654321, 13912345678) and ids or codes (113500/2023-00045): never a range;
- a size class qualifying a noun (常住人口100万以上的城市, 年综合能耗5000吨标准煤以上的企业);
- the number of places a value is measured over (68个城市空气质量优良天数比例平均为99.2%, 在全国168个重点城市中,
  哈尔滨、大庆、绥化3市), the departments that issue a document (24部门联合印发) and the kinds just named (等9种);
- a day count is a quantity when a comparator or a 天数 subject governs it (优良天数不低于300天,
  重污染天数控制在2天以下, 控制在1天以内), when it is a change against a year (同比增加4天) or when it is a
  bulletin's days by air-quality class (优良178天, 共监测181天), while 3天内完成 or 用30天时间 is the duration
  of an action.
"""
from __future__ import annotations

import re

LOOK_BEHIND, LOOK_AHEAD = 30, 30  # characters around a number that its role depends on (linear time)
ORDINAL = re.compile(r"第\s*$")
RANK = re.compile(r"(?:列|居|位列|位居|排名|排在)\s*(?:全国|全省|全市|全区|同类城市)?\s*$")  # 列全省56位: a rank
BOX = re.compile(r"专栏\s*$")
PART_NOUNS = ("主要目标|措施|举措|任务|方面|条款|内容|要点|部分|章|节|附件|专栏|领域|主要污染物|污染物|约束性指标|预期性指标|"
              "指标|政策|机制|意见|问题|要求|重点任务|重点工作|工作任务")
PART_COUNT = re.compile(rf"^\s*(?:项|条|个|大|类|种|部分)\s*(?:重点|主要|具体|政策|工作|配套|支持)?\s*(?:{PART_NOUNS})")
BARE_PART_COUNT = re.compile(r"^\s*(?:个|大)?\s*(?:方面|部分|章|篇)")  # 共分4方面18项: no 个 before 方面
PROGRAMME_COUNT = re.compile(r"^\s*(?:大|项)\s*(?:重点|主要|专项)?\s*(?:工程|行动|专项行动|攻坚行动)")
ARTICLES = re.compile(r"^\s*条\s*(?:[，。；、）)]|$)")
# 22项约束性指标中，有8项已提前完成: how many of the targets just named are met, not a quantity of anything.
TARGETS_MET = re.compile(r"^\s*项\s*(?:已经|已|均|全部|基本|都)?\s*(?:提前|超额|如期|按期)?\s*(?:完成|实现|达到|达标)")
TARGETS_NAMED = re.compile(r"(?:指标|目标|任务)[^。；;！？]{0,12}(?:中|里)?[，,、\s]*(?:有|其中有?)?\s*$")
ISSUER_COUNT = re.compile(r"^\s*(?:个|家)?\s*(?:部门|厅局|委办局)")  # 24部门联合印发, 等24个部门: who issued it
KINDS_COUNT = re.compile(r"^\s*(?:种|类)")  # 废钢铁、废铜等9种再生资源: a count of the kinds just named
# The places a value is measured over: 68个城市…平均为99.2%, 在全国168个重点城市中, 14处水源水质全部达标. Not when
# the count is what is built or reached (建成5个监测站点).
PLACES = (r"(?:地级及以上|设区|重点|主要|国考|省考|省控|市控|县级及以上|[^\s，,。；;、0-9]{0,6})?"
          r"(?:城市|市|县|区|河流|断面|湖库|湖泊|监测点|点位|站点|水源地|水源)")
SCOPE_COUNT = re.compile(rf"^\s*(?:个|条|座|处)\s*{PLACES}[^，,；;。：:]*?(?:[0-9]|中(?![心国])|全部|均|都)")
LISTED_PLACES = re.compile(r"[\u4e00-\u9fff]、[\u4e00-\u9fff、]{1,20}[\u4e00-\u9fff]\s*$")  # 哈尔滨、大庆、绥化4市
MADE_COUNT = re.compile(r"(?:建成|新建|建设|创建|培育|打造|新增|增加|减少|达到|达|完成|实现|改造|整治|消除|超过|突破|累计)"
                        r"[^，,；;。]{0,12}$")
DATE_CHAIN = re.compile(r"(?<![0-9.])((?:19|20)[0-9]{2})\s*([-/.])\s*([0-9]{1,2})\s*\2\s*([0-9]{1,2})(?![0-9])")
TIME = re.compile(r"(?<![0-9.:])([0-9]{1,2})\s*[:：]\s*([0-9]{2})(?:\s*[:：]\s*([0-9]{2}))?(?![0-9])")
TIME_LEAD = re.compile(r"(?:(?:19|20)[0-9]{2}\s*[-/.年]\s*[0-9]{1,2}\s*[-/.月]\s*[0-9]{1,2}\s*日?|上午|下午|晚上|凌晨|中午)"
                       r"\s*$")
PHONE = re.compile(r"(?<![0-9])(?:[(（]\s*0[0-9]{2,3}\s*[)）]\s*|0[0-9]{2,3}\s*-\s*)[0-9]{7,8}(?![0-9])|"
                   r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
PHONE_LABEL = re.compile(r"(?:电话|热线|手机|传真|联系方式)\s*[:：]?\s*$")
PAGE_OF_CONTENTS = re.compile(r"(?:[.．…·•\-—_]{3,}|\s{2,})\s*([0-9]{1,3})\s*$")
CODE_CHAIN = re.compile(r"(?<![0-9.])[0-9]+(?:\s*[-/]\s*[0-9]+){2,}(?![0-9])|"
                        r"(?<![0-9.])[0-9]+\s*[-/]\s*0[0-9]+(?![0-9.])|(?<![0-9.])0[0-9]+\s*[-/]\s*[0-9]+(?![0-9.])")
# A magnitude (万, 吨标准煤 …; never a share: 50%以上的煤炭 is a quantity) 以上的 + the things it qualifies.
SIZE_CLASS = re.compile(r"^\s*[^\s，,。；;、：:（）()的0-9%％成倍]{1,8}?\s*(?:及)?以[上下]\s*的")
DAYS_AFTER = re.compile(r"^\s*(?:天|日|小时)")
DAY_COMPARATORS_BEFORE = re.compile(r"(?:不低于|不少于|至少|不超过|不高于|不大于|控制在|超过|大于|多于|低于|小于|少于|不足)"
                                    r"[\s的在]*$")
DAY_COMPARATORS_AFTER = re.compile(r"^\s*(?:天|日|小时)\s*(?:及以上|以上|以下|以内|之内|左右)")
DAY_SUBJECT = re.compile(r"天数[^，,；;。]{0,8}$")
# An air-quality bulletin's days by class (优良178天, 轻度污染3天, 共监测181天): counts of days, not durations.
DAY_CLASS = re.compile(r"(?:优良|优|良|轻度污染|中度污染|重度污染|严重污染|重污染|超标|达标|监测)[\s为达到有共计]*$")
# A change in days against a year (同比增加4天, 比2015年增加92天): the days are the quantity changed.
DAY_CHANGE = re.compile(r"(?:同比|比上年|较上年|(?:比|较)\s*[0-9]{4}\s*年)\s*(?:增加|减少)\s*$")


def not_quantities(para: str) -> list[tuple[int, int, str, str]]:
    """(start, end, role, note) of the spans whose digits are dates, times, telephone numbers or codes."""
    spans = []
    for m in DATE_CHAIN.finditer(para):
        spans.append((m.start(), m.end(), "date", "a date written with hyphens, slashes or dots"))
    for m in TIME.finditer(para):
        if TIME_LEAD.search(para[max(0, m.start() - LOOK_BEHIND):m.start()]) or m.group(3):
            spans.append((m.start(), m.end(), "other", "a time of day"))
    for m in PHONE.finditer(para):
        labelled = PHONE_LABEL.search(para[max(0, m.start() - LOOK_BEHIND):m.start()])
        if any(ch in m.group() for ch in "-（(") or labelled or len(re.sub(r"\D", "", m.group())) == 11:
            spans.append((m.start(), m.end(), "contact_details", "a telephone number"))
    m = PAGE_OF_CONTENTS.search(para)
    if m:
        spans.append((m.start(1), m.end(1), "page_or_footer", "a page number of a table of contents"))
    for m in CODE_CHAIN.finditer(para):
        if not any(s <= m.start() < e for s, e, _, _ in spans):
            spans.append((m.start(), m.end(), "name_or_label", "part of a code or id written with hyphens or "
                                                               "slashes, not a range"))
    return spans


def part_role(para: str, start: int, end: int) -> tuple[str, str] | None:
    """The role of a digit sequence that orders or counts the document's parts (see the module doc)."""
    before, after = para[max(0, start - LOOK_BEHIND):start], para[end:end + LOOK_AHEAD]
    if ORDINAL.search(before):
        return "document_part_count", "an ordinal (第N), not a quantity"
    if RANK.search(before) and re.match(r"\s*(?:位|名)", after):
        return "document_part_count", "a rank (列全省56位), an ordinal, not a quantity"
    if BOX.search(before):
        return "document_part_count", "the number of a box (专栏)"
    if PART_COUNT.match(after) or BARE_PART_COUNT.match(after) or PROGRAMME_COUNT.match(after) or ARTICLES.match(after):
        return "document_part_count", "a count of the document's own parts or of named categories, not a quantity"
    if TARGETS_MET.match(after) and TARGETS_NAMED.search(before):
        return "document_part_count", "how many of the targets just named are met (…指标中有8项已完成), not a quantity"
    if ISSUER_COUNT.match(after):
        return "document_part_count", "a count of the departments that issue the document, not a quantity"
    if KINDS_COUNT.match(after) and re.search(r"等\s*$", before):
        return "document_part_count", "a count of the kinds just named (…等9种), not a quantity"
    if not MADE_COUNT.search(before) and (SCOPE_COUNT.match(after) or (
            LISTED_PLACES.search(before) and re.match(r"^\s*(?:个)?(?:市|县|区|省)", after))):
        return "scope_count", "the number of places the value after it is measured over: its scope, not a quantity"
    if SIZE_CLASS.match(after):
        return "chemical_or_technical", "a size class (…以上的…: the things it qualifies), not a quantity"
    return None


def is_day_count(para: str, start: int, end: int) -> bool:
    """A number of days (or hours) that states a quantity: a comparator or a 天数 subject governs it."""
    before, after = para[max(0, start - LOOK_BEHIND):start], para[end:end + LOOK_AHEAD]
    if not DAYS_AFTER.match(after):
        return False
    return bool(DAY_COMPARATORS_AFTER.match(after) or DAY_COMPARATORS_BEFORE.search(before) or DAY_CHANGE.search(before)
                or DAY_SUBJECT.search(re.sub(r"(?:不低于|不少于|达到|控制在|保持在|为|在)[\s]*$", "", before))
                or DAY_CLASS.search(before))


def is_range(lower: str, upper: str) -> bool:
    """Two numbers joined by a dash read as a range: the upper bound above the lower, no leading zeros."""
    def leading_zero(x: str) -> bool:
        return len(x) > 1 and x[0] == "0" and x[1] != "."
    return not leading_zero(lower) and not leading_zero(upper) and float(upper) > float(lower)
