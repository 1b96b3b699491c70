"""Suggest the quantities and ignored_numbers rows of a new plan, in the curators' conventions.

For each paragraph of the cleaned text (converted to simplified characters one character at a time, so
offsets still map to the raw text) the grammar (comparison.text.grammar) tells which digit sequences state
a quantity and which are dates, document numbers, labels, formulas or list numbers, which years are
target, base or reference years, and the unit and comparator of each value. This module then

1. turns each stated quantity into a row: kind and years from the paragraph's year wording (a list of years
   before 分别 pairs with its values; the base year's level 比2015年的…, the level a change starts from 从目前的…,
   and a value without a year in a sentence reporting a state reached, 据统计/目前…已/一年来, are facts), commitment
   (确保/力争) of the sentence part, the indicator from the codebook's aliases written before the number
   (exact alias → high confidence; otherwise the closest alias by character overlap → low confidence),
   and a short quote cut from the raw text inside the clause;
2. reads a table pasted as text row by row: each value of a year column is a baseline or a target of
   that year (comparison.newplan.table_rows);
3. gives every other digit sequence of the raw text an ignored row with its reason (page furniture with
   the reason of its kind: publish time, page information, contact details, web addresses), so the
   suggestion is complete (every digit sequence covered) before a curator reviews it.

Every row has status ``suggested``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

import pandas as pd

from comparison.curation.city_schema import TARGET_YEAR_IN_QUOTE
from comparison.curation.taxonomy import Taxonomy
from comparison.curation.units import UnitConverter
from comparison.newplan.aliases import AliasIndex, normalized
from comparison.newplan.indicators import IndicatorChoice
from comparison.newplan.quotes import Quotes
from comparison.newplan.rows import Rows
from comparison.newplan.table_rows import TableRows
from comparison.newplan.sentence_parts import (BASE_LEVEL, FORWARD_OPENING, FROM_LEVEL, REPORT_OPENING, RESULTS_REPORT,
                                               REVIEW_INTRO, SEGMENT_END, SENTENCE_END, SITUATION_TITLE, base_mark,
                                               commitment_of, first_sentence_end, looks_ahead, number_text,
                                               plan_year, reports_state, respective_years, respectively_items,
                                               shared_head, shared_share, value_index, value_lists, wording_measure,
                                               year_context)
from comparison.text.documents import ParsedDocument
from comparison.text.hanzi import simplified
from comparison.text.structure import paragraphs
from comparison.text import chinese_quantities, grammar


# A line that heads a list with its year: 到2025年： or 2025年目标：
LEAD_YEAR = re.compile(r"(?:(?:到|至)\s*)?((?:19|20)[0-9]{2})\s*年(?:底|末)?\s*(?:(?:主要|预期|发展)?目标)?\s*[：:]")
SCOPE_ITEM = re.compile(r"(?:全|本)?(?:市|县|区|乡|镇|省|城市|农村|城镇|乡村|县城|市区|城区|中心城区|市级|县级|省级|国家级|"
                        r"市本级|各县区|县（市、区）)")
# In a text of year Y: Y (not 三年内; 截至6月 is this year's June).
THIS_YEAR_REACH = 500  # characters before a value where 今年 can date it: a long sentence, not a pasted list
THIS_YEAR = re.compile(r"今年|本年度|(?<![0-9一二两三四五六七八九十几多])年内|截至\s*[0-9]{1,2}\s*月")


def one_year(title: str) -> str:
    """The year a title names, when it names one only (一、2023年工作回顾; not 2021—2025年)."""
    years = set(re.findall(r"((?:19|20)[0-9]{2})\s*年", title))
    return years.pop() if len(years) == 1 else ""


@dataclass
class Extraction:
    quantities: pd.DataFrame  # CITY_SCHEMA["quantities"] + ["confidence"]
    ignored: pd.DataFrame     # CITY_SCHEMA["ignored_numbers"]


def extract(doc: ParsedDocument, taxonomy: Taxonomy, units: UnitConverter | None = None) -> Extraction:
    """Suggested quantities and ignored rows for one parsed plan (see the module docstring)."""
    return _Extractor(doc, taxonomy, units or UnitConverter(taxonomy)).run()


class _Extractor(Quotes, IndicatorChoice, Rows, TableRows):
    def __init__(self, doc: ParsedDocument, taxonomy: Taxonomy, units: UnitConverter):
        self.doc, self.taxonomy, self.units = doc, taxonomy, units
        self.text = normalized(simplified(doc.clean.text))
        self.indicators = AliasIndex(taxonomy, units)
        self.unit_names = list(taxonomy.table("units").unit_as_written) + list(grammar.CONVENTION_UNITS)
        self.window_starts = [doc.clean.raw_span(c.start, c.end)[0] for c in doc.clauses]
        self.plan_year = plan_year(self.text, doc.doc_id)
        report = RESULTS_REPORT.search(self.text, 0, REPORT_OPENING)
        self.results_report = report.group() if report else ""
        self.review = ()  # (opener, section_no) of a review that governs the paragraphs after it (五年来…以下工作)
        self.rows: list[dict] = []
        self.token_info: dict[int, tuple[str, str, int, int]] = {}  # raw start → (role, note, clean s, e)
        self.year_use: dict[int, set[str]] = {}  # raw start of a year → how rows used it
        self.chosen: dict[int, tuple] = {}  # id(mention) → alias occurrence chosen for it
        self.assigned: dict[int, tuple] = {}  # id(mention) → alias occurrence imposed by an earlier 分别
        self.item_phrases: dict[int, tuple[int, int]] = {}  # id(mention) → its item of a 分别 list (para offsets)
        self.lead = None  # (year mark, clause_id, paragraph start, paragraph) of a lead-in line 到2025年：

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
        self.chosen, self.assigned, self.item_phrases = {}, {}, {}
        clause = self.clause_at(self.raw(ps, pe)[0])
        if self.table_paragraph(ps, para, clause):
            return
        tokens = grammar.classify_tokens(para, clause.section_no == 0)
        if self.lead is not None and self.lead[1] != clause.clause_id:
            self.lead = None
        intro = REVIEW_INTRO.search(para)
        if intro:
            self.review = (intro.group(), clause.section_no)
        elif self.review and (clause.section_no != self.review[1]
                              or FORWARD_OPENING.search(para, 0, first_sentence_end(para))):
            self.review = ()  # a new section, or a paragraph that opens by looking ahead
        lead = LEAD_YEAR.fullmatch(para.strip())
        for t in tokens:
            self.token_info[self.raw(ps + t.start, ps + t.end)[0]] = (t.role, t.note, ps + t.start, ps + t.end)
        marks = grammar.year_marks(para, tokens, self.plan_year)
        mentions = grammar.digit_mentions(para, tokens, self.unit_names)
        taken = [m.value_span for m in mentions]
        for m in chinese_quantities.chinese_mentions(para):
            if not any(s < m.value_span[1] and m.value_span[0] < e for s, e in taken):
                mentions.append(m)
                taken.append(m.value_span)
        mentions.sort(key=lambda m: (m.value_span[0], m.range_part != "lower"))
        if lead:
            mark = next(m for m in marks if m.token.start >= para.index(lead.group(1)))
            self.lead = (mark, clause.clause_id, ps, para)
        for group in value_lists(para, mentions):
            self.group_rows(para, ps, clause, group, marks, mentions)

    def respective_choices(self, para, group, mentions) -> list[tuple]:
        """The indicator choice of each value; in a 分别 list each value takes its own item's phrase (A、B分别达到
        x、y: x is about A) when the aliases alone give every value the same one. ``item_phrases`` keeps the
        item of each value (for the indicator choice)."""
        choices = self.indicator_choices(para, group, mentions)
        items = respectively_items(para, group, mentions)
        if items is None:
            return choices
        item_of = {}
        for m in group:
            item_of[id(m)] = items[min(value_index(group, m), len(items) - 1)]
        for m in group:
            self.item_phrases[id(m)] = item_of[id(m)]
        share, head = shared_share(para, items), shared_head(para, items)

        def own_item(m):  # the value's item, with the head and the share the list writes once
            return self.item_choice(para, item_of[id(m)], m, "" if item_of[id(m)] == items[0] else head,
                                    "" if item_of[id(m)] == items[-1] else share)
        if len({(c[0], c[1]) for _, c in choices}) > 1:  # the aliases told the values apart already
            if not (head or share):
                return choices
            return [(m, c if c[0] else own_item(m)) for m, c in choices]  # 单位GDP能耗和二氧化碳排放: the second
        if all(SCOPE_ITEM.fullmatch(para[a:b].strip()) for a, b in items[:-1]):
            return choices  # 市、县污泥无害化处理率: scopes of one indicator written once
        return [(m, own_item(m)) for m, _ in choices]

    def item_choice(self, para, span, m, prefix: str = "", suffix: str = "") -> tuple:
        """The indicator choice for value ``m`` as if ``para[span]`` (with ``prefix`` and ``suffix``) were written
        right before it (a 分别 item, a table row's indicator cell): the choice sees that phrase and the value,
        nothing else."""
        view = prefix + para[span[0]:span[1]] + suffix
        shift = len(view) - m.start
        seen = replace(m, start=m.start + shift, end=m.end + shift,
                       value_span=(m.value_span[0] + shift, m.value_span[1] + shift))
        view += para[m.start:m.end]
        return self.indicator_choices(view, [seen], [seen])[0][1]

    # ---------- one value list (a single value, a range, or A、B after 分别)
    def group_rows(self, para, ps, clause, group, marks, mentions) -> None:
        first, last = group[0], group[-1]
        if last.after_comparator:
            for m in group:
                if not m.after_comparator and not m.range_part:
                    m.comparator = last.comparator
        context = year_context(marks, first.start)
        lead = None
        if context is None and self.lead is not None and self.lead[0].role == "target":
            lead = self.lead  # 到2025年： on the line over this list
        segment_start = max(para.rfind(ch, 0, first.start) for ch in SEGMENT_END) + 1
        base = base_mark(para, marks, first.start, wording_measure(para[segment_start:first.start], first.unit) == "change")
        situation_title = next((t for t in (clause.clause_title, clause.section_title) if SITUATION_TITLE.search(t)), "")
        situation = bool(situation_title)
        # 一、2023年工作回顾 dates the facts in it that state no year, 二、2024年工作安排 the targets
        title = situation_title or clause.clause_title or clause.section_title
        title_year = one_year(title)
        if context and context.role == "target":
            kind, target_year, base_year = "target", context, base
        elif context and context.role == "baseline":
            kind, target_year, base_year = "baseline", None, base or context
        else:
            kind, target_year, base_year = ("baseline" if situation else "target"), None, base
        commitment = commitment_of(para, first.start, mentions)
        years = respective_years(para, group, marks, mentions)
        q_start, q_end = self.quote_bounds(para, first, last, years[0] if years else context, mentions)
        raw_q = self.once_in_clause(self.raw(ps + q_start, ps + q_end), clause.clause_id)
        quote = self.doc.raw[raw_q[0]:raw_q[1]]
        year_in_quote = TARGET_YEAR_IN_QUOTE.search(quote)
        kind_note = ""
        if years:
            kind_note = "year from the list of years before 分别, in the order of the values"
        elif base is not None and BASE_LEVEL.fullmatch(para[base.end:first.start]):
            kind, target_year, base_year = "baseline", None, base
            kind_note = f"baseline: the level of base year {base.year} (“{para[base.start:first.start]}”)"
        elif FROM_LEVEL.search(para, max(0, first.start - 8), first.start):
            kind, target_year = "baseline", None
            kind_note = "baseline: the level a change starts from (从…的)"
        elif kind == "target" and target_year is None and lead is None and not year_in_quote:
            state = reports_state(para, first.start)
            if state:
                kind = "baseline"
                kind_note = f"baseline: no target year, and the sentence reports a state reached (“{state}”)"
            elif self.results_report and not looks_ahead(para, first.start):
                kind = "baseline"
                kind_note = f"baseline: no target year, in a text that opens by naming a “{self.results_report}”"
            elif self.review and not looks_ahead(para, first.start):
                kind = "baseline"
                kind_note = f"baseline: no target year, in the review that “{self.review[0]}” opens"
        for k, (m, (ind_id, as_written, confidence, ind_note, scope)) in enumerate(
                self.respective_choices(para, group, mentions)):
            if years:  # each value its own year: a target year, or the year of a fact
                mark = years[value_index(group, m)]
                kind, target_year, base_year = (("target", mark, base) if mark.role == "target"
                                                else ("baseline", None, mark))
            unit, unit_note = self.unit_as_written(ps, m)
            ty = str(target_year.year) if target_year else ""
            if kind == "target" and not ty and year_in_quote:
                ty = year_in_quote.group(1)
            if kind == "target" and not ty and lead is not None:
                mark, _, lead_ps, _ = lead
                ty = str(mark.year)
                self.year_use.setdefault(self.raw(lead_ps + mark.token.start, lead_ps + mark.token.end)[0],
                                         set()).add("target:out")
            by = str(base_year.year) if base_year else ""
            notes = [n for n in (m.note, unit_note, ind_note, kind_note) if n]
            if kind == "baseline" and not by and title_year and situation:
                by = title_year
                notes.append(f"base year {by} from the title of its part (“{title}”)")
            if kind == "target" and not ty and title_year and not situation:
                ty = title_year
                notes.append(f"target year {ty} from the title of its part (“{title}”)")
            sentence_start = max(para.rfind(ch, max(0, m.start - THIS_YEAR_REACH), m.start) for ch in SENTENCE_END) + 1
            this_year = self.plan_year and THIS_YEAR.search(para, max(sentence_start, m.start - THIS_YEAR_REACH),
                                                            m.start)
            if kind == "target" and not ty and this_year:
                ty = str(self.plan_year)
                notes.append(f"target year {ty}: {this_year.group()} in a text of {ty}")
            if kind == "baseline" and not by and this_year:
                by = str(self.plan_year)
                notes.append(f"base year {by}: {this_year.group()} in a text of {by}")
            if lead is not None and ty == str(lead[0].year) and not target_year:
                notes.append(f"target year {ty} from “{lead[3].strip()}” over the list")
            if target_year and not (q_start <= target_year.token.start < q_end):
                notes.append(f"target year {ty} from “{para[target_year.start:target_year.end]}” earlier "
                             "in the paragraph")
            if base_year is not None and base_year.role == "base" and not (q_start <= base_year.token.start < q_end):
                notes.append(f"base year {by} from “{para[base_year.start:base_year.end]}” earlier in the sentence")
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


