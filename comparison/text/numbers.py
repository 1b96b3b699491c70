"""Numbers as plans write them: digit sequences (half- or full-width) and Chinese numerals."""
from __future__ import annotations

import re
import unicodedata

DIGIT_TOKEN = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
CHINESE_NUMERAL_RUN = re.compile(r"[零一二两三四五六七八九十百千]+")
DOUBLING = {"翻两番": 4.0, "翻一番": 2.0, "翻番": 2.0}
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


def numbers_in(text: str) -> set[float]:
    """Every number a quote states: digit sequences, Chinese numerals, and 翻番-style multiples."""
    values = {v for _, _, v in digit_tokens(text)}
    values |= {chinese_numeral_value(m.group()) for m in CHINESE_NUMERAL_RUN.finditer(text)}
    values |= {v for phrase, v in DOUBLING.items() if phrase in text}
    return values
