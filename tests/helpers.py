"""Test helpers: break a copy of the real data and read the problems a curator sees (the bad-input
catalogue); digest a folder to see what a run wrote; build an expensive fixture once per test run."""
import contextlib
import fcntl
import hashlib
import io
import json
import os
import shutil

import pandas as pd
import pytest
from openpyxl import load_workbook

from comparison.paths import REPO_ROOT, project_paths
from comparison.pipeline import validate
from comparison.problems import InputError

TIANSHUI = "data/raw/cities/tianshui.xlsx"


def problems(root) -> list[str]:
    with pytest.raises(InputError) as err:
        validate(project_paths(root))
    return [str(p) for p in err.value.problems]


def edit(root, sheet, key_column, key, column, value, book=TIANSHUI):
    """Set one cell of the row whose ``key_column`` equals ``key``; return its Excel row number."""
    return edit_cells(root, sheet, key_column, key, {column: value}, book)


def edit_cells(root, sheet, key_column, key, cells: dict, book=TIANSHUI):
    """Set cells (column name → value) of the row whose ``key_column`` equals ``key``; return its Excel row."""
    path = root / book
    wb = load_workbook(path)
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index(key_column)].value == key:
            for column, value in cells.items():
                row[header.index(column)].value = value
            wb.save(path)
            return row[0].row
    raise KeyError(key)


def row_of(root, sheet, key_column, key, book=TIANSHUI) -> dict:
    """The cells of the row whose ``key_column`` equals ``key``, by column name."""
    ws = load_workbook(root / book)[sheet]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2, values_only=True):
        if row[header.index(key_column)] == key:
            return dict(zip(header, row))
    raise KeyError(key)


def append_row(root, sheet, cells: dict, book=TIANSHUI) -> int:
    """Append a row (column name → value, the rest empty); return its Excel row number."""
    path = root / book
    wb = load_workbook(path)
    ws = wb[sheet]
    ws.append([cells.get(c.value) for c in ws[1]])
    wb.save(path)
    return ws.max_row


def msg(where, message, found=None, expected=None, fix=None):
    parts = [f"{where}: {message}"]
    if found is not None:
        parts.append(f"found: {found!r}")
    if expected is not None:
        parts.append(f"expected: {expected}")
    if fix is not None:
        parts.append(f"fix: {fix}")
    return "\n    ".join(parts)


def where(sheet, row, column, book=TIANSHUI):
    return f"{book}, sheet '{sheet}', row {row}, column '{column}'"


def tree_digest(folder) -> dict[str, str]:
    """Each file under ``folder`` → its sha256: compare before and after to see what a run wrote."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def openpyxl_reading(path) -> dict:
    """The reference for the fast cell reader: each sheet's cells as openpyxl holds them (value, formula or
    error flag), blanks left out."""
    from openpyxl.cell.cell import MergedCell

    from comparison.curation.xlsx_cells import ERROR

    wb = load_workbook(path)
    return {ws.title: {p: (c.value, ERROR if c.data_type == "e" else c.data_type == "f")
                       for p, c in ws._cells.items() if not isinstance(c, MergedCell) and c.value is not None}
            for ws in wb.worksheets}


def same_reading(path):
    """The fast reader reads every sheet and cell of the workbook as openpyxl does."""
    from comparison.curation.xlsx_cells import read_book

    fast, reference = read_book(path), openpyxl_reading(path)
    assert fast.sheet_names == list(reference)
    for sheet, cells in reference.items():
        assert {p: c for p, c in fast.cells[sheet].items() if c[0] is not None} == cells, sheet


def sheet_member(path, sheet: str) -> str:
    """The archive member holding a sheet of an .xlsx (workbook.xml's sheet → its relationship's target)."""
    import posixpath
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        workbook, rels = z.read("xl/workbook.xml").decode(), z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet name="{sheet}"[^>]*r:id="([^"]+)"', workbook).group(1)
    target = re.search(rf'<Relationship[^>]*Id="{rid}"[^>]*/>', rels).group()
    target = re.search(r'Target="([^"]+)"', target).group(1)
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))


def rewrite_xlsx(path, changes: dict, add: dict | None = None, compresslevel: int = 1) -> None:
    """Rewrite an .xlsx archive by hand, as a program that does not follow the format might: each member in
    ``changes`` gets new bytes (or a function of its old text), each in ``add`` is appended."""
    import zipfile

    with zipfile.ZipFile(path) as src:
        members = [(info.filename, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as dst:
        for name, data in members:
            change = changes.get(name)
            if callable(change):
                data = change(data.decode("utf-8")).encode("utf-8")
            elif change is not None:
                data = change
            dst.writestr(name, data)
        for name, data in (add or {}).items():
            dst.writestr(name, data)


MEASURED_READ = r"""
import json, re, sys, time
from comparison.curation.city_schema import CITY_SCHEMA
from comparison.curation.workbooks import read_workbook
from comparison.problems import InputError
start = time.perf_counter()
try:
    read_workbook(sys.argv[1], CITY_SCHEMA, sys.argv[2])
    found = []
except InputError as err:
    found = [str(p) for p in err.problems]
# VmHWM, the peak resident memory of this program (getrusage's ru_maxrss would start from pytest's, as
# Linux keeps it across exec)
status = open("/proc/self/status").read()
print(json.dumps({"problems": found, "seconds": time.perf_counter() - start,
                  "peak_mib": int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024}))
"""


def measured_read(path, shown: str, timeout: int = 120) -> dict:
    """Read a workbook in a fresh interpreter: its problems, the seconds the reading took and the process's
    peak resident memory in MiB (imports included, ~150 MiB)."""
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", MEASURED_READ, str(path), shown], capture_output=True, text=True,
                         timeout=timeout, check=True)
    return json.loads(out.stdout)


def drop_downs(path) -> dict[tuple[str, str], str]:
    """(sheet, column name) → the list a drop-down of that column offers (its workbook name), for every
    data validation of a workbook's sheets that covers a whole column from row 2."""
    wb = load_workbook(path)
    found = {}
    for ws in wb.worksheets:
        header = {c.column_letter: c.value for c in ws[1]}
        for dv in ws.data_validations.dataValidation:
            for ref in str(dv.sqref).split():
                first, _, last = ref.partition(":")
                letter = first.rstrip("0123456789")
                if first == f"{letter}2" and last == f"{letter}1048576" and dv.type == "list":
                    found[(ws.title, header.get(letter))] = dv.formula1
    return found


# What JupyterLab writes into a notebook's metadata when it opens it with the project's kernel (.venv's
# python3 kernelspec, ipykernel's language_info): a committed notebook that already holds them opens
# unmodified. Without them JupyterLab adds them on opening, and the notebook shows as modified.
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def jupyterlab_form(text: str, python_version: str | None = None) -> str:
    """The notebook as JupyterLab saves it: the project kernel's metadata, nbformat 4.5 with cell ids, the
    JSON jupyter_server writes (nbformat.writes: one-space indent, sorted keys, UTF-8) and a final newline.

    ``python_version`` replaces the running interpreter's in language_info (the kernel reports its own
    version, so on another patch release JupyterLab records that one at the first save)."""
    import nbformat
    from ipykernel.ipkernel import IPythonKernel

    nb = nbformat.reads(text, as_version=4)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = dict(IPythonKernel.language_info, **({"version": python_version}
                                                                         if python_version else {}))
    return nbformat.writes(nb) + "\n"


if __name__ == "__main__":  # python tests/helpers.py notebooks/*.ipynb: put notebooks in JupyterLab's form
    import sys
    from pathlib import Path

    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(jupyterlab_form(path.read_text(encoding="utf-8")), encoding="utf-8")


def once_per_run(tmp_path_factory, name: str, build):
    """``build(folder)`` run once per test run, its JSON-able result returned with the folder it wrote in.

    Under pytest-xdist the workers of one run share it: the first to need it builds it while holding a
    lock, the others wait and reuse it (each report run costs both cores for half a minute)."""
    uid = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if uid is None:
        folder = tmp_path_factory.mktemp(name)
        return folder, build(folder)
    shared = tmp_path_factory.getbasetemp().parent / f"{name}_{uid}"
    shared.mkdir(exist_ok=True)
    with open(shared / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done, folder = shared / "result.json", shared / "built"
        if done.exists():
            return folder, json.loads(done.read_text(encoding="utf-8"))
        shutil.rmtree(folder, ignore_errors=True)  # a run that failed half-way in another worker
        folder.mkdir()
        result = build(folder)
        done.write_text(json.dumps(result), encoding="utf-8")
        return folder, result


def copy_project(root) -> None:
    """A copy of the real data/raw and notebooks at ``root``, as a researcher's project folder."""
    shutil.copytree(REPO_ROOT / "data" / "raw", root / "data" / "raw")
    shutil.copytree(REPO_ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))


# The sixth plan of the end-to-end tests: a fictitious plan written for them.
SHILI = REPO_ROOT / "tests" / "fixtures" / "shili_2023.txt"
SHILI_WORKBOOK = "data/raw/cities/shili.xlsx"
# A figure the suite's report run finds in reports/figures/en/ before it starts: what an earlier run of a
# figure since renamed leaves behind, which the report must not show.
STALE_FIGURE = "02_renamed_long_ago"
SHILI_ARGS = ["--text", str(SHILI), "--doc-id", "shili_2023", "--city-id", "shili", "--city-zh", "示例",
              "--city-en", "Shili (example)", "--province-zh", "示例省", "--province-en", "Example",
              "--issued", "2023-05-31"]


# Plans in the forms they arrive in (tests/fixtures/forms: fictitious cities written for the tests), three of
# which are added end to end in the suite's report run, left unreviewed (``report_run`` in conftest.py).
FORMS = REPO_ROOT / "tests" / "fixtures" / "forms"
FORMS_END_TO_END = ["news_furniture", "chapters_box", "crlf"]


def forms() -> pd.DataFrame:
    return pd.read_csv(FORMS / "forms.csv", dtype=str, keep_default_na=False).set_index("form")


def form_args(form: str) -> list[str]:
    row = forms().loc[form]
    return ["--text", str(FORMS / row.file), "--doc-id", row.doc_id, "--city-id", row.doc_id.rsplit("_", 1)[0],
            "--city-zh", row.city_zh, "--city-en", row.city_en, "--province-zh", "示例省", "--province-en", "Example"]


# The caption sentence that names the plans under review (plotting.unreviewed_note), up to their names.
UNREVIEWED_NOTE = {"en": " (Unreviewed data: ", "zh": "（未审核数据："}


def figure_sidecars(root, lang: str) -> dict[str, dict]:
    """Each exported figure of a report (its stem) → its JSON sidecar: caption and every text drawn."""
    return {p.stem: json.loads(p.read_text("utf-8")) for p in sorted((root / "reports/figures" / lang).glob("*.json"))}


def accept_all(path) -> None:
    """What the curator does after checking each row: set status to curated."""
    wb = load_workbook(path)
    for ws in wb.worksheets:
        column = [c.value for c in ws[1]].index("status") + 1
        for row in range(2, ws.max_row + 1):
            if ws.cell(row, column).value == "suggested":
                ws.cell(row, column).value = "curated"
    wb.save(path)


def quietly(argv: list[str]) -> tuple[int, str]:
    """``python -m comparison`` in-process: its exit code and what it printed to stderr."""
    from comparison.cli import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    return code, err.getvalue()
