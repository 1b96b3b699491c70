"""The parsed corpus: each manifest text cleaned and parsed, and its clause and sentence tables."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from comparison.text.cleaning import CleanText, clean
from comparison.text.corpus import read_documents, read_manifest
from comparison.paths import ProjectPaths
from comparison.problems import Problem, raise_if_any
from comparison.text.structure import Clause, StructureError, parse

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
        k = self._clause_index.get(clause_id)
        return None if k is None else self.clauses[k]

    def clause_window(self, clause_id: str) -> tuple[int, int] | None:
        """Raw span from the clause's start to the next clause's start (or the end of the file); the first
        clause's window starts at the start of the file (page furniture above the text belongs to it)."""
        k = self._clause_index.get(clause_id)
        if k is None:
            return None
        starts = self._clause_raw_starts
        return (starts[k] if k else 0), (starts[k + 1] if k + 1 < len(starts) else len(self.raw))

    def clause_at(self, raw_pos: int) -> str:
        """The clause a raw offset falls in (the first clause for text before it)."""
        return self.clauses[max(bisect_right(self._clause_raw_starts, raw_pos) - 1, 0)].clause_id

    # Computed once per document: validation looks up clauses for every curated row.
    @cached_property
    def _clause_index(self) -> dict[str, int]:
        index: dict[str, int] = {}
        for k, c in enumerate(self.clauses):
            index.setdefault(c.clause_id, k)
        return index

    @cached_property
    def _clause_raw_starts(self) -> list[int]:
        return [self.clean.raw_span(c.start, c.end)[0] for c in self.clauses]


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
                                    expected="the text of a plan (any layout: headings, a news report, a table)",
                                    fix="replace the file with the plan's text, copied from the page or PDF"))
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
