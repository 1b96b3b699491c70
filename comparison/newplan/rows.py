"""The extractor's output rows: suggested quantities, and an ignored row with its reason for every other
digit sequence of the raw text (so a suggestion accounts for every number before review)."""
from __future__ import annotations

import bisect

import pandas as pd

from comparison.curation.units import same_number
from comparison.curation.validation import CITY_SCHEMA
from comparison.text.numbers import digit_tokens

FURNITURE_NOTES = {
    "publish_time": "publish time of the web page, not a date of the plan",
    "issue_date": "成文日期 in the web page's information block",
    "document_number": "发文字号 in the web page's information block",
    "page_metadata": "web-page information (index number, source, view counter, font size …), not the plan",
    "contact_details": "telephone, fax, postcode or address of the issuer or the web site",
    "web_address": "a link, site id, copyright or ICP / public-security registration of the web site",
    "page_or_footer": "page navigation or footer of the web page",
}


class Rows:
    """Mixed into the extractor: uses its ``rows``, ``token_info``, ``year_use`` and quotes."""

    def quantity_frame(self) -> pd.DataFrame:
        columns = CITY_SCHEMA["quantities"] + ["confidence"]
        for k, r in enumerate(self.rows, 1):
            r["quantity_id"] = f"{self.doc.doc_id}_q{k:03d}"
        return pd.DataFrame([{c: r[c] for c in columns} for r in self.rows], columns=columns)

    def value_as_written(self, ps: int, m) -> str:
        """The digits or words of the value as the raw text prints them (full-width, traditional), spaces and
        line breaks removed."""
        a, b = self.raw(ps + m.value_span[0], ps + m.value_span[1])
        return "".join(self.doc.raw[a:b].split())

    def covered(self) -> set[int]:
        tokens = digit_tokens(self.doc.raw)
        starts = [s for s, _, _ in tokens]
        done = set()
        for r in self.rows:
            a, b = r["_raw_quote"]
            wanted = [float(x) for x in (r["value"], r["target_year"], r["base_year"]) if x]
            for s, e, v in tokens[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]:
                if e <= b and any(same_number(v, w) for w in wanted):
                    done.add(s)
        return done

    def ignored_frame(self) -> pd.DataFrame:
        covered = self.covered()
        clean_end = self.doc.clean.raw_ends[-1] if self.doc.clean.text else 0
        furniture = sorted(self.doc.clean.furniture)
        starts = [a for a, _, _ in furniture]
        rows = []
        for s, e, _ in digit_tokens(self.doc.raw):
            if s in covered:
                continue
            number = self.doc.raw[s:e]
            info = self.token_info.get(s)
            k = bisect.bisect_right(starts, s) - 1
            if info is None and k >= 0 and s < furniture[k][1]:
                clause = self.clause_at(s)
                reason = furniture[k][2]
                note = FURNITURE_NOTES[reason]
                quote = self.furniture_quote(s, e, clause.clause_id)
            elif info is None:
                clause = self.doc.clauses[-1] if s >= clean_end else self.clause_at(s)
                reason = "page_or_footer" if s >= clean_end else "other"
                note = ("after the end of the plan text (web page footer)" if s >= clean_end
                        else "digits the cleaned text writes differently (e.g. split by a line break); check")
                quote = self.raw_line_quote(s, e)
            else:
                role, note, cs, ce = info
                clause = self.clause_at(s)
                reason, note = self.reason(role, note, s)
                quote = self.segment_quote(cs, ce)
            rows.append(dict(doc_id=self.doc.doc_id, clause_id=clause.clause_id, number=number, quote=quote,
                             reason=reason, note=note, status="suggested"))
        return pd.DataFrame(rows, columns=CITY_SCHEMA["ignored_numbers"])

    def furniture_quote(self, s: int, e: int, clause_id: str) -> str:
        """The raw line of a furniture digit (stripped), widened until it occurs once in its clause."""
        raw = self.doc.raw
        a, b = raw.rfind("\n", 0, s) + 1, raw.find("\n", e)
        b = len(raw) if b == -1 else b
        while a < s and raw[a].isspace():
            a += 1
        while b > e and raw[b - 1].isspace():
            b -= 1
        a, b = self.once_in_clause((a, b), clause_id)
        return raw[a:b]

    def reason(self, role: str, note: str, raw_start: int) -> tuple[str, str]:
        if role == "year":
            use = self.year_use.get(raw_start, set())
            if "target:out" in use:
                return "list_target_year", "target year stated once for the rows that follow it"
            if use:
                return "reference_year", "year of the rows that follow it (stated once)"
            return "reference_year", "a year with no quantity of its own"
        if role == "date":
            return "reference_year", "part of a date in the text"
        if role == "bare_year":
            return "reference_year", note
        if role == "other":
            return "other", note
        if role == "quantity":
            return "other", "a number the extractor could not read as a quantity; check"
        return role, note
