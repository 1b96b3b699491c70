"""Read curated Excel workbooks safely: values only, every cell traceable to its Excel row.

Curated workbooks hold values, never formulas, error values (#N/A) or merged cells; they are read without
evaluating anything (no formula or macro is run), with size limits (the file here, what it unpacks to and
its rows, columns and cells in xlsx_cells). Each sheet comes back as a DataFrame of strings with an
``excel_row`` column, the row number as Excel shows it.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd

from comparison.problems import Problem, raise_if_any
from comparison.curation.xlsx_cells import ERROR, Cells, read_book

MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
EMPTY = (None, False)  # a cell with no value


def read_workbook(path: Path, schema: dict[str, list[str]], shown: str) -> dict[str, pd.DataFrame]:
    """The sheets named in ``schema`` (sheet → required columns) as string DataFrames; all problems together."""
    path = Path(path)
    _check_file(path, shown)
    book = read_book(path, shown)
    problems: list[Problem] = []
    sheets: dict[str, pd.DataFrame] = {}
    if all(_is_blank(cells) for cells in book.cells.values()):
        raise_if_any([Problem(shown, "the workbook is empty", expected=f"sheets {', '.join(schema)}",
                              fix="restore the workbook from git or build it with new-plan")])
    for sheet, columns in schema.items():
        if sheet not in book.sheet_names:
            problems.append(Problem(shown, "missing sheet", sheet=sheet, expected=f"a sheet named '{sheet}'",
                                    value=", ".join(book.sheet_names),
                                    fix=f"add the sheet '{sheet}' with columns {', '.join(columns)}"))
            continue
        for rng in book.merged[sheet]:
            problems.append(Problem(shown, "merged cells", sheet=sheet, row=rng.min_row, value=str(rng),
                                    expected="one value per cell", fix="unmerge the cells and fill in each value"))
        first_col, header_cells, rows = _rows(book.cells[sheet])
        header = [("" if value is None else str(value).strip()) for value, _ in header_cells]
        twice = sorted({h for h in header if h and header.count(h) > 1})
        for col in twice:
            problems.append(Problem(shown, "column appears twice in the header", sheet=sheet, row=1, column=col,
                                    value=", ".join(h for h in header if h), expected="each column once",
                                    fix="delete or rename one of the two columns"))
        missing = [c for c in columns if c not in header]
        for col in missing:
            problems.append(Problem(shown, "missing column", sheet=sheet, row=1, column=col,
                                    value=", ".join(h for h in header if h), expected=", ".join(columns),
                                    fix=f"add (or rename a column to) '{col}' in the header row"))
        if missing or twice:
            continue
        named = [(first_col + k, name) for k, name in enumerate(header) if name]
        records = []
        for row_no, cells in rows:
            values = {}
            for col, name in named:
                value, flag = cells.get(col, EMPTY)
                if flag:
                    problems.append(_flagged(shown, sheet, row_no, name, value, flag))
                    values[name] = ""
                else:
                    values[name] = _as_text(value)
            if any(values.values()):
                values["excel_row"] = row_no
                records.append(values)
        frame = pd.DataFrame(records, columns=[h for h in header if h] + ["excel_row"])
        sheets[sheet] = frame.fillna("")
    raise_if_any(problems)
    return sheets


def _rows(cells: Cells) -> tuple[int, list[tuple[object, object]], list[tuple[int, dict[int, tuple[object, object]]]]]:
    """The used range's first column, its header (its first row, as openpyxl iterates it) and the rows below
    that hold cells: (Excel row, column → cell). Rows without cells are left out, so a stray cell far below
    the data costs one row, not a dense range."""
    if not cells:
        return 1, [EMPTY], []
    by_row: dict[int, dict[int, tuple[object, object]]] = {}
    for (r, c), cell in cells.items():
        by_row.setdefault(r, {})[c] = cell
    first_row = min(by_row)
    first_col, last_col = min(c for _, c in cells), max(c for _, c in cells)
    header = [by_row[first_row].get(c, EMPTY) for c in range(first_col, last_col + 1)]
    return first_col, header, sorted((r, row) for r, row in by_row.items() if r != first_row)


def _flagged(shown: str, sheet: str, row: int, column: str, value, flag) -> Problem:
    if flag == ERROR:
        return Problem(shown, "an Excel error value in a curated cell", sheet=sheet, row=row, column=column,
                       value=str(value), expected="a plain value",
                       fix=f"replace {value} by the value it stands for, or clear the cell")
    return Problem(shown, "a formula in a curated cell", sheet=sheet, row=row, column=column, value=str(value),
                   expected="a plain value", fix="replace the formula by its value (Paste Special → Values)")


def _is_blank(cells: Cells) -> bool:
    """No cell, or only an empty A1 (a new, untouched sheet)."""
    return all(position == (1, 1) and value is None for position, (value, _) in cells.items())


def _check_file(path: Path, shown: str) -> None:
    if not path.exists():
        raise_if_any([Problem(shown, "the workbook does not exist", fix="create it with new-plan or restore it")])
    if path.suffix.lower() in (".xlsm", ".xls"):
        raise_if_any([Problem(shown, f"{path.suffix} workbooks are not read (macros or the old binary format)",
                              expected=".xlsx", fix="save the workbook as 'Excel Workbook (.xlsx)'")])
    if path.stat().st_size > MAX_WORKBOOK_BYTES:
        raise_if_any([Problem(shown, f"the workbook is larger than {MAX_WORKBOOK_BYTES // 2**20} MiB",
                              value=path.stat().st_size, fix="remove pasted images or unused sheets")])
    if not zipfile.is_zipfile(path):
        raise_if_any([Problem(shown, "not an Excel .xlsx file (it is not a zip archive)", expected=".xlsx",
                              fix="save the file from Excel as 'Excel Workbook (.xlsx)'")])


def _as_text(value) -> str:
    """Cell value as text; integral floats lose their '.0' so ids and years read as written."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()
