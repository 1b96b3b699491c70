"""Small pieces of wording in Chinese and English: lists of names, counts, shares, ranges.

Lists longer than ``LIST_LIMIT`` are cut with the number left out ("A, B, C and 37 more"), so a finding
stays one readable paragraph at 300 plans.
"""
from __future__ import annotations

import re

LIST_LIMIT = 6
_EN_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


_LATIN_HAN = re.compile(r"([A-Za-z0-9%])([\u4e00-\u9fff])")
_HAN_LATIN = re.compile(r"([\u4e00-\u9fff])([A-Za-z0-9])")


def spaced(text: str) -> str:
    """Chinese text set the house way (as in the figures' captions): a space between a Latin letter or
    digit and a Chinese character (南平 2021 和焦作 2021 设定 36 个), none between Chinese characters."""
    return _HAN_LATIN.sub(r"\1 \2", _LATIN_HAN.sub(r"\1 \2", text))


def names(items: list[str], lang: str, limit: int = LIST_LIMIT, conj: str = "and") -> str:
    """"A", "A and B", "A, B and C"; 「A」「A和B」「A、B和C」; over ``limit`` items the first ones and how many more.
    ``conj="or"`` after a negation ("has no A or B"; 「没有A或B」)."""
    items = [str(x) for x in items]
    if not items:
        return ""
    if len(items) > limit:
        shown, more = items[:limit - 1], len(items) - (limit - 1)
        if lang == "zh":
            return "、".join(shown) + f"等 {len(items)} 项"
        return f"{', '.join(shown)} and {more} more"
    if len(items) == 1:
        return items[0]
    if lang == "zh":
        return "、".join(items[:-1]) + ("或" if conj == "or" else "和") + items[-1]
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


def number(n: int, lang: str) -> str:
    """A count in running text: English words below ten ("four"), digits otherwise and always in Chinese."""
    if lang == "en" and 0 <= n < 10:
        return _EN_NUMBERS[n]
    return str(n)


def count(n: int, lang: str, en: tuple[str, str], zh: str) -> str:
    """"one plan", "four plans", "12 plans"; 「4 个方案」 (``zh`` is the measure word and noun, 个方案)."""
    if lang == "zh":
        return f"{n} {zh}"
    return f"{number(n, lang)} {en[0] if n == 1 else en[1]}"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def percent(share: float) -> str:
    """A share as a percentage: whole numbers, one decimal below 1 % (so 0.6 % is not printed as 1 %)."""
    value = 100 * float(share)
    if 0 < abs(value) < 1:
        return f"{value:.1f}%"
    return f"{value:.0f}%"


def points(diff: float, lang: str) -> str:
    """A difference of shares in percentage points, one decimal."""
    value = f"{100 * abs(float(diff)):.1f}"
    return f"{value} 个百分点" if lang == "zh" else f"{value} percentage point{'' if value == '1.0' else 's'}"


def share_range(lo: float, hi: float, lang: str) -> str:
    """"between 4% and 6%" / 「4%–6%」; one value when both print the same."""
    a, b = percent(lo), percent(hi)
    if a == b:
        return a if lang == "zh" else f"about {a}"
    return f"{a}–{b}" if lang == "zh" else f"between {a} and {b}"


def pick(lang: str, en: str, zh: str) -> str:
    """The text in ``lang``; Chinese spaced (``spaced``)."""
    return spaced(zh) if lang == "zh" else en


def mid(name: str, lang: str) -> str:
    """A label inside an English sentence: "Services and tourism" → "services and tourism" (an acronym or a
    code such as "PM2.5 concentration" or "GDP" keeps its capitals); Chinese labels unchanged."""
    if lang == "en" and len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def percents(lo: float, hi: float) -> str:
    """"41%" or "36%–48%": a span of shares, one value when both ends print the same."""
    a, b = percent(lo), percent(hi)
    return a if a == b else f"{a}–{b}"
