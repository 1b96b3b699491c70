"""Checks of the ``sections`` sheet: each section of the plan once, with its heading and a pillar of the
plan's type."""
from __future__ import annotations

import re

from comparison.curation.row_checks import unknown_code
from comparison.problems import Problem
from comparison.text.documents import ParsedDocument


def check_sections(df, docs, taxonomy, plan_types) -> list[Problem]:
    problems = []
    pillars = taxonomy.table("pillars").set_index("pillar_id").plan_type
    for r in df.itertuples():
        if r.pillar_id not in pillars:
            problems.append(unknown_code(r, "pillar_id", r.pillar_id, "pillars", taxonomy))
        elif pillars[r.pillar_id] not in ("both", plan_types.get(r.doc_id)):
            problems.append(Problem(r.file, "pillar of another plan type", sheet=r.sheet, row=r.excel_row,
                                    column="pillar_id", value=r.pillar_id,
                                    expected=f"a pillar whose plan_type is both or {plan_types.get(r.doc_id)} "
                                             f"(this one is for {pillars[r.pillar_id]} plans)",
                                    fix="choose a pillar of the plan's type (pillars sheet of the codebook)"))
        if not re.fullmatch(r"[1-9]\d*", r.section_no, re.ASCII):
            problems.append(Problem(r.file, "section_no is not a section number", sheet=r.sheet, row=r.excel_row,
                                    column="section_no", value=r.section_no,
                                    expected="the section's number as a whole number: 1 for 一、, 2 for 二、 …",
                                    fix="write the number in digits, or delete a row that is not a section"))
        elif r.doc_id in docs:
            problems += check_section_heading(r, docs[r.doc_id])
    mapped = set(zip(df.doc_id, df.section_no))
    for doc in docs.values():
        for no in sorted({c.section_no for c in doc.clauses if c.section_no > 0}):
            if (doc.doc_id, str(no)) not in mapped and any(df.doc_id == doc.doc_id):
                problems.append(Problem(df[df.doc_id == doc.doc_id].file.iloc[0], "section has no pillar",
                                        sheet="sections", column="section_no", value=f"{doc.doc_id} section {no}",
                                        expected="one row per section of the plan",
                                        fix=f"add a row: doc_id {doc.doc_id}, section_no {no}, pillar_id",
                                        doc_id=doc.doc_id))
    dup = df[df.duplicated(["doc_id", "section_no"])]
    for r in dup.itertuples():
        problems.append(Problem(r.file, "section mapped twice", sheet="sections", row=r.excel_row, column="section_no",
                                value=r.section_no, expected="one row per section", fix="delete one of the rows"))
    return problems


def check_section_heading(r, doc: ParsedDocument) -> list[Problem]:
    """The section exists in the parsed plan and the row's title is its heading (a shifted row codes the wrong one)."""
    titles = {c.section_no: c.section_title for c in doc.clauses if c.section_no > 0}
    title = titles.get(int(r.section_no))
    if title is None:
        return [Problem(r.file, "section does not exist in the parsed plan", sheet=r.sheet, row=r.excel_row,
                        column="section_no", value=r.section_no,
                        expected=f"a section of {r.doc_id}: 1 to {max(titles, default=0)}",
                        fix="delete the row, or check section_no against data/processed/clauses.csv")]
    if r.section_title.strip() != title:
        return [Problem(r.file, "section_title differs from the plan's heading of this section", sheet=r.sheet,
                        row=r.excel_row, column="section_title", value=r.section_title, expected=title,
                        fix="check section_no and the pillar against data/processed/clauses.csv, then copy "
                            "the heading")]
    return []
