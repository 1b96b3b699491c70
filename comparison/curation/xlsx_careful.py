"""The careful reading of a worksheet row: every cell with openpyxl's rules and every check.

The fast path of xlsx_cells reads the common cells (numbers, text, booleans); a row holding anything
else (a formula, an Excel error value such as #N/A, an ISO date, a malformed cell) is read again here,
cell by cell, as openpyxl's WorkSheetParser.parse_cell reads it. A cell that no spreadsheet program
writes (a boolean holding ``yes``, a shared-string index out of range or negative, a reference such as
``A0``, an unknown cell type …) becomes a problem naming the file, sheet, row, cell and value, where
openpyxl would stop with Python's own words ("invalid literal for int() with base 10: 'yes'") or, for a
negative index, silently read another cell's text.
"""
from __future__ import annotations

from xml.etree import ElementTree

from openpyxl.formula.translate import Translator
from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.utils.datetime import from_excel, from_ISO8601

from comparison.problems import Problem

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
VALUE, FORMULA, INLINE = (f"{MAIN}{t}" for t in ("v", "f", "is"))
ERROR = "error"  # the flag of a cell holding an Excel error value such as #N/A (a formula's flag is True)
MAX_CELL_PROBLEMS = 50  # unreadable cells listed per workbook; the rest are counted
FIX_CELL = ("retype the value in Excel and save (the file was written by a program that does not follow the "
            ".xlsx format), or restore the workbook from git")


class CarefulRows:
    """The careful path, mixed into the reader (uses its ``decode``, ``formulas``, ``shown``, ``problems``,
    ``unlisted`` and ``max_rows``)."""

    def careful_row(self, row: ElementTree.Element, sheet: str, row_no: int, cells: dict) -> int:
        """Read a row cell by cell with openpyxl's rules and every check; returns the row number."""
        r_attr = row.get("r")
        if r_attr:
            number = _whole_number(r_attr)
            if number is None or number < 1:
                self.cell_problem(sheet, None, f"the row after row {row_no} has the row number {r_attr!r}",
                                  r_attr, f"a whole number from 1 to {self.max_rows:,}")
                return row_no
            row_no = number
        else:
            row_no += 1
        col_no = 0
        for k, c in enumerate(row, 1):
            ref = c.get("r")
            if ref:
                position = _checked_position(ref)
                if position is None:
                    self.cell_problem(sheet, row_no, f"cell {k} of the row has the reference {ref!r}", ref,
                                      "a column letter (A to XFD) and a row number, such as C5")
                    continue
                r, col_no = position
            else:
                r, col_no = row_no, col_no + 1
            found = self.careful_value(c, sheet, r, col_no)
            if found is not None:
                cells[(r, col_no)] = found
        return row_no

    def careful_value(self, c: ElementTree.Element, sheet: str, r: int, col: int):
        """(value, flag) of one cell as openpyxl reads it (worksheet/_reader.py, parse_cell), or None and a
        problem for a cell no spreadsheet program writes."""
        strings, date_styles, timedelta_styles, epoch = self.decode
        ref = f"{get_column_letter(col)}{r}"
        data_type = c.get("t", "n")
        formula = c.find(FORMULA)
        if formula is not None:
            return self.formula(formula, ref), True
        if data_type == "inlineStr":
            inline = c.find(INLINE)
            return (None if inline is None else text_of(inline)), False
        value = c.findtext(VALUE) or None
        if value is None:
            return None, False
        if data_type == "n":
            number, style = _number(value), c.get("s") or "0"
            if not style.isdigit():
                return self.cell_problem(sheet, r, f"cell {ref} has the style {style!r}", style, "a style number")
            if number is None:
                return self.cell_problem(sheet, r, f"cell {ref} is a number cell holding {value!r}", value,
                                         "a number such as 35 or 13.5")
            if int(style) in date_styles:
                try:
                    return from_excel(number, epoch, timedelta=int(style) in timedelta_styles), False
                except (OverflowError, ValueError):
                    return self.cell_problem(sheet, r, f"cell {ref} is formatted as a date but holds {value}, "
                                             "outside the dates Excel can show", value,
                                             "a date from 1900 to 9999, or a number formatted as a number")
            return number, False
        if data_type == "s":
            index = _whole_number(value)
            if index is None or not 0 <= index < len(strings):
                shown = (f"the workbook's shared strings are numbered 0 to {len(strings) - 1}" if strings
                         else "the workbook has no shared strings")
                return self.cell_problem(sheet, r, f"cell {ref} is a text cell pointing to shared string "
                                         f"{value!r}, but {shown}", value, "the index of a shared string")
            return strings[str(index)], False
        if data_type == "b":
            flag = _whole_number(value)
            if flag is None:
                return self.cell_problem(sheet, r, f"cell {ref} is a true/false cell holding {value!r}", value,
                                         "1 (true) or 0 (false)")
            return bool(flag), False
        if data_type == "d":
            try:
                return from_ISO8601(value), False
            except (ValueError, TypeError, OverflowError):
                return self.cell_problem(sheet, r, f"cell {ref} is a date cell holding {value!r}", value,
                                         "an ISO 8601 date such as 2021-12-08")
        if data_type == "e":
            return value, ERROR
        if data_type == "str":
            return value, False
        return self.cell_problem(sheet, r, f"cell {ref} has the unknown cell type {data_type!r}", data_type,
                                 "n, s, str, inlineStr, b, e or d")

    def formula(self, f: ElementTree.Element, ref: str) -> str:
        """The formula as openpyxl reads it: '=' and its text; a shared formula translated to this cell."""
        text = "=" + (f.text or "")
        if f.get("t") == "shared":
            index = f.get("si")
            if index in self.formulas:
                try:
                    return self.formulas[index].translate_formula(ref)
                except Exception:  # noqa: BLE001 - a formula openpyxl cannot translate: show the master's
                    return self.formulas[index].formula
            if text != "=":
                self.formulas[index] = Translator(text, ref)
        return text

    def cell_problem(self, sheet: str, row: int | None, message: str, value, expected: str) -> None:
        if len(self.problems) >= MAX_CELL_PROBLEMS:
            self.unlisted += 1
            return None
        self.problems.append(Problem(self.shown, message, sheet=sheet, row=row, value=value, expected=expected,
                                     fix=FIX_CELL))
        return None


def text_of(node: ElementTree.Element) -> str:
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


def _checked_position(ref: str) -> tuple[int, int] | None:
    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
    except (ValueError, TypeError):
        return None
    if min_row is None or min_col is None or (min_row, min_col) != (max_row, max_col) or min_row < 1:
        return None
    return min_row, min_col


def _whole_number(text: str) -> int | None:
    """A number as openpyxl reads row numbers and indices (int(), or a float that is whole), else None."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def _number(text: str):
    """openpyxl's number reading (_cast_number), or None for text that is not a number."""
    try:
        return float(text) if ("." in text or "E" in text or "e" in text) else int(text)
    except ValueError:
        return None
