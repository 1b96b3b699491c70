"""Suggest the quantities and ignored_numbers rows of a new plan, in the curators' conventions.

For each paragraph of the cleaned text (converted to simplified characters one character at a time, so
offsets still map to the raw text) the grammar (comparison.text.grammar) tells which digit sequences state
a quantity and which are dates, document numbers, labels, formulas or list numbers, which years are
target, base or reference years, and the unit and comparator of each value. This module then

1. turns each stated quantity into a row: kind and years from the paragraph's year wording, commitment
   (确保/力争) of the sentence part, the indicator from the codebook's aliases written before the number
   (exact alias → high confidence; otherwise the closest alias by character overlap → low confidence),
   and a short quote cut from the raw text inside the clause;
2. gives every other digit sequence of the raw text an ignored row with its reason, so the suggestion
   is complete (every digit sequence covered) before a curator reviews it.

Every row has status ``suggested``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import pandas as pd

from comparison.curation.taxonomy import Taxonomy
from comparison.curation.units import UnitConverter
from comparison.curation.validation import TARGET_YEAR_IN_QUOTE
from comparison.newplan.indicators import AliasIndex, IndicatorChoice, normalized
from comparison.newplan.quotes import Quotes
from comparison.newplan.rows import Rows
from comparison.newplan.sentence_parts import (SITUATION_TITLE, base_mark, commitment_of, number_text, plan_year,
                                               value_lists, year_context)
from comparison.text.documents import ParsedDocument
from comparison.text.hanzi import simplified
from comparison.text.structure import paragraphs
from comparison.text import grammar


@dataclass
class Extraction:
    quantities: pd.DataFrame  # CITY_SCHEMA["quantities"] + ["confidence"]
    ignored: pd.DataFrame     # CITY_SCHEMA["ignored_numbers"]


def extract(doc: ParsedDocument, taxonomy: Taxonomy, units: UnitConverter | None = None) -> Extraction:
    """Suggested quantities and ignored rows for one parsed plan (see the module docstring)."""
    return _Extractor(doc, taxonomy, units or UnitConverter(taxonomy)).run()


class _Extractor(Quotes, IndicatorChoice, Rows):
    def __init__(self, doc: ParsedDocument, taxonomy: Taxonomy, units: UnitConverter):
        self.doc, self.taxonomy, self.units = doc, taxonomy, units
        self.text = normalized(simplified(doc.clean.text))
        self.indicators = AliasIndex(taxonomy, units)
        self.unit_names = list(taxonomy.table("units").unit_as_written) + list(grammar.CONVENTION_UNITS)
        self.window_starts = [doc.clean.raw_span(c.start, c.end)[0] for c in doc.clauses]
        self.plan_year = plan_year(self.text, doc.doc_id)
        self.rows: list[dict] = []
        self.token_info: dict[int, tuple[str, str, int, int]] = {}  # raw start → (role, note, clean s, e)
        self.year_use: dict[int, set[str]] = {}  # raw start of a year → how rows used it
        self.chosen: dict[int, tuple] = {}  # id(mention) → alias occurrence chosen for it
        self.neighbour = False  # the alias chosen last was named in an earlier part of the sentence
        self.assigned: dict[int, tuple] = {}  # id(mention) → alias occurrence imposed by an earlier 分别

    # ---------- locations
    def clause_at(self, raw_pos: int):
        k = max(bisect.bisect_right(self.window_starts, raw_pos) - 1, 0)
        return self.doc.clauses[k]

    # ---------- main
    def run(self) -> Extraction:
        for ps, pe in paragraphs(self.text):
            self.paragraph(ps, pe)
        self.rows.sort(key=lambda r: (r["_pos"], r["_order"]))
        quantities = self.quantity_frame()
        ignored = self.ignored_frame()
        return Extraction(quantities, ignored)

    def paragraph(self, ps: int, pe: int) -> None:
        para = self.text[ps:pe]
        self.chosen, self.assigned = {}, {}
        clause = self.clause_at(self.raw(ps, pe)[0])
        tokens = grammar.classify_tokens(para, clause.section_no == 0)
        for t in tokens:
            self.token_info[self.raw(ps + t.start, ps + t.end)[0]] = (t.role, t.note, ps + t.start, ps + t.end)
        marks = grammar.year_marks(para, tokens, self.plan_year)
        mentions = grammar.digit_mentions(para, tokens, self.unit_names)
        taken = [m.value_span for m in mentions]
        for m in grammar.chinese_mentions(para):
            if not any(s < m.value_span[1] and m.value_span[0] < e for s, e in taken):
                mentions.append(m)
                taken.append(m.value_span)
        mentions.sort(key=lambda m: (m.value_span[0], m.range_part != "lower"))
        for group in value_lists(para, mentions):
            self.group_rows(para, ps, clause, group, marks, mentions)

    # ---------- one value list (a single value, a range, or A、B after 分别)
    def group_rows(self, para, ps, clause, group, marks, mentions) -> None:
        first, last = group[0], group[-1]
        if last.after_comparator:
            for m in group:
                if not m.after_comparator and not m.range_part:
                    m.comparator = last.comparator
        context = year_context(marks, first.start)
        base = base_mark(para, marks, first.start)
        situation = bool(SITUATION_TITLE.search(clause.section_title)) or bool(
            SITUATION_TITLE.search(clause.clause_title))
        if context and context.role == "target":
            kind, target_year, base_year = "target", context, base
        elif context and context.role == "baseline":
            kind, target_year, base_year = "baseline", None, base or context
        else:
            kind, target_year, base_year = ("baseline" if situation else "target"), None, base
        commitment = commitment_of(para, first.start)
        q_start, q_end = self.quote_bounds(para, first, last, context, mentions)
        raw_q = self.once_in_clause(self.raw(ps + q_start, ps + q_end), clause.clause_id)
        quote = self.doc.raw[raw_q[0]:raw_q[1]]
        year_in_quote = TARGET_YEAR_IN_QUOTE.search(quote)
        for k, (m, (ind_id, as_written, confidence, ind_note, scope)) in enumerate(
                self.indicator_choices(para, group, mentions)):
            unit, unit_note = self.unit_as_written(ps, m)
            ty = str(target_year.year) if target_year else ""
            if kind == "target" and not ty and year_in_quote:
                ty = year_in_quote.group(1)
            by = str(base_year.year) if base_year else ""
            notes = [n for n in (m.note, unit_note, ind_note) if n]
            if target_year and not (q_start <= target_year.token.start < q_end):
                notes.append(f"target year {ty} from “{para[target_year.start:target_year.end]}” earlier "
                             "in the paragraph")
            for mark, col in ((target_year, "target"), (base_year, "base")):
                if mark is not None:
                    inside = q_start <= mark.token.start < q_end
                    self.year_use.setdefault(self.raw(ps + mark.token.start, ps + mark.token.end)[0], set()).add(
                        f"{col}:{'in' if inside else 'out'}")
            self.rows.append(dict(
                _pos=self.raw(ps + m.value_span[0], ps + m.value_span[1])[0], _order=k,
                doc_id=self.doc.doc_id, clause_id=clause.clause_id, kind=kind, indicator_id=ind_id,
                indicator_as_written=as_written, value_as_written=self.value_as_written(ps, m),
                value=number_text(m), unit_as_written=unit,
                comparator=m.comparator, target_year=ty if kind == "target" else "", base_year=by, scope=scope,
                commitment=commitment, quote=quote, note="; ".join(notes), status="suggested",
                confidence=confidence, _raw_quote=raw_q))


