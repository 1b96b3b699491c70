"""The indicator a suggested quantity is about, and how sure the extractor says it is: sentences written for
these tests in the forms plans use (none from the five curated plans); expected ids written by hand."""
from __future__ import annotations

import pandas as pd
import pytest

from comparison.newplan.calibration import MIN_SUGGESTED, load_calibration
from comparison.newplan.extract import extract
from comparison.newplan.indicators import rule_of
from comparison.newplan.scoring import sentence_doc


def rows(sentence: str, taxonomy, units) -> pd.DataFrame:
    return extract(sentence_doc(sentence), taxonomy, units).quantities


def row(sentence: str, value: str, taxonomy, units) -> pd.Series:
    q = rows(sentence, taxonomy, units)
    found = q[q.value == value]
    assert len(found) == 1, q[["value", "indicator_id", "quote"]]
    return found.iloc[0]


@pytest.mark.parametrize("sentence, value, indicator_id", [
    ("到2025年，全市空气质量优良天数比例达到92%以上。", "92", "good_air_days_ratio_pct"),
    ("细颗粒物（PM2.5）年均浓度降至26微克/立方米。", "26", "pm25_concentration_ug_per_m3"),
    ("PM2.5浓度较2020年下降15%。", "15", "pm25_concentration_reduction_pct"),
    ("地表水达到或好于Ⅲ类水体比例不低于85%。", "85", "surface_water_class_iii_or_better_share_pct"),
    ("单位国内生产总值二氧化碳排放比2020年降低20%。", "20", "co2_intensity_gdp_reduction_pct"),
    ("新能源汽车保有量达到10万辆。", "10", "new_energy_vehicle_stock_count"),
    ("新能源汽車保有量達到8萬輛。", "8", "new_energy_vehicle_stock_count"),
    ("森林蓄积量达到1.6亿立方米。", "1.6", "forest_stock_volume_m3"),
    ("战略性新兴产业增加值占地区生产总值比重达到20%。", "20",
     "strategic_emerging_industries_value_added_share_gdp_pct"),
    ("全市绿色出行比例达到72%。", "72", "green_travel_share_pct"),
])
def test_an_alias_that_opens_the_values_phrase_is_suggested_with_high_confidence(taxonomy, units, sentence, value,
                                                                                 indicator_id):
    r = row(sentence, value, taxonomy, units)
    assert (r.indicator_id, rule_of(r.note)) == (indicator_id, "alias_adjacent")
    assert r.confidence >= 0.8


@pytest.mark.parametrize("sentence, value, indicator_id", [
    # the name with its abbreviation in brackets, where the codebook lists the name alone or the abbreviation
    ("到2025年，全市细颗粒物（PM2.5）平均浓度控制在30微克/立方米以下。", "30", "pm25_concentration_ug_per_m3"),
    ("城市可吸入颗粒物(PM10)平均浓度下降到55微克/立方米。", "55", "pm10_concentration_ug_per_m3"),
    ("記者從市生態環境局獲悉，今年全市細顆粒物（PM2.5）平均濃度為28微克/立方米。", "28",
     "pm25_concentration_ug_per_m3"),
    ("细颗粒物（PM₂.₅）平均浓度比2020年下降10%。", "10", "pm25_concentration_reduction_pct"),
    ("指标\t2020年\t2025年\n细颗粒物（PM2.5）平均浓度（微克/立方米）\t32\t29", "29", "pm25_concentration_ug_per_m3"),
])
def test_a_name_with_its_bracketed_abbreviation_reads_as_the_name(taxonomy, units, sentence, value, indicator_id):
    assert row(sentence, value, taxonomy, units).indicator_id == indicator_id


def test_a_bracketed_abbreviation_alone_names_nothing(taxonomy, units):
    """Only the brackets go: the abbreviation's letters stay where they were, so 工程（PM）38个 is no PM2.5."""
    r = row("实施大气污染防治工程（PM）38个。", "38", taxonomy, units)
    assert not str(r.indicator_id).startswith("pm")


def test_a_list_after_fenbie_gives_each_value_its_own_pollutant(taxonomy, units):
    q = rows("化学需氧量、氨氮、氮氧化物、挥发性有机物排放总量比2020年分别下降9%、8%、12%、11%。", taxonomy, units)
    assert list(zip(q.value, q.indicator_id)) == [
        ("9", "cod_emission_reduction_pct"), ("8", "nh3n_emission_reduction_pct"),
        ("12", "nox_emission_reduction_pct"), ("11", "vocs_emission_reduction_pct")]
    t = rows("化学需氧量、氨氮重点工程减排量分别达到0.3万吨、0.02万吨。", taxonomy, units)
    assert list(t.indicator_id) == ["cod_emission_reduction_t", "nh3n_emission_reduction_t"]


def test_one_alias_two_indicators_told_apart_by_the_unit(taxonomy, units):
    level = row("细颗粒物浓度控制在33微克/立方米以内。", "33", taxonomy, units)
    change = row("细颗粒物浓度比2020年下降12%。", "12", taxonomy, units)
    assert (level.indicator_id, change.indicator_id) == ("pm25_concentration_ug_per_m3",
                                                         "pm25_concentration_reduction_pct")


@pytest.mark.parametrize("sentence, value", [
    ("森林覆盖率达到60%，城市湿地公园占比达到15%。", "15"),       # a subject of its own, no alias
    ("新能源汽车保有量达到5万辆，换电站达到20座。", "20"),          # the alias of an earlier part
    ("森林覆盖率达到62%，比2020年提高2个百分点。", "2"),            # an alias whose unit cannot take 百分点
    ("萤火虫观测点达到12处。", "12"),                              # nothing like it in the codebook
])
def test_no_confident_guess_where_the_codebook_has_no_indicator(taxonomy, units, sentence, value):
    r = row(sentence, value, taxonomy, units)
    assert r.indicator_id == "" and r.confidence == 0
    assert "indicator rule" in r.note


def test_an_id_whose_unit_cannot_take_the_value_is_never_suggested(taxonomy, units):
    """新能源汽车保有量达到10万辆 once got a % indicator from an alias of the same sentence."""
    canonical = dict(zip(taxonomy.table("indicators").indicator_id, taxonomy.table("indicators").canonical_unit))
    q = rows("到2025年，新能源汽车比例达到30%，新能源汽车保有量达到10万辆，充电桩达到2000个。", taxonomy, units)
    for r in q[q.indicator_id != ""].itertuples():
        units.convert(float(r.value), r.unit_as_written, canonical[r.indicator_id])  # raises if it cannot


def test_a_dropped_guess_keeps_the_plans_own_phrase_and_says_why(taxonomy, units):
    r = row("到2025年，全市生活垃圾回收利用率达到35%以上。", "35", taxonomy, units)
    assert (r.indicator_id, r.indicator_as_written) == ("", "生活垃圾回收利用率")
    assert "not suggested: this rule is right in only" in r.note


def test_confidence_is_the_rules_measured_share_from_the_calibration_table(taxonomy, units):
    table = load_calibration().table.set_index("rule")
    for sentence in ("森林覆盖率达到60%。", "水稻化肥、农药利用率分别达到41%、43%。", "培育8家省级以上绿色工厂。"):
        for r in rows(sentence, taxonomy, units).itertuples():
            rule = rule_of(r.note)
            assert r.confidence == table.at[rule, "confidence"] > MIN_SUGGESTED
            assert f"right in {table.at[rule, 'n_right']} of {table.at[rule, 'n_rows']} labelled rows" in r.note


@pytest.mark.parametrize("sentence, expected", [
    ("预计到2025年，全县风电、光伏发电装机分别达到30万千瓦和45万千瓦。",
     [("30", "wind_power_capacity_kw"), ("45", "solar_pv_capacity_kw")]),
    ("到2025年，工业固体废物、农作物秸秆综合利用率分别达到85%、93%。",
     [("85", "industrial_solid_waste_utilization_rate_pct"), ("93", "straw_utilization_rate_pct")]),
    ("城镇生活垃圾、污泥无害化处理率分别达到99%和92%。",  # 城镇生活垃圾无害化处理率 is none: 生活垃圾… is
     [("99", "domestic_waste_harmless_treatment_rate_pct"), ("92", "sludge_safe_disposal_rate_pct")]),
    ("到2025年，全市水电、风电、光伏装机分别达到10万千瓦、20万千瓦、30万千瓦。",  # 水电装机: no indicator
     [("10", ""), ("20", "wind_power_capacity_kw"), ("30", "solar_pv_capacity_kw")]),
])
def test_an_item_written_without_the_words_it_shares_with_the_next(taxonomy, units, sentence, expected):
    """风电、光伏装机分别…: 风电 is 风电装机, the tail 装机 written once for both."""
    q = rows(sentence, taxonomy, units)
    assert list(zip(q.value, q.indicator_id)) == expected
    assert rule_of(q.note.iloc[-2]) == "list_shared_tail"


@pytest.mark.parametrize("sentence, expected", [
    ("城市、县城生活垃圾无害化处理率分别达到100%、95%。",  # scopes of one indicator, not two items
     [("100", "domestic_waste_harmless_treatment_rate_pct"), ("95", "domestic_waste_harmless_treatment_rate_pct")]),
    ("到2025年，全市新能源、光伏装机分别达到30万千瓦、20万千瓦。",  # 新能源装机 names no indicator
     [("30", ""), ("20", "solar_pv_capacity_kw")]),
])
def test_items_that_share_no_alias_keep_their_own(taxonomy, units, sentence, expected):
    q = rows(sentence, taxonomy, units)
    assert list(zip(q.value, q.indicator_id)) == expected
    assert "list_shared_tail" not in " ".join(q.note)


def test_shared_tail_items_walk_back_through_the_list():
    from comparison.newplan.sentence_parts import shared_tail_items
    para = "到2025年，全市水电、风电、光伏装机分别达到"
    chain = [(para.index("光伏装机"), para.index("光伏装机") + 4, "光伏装机")]
    items = shared_tail_items(para, chain, {"风电装机": "风电装机"}.get, 2)
    assert [(para[s:e], alias) for s, e, alias in items] == [("全市水电", ""), ("风电", "风电装机")]
    assert shared_tail_items(para, chain, {"风电装机": "风电装机"}.get, 1) == items[1:]
    assert shared_tail_items(para, chain, {"风电机": "风电机"}.get, 1) == [(items[1][0], items[1][1], "")]


@pytest.mark.parametrize("sentence, expected", [
    ("到2030年，全县森林覆盖率和蓄积量将分别达到72%、800万立方米。",
     [("72", "forest_coverage_rate_pct"), ("800", "forest_stock_volume_m3")]),
    ("“十四五”期间，规模以上单位工业增加值能耗、二氧化碳排放分别下降16%和19%。",
     [("16", "industrial_energy_intensity_reduction_pct"), ("19", "industrial_co2_intensity_reduction_pct")]),
    ("到2025年，非化石能源消費比重和裝機占比分別達到30%、55%。",  # traditional characters
     [("30", "non_fossil_energy_share_consumption_pct"), ("55", "non_fossil_energy_share_installed_capacity_pct")]),
    ("2024年末，全县绿色信贷余额及年均增速分别达到85亿元和21%。",  # the whole item before, then its growth
     [("85", "green_loan_balance_cny"), ("21", "green_loan_balance_annual_growth_pct")]),
])
def test_an_item_written_without_the_words_it_shares_with_the_one_before(taxonomy, units, sentence, expected):
    """森林覆盖率和蓄积量分别…: 蓄积量 is 森林蓄积量, the head 森林 written once for both."""
    q = rows(sentence, taxonomy, units)
    assert list(zip(q.value, q.indicator_id)) == expected
    assert rule_of(q.note.iloc[-1]) == "list_shared_head"


def test_an_item_whose_shared_head_makes_no_alias_gets_no_id(taxonomy, units):
    q = rows("到2025年，全市森林覆盖率和林下经济产值分别达到70%和120亿元。", taxonomy, units)
    assert list(zip(q.value, q.indicator_id)) == [("70", "forest_coverage_rate_pct"), ("120", "")]
    assert "list_shared_head" not in " ".join(q.note)


def test_shared_head_items_walk_on_through_the_list_to_where_respectively_is():
    from comparison.newplan.sentence_parts import shared_head_items
    para = "到2025年，森林覆盖率、蓄积量和草原植被盖度将分别达到"
    chain = [(para.index("森林覆盖率"), para.index("森林覆盖率") + 5, "森林覆盖率")]
    stop = para.index("分别")
    named = {"森林蓄积量": "森林蓄积量"}.get
    items = shared_head_items(para, chain, named, 2, stop)
    assert [(para[s:e], alias) for s, e, alias in items] == [("蓄积量", "森林蓄积量"), ("草原植被盖度", "")]
    assert shared_head_items(para, chain, named, 1, stop) == []  # a list longer than its values: no items
    assert shared_head_items(para, chain, {"森林蓄积": "森林蓄积"}.get, 2, stop)[0][2] == ""
