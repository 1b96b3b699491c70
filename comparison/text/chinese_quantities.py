"""Quantities written in Chinese numerals: only the wordings that carry one, never 一批, 一体化, 第一, 十四五.

翻番 / 翻一番 / 翻两番 (times), 两个 + measure word + a noun, 千亿级 (a class of magnitude, read as at least),
三分之一 and 近一半 (fractions of the whole), 零填埋 and 清零 (zero). 清零 that names the epidemic policy
(“动态清零”总方针, 疫情防控坚持动态清零) is no quantity: plans reviewing 2020–2022 write it beside their results.
"""
from __future__ import annotations

import re

from comparison.text.grammar import MEASURE_WORDS, Mention, inside, comparator_before
from comparison.text.numbers import DOUBLING, chinese_numeral_value

ZERO_TARGETS = re.compile(r"零(?:填埋|废弃|排放|增长|事故)")
CLEAR_TO_ZERO = re.compile(r"清零(?!行动|工作|专项)")
EPIDEMIC_BEFORE = re.compile(r"(?:疫情|防疫|新冠|肺炎|抗疫)[^。；;！？]{0,16}$")  # words 清零 is the policy of
POLICY_AFTER = re.compile(r"^\s*[”\"’]?\s*(?:的)?\s*(?:总方针|方针|总策略|策略|政策)")
FRACTION = re.compile(r"([一二三四五六七八九十]+)分之([一二三四五六七八九十]+)")
HALF = re.compile(r"(近|约|超过)?一半")
CLASS_MAGNITUDE = re.compile(r"([一二两三四五六七八九十百千]+)(亿级|万级)")
COUNTED = re.compile(r"(?<![第一二两三四五六七八九十百千“\"])([二两三四五六七八九十百千][一二两三四五六七八九十百千]*)"
                     r"([" + MEASURE_WORDS + r"])(?![一二三四五六七八九十])")
NEAR = 30  # characters either side that a wording's role depends on


def is_epidemic_policy(para: str, start: int, end: int) -> bool:
    """清零 naming the zero-COVID policy, not a pollution or hazard count brought to zero."""
    return bool(EPIDEMIC_BEFORE.search(para[max(0, start - NEAR):start]) or POLICY_AFTER.match(para[end:end + NEAR]))


def chinese_mentions(para: str) -> list[Mention]:
    """Quantities written in Chinese numerals (conservative: only the wordings listed in the module doc)."""
    out: list[Mention] = []
    for phrase, value in DOUBLING.items():
        for m in re.finditer(phrase, para):
            if not any(o.start <= m.start() < o.end for o in out):
                out.append(Mention(m.start(), m.end(), value, phrase, (m.start(), m.end()), "times", None, "eq",
                                   chinese=True, note=f"{phrase} → {value:g} times"))
    for m in CLASS_MAGNITUDE.finditer(para):
        out.append(Mention(m.start(), m.end(), chinese_numeral_value(m.group(1)), m.group(1), m.span(1), m.group(2),
                           m.span(2), "ge", chinese=True, note=f"{m.group()}: class of magnitude, read as at least"))
    for m in FRACTION.finditer(para):  # a share of the whole: 三分之一 is 1/3 in the unit fraction
        value = chinese_numeral_value(m.group(2)) / chinese_numeral_value(m.group(1))
        out.append(Mention(m.start(), m.end(), value, m.group(), m.span(), "fraction", None,
                           comparator_before(para, m.start()) or "eq", chinese=True,
                           note=f"fraction {m.group()}: value {value!r} in the unit fraction (1 = the whole)"))
    for m in HALF.finditer(para):
        s = m.start() + (len(m.group(1)) if m.group(1) else 0)
        comp = {"近": "approx", "约": "approx", "超过": "gt"}.get(m.group(1) or "", comparator_before(para, s) or "eq")
        out.append(Mention(m.start(), m.end(), 0.5, "一半", (s, s + 2), "fraction", None, comp, chinese=True,
                           note="一半 (one half): value 0.5 in the unit fraction"))
    for m in ZERO_TARGETS.finditer(para):
        out.append(Mention(m.start(), m.end(), 0.0, "零", (m.start(), m.start() + 1), "", None, "eq", chinese=True,
                           note=f"{m.group()} recorded as 0"))
    for m in CLEAR_TO_ZERO.finditer(para):
        if is_epidemic_policy(para, m.start(), m.end()):
            continue
        out.append(Mention(m.start(), m.end(), 0.0, "零", (m.start() + 1, m.end()), "", None, "eq", chinese=True,
                           note="清零 (reduce to zero) recorded as 0"))
    for m in COUNTED.finditer(para):
        if inside(para, m.start(), "“", "”") or inside(para, m.start(), "《", "》"):
            continue
        if para[m.end():m.end() + 1] in ("方", "面") or para[m.start() - 1:m.start()] in ("第", "、"):  # 一、二类
            continue
        noun = re.match(r"[^，,；;。！？、：:（(”\s]*", para[m.end():]).group()
        if len(noun) <= 2:  # slogans: 三个转变, 两个维护
            continue
        out.append(Mention(m.start(), m.end(), chinese_numeral_value(m.group(1)), m.group(1), m.span(1),
                           m.group(2), m.span(2), comparator_before(para, m.start()) or "eq", chinese=True,
                           note=f"Chinese numeral {m.group()}"))
    out.sort(key=lambda x: x.start)
    return out
