"""The reader-friendly workbook ``reports/tables/comparison.xlsx``: one sheet per processed table.

Formatted for reading (bold frozen header, filters, column widths, zh and en labels next to every
code) and deterministic: fixed document dates and zip timestamps, so the same tables give the same bytes.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from comparison.tables.atomic import atomic_path, neutralize_formula
from comparison.curation.taxonomy import CODE_COLUMN_SHEETS, DIMENSION_SHEETS

FIXED_TIME = dt.datetime(2020, 1, 1)
EXCEL_MAX_TEXT = 32767  # characters in a cell; openpyxl cuts longer text to this
CORE_DATES = re.compile(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def with_labels(df: pd.DataFrame, taxonomy) -> pd.DataFrame:
    """Add ``<code>_zh`` and ``<code>_en`` label columns after every code column."""
    out = df.copy()
    for col in list(out.columns):
        if col in CODE_COLUMN_SHEETS:
            sheet = CODE_COLUMN_SHEETS[col]
            labels = {lang: taxonomy.labels(sheet, lang) for lang in ("zh", "en")}
            at = out.columns.get_loc(col) + 1
            base = col.removesuffix("_id")
            out.insert(at, f"{base}_zh", out[col].map(labels["zh"]).fillna(""))
            out.insert(at + 1, f"{base}_en", out[col].map(labels["en"]).fillna(""))
    if "category_id" in out.columns and "dimension" in out.columns:
        for lang in ("zh", "en"):
            maps = {d: taxonomy.labels(s, lang) for d, s in DIMENSION_SHEETS.items()}
            out.insert(out.columns.get_loc("category_id") + (1 if lang == "zh" else 2), f"category_{lang}",
                       [maps[d].get(c, "") for d, c in zip(out.dimension, out.category_id)])
    return out


def write_xlsx(tables: dict[str, pd.DataFrame], target: Path, taxonomy, reserve=None) -> None:
    """One sheet per table.

    openpyxl (write-only mode) lays each sheet out and writes its bold header row; the data rows, nearly
    all of the file, are serialized by ``_rows_xml`` into the same XML openpyxl writes, straight into the
    archive: openpyxl's per-cell writer costs ~15 µs a cell, minutes for a few hundred plans.
    """
    wb = Workbook(write_only=True)
    sheets = []
    for name, df in tables.items():
        df = with_labels(df, taxonomy)
        ws = wb.create_sheet(name)
        ws.freeze_panes = "A2"  # a write-only sheet takes its layout before its first row
        if len(df.columns):
            ws.auto_filter.ref = f"A1:{get_column_letter(len(df.columns))}{max(len(df), 1) + 1}"
        for i, col in enumerate(df.columns, 1):
            longest = max([len(str(col))] + [len(str(v)) for v in df[col].head(500)])
            ws.column_dimensions[get_column_letter(i)].width = min(max(longest + 2, 8), 50)
        ws.append([_header_cell(ws, col) for col in df.columns])
        sheets.append((ws, df))
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "citycompare"
    if reserve is not None:  # written with the other files of a set (atomic.atomic_paths)
        _save(wb, sheets, reserve(target))
        return
    with atomic_path(target) as tmp:
        _save(wb, sheets, tmp)


def _save(wb, sheets, path) -> None:
    wb.save(path)  # numbers the sheets: their paths are known from here on
    _finish_archive(Path(path), {ws.path.lstrip("/"): df for ws, df in sheets})


def _header_cell(ws, name: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=name)
    cell.font = Font(bold=True)
    return cell


def _cell(value):
    if isinstance(value, str):
        return neutralize_formula(value)
    if value is None or pd.isna(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return neutralize_formula(value)


def _rows_xml(df: pd.DataFrame, chunk_rows: int = 2000) -> Iterator[str]:
    """The ``<row>`` elements of the data rows (Excel row 2 on), as openpyxl writes them, in chunks."""
    letters = [get_column_letter(i) for i in range(1, len(df.columns) + 1)]
    columns = [[_cell(v) for v in df[col].tolist()] for col in df.columns]
    chunk = []
    for k, values in enumerate(zip(*columns)):
        row = k + 2
        cells = "".join(_cell_xml(f"{letter}{row}", v) for letter, v in zip(letters, values) if v is not None)
        chunk.append(f'<row r="{row}">{cells}</row>')
        if len(chunk) == chunk_rows:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


def _cell_xml(ref: str, value) -> str:
    """One cell as openpyxl writes it: text inline (at most Excel's 32767 characters, without the control
    characters a cell cannot hold: the CSV keeps the text exact), numbers as %.16g."""
    if isinstance(value, str):
        text = value[:EXCEL_MAX_TEXT]
        if ILLEGAL_CHARACTERS_RE.search(text):
            text = ILLEGAL_CHARACTERS_RE.sub("", text)
        if not text:
            return f'<c r="{ref}" t="inlineStr" />'
        space = ' xml:space="preserve"' if text.strip() and text != text.strip() else ""
        if "&" in text or "<" in text or ">" in text:
            text = escape(text)
        return f'<c r="{ref}" t="inlineStr"><is><t{space}>{text}</t></is></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        if math.isfinite(value):
            return f'<c r="{ref}" t="n"><v>{value:.16g}</v></c>'
        return f'<c r="{ref}" t="n"><v /></c>'
    raise TypeError(f"comparison.xlsx: cell {ref} holds a {type(value).__name__}, not text, a number or a boolean")


def _finish_archive(path: Path, data_rows: dict[str, pd.DataFrame]) -> None:
    """Rewrite the archive: each sheet gets its dimension and data rows; fixed timestamps everywhere.

    openpyxl stamps entries and the core document's 'modified' date with the time of saving.
    """
    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            if info.filename == "docProps/core.xml":
                data = CORE_DATES.sub(lambda m: f"{m.group(1)}{FIXED_TIME:%Y-%m-%dT%H:%M:%SZ}{m.group(2)}",
                                      data.decode("utf-8")).encode("utf-8")
            if info.filename not in data_rows:
                dst.writestr(fixed, data)
                continue
            df = data_rows[info.filename]
            head, tail = _split_sheet(data.decode("utf-8"), df)
            with dst.open(fixed, "w") as out:
                out.write(head.encode("utf-8"))
                for chunk in _rows_xml(df):
                    out.write(chunk.encode("utf-8"))
                out.write(tail.encode("utf-8"))


def _split_sheet(xml: str, df: pd.DataFrame) -> tuple[str, str]:
    """The sheet XML before and after the place of the data rows, with the sheet's dimension added.

    The dimension (the used range) is what openpyxl writes in its standard mode, and readers use it.
    """
    dimension = f"A1:{get_column_letter(len(df.columns))}{len(df) + 1}" if len(df.columns) else "A1:A1"
    if xml.count("</sheetPr>") != 1 or xml.count("</sheetData>") != (1 if len(df.columns) else 0):
        raise ValueError("comparison.xlsx: openpyxl wrote a worksheet in an unexpected layout")
    xml = xml.replace("</sheetPr>", f'</sheetPr><dimension ref="{dimension}" />')
    if not len(df.columns):
        return xml, ""
    at = xml.index("</sheetData>")
    return xml[:at], xml[at:]
