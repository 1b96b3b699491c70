"""The cells of an .xlsx workbook, read straight from its XML: the values openpyxl reads, several times faster,
in bounded time and memory.

openpyxl parses sheets through defusedxml's pure-Python parser and builds a cell object per cell, which
dominates the build for a few hundred city workbooks. Workbooks are read here with the standard library's
C parser (expat ≥ 2.4 caps entity expansion; external entities are never fetched), with openpyxl's rules
for each cell type: shared and inline strings, numbers, booleans, errors, dates by number format, formulas
as ``=`` and their text (shared formulas translated to each cell, as openpyxl does). Tests pin the
readings to openpyxl's on every real workbook and a catalogue of cell types.

Bounded: a workbook is refused, with a problem naming the limit, when its parts unpack to more than
``MAX_UNPACKED_BYTES`` (the sum of the sizes the archive declares, checked before inflating, and the bytes
actually inflated), or a sheet has more than ``MAX_ROWS`` rows, a cell beyond ``MAX_ROWS`` or
``MAX_COLUMNS`` (also in its declared used range or a merged range), more than ``MAX_CELLS`` cells in
the workbook, more than ``MAX_SHARED_STRINGS`` shared strings or a text longer than Excel's 32,767
characters, or a part more than ``MAX_XML_ELEMENTS`` elements. Sheets are streamed a row at a time, so
memory grows with the cells kept, never with the used range: a stray cell at XFD1048576 is one cell.

A cell that no spreadsheet program writes (a boolean holding ``yes``, a shared-string index out of range,
a reference such as ``A0`` …) is a problem naming the file, sheet, cell and value. The common cells take
the fast path; a row with anything else (a formula, an error value, a malformed cell) is read again
cell by cell with every check.
"""
from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from string import ascii_uppercase as ASCII_UPPERCASE
from xml.etree import ElementTree

from openpyxl.formula.translate import Translator
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.cell import column_index_from_string, get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel
from openpyxl.worksheet.cell_range import CellRange

from comparison.curation.xlsx_careful import (ERROR, FIX_CELL, INLINE, MAIN, MAX_CELL_PROBLEMS,  # noqa: F401
                                              VALUE, CarefulRows, text_of)  # ERROR: for the readers of Cells
from comparison.problems import InputError, Problem

DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
SHARED_STRINGS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
STYLES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
ROW, FORMULA = (f"{MAIN}{t}" for t in ("row", "f"))
MERGE, DIMENSION, STRING_ITEM = f"{MAIN}mergeCell", f"{MAIN}dimension", f"{MAIN}si"

# Limits, far above any curated workbook (the largest unpacks to 0.3 MiB, 10,000 cells in 4 sheets).
MAX_UNPACKED_BYTES = 64 * 2**20
MAX_ROWS = 25_000
MAX_COLUMNS = 200
MAX_CELLS = 200_000             # in the whole workbook
MAX_SHARED_STRINGS = 200_000
MAX_TEXT_CHARS = 32_767         # Excel's own limit for the text of a cell
MAX_XML_ELEMENTS = 1_000_000    # in one part of the archive

Cells = dict[tuple[int, int], tuple[object, object]]  # (row, column) → (value, False | True (formula) | ERROR)
LIMITS = (f"a workbook of values: at most {MAX_ROWS:,} rows and {MAX_COLUMNS} columns a sheet, {MAX_CELLS:,} "
          f"cells, {MAX_UNPACKED_BYTES // 2**20} MiB unpacked")
FIX_SIZE = ("delete the rows and columns after the data (select them, right-click → Delete) and any pasted "
            "images, then save; or restore the workbook from git")


@dataclass
class Book:
    sheet_names: list[str]          # every sheet, in workbook order
    cells: dict[str, Cells]         # per worksheet: its cells (a cell openpyxl would hold, even if empty)
    merged: dict[str, list[CellRange]]


class _Careful(Exception):
    """A row holds a cell the fast path does not read (a formula, an error value, something malformed)."""


def read_book(path: Path, shown: str | None = None) -> Book:
    """Every sheet's cells; InputError (naming ``shown``, default the path) for a workbook over a limit or
    with cells no spreadsheet program writes."""
    with zipfile.ZipFile(path) as archive:
        return _Reader(archive, shown or str(path)).book()


class _Reader(CarefulRows):
    def __init__(self, archive: zipfile.ZipFile, shown: str):
        self.archive, self.shown = archive, shown
        self.max_rows = MAX_ROWS
        self.unpacked = 0
        self.cell_count = 0
        self.problems: list[Problem] = []
        self.unlisted = 0  # cell problems beyond MAX_CELL_PROBLEMS
        declared = sum(info.file_size for info in archive.infolist())
        if declared > MAX_UNPACKED_BYTES:
            self.stop(f"the workbook unpacks to {_size(declared)}, more than the limit")

    def stop(self, message: str, sheet: str = "", row: int | None = None, value: object = "") -> None:
        raise InputError([Problem(self.shown, message, sheet=sheet, row=row, value=value, expected=LIMITS,
                                  fix=FIX_SIZE)])

    # ---------- the archive's parts, streamed with a budget
    def events(self, member: str):
        """The elements of a part as the parser ends them; stops at the unpacked-size and element limits."""
        with self.archive.open(member) as raw:
            for n, (_, el) in enumerate(ElementTree.iterparse(_Counted(raw, self, member)), 1):
                if n > MAX_XML_ELEMENTS:
                    self.too_many_elements(member)
                yield el

    def too_many_elements(self, member: str) -> None:
        self.stop(f"{member} holds more than {MAX_XML_ELEMENTS:,} XML elements")

    def tree(self, member: str) -> ElementTree.Element:
        el = None
        for el in self.events(member):
            pass
        if el is None:
            raise ElementTree.ParseError(f"{member} is empty")
        return el

    def book(self) -> Book:
        workbook = self.tree("xl/workbook.xml")
        targets = self.relationships("xl/workbook.xml")
        strings = self.shared_strings(targets)
        date_styles, timedelta_styles = self.date_styles(targets)
        properties = workbook.find(f"{MAIN}workbookPr")
        epoch = (CALENDAR_MAC_1904 if properties is not None and properties.get("date1904") in ("1", "true")
                 else CALENDAR_WINDOWS_1900)
        self.decode = (strings, date_styles, timedelta_styles, epoch)
        names, cells, merged = [], {}, {}
        for sheet in workbook.iter(f"{MAIN}sheet"):
            name = sheet.get("name")
            names.append(name)
            part = targets.get(sheet.get(f"{DOC_RELS}id"), ("", ""))
            if part[1].endswith("/worksheet"):
                cells[name], merged[name] = self.sheet(name, part[0])
        if self.unlisted:
            self.problems.append(Problem(self.shown, f"{self.unlisted:,} more cells cannot be read (the first "
                                         f"{MAX_CELL_PROBLEMS} are listed)", fix=FIX_CELL))
        if self.problems:
            raise InputError(self.problems)
        return Book(names, cells, merged)

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (archive member, relationship type) of a part."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels not in self.archive.namelist():
            return {}
        out = {}
        for rel in self.tree(rels).iter(f"{PKG_RELS}Relationship"):
            target = rel.get("Target", "")
            member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id")] = (member, rel.get("Type", ""))
        return out

    def shared_strings(self, targets) -> dict[str, str]:
        """Shared strings by their index as written in a cell ("0", "1", …): one lookup per text cell."""
        member = _part_of_type(targets, SHARED_STRINGS_TYPE)
        if member is None or member not in self.archive.namelist():
            return {}
        out = {}
        for el in self.events(member):
            if el.tag == STRING_ITEM:
                text = text_of(el).replace("x005F_", "")
                if len(text) > MAX_TEXT_CHARS:
                    self.stop(f"shared string {len(out)} has {len(text):,} characters, more than a cell holds "
                              f"({MAX_TEXT_CHARS:,})", value=text[:40] + "…")
                out[str(len(out))] = text
                el.clear()
                if len(out) > MAX_SHARED_STRINGS:
                    self.stop(f"more than {MAX_SHARED_STRINGS:,} shared strings")
        return out

    def date_styles(self, targets) -> tuple[set[int], set[int]]:
        """Cell style indices whose number format shows a date (and those showing a duration)."""
        member = _part_of_type(targets, STYLES_TYPE)
        if member is None or member not in self.archive.namelist():
            return set(), set()
        styles = self.tree(member)
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

    # ---------- a worksheet, a row at a time
    def sheet(self, name: str, member: str) -> tuple[Cells, list[CellRange]]:
        strings, date_styles, timedelta_styles, epoch = self.decode
        cells: Cells = {}
        merged: list[CellRange] = []
        self.formulas: dict[str, Translator] = {}  # shared formulas by their index
        row_no = rows = 0
        formula_seen = False
        with self.archive.open(member) as raw:  # the loop of self.events, inlined: it runs once per element
            for n, (_, el) in enumerate(ElementTree.iterparse(_Counted(raw, self, member)), 1):
                tag = el.tag
                if tag == ROW:
                    rows += 1
                    if rows > MAX_ROWS or len(el) > MAX_COLUMNS:
                        self.stop(f"the sheet has more than {MAX_ROWS:,} rows" if rows > MAX_ROWS else
                                  f"a row has more than {MAX_COLUMNS} cells", sheet=name,
                                  row=None if rows > MAX_ROWS else row_no + 1)
                    try:
                        if formula_seen:
                            raise _Careful
                        r_attr = el.get("r")
                        number = int(r_attr) if r_attr else row_no + 1
                        if number < 1:
                            raise _Careful
                        col_no = 0
                        for c in el:
                            ref = c.get("r")
                            if ref:
                                r, col_no = _position(ref)
                            else:
                                r, col_no = number, col_no + 1
                            cells[(r, col_no)] = (_value(c, strings, date_styles, timedelta_styles, epoch), False)
                        row_no = number
                    except (_Careful, ValueError, KeyError, IndexError, TypeError, OverflowError):
                        row_no = self.careful_row(el, name, row_no, cells)
                    formula_seen = False
                    el.clear()
                    if len(cells) + self.cell_count > MAX_CELLS:
                        self.stop(f"the workbook has more than {MAX_CELLS:,} cells", sheet=name)
                elif tag == FORMULA:
                    formula_seen = True  # its row is read cell by cell
                elif tag == MERGE:
                    merged.append(self.checked_range(el.get("ref", ""), name, "a merged range"))
                elif tag == DIMENSION:
                    self.checked_range(el.get("ref", "A1"), name, "the sheet's declared used range")
                elif n > MAX_XML_ELEMENTS:
                    self.too_many_elements(member)
        self.cell_count += len(cells)
        self.check_used_range(cells, name)
        return cells, merged

    def checked_range(self, ref: str, sheet: str, what: str) -> CellRange:
        try:
            rng = CellRange(ref)
        except (ValueError, TypeError):
            self.cell_problem(sheet, None, f"{what} {ref!r} is not a cell range", ref, "a range such as A1:P200")
            return CellRange("A1")
        if rng.max_row > MAX_ROWS or rng.max_col > MAX_COLUMNS:
            self.stop(f"{what} {ref} reaches beyond row {MAX_ROWS:,} or column {_column(MAX_COLUMNS)}",
                      sheet=sheet, value=ref)
        return rng

    def check_used_range(self, cells: Cells, sheet: str) -> None:
        if not cells:
            return
        last_row = max(cells)[0]
        last_col = max(map(itemgetter(1), cells))
        if last_row > MAX_ROWS or last_col > MAX_COLUMNS:
            far = next(p for p in cells if p[0] > MAX_ROWS or p[1] > MAX_COLUMNS)
            self.stop(f"the sheet uses cell {get_column_letter(far[1])}{far[0]}, beyond row {MAX_ROWS:,} or "
                      f"column {_column(MAX_COLUMNS)}", sheet=sheet, row=far[0], value=cells[far][0])

    # ---------- the careful path
class _Counted:
    """A part's inflated bytes, counted against the workbook's budget as they are read."""

    def __init__(self, raw, reader: _Reader, member: str):
        self.raw, self.reader, self.member = raw, reader, member

    def read(self, n: int = -1) -> bytes:
        data = self.raw.read(n)
        self.reader.unpacked += len(data)
        if self.reader.unpacked > MAX_UNPACKED_BYTES:
            self.reader.stop(f"the workbook unpacks to more than the limit (while reading {self.member})")
        return data


def _part_of_type(targets: dict[str, tuple[str, str]], rel_type: str) -> str | None:
    return next((member for member, t in targets.values() if t == rel_type), None)


def _column(k: int) -> str:
    return f"{k} ({get_column_letter(k)})"


def _size(n: int) -> str:
    return f"{n / 2**30:.1f} GiB" if n >= 2**30 else f"{n / 2**20:.1f} MiB"


@lru_cache(maxsize=1 << 16)
def _position(ref: str) -> tuple[int, int]:
    """(row, column) of a reference such as ``AB12`` (cached: the same references recur in every workbook)."""
    digits = ref.lstrip(ASCII_UPPERCASE)
    row = int(digits)
    if row < 1 or not digits.isdigit():
        raise ValueError(ref)
    return row, column_index_from_string(ref[:len(ref) - len(digits)])


def _value(c: ElementTree.Element, strings, date_styles, timedelta_styles, epoch):
    """openpyxl's reading of one common cell; anything else raises, and its row is read carefully."""
    data_type = c.get("t", "n")
    if data_type == "inlineStr":
        inline = c.find(INLINE)
        return None if inline is None else text_of(inline)
    value = c.findtext(VALUE) or None
    if value is None:
        return None
    if data_type == "n":
        number = float(value) if ("." in value or "E" in value or "e" in value) else int(value)
        style = int(c.get("s") or 0)
        if style in date_styles:
            return from_excel(number, epoch, timedelta=style in timedelta_styles)
        return number
    if data_type == "s":
        return strings[value]
    if data_type == "b":
        return bool(int(value))
    if data_type == "str":
        return value
    raise _Careful  # "e" (an error such as #N/A), "d" (an ISO date) and anything unknown
