"""The heading schemes of Chinese official texts, from the top level down, and which two a text uses.

Levels (markers at the start of a line): 第一部分, 第一章, 第一节, 一、, （一）, 1., （1）, 一是. A text uses
some of them; its section level is the highest one it numbers from 1 (一、 in most city plans, 第一章
in a 十四五 plan, 第一部分 in a plan in parts) and its clause level the next lower one it numbers from
1 (（一） under 一、, 第一节 under 第一章). Lower levels stay inside their clause (list items). 1., （1）
and 一是 head sections only where they read as headings (short, no sentence): in a news report they
number list items, not parts of the plan. A text with no section level has no headings at all.

专栏 (box) lines start a block of their own but are no level: a box stays inside its clause. The lines of a
table of contents (第一章 总体要求……1) are no headings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

NUMERAL = "一二三四五六七八九十百零〇"
HEADING_MAX_CHARS = 30  # a heading line: the title after the marker, without a sentence


@dataclass(frozen=True)
class Level:
    name: str
    marker: re.Pattern  # group 1: the number (Chinese numerals or digits)
    headings_only: bool = False  # a section level only where its lines read as headings


LEVELS = [
    Level("part", re.compile(rf"^第([{NUMERAL}0-9]+)部分\s*")),
    Level("chapter", re.compile(rf"^第([{NUMERAL}0-9]+)章\s*")),
    Level("node", re.compile(rf"^第([{NUMERAL}0-9]+)节\s*")),
    Level("chinese", re.compile(rf"^([{NUMERAL}]+)、")),
    Level("bracketed_chinese", re.compile(rf"^[（(]([{NUMERAL}]+)[）)]")),
    Level("arabic", re.compile(r"^([0-9]{1,2})[.．、](?![0-9])"), headings_only=True),
    Level("bracketed_arabic", re.compile(r"^[（(]([0-9]{1,2})[）)]"), headings_only=True),
    Level("enumeration", re.compile(rf"^([{NUMERAL}]+)是(?=[^，,。；、\s])"), headings_only=True),
]
BY_NAME = {level.name: level for level in LEVELS}
SECTION_MARKER = BY_NAME["chinese"].marker
LIST_MARKER = re.compile(r"^(?:[0-9]{1,2}[.．、](?![0-9])|[（(][0-9]{1,2}[）)]|[①-⑳])")
BOX_MARKER = re.compile(rf"^专栏\s*[0-9{NUMERAL}]*")
CHAPTER_MARKER = re.compile(rf"^第[{NUMERAL}0-9]+(?:部分|章|节)")
SENTENCE_MARKS = "。；！？"
TOC_LINE = re.compile(r"(?:[.．…·•\-—_]{3,}|\s{2,})\s*[0-9]{1,3}\s*$")  # 第一章 总体要求……1: a contents line

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def number_of(text: str) -> int:
    """``一``→1, ``十二``→12, ``二十六``→26, ``一百零二``→102, ``7``→7."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + current


def reads_as_heading(line: str, marker_end: int) -> bool:
    """A title after its marker: short and without a sentence (``一、总体要求``, ``第一章 发展基础``)."""
    title = line[marker_end:].strip()
    return len(title) <= HEADING_MAX_CHARS and not any(ch in title for ch in SENTENCE_MARKS)


def marker_of(level: Level, line: str) -> tuple[int, int] | None:
    """(number, end of the marker) when the line starts with this level's marker (a line of a table of
    contents, ending with a dot leader and a page number, is no heading)."""
    m = level.marker.match(line)
    if not m or TOC_LINE.search(line):
        return None
    try:
        return number_of(m.group(1)), m.end()
    except ValueError:
        return None


def scheme(lines: list[str]) -> tuple[Level | None, Level | None]:
    """The section and clause levels of a text (its non-empty lines), None where it has none."""
    present = []
    for level in LEVELS:
        numbers = []
        for line in lines:
            found = marker_of(level, line)
            if found and (not level.headings_only or reads_as_heading(line, found[1])):
                numbers.append(found[0])
        if numbers and numbers[0] == 1:
            present.append(level)
    section = next((lv for lv in present), None)
    if section is None:
        return None, None
    below = [lv for lv in LEVELS[LEVELS.index(section) + 1:] if _numbered_from_one(lv, lines)]
    return section, (below[0] if below else None)


def _numbered_from_one(level: Level, lines: list[str]) -> bool:
    for line in lines:
        found = marker_of(level, line)
        if found:
            return found[0] == 1
    return False


def starts_structure(line: str) -> bool:
    """A line that starts a heading, a numbered item or a box: never the continuation of the line before."""
    return bool(any(level.marker.match(line) for level in LEVELS[:5]) or LIST_MARKER.match(line)
                or BOX_MARKER.match(line))


def is_heading(line: str) -> bool:
    """A heading line with no sentence in it, e.g. ``一、总体要求``, ``第一章 总体要求``, ``专栏1 主要指标``."""
    marked = any(level.marker.match(line) for level in LEVELS[:5]) or BOX_MARKER.match(line)
    return bool(marked) and "。" not in line
