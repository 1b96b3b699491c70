"""The reader-friendly workbook ``reports/tables/comparison.xlsx``: one sheet per processed table.

Formatted for reading (bold frozen header, filters, column widths, zh and en labels next to every
code) and deterministic: fixed document dates and zip timestamps, so the same tables give the same bytes.
"""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .atomic import atomic_path, neutralize_formula
from .taxonomy import CODE_COLUMN_SHEETS, DIMENSION_SHEETS

FIXED_TIME = dt.datetime(2020, 1, 1)
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


def write_xlsx(tables: dict[str, pd.DataFrame], target: Path, taxonomy) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for name, df in tables.items():
        df = with_labels(df, taxonomy)
        ws = wb.create_sheet(name)
        ws.append(list(df.columns))
        for row in df.itertuples(index=False):
            ws.append([_cell(v) for v in row])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        if len(df.columns):
            ws.auto_filter.ref = f"A1:{get_column_letter(len(df.columns))}{max(len(df), 1) + 1}"
        for i, col in enumerate(df.columns, 1):
            longest = max([len(str(col))] + [len(str(v)) for v in df[col].head(500)])
            ws.column_dimensions[get_column_letter(i)].width = min(max(longest + 2, 8), 50)
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "citycompare"
    with atomic_path(target) as tmp:
        wb.save(tmp)
        _fix_zip_times(Path(tmp))


def _cell(value):
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return neutralize_formula(value)


def _fix_zip_times(path: Path) -> None:
    """Rewrite the archive with fixed timestamps: openpyxl stamps entries with the current time."""
    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            if info.filename == "docProps/core.xml":  # openpyxl stamps 'modified' with the time of saving
                data = CORE_DATES.sub(lambda m: f"{m.group(1)}{FIXED_TIME:%Y-%m-%dT%H:%M:%SZ}{m.group(2)}",
                                      data.decode("utf-8")).encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, data)
