"""The raw corpus: the manifest ``data/raw/plans.csv`` and the plan texts it points to.

Reading only: texts are returned exactly as stored (byte-identical to the published plans), checked
against the manifest's sha256, and decoded as strict UTF-8.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .paths import ProjectPaths
from .problems import Problem, raise_if_any

MANIFEST_COLUMNS = [
    "doc_id", "city_id", "city_zh", "city_en", "province_zh", "province_en", "title_zh", "title_en",
    "doc_number", "issued", "status", "plan_type", "file", "sha256",
]
STATUSES = ("final", "draft")
PLAN_TYPES = ("green_economy", "pollution_carbon_synergy")


@dataclass(frozen=True)
class RawDocument:
    doc_id: str
    path: Path
    text: str


def sha256_of(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_manifest(paths: ProjectPaths) -> pd.DataFrame:
    """The manifest as strings, checked for columns, ids, vocabularies and ISO dates."""
    name = _rel(paths, paths.manifest)
    if not paths.manifest.exists():
        raise_if_any([Problem(name, "the plan manifest is missing",
                              fix="create data/raw/plans.csv with one row per plan (see README)")])
    manifest = pd.read_csv(paths.manifest, dtype=str, keep_default_na=False, encoding="utf-8")
    problems = []
    missing = [c for c in MANIFEST_COLUMNS if c not in manifest.columns]
    if missing:
        raise_if_any([Problem(name, f"missing column(s) {', '.join(missing)}", column=missing[0],
                              expected=", ".join(MANIFEST_COLUMNS),
                              fix="add the column header in the first row")])
    for i, row in manifest.iterrows():
        line = i + 2  # header is line 1
        if not row.doc_id or not row.doc_id.replace("_", "").isalnum() or not row.doc_id.isascii():
            problems.append(Problem(name, "doc_id must be ASCII snake_case", row=line, column="doc_id",
                                    value=row.doc_id, expected="e.g. nanping_2021", fix="rename the doc_id"))
        problems += row_problems(row, name, line)
    dup = manifest.doc_id[manifest.doc_id.duplicated()]
    for doc_id in dup:
        line = int(manifest.index[manifest.doc_id == doc_id][-1]) + 2
        problems.append(Problem(name, "duplicate doc_id", row=line, column="doc_id", value=doc_id,
                                expected="each doc_id once", fix="give the second plan its own doc_id"))
    raise_if_any(problems)
    return manifest


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
    docs, problems = {}, []
    for i, row in manifest.iterrows():
        line = i + 2
        path = paths.raw / row.file
        shown = _rel(paths, path)
        if not path.exists():
            problems.append(Problem(name, f"the plan text {shown} does not exist", row=line, column="file",
                                    value=row.file, fix=f"put the text at {shown} or correct the file column"))
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
        docs[row.doc_id] = RawDocument(row.doc_id, path, text.removeprefix("\ufeff"))
    raise_if_any(problems)
    return docs


def _rel(paths: ProjectPaths, path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(paths.root))
    except ValueError:
        return str(path)
