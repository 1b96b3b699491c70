"""Add a new plan: copy its text, register it in plans.csv, and pre-fill its city workbook with suggestions.

The only code that writes under ``data/raw/``. It never overwrites: an existing doc_id, text file or
any workbook row of the same plan stops it. Every check runs, and the text, workbook and manifest row
are all prepared in memory, before the first byte is written, so bad input writes nothing; the three are
then written as one transaction, one new-plan at a time (comparison.newplan.transaction), never while
the workbook is open in Excel or LibreOffice. Text cells are written as text (a line ``=HYPERLINK(…)``
never becomes a formula), without control characters.

What the curator receives in ``data/raw/cities/<city_id>.xlsx`` (new, or extended for a city that
already has a plan), every row marked ``status = suggested``:

- ``sections``: a pillar per section heading (coding.suggest_pillars);
- ``quantities`` and ``ignored_numbers``: every digit sequence of the text, as a candidate quantity
  with its suggested indicator and confidence, or as a number that is not a quantity with its reason
  (extract.extract);
- ``measures``: every sentence of sections 1 and later with suggested sector, instrument and synergy
  (coding.MeasureCoder trained on the curated plans);
- ``proposed_indicators``, ``proposed_units``, ``proposed_agencies``: what the plan names and the codebook
  lacks (proposals.propose); a quantity with no suggested indicator carries its proposed id.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import Workbook, load_workbook

from comparison.newplan import transaction
from comparison.newplan import curation_surface
from comparison.newplan.coding import MeasureCoder, suggest_pillars
from comparison.text.controls import IN_FIELD, IN_TEXT, field_problem
from comparison.text.corpus import MANIFEST_COLUMNS, read_manifest, row_problems
from comparison.text.documents import ParsedDocument
from comparison.newplan.extract import extract
from comparison.curation.city_schema import PROPOSAL_SCHEMA
from comparison.newplan.proposal_surface import proposal_surface
from comparison.newplan.proposals import propose
from comparison.text.hanzi import simplified
from comparison.paths import ProjectPaths
from comparison.text.plantext import read_plan_text
from comparison.problems import Problem, raise_if_any
from comparison.curation.taxonomy import load_taxonomy
from comparison.curation.units import UnitConverter
from comparison.curation.validation import CITY_SCHEMA, city_workbooks
from comparison.curation.workbooks import read_workbook

DOC_ID = re.compile(r"[a-z][a-z0-9_]*_(19|20)\d\d")
CITY_ID = re.compile(r"[a-z][a-z0-9_]*")
DOC_NUMBER = re.compile(r"(?m)^\s*([\u4e00-\u9fff]{1,8}〔(?:19|20)\d\d〕\d+号)\s*$")
TITLE_ENDINGS = ("方案", "规划", "意见", "计划", "办法", "措施", "纲要")
EXTRA_COLUMNS = {"sections": ["confidence"], "quantities": ["confidence"], "measures": ["confidence"]}


@dataclass
class PlanInfo:
    """The manifest facts a curator gives on the command line."""

    text: Path
    doc_id: str
    city_id: str
    city_zh: str
    city_en: str
    province_zh: str
    province_en: str
    issued: str = ""
    status: str = "final"
    plan_type: str = "green_economy"
    title_zh: str = ""
    title_en: str = ""
    doc_number: str = ""


@dataclass
class AddedPlan:
    doc_id: str
    written: list[Path]
    counts: dict[str, int]
    messages: list[str]


def add_plan(paths: ProjectPaths, info: PlanInfo) -> AddedPlan:
    """Check everything, prepare the text, workbook and manifest row, then write them (never overwriting)."""
    with transaction.exclusive(paths):
        return _add_plan(paths, info)


def _add_plan(paths: ProjectPaths, info: PlanInfo) -> AddedPlan:
    manifest = read_manifest(paths)
    messages: list[str] = []
    _check_info(paths, info, manifest)
    plan = read_plan_text(info.text, info.doc_id, info.city_id)
    if plan.encoding != "utf-8":
        messages.append(f"{info.text} was {plan.encoding}; stored as UTF-8 (the characters are unchanged)")
    if plan.controls:
        messages.append(f"{info.text} held control characters ({', '.join(plan.controls)}); stored without them "
                        "(a VT or FF as a line break)")
    messages += [f"{info.text}: {note}" for note in plan.notes]
    doc = plan.doc
    workbook_path = paths.cities / f"{info.city_id}.xlsx"
    raise_if_any(transaction.open_elsewhere(workbook_path))
    _check_workbook(workbook_path, info.doc_id)

    taxonomy = load_taxonomy(paths)
    curated = _curated_rows(paths, manifest)
    rows = _suggestions(doc, info, taxonomy, curated)
    row = _manifest_row(info, doc, plan.utf8)

    workbook_bytes = _workbook_bytes(workbook_path, rows, taxonomy)
    files = {paths.texts / f"{info.doc_id}.txt": plan.utf8, workbook_path: workbook_bytes,
             paths.manifest: _manifest_bytes(paths.manifest, row)}
    transaction.commit(paths, files, info.doc_id)
    return AddedPlan(info.doc_id, list(files), {sheet: len(df) for sheet, df in rows.items()}, messages)


def _check_info(paths: ProjectPaths, info: PlanInfo, manifest: pd.DataFrame) -> None:
    shown = "new-plan"
    problems = []
    if not DOC_ID.fullmatch(info.doc_id):
        problems.append(Problem(shown, "doc_id must be ASCII snake_case ending with the plan's year",
                                column="--doc-id", value=info.doc_id, expected="e.g. xinyang_2023",
                                fix="choose <city_id>_<year>"))
    elif info.doc_id in set(manifest.doc_id):
        line = int(manifest.index[manifest.doc_id == info.doc_id][0]) + 2  # the header is line 1
        problems.append(Problem("data/raw/plans.csv", "doc_id already in plans.csv; new-plan never overwrites "
                                "a plan", row=line, column="doc_id", value=info.doc_id,
                                expected="a new doc_id",
                                fix="choose another doc_id that still ends with the year (e.g. for the final "
                                    "text of a draft, <city_id>_final_<year>), or remove the old plan by hand with git"))
    elif (paths.texts / f"{info.doc_id}.txt").exists():
        problems.append(Problem(f"data/raw/texts/{info.doc_id}.txt", "a text with this doc_id already exists",
                                value=info.doc_id, fix="choose another doc_id, or remove the stray file"))
    if not CITY_ID.fullmatch(info.city_id):
        problems.append(Problem(shown, "city_id must be ASCII snake_case", column="--city-id", value=info.city_id,
                                expected="e.g. xinyang", fix="use the pinyin name in lower case"))
    known = manifest[manifest.city_id == info.city_id]
    for column in ("city_zh", "city_en", "province_zh", "province_en"):
        given = getattr(info, column)
        if not given.strip():
            problems.append(Problem(shown, f"--{column.replace('_', '-')} is empty", column=column,
                                    fix="give the name as it should appear in figures"))
        elif len(known) and given != known[column].iloc[0]:
            problems.append(Problem(shown, f"{column} differs from the city's other plans in plans.csv",
                                    column=column, value=given, expected=known[column].iloc[0],
                                    fix="use the same names for every plan of a city"))
    problems += row_problems(vars(info), shown)
    problems += [p for name, value in vars(info).items() if isinstance(value, str)
                 and (p := field_problem(shown, f"--{name.replace('_', '-')}", value))]
    raise_if_any(problems)


def _check_workbook(path: Path, doc_id: str) -> None:
    """An existing city workbook must be readable and hold no row of this plan yet."""
    if not path.exists():
        return
    shown = f"data/raw/cities/{path.name}"
    sheets = read_workbook(path, CITY_SCHEMA, shown)
    problems = []
    for sheet, df in sheets.items():
        for r in df[df.doc_id == doc_id].head(1).itertuples():
            problems.append(Problem(shown, "the workbook already has rows for this plan; new-plan never "
                                    "overwrites curated or suggested rows", sheet=sheet, row=r.excel_row,
                                    column="doc_id", value=doc_id,
                                    fix="choose another doc_id, or delete this plan's rows by hand first"))
    raise_if_any(problems)


def _curated_rows(paths: ProjectPaths, manifest: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The reviewed sections and measures of every city workbook: the training data of the suggesters."""
    frames: dict[str, list[pd.DataFrame]] = {"sections": [], "measures": []}
    for path in [p for p in city_workbooks(paths) if p.suffix.lower() == ".xlsx"]:  # no lock files (~$x.xlsx)
        sheets = read_workbook(path, CITY_SCHEMA, f"data/raw/cities/{path.name}")
        for sheet in frames:
            frames[sheet].append(sheets[sheet][sheets[sheet].status == "curated"])
    out = {sheet: pd.concat(f, ignore_index=True) if f else pd.DataFrame(columns=CITY_SCHEMA[sheet])
           for sheet, f in frames.items()}
    out["sections"] = out["sections"].merge(manifest[["doc_id", "plan_type"]], on="doc_id", how="left")
    return out


def _suggestions(doc: ParsedDocument, info: PlanInfo, taxonomy, curated) -> dict[str, pd.DataFrame]:
    """Rows of the four sheets for the new plan, all marked suggested."""
    headings = {}
    for c in doc.clauses:
        if c.section_no > 0:
            headings.setdefault(c.section_no, c.section_title)
    pillars = suggest_pillars(list(headings.values()), info.plan_type, curated["sections"], taxonomy)
    sections = pd.DataFrame({"doc_id": info.doc_id, "section_no": list(headings), "section_title": list(headings.values()),
                             "pillar_id": pillars.pillar_id, "note": "", "status": "suggested",
                             "confidence": pillars.similarity})

    units = UnitConverter(taxonomy)
    extraction = extract(doc, taxonomy, units)

    sentences = [(s.sentence_id, s.text) for c in doc.clauses if c.section_no > 0 for s in c.sentences]
    coder = MeasureCoder.train(curated["measures"])
    codes = coder.suggest([simplified(t) for _, t in sentences])  # the curated plans are in simplified characters
    measures = pd.DataFrame({"sentence_id": [i for i, _ in sentences], "doc_id": info.doc_id,
                             "sector_id": codes.sector_id, "instrument_id": codes.instrument_id,
                             "synergy": codes.synergy, "note": "", "status": "suggested",
                             "text": [t for _, t in sentences],
                             "confidence": codes[[f"{d}_p" for d in ("sector_id", "instrument_id", "synergy")]]
                             .min(axis=1)})
    proposed = propose(doc, extraction.quantities, taxonomy, units,
                       lambda texts: list(coder.suggest(texts).sector_id))
    return {"sections": sections, "quantities": proposed.pop("quantities"), "ignored_numbers": extraction.ignored,
            "measures": measures, **proposed}


def _manifest_row(info: PlanInfo, doc: ParsedDocument, stored: bytes) -> dict[str, str]:
    first = next((c for c in doc.clauses if c.section_no > 0), doc.clauses[-1])
    preamble = doc.raw[:doc.clean.raw_span(first.start, first.end)[0]]  # raw lines, as the issuer wrote them
    title = info.title_zh or IN_FIELD.sub(" ", _title(preamble))  # a tab in the text's title line
    number = info.doc_number or (m.group(1) if (m := DOC_NUMBER.search(preamble)) else "")
    return dict(doc_id=info.doc_id, city_id=info.city_id, city_zh=info.city_zh, city_en=info.city_en,
                province_zh=info.province_zh, province_en=info.province_en, title_zh=title, title_en=info.title_en,
                doc_number=number, issued=info.issued, status=info.status, plan_type=info.plan_type,
                file=f"texts/{info.doc_id}.txt", sha256=hashlib.sha256(stored).hexdigest())


def _title(preamble: str) -> str:
    """The plan's title: the 《…》 of a covering notice, else the first preamble line ending like a plan."""
    for line in preamble.splitlines():
        line = line.strip()
        if m := re.search(r"《([^》]+)》", line):
            return m.group(1)
        if line.endswith(TITLE_ENDINGS) or re.search(r"(方案|规划)（[^）]*稿）$", line):
            return line
    return ""


def _manifest_bytes(manifest: Path, row: dict[str, str]) -> bytes:
    """plans.csv with one line appended; the existing lines stay byte for byte as they were."""
    old = manifest.read_bytes()
    line = io.StringIO()
    csv.writer(line, lineterminator="\n").writerow([row[c] for c in MANIFEST_COLUMNS])
    if old and not old.endswith(b"\n"):
        old += b"\n"
    return old + line.getvalue().encode("utf-8")


def _workbook_bytes(path: Path, rows: dict[str, pd.DataFrame], taxonomy) -> bytes:
    """The city workbook with the new rows appended below any existing ones (a new workbook if none), with the
    curation surface (drop-downs fed from the codebook, header notes: newplan.curation_surface)."""
    if path.exists():
        wb = load_workbook(path)
    else:
        wb = Workbook()
        wb.remove(wb.active)
    for sheet, df in rows.items():
        columns = {**CITY_SCHEMA, **PROPOSAL_SCHEMA}[sheet] + EXTRA_COLUMNS.get(sheet, [])
        if sheet in wb.sheetnames:
            ws = wb[sheet]
            header = [c.value for c in ws[1]]
            for col in columns:
                if col not in header:
                    header.append(col)
                    ws.cell(1, len(header), col)
        else:
            ws = wb.create_sheet(sheet)
            header = columns
            ws.append(header)
        for record in df.to_dict("records"):
            values = [_cell(record.get(col)) for col in header]
            ws.append(values)
            for k, value in enumerate(values, 1):
                if isinstance(value, str) and value.startswith("="):
                    ws.cell(ws._current_row, k).data_type = "s"  # text, not a formula (openpyxl's guess)
    curation_surface.apply(wb, taxonomy)
    proposal_surface(wb)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _cell(value):
    """Values as the curators write them: text (without control characters), plain numbers, true/false, blanks
    for missing."""
    if isinstance(value, str):
        return IN_TEXT.sub("", value)
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "item"):
        value = value.item()
    return value
