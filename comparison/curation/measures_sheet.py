"""Checks of the ``measures`` sheet: every sentence of the substantive sections coded once, with leaf
codes of sectors and instruments and a synergy code."""
from __future__ import annotations

from comparison.curation.row_checks import parent_code, unknown_code
from comparison.curation.taxonomy import SYNERGY_CODES
from comparison.problems import Problem


def check_measures(df, docs, taxonomy) -> list[Problem]:
    problems = []
    sectors = taxonomy.leaf_ids("sectors")
    instruments = taxonomy.leaf_ids("instruments")
    sentences = {s.sentence_id: (s.text, doc.doc_id) for doc in docs.values() for c in doc.clauses
                 if c.section_no > 0 for s in c.sentences}
    for r in df.itertuples():
        if r.sentence_id not in sentences:
            problems.append(Problem(r.file, "sentence_id does not exist (or is in the preamble)", sheet=r.sheet,
                                    row=r.excel_row, column="sentence_id", value=r.sentence_id,
                                    expected="a sentence_id of data/processed/sentences.csv in section 1 or later",
                                    fix="look the sentence up in data/processed/sentences.csv"))
        elif r.doc_id != sentences[r.sentence_id][1]:
            problems.append(Problem(r.file, "doc_id differs from the sentence's plan", sheet=r.sheet, row=r.excel_row,
                                    column="doc_id", value=r.doc_id, expected=sentences[r.sentence_id][1],
                                    fix="check the row's doc_id and sentence_id against data/processed/sentences.csv"))
        elif r.text and r.text != sentences[r.sentence_id][0]:
            problems.append(Problem(r.file, "text differs from the parsed sentence (did the parser change?)",
                                    sheet=r.sheet, row=r.excel_row, column="text", value=r.text[:40],
                                    expected=sentences[r.sentence_id][0][:40],
                                    fix="check the sentence ids against data/processed/sentences.csv"))
        for column, code, sheet, leaves in (("sector_id", r.sector_id, "sectors", sectors),
                                            ("instrument_id", r.instrument_id, "instruments", instruments)):
            if code in leaves:
                continue
            known = code in taxonomy.ids(sheet)
            problems.append((parent_code if known else unknown_code)(r, column, code, sheet, taxonomy))
        if r.synergy not in SYNERGY_CODES:
            problems.append(Problem(r.file, "synergy must be true or false", sheet=r.sheet, row=r.excel_row,
                                    column="synergy", value=r.synergy, expected=" | ".join(SYNERGY_CODES),
                                    fix="see the synergy sheet of the codebook"))
    for r in df[df.duplicated("sentence_id", keep="first")].itertuples():
        problems.append(Problem(r.file, "sentence coded twice", sheet=r.sheet, row=r.excel_row, column="sentence_id",
                                value=r.sentence_id, expected="one row per sentence", fix="delete one of the rows"))
    coded = set(df.sentence_id)
    files = dict(zip(df.doc_id, df.file))
    for sentence_id, (text, doc_id) in sentences.items():
        if sentence_id not in coded and doc_id in files:
            problems.append(Problem(files[doc_id], "sentence left uncoded", sheet="measures", column="sentence_id",
                                    value=sentence_id, expected=f"a row coding: {text[:40]}",
                                    fix="add a row with sector_id, instrument_id and synergy for this sentence",
                                    doc_id=doc_id))
    return problems
