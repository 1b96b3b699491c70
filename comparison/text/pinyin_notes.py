"""The pinyin a mirror site writes after each character (發(fā)展, 低(di)碳): where it is, so cleaning can drop it.

A note is one syllable in brackets right after a Chinese character, or after another such note (a character
read with several). A syllable with a tone mark is always a note; one without is a note only in a text with
at least PINYIN_MIN_PLAIN of them, since 浓度(mg) or 面积(ha) in a plan is a unit and (a) a list letter.
"""
from __future__ import annotations

import re

from comparison.text.hanzi import is_cjk

PINYIN_VOWELS = "aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_TONES = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
PINYIN_SYLLABLE = rf"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[{PINYIN_VOWELS}]{{1,3}}(?:ng|n|r)?"
PINYIN_NOTE = re.compile(rf"(?<=[\u4e00-\u9fff)）])[(（]({PINYIN_SYLLABLE})[)）]")
PINYIN_MIN_PLAIN = 5
PINYIN_MAX_RUN = 4  # notes in a row after one character: a character is read with one or a few


def pinyin_notes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each pinyin note of the text, brackets included, in order."""
    notes = [m for m in PINYIN_NOTE.finditer(text) if _after_chinese(text, m.start())]
    plain_too = sum(not PINYIN_TONES.intersection(m.group(1)) for m in notes) >= PINYIN_MIN_PLAIN
    return [m.span() for m in notes if plain_too or PINYIN_TONES.intersection(m.group(1))]


def _after_chinese(text: str, pos: int) -> bool:
    """A Chinese character right before ``pos``, or before the run of bracketed syllables that ends there (at
    most PINYIN_MAX_RUN of them: a character is read with one or a few)."""
    for _ in range(PINYIN_MAX_RUN):
        if pos == 0 or text[pos - 1] not in ")）":
            break
        opener = max(text.rfind("(", max(0, pos - 10), pos), text.rfind("（", max(0, pos - 10), pos))
        if opener == -1 or not PINYIN_NOTE.match(text, opener):
            return False
        pos = opener
    return pos > 0 and is_cjk(text[pos - 1])
