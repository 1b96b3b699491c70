"""Score the extractor's indicator rules on labelled data: the curated plans (leave-one-plan-out) and
sentences written in the forms plans use. The calibration table (calibration.py) is computed from these
scores; tests use them to check the confidences on sentences held out from the calibration.

Leave-one-plan-out: scoring plan P, the codebook loses the aliases that only P's curated rows use, and
the indicators left with no alias, as if P were a new plan; a row whose curated indicator went with them
has no right id (any id is wrong; none is right).
"""
from __future__ import annotations

import re

import pandas as pd

from comparison.curation.row_checks import quote_positions
from comparison.curation.taxonomy import Taxonomy
from comparison.curation.units import UnitConverter, same_number
from comparison.newplan.calibration import measuring
from comparison.newplan.extract import extract
from comparison.newplan.indicators import rule_of
from comparison.text.cleaning import clean
from comparison.text.documents import ParsedDocument
from comparison.text.numbers import CHINESE_NUMERAL_RUN, DOUBLING, chinese_numeral_value, digit_tokens
from comparison.text.structure import parse

SENTENCE_PLAN = "测试市绿色低碳发展实施方案\n\n2023年5月6日\n\n一、主要目标\n\n{}\n"
SCORE_COLUMNS = ["source", "item", "value", "rule", "indicator_id", "expected", "right", "confidence"]


def sentence_doc(sentence: str, doc_id: str = "label_2023") -> ParsedDocument:
    """A one-section plan around a labelled sentence (its own paragraphs kept)."""
    raw = SENTENCE_PLAN.format(sentence)
    text = clean(raw)
    return ParsedDocument(doc_id, "label", raw, text, parse(doc_id, text))


def score_sentences(labels: pd.DataFrame, taxonomy: Taxonomy, units: UnitConverter, measure: bool = True
                    ) -> tuple[pd.DataFrame, int]:
    """Scored rows of labelled sentences (columns sentence, value, indicator_id, nth) and the number of
    labelled values the extractor did not find. ``measure``: every rule's id kept (for calibration)."""
    rows, missing = [], 0
    for k, r in enumerate(labels.itertuples(), 1):
        found = _quantities(sentence_doc(r.sentence), taxonomy, units, measure)
        same = found[[same_number(float(v), float(r.value)) for v in found.value]]
        nth = int(getattr(r, "nth", "") or 1)
        if len(same) < nth:
            missing += 1
            continue
        row = same.iloc[nth - 1]
        rows.append(_scored("sentence", k, row, r.indicator_id))
    return pd.DataFrame(rows, columns=SCORE_COLUMNS), missing


def score_plans(docs: dict[str, ParsedDocument], curated: pd.DataFrame, taxonomy: Taxonomy,
                units: UnitConverter, measure: bool = True) -> pd.DataFrame:
    """Scored suggested rows of every curated plan, each extracted with the codebook without its own aliases."""
    rows = []
    for doc_id, doc in docs.items():
        own = curated[curated.doc_id == doc_id].reset_index(drop=True)
        if own.empty:
            continue
        reduced = without_plan(taxonomy, curated, doc_id)
        known = set(reduced.table("indicators").indicator_id)
        found = _quantities(doc, reduced, units, measure).reset_index(drop=True)
        for i, j in _pairs(doc, own, found):
            expected = own.at[i, "indicator_id"]
            rows.append(_scored("plan", f"{doc_id}:{own.at[i, 'quantity_id']}", found.loc[j],
                                expected if expected in known else ""))
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def without_plan(taxonomy: Taxonomy, curated: pd.DataFrame, doc_id: str) -> Taxonomy:
    """The codebook without the aliases only ``doc_id``'s curated rows use, nor the indicators left aliasless.

    An indicator's label counts as written by the plans that use the indicator: it was written from the
    first of them, so an indicator only this plan uses loses its label alias too."""
    mine = curated.doc_id == doc_id
    own, others = set(curated.indicator_as_written[mine]), set(curated.indicator_as_written[~mine])
    only_mine = set(curated.indicator_id[mine]) - set(curated.indicator_id[~mine])
    aliases = taxonomy.table("indicator_aliases")
    indicators = taxonomy.table("indicators")
    label = aliases.indicator_id.map(dict(zip(indicators.indicator_id, indicators.label_zh)))
    kept = aliases[~aliases.alias.isin(own - others) & ~((aliases.alias == label) & aliases.indicator_id.isin(only_mine))]
    return Taxonomy({**taxonomy.sheets, "indicator_aliases": kept,
                     "indicators": indicators[indicators.indicator_id.isin(set(kept.indicator_id))]}, taxonomy.file)


def _quantities(doc, taxonomy, units, measure: bool) -> pd.DataFrame:
    if measure:
        with measuring():
            return extract(doc, taxonomy, units).quantities
    return extract(doc, taxonomy, units).quantities


def _scored(source, item, row, expected) -> dict:
    return dict(source=source, item=item, value=row.value, rule=rule_of(row.note), indicator_id=row.indicator_id,
                expected=expected, right=row.indicator_id == expected, confidence=float(row.confidence))


def _value_spans(doc: ParsedDocument, row) -> set[tuple[int, int]]:
    """Raw spans where the row's value is written (digits, a Chinese numeral, 翻番, or its value_as_written)
    inside its quote."""
    window = doc.clause_window(row.clause_id)
    if window is None:
        return set()
    value, spans = float(row.value), set()
    for pos in quote_positions(doc, window, row.quote):
        found = [(s, e) for s, e, v in digit_tokens(row.quote) if same_number(v, value)]
        found += [m.span() for m in CHINESE_NUMERAL_RUN.finditer(row.quote)
                  if same_number(chinese_numeral_value(m.group()), value)]
        found += [m.span() for phrase, v in DOUBLING.items() for m in re.finditer(phrase, row.quote)
                  if same_number(v, value)]
        written = getattr(row, "value_as_written", "")  # 三分之一 is 1/3, 一半 0.5: the words as printed
        found += [m.span() for m in re.finditer(re.escape(written), row.quote)] if written else []
        spans |= {(pos + s, pos + e) for s, e in found}
    return spans


def _pairs(doc, curated: pd.DataFrame, suggested: pd.DataFrame) -> list[tuple[int, int]]:
    """(curated index, suggested index), one to one: the same value written at an overlapping position."""
    cur = {i: _value_spans(doc, r) for i, r in curated.iterrows()}
    sug = {j: _value_spans(doc, r) for j, r in suggested.iterrows()}
    pairs, used_i, used_j = [], set(), set()
    for same_id in (True, False):  # a value shared by several curated rows (均达到95%) pairs with its own id first
        for i, r in curated.iterrows():
            for j, s in suggested.iterrows():
                if i in used_i or j in used_j or (same_id and s.indicator_id != r.indicator_id):
                    continue
                if same_number(float(r.value), float(s.value)) and any(
                        a < d and c < b for a, b in cur[i] for c, d in sug[j]):
                    used_i.add(i)
                    used_j.add(j)
                    pairs.append((i, j))
    return sorted(pairs)
