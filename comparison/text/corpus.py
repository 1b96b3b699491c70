"""The raw corpus: the manifest ``data/raw/plans.csv`` and the plan texts it points to.

Reading only: texts are stored exactly as published (byte-identical to the published plans), checked
against the manifest's sha256, and decoded as strict UTF-8. A text must lie under ``data/raw/texts/``
(the manifest's ``file`` cannot point elsewhere) and be at most ``MAX_TEXT_BYTES``; manifest fields hold
no control characters. Line endings are read as ``\n`` (CRLF and CR too, like Python's universal
newlines): offsets and quotes are the same whichever a file uses, and a quote survives the round trip
through a workbook cell (which keeps no ``\r``).
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from comparison.paths import ProjectPaths
from comparison.problems import Problem, raise_if_any
from comparison.text.controls import field_problem

MANIFEST_COLUMNS = [
    "doc_id", "city_id", "city_zh", "city_en", "province_zh", "province_en", "title_zh", "title_en",
    "doc_number", "issued", "status", "plan_type", "file", "sha256",
]
REQUIRED_CELLS = {  # column: an example of its value (title_zh, title_en, doc_number and issued may be empty)
    "doc_id": "e.g. nanping_2021", "city_id": "e.g. nanping", "city_zh": "e.g. 南平", "city_en": "e.g. Nanping",
    "province_zh": "e.g. 福建", "province_en": "e.g. Fujian", "file": "e.g. texts/nanping_2021.txt",
    "sha256": "the hash recorded when the plan was added",
}
SNAKE_CASE = re.compile(r"[a-z0-9_]+")
SHA256 = re.compile(r"[0-9a-f]{64}")
RESTORE_HASH = "restore the hash recorded when the plan was added (git log -p data/raw/plans.csv)"
STATUSES = ("final", "draft")
MAX_TEXT_BYTES = 2**20  # five times the longest plans (a five-year plan outline is ~0.2 MiB)
PLAN_TYPES = ("green_economy", "pollution_carbon_synergy")


def universal_newlines(text: str) -> str:
    """CRLF and CR line endings read as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


@dataclass(frozen=True)
class RawDocument:
    doc_id: str
    path: Path
    text: str


def read_manifest(paths: ProjectPaths) -> pd.DataFrame:
    """The manifest as strings, checked for layout, columns, ids, vocabularies and ISO dates.

    Indexed so that index + 2 is the row number in the file (the header is row 1), as every message
    about a manifest row assumes, also when empty rows were skipped.
    """
    name = _rel(paths, paths.manifest)
    if not paths.manifest.exists():
        raise_if_any([Problem(name, "the plan manifest is missing",
                              fix="create data/raw/plans.csv with one row per plan (see README)")])
    (header_row, header), *records = _csv_records(paths.manifest, name)
    raise_if_any(_header_problems(header, name, header_row))
    problems, rows = [], []
    for line, cells in records:
        if len(cells) == len(header):
            rows.append((line, cells))
        else:
            problems.append(_cell_count_problem(name, line, len(cells), len(header)))
    named = [k for k, column in enumerate(header) if column.strip()]  # unnamed (Excel's empty) columns are dropped
    manifest = pd.DataFrame([[cells[k] for k in named] for _, cells in rows], columns=[header[k] for k in named],
                            index=pd.Index([line - 2 for line, _ in rows], dtype=int), dtype=str)
    for i, row in manifest.iterrows():
        problems += _cell_problems(row, name, i + 2) + row_problems(row, name, i + 2)
    dup = manifest.doc_id[manifest.doc_id.duplicated()]
    for doc_id in dup:
        line = int(manifest.index[manifest.doc_id == doc_id][-1]) + 2
        problems.append(Problem(name, "duplicate doc_id", row=line, column="doc_id", value=doc_id,
                                expected="each doc_id once", fix="give the second plan its own doc_id"))
    raise_if_any(problems)
    manifest["sha256"] = manifest.sha256.str.strip().str.lower()  # the same hash, written as hashlib prints it
    return manifest


def _csv_records(path: Path, name: str) -> list[tuple[int, list[str]]]:
    """The file's non-empty CSV rows with their row numbers; an empty row (blank, or only commas) is skipped."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise_if_any([Problem(name, f"not UTF-8 (byte {err.start}, on line {line}, cannot be decoded)",
                              expected="UTF-8 text",
                              fix="save it from Excel as 'CSV UTF-8 (Comma delimited)', or convert it to UTF-8 "
                                  "(e.g. iconv -f GB18030 -t UTF-8)")])
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = [(n, cells) for n, cells in enumerate(reader, start=1) if any(c.strip() for c in cells)]
    except csv.Error as err:
        raise_if_any([Problem(name, f"not valid CSV: {err} (on line {reader.line_num})",
                              expected='a cell that contains a comma, quote or line break enclosed in double '
                                       'quotes, with its own quotes doubled ("")',
                              fix="correct the quotes on that line or the lines above it, or save the file "
                                  "from Excel as 'CSV UTF-8 (Comma delimited)'")])
    if not records:
        raise_if_any([Problem(name, "the manifest is empty",
                              expected=f"a header row ({', '.join(MANIFEST_COLUMNS)}) and one row per plan",
                              fix="restore it from git (git checkout data/raw/plans.csv)")])
    return records


def _header_problems(header: list[str], file: str, row: int) -> list[Problem]:
    """A comma-separated header naming every manifest column exactly once (a ';' or tab file has one long name).

    Names are matched exactly: api.load and other readers of plans.csv look columns up by name too.
    """
    if len(header) == 1 and (separator := next((s for s in (";", "\t") if s in header[0]), None)):
        shown = "tabs" if separator == "\t" else f"'{separator}'"
        return [Problem(file, f"the columns are separated by {shown}, not by commas", row=row, value=header[0],
                        expected=", ".join(MANIFEST_COLUMNS),
                        fix="save the file again with ',' as the separator (Excel uses the system's list "
                            "separator; LibreOffice asks for it)")]
    problems = [Problem(file, "spaces around a column name", row=row, column=c.strip(), value=c,
                        expected=repr(c.strip()), fix="delete the spaces")
                for c in header if c.strip() and c != c.strip()]
    named = [c.strip() for c in header if c.strip()]
    problems += [Problem(file, f"column {c} appears more than once in the header", row=row, column=c,
                         expected="each column once", fix="delete or rename the extra column")
                 for c in sorted({c for c in named if named.count(c) > 1})]
    missing = [c for c in MANIFEST_COLUMNS if c not in named]
    if missing:
        problems.append(Problem(file, f"missing column(s) {', '.join(missing)}", row=row, column=missing[0],
                                value=", ".join(header), expected=", ".join(MANIFEST_COLUMNS),
                                fix="add or rename the columns in the first row; names are lower case, "
                                    "exactly as expected"))
    return problems


def _cell_count_problem(file: str, line: int, cells: int, columns: int) -> Problem:
    """A row that does not fit the header: its values would land in the wrong columns."""
    fix = ('put a value that contains a comma in double quotes ("…,…"), or remove the comma' if cells > columns
           else "add the missing cells: every row needs one cell per column, an empty cell too")
    return Problem(file, f"the row has {cells} cells, but the header has {columns} columns", row=line,
                   expected=f"{columns} cells, one per column", fix=fix)


def text_size_problem(shown: str, size: int) -> Problem:
    return Problem(shown, f"the text is {size / 2**20:.1f} MiB, more than a plan's limit of "
                   f"{MAX_TEXT_BYTES / 2**20:.0f} MiB", value=f"{size:,} bytes",
                   expected="one plan's text (the longest plans are about 0.2 MiB)",
                   fix="check that the file holds one plan, not a whole web site or a compilation of plans; "
                       "give each plan its own file")


def _cell_problems(row, file: str, line: int) -> list[Problem]:
    """No control characters; required cells filled in, ids in lower-case ASCII snake_case (city_id names the
    workbook), a hex hash."""
    problems = [p for column in MANIFEST_COLUMNS if (p := field_problem(file, column, row[column], line))]
    for column, example in REQUIRED_CELLS.items():
        if not row[column].strip():
            problems.append(Problem(file, f"{column} is empty", row=line, column=column, value=row[column],
                                    expected=example, fix=RESTORE_HASH if column == "sha256" else
                                    "fill in the cell: every plan needs it"))
    for column, example, fix in (("doc_id", "nanping_2021", "rename the doc_id"),
                                 ("city_id", "nanping", "use the city's pinyin name in lower case, the name of "
                                                        "its workbook in data/raw/cities/")):
        if row[column].strip() and not SNAKE_CASE.fullmatch(row[column]):
            problems.append(Problem(file, f"{column} must be ASCII snake_case", row=line, column=column,
                                    value=row[column], expected=f"lower-case letters, digits and _, e.g. {example}",
                                    fix=fix))
    if row.sha256.strip() and not SHA256.fullmatch(row.sha256.strip().lower()):
        problems.append(Problem(file, "sha256 is not a SHA-256 hash", row=line, column="sha256", value=row.sha256,
                                expected="64 hexadecimal digits", fix=RESTORE_HASH))
    return problems


def row_problems(row, file: str, line: int | None = None) -> list[Problem]:
    """Vocabulary and date checks of one manifest row (new-plan runs them on the row it will add)."""
    problems = []
    if row["status"] not in STATUSES:
        problems.append(Problem(file, "unknown status", row=line, column="status", value=row["status"],
                                expected=" | ".join(STATUSES), fix="use one of the expected values"))
    if row["plan_type"] not in PLAN_TYPES:
        problems.append(Problem(file, "unknown plan_type", row=line, column="plan_type", value=row["plan_type"],
                                expected=" | ".join(PLAN_TYPES), fix="use one of the expected values"))
    if row["issued"] and pd.isna(pd.to_datetime(row["issued"], format="%Y-%m-%d", errors="coerce")):
        problems.append(Problem(file, "issued is not an ISO date", row=line, column="issued", value=row["issued"],
                                expected="YYYY-MM-DD or empty",
                                fix="write the date as 2021-12-08, or leave it empty if undated"))
    return problems


def read_documents(paths: ProjectPaths, manifest: pd.DataFrame) -> dict[str, RawDocument]:
    """Every manifest text, hash-checked and decoded; all problems reported together."""
    name = _rel(paths, paths.manifest)
    if manifest.empty:
        raise_if_any([Problem(name, "the manifest lists no plans", expected="one row per plan below the header",
                              fix="add each plan with: python -m comparison new-plan … (see README, Add a city)")])
    docs, problems = {}, []
    texts = paths.texts.resolve()
    for i, row in manifest.iterrows():
        line = i + 2
        path = paths.raw / row.file
        shown = _rel(paths, path)
        if not path.resolve().is_relative_to(texts):
            problems.append(Problem(name, "file points outside data/raw/texts/", row=line, column="file",
                                    value=row.file, expected=f"a text in data/raw/texts/, e.g. texts/{row.doc_id}.txt",
                                    fix="put the plan's text into data/raw/texts/ and name it as texts/<name>.txt"))
            continue
        if path.is_dir():
            problems.append(Problem(name, f"{shown} is a folder, not a plan text", row=line, column="file",
                                    value=row.file, expected=f"a text file, e.g. texts/{row.doc_id}.txt",
                                    fix="name the plan's text file, not its folder"))
            continue
        if not path.exists():
            problems.append(Problem(name, f"the plan text {shown} does not exist", row=line, column="file",
                                    value=row.file, fix=f"put the text at {shown} or correct the file column"))
            continue
        if path.stat().st_size > MAX_TEXT_BYTES:
            problems.append(text_size_problem(shown, path.stat().st_size))
            continue
        data = path.read_bytes()
        if not data.strip():
            problems.append(Problem(shown, "the plan text is empty",
                                    fix="copy the full plan text into the file"))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != row.sha256:
            problems.append(Problem(name, f"{shown} does not match its recorded hash (the raw text was changed)",
                                    row=line, column="sha256", value=row.sha256, expected=digest,
                                    fix="restore the original text (raw texts are never edited by hand); "
                                        "if a new version of the plan was published, add it as a new doc_id"))
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            problems.append(Problem(shown, f"not UTF-8 (byte {err.start} cannot be decoded)",
                                    expected="UTF-8 text",
                                    fix="convert the file to UTF-8 (e.g. iconv -f GB18030 -t UTF-8); "
                                        "new-plan does this for GB18030 files"))
            continue
        docs[row.doc_id] = RawDocument(row.doc_id, path, universal_newlines(text.removeprefix("\ufeff")))
    raise_if_any(problems)
    return docs


def _rel(paths: ProjectPaths, path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(paths.root))
    except ValueError:
        return str(path)
