"""The cells of an .xlsx workbook, read straight from its XML: the values openpyxl reads, several times faster.

openpyxl parses sheets through defusedxml's pure-Python parser and builds a cell object per cell, which
dominates the build for a few hundred city workbooks. Plain-value workbooks (all curated workbooks) are
read here with the standard library's C parser (expat ≥ 2.4 caps entity expansion; external entities are
never fetched), with openpyxl's rules for each cell type: shared and inline strings, numbers, booleans,
errors, dates by number format. A workbook holding a formula or merged cells, which validation reports
as problems, is read by openpyxl itself so the messages show exactly what openpyxl sees.
"""
from __future__ import annotations

import posixpath
from string import ascii_uppercase as ASCII_UPPERCASE
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel, from_ISO8601
from openpyxl.worksheet.cell_range import CellRange

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
SHARED_STRINGS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
STYLES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"

Cells = dict[tuple[int, int], tuple[object, bool]]  # (row, column) → (value, is a formula)


@dataclass
class Book:
    sheet_names: list[str]          # every sheet, in workbook order
    cells: dict[str, Cells]         # per worksheet: its cells (a cell openpyxl would hold, even if empty)
    merged: dict[str, list[CellRange]]


class _NotPlain(Exception):
    """The workbook holds a formula or merged cells."""


def read_book(path: Path) -> Book:
    try:
        return _read_plain(path)
    except _NotPlain:
        return _read_with_openpyxl(path)


def _read_with_openpyxl(path: Path) -> Book:
    wb = load_workbook(path, read_only=False, data_only=False)
    cells = {ws.title: {(c.row, c.column): (c.value, c.data_type == "f") for row in ws.iter_rows() for c in row}
             for ws in wb.worksheets}
    return Book(wb.sheetnames, cells, {ws.title: list(ws.merged_cells.ranges) for ws in wb.worksheets})


def _read_plain(path: Path) -> Book:
    with zipfile.ZipFile(path) as archive:
        workbook = _xml(archive, "xl/workbook.xml")
        targets = _relationships(archive, "xl/workbook.xml")
        strings = _shared_strings(archive, targets)
        date_styles, timedelta_styles = _date_styles(archive, targets)
        properties = workbook.find(f"{MAIN}workbookPr")
        epoch = (CALENDAR_MAC_1904 if properties is not None and properties.get("date1904") in ("1", "true")
                 else CALENDAR_WINDOWS_1900)
        names, cells = [], {}
        for sheet in workbook.iter(f"{MAIN}sheet"):
            name = sheet.get("name")
            names.append(name)
            part = targets.get(sheet.get(f"{DOC_RELS}id"), ("", ""))
            if part[1].endswith("/worksheet"):
                with archive.open(part[0]) as source:
                    cells[name] = _sheet_cells(source, strings, date_styles, timedelta_styles, epoch)
    return Book(names, cells, {name: [] for name in cells})


def _xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    with archive.open(name) as source:
        return ElementTree.parse(source).getroot()


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (archive member, relationship type) of a part."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.namelist():
        return {}
    out = {}
    for rel in _xml(archive, rels).iter(f"{PKG_RELS}Relationship"):
        target = rel.get("Target", "")
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id")] = (member, rel.get("Type", ""))
    return out


def _part_of_type(targets: dict[str, tuple[str, str]], rel_type: str) -> str | None:
    return next((member for member, t in targets.values() if t == rel_type), None)


def _text(node: ElementTree.Element) -> str:
    """A string item's text as openpyxl reads it: the plain text, then each rich-text run's text."""
    if len(node) == 1 and node[0].tag == f"{MAIN}t":  # the common case: plain text only
        return node[0].text or ""
    parts = []
    plain = node.find(f"{MAIN}t")
    if plain is not None and plain.text is not None:
        parts.append(plain.text)
    for run in node.findall(f"{MAIN}r"):
        t = run.find(f"{MAIN}t")
        if t is not None and t.text is not None:
            parts.append(t.text)
    return "".join(parts)


def _shared_strings(archive: zipfile.ZipFile, targets) -> list[str]:
    member = _part_of_type(targets, SHARED_STRINGS_TYPE)
    if member is None or member not in archive.namelist():
        return []
    return [_text(si).replace("x005F_", "") for si in _xml(archive, member).iter(f"{MAIN}si")]


def _date_styles(archive: zipfile.ZipFile, targets) -> tuple[set[int], set[int]]:
    """Cell style indices whose number format shows a date (and those showing a duration)."""
    member = _part_of_type(targets, STYLES_TYPE)
    if member is None or member not in archive.namelist():
        return set(), set()
    styles = _xml(archive, member)
    custom = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.iter(f"{MAIN}numFmt")}
    dates, durations = set(), set()
    xfs = styles.find(f"{MAIN}cellXfs")
    for k, xf in enumerate(xfs.findall(f"{MAIN}xf") if xfs is not None else []):
        number_format = int(xf.get("numFmtId", 0))
        code = custom.get(number_format, BUILTIN_FORMATS.get(number_format))
        if code is not None and is_date_format(code):
            dates.add(k)
        if code is not None and is_timedelta_format(code):
            durations.add(k)
    return dates, durations


def _sheet_cells(source, strings: list[str], date_styles: set[int], timedelta_styles: set[int], epoch) -> Cells:
    sheet = ElementTree.parse(source).getroot()  # one C-level pass; a sheet is at most MAX_WORKBOOK_BYTES zipped
    if next(sheet.iter(f"{MAIN}f"), None) is not None or next(sheet.iter(f"{MAIN}mergeCell"), None) is not None:
        raise _NotPlain()
    cells: Cells = {}
    row_no = 0
    for row in sheet.iter(f"{MAIN}row"):
        row_no = int(float(row.get("r"))) if row.get("r") else row_no + 1
        col_no = 0
        for c in row.iter(f"{MAIN}c"):
            ref = c.get("r")
            if ref:
                r, col_no = _position(ref)
            else:
                r, col_no = row_no, col_no + 1
            cells[(r, col_no)] = (_value(c, strings, date_styles, timedelta_styles, epoch), False)
    return cells


@lru_cache(maxsize=1 << 16)
def _position(ref: str) -> tuple[int, int]:
    """(row, column) of a reference such as ``AB12`` (cached: the same references recur in every workbook)."""
    digits = ref.lstrip(ASCII_UPPERCASE)
    return int(digits), column_index_from_string(ref[:len(ref) - len(digits)])


def _value(c: ElementTree.Element, strings, date_styles, timedelta_styles, epoch):
    """openpyxl's reading of one cell (worksheet/_reader.py, WorkSheetParser.parse_cell)."""
    data_type = c.get("t", "n")
    if data_type == "inlineStr":
        inline = c.find(f"{MAIN}is")
        return None if inline is None else _text(inline)
    value = c.findtext(f"{MAIN}v") or None
    if value is None:
        return None
    if data_type == "n":
        number = float(value) if ("." in value or "E" in value or "e" in value) else int(value)
        style = int(c.get("s") or 0)
        if style in date_styles:
            try:
                return from_excel(number, epoch, timedelta=style in timedelta_styles)
            except (OverflowError, ValueError):
                return "#VALUE!"
        return number
    if data_type == "s":
        return strings[int(value)]
    if data_type == "b":
        return bool(int(value))
    if data_type == "d":
        return from_ISO8601(value)
    return value  # "str" (a formula's cached text) and "e" (an error such as #N/A) read as written
