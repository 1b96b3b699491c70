"""Parts of a plan sentence the extractor reads: where sentences, parts and segments end, the year
wording that governs a value, its commitment word (确保/力争), value lists and enumerated aliases."""
from __future__ import annotations

import re

from comparison.text import grammar

SITUATION_TITLE = re.compile(r"形势|现状|基础(?!设施)|挑战|回顾|成效")
SENTENCE_END = "。！？"
PART_END = "；;。！？"
SEGMENT_END = "，,；;。！？：:"
PHRASE_END = SEGMENT_END + "、"
# Words between an indicator phrase and its value: cut from a phrase as written.
PHRASE_TAIL = re.compile(r"(?:分别|均|都|要|持续|稳定|基本|累计|实现|达到|达|提高到|提高至|提升到|提升至|提高|提升|"
                         r"下降|降低到|降低至|降低|减少|增长|增加|控制在|稳定在|保持在|保持|为|是|占|比重|不低于|"
                         r"不少于|不超过|超过|突破|大于|低于|不足|约|近|将近|左右|以上|新增|年均)+$")
PHRASE_HEAD = re.compile(r"^(?:其中|力争|确保|全市|同时|并|及|和|与|、|到|至)+")
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


def year_context(marks, pos: int):
    """The latest target or baseline year stated before ``pos`` in the paragraph."""
    found = None
    for mark in marks:
        if mark.role in ("target", "baseline") and mark.token.end <= pos:
            found = mark
    return found


def base_mark(para: str, marks, pos: int):
    """The 比/较 20XX年 of this comma segment: 比2020年下降13.5%，非化石能源比重达到18% gives 18% no base."""
    part_start = max(para.rfind(ch, 0, pos) for ch in SEGMENT_END) + 1
    found = None
    for mark in marks:
        if mark.role == "base" and part_start <= mark.start and mark.token.end <= pos:
            found = mark
    return found


def commitment_of(para: str, pos: int) -> str:
    part_start = max(para.rfind(ch, 0, pos) for ch in PART_END) + 1
    best, best_pos = "none", -1
    for word in grammar.COMMITMENTS:
        k = para.rfind(word, part_start, pos)
        if k > best_pos:
            best, best_pos = word, k
    return best


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


def number_text(m) -> str:
    """The value as a curator writes it: the digits as printed, or the number Chinese words mean, unrounded."""
    if m.chinese:
        return str(int(m.value)) if m.value.is_integer() else repr(m.value)
    return m.value_text
