"""``python -m comparison extract PATH… [--out FILE]``: the suggested quantities and ignored numbers of plan texts.

Reads any text file (UTF-8, GB18030 or UTF-16, said on stderr), of any layout (what a user should know
about how it was read is said on stderr too), parses it like a manifest plan and prints two readable
tables. With ``--out`` it writes the rows of every text instead, for screening many texts at once:
``FILE.xlsx`` with the sheets quantities, ignored_numbers and texts (one row per text: encoding, clauses,
rows, notes), or ``FILE.csv`` with the quantities and, beside it, ``FILE_ignored_numbers.csv`` and
``FILE_texts.csv``. Text cells that a spreadsheet would run as a formula are neutralized; files are written
atomically, and only when every text could be read. A missing, empty, binary or undecodable file, a saved
web page or a text that is only page furniture is a clear message and exit status 2.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from comparison.curation.taxonomy import load_taxonomy
from comparison.curation.units import UnitConverter
from comparison.newplan.extract import extract
from comparison.paths import ProjectPaths
from comparison.problems import InputError, Problem, raise_if_any
from comparison.tables.atomic import write_csv
from comparison.tables.export import write_xlsx
from comparison.text.plantext import read_plan_text

QUANTITY_COLUMNS = ["clause_id", "kind", "value", "unit_as_written", "comparator", "target_year", "base_year",
                    "commitment", "indicator_id", "confidence", "quote"]
IGNORED_COLUMNS = ["clause_id", "number", "reason", "quote"]
TEXT_COLUMNS = ["file", "doc_id", "encoding", "clauses", "quantities", "ignored_numbers", "notes"]
OUT_SUFFIXES = (".csv", ".xlsx")


def run_extract(paths: ProjectPaths, files: list[str], doc_id: str | None, out: str | None = None) -> int:
    """Print the tables (or write them to ``out``); unreadable texts raise InputError (the CLI exits 2)."""
    if isinstance(files, str):
        files = [files]
    problems = []
    if doc_id and len(files) > 1:
        problems.append(Problem("extract", "--doc-id names one text, but several were given", column="--doc-id",
                                value=doc_id, fix="leave --doc-id out: each text takes its file name"))
    if out and Path(out).suffix.lower() not in OUT_SUFFIXES:
        problems.append(Problem("extract", "--out must name a .csv or an .xlsx file", column="--out", value=out,
                                expected="e.g. screening.xlsx or screening.csv", fix="change the file's ending"))
    raise_if_any(problems)
    plans = []
    for path in files:
        name = doc_id or Path(path).stem
        try:
            plans.append((path, read_plan_text(Path(path), name, name.split("_")[0])))
        except InputError as err:
            problems += err.problems
    raise_if_any(problems)
    taxonomy = load_taxonomy(paths)
    units = UnitConverter(taxonomy)
    quantities, ignored, texts = [], [], []
    for path, plan in plans:
        if plan.encoding != "utf-8":
            print(f"{path}: not UTF-8; decoded as {plan.encoding}", file=sys.stderr)
        for note in plan.notes:
            print(f"{path}: {note}", file=sys.stderr)
        result = extract(plan.doc, taxonomy, units)
        if out is None:
            print(f"quantities suggested for {plan.doc.doc_id} ({len(result.quantities)}):")
            print(_table(result.quantities[QUANTITY_COLUMNS]))
            print(f"\nignored numbers ({len(result.ignored)}):")
            print(_table(result.ignored[IGNORED_COLUMNS]))
            continue
        quantities.append(result.quantities.assign(file=str(path)))
        ignored.append(result.ignored.assign(file=str(path)))
        texts.append(dict(file=str(path), doc_id=plan.doc.doc_id, encoding=plan.encoding,
                          clauses=len(plan.doc.clauses), quantities=len(result.quantities),
                          ignored_numbers=len(result.ignored), notes="; ".join(plan.notes)))
        print(f"{path}: {len(result.quantities)} quantities, {len(result.ignored)} ignored numbers")
    if out is not None:
        tables = {"quantities": _file_first(pd.concat(quantities, ignore_index=True)),
                  "ignored_numbers": _file_first(pd.concat(ignored, ignore_index=True)),
                  "texts": pd.DataFrame(texts, columns=TEXT_COLUMNS)}
        for target in _write(tables, Path(out), taxonomy):
            print(f"extract: wrote {target}")
    return 0


def _file_first(df: pd.DataFrame) -> pd.DataFrame:
    return df[["file"] + [c for c in df.columns if c != "file"]]


def _write(tables: dict[str, pd.DataFrame], out: Path, taxonomy) -> list[Path]:
    if out.suffix.lower() == ".xlsx":
        write_xlsx(tables, out, taxonomy)
        return [out]
    targets = {"quantities": out, "ignored_numbers": out.with_name(f"{out.stem}_ignored_numbers.csv"),
               "texts": out.with_name(f"{out.stem}_texts.csv")}
    for name, target in targets.items():
        write_csv(tables[name], target)
    return list(targets.values())


def _table(df: pd.DataFrame) -> str:
    if df.empty:
        return "  (none)"
    shown = df.copy()
    for col in ("quote",):
        shown[col] = shown[col].str.replace("\n", "⏎", regex=False)
    with pd.option_context("display.width", 250, "display.max_rows", None, "display.max_colwidth", 60):
        return shown.to_string(index=False)
