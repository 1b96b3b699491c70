"""Numbers as plans write them: digit sequences (half- or full-width) and Chinese numerals."""
from __future__ import annotations

import re
import unicodedata

from comparison.text.hanzi import simplified

DIGIT_TOKEN = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
CHINESE_NUMERAL_RUN = re.compile(r"[零一二两三四五六七八九十百千]+")
DOUBLING = {"翻两番": 4.0, "翻一番": 2.0, "翻番": 2.0}
WRITTEN_DIGITS = re.compile(r"[0-9]+(?:\.[0-9]+)?")
WRITTEN_FRACTION = re.compile(r"([一二两三四五六七八九十百千]+)分之([零一二两三四五六七八九十百千]+)")
HALVES = ("一半", "半")
DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
POWERS = {"十": 10, "百": 100, "千": 1000}


def digit_tokens(text: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of every digit sequence, full-width digits folded."""
    return [(m.start(), m.end(), float(unicodedata.normalize("NFKC", m.group()))) for m in DIGIT_TOKEN.finditer(text)]


def chinese_numeral_value(run: str) -> float:
    """``一``→1, ``十二``→12, ``两``→2, ``千``→1000, ``三百零五``→305."""
    total, current = 0, 0
    for ch in run:
        if ch in DIGITS:
            current = DIGITS[ch]
        else:
            total += (current or 1) * POWERS[ch]
            current = 0
    return float(total + current)


def written_value(written: str) -> float | None:
    """The number a value as printed means (whitespace ignored), None for any other wording.

    Digits, half- or full-width (13.5, ７６．３); Chinese numerals (两 → 2, 三百零五 → 305, 千 of 千亿级 → 1000,
    零 of 零填埋); a fraction N分之M → M/N (三分之一 → 1/3, 百分之十五 → 0.15: a fraction of the whole, never
    rounded); 一半 / 半 → 0.5; 翻番 and 翻一番 → 2, 翻两番 → 4 (times). Traditional characters read as simplified.
    """
    text = simplified(unicodedata.normalize("NFKC", "".join(written.split())))
    if WRITTEN_DIGITS.fullmatch(text):
        return float(text)
    if text in DOUBLING:
        return DOUBLING[text]
    if text in HALVES:
        return 0.5
    if m := WRITTEN_FRACTION.fullmatch(text):
        return chinese_numeral_value(m.group(2)) / chinese_numeral_value(m.group(1))
    if CHINESE_NUMERAL_RUN.fullmatch(text):
        return chinese_numeral_value(text)
    return None
