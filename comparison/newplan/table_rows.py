"""Suggested rows for a table pasted as text: each value of a year column is a baseline or a target of the
column's year, for the indicator its row names (comparison.text.tables reads the header).

A value's unit is written in its cell (65.2%), in a 单位 column, or in brackets after the indicator
(森林覆盖率（%）); its comparator in its cell (≥95, 95以上, 约95). The quote runs from the start of the row
to the end of the value's cell; the header's years are ignored numbers stated once for the rows below.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from comparison.text import grammar
from comparison.text.tables import aligned, header_columns

BRACKETED_UNIT = re.compile(r"[（(]\s*([^（）()]+?)\s*[）)]\s*$")
SYMBOL_COMPARATORS = {"≥": "ge", "≧": "ge", "≤": "le", "≦": "le", ">": "gt", "＞": "gt", "<": "lt", "＜": "lt"}
NO_VALUE = re.compile(r"^[\s—–\-/／、*×]*$")


@dataclass
class Table:
    columns: list
    clause_id: str
    year_starts: dict[int, int]  # column index → raw start of its year


class TableRows:
    """Mixed into the extractor: uses its ``doc``, ``text``, ``rows``, ``token_info``, ``year_use``, quotes
    and indicator choice."""

    table: Table | None = None

    def table_paragraph(self, ps: int, para: str, clause) -> bool:
        """True when the paragraph is a data row of the table above it (and its rows are added)."""
        if "|" not in para:
            self.table = None
            return False
        columns = header_columns(para)
        if columns is not None:
            years = {c.index: self.raw(ps + c.year_span[0], ps + c.year_span[1])[0] for c in columns if c.year_span}
            self.table = Table(columns, clause.clause_id, years)
            return False
        if self.table is None or self.table.clause_id != clause.clause_id:
            return False
        pairs = aligned(self.table.columns, para)
        if pairs is None:
            return False
        self.data_row(ps, para, clause, pairs)
        return True

    def data_row(self, ps: int, para: str, clause, pairs) -> None:
        indicator = next(((s, e) for c, (s, e) in pairs if c.role == "indicator"), pairs[0][1])
        unit_cell = next(((s, e) for c, (s, e) in pairs if c.role == "unit" and para[s:e].strip()), None)
        bracket = BRACKETED_UNIT.search(para[indicator[0]:indicator[1]])
        if unit_cell:
            unit_cell = _stripped(para, *unit_cell)
        elif bracket:
            unit_cell = (indicator[0] + bracket.start(1), indicator[0] + bracket.end(1))
        attribute = next((para[s:e].strip() for c, (s, e) in pairs if c.role == "attribute"), "")
        for column, (s, e) in pairs:
            cell = para[s:e]
            tokens = grammar.classify_tokens(cell, False)
            if column.role != "year" or NO_VALUE.match(cell):
                for t in tokens:
                    role, note = t.role, t.note
                    if column.role == "number":
                        role, note = "list_numbering", "row number of a table"
                    elif role in ("quantity", "year"):
                        role, note = "other", "a number in a table column without a year (not read as a value); check"
                    self.token_info[self.raw(ps + s + t.start, ps + s + t.end)[0]] = (role, note, ps + s + t.start,
                                                                                   ps + s + t.end)
                continue
            for t in tokens:
                self.token_info[self.raw(ps + s + t.start, ps + s + t.end)[0]] = (t.role, t.note, ps + s + t.start,
                                                                               ps + s + t.end)
            mentions = grammar.digit_mentions(cell, tokens, self.unit_names)
            for k, m in enumerate(mentions):
                self.table_value(ps, para, clause, column, (s, e), m, k, indicator, unit_cell, attribute)

    def table_value(self, ps, para, clause, column, cell, m, order, indicator, unit_cell, attribute):
        s, e = cell
        m = replace(m, start=m.start + s, end=m.end + s, value_span=(m.value_span[0] + s, m.value_span[1] + s),
                    unit_span=(m.unit_span[0] + s, m.unit_span[1] + s) if m.unit_span else None)
        if not m.unit and unit_cell:
            m = replace(m, unit=para[unit_cell[0]:unit_cell[1]], unit_span=unit_cell)
        if m.comparator == "eq" and not m.after_comparator:
            symbol = para[s:m.value_span[0]].strip()[-1:]
            m = replace(m, comparator=SYMBOL_COMPARATORS.get(symbol, m.comparator))
        plan_year = self.plan_year
        kind = column.marked or ("baseline" if plan_year is not None and column.year < plan_year else "target")
        self.year_use.setdefault(self.table.year_starts[column.index], set()).add(
            "target:out" if kind == "target" else "base:out")
        bracket = BRACKETED_UNIT.search(para[indicator[0]:indicator[1]])
        name = _stripped(para, indicator[0], indicator[0] + bracket.start() if bracket else indicator[1])
        ind_id, as_written, confidence, ind_note, scope = self.item_choice(para, name, m)  # 森林覆盖率（%）: the name
        unit, unit_note = self.unit_as_written(ps, m)
        raw_q = self.once_in_clause(self.raw(ps, ps + e), clause.clause_id)
        notes = [n for n in (m.note, unit_note, ind_note) if n]
        notes.append(f"table column {_header_text(column)}" + (f"; {attribute}" if attribute else ""))
        year = str(column.year)
        self.rows.append(dict(
            _pos=self.raw(ps + m.value_span[0], ps + m.value_span[1])[0], _order=order,
            doc_id=self.doc.doc_id, clause_id=clause.clause_id, kind=kind, indicator_id=ind_id,
            indicator_as_written=as_written, value_as_written=self.value_as_written(ps, m), value=m.value_text,
            unit_as_written=unit, comparator=m.comparator,
            target_year=year if kind == "target" else "", base_year=year if kind == "baseline" else "", scope=scope,
            commitment="none", quote=self.doc.raw[raw_q[0]:raw_q[1]], note="; ".join(notes), status="suggested",
            confidence=confidence, _raw_quote=raw_q))



def _header_text(column) -> str:
    return f"{column.year}年" + {"baseline": " (baseline column)", "target": " (target column)"}.get(column.marked, "")


def _stripped(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
