"""The benchmark's synthetic corpus: N plans made by resampling the real corpus.

Synthetic plan k is a byte copy of real plan k mod 5 (so N=5 is the real corpus under new ids) with its own
doc_id, its sha256 in ``plans.csv``, and the real curated rows of that plan (sections, quantities,
ignored_numbers, measures) with doc_id, clause_id, sentence_id and quantity_id re-targeted. Each copy of the
corpus (plans 0–4, 5–9 …) has cities of its own that keep the real cities' plans together: Nanping's two plans
stay two plans of one city, in one workbook, as a growing corpus has cities with several plans. Quotes stay exact substrings of the synthetic raw text inside the right clause, every digit
sequence stays accounted for and every sentence stays coded, so the real validation passes;
``taxonomy.xlsx`` and ``references.xlsx`` (the same provinces) are copied as they are.
"""
from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ID_COLUMNS = ("doc_id", "clause_id", "sentence_id", "quantity_id")


def real_templates(root: Path) -> tuple[list[dict], dict[str, dict], dict[str, dict]]:
    """The real manifest rows, the raw bytes of each text and, per doc_id, its curated rows per sheet.

    The texts are also parsed with comparison.text.documents.parse_corpus to check that every curated id
    of a plan refers to that plan's parsed structure (so re-targeted copies stay valid).
    """
    from openpyxl import load_workbook

    from comparison.text.documents import parse_corpus
    from comparison.paths import project_paths
    from comparison.curation.validation import CITY_SCHEMA

    paths = project_paths(root)
    with open(paths.manifest, encoding="utf-8", newline="") as f:
        manifest = list(csv.DictReader(f))
    docs = parse_corpus(paths)
    texts = {r["doc_id"]: (paths.raw / r["file"]).read_bytes() for r in manifest}
    rows: dict[str, dict] = {r["doc_id"]: {} for r in manifest}
    for city in sorted({r["city_id"] for r in manifest}):
        wb = load_workbook(paths.cities / f"{city}.xlsx", read_only=True, data_only=True)
        for sheet in CITY_SCHEMA:
            it = wb[sheet].iter_rows(values_only=True)
            header = [("" if v is None else str(v).strip()) for v in next(it)]
            for doc_id in rows:
                rows[doc_id].setdefault(sheet, (header, []))
            k = header.index("doc_id")
            for values in it:
                if values is None or all(v in (None, "") for v in values):
                    continue
                doc_id = str(values[k]).strip()
                if doc_id not in rows:
                    raise SystemExit(f"bench: {city}.xlsx/{sheet} has a row for unknown plan {doc_id!r}")
                rows[doc_id][sheet][1].append(list(values))
        wb.close()
    for doc_id, sheets in rows.items():
        clause_ids = {c.clause_id for c in docs[doc_id].clauses}
        sentence_ids = {s.sentence_id for c in docs[doc_id].clauses for s in c.sentences}
        for sheet, (header, data) in sheets.items():
            for col, known in (("clause_id", clause_ids), ("sentence_id", sentence_ids)):
                if col in header:
                    bad = [r[header.index(col)] for r in data if r[header.index(col)] not in known]
                    if bad:
                        raise SystemExit(f"bench: {doc_id} {sheet}.{col} not in the parsed plan: {bad[:3]}")
    return manifest, texts, rows


def _retarget(value, old: str, new: str):
    """``old…`` → ``new…`` for an id cell that starts with the real doc_id (nanping_2021:3.1.2, nanping_2021_q001)."""
    if isinstance(value, str) and value.startswith(old):
        return new + value[len(old):]
    return value


def _write_workbook(target: Path, plans: list[tuple[dict[str, tuple[list[str], list[list]]], str, str]]) -> None:
    """One city's workbook: for each of its plans (its real rows per sheet, real doc_id, new doc_id) the rows
    re-targeted to the new doc_id, plan after plan (the plans of one real city share its header)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    for sheet in plans[0][0]:
        ws = wb.create_sheet(sheet)
        header = plans[0][0][sheet][0]
        ws.append(header)
        id_cols = [i for i, h in enumerate(header) if h in ID_COLUMNS]
        for sheets, old, new in plans:
            for values in sheets[sheet][1]:
                out = list(values)
                for i in id_cols:
                    out[i] = _retarget(out[i], old, new)
                cells = []
                for v in out:
                    if isinstance(v, str) and v.startswith("=") and len(v) > 1:  # text, never a formula
                        cell = WriteOnlyCell(ws, value=v)
                        cell.data_type = "s"
                        cells.append(cell)
                    else:
                        cells.append(v)
                ws.append(cells)
    wb.save(target)


def generate(n: int, root: Path, templates) -> dict:
    """N synthetic plans under ``root`` (data/raw layout); returns what was generated."""
    manifest, texts, rows = templates
    raw = root / "data" / "raw"
    (raw / "texts").mkdir(parents=True)
    (raw / "cities").mkdir()
    for shared in ("taxonomy.xlsx", "references.xlsx"):  # the codebook and the national and provincial targets
        if (REPO_ROOT / "data" / "raw" / shared).exists():
            shutil.copy2(REPO_ROOT / "data" / "raw" / shared, raw / shared)
    width = len(str(n))
    out_rows, by_city = [], {}
    for k in range(n):
        src = manifest[k % len(manifest)]
        old = src["doc_id"]
        year = old.rsplit("_", 1)[-1]
        copy = k // len(manifest) + 1
        city_id = f"s{copy:0{width}d}{src['city_id']}"
        doc_id = f"{city_id}_{year}"
        data = texts[old]
        (raw / "texts" / f"{doc_id}.txt").write_bytes(data)
        row = dict(src, doc_id=doc_id, city_id=city_id, city_zh=f"{src['city_zh']}{copy}",
                   city_en=f"{src['city_en']} {copy}", file=f"texts/{doc_id}.txt",
                   sha256=hashlib.sha256(data).hexdigest())
        out_rows.append(row)
        by_city.setdefault(city_id, []).append((old, doc_id))
    for city_id, plans in by_city.items():
        _write_workbook(raw / "cities" / f"{city_id}.xlsx", [(rows[old], old, new) for old, new in plans])
    with open(raw / "plans.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(manifest[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(out_rows)
    return {"plans": n, "raw_bytes": sum(len(texts[r["doc_id"]]) for r in manifest) * n // len(manifest)}
