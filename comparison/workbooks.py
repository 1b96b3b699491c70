"""Read curated Excel workbooks safely: values only, every cell traceable to its Excel row.

Curated workbooks hold values, never formulas or merged cells; they are read without evaluating
anything (openpyxl does not run formulas or macros) and with a size limit. Each sheet comes back as a
DataFrame of strings with an ``excel_row`` column, the row number as Excel shows it.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from .problems import Problem, raise_if_any

MAX_WORKBOOK_BYTES = 20 * 1024 * 1024


def read_workbook(path: Path, schema: dict[str, list[str]], shown: str) -> dict[str, pd.DataFrame]:
    """The sheets named in ``schema`` (sheet → required columns) as string DataFrames; all problems together."""
    path = Path(path)
    _check_file(path, shown)
    wb = load_workbook(path, read_only=False, data_only=False)
    problems: list[Problem] = []
    sheets: dict[str, pd.DataFrame] = {}
    if all(ws.max_row <= 1 and ws.max_column <= 1 and ws.cell(1, 1).value is None for ws in wb.worksheets):
        raise_if_any([Problem(shown, "the workbook is empty", expected=f"sheets {', '.join(schema)}",
                              fix="restore the workbook from git or build it with new-plan")])
    for sheet, columns in schema.items():
        if sheet not in wb.sheetnames:
            problems.append(Problem(shown, "missing sheet", sheet=sheet, expected=f"a sheet named '{sheet}'",
                                    value=", ".join(wb.sheetnames),
                                    fix=f"add the sheet '{sheet}' with columns {', '.join(columns)}"))
            continue
        ws = wb[sheet]
        for rng in ws.merged_cells.ranges:
            problems.append(Problem(shown, "merged cells", sheet=sheet, row=rng.min_row, value=str(rng),
                                    expected="one value per cell", fix="unmerge the cells and fill in each value"))
        rows = list(ws.iter_rows())
        header = [("" if c.value is None else str(c.value).strip()) for c in rows[0]] if rows else []
        missing = [c for c in columns if c not in header]
        for col in missing:
            problems.append(Problem(shown, "missing column", sheet=sheet, row=1, column=col,
                                    value=", ".join(h for h in header if h), expected=", ".join(columns),
                                    fix=f"add (or rename a column to) '{col}' in the header row"))
        if missing:
            continue
        records = []
        for cells in rows[1:]:
            values = {}
            for name, cell in zip(header, cells):
                if not name:
                    continue
                if cell.data_type == "f":
                    problems.append(Problem(shown, "a formula in a curated cell", sheet=sheet, row=cell.row,
                                            column=name, value=str(cell.value), expected="a plain value",
                                            fix="replace the formula by its value (Paste Special → Values)"))
                    values[name] = ""
                else:
                    values[name] = _as_text(cell.value)
            if any(values.values()):
                values["excel_row"] = cells[0].row
                records.append(values)
        frame = pd.DataFrame(records, columns=[h for h in header if h] + ["excel_row"])
        sheets[sheet] = frame.fillna("")
    raise_if_any(problems)
    return sheets


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
