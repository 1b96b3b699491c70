"""Quality benchmark of the automatic suggestions against the curated workbooks (a script, not a test).

Usage: ``python benchmarks/extraction.py`` (or ``make bench-extract``). Each section is one function
that prints its report and returns True when its targets are met; ``main`` runs every section.

- quantities: the extractor (comparison.newplan.extract) over the curated plans; a suggested row matches a
  curated row of the same plan when both state the same value at an overlapping raw position (the
  value's digits, or its Chinese numeral, inside each row's quote). Precision and recall of values
  per plan and overall (targets: recall ≥ 0.95, precision ≥ 0.90), the accuracy of unit, comparator,
  target_year, base_year, kind and indicator_id among matched rows, every miss and every false
  positive with its quote; and, over every digit sequence of the texts, precision and recall of the
  decision "states a quantity" vs "ignored", with the agreement of ignore reasons.
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
from comparison.text.documents import ParsedDocument, parse_corpus  # noqa: E402
from comparison.newplan.extract import extract  # noqa: E402
from comparison.text.numbers import CHINESE_NUMERAL_RUN, DOUBLING, chinese_numeral_value, digit_tokens  # noqa: E402
from comparison.paths import project_paths  # noqa: E402
from comparison.curation.taxonomy import load_taxonomy  # noqa: E402
from comparison.curation.units import UnitConverter, same_number  # noqa: E402
from comparison.curation.row_checks import quote_positions  # noqa: E402
from comparison.curation.validation import CITY_SCHEMA  # noqa: E402
from comparison.curation.workbooks import read_workbook  # noqa: E402

TARGET_RECALL, TARGET_PRECISION = 0.95, 0.90
COMPARED_FIELDS = ("unit_as_written", "comparator", "target_year", "base_year", "kind", "indicator_id")


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


def value_spans(doc: ParsedDocument, row) -> set[tuple[int, int]]:
    """Raw spans where the row's value is written inside (every occurrence of) its quote in its clause."""
    window = doc.clause_window(row.clause_id)
    if window is None:
        return set()
    value = float(row.value)
    spans = set()
    for pos in quote_positions(doc, window, row.quote):
        for s, e, v in digit_tokens(row.quote):
            if same_number(v, value):
                spans.add((pos + s, pos + e))
        for m in CHINESE_NUMERAL_RUN.finditer(row.quote):
            if same_number(chinese_numeral_value(m.group()), value):
                spans.add((pos + m.start(), pos + m.end()))
        for phrase, v in DOUBLING.items():
            for m in re.finditer(phrase, row.quote):
                if same_number(v, value):
                    spans.add((pos + m.start(), pos + m.end()))
    return spans


def match_rows(doc, curated: pd.DataFrame, suggested: pd.DataFrame) -> list[tuple[int, int]]:
    """Pairs (curated index, suggested index), one to one, same value at an overlapping position."""
    cur = {i: value_spans(doc, r) for i, r in curated.iterrows()}
    sug = {j: value_spans(doc, r) for j, r in suggested.iterrows()}
    pairs, used = [], set()
    for i, r in curated.iterrows():
        candidates = [j for j, s in suggested.iterrows() if j not in used
                      and same_number(float(r.value), float(s.value))
                      and any(a < d and c < b for a, b in cur[i] for c, d in sug[j])]
        if candidates:
            best = next((j for j in candidates if suggested.at[j, "indicator_id"] == r.indicator_id), candidates[0])
            used.add(best)
            pairs.append((i, best))
    return pairs


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


def quantities_section(paths) -> bool:
    manifest = read_manifest(paths)
    docs = parse_corpus(paths, manifest)
    taxonomy = load_taxonomy(paths)
    units = UnitConverter(taxonomy)
    curated = curated_sheets(paths, manifest)
    totals = dict(cur=0, sug=0, matched=0, **{f: 0 for f in COMPARED_FIELDS})
    dec = dict(tp=0, sug=0, cur=0, ign_tp=0, ign_sug=0, ign_cur=0, reason_same=0, reason_both=0)
    misses, false_positives, field_errors = [], [], []
    print("== quantities: values found by the extractor vs curated rows ==")
    print(f"{'doc_id':15} {'curated':>7} {'suggested':>9} {'matched':>7} {'recall':>6} {'precision':>9}")
    for doc_id, doc in docs.items():
        cur = curated["quantities"][curated["quantities"].doc_id == doc_id].reset_index(drop=True)
        result = extract(doc, taxonomy, units)
        sug = result.quantities.reset_index(drop=True)
        pairs = match_rows(doc, cur, sug)
        matched_cur, matched_sug = {i for i, _ in pairs}, {j for _, j in pairs}
        print(f"{doc_id:15} {len(cur):7d} {len(sug):9d} {len(pairs):7d} {ratio(len(pairs), len(cur)):6.3f} "
              f"{ratio(len(pairs), len(sug)):9.3f}")
        totals["cur"] += len(cur)
        totals["sug"] += len(sug)
        totals["matched"] += len(pairs)
        for i, j in pairs:
            for f in COMPARED_FIELDS:
                if str(cur.at[i, f]) == str(sug.at[j, f]):
                    totals[f] += 1
                else:
                    field_errors.append((doc_id, f, cur.at[i, f], sug.at[j, f], sug.at[j, "quote"]))
        misses += [(doc_id, r.value, r.unit_as_written, r.quote) for i, r in cur.iterrows() if i not in matched_cur]
        false_positives += [(doc_id, r.value, r.unit_as_written, r.quote) for j, r in sug.iterrows()
                            if j not in matched_sug]
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
    recall, precision = ratio(totals["matched"], totals["cur"]), ratio(totals["matched"], totals["sug"])
    print(f"{'overall':15} {totals['cur']:7d} {totals['sug']:9d} {totals['matched']:7d} {recall:6.3f} "
          f"{precision:9.3f}")
    print("\naccuracy among matched rows:")
    for f in COMPARED_FIELDS:
        print(f"  {f:16} {ratio(totals[f], totals['matched']):.3f}")
    print("\ndigit sequences, 'states a quantity' vs 'ignored':")
    print(f"  quantity: precision {ratio(dec['tp'], dec['sug']):.3f}  recall {ratio(dec['tp'], dec['cur']):.3f}")
    print(f"  ignored:  precision {ratio(dec['ign_tp'], dec['ign_sug']):.3f}  "
          f"recall {ratio(dec['ign_tp'], dec['ign_cur']):.3f}")
    print(f"  same ignore reason where both ignored: {ratio(dec['reason_same'], dec['reason_both']):.3f} "
          f"({dec['reason_same']}/{dec['reason_both']})")
    print(f"\nmisses (curated rows not found): {len(misses)}")
    for doc_id, value, unit, quote in misses:
        print(f"  {doc_id}: {value} {unit}  {quote!r}")
    print(f"\nfalse positives (suggested rows with no curated row): {len(false_positives)}")
    for doc_id, value, unit, quote in false_positives:
        print(f"  {doc_id}: {value} {unit}  {quote!r}")
    if "-v" in sys.argv:
        print("\nfield differences among matched rows (curated → suggested):")
        for doc_id, f, c, s, quote in field_errors:
            print(f"  {doc_id} {f}: {c!r} → {s!r}  {quote!r}")
    ok = recall >= TARGET_RECALL and precision >= TARGET_PRECISION
    print(f"\nquantities: {'PASS' if ok else 'FAIL'} (recall {recall:.3f} ≥ {TARGET_RECALL}, "
          f"precision {precision:.3f} ≥ {TARGET_PRECISION})")
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
