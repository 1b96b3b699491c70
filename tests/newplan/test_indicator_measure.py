"""Whether a value is a level, a change or an addition, as the words before it say, must fit the indicator
it is given; and the codebook's own names find their indicators. Sentences written for these tests in the
forms plans use (none from the curated plans or the calibration sentences); expected ids written by hand."""
from __future__ import annotations

import pandas as pd
import pytest

from comparison.curation.taxonomy import Taxonomy
from comparison.newplan.indicators import rule_of
from comparison.newplan.scoring import without_plan
from comparison.newplan.sentence_parts import wording_measure
from test_indicators import row


@pytest.mark.parametrize("before, unit, measure", [
    ("单位地区生产总值能耗比2020年下降", "%", "change"),
    ("新能源汽车保有量年均增长", "%", "change"),
    ("绿化覆盖率较上年提高", "percentage_point", "change"),
    ("绿化覆盖率达到", "percentage_point", "change"),
    ("绿化覆盖率较上年提高", "个百分点", "change"),  # as the extractor holds the unit: written, not canonical
    ("风电装机年均新增", "万千瓦", "addition"),
    ("煤炭占能源消费比重下降到", "%", "level"),
    ("光伏装机规模增至", "万千瓦", "level"),
    ("森林覆盖率达到", "%", ""),
    ("森林覆盖率为", "%", ""),
])
def test_the_verb_before_a_value_says_what_it_measures(before, unit, measure):
    assert wording_measure(before, unit) == measure


@pytest.mark.parametrize("before_subject, measure", [("今年计划新增", "addition"), ("年内压减", "change"),
                                                     ("全市", ""), ("到2025年，", "")])
def test_the_verb_before_the_subject_says_so_too(before_subject, measure):
    assert wording_measure("", "万吨", before_subject) == measure


@pytest.mark.parametrize("sentence, value, level_id", [
    # a stock's increase, an annual addition and a cut are not the stock's level
    ("全市森林蓄积量稳步增长，五年增加800万立方米。", "800", "forest_stock_volume_m3"),
    ("风电装机容量达到260万千瓦，年均新增30万千瓦。", "30", "wind_power_capacity_kw"),
    ("今年计划新增风电装机15万千瓦。", "15", "wind_power_capacity_kw"),
    ("年内压减煤炭消费总量35万吨。", "35", "coal_consumption_total_t"),
])
def test_a_change_or_an_addition_gets_no_level_indicator(taxonomy, units, sentence, value, level_id):
    r = row(sentence, value, taxonomy, units)
    assert r.indicator_id == ""
    assert rule_of(r.note) == "measure_mismatch" and level_id in r.note


def test_a_level_gets_no_change_indicator(taxonomy, units):
    """比重下降到48% states a level; the reduction indicator 煤炭消费总量 also names (a change) does not fit it."""
    r = row("煤炭消费总量控制在900万吨以内，比重下降到48%。", "48", taxonomy, units)
    assert r.indicator_id == "" and rule_of(r.note) == "measure_mismatch"
    assert "coal_consumption_reduction_pct" in r.note


@pytest.mark.parametrize("sentence, value, indicator_id", [
    ("单位地区生产总值能耗比2020年下降13%。", "13", "energy_intensity_gdp_reduction_pct"),  # a change, a change
    ("到2025年，森林覆盖率提高到58%。", "58", "forest_coverage_rate_pct"),  # 提高到: a level
    ("新增污水处理能力6万吨/日。", "6", "wwtp_new_capacity_t_per_day"),  # an indicator of additions
    ("风电装机容量增至320万千瓦。", "320", "wind_power_capacity_kw"),
])
def test_wording_that_fits_the_indicator_keeps_it(taxonomy, units, sentence, value, indicator_id):
    r = row(sentence, value, taxonomy, units)
    assert r.indicator_id == indicator_id and rule_of(r.note) != "measure_mismatch"


def test_a_value_followed_by_its_noun_is_not_the_earlier_subjects(taxonomy, units):
    """60%以上的秸秆 is the straw's share: the coal share named before it is not its indicator."""
    r = row("煤炭消费比重降至40%，60%以上的秸秆实现还田。", "60", taxonomy, units)
    assert r.indicator_id == ""


def test_a_value_followed_by_a_word_for_the_goal_keeps_the_earlier_subject(taxonomy, units):
    r = row("森林覆盖率持续提升，稳定在66%的水平。", "66", taxonomy, units)
    assert r.indicator_id == "forest_coverage_rate_pct"


@pytest.mark.parametrize("sentence, value, indicator_id", [
    ("到2025年，煤炭占能源消费比重下降到42%。", "42", "coal_share_energy_consumption_pct"),
    ("城镇天然气普及率达到97%。", "97", "natural_gas_penetration_rate_pct"),
    ("非化石能源装机占比达到60%。", "60", "non_fossil_energy_share_installed_capacity_pct"),
])
def test_the_codebooks_own_name_of_an_indicator_finds_it(taxonomy, units, sentence, value, indicator_id):
    assert row(sentence, value, taxonomy, units).indicator_id == indicator_id


def test_every_indicator_label_is_one_of_its_aliases(taxonomy):
    aliases = set(zip(taxonomy.table("indicator_aliases").alias, taxonomy.table("indicator_aliases").indicator_id))
    indicators = taxonomy.table("indicators")
    assert [i for i, label in zip(indicators.indicator_id, indicators.label_zh) if (label, i) not in aliases] == []


def _codebook(alias_rows):
    indicators = pd.DataFrame({"indicator_id": ["a_pct", "b_pct"], "label_zh": ["甲比重", "乙比重"]})
    aliases = pd.DataFrame(alias_rows, columns=["alias", "indicator_id"])
    return Taxonomy({"indicators": indicators, "indicator_aliases": aliases}, "taxonomy.xlsx")


def test_leaving_a_plan_out_drops_the_label_of_an_indicator_only_it_uses():
    """A label was written from the plan that brought its indicator: it must not vouch for that plan."""
    codebook = _codebook([("甲比重", "a_pct"), ("甲占比", "a_pct"), ("乙比重", "b_pct"), ("乙占比", "b_pct")])
    curated = pd.DataFrame({"doc_id": ["p1", "p2", "p2"], "indicator_id": ["a_pct", "a_pct", "b_pct"],
                            "indicator_as_written": ["甲占比", "甲比重", "乙占比"]})
    for_p2 = without_plan(codebook, curated, "p2").table("indicator_aliases")
    assert sorted(map(tuple, for_p2.values)) == [("甲占比", "a_pct")]  # p1 wrote 甲占比 and uses a_pct's label
    for_p1 = without_plan(codebook, curated, "p1").table("indicator_aliases")
    assert sorted(map(tuple, for_p1.values)) == [("乙占比", "b_pct"), ("乙比重", "b_pct"), ("甲比重", "a_pct")]


def test_an_alias_of_several_indicators_found_indirectly_is_not_a_suggestion(taxonomy, units):
    """电力行业占比 names two shares (of the total, of power and industry); a bare 降至35% after it takes the
    alias by one guess and the share by another, a rule with no measured record of being right."""
    r = row("电力行业占比持续下降，降至35%。", "35", taxonomy, units)
    assert r.indicator_id == "" and rule_of(r.note) == "alias_several_indirect"


def test_a_count_of_things_newly_built_keeps_its_count_indicator(taxonomy, units):
    """新建2个示范片区 states how many there will be: the count indicator's level, not an addition to a stock."""
    r = row("每个县（市、区）新建2个生活垃圾分类示范片区。", "2", taxonomy, units)
    assert r.indicator_id == "waste_sorting_demo_areas_per_county_count"
