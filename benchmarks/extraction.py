"""Quality benchmark of the automatic suggestions against the curated workbooks (a script, not a test).

Usage: ``python benchmarks/extraction.py`` (or ``make bench-extract``). Each section is one function
that prints its report and returns True when its targets are met; ``main`` runs every section.

- quantities: the extractor (comparison.newplan.extract) over the curated plans; a suggested row matches a
  curated row of the same plan when both state the same value at an overlapping raw position (the
  value as written, its digits or its Chinese numeral inside each row's quote). Precision and recall of
  values per plan and overall, the accuracy of unit, comparator, target_year, base_year, kind,
  commitment and indicator_id among matched rows; and, over every digit sequence of the texts, precision
  and recall of the decision "states a quantity" vs "ignored", with the agreement of ignore reasons.
  Then per form: the curated plans as one form and each test plan of tests/fixtures/forms (fictitious
  cities, one per form a plan arrives in, every quantity labelled by hand in the .csv beside it; the
  ``heldout_`` ones were written after the rules), scored the same way against their labels (an
  anchor, a substring written once in the text, places each labelled value): recall, precision, the
  accuracy of comparator, years, commitment, kind and unit, and indicator ids by the confidence band of
  the suggestion (right / wrong; an id where the label says no indicator of the codebook fits is
  wrong). Targets on every form: recall ≥ 0.95, precision ≥ 0.90, no wrong id at confidence ≥ 0.8.
  Every miss and false positive is listed with its quote (``-v``: every field that differs).
- measures: the auto-coder (comparison.newplan.coding.MeasureCoder) scored leave-one-plan-out, so it never
  codes a plan it was trained on: Cohen's kappa with the curated sector, instrument and synergy per
  plan and pooled, beside the human second coder's kappa from the codebook's reliability sheet; and the
  section-pillar suggestions, also leave-one-plan-out. The issue sets no target here: the numbers say
  how much review the suggestions need.
- clause length: the extraction time of one clause of 25 to 200 KB (target sentences repeating, the text
  of a list pasted into one paragraph) and its growth: linear, 100 KB in ≤ 10 s.
"""
from __future__ import annotations

import math
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from sklearn.metrics import cohen_kappa_score  # noqa: E402

from comparison.newplan.coding import MEASURE_DIMENSIONS, MeasureCoder, suggest_pillars  # noqa: E402
from comparison.text.corpus import read_manifest  # noqa: E402
from comparison.text.plantext import read_plan_text  # noqa: E402
from comparison.text.documents import ParsedDocument, parse_corpus  # noqa: E402
from comparison.newplan.extract import extract  # noqa: E402
from comparison.text.numbers import CHINESE_NUMERAL_RUN, DOUBLING, chinese_numeral_value, digit_tokens  # noqa: E402
from comparison.paths import project_paths  # noqa: E402
from comparison.curation.taxonomy import load_taxonomy  # noqa: E402
from comparison.curation.units import UnitConverter, same_number  # noqa: E402
from comparison.curation.row_checks import quote_positions  # noqa: E402
from comparison.curation.validation import CITY_SCHEMA  # noqa: E402
from comparison.curation.workbooks import read_workbook  # noqa: E402

TARGET_RECALL, TARGET_PRECISION, CONFIDENT = 0.95, 0.90, 0.8
COMPARED_FIELDS = ("unit_as_written", "comparator", "target_year", "base_year", "kind", "commitment", "indicator_id")
BANDS = ((CONFIDENT, "≥ 0.8"), (0.5, "0.5–0.8"), (0.0, "< 0.5"))
FORMS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "forms"
CURATED_FORM = "curated plans (一、/（一）, 5)"


def curated_sheets(paths, manifest) -> dict[str, pd.DataFrame]:
    frames: dict[str, list[pd.DataFrame]] = {"quantities": [], "ignored_numbers": [], "measures": [],
                                             "sections": []}
    for city in sorted(set(manifest.city_id)):
        path = paths.cities / f"{city}.xlsx"
        if path.exists():
            sheets = read_workbook(path, CITY_SCHEMA, f"data/raw/cities/{path.name}")
            for name in frames:
                frames[name].append(sheets[name])
    return {name: pd.concat(f, ignore_index=True) for name, f in frames.items()}


def spans_in(text: str, offset: int, value: float, written: str = "") -> set[tuple[int, int]]:
    """Spans (shifted by ``offset``) where ``text`` writes ``value``: as ``written`` (三分之一 for 1/3, 一半 for
    0.5), in digits, as a Chinese numeral or as 翻番."""
    spans = set()
    if written:
        for m in re.finditer(r"\s*".join(map(re.escape, written)), text):
            spans.add((offset + m.start(), offset + m.end()))
    for s, e, v in digit_tokens(text):
        if same_number(v, value):
            spans.add((offset + s, offset + e))
    for m in CHINESE_NUMERAL_RUN.finditer(text):
        if same_number(chinese_numeral_value(m.group()), value):
            spans.add((offset + m.start(), offset + m.end()))
    for phrase, v in DOUBLING.items():
        for m in re.finditer(phrase, text):
            if same_number(v, value):
                spans.add((offset + m.start(), offset + m.end()))
    return spans


def value_spans(doc: ParsedDocument, row) -> set[tuple[int, int]]:
    """Raw spans where the row's value (or its value_as_written) is written inside (every occurrence of) its
    quote in its clause."""
    window = doc.clause_window(row.clause_id)
    if window is None:
        return set()
    written = str(getattr(row, "value_as_written", "") or "")
    return {span for pos in quote_positions(doc, window, row.quote)
            for span in spans_in(row.quote, pos, float(row.value), written)}


def anchor_spans(doc: ParsedDocument, row) -> set[tuple[int, int]]:
    """Raw spans of a hand label's value inside its anchor, which must occur once in the text."""
    if doc.raw.count(row.anchor) != 1:
        raise ValueError(f"{doc.doc_id}: anchor {row.anchor!r} occurs {doc.raw.count(row.anchor)} times in the text")
    spans = spans_in(row.anchor, doc.raw.index(row.anchor), float(row.value))
    if not spans:
        raise ValueError(f"{doc.doc_id}: anchor {row.anchor!r} does not write the value {row.value}")
    return spans


def match_rows(labels: pd.DataFrame, suggested: pd.DataFrame, label_spans: dict, sug_spans: dict):
    """Pairs (label index, suggested index), one to one, same value at an overlapping position."""
    pairs, used = [], set()
    for i, r in labels.iterrows():
        candidates = [j for j, s in suggested.iterrows() if j not in used
                      and same_number(float(r.value), float(s.value))
                      and any(a < d and c < b for a, b in label_spans[i] for c, d in sug_spans[j])]
        if candidates:
            best = next((j for j in candidates if suggested.at[j, "indicator_id"] == r.indicator_id), candidates[0])
            used.add(best)
            pairs.append((i, best))
    return pairs


def same(field: str, a, b) -> bool:
    return str(a) == str(b)


class Score:
    """Counts of one plan or form: values found, fields right among matches, indicator ids by confidence band."""

    def __init__(self):
        self.labelled = self.suggested = self.matched = self.no_id = 0
        self.fields = {f: 0 for f in COMPARED_FIELDS} | {"years": 0}
        self.bands = {name: [0, 0] for _, name in BANDS}  # right, wrong
        self.misses, self.false_positives, self.field_errors = [], [], []

    def add(self, name: str, labels, suggested, pairs) -> None:
        self.labelled += len(labels)
        self.suggested += len(suggested)
        self.matched += len(pairs)
        for i, j in pairs:
            for f in COMPARED_FIELDS:
                if same(f, labels.at[i, f], suggested.at[j, f]):
                    self.fields[f] += 1
                else:
                    self.field_errors.append((name, f, labels.at[i, f], suggested.at[j, f], suggested.at[j, "quote"]))
            self.fields["years"] += all(same(f, labels.at[i, f], suggested.at[j, f])
                                        for f in ("target_year", "base_year"))
            # An empty label means no indicator of the codebook fits: any id suggested for it is wrong.
            given, wanted = suggested.at[j, "indicator_id"], labels.at[i, "indicator_id"]
            if not given:
                self.no_id += bool(wanted)
            else:
                band = next(b for low, b in BANDS if float(suggested.at[j, "confidence"]) >= low)
                self.bands[band][given != wanted] += 1
        matched_l, matched_s = {i for i, _ in pairs}, {j for _, j in pairs}
        self.misses += [(name, r.value, r.unit_as_written, r.get("quote", r.get("anchor")))
                        for i, r in labels.iterrows() if i not in matched_l]
        self.false_positives += [(name, r.value, r.unit_as_written, r.quote) for j, r in suggested.iterrows()
                                 if j not in matched_s]

    def __iadd__(self, other: "Score") -> "Score":
        for attr in ("labelled", "suggested", "matched", "no_id"):
            setattr(self, attr, getattr(self, attr) + getattr(other, attr))
        for f in self.fields:
            self.fields[f] += other.fields[f]
        for b in self.bands:
            self.bands[b] = [x + y for x, y in zip(self.bands[b], other.bands[b])]
        self.misses += other.misses
        self.false_positives += other.false_positives
        self.field_errors += other.field_errors
        return self

    @property
    def recall(self) -> float:
        return ratio(self.matched, self.labelled)

    @property
    def precision(self) -> float:
        return ratio(self.matched, self.suggested)

    def passes(self) -> bool:
        return (self.recall >= TARGET_RECALL and self.precision >= TARGET_PRECISION
                and self.bands[BANDS[0][1]][1] == 0)

    def accuracy(self, field: str) -> float:
        return ratio(self.fields[field], self.matched)


def quantity_decisions(doc, rows: pd.DataFrame) -> set[int]:
    """Raw starts of the digit sequences that rows state as a value."""
    return {s for _, r in rows.iterrows() for s, _ in value_spans(doc, r)}


def ignored_reasons(doc, rows: pd.DataFrame) -> dict[int, str]:
    out = {}
    for _, r in rows.iterrows():
        window = doc.clause_window(r.clause_id)
        if window is None:
            continue
        number = float(unicodedata.normalize("NFKC", r.number))
        for pos in quote_positions(doc, window, r.quote):
            for s, _, v in digit_tokens(r.quote):
                if same_number(v, number):
                    out[pos + s] = r.reason
    return out


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def curated_scores(paths, taxonomy, units) -> tuple[dict[str, Score], dict]:
    """Per curated plan: the extractor against the curated rows; and the digit-decision counts."""
    manifest = read_manifest(paths)
    docs = parse_corpus(paths, manifest)
    curated = curated_sheets(paths, manifest)
    scores = {}
    dec = dict(tp=0, sug=0, cur=0, ign_tp=0, ign_sug=0, ign_cur=0, reason_same=0, reason_both=0)
    for doc_id, doc in docs.items():
        cur = curated["quantities"][curated["quantities"].doc_id == doc_id].reset_index(drop=True)
        result = extract(doc, taxonomy, units)
        sug = result.quantities.reset_index(drop=True)
        pairs = match_rows(cur, sug, {i: value_spans(doc, r) for i, r in cur.iterrows()},
                           {j: value_spans(doc, r) for j, r in sug.iterrows()})
        scores[doc_id] = Score()
        scores[doc_id].add(doc_id, cur, sug, pairs)
        cur_q, sug_q = quantity_decisions(doc, cur), quantity_decisions(doc, sug)
        cur_i = ignored_reasons(doc, curated["ignored_numbers"][curated["ignored_numbers"].doc_id == doc_id])
        sug_i = ignored_reasons(doc, result.ignored)
        starts = {s for s, _, _ in digit_tokens(doc.raw)}
        dec["tp"] += len(cur_q & sug_q & starts)
        dec["sug"] += len(sug_q & starts)
        dec["cur"] += len(cur_q & starts)
        cur_ign, sug_ign = starts - cur_q, starts - sug_q
        dec["ign_tp"] += len(cur_ign & sug_ign)
        dec["ign_sug"] += len(sug_ign)
        dec["ign_cur"] += len(cur_ign)
        both = set(cur_i) & set(sug_i)
        dec["reason_both"] += len(both)
        dec["reason_same"] += sum(cur_i[s] == sug_i[s] for s in both)
    return scores, dec


def form_scores(taxonomy, units) -> dict[str, Score]:
    """Per test plan of tests/fixtures/forms: the extractor against the hand labels of its sidecar file."""
    forms = pd.read_csv(FORMS / "forms.csv", dtype=str, keep_default_na=False)
    scores = {}
    for f in forms.itertuples():
        doc = read_plan_text(FORMS / f.file, f.doc_id, f.doc_id.rsplit("_", 1)[0]).doc
        labels = pd.read_csv(FORMS / f.file.replace(".txt", ".csv"), dtype=str, keep_default_na=False)
        sug = extract(doc, taxonomy, units).quantities.reset_index(drop=True)
        pairs = match_rows(labels, sug, {i: anchor_spans(doc, r) for i, r in labels.iterrows()},
                           {j: value_spans(doc, r) for j, r in sug.iterrows()})
        scores[f.form] = Score()
        scores[f.form].add(f.form, labels, sug, pairs)
    return scores


def form_table(rows: dict[str, Score]) -> list[str]:
    """The per-form table (Markdown, as in the README)."""
    head = ("| form | labelled | suggested | recall | precision | comparator | years | commitment | kind | unit | "
            "ids ≥ 0.8 right / wrong | 0.5–0.8 | < 0.5 | no id | pass |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for name, sc in rows.items():
        bands = [f"{sc.bands[b][0]} / {sc.bands[b][1]}" for _, b in BANDS]
        lines.append(f"| {name} | {sc.labelled} | {sc.suggested} | {sc.recall:.3f} | {sc.precision:.3f} | "
                     f"{sc.accuracy('comparator'):.3f} | {sc.accuracy('years'):.3f} | {sc.accuracy('commitment'):.3f} | "
                     f"{sc.accuracy('kind'):.3f} | {sc.accuracy('unit_as_written'):.3f} | {' | '.join(bands)} | "
                     f"{sc.no_id} | {'yes' if sc.passes() else 'NO'} |")
    return lines


def quantities_section(paths) -> bool:
    taxonomy = load_taxonomy(paths)
    units = UnitConverter(taxonomy)
    plans, dec = curated_scores(paths, taxonomy, units)
    print("== quantities: values found by the extractor vs curated rows ==")
    print(f"{'doc_id':15} {'curated':>7} {'suggested':>9} {'matched':>7} {'recall':>6} {'precision':>9}")
    curated = Score()
    for doc_id, sc in plans.items():
        print(f"{doc_id:15} {sc.labelled:7d} {sc.suggested:9d} {sc.matched:7d} {sc.recall:6.3f} {sc.precision:9.3f}")
        curated += sc
    print(f"{'overall':15} {curated.labelled:7d} {curated.suggested:9d} {curated.matched:7d} {curated.recall:6.3f} "
          f"{curated.precision:9.3f}")
    print("\naccuracy among matched rows:")
    for f in COMPARED_FIELDS:
        print(f"  {f:16} {curated.accuracy(f):.3f}")
    print("\ndigit sequences, 'states a quantity' vs 'ignored':")
    print(f"  quantity: precision {ratio(dec['tp'], dec['sug']):.3f}  recall {ratio(dec['tp'], dec['cur']):.3f}")
    print(f"  ignored:  precision {ratio(dec['ign_tp'], dec['ign_sug']):.3f}  "
          f"recall {ratio(dec['ign_tp'], dec['ign_cur']):.3f}")
    print(f"  same ignore reason where both ignored: {ratio(dec['reason_same'], dec['reason_both']):.3f} "
          f"({dec['reason_same']}/{dec['reason_both']})")

    forms = form_scores(taxonomy, units)
    print("\n== quantities per form: curated plans and the test plans of tests/fixtures/forms (hand-labelled) ==")
    print("(years: target and base year both right; ids: matched rows with a suggested id by its confidence, "
          "right / wrong (an id where no indicator of the codebook fits is wrong); no id: the label names an "
          "indicator, the suggestion none)")
    table = {CURATED_FORM: curated, **forms}
    print("\n".join(form_table(table)))
    every = Score()
    for sc in table.values():
        every += sc
    for title, items in (("misses (labelled values not found)", every.misses),
                         ("false positives (suggested rows with no label)", every.false_positives)):
        print(f"\n{title}: {len(items)}")
        for name, value, unit, quote in items:
            print(f"  {name}: {value} {unit}  {quote!r}")
    if "-v" in sys.argv:
        print("\nfield differences among matched rows (label → suggested):")
        for name, f, c, s, quote in every.field_errors:
            print(f"  {name} {f}: {c!r} → {s!r}  {quote!r}")
    ok = all(sc.passes() for sc in table.values())
    print(f"\nquantities: {'PASS' if ok else 'FAIL'} (every form: recall ≥ {TARGET_RECALL}, precision ≥ "
          f"{TARGET_PRECISION}, no wrong indicator id at confidence ≥ {CONFIDENT})")
    return ok


def measures_section(paths) -> bool:
    manifest = read_manifest(paths)
    sheets = curated_sheets(paths, manifest)
    measures = sheets["measures"][sheets["measures"].status == "curated"]
    sections = sheets["sections"].merge(manifest[["doc_id", "plan_type"]], on="doc_id")
    taxonomy = load_taxonomy(paths)
    print("\n== measures: auto-coder vs curated codes, leave-one-plan-out (Cohen's kappa) ==")
    print(f"{'doc_id':15} {'n':>4} " + " ".join(f"{d:>13}" for d in MEASURE_DIMENSIONS) + f" {'pillars':>8}")
    pooled = {d: ([], []) for d in MEASURE_DIMENSIONS}
    pillars_right = pillars_all = 0
    for doc_id in manifest.doc_id:
        held = measures[measures.doc_id == doc_id]
        if held.empty:
            continue
        coder = MeasureCoder.train(measures[measures.doc_id != doc_id])
        codes = coder.suggest(list(held.text))
        kappas = []
        for d in MEASURE_DIMENSIONS:
            pooled[d][0].extend(held[d])
            pooled[d][1].extend(codes[d])
            kappas.append(cohen_kappa_score(held[d], codes[d]))
        own = sections[sections.doc_id == doc_id]
        guess = suggest_pillars(list(own.section_title), own.plan_type.iloc[0], sections[sections.doc_id != doc_id],
                                taxonomy)
        right = int((guess.pillar_id.to_numpy() == own.pillar_id.to_numpy()).sum())
        pillars_right, pillars_all = pillars_right + right, pillars_all + len(own)
        print(f"{doc_id:15} {len(held):4d} " + " ".join(f"{k:13.3f}" for k in kappas) + f" {right:>4}/{len(own):<3}")
    print(f"{'pooled':15} {len(measures):4d} " + " ".join(f"{cohen_kappa_score(*pooled[d]):13.3f}"
                                                       for d in MEASURE_DIMENSIONS)
          + f" {pillars_right:>4}/{pillars_all:<3}")
    human = taxonomy.table("reliability").set_index("dimension")
    print("human second coder (reliability sheet): " + ", ".join(
        f"{dim} {human.loc[dim, 'kappa']}" for dim in human.index))
    return True


def clause_length_section(paths) -> bool:
    """Extraction time against the length of one clause: linear (target: a 100 KB clause in ≤ 10 s)."""
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "newplan"))
    from test_extract_scale import plan_with_one_long_clause

    taxonomy = load_taxonomy(paths)
    units = UnitConverter(taxonomy)
    print("\n== extraction time against clause length (target sentences repeating, one paragraph) ==")
    print(f"{'clause KB':>9} {'seconds':>8} {'quantities':>10}")
    times = {}
    for kb in (25, 50, 100, 200):
        doc = plan_with_one_long_clause(kb * 1000)
        start = time.perf_counter()
        n = len(extract(doc, taxonomy, units).quantities)
        times[kb] = time.perf_counter() - start
        print(f"{kb:9d} {times[kb]:8.2f} {n:10d}")
    growth = math.log(times[200] / times[25]) / math.log(8)
    ok = times[100] <= 10
    print(f"growth 25 → 200 KB: t ∝ length^{growth:.2f}")
    print(f"clause length: {'PASS' if ok else 'FAIL'} (100 KB in {times[100]:.1f} s ≤ 10 s)")
    return ok


SECTIONS = [quantities_section, measures_section, clause_length_section]


def main() -> int:
    paths = project_paths(None)
    results = [section(paths) for section in SECTIONS]
    print(f"\nbenchmark: {'PASS' if all(results) else 'FAIL'}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
