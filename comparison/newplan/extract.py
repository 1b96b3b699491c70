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
import difflib
import re
import unicodedata
from dataclasses import dataclass

import pandas as pd
import pint

from comparison.text import grammar
from comparison.text.documents import ParsedDocument
from comparison.text.hanzi import simplified
from comparison.text.numbers import digit_tokens
from comparison.text.structure import paragraphs
from comparison.curation.taxonomy import Taxonomy
from comparison.curation.units import UnitConverter, same_number
from comparison.curation.validation import CITY_SCHEMA, TARGET_YEAR_IN_QUOTE

SITUATION_TITLE = re.compile(r"形势|现状|基础(?!设施)|挑战|回顾|成效")
SENTENCE_END = "。！？"
PART_END = "；;。！？"
SEGMENT_END = "，,；;。！？：:"
PHRASE_END = SEGMENT_END + "、"
# Words between an indicator phrase and its value: cut from a phrase as written.
PHRASE_TAIL = re.compile(r"(?:分别|均|都|要|持续|稳定|基本|累计|实现|达到|达|提高到|提高至|提升到|提升至|提高|提升|"
                         r"下降|降低到|降低至|降低|减少|增长|增加|控制在|稳定在|保持在|保持|为|是|占|比重|不低于|"
                         r"不少于|不超过|超过|突破|大于|低于|不足|约|近|将近|左右|以上|新增|年均)+$")
PHRASE_HEAD = re.compile(r"^(?:其中|力争|确保|全市|同时|并|及|和|与|、|到|至)+")
SCOPE_BEFORE = re.compile(r"(全市|全省|全国|市县|市、县|城镇|农村|城市|县城|市中心城区)$")
CONFIDENCE_EXACT, CONFIDENCE_CHOSEN, CONFIDENCE_SPREAD, CONFIDENCE_NEIGHBOUR = 0.9, 0.7, 0.6, 0.5
FUZZY_MIN_RATIO = 0.35
MAX_QUOTE_LEAD = 40  # characters of a quote before the value
OPENING = {"”": "“", "’": "‘", "」": "「", "』": "『"}
MAX_COUNTED_NOUN = 20
MAX_BARE_SUBJECT = 2  # 规模突破300亿元: a part this short takes the alias named earlier in the sentence  # characters of the counted noun after 个/家/座


@dataclass
class Extraction:
    quantities: pd.DataFrame  # CITY_SCHEMA["quantities"] + ["confidence"]
    ignored: pd.DataFrame     # CITY_SCHEMA["ignored_numbers"]


def normalized(text: str) -> str:
    """Fold full-width punctuation and letters, character by character (offsets unchanged)."""
    out = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out)


class _Indicators:
    """The codebook's aliases, and the indicators whose unit a written unit converts to."""

    def __init__(self, taxonomy: Taxonomy, units: UnitConverter):
        self.taxonomy, self.units = taxonomy, units
        aliases = taxonomy.table("indicator_aliases")
        self.ids_of: dict[str, list[str]] = {}
        for alias, ind in zip(aliases.alias, aliases.indicator_id):
            if alias:
                self.ids_of.setdefault(alias, []).append(ind)
        self.keys = sorted(((normalized(a), a) for a in self.ids_of), key=lambda x: -len(x[0]))
        ind = taxonomy.table("indicators")
        self.canonical = dict(zip(ind.indicator_id, ind.canonical_unit))
        self.labels = dict(zip(ind.indicator_id, ind.label_zh))
        unit_table = taxonomy.table("units")
        self.unit_canonical = dict(zip(unit_table.unit_as_written, unit_table.canonical_unit))
        self.names = [(normalized(a), a, ids[0]) for a, ids in self.ids_of.items()]
        self.names += [(normalized(lbl), "", i) for lbl, i in zip(ind.label_zh, ind.indicator_id) if lbl]

    def occurrences(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """Non-overlapping alias occurrences in text[start:end] (longest first), in order."""
        found: list[tuple[int, int, str]] = []
        window = text[start:end]
        for key, alias in self.keys:
            pos = window.find(key)
            while pos != -1:
                s, e = start + pos, start + pos + len(key)
                if not any(s < fe and fs < e for fs, fe, _ in found):
                    found.append((s, e, alias))
                pos = window.find(key, pos + 1)
        return sorted(found)

    def all_occurrences(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """Every alias occurrence in text[start:end], overlapping ones included."""
        window = text[start:end]
        found = []
        for key, alias in self.keys:
            pos = window.find(key)
            while pos != -1:
                found.append((start + pos, start + pos + len(key), alias))
                pos = window.find(key, pos + 1)
        return found

    def best_by_context(self, ids: list[str], context: str) -> str:
        """Of several indicators an alias names, the one whose label and aliases read most like the context."""
        def score(i: str) -> float:
            names = [self.labels.get(i, "")] + [a for a, v in self.ids_of.items() if i in v]
            return max(difflib.SequenceMatcher(None, normalized(context), normalized(n)).ratio() for n in names)
        return max(ids, key=lambda i: (score(i), -ids.index(i)))

    def counted(self, unit: str) -> bool:
        """A unit that counts things (个, 家, 座) or a class of magnitude (亿级): its noun follows it."""
        return self.unit_canonical.get(unit) == "item" or unit.endswith("级") or (
            len(unit) == 1 and unit in grammar.MEASURE_WORDS)

    def compatible(self, alias: str, unit: str) -> list[str]:
        ids = self.ids_of[alias]
        if not unit or not self.units.known(unit):
            return ids
        return [i for i in ids if self.takes(i, unit)]

    def fuzzy(self, phrase: str, unit: str) -> tuple[str, float]:
        if not phrase:
            return "", 0.0
        key = normalized(phrase)
        best = ("", 0.0)
        for name, alias, ind in self.names:
            ratio = difflib.SequenceMatcher(None, key, name).ratio()
            if ratio > best[1] and self.takes(ind, unit):
                best = (ind, ratio)
        return best

    def takes(self, indicator_id: str, unit: str) -> bool:
        """True when a value in ``unit`` converts to the indicator's unit (or the unit is unknown)."""
        if not unit or not self.units.known(unit):
            return True
        try:
            self.units.convert(1.0, unit, self.canonical[indicator_id])
            return True
        except (pint.errors.PintError, KeyError, AttributeError):
            return False


def extract(doc: ParsedDocument, taxonomy: Taxonomy, units: UnitConverter | None = None) -> Extraction:
    """Suggested quantities and ignored rows for one parsed plan (see the module docstring)."""
    return _Extractor(doc, taxonomy, units or UnitConverter(taxonomy)).run()


class _Extractor:
    def __init__(self, doc: ParsedDocument, taxonomy: Taxonomy, units: UnitConverter):
        self.doc, self.taxonomy, self.units = doc, taxonomy, units
        self.text = normalized(simplified(doc.clean.text))
        self.indicators = _Indicators(taxonomy, units)
        self.unit_names = list(taxonomy.table("units").unit_as_written)
        self.window_starts = [doc.clean.raw_span(c.start, c.end)[0] for c in doc.clauses]
        self.plan_year = _plan_year(self.text, doc.doc_id)
        self.rows: list[dict] = []
        self.token_info: dict[int, tuple[str, str, int, int]] = {}  # raw start → (role, note, clean s, e)
        self.year_use: dict[int, set[str]] = {}  # raw start of a year → how rows used it
        self.chosen: dict[int, tuple] = {}  # id(mention) → alias occurrence chosen for it
        self.neighbour = False  # the alias chosen last was named in an earlier part of the sentence
        self.assigned: dict[int, tuple] = {}  # id(mention) → alias occurrence imposed by an earlier 分别

    # ---------- locations
    def raw(self, start: int, end: int) -> tuple[int, int]:
        return self.doc.clean.raw_span(start, end)

    def once_in_clause(self, span: tuple[int, int], clause_id: str) -> tuple[int, int]:
        """The span widened to the left until its words occur once in the clause (validation requires it)."""
        lo, hi = self.doc.clause_window(clause_id) or (0, len(self.doc.raw))
        start, end = span
        while start > lo and self.doc.raw.count(self.doc.raw[start:end], lo, hi) > 1:
            start -= 1
        return start, end

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
        for group in _lists(para, mentions):
            self.group_rows(para, ps, clause, group, marks, mentions)

    # ---------- one value list (a single value, a range, or A、B after 分别)
    def group_rows(self, para, ps, clause, group, marks, mentions) -> None:
        first, last = group[0], group[-1]
        if last.after_comparator:
            for m in group:
                if not m.after_comparator and not m.range_part:
                    m.comparator = last.comparator
        context = _context(marks, first.start)
        base = _base_mark(para, marks, first.start)
        situation = bool(SITUATION_TITLE.search(clause.section_title)) or bool(
            SITUATION_TITLE.search(clause.clause_title))
        if context and context.role == "target":
            kind, target_year, base_year = "target", context, base
        elif context and context.role == "baseline":
            kind, target_year, base_year = "baseline", None, base or context
        else:
            kind, target_year, base_year = ("baseline" if situation else "target"), None, base
        commitment = _commitment(para, first.start)
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
                indicator_as_written=as_written, value=_number_text(m), unit_as_written=unit,
                comparator=m.comparator, target_year=ty if kind == "target" else "", base_year=by, scope=scope,
                commitment=commitment, quote=quote, note="; ".join(notes), status="suggested",
                confidence=confidence, _raw_quote=raw_q))

    def quote_bounds(self, para, first, last, context, mentions) -> tuple[int, int]:
        start = first.start
        while start > 0 and para[start - 1] not in SEGMENT_END:
            start -= 1
        part_start = max(para.rfind(ch, 0, first.start) for ch in PART_END) + 1
        if (context and part_start <= context.start < start and first.start - context.start <= MAX_QUOTE_LEAD
                and not any(context.end <= m.start < start for m in mentions)):
            start = context.start  # 到2025年，…，<item>: the year heads this part of the sentence
        start = max(start, first.start - MAX_QUOTE_LEAD)
        while start < first.start and _inside_number(para, start):
            start += 1
        while start < first.start and para[start] in " ，,、；;：:":
            start += 1
        end = last.end
        while end < len(para) and para[end] in "”’」』" and para.count(OPENING[para[end]], start, end) > para.count(
                para[end], start, end):
            end += 1  # close the quotation mark the quote opened: “零填埋”
        if self.indicators.counted(last.unit):  # 建成 2 个示范园区: the counted noun follows
            stop = end
            while stop < len(para) and para[stop] not in SEGMENT_END + "（(" and stop - end < MAX_COUNTED_NOUN:
                stop += 1
            if stop < len(para) and para[stop] in SEGMENT_END + "（(" or stop == len(para):
                end = stop
        return start, end

    def unit_as_written(self, ps: int, m) -> tuple[str, str]:
        """The unit as the raw text writes it (line breaks removed); a note when the codebook lacks it."""
        if not m.unit:
            return "", ""
        if m.unit_span is None:
            written = m.unit
        else:
            a, b = self.raw(ps + m.unit_span[0], ps + m.unit_span[1])
            written = re.sub(r"\s*\n\s*", "", self.doc.raw[a:b])
        written = grammar.CONVENTION_UNITS.get(written, written)
        for candidate in (written, m.unit, m.unit.replace(" ", "")):
            if self.units.known(candidate):
                return candidate, ""
        return written, "unit not in codebook"

    # ---------- indicators
    def indicator_choices(self, para, group, mentions) -> list[tuple]:
        """(mention, (indicator_id, indicator_as_written, confidence, note, scope)) for each row of the group.

        The phrase is the codebook alias written closest before the value (in the words since the
        previous value, else in the sentence) whose indicator takes the value's unit; for a count
        (建成2个示范园区) or a class (百亿级产业集群) the alias right after the unit; a value restated in
        brackets takes the phrase of the value before it. After 分别 each value takes its own enumerated
        phrase (or its own indicator of an alias naming several); one value after 均 gives a row per
        enumerated phrase.
        """
        first = group[0]
        unit = self.row_unit(first)
        before = [m for m in mentions if m.end <= first.start]
        sentence_start = max(para.rfind(ch, 0, first.start) for ch in SENTENCE_END) + 1
        own_start = max([sentence_start] + [m.end for m in before])
        context = para[max(sentence_start, first.start - 30):first.start]
        if id(first) in self.assigned:
            occurrence = self.assigned[id(first)]
            return [(m, self.exact(para, occurrence, self.row_unit(m), CONFIDENCE_SPREAD, context=context))
                    for m in group]
        found = self.indicators.occurrences(para, own_start, first.start)
        lead = para[found[-1][1]:first.start] if found else ""
        values = [m for m in group if not m.range_part] or group
        if found and ("分别" in lead or "均" in lead or "都" in lead):
            chain = _chain(para, found)
            ids = self.indicators.compatible(chain[-1][2], unit)
            single = len({m.value_span for m in group}) == 1
            if len(chain) > 1 and len(chain) == len(values):
                return [(m, self.exact(para, a, self.row_unit(m), CONFIDENCE_SPREAD)) for m, a in zip(values, chain)]
            if len(chain) > 1 and single and "分别" in lead:
                self.distribute(para, first, chain, mentions)
                return [(first, self.exact(para, chain[0], unit, CONFIDENCE_SPREAD, context=context))]
            if len(chain) > 1 and single:
                return [(first, self.exact(para, a, unit, CONFIDENCE_SPREAD)) for a in chain]
            if len(ids) > 1 and (len(ids) == len(values) or (single and "分别" not in lead)):
                targets = values if len(ids) == len(values) else [first] * len(ids)
                return [(m, self.exact(para, chain[-1], unit, CONFIDENCE_SPREAD, i)) for m, i in zip(targets, ids)]
        self.neighbour = False
        occurrence = self.choose_alias(para, first, unit, own_start, sentence_start, mentions)
        if occurrence is None:
            choice = self.fuzzy(para, own_start, first.start, unit)
        elif self.neighbour:
            ind_id, alias, _, note, scope = self.exact(para, occurrence, unit, None, context=context)
            choice = (ind_id, alias, CONFIDENCE_NEIGHBOUR, "; ".join(
                n for n in (note, f"alias {alias} named earlier in the sentence; check that the value is about it")
                if n), scope)
        else:
            choice = self.exact(para, occurrence, unit, None, context=context)
            self.chosen[id(first)] = occurrence
        return [(m, choice) for m in group]

    def row_unit(self, m) -> str:
        return grammar.CONVENTION_UNITS.get(m.unit, m.unit)

    def choose_alias(self, para, first, unit, own_start, sentence_start, mentions):
        ind = self.indicators
        ok = lambda occ: bool(ind.compatible(occ[2], unit))  # noqa: E731
        closest = lambda occs: max(occs, key=lambda o: (o[1], o[1] - o[0])) if occs else None  # noqa: E731
        covering = [o for o in ind.all_occurrences(para, own_start, min(len(para), first.end + 8))
                    if o[0] < first.value_span[0] < o[1] and ok(o)]
        if covering:
            return max(covering, key=lambda o: o[1] - o[0])
        previous = self.restated(para, first, mentions)
        if previous is not None:
            same = [o for o in ind.all_occurrences(para, previous[0], previous[1]) if ok(o)]
            if same:
                return max(same, key=lambda o: o[1] - o[0])
        segment_start = max([own_start] + [para.rfind(ch, 0, first.start) + 1 for ch in SEGMENT_END])
        own = closest([o for o in ind.all_occurrences(para, segment_start, first.start) if ok(o)])
        if own:
            return own
        if ind.counted(unit):
            end = first.end
            while end < len(para) and para[end] not in SEGMENT_END + "（(":
                end += 1
            after = [o for o in ind.all_occurrences(para, first.end, end) if ok(o)]
            if after:
                return min(after, key=lambda o: (o[0], -(o[1] - o[0])))
        own_phrase = PHRASE_HEAD.sub("", PHRASE_TAIL.sub("", para[segment_start:first.start].strip(" "))).strip(" ")
        if len(own_phrase) > MAX_BARE_SUBJECT and ind.fuzzy(own_phrase, unit)[1] >= FUZZY_MIN_RATIO:
            return None  # the part names its own subject: a fuzzy guess from it, not a neighbour's alias
        self.neighbour = len(own_phrase) > MAX_BARE_SUBJECT
        return closest([o for o in ind.all_occurrences(para, sentence_start, first.start) if ok(o)]) or closest(
            ind.all_occurrences(para, own_start, first.start))

    def restated(self, para, m, mentions):
        """The alias span of the value this one restates in brackets: 占比约77%（720.9万吨）."""
        if not re.search(r"[（(]\s*$", para[:m.start]):
            return None
        previous = [p for p in mentions if p.end <= m.start and id(p) in self.chosen]
        if not previous or not re.fullmatch(r"\s*[（(]\s*", para[previous[-1].end:m.start]):
            return None
        occ = self.chosen[id(previous[-1])]
        return occ[0], occ[1]

    def distribute(self, para, first, chain, mentions) -> None:
        """A分别…x（…）和y（…）: the k-th value after 分别 takes the k-th phrase, a bracketed restatement the same."""
        sentence_end = min([k for k in (para.find(ch, first.start) for ch in SENTENCE_END) if k != -1] or [len(para)])
        k = 0
        for m in mentions:
            if m.start < first.start or m.start >= sentence_end:
                continue
            bracketed = bool(re.search(r"[（(]\s*$", para[:m.start]))
            if not bracketed:
                k += 1
            if k > len(chain):
                break
            if m is not first:
                self.assigned[id(m)] = chain[k - 1]

    def exact(self, para, occurrence, unit, confidence, ind_id=None, context=""):
        s, e, alias = occurrence
        ids = self.indicators.compatible(alias, unit)
        note = ""
        if not ids:
            ids = self.indicators.ids_of[alias]
            note = f"alias {alias} found, but its indicator's unit does not fit {unit}"
        chosen = ind_id or (self.indicators.best_by_context(ids, context or para[max(0, s - 30):e])
                            if len(ids) > 1 else ids[0])
        if confidence is None:
            confidence = CONFIDENCE_EXACT if len(ids) == 1 and not note else CONFIDENCE_CHOSEN
            if len(ids) > 1:
                note = f"alias {alias} names {len(ids)} indicators ({', '.join(ids)}); chosen by the wording"
        scope = SCOPE_BEFORE.search(para[max(0, s - 6):s])
        return chosen, alias, confidence, note, scope.group(1) if scope else ""

    def fuzzy(self, para, start, end, unit):
        cut = start
        for ch in PHRASE_END:
            cut = max(cut, para.rfind(ch, start, end) + 1)
        phrase = PHRASE_HEAD.sub("", PHRASE_TAIL.sub("", para[cut:end].strip(" "))).strip(" ")
        phrase = re.sub(r"^到?[0-9]{4}年(?:底|末)?", "", phrase)
        ind_id, ratio = self.indicators.fuzzy(phrase, unit)
        if not phrase or ratio < FUZZY_MIN_RATIO:
            return "", phrase, 0.0, "no indicator alias found in the sentence; add one to the codebook", ""
        return (ind_id, phrase, round(0.6 * ratio, 2),
                f"no exact alias: closest indicator by wording (similarity {ratio:.2f}); "
                "check it and add the phrase as an alias", "")

    # ---------- outputs
    def quantity_frame(self) -> pd.DataFrame:
        columns = CITY_SCHEMA["quantities"] + ["confidence"]
        for k, r in enumerate(self.rows, 1):
            r["quantity_id"] = f"{self.doc.doc_id}_q{k:03d}"
        return pd.DataFrame([{c: r[c] for c in columns} for r in self.rows], columns=columns)

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
        rows = []
        for s, e, _ in digit_tokens(self.doc.raw):
            if s in covered:
                continue
            number = self.doc.raw[s:e]
            info = self.token_info.get(s)
            if info is None:
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
        if role == "other":
            return "other", note
        if role == "quantity":
            return "other", "a number the extractor could not read as a quantity; check"
        return role, note

    def segment_quote(self, cs: int, ce: int) -> str:
        text = self.text
        line_start = text.rfind("\n", 0, cs) + 1
        line_end = text.find("\n", ce)
        line_end = len(text) if line_end == -1 else line_end
        start = cs
        while start > line_start and text[start - 1] not in SEGMENT_END and cs - start < 20:
            start -= 1
        end = ce
        while end < line_end and (text[end] not in SEGMENT_END or end - start < 10) and end - ce < 20:
            end += 1
        while start < cs and (text[start] in " ，,、；;：:" or _inside_number(text, start)):
            start += 1
        while end > ce and _inside_number(text, end):
            end -= 1
        a, b = self.raw(start, end)
        return self.doc.raw[a:b]

    def raw_line_quote(self, s: int, e: int) -> str:
        raw = self.doc.raw
        a = max(raw.rfind("\n", 0, s) + 1, s - 15)
        b = raw.find("\n", e)
        b = min(len(raw) if b == -1 else b, e + 15)
        return raw[a:b].strip() or raw[s:e]


def _inside_number(text: str, pos: int) -> bool:
    """True when a cut at ``pos`` would split a digit sequence such as 2.77."""
    return 0 < pos < len(text) and (text[pos].isdigit() or text[pos] == ".") and (
        text[pos - 1].isdigit() or text[pos - 1] == ".")


def _plan_year(text: str, doc_id: str) -> int | None:
    """The plan's own year: its issue date, else its latest document number, else the doc_id's year."""
    dates = [int(m.group(1)) for m in grammar.DATE.finditer(text) if m.group(3)]
    if dates:
        return max(dates)
    numbers = [int(m.group(1)) for m in grammar.DOC_NUMBER.finditer(text)]
    if numbers:
        return max(numbers)
    m = re.search(r"(19|20)[0-9]{2}$", doc_id)
    return int(m.group()) if m else None


def _context(marks, pos: int):
    """The latest target or baseline year stated before ``pos`` in the paragraph."""
    found = None
    for mark in marks:
        if mark.role in ("target", "baseline") and mark.token.end <= pos:
            found = mark
    return found


def _base_mark(para: str, marks, pos: int):
    """The 比/较 20XX年 of this comma segment: 比2020年下降13.5%，非化石能源比重达到18% gives 18% no base."""
    part_start = max(para.rfind(ch, 0, pos) for ch in SEGMENT_END) + 1
    found = None
    for mark in marks:
        if mark.role == "base" and part_start <= mark.start and mark.token.end <= pos:
            found = mark
    return found


def _commitment(para: str, pos: int) -> str:
    part_start = max(para.rfind(ch, 0, pos) for ch in PART_END) + 1
    best, best_pos = "none", -1
    for word in grammar.COMMITMENTS:
        k = para.rfind(word, part_start, pos)
        if k > best_pos:
            best, best_pos = word, k
    return best


def _lists(para: str, mentions) -> list[list]:
    """Mentions grouped: a range's two bounds, and values listed with 、/和 (A、B以上)."""
    groups: list[list] = []
    for m in mentions:
        if groups:
            prev = groups[-1][-1]
            if m.range_part == "upper" and prev.range_part == "lower":
                groups[-1].append(m)
                continue
            between = para[prev.end:m.start]
            if (not m.chinese and not prev.chinese and between and grammar.LIST_SEPARATOR.fullmatch(between)
                    and between.strip() != "，"):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def _chain(para: str, found) -> list[tuple[int, int, str]]:
    """The aliases enumerated right before the values (A、B分别…): the last run joined by 、/和/及."""
    chain = [found[-1]]
    for occ in reversed(found[:-1]):
        between = para[occ[1]:chain[0][0]]
        if re.fullmatch(r"\s*(?:、|和|及|与|，)\s*", between):
            chain.insert(0, occ)
        else:
            break
    return chain


def _number_text(m) -> str:
    if m.chinese:
        return f"{m.value:g}"
    return m.value_text
