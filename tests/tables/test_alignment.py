"""The alignment table: the status rules on tiny hand-made rows, and hand-checked statuses of real city targets
against the reference values recorded in data/raw/references.xlsx (each expected value read from the plan's
quote and the reference's quote, not from the code)."""
from types import SimpleNamespace

import pytest

from comparison.pipeline import validate
from comparison.tables.alignment import alignment_table, compare
from comparison.tables.dictionary import columns
from comparison.tables.harmonize import harmonize


def city(**kw):
    base = dict(value_std=30.0, comparator="ge", target_year=2025, base_year=None, scope="", scope_class="city",
                measure="level", direction="higher")
    return SimpleNamespace(**{**base, **kw})


def ref(**kw):
    base = dict(kind="quantitative", comparator="eq", target_year=2025, base_year=None, scope="", aggregation="rate",
                level="national", quote="")
    return SimpleNamespace(**{**base, **kw})


@pytest.mark.parametrize("city_kw,ref_kw,ref_value,expected", [
    ({}, {}, 20.0, "exceeds"),
    ({}, {}, 35.0, "below"),
    ({}, {}, 30.0, "matches"),                                      # 30% 以上 vs 达到 30%: the same commitment
    ({"comparator": "approx"}, {}, 30.0, "looser_comparator"),      # about 30% vs reaching 30%
    ({"comparator": "gt"}, {"comparator": "ge"}, 30.0, "exceeds"),  # more than 30% vs at least 30%
    ({"direction": "lower", "comparator": "le"}, {}, 35.0, "exceeds"),   # lower is better: a smaller cap exceeds
    ({"direction": "lower", "comparator": "le"}, {}, 20.0, "below"),
    ({"direction": "lower", "comparator": "le"}, {"comparator": "lt"}, 30.0, "looser_comparator"),
])
def test_status_in_the_indicators_direction(city_kw, ref_kw, ref_value, expected):
    assert compare(city(**city_kw), ref(**ref_kw), ref_value)[0] == expected


@pytest.mark.parametrize("city_kw,ref_kw,reason_id,reason", [
    ({}, {"kind": "qualitative", "quote": "碳排放强度明显降低"}, "qualitative",
     "the reference states the goal in words, not a number (碳排放强度明显降低)"),
    ({}, {"target_year": 2030}, "target_year", "target year 2025 vs 2030"),
    ({"target_year": None}, {}, "target_year", "target year not stated vs 2025"),
    ({"measure": "change", "base_year": None}, {"base_year": 2020}, "base_year",
     "a change counted from a year not stated vs from 2020"),
    ({"measure": "change", "base_year": 2015}, {"base_year": 2020}, "base_year",
     "a change counted from 2015 vs from 2020"),
    ({}, {"aggregation": "total", "level": "provincial"}, "total",
     "the reference is a total for the whole province; no city share of it is stated"),
    ({"scope": "农村", "scope_class": "rural"}, {}, "scope", "scope 农村 (rural) vs the whole territory"),
    ({"comparator": "le"}, {}, "measure", "comparator le vs eq: a bound against the indicator's direction (higher is "
                                          "better) caps the value instead of setting a level to reach"),
])
def test_pairs_that_do_not_compare_say_why(city_kw, ref_kw, reason_id, reason):
    assert compare(city(**city_kw), ref(**ref_kw), 30.0) == ("not_comparable", reason_id, reason)


def test_scope_classes_decide_which_scopes_compare():
    assert compare(city(scope="全市"), ref(), 30.0, "city")[0] == "matches"           # whole city, whole nation
    assert compare(city(), ref(scope="全国"), 30.0, "city", "nation")[0] == "matches"
    assert compare(city(), ref(scope="全省", level="provincial"), 30.0, "city", "province")[0] == "matches"
    assert compare(city(scope="农村", scope_class="rural"), ref(scope="农村"), 30.0, "city", "rural")[0] == "matches"
    assert compare(city(scope="城市", scope_class="urban"), ref(scope="农村"), 30.0, "city", "rural") == (
        "not_comparable", "scope", "scope 城市 (urban) vs 农村")


@pytest.fixture(scope="module")
def alignment(paths):
    inputs = validate(paths)
    quantities = harmonize(inputs)["quantities"]
    return alignment_table(quantities, inputs.manifest, inputs.references, inputs.units, inputs.taxonomy)


def pair(alignment, quantity_id, target_id):
    rows = alignment[(alignment.quantity_id == quantity_id) & (alignment.reference_target_id == target_id)]
    assert len(rows) == 1, (quantity_id, target_id)
    return rows.iloc[0]


@pytest.mark.parametrize("quantity_id,target_id,status,difference", [
    # 天水: 单位地区生产总值能耗较2020年下降11% vs 甘肃 碳达峰: 比2020年下降12.5%, 绿色低碳循环: 较2020年下降13%
    ("tianshui_2022_q003", "gs_carbon_peak_2023_t02", "below", -1.5),
    ("tianshui_2022_q003", "gs_gzf_2021_62_t02", "below", -2.0),
    ("tianshui_2022_q003", "cn_gf_2021_23_t02", "below", -2.5),     # 国家: 比2020年下降13.5%
    # 天水: 绿色生态产业增加值占地区生产总值比重达到35%以上 vs 甘肃: 达到34%
    ("tianshui_2022_q001", "gs_gzf_2021_62_t01", "exceeds", 1.0),
    # 天水: 森林覆盖率达到39% vs 中发〔2021〕36号: 森林覆盖率达到24.1% (2025)
    ("tianshui_2022_q002", "cn_zf_2021_36_t03", "exceeds", 14.9),
    # 南平 2022: 全市非化石能源消费比重提高到 27.4%以上 vs 福建: 达到27.40% / 国家: 达到20%左右
    ("nanping_2022_q053", "fj_carbon_opinion_2022_t02", "matches", 0.0),
    ("nanping_2022_q053", "cn_gf_2021_23_t01", "exceeds", 7.4),
    # 南平 2022: 单位地区生产总值能源消耗比 2020年下降 13% vs 福建 节能减排: 比2020年下降14%
    ("nanping_2022_q056", "fj_mz_2022_17_t01", "below", -1.0),
    # 上饶: 可再生资源回收点基本实现“一村一点” vs 江西: 基本实现“一村一点”
    ("shangrao_2022_q003", "jx_green_measures_2021_t02", "matches", 0.0),
])
def test_real_targets_against_the_references(alignment, quantity_id, target_id, status, difference):
    row = pair(alignment, quantity_id, target_id)
    assert (row.status, row.difference_std) == (status, difference)
    assert row.reason_id == "" and row.reason == ""


@pytest.mark.parametrize("quantity_id,target_id,reason_id", [
    ("jiaozuo_2021_q001", "cn_gf_2021_23_t02", "base_year"),   # 单位地区生产总值能源消耗降低 16% 以上: no base year
    ("nanping_2022_q053", "cn_zf_2021_36_t04", "target_year"),   # 2025 vs 2030 (非化石能源消费比重达到25%左右)
    ("tianshui_2022_q001", "cn_gf_2021_4_t01", "qualitative"),   # 国发〔2021〕4号: 绿色产业比重显著提升
    ("nanping_2022_q056", "fj_carbon_opinion_2022_t01", "qualitative"),  # 下降完成國家下達目標
])
def test_real_pairs_that_do_not_compare(alignment, quantity_id, target_id, reason_id):
    row = pair(alignment, quantity_id, target_id)
    assert (row.status, row.reason_id) == ("not_comparable", reason_id)
    assert row.difference_std != row.difference_std  # no difference for a pair that does not compare (NaN)


def test_each_plan_meets_only_its_own_province(alignment):
    provinces = {"nanping_2021": "fj", "nanping_2022": "fj", "shangrao_2022": "jx", "tianshui_2022": "gs",
                 "jiaozuo_2021": "hn"}
    provincial = alignment[alignment.reference_level == "provincial"]
    assert all(ref.startswith(provinces[doc] + "_") for doc, ref in zip(provincial.doc_id, provincial.reference_doc_id))
    assert set(alignment.reference_doc_id[alignment.reference_level == "national"]) <= {
        "cn_gf_2021_4", "cn_gf_2021_23", "cn_zf_2021_36", "cn_gf_2021_33"}


def test_pairs_are_unique_and_columns_declared(alignment):
    assert list(alignment.columns) == columns("alignment")
    assert not alignment.duplicated(["quantity_id", "reference_target_id"]).any()
    assert alignment.quantity_id.str.contains("_q").all()
