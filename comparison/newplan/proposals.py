"""Proposed codebook entries for what a new plan names and the codebook lacks, so every row new-plan writes
uses an indicator, unit and agency the codebook knows, or one proposed in the same workbook.

- ``proposed_indicators``: a quantity with no suggested indicator gets a proposed id
  (``proposed_<doc_id>_<nn>_<unit>``, also written in the row's indicator_id), the plan's own phrase as
  label_zh and alias, the unit its value converts to, a sector (the measures coder's, from the quote),
  measure and direction read from the wording (下降13.5% is a change; 控制在…以内 a level where lower is
  better) and the quote as definition. One proposal per phrase and unit, listing its quantity_ids.
- ``proposed_units``: a unit the codebook lacks, in simplified characters (項 → 项, so a known unit is
  never proposed again), with the quantity_ids that use it; pint_expr and canonical_unit are left to the
  curator.
- ``proposed_agencies``: a responsible unit the agency dictionary lacks, with the agency its name
  reads most like (same name without the 市/县 prefix, or the closest label or alias) when there is one.

The curator checks each row, completes it, sets its status to ``accepted``, and runs
``python -m comparison accept-proposals`` (accept.py), which moves the accepted rows into the codebook.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Callable

import pandas as pd

from comparison.curation.city_schema import PROPOSAL_SCHEMA, PROPOSED_PREFIX
from comparison.curation.taxonomy import Taxonomy
from comparison.curation.units import UnitConverter
from comparison.newplan.sentence_parts import wording_measure
from comparison.text.documents import ParsedDocument
from comparison.text.hanzi import simplified

UNIT_SUFFIXES = {"percent": "pct", "item": "count", "percentage_point": "pp", "CNY": "cny", "kW": "kw",
                 "kWh": "kwh", "person": "person"}
LOWER_WORDS = re.compile(r"(?:控制在|不超过|不高于|以内|以下|降至|降到|下降到|降低到|压减到|低于)")
UPPER_COMPARATORS = {"<=", "<", "le", "lt"}
AGENCY_PREFIX = re.compile(r"^(?:市|县|区|各县（市、区）|各县\(市、区\))")
MIN_AGENCY_SIMILARITY = 0.6
PROPOSED_NOTE = "indicator_id is proposed in the sheet proposed_indicators: accept it there (python -m comparison " \
                "accept-proposals) or write an existing indicator_id"

SectorOf = Callable[[list[str]], list[str]]


def unit_suffix(canonical_unit: str) -> str:
    """The id suffix of a canonical unit: percent → pct, ug / m ** 3 → ug_per_m3, t / day → t_per_day."""
    if not canonical_unit:
        return "unit"
    parts = [UNIT_SUFFIXES.get(p, p) for p in canonical_unit.replace(" ** ", "").split(" / ")]
    return re.sub(r"[^a-z0-9]+", "_", "_per_".join(parts).lower()).strip("_") or "unit"


def normalized_unit(unit: str) -> str:
    """A unit as the codebook writes units: simplified characters, half-width, no spaces."""
    return "".join(unicodedata.normalize("NFKC", simplified(unit)).split())


def propose(doc: ParsedDocument, quantities: pd.DataFrame, taxonomy: Taxonomy, units: UnitConverter,
            sector_of: SectorOf) -> dict[str, pd.DataFrame]:
    """The quantities with proposed ids and known unit spellings, and the three proposal sheets."""
    q = quantities.copy()
    unit_rows: dict[str, list[str]] = {}
    for k, r in q.iterrows():
        if r.unit_as_written and not units.known(r.unit_as_written):
            written = normalized_unit(r.unit_as_written)
            q.at[k, "unit_as_written"] = written
            if not units.known(written):
                unit_rows.setdefault(written, []).append(r.quantity_id)
    indicators = _indicator_proposals(doc.doc_id, q, taxonomy, sector_of)
    for proposal in indicators.itertuples():
        rows = q.quantity_id.isin(proposal.quantity_ids.split(", "))
        q.loc[rows, "indicator_id"] = proposal.proposed_id
        q.loc[rows, "note"] = [f"{note}; {PROPOSED_NOTE}" if note else PROPOSED_NOTE for note in q.note[rows]]
    unit_sheet = pd.DataFrame([dict(unit_as_written=u, pint_expr="", canonical_unit="", quantity_ids=", ".join(ids),
                                    note="a unit the codebook lacks: write it in pint's syntax (e.g. '1e4 * t' for "
                                         "万吨) and the canonical unit it converts to",
                                    status="suggested") for u, ids in unit_rows.items()],
                              columns=PROPOSAL_SCHEMA["proposed_units"])
    return {"quantities": q, "proposed_indicators": indicators, "proposed_units": unit_sheet,
            "proposed_agencies": agency_proposals(doc, taxonomy)}


def _indicator_proposals(doc_id, q, taxonomy, sector_of) -> pd.DataFrame:
    canonical = dict(zip(taxonomy.table("units").unit_as_written, taxonomy.table("units").canonical_unit))
    groups: dict[tuple[str, str], list] = {}
    for r in q[q.indicator_id == ""].itertuples():
        phrase = r.indicator_as_written or _words_before(r.quote, r.value_as_written or r.value)
        unit = canonical.get(r.unit_as_written, "")  # '' for an unknown or missing unit
        groups.setdefault((phrase, unit), []).append(r)
    if not groups:
        return pd.DataFrame(columns=PROPOSAL_SCHEMA["proposed_indicators"])
    sectors = sector_of([simplified(rows[0].quote) for rows in groups.values()])
    out = []
    for n, (((phrase, unit), rows), sector) in enumerate(zip(groups.items(), sectors), 1):
        first = rows[0]
        proposed = f"{PROPOSED_PREFIX}{doc_id}_{n:02d}_{unit_suffix(unit)}"
        before = _words_before(first.quote, first.value_as_written or first.value)
        measure = "change" if first.base_year or wording_measure(before, unit) == "change" else "level"
        part = re.split(r"[，,；;。、]", before)[-1]
        lower = measure == "level" and (first.comparator in UPPER_COMPARATORS or bool(LOWER_WORDS.search(part)))
        out.append(dict(proposed_id=proposed, indicator_id=proposed, label_zh=phrase, label_en="", sector_id=sector,
                        canonical_unit=unit, measure=measure, direction="lower" if lower else "higher",
                        definition=f"As {doc_id} writes it: “{first.quote}”", alias=phrase,
                        quantity_ids=", ".join(r.quantity_id for r in rows),
                        note="rename indicator_id to <what>_<unit> (or an existing indicator_id whose alias this "
                             "phrase is), write label_en, check the rest, then set status to accepted",
                        status="suggested"))
    return pd.DataFrame(out, columns=PROPOSAL_SCHEMA["proposed_indicators"])


def _words_before(quote: str, value: str) -> str:
    """The quote's words before the value (a phrase when the extractor found none)."""
    text = "".join(quote.split())
    pos = text.find(value)
    return text[:pos] if pos > 0 else text


def agency_proposals(doc: ParsedDocument, taxonomy: Taxonomy) -> pd.DataFrame:
    """One row per responsible unit of the plan the agency dictionary lacks, with the agency it reads like."""
    agency_of = taxonomy.agency_of()
    agencies = taxonomy.table("agencies")
    names = list(agency_of) + list(agencies.label_zh)
    ids = list(agency_of.values()) + list(agencies.agency_id)
    clauses: dict[str, list[str]] = {}
    for c in doc.clauses:
        for name in c.responsible_units:
            if name not in agency_of:
                clauses.setdefault(name, []).append(c.clause_id)
    rows = []
    for name, where in clauses.items():
        agency_id, how = _closest_agency(name, names, ids, agency_of)
        rows.append(dict(name_as_written=name, agency_id=agency_id, label_zh="", label_en="",
                         clause_ids=", ".join(dict.fromkeys(where)), note=how, status="suggested"))
    return pd.DataFrame(rows, columns=PROPOSAL_SCHEMA["proposed_agencies"])


def _closest_agency(name: str, names: list[str], ids: list[str], agency_of: dict[str, str]) -> tuple[str, str]:
    bare = AGENCY_PREFIX.sub("", name)
    for candidate in (bare, f"市{bare}"):
        if candidate in agency_of:
            return agency_of[candidate], f"the dictionary knows {candidate}; check and accept"
    scored = sorted(((difflib.SequenceMatcher(None, bare, AGENCY_PREFIX.sub("", n)).ratio(), i, n)
                     for n, i in zip(names, ids)), reverse=True)
    if scored and scored[0][0] >= MIN_AGENCY_SIMILARITY:
        ratio, agency_id, like = scored[0]
        return agency_id, f"reads like {like} (similarity {ratio:.2f}); check it, or write a new agency_id with labels"
    return "", "no agency reads like it: write an existing agency_id, or a new one with label_zh and label_en"
