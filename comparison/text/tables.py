"""Tables pasted as text: a row's cells, and what each column of a header row holds.

Cleaning writes the cells of a table row with one ``|`` between them (comparison.text.cleaning). A header
row names the columns: the indicator (指标, 名称, 项目), its unit (单位), a row number (序号), an attribute
(属性: 约束性 / 预期性) and one column per year (2020年, 2025年目标, 基期值（2020年）). A year column holds
values of that year: baselines for a year column marked 基期 / 现状 / 实际 or a year before the plan's,
targets for one marked 目标 / 规划 or a year from the plan's on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])\s*年?")
BASELINE_WORDS = re.compile(r"基期|基准|基数|现状|实际|完成|现值")
TARGET_WORDS = re.compile(r"目标|规划|预期|预计")
ROLE_WORDS = [("number", re.compile(r"^(?:序号|编号|序)$")), ("unit", re.compile(r"^(?:计量)?单位$")),
              ("attribute", re.compile(r"属性|性质|类型|类别")),
              ("indicator", re.compile(r"指标|名称|项目|内容|类别"))]


@dataclass(frozen=True)
class Column:
    index: int
    role: str  # indicator | unit | number | attribute | year | other
    year: int | None = None
    year_span: tuple[int, int] | None = None  # the year's digits, offsets in the header row
    marked: str = ""  # baseline | target when the header says so (基期, 目标), else ""


def cells(row: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row (cells are separated by ``|``)."""
    spans, start = [], 0
    for k, ch in enumerate(row):
        if ch == "|":
            spans.append((start, k))
            start = k + 1
    spans.append((start, len(row)))
    return spans


def header_columns(row: str) -> list[Column] | None:
    """The columns a header row names, or None when the row is not a header (no year column, or a cell that
    states a number other than a year)."""
    if "|" not in row:
        return None
    columns, years = [], 0
    for k, (s, e) in enumerate(cells(row)):
        cell = row[s:e].strip()
        year = YEAR.search(cell)
        if year and not re.search(r"[0-9]", YEAR.sub("", cell)):
            years += 1
            marked = "baseline" if BASELINE_WORDS.search(cell) else "target" if TARGET_WORDS.search(cell) else ""
            columns.append(Column(k, "year", int(year.group(1)), (s + year.start(1), s + year.end(1)), marked))
            continue
        if re.search(r"[0-9]", cell):
            return None
        role = next((name for name, pattern in ROLE_WORDS if pattern.search(cell)), "other")
        columns.append(Column(k, role))
    if not years:
        return None
    if not any(c.role == "indicator" for c in columns) and columns[0].role == "other":
        columns[0] = Column(0, "indicator")
    return columns


def aligned(columns: list[Column], row: str) -> list[tuple[Column, tuple[int, int]]] | None:
    """Each cell of a data row with its column: by position; in a row with fewer cells, the first cell is
    the indicator and the others fill the last columns (a 单位 or 序号 column left empty, or merged); None
    when the row has more cells than the header."""
    spans = cells(row)
    if len(spans) > len(columns):
        return None
    if len(spans) == len(columns):
        return list(zip(columns, spans))
    indicator = next((c for c in columns if c.role == "indicator"), columns[0])
    rest = columns[len(columns) - len(spans) + 1:]
    if indicator in rest:
        return None
    return [(indicator, spans[0])] + list(zip(rest, spans[1:]))
