"""Checks every sheet's rows share: codes in the codebook, numbers and years in their cells, and a quote
found once inside its clause of the raw text."""
from __future__ import annotations

import math
import re
import unicodedata

from comparison.curation.city_schema import YEAR_RANGE
from comparison.curation.taxonomy import Taxonomy
from comparison.problems import Problem
from comparison.text.documents import ParsedDocument


def unknown_code(r, column: str, value: str, sheet_in_codebook: str, taxonomy: Taxonomy) -> Problem:
    return Problem(r.file, "code not in the codebook", sheet=r.sheet, row=r.excel_row, column=column, value=value,
                   expected=f"a {column} of the '{sheet_in_codebook}' sheet of {taxonomy.file}",
                   fix="use an existing code, or add the code (with its parent, labels and definition) to the codebook")


def parent_code(r, column: str, value: str, sheet_in_codebook: str, taxonomy: Taxonomy) -> Problem:
    children = taxonomy.table(sheet_in_codebook)
    children = children[children.parent_id == value].iloc[:, 0]
    return Problem(r.file, "a parent category, not a code to assign", sheet=r.sheet, row=r.excel_row, column=column,
                   value=value, expected=f"one of its codes: {', '.join(children)}",
                   fix="choose the code that fits the sentence")


def quote_positions(doc: ParsedDocument, window: tuple[int, int], quote: str) -> list[int]:
    raw = doc.raw[window[0]:window[1]]
    out, pos = [], raw.find(quote)
    while quote and pos != -1:
        out.append(window[0] + pos)
        pos = raw.find(quote, pos + 1)
    return out


def check_location(r, docs, problems) -> list[int]:
    """Problems for a missing clause or quote; the raw positions of the quote inside its clause."""
    doc = docs.get(r.doc_id)
    if doc is None:
        return []
    window = doc.clause_window(r.clause_id)
    if window is None:
        problems.append(Problem(r.file, "clause_id does not exist in the parsed plan", sheet=r.sheet, row=r.excel_row,
                                column="clause_id", value=r.clause_id,
                                expected=f"a clause_id of data/processed/clauses.csv, e.g. {doc.clauses[-1].clause_id}",
                                fix="look the clause up in data/processed/clauses.csv and correct the id"))
        return []
    if not r.quote:
        problems.append(Problem(r.file, "quote is empty", sheet=r.sheet, row=r.excel_row, column="quote",
                                expected=f"the words of data/raw/texts/{r.doc_id}.txt that state the number",
                                fix="copy the words from the raw text file (line breaks included)"))
        return []
    positions = quote_positions(doc, window, r.quote)
    if not positions:
        message = (f"quote not found inside clause {r.clause_id}; it occurs elsewhere in the text"
                   if r.quote and r.quote in doc.raw else
                   f"quote not found inside clause {r.clause_id} (nor anywhere in the raw text)")
        problems.append(Problem(r.file, message, sheet=r.sheet, row=r.excel_row, column="quote",
                                value=r.quote, expected=f"an exact substring of data/raw/texts/{r.doc_id}.txt",
                                fix="copy the words from the raw text file (line breaks included) "
                                    "and check the clause_id"))
    elif len(positions) > 1:
        problems.append(Problem(r.file, f"quote occurs {len(positions)} times in clause {r.clause_id}", sheet=r.sheet,
                                row=r.excel_row, column="quote", value=r.quote,
                                expected="words that occur once in the clause, so the number can be found",
                                fix="extend the quote with the words around the number"))
    return positions


def year_stated(r, docs, column: str, clause_texts: dict) -> bool:
    """Whether the row's clause (spaces and line breaks ignored) or its note states the year in ``column``."""
    year = getattr(r, column)
    key = (r.doc_id, r.clause_id)
    if key not in clause_texts:
        doc = docs.get(r.doc_id)
        window = doc.clause_window(r.clause_id) if doc else None
        clause_texts[key] = (None if window is None else
                             "".join(unicodedata.normalize("NFKC", doc.raw[window[0]:window[1]]).split()))
    text = clause_texts[key]
    return text is None or year in r.note or year in text


def number_in(r, column, problems) -> float | None:
    """The number in ``column``; None with a problem for text, nan, inf or digits grouped by '_' (3_5)."""
    text = getattr(r, column)
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if math.isfinite(number) and "_" not in text:
        return number
    problems.append(Problem(r.file, "value is not a number", sheet=r.sheet, row=r.excel_row, column=column,
                            value=text, expected="a plain number such as 95 or 13.5",
                            fix="write only the number; put 约/以上 in comparator and remarks in note"))
    return None


def year_in(r, column, problems) -> int | None:
    """The year in ``column``, or None when it is empty or wrong (then a problem says why)."""
    text = getattr(r, column)
    if text == "":
        return None
    if not re.fullmatch(r"\d+", text, re.ASCII):
        date_cell = re.fullmatch(r"\d{4}-\d\d-\d\d( 00:00:00)?", text)
        problems.append(Problem(r.file, "not a year", sheet=r.sheet, row=r.excel_row, column=column, value=text,
                                expected="a four-digit year in ASCII digits, e.g. 2025, or empty",
                                fix="format the cell as a number, not a date, and write the year"
                                    if date_cell else "write only the year's digits (no 年, no decimals)"))
        return None
    if not YEAR_RANGE[0] <= int(text) <= YEAR_RANGE[1]:
        problems.append(Problem(r.file, "year out of range", sheet=r.sheet, row=r.excel_row, column=column,
                                value=text, expected=f"a year from {YEAR_RANGE[0]} to {YEAR_RANGE[1]}, or empty",
                                fix="write the four-digit year the plan states"))
        return None
    return int(text)
