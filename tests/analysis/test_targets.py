"""Targets side by side: distinct targets, shared indicators, coverage, headline targets, reconciliation."""
import pandas as pd
import pytest

from comparison.analysis.targets import (coverage, distinct_targets, format_value, headline_targets, pair_counts,
                                         reconcile, reconcile_pairs, same_city_pairs, shared_targets, split_groups,
                                         status_counts, target_text, unit_label)

PLANS = ["a_2021", "b_2022", "c_2022"]


SYMBOLS = {"eq": "=", "ge": "≥", "gt": ">", "le": "≤", "lt": "<", "approx": "≈"}  # as api.load adds them


def q(*rows):
    """Quantities rows: (doc_id, indicator_id, value_std, comparator code) plus optional overrides."""
    out = []
    for k, r in enumerate(rows):
        doc, ind, value, comp, *more = r
        row = dict(quantity_id=f"q{k:02d}", doc_id=doc, plan=doc.upper(), kind="target", indicator_id=ind,
                   indicator=ind.replace("_", " "), label_zh=f"指标{ind}", label_en=ind, sector_id="water", pillar_id="production", measure="level",
                   direction="higher", value_std=value, comparator=comp,
                   comparator_symbol=SYMBOLS[comp], unit_std="percent", target_year=2025.0,
                   base_year=float("nan"), commitment="none", scope=None, quote="…")
        row.update(more[0] if more else {})
        out.append(row)
    df = pd.DataFrame(out)
    df["doc_id"] = pd.Categorical(df.doc_id, categories=PLANS, ordered=True)
    return df


@pytest.mark.parametrize("value,symbol,unit,lang,expected", [
    (98.0, "≥", "percent", "en", "≥98%"),
    (100.0, "=", "percent", "zh", "100%"),
    (43.0, "≈", "percent", "en", "≈43%"),
    (1.0, "=", "count", "en", "1"),
    (20.0, "=", "count", "zh", "20个"),
    (2e4, "≤", "ha", "en", "≤20,000 ha"),
    (1e11, "≥", "CNY", "zh", "≥1,000亿元"),
    (3e10, ">", "CNY", "en", ">30 bn CNY"),
])
def test_target_text(value, symbol, unit, lang, expected):
    assert target_text(value, symbol, unit, lang) == expected


def test_format_value_trims_decimals():
    assert format_value(1333.3333333) == "1,333.33"
    assert format_value(58.5) == "58.5"
    assert format_value(16700.0) == "16,700"


def test_distinct_targets_merges_restated_numbers_and_keeps_ranges():
    df = q(("a_2021", "x", 100.0, "eq", {"scope": "city"}), ("a_2021", "x", 100.0, "eq", {"scope": "county"}),
           ("a_2021", "x", 100.0 * (1 + 1e-13), "eq", {}),  # same number after unit conversion
           ("b_2022", "y", 1.0, "ge"), ("b_2022", "y", 2.0, "le"),  # a range "1-2"
           ("b_2022", "x", 90.0, "eq", {"kind": "baseline"}))
    d = distinct_targets(df)
    assert len(d) == 3
    x = d[d.indicator_id == "x"].iloc[0]
    assert x.scope == "city; county"
    assert sorted(d[d.indicator_id == "y"].comparator) == ["ge", "le"]


def test_distinct_targets_refuses_mixed_units():
    df = q(("a_2021", "x", 1.0, "eq"), ("b_2022", "x", 1.0, "eq", {"unit_std": "count"}))
    with pytest.raises(ValueError, match="more than one standardized unit"):
        distinct_targets(df)


def test_shared_targets_needs_two_plans_unless_an_indicator_is_named():
    df = q(("a_2021", "x", 95.0, "eq"), ("b_2022", "x", 80.0, "ge"), ("c_2022", "x", 85.0, "eq"),
           ("a_2021", "y", 10.0, "eq"), ("c_2022", "y", 12.0, "eq"), ("a_2021", "z", 1.0, "eq"),
           ("b_2022", "z", 5.0, "eq", {"kind": "baseline"}))
    s = shared_targets(df)
    assert list(dict.fromkeys(s.indicator_id)) == ["x", "y"]  # most widely set first; z is set by one plan only
    assert list(s.n_plans) == [3, 3, 3, 2, 2]
    one = shared_targets(df, indicator="z")
    assert list(one.doc_id.astype(str)) == ["a_2021"] and list(one.n_plans) == [1]
    with pytest.raises(ValueError, match="no plan sets 'w'"):
        shared_targets(df, indicator="w")


def test_coverage_counts_target_rows_and_keeps_untargeted_indicators():
    indicators = pd.DataFrame({"indicator_id": ["w1", "w2", "e1", "e2"], "sector_id": ["water", "water", "energy", "energy"],
                               "label_en": ["W one", "W two", "E one", "E two"], "label_zh": ["水一", "水二", "能一", "能二"]})
    sectors = pd.DataFrame({"sector_id": ["energy", "water"], "label_en": ["Energy", "Water"], "label_zh": ["能源", "水"]})
    df = q(("a_2021", "w2", 1.0, "eq"), ("a_2021", "w2", 2.0, "eq"), ("c_2022", "w2", 3.0, "eq"),
           ("b_2022", "e2", 1.0, "eq"), ("a_2021", "w1", 5.0, "eq", {"kind": "baseline"}))
    c = coverage(df, indicators, sectors, PLANS, "zh")
    assert list(c.indicator_id) == ["e2", "e1", "w2", "w1"]  # sector order of the codebook, then most plans
    assert list(c.columns) == ["indicator_id", "sector_id", "sector", "indicator", *PLANS, "n_plans"]
    w2 = c.set_index("indicator_id").loc["w2"]
    assert (w2.a_2021, w2.b_2022, w2.c_2022, w2.n_plans) == (2, 0, 1, 2)
    assert w2.sector == "水" and w2.indicator == "水二"
    assert c.set_index("indicator_id").loc["w1"].n_plans == 0  # a baseline fact is not a target


def test_coverage_refuses_target_outside_codebook():
    indicators = pd.DataFrame({"indicator_id": ["w1"], "sector_id": ["water"], "label_en": ["W"], "label_zh": ["水"]})
    sectors = pd.DataFrame({"sector_id": ["water"], "label_en": ["Water"], "label_zh": ["水"]})
    with pytest.raises(ValueError, match="missing from the codebook"):
        coverage(q(("a_2021", "zz", 1.0, "eq")), indicators, sectors, PLANS, "en")


@pytest.mark.parametrize("groups,expected", [
    (list("aaabbbcc"), 3),     # boundaries at 3 and 6; 3 is as close to 4 as 6 is not
    (list("aaaaabbc"), 5),
    (list("abbbbbbb"), 1),
    (list("aaaa"), 4),         # one group: nothing to split
])
def test_split_groups_cuts_at_a_group_boundary(groups, expected):
    assert split_groups(groups) == expected


def test_headline_targets_keeps_overall_pillar_targets_only():
    df = q(("a_2021", "x", 16.0, "ge", {"pillar_id": "overall", "base_year": 2020.0}),
           ("b_2022", "y", 39.0, "eq", {"pillar_id": "overall"}),
           ("b_2022", "z", 5.0, "eq", {"pillar_id": "production"}),
           ("c_2022", "w", 7.0, "eq", {"pillar_id": "overall", "kind": "baseline"}))
    h = headline_targets(df, "en")
    assert list(h.indicator_id) == ["x", "y"]
    assert list(h.target) == ["≥16%", "39%"]
    assert h.base_year.iloc[0] == 2020 and pd.isna(h.base_year.iloc[1])


def test_reconcile_classifies_agreement_conflict_and_one_sided():
    df = q(("a_2021", "same", 100.0, "eq"), ("a_2021", "same", 100.0, "eq", {"scope": "county"}),
           ("b_2022", "same", 100.0, "eq"),
           ("a_2021", "comp", 95.0, "eq"), ("b_2022", "comp", 95.0, "ge"),
           ("a_2021", "val", 13.0, "eq"), ("b_2022", "val", 11.0, "eq"),
           ("a_2021", "a_only", 1.0, "eq"), ("b_2022", "b_only", 2.0, "eq"),
           ("c_2022", "a_only", 1.0, "eq"),  # a third plan plays no part
           ("b_2022", "fact", 1.0, "eq", {"kind": "baseline"}))
    r = reconcile(df, "a_2021", "b_2022", "en").set_index("indicator_id")
    assert r.status.to_dict() == {"same": "agree", "comp": "conflict", "val": "conflict",
                                  "a_only": "only_a_2021", "b_only": "only_b_2022"}
    assert r.loc["comp", "detail"] == "comparator" and r.loc["val", "detail"] == "value"
    assert (r.loc["comp", "a_2021"], r.loc["comp", "b_2022"]) == ("95%", "≥95%")
    assert r.loc["b_only", "a_2021"] == ""
    assert r.loc["val", "label_zh"] == "指标val"
    counts = status_counts(r.reset_index(), "a_2021", "b_2022")
    assert counts.to_dict() == {"agree": 1, "conflict": 2, "only_a_2021": 1, "only_b_2022": 1}


def test_reconcile_a_range_against_a_single_value_is_a_conflict():
    df = q(("a_2021", "r", 1.0, "ge"), ("a_2021", "r", 2.0, "le"), ("b_2022", "r", 1.0, "ge"))
    r = reconcile(df, "a_2021", "b_2022", "en")
    assert r.status.tolist() == ["conflict"] and r.detail.tolist() == ["value"]
    assert r.a_2021.tolist() == ["≥1%; ≤2%"]


def plans_of(*rows):
    """Plans rows: (doc_id, city_id, issued or None, status), in manifest order."""
    return pd.DataFrame([dict(doc_id=d, city_id=c, issued=i, status=s) for d, c, i, s in rows])


def test_same_city_pairs_run_each_city_by_year_a_draft_before_the_final_text():
    plans = plans_of(("x_2021", "x", "2021-12-08", "final"), ("y_2021", "y", "2021-05-01", "final"),
                     ("x_final_2022", "x", "2022-10-01", "final"), ("x_2022", "x", None, "draft"),
                     ("z_2022", "z", "2022-03-01", "final"), ("y_2020", "y", "2020-01-01", "final"))
    # x first (its first plan comes first in the manifest), each plan after its predecessor; z has one plan
    assert same_city_pairs(plans) == [("x_2021", "x_2022"), ("x_2022", "x_final_2022"), ("y_2020", "y_2021")]


def test_same_city_pairs_without_dates_go_by_the_doc_ids_year_then_the_manifest():
    plans = plans_of(("b_2022", "c", None, "final"), ("a_2022", "c", None, "final"),
                     ("d_2022", "c", "2022-01-01", "final"), ("e_2022", "c", "2022-01-01", "final"))
    assert same_city_pairs(plans) == [("b_2022", "a_2022"), ("a_2022", "d_2022"), ("d_2022", "e_2022")]
    bare = pd.DataFrame({"doc_id": ["p_2023", "q_2021"], "city_id": ["c", "c"]})  # no issued or status columns
    assert same_city_pairs(bare) == [("q_2021", "p_2023")]
    assert same_city_pairs(bare.iloc[:1]) == []


def test_reconcile_pairs_is_one_long_table_with_the_statuses_of_each_pair():
    df = q(("a_2021", "same", 100.0, "eq"), ("b_2022", "same", 100.0, "eq"), ("c_2022", "same", 90.0, "eq"),
           ("a_2021", "a_only", 1.0, "eq"), ("b_2022", "b_only", 2.0, "eq"))
    pairs = [("a_2021", "b_2022"), ("b_2022", "c_2022")]
    long = reconcile_pairs(df, pairs, "en")
    assert list(long.columns[:2]) == ["plan_a", "plan_b"] and {"target_a", "target_b"} <= set(long.columns)
    first = long[long.plan_a == "a_2021"].set_index("indicator_id")
    assert first.status.to_dict() == {"same": "agree", "a_only": "only_a", "b_only": "only_b"}
    assert (first.loc["a_only", "target_a"], first.loc["a_only", "target_b"]) == ("1%", "")
    second = long[long.plan_a == "b_2022"].set_index("indicator_id")
    assert second.status.to_dict() == {"same": "conflict", "b_only": "only_a"}
    assert (second.loc["same", "target_a"], second.loc["same", "target_b"]) == ("100%", "90%")
    counts = pair_counts(long, pairs)
    assert counts.to_dict("records") == [
        {"plan_a": "a_2021", "plan_b": "b_2022", "agree": 1, "conflict": 0, "only_a": 1, "only_b": 1},
        {"plan_a": "b_2022", "plan_b": "c_2022", "agree": 0, "conflict": 1, "only_a": 1, "only_b": 0}]


def test_no_pairs_give_empty_tables_with_their_columns():
    df = q(("a_2021", "same", 100.0, "eq"))
    long = reconcile_pairs(df, [], "en")
    assert long.empty and {"plan_a", "plan_b", "status", "target_a"} <= set(long.columns)
    assert pair_counts(long, []).empty


def test_with_headers_inserts_one_header_per_group_in_order():
    from comparison.analysis.targets import with_headers

    df = pd.DataFrame({"sector": ["Water", "Water", "Energy"], "indicator": ["w1", "w2", "e1"], "a": [1, 0, 1]})
    h = with_headers(df, "sector", "indicator")
    assert h.indicator.tolist() == ["Water", "w1", "w2", "Energy", "e1"]
    assert h.header.tolist() == [True, False, False, True, False]
    assert h.a.isna().tolist() == [True, False, False, True, False]
    assert split_groups(h.sector.tolist()) == 3  # the cut falls just before the "Energy" header


def test_comparability_notes_say_which_plotted_values_are_not_comparable_and_why():
    from comparison.analysis.targets import comparability_notes

    df = q(("a_2021", "x", 98.0, "ge", {"scope_class": "city", "scope": "市、县"}),
           ("b_2022", "x", 98.0, "ge", {"scope_class": "urban", "scope": "城市"}),
           ("c_2022", "x", 95.0, "eq", {"scope_class": "city"}),
           ("a_2021", "y", 10.0, "eq", {"base_year": 2020.0, "scope_class": "city"}),
           ("b_2022", "y", 12.0, "eq", {"scope_class": "city"}))
    shared = shared_targets(df)
    notes = comparability_notes(shared, "en", {"city": "whole city", "urban": "cities"}, {"b_2022": "B 2022"})
    got = {(d, i): (ok, why) for d, i, ok, why in zip(shared.doc_id.astype(str), shared.indicator_id,
                                                     notes.comparable, notes.reason)}
    assert got[("a_2021", "x")] == (True, "same unit, measure, target year, base year and scope as c_2022")
    assert got[("b_2022", "x")] == (False, "scope cities (other plans: whole city)")
    assert got[("b_2022", "y")] == (False, "base year not stated (other plans: 2020)")
    assert list(notes.index) == list(shared.index)


@pytest.mark.parametrize("unit, en, zh", [
    ("percent", "%", "%"),
    ("item", "count", "个"),
    ("percentage_point", "pp", "个百分点"),
    ("t / day", "t/day", "吨/日"),
    ("ug / m ** 3", "µg/m³", "微克/立方米"),
    ("m ** 3 / day", "m³/day", "立方米/日"),
    ("m ** 2", "m²", "平方米"),
    ("tce / CNY", "tce/CNY", "吨标准煤/元"),
    ("kWh", "kWh", "千瓦时"),
    ("亩", "亩", "亩"),
    ("t / (1e4 * CNY)", "t / (1e4 * CNY)", "t / (1e4 * CNY)"),  # outside the rule's form: as written
])
def test_unit_labels_read_as_units_not_as_pint(unit, en, zh):
    assert (unit_label(unit, "en"), unit_label(unit, "zh")) == (en, zh)


def test_every_canonical_unit_of_the_codebook_has_a_label_without_pint_notation(paths):
    from comparison.curation.taxonomy import load_taxonomy

    units = set(load_taxonomy(paths).table("units").canonical_unit)
    for lang in ("en", "zh"):
        labels = {u: unit_label(u, lang) for u in units}
        assert [u for u, label in labels.items() if "**" in label or " / " in label] == []
