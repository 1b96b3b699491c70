"""Checks of the ``ignored_numbers`` sheet, and completeness: every digit sequence of every raw text is in
the quote of a quantity or of an ignored number that states it."""
from __future__ import annotations

import re
import unicodedata

from comparison.curation.row_checks import check_location, quote_positions, unknown_code
from comparison.curation.units import same_number
from comparison.problems import Problem
from comparison.text.numbers import digit_tokens


def check_ignored(df, docs, taxonomy) -> list[Problem]:
    problems = []
    reasons = taxonomy.ids("ignore_reasons")
    units = taxonomy.table("units")
    # Units of measure, longest first; counts (个, 家, 座 …) are left out: 5个方面 states no quantity.
    units_of_measure = sorted({"".join(u.split()) for u in units.unit_as_written[units.canonical_unit != "item"]}
                              - {""}, key=len, reverse=True)
    for r in df.itertuples():
        check_location(r, docs, problems)
        if r.reason not in reasons:
            problems.append(unknown_code(r, "reason", r.reason, "ignore_reasons", taxonomy))
        number = unicodedata.normalize("NFKC", r.number)
        if not re.fullmatch(r"\d+(\.\d+)?", number):
            problems.append(Problem(r.file, "number is not a digit sequence", sheet=r.sheet, row=r.excel_row,
                                    column="number", value=r.number, expected="digits as written, e.g. 2021 or 2.5",
                                    fix="copy the digits from the quote"))
        elif r.quote and not any(same_number(float(number), v) for _, _, v in digit_tokens(r.quote)):
            problems.append(Problem(r.file, "the quote does not contain the number", sheet=r.sheet, row=r.excel_row,
                                    column="number", value=r.number, expected=f"a digit sequence of {r.quote!r}",
                                    fix="correct the number or the quote"))
        elif r.reason != "chemical_or_technical" and (unit := unit_after(r.quote, float(number), units_of_measure)):
            problems.append(Problem(r.file, f"an ignored number written with a unit ({r.number}{unit}), "
                                            "like a quantity", sheet=r.sheet, row=r.excel_row, column="reason",
                                    value=r.reason, expected="a number that states no quantity",
                                    fix="move it to quantities (a target, or a baseline fact); for a size class or "
                                        "specification (10万千瓦及以上机组) use reason chemical_or_technical"))
    return problems


def unit_after(quote: str, number: float, units: list[str]) -> str | None:
    """The codebook unit right after ``number`` in the quote, spaces and line breaks ignored, if any."""
    text = "".join(quote.split())
    for _, end, value in digit_tokens(text):
        if same_number(value, number):
            unit = next((u for u in units if text.startswith(u, end)), None)
            if unit:
                return unit
    return None


def check_completeness(quantities, ignored, docs) -> list[Problem]:
    """Every digit sequence of every raw text lies in a quote of a row that states that number."""
    covered: dict[str, set[tuple[int, int]]] = {d: set() for d in docs}
    for df, columns in ((quantities, ("value", "target_year", "base_year")), (ignored, ("number",))):
        for r in df.itertuples():
            doc = docs.get(r.doc_id)
            window = doc.clause_window(r.clause_id) if doc else None
            if window is None or not r.quote:
                continue
            wanted = set()
            for col in columns:
                try:
                    wanted.add(float(unicodedata.normalize("NFKC", getattr(r, col))))
                except ValueError:
                    pass
            for pos in quote_positions(doc, window, r.quote):
                for s, e, v in digit_tokens(r.quote):
                    if any(same_number(v, w) for w in wanted):
                        covered[r.doc_id].add((pos + s, pos + e))
    problems = []
    files = dict(zip(quantities.doc_id, quantities.file))
    for doc_id, doc in docs.items():
        for s, e, v in digit_tokens(doc.raw):
            if (s, e) not in covered[doc_id]:
                context = doc.raw[max(0, s - 12):e + 8].replace("\n", "⏎")
                clause = doc.clause_at(s)
                problems.append(Problem(files.get(doc_id, f"data/raw/texts/{doc_id}.txt"),
                                        f"number {doc.raw[s:e]} in {doc_id} (raw offset {s}) is not accounted for",
                                        sheet="quantities", column="quote", value=context,
                                        expected=f"a quantities row or an ignored_numbers row for clause {clause}",
                                        fix="add a quantities row if it states a quantity, else an ignored_numbers "
                                            "row with its reason", doc_id=doc_id))
    return problems
