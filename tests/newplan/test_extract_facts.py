"""Facts among targets: a price-base year, a base year's level restated, and states reached that a news
report or a review states without a year. Sentences written for these tests in the forms real texts take."""
from __future__ import annotations

import pytest

from test_extract import one, run


def rows(body, taxonomy, units):
    q = run(body, taxonomy, units).quantities
    return list(zip(q.value, q.kind, q.target_year, q.base_year))


@pytest.mark.parametrize("price_base", ["按2015年价格计算", "按2015年不变价计算", "2015年可比价"])
def test_a_price_base_year_is_a_reference_not_the_year_of_the_values(taxonomy, units, price_base):
    body = f"到2020年，全市万元地区生产总值能耗下降到0.52吨标准煤（{price_base}），比2015年下降15%。"
    assert rows(body, taxonomy, units) == [("0.52", "target", "2020", ""), ("15", "target", "2020", "2015")]
    ignored = run(body, taxonomy, units).ignored
    assert list(ignored[ignored.number == "2015"].reason)[:1] == ["reference_year"]


def test_a_price_base_year_before_the_plan_does_not_make_the_values_facts(taxonomy, units):
    # the plan is of 2022 (its preamble's date): a bare 2010 would be the year of a fact
    body = "按2010年不变价计算，“十三五”期间全市将累计节约能源180万吨标准煤。"
    assert rows(body, taxonomy, units) == [("180", "target", "", "")]


def test_the_base_years_level_restated_before_the_change_is_a_fact_of_that_year(taxonomy, units):
    body = "到2020年，万元地区生产总值能耗比2015年的0.61吨标准煤下降15%。"
    assert rows(body, taxonomy, units) == [("0.61", "baseline", "", "2015"), ("15", "target", "2020", "2015")]
    r = run(body, taxonomy, units).quantities.iloc[0]
    assert "level of base year 2015" in r.note


@pytest.mark.parametrize("body, state", [
    ("据统计，全市森林覆盖率达62.3%，生态系统生产总值达到1860亿元。", "据统计"),
    ("目前，全市新能源汽车保有量已达3.6万辆，同比增长41%。", "目前"),
    ("“十四五”以来，全区光伏发电装机规模达到126万千瓦，累计增长38.2%。", "以来"),
    ("该区建成了污水处理厂12座，新增处理能力6万吨/日。", "建成了"),
    ("全县可再生能源装机已经达到45万千瓦。", "已"),
])
def test_a_sentence_reporting_a_state_reached_without_a_year_gives_facts(taxonomy, units, body, state):
    q = run(body, taxonomy, units).quantities
    assert len(q) >= 1 and set(q.kind) == {"baseline"} and set(q.target_year) == {""}
    assert all(f"reports a state reached (“{state}”)" in note for note in q.note)


@pytest.mark.parametrize("body", [
    "全市森林覆盖率稳定在62%以上。",  # an undated target of a plan
    "目前已开工的项目将新增光伏装机30万千瓦。",  # a state word, but the sentence looks ahead
    "到2025年，已建成小区完成节能改造100个。",  # a target year governs it
    "全面建成了生态文明示范区的县，力争森林覆盖率达到70%。",  # 力争: ahead
])
def test_undated_or_forward_looking_sentences_stay_targets(taxonomy, units, body):
    q = run(body, taxonomy, units).quantities
    assert len(q) == 1 and q.iloc[0].kind == "target", q[["value", "kind", "note"]]


def test_a_state_word_in_an_earlier_sentence_does_not_reach_the_next(taxonomy, units):
    q = run("目前全市森林覆盖率已达62.3%。全市湿地保护率提高到60%。", taxonomy, units).quantities
    assert list(zip(q.value, q.kind)) == [("62.3", "baseline"), ("60", "target")]


@pytest.mark.parametrize("body, phrase", [
    ("到2025年，萤火虫栖息地比例不高于5%。", "萤火虫栖息地比例"),
    ("目前，萤火虫观测点已达12处。", "萤火虫观测点"),
    ("到2025年，萤火虫栖息地面积下降到20公顷。", "萤火虫栖息地面积"),
    ("2023年，萤火虫栖息地面积又进一步增加5公顷。", "萤火虫栖息地面积"),
])
def test_the_plans_phrase_leaves_out_comparators_and_verbs(taxonomy, units, body, phrase):
    assert one(body, taxonomy, units).indicator_as_written == phrase


def test_a_review_opening_its_paragraph_makes_its_undated_values_facts(taxonomy, units):
    body = "报告指出，一年来，全市坚持绿色发展。新建污水管网320公里，淘汰老旧车辆2.1万辆。今年将新增光伏装机20万千瓦。"
    q = run(body, taxonomy, units).quantities
    assert list(zip(q.value, q.kind)) == [("320", "baseline"), ("2.1", "baseline"), ("20", "target")]
    assert "(“一年来”)" in q.iloc[0].note


def test_a_review_word_late_in_a_long_opening_sentence_does_not_govern_the_paragraph(taxonomy, units):
    opening = "全市" + "坚持生态优先、绿色发展，" * 8 + "一年来成效明显。"
    q = run(opening + "新建污水管网320公里。", taxonomy, units).quantities
    assert list(q.kind) == ["target"]


@pytest.mark.parametrize("body, value, unit", [
    ("建成“无废城市细胞”3500余个。", "3500", "个"),
    ("培育省级绿色工厂10多家。", "10", "家"),
])
def test_a_count_followed_by_more_than_is_more_than_the_count(taxonomy, units, body, value, unit):
    r = one(body, taxonomy, units)
    assert (r.value, r.unit_as_written, r.comparator) == (value, unit, "gt")
    assert "more than" in r.note


def test_some_years_of_an_action_are_a_duration(taxonomy, units):
    result = run("用10余年时间完成流域治理。", taxonomy, units)
    assert result.quantities.empty and list(result.ignored[result.ignored.number == "10"].reason) == ["other"]


@pytest.mark.parametrize("body, value", [
    ("全市空气质量优良天数达到331天、同比增加6天。", "6"),
    ("2020年，优良天数比例达到63%，比2015年增加92天。", "92"),
])
def test_a_change_in_days_against_a_year_is_a_quantity(taxonomy, units, body, value):
    q = run(body, taxonomy, units).quantities
    assert value in set(q.value) and q[q.value == value].iloc[0].unit_as_written == "天"


def test_a_counts_noun_is_never_the_noun_of_the_next_count(taxonomy, units):
    q = run("累计创建绿色园区7个、绿色工厂42家、绿色供应链管理企业5家。", taxonomy, units).quantities
    by_value = q.set_index("value")
    assert by_value.loc["7"].indicator_id != "green_supply_chain_management_enterprises_new_count"
    assert by_value.loc["42"].indicator_id != "green_supply_chain_management_enterprises_new_count"
    assert by_value.loc["5"].indicator_id == "green_supply_chain_management_enterprises_new_count"


def test_year_on_year_wording_is_not_part_of_the_phrase(taxonomy, units):
    assert one("萤火虫栖息地面积同比下降5.2%。", taxonomy, units).indicator_as_written == "萤火虫栖息地面积"


@pytest.mark.parametrize("body, expected", [
    ("到2025年、2030年，非化石能源消费比重分别达到20%、25%左右。",
     [("20", "target", "2025", ""), ("25", "target", "2030", "")]),
    ("到2025年和2030年，全市森林覆盖率分别达到40%和42%。", [("40", "target", "2025", ""), ("42", "target", "2030", "")]),
    # the plan is of 2022: 2020 is the year of a fact
    ("2020年、2025年全市森林覆盖率分别为38%、40%。", [("38", "baseline", "", "2020"), ("40", "target", "2025", "")]),
    ("2019年和2020年，单位地区生产总值能耗分别下降8.5%和2.5%。",
     [("8.5", "baseline", "", "2019"), ("2.5", "baseline", "", "2020")]),
])
def test_a_list_of_years_gives_each_value_of_a_respectively_list_its_own_year(taxonomy, units, body, expected):
    q = run(body, taxonomy, units).quantities
    assert list(zip(q.value, q.kind, q.target_year, q.base_year)) == expected
    assert all("list of years before 分别" in note for note in q.note)
    first_year = expected[0][2] or expected[0][3]
    assert all(first_year in quote for quote in q.quote)  # each row's quote holds its year


@pytest.mark.parametrize("body, years", [
    ("到2025年，化学需氧量、氨氮排放量分别下降8%、10%。", ["2025", "2025"]),  # one year, two items
    ("到2025年，全市森林覆盖率和湿地保护率分别达到42%和60%。", ["2025", "2025"]),
])
def test_one_year_over_a_respectively_list_governs_every_value(taxonomy, units, body, years):
    assert list(run(body, taxonomy, units).quantities.target_year) == years


def test_the_share_written_once_after_a_respectively_list_belongs_to_every_item(taxonomy, units):
    q = run("到2025年，战略性新兴产业增加值、高新技术产业增加值占地区生产总值比重分别达到15%和30%。",
            taxonomy, units).quantities
    assert list(q.indicator_id) == ["strategic_emerging_industries_value_added_share_gdp_pct",
                                    "high_tech_industry_value_added_share_gdp_pct"]
    q = run("到2025年，萤火虫产业、萤石产业占规模以上工业总产值比重分别提高至13%和30%。", taxonomy, units).quantities
    assert list(q.indicator_as_written) == ["萤火虫产业占规模以上工业总产值比重", "萤石产业占规模以上工业总产值比重"]


def test_items_writing_their_own_share_keep_it(taxonomy, units):
    q = run("到2025年，萤火虫产业占工业比重、萤石产业占服务业比重分别达到13%和30%。", taxonomy, units).quantities
    assert list(q.indicator_as_written) == ["萤火虫产业占工业比重", "萤石产业占服务业比重"]


def test_the_level_a_change_starts_from_is_a_fact(taxonomy, units):
    q = run("到2025年，全市森林覆盖率将从目前的23.04%提高到24.1%。", taxonomy, units).quantities
    assert list(zip(q.value, q.kind, q.target_year)) == [("23.04", "baseline", ""), ("24.1", "target", "2025")]
    assert "starts from" in q.iloc[0].note


def test_a_further_change_after_the_current_level_looks_ahead(taxonomy, units):
    q = run("全市湿地保护率要在目前的50%以上再提高约5个百分点。", taxonomy, units).quantities
    assert list(zip(q.value, q.kind)) == [("50", "baseline"), ("5", "target")]


@pytest.mark.parametrize("body, ids", [
    ("到2025年，单位地区生产总值能耗和二氧化碳排放分别下降14%、18%。",
     ["energy_intensity_gdp_reduction_pct", "co2_intensity_gdp_reduction_pct"]),
    ("到2025年，万元GDP用水量、二氧化碳排放分别下降16%、18%。",
     ["water_use_per_gdp_reduction_pct", "co2_intensity_gdp_reduction_pct"]),
])
def test_an_intensity_written_once_for_a_respectively_list_heads_every_item(taxonomy, units, body, ids):
    q = run(body, taxonomy, units).quantities
    assert list(q.indicator_id) == ids and (q.confidence >= 0.8).all()


def test_a_goal_named_by_a_year_gives_no_target_year(taxonomy, units):
    body = "在落实2030年应对气候变化国家自主贡献目标方面，单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%。"
    result = run(body, taxonomy, units)
    assert list(result.quantities.target_year) == ["", ""]
    assert list(result.ignored[result.ignored.number == "2030"].reason) == ["reference_year"]
    assert list(run("2025年主要目标是森林覆盖率达到40%。", taxonomy, units).quantities.target_year) == ["2025"]
