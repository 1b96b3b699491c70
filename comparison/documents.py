"""The parsed corpus: each manifest text cleaned and parsed, and its clause and sentence tables."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .cleaning import CleanText, clean
from .corpus import read_documents, read_manifest
from .paths import ProjectPaths
from .problems import Problem, raise_if_any
from .structure import Clause, StructureError, parse

CLAUSE_COLUMNS = ["clause_id", "doc_id", "city_id", "section_no", "section_title", "clause_no", "clause_title",
                  "text", "raw_start", "raw_end", "responsible_units"]
SENTENCE_COLUMNS = ["sentence_id", "clause_id", "doc_id", "text", "raw_start", "raw_end", "clean_start", "clean_end"]


@dataclass
class ParsedDocument:
    doc_id: str
    city_id: str
    raw: str
    clean: CleanText
    clauses: list[Clause]

    def clause(self, clause_id: str) -> Clause | None:
        return next((c for c in self.clauses if c.clause_id == clause_id), None)


def parse_corpus(paths: ProjectPaths, manifest: pd.DataFrame | None = None) -> dict[str, ParsedDocument]:
    """Read, clean and parse every plan in the manifest; all problems are reported together."""
    if manifest is None:
        manifest = read_manifest(paths)
    raw_docs = read_documents(paths, manifest)
    city_of = dict(zip(manifest.doc_id, manifest.city_id))
    parsed, problems = {}, []
    for doc_id, doc in raw_docs.items():
        ct = clean(doc.text)
        try:
            clauses = parse(doc_id, ct)
        except StructureError as err:
            problems.append(Problem(f"data/raw/{doc.path.parent.name}/{doc.path.name}", str(err),
                                    expected="section headings such as 一、总体要求 at the start of a line",
                                    fix="check that this is the full plan text; headings must start their own line"))
            continue
        parsed[doc_id] = ParsedDocument(doc_id, city_of[doc_id], doc.text, ct, clauses)
    raise_if_any(problems)
    return parsed


def clauses_table(docs: dict[str, ParsedDocument]) -> pd.DataFrame:
    rows = []
    for doc in docs.values():
        for c in doc.clauses:
            raw_start, raw_end = doc.clean.raw_span(c.start, c.end)
            rows.append(dict(clause_id=c.clause_id, doc_id=doc.doc_id, city_id=doc.city_id,
                             section_no=c.section_no, section_title=c.section_title, clause_no=c.clause_no,
                             clause_title=c.clause_title, text=c.text, raw_start=raw_start, raw_end=raw_end,
                             responsible_units=";".join(c.responsible_units)))
    return pd.DataFrame(rows, columns=CLAUSE_COLUMNS)


def sentences_table(docs: dict[str, ParsedDocument]) -> pd.DataFrame:
    rows = []
    for doc in docs.values():
        for c in doc.clauses:
            for s in c.sentences:
                raw_start, raw_end = doc.clean.raw_span(s.start, s.end)
                rows.append(dict(sentence_id=s.sentence_id, clause_id=c.clause_id, doc_id=doc.doc_id, text=s.text,
                                 raw_start=raw_start, raw_end=raw_end, clean_start=s.start, clean_end=s.end))
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
