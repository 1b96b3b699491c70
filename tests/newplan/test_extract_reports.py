"""Reports of results (environment bulletins, work reports, press conferences): their statistics are facts,
the places they are measured over are no quantities, a unit written once serves a whole list. Sentences
written for these tests in the forms such reports take (none copied from a real text); the test plan is of
2022 (its preamble's date)."""
from __future__ import annotations

import pytest

from comparison.newplan.extract import extract
from comparison.text.cleaning import clean
from comparison.text.documents import ParsedDocument
from comparison.text.structure import parse
from test_extract import one, run


def rows(body, taxonomy, units, **kw):
    q = run(body, taxonomy, units, **kw).quantities
    return list(zip(q.value, q.unit_as_written, q.kind, q.target_year, q.base_year))


def ignored(body, taxonomy, units):
    i = run(body, taxonomy, units).ignored
    return dict(zip(i.number, i.reason))


@pytest.mark.parametrize("body, expected", [
    ("十余年来，全市二氧化氮年均浓度下降45%。", [("45", "%", "baseline", "", "")]),
    ("二十多年来，城市污水处理率提高到97%。", [("97", "%", "baseline", "", "")]),
    ("这一年，全市新增造林面积12万亩。", [("12", "万亩", "baseline", "", "")]),
    ("截至9月底，全市新能源汽车保有量达到4.2万辆。", [("4.2", "万辆", "baseline", "", "2022")]),  # this year's
    ("全市PM10平均浓度为51微克/立方米，同比下降6.3%。",
     [("51", "微克/立方米", "baseline", "", ""), ("6.3", "%", "baseline", "", "")]),
])
def test_a_reports_statistics_are_facts(taxonomy, units, body, expected):
    assert rows(body, taxonomy, units) == expected


@pytest.mark.parametrize("body", [
    "力争全市PM2.5浓度同比下降5%。",  # a commitment looks ahead
    "全年煤炭消费总量比上年下降3%。",  # an annual plan's target against last year
    "到2025年，PM2.5浓度同比下降8%。",
])
def test_a_comparison_with_last_year_in_a_plan_stays_a_target(taxonomy, units, body):
    assert [r[2] for r in rows(body, taxonomy, units)] == ["target"]


def test_the_same_period_of_a_year_gives_that_years_level(taxonomy, units):
    body = "1至6月，全市优良天数比例为93.1%，较2021年同期的89%提高4.1个百分点。"
    assert rows(body, taxonomy, units) == [("93.1", "%", "baseline", "", ""), ("89", "%", "baseline", "", "2021"),
                                           ("4.1", "百分点", "baseline", "", "2021")]
    assert "1" not in ignored(body, taxonomy, units) or ignored(body, taxonomy, units)["1"] == "reference_year"


def test_the_level_a_change_starts_from_after_you_is_a_fact(taxonomy, units):
    """由…增至: the first value is where the change starts (as 从…的 was)."""
    body = "到2025年，光伏发电装机由85万千瓦增至200万千瓦。"
    assert rows(body, taxonomy, units) == [("85", "万千瓦", "baseline", "", ""), ("200", "万千瓦", "target", "2025", "")]


def test_a_review_titled_by_its_year_dates_the_facts_in_it(taxonomy, units):
    q = run("全市森林覆盖率达到58.6%，新建污水管网85公里。", taxonomy, units, section="2021年工作回顾").quantities
    assert list(zip(q.kind, q.base_year)) == [("baseline", "2021"), ("baseline", "2021")]
    assert "2021年工作回顾" in q.note.iloc[0]


def test_a_review_titled_by_no_year_leaves_the_year_empty(taxonomy, units):
    q = run("全市森林覆盖率达到58.6%。", taxonomy, units, section="发展基础").quantities
    assert list(zip(q.kind, q.base_year)) == [("baseline", "")]


def test_a_comparison_standing_before_the_sentence_is_the_base_of_its_changes_only(taxonomy, units):
    body = "与2015年相比，2021年全市单位地区生产总值能耗累计下降16.2%，森林覆盖率达到66.8%。"
    r = rows(body, taxonomy, units)
    assert r == [("16.2", "%", "baseline", "", "2015"), ("66.8", "%", "baseline", "", "2021")]
    note = run(body, taxonomy, units).quantities.note.iloc[0]
    assert "与2015年" in note


@pytest.mark.parametrize("body, values", [
    ("今年全市共监测365天，其中优良331天，轻度污染28天，中度污染6天。", ["365", "331", "28", "6"]),
    ("全年重度污染2天。", ["2"]),
])
def test_a_bulletins_days_by_air_quality_class_are_quantities(taxonomy, units, body, values):
    q = run(body, taxonomy, units).quantities
    assert list(q.value) == values and set(q.unit_as_written) == {"天"}


def test_the_duration_of_an_action_is_still_no_quantity(taxonomy, units):
    assert run("各县区用30天时间完成排查整治。", taxonomy, units).quantities.empty


@pytest.mark.parametrize("body, count", [
    ("全省9个设区市空气质量优良天数比例平均为97.5%。", "9"),
    ("在全国339个地级及以上城市中，我市空气质量排名第12。", "339"),
    ("全市16处集中式饮用水水源水质全部达标。", "16"),
    ("甲县、乙县、丙县3县散煤用量分别减少40%。", "3"),
])
def test_the_places_a_value_is_measured_over_are_its_scope(taxonomy, units, body, count):
    assert ignored(body, taxonomy, units).get(count) == "scope_count"
    assert count not in set(run(body, taxonomy, units).quantities.value)


@pytest.mark.parametrize("body, count", [
    ("到2025年，新建8个空气质量自动监测站点。", "8"),
    ("累计建成12个污水处理厂，处理能力达到30万吨/日。", "12"),
])
def test_places_built_are_quantities(taxonomy, units, body, count):
    assert count in set(run(body, taxonomy, units).quantities.value)


@pytest.mark.parametrize("body, count", [("市生态环境局等18个部门联合印发了行动方案。", "18"),
                                         ("18部门联合印发行动方案。", "18"),
                                         ("废纸、废塑料、废玻璃等7种再生资源回收量达到120万吨。", "7")])
def test_the_issuers_of_a_document_and_the_kinds_just_named_are_no_quantities(taxonomy, units, body, count):
    assert ignored(body, taxonomy, units).get(count) == "document_part_count"


@pytest.mark.parametrize("body, expected", [
    ("湿地面积、草原面积分别增加1.5万、2.4万公顷。", [("1.5", "万公顷"), ("2.4", "万公顷")]),
    ("风电、光伏装机分别达到60、90万千瓦。", [("60", "万千瓦"), ("90", "万千瓦")]),
    ("森林覆盖率、湿地保护率分别提高3和5个百分点。", [("3", "百分点"), ("5", "百分点")]),
    ("森林覆盖率、林木绿化率分别达到62%、65%。", [("62", "%"), ("65", "%")]),
])
def test_a_unit_written_once_after_a_list_is_every_values(taxonomy, units, body, expected):
    q = run(body, taxonomy, units).quantities
    assert list(zip(q.value, q.unit_as_written)) == expected


def test_a_value_in_an_unknown_unit_is_no_share(taxonomy, units):
    """平方公里 is not in the codebook: whatever it measures, it is no percentage (湿地保护率)."""
    q = run("湿地保护率达到55%，面积达到120平方公里。", taxonomy, units).quantities
    assert list(q.indicator_id) == ["wetland_protection_rate_pct", ""]


@pytest.mark.parametrize("body, year", [("锁定目标 2025实现碳达峰", "2025"), ("确定2026空气质量目标", "2026")])
def test_a_year_written_without_nian_is_a_reference(taxonomy, units, body, year):
    assert run(body, taxonomy, units).quantities.empty
    assert ignored(body, taxonomy, units)[year] == "reference_year"


@pytest.mark.parametrize("body, value", [("累计建成2020个充电桩。", "2020"), ("排放总量控制在2030万吨以内。", "2030")])
def test_a_quantity_in_the_year_range_stays_a_quantity(taxonomy, units, body, value):
    assert list(run(body, taxonomy, units).quantities.value) == [value]


@pytest.mark.parametrize("body, value, indicator_id", [
    ("全市PM10浓度均值为48微克/立方米。", "48", "pm10_concentration_ug_per_m3"),
    ("全市优良天数比例平均为91.3%。", "91.3", "good_air_days_ratio_pct"),
    ("PM2.5降至28微克/立方米。", "28", "pm25_concentration_ug_per_m3"),
    ("万元GDP二氧化碳排放量下降19%。", "19", "co2_intensity_gdp_reduction_pct"),
])
def test_a_statistics_mean_and_an_abbreviation_alone_find_their_indicator(taxonomy, units, body, value,
                                                                          indicator_id):
    r = one(body, taxonomy, units)
    assert (r.value, r.indicator_id) == (value, indicator_id) and r.confidence >= 0.8


def test_a_part_titled_by_its_year_gives_its_targets_that_year(taxonomy, units):
    q = run("空气质量优良天数比例保持在88%以上。", taxonomy, units, section="2023年工作安排").quantities
    assert list(zip(q.kind, q.target_year)) == [("target", "2023")]
    assert "2023年工作安排" in q.note.iloc[0]


@pytest.mark.parametrize("body, expected", [
    ("今年全市PM2.5平均浓度控制在30微克/立方米以内。", [("30", "微克/立方米", "target", "2022", "")]),
    ("年内新增光伏装机10万千瓦。", [("10", "万千瓦", "target", "2022", "")]),
    ("力争三年内实现节能100万吨标准煤。", [("100", "万吨标准煤", "target", "", "")]),  # three years, not this one
    ("今年以来，全市新增光伏装机12万千瓦。", [("12", "万千瓦", "baseline", "", "2022")]),  # a result so far
])
def test_this_year_in_a_dated_text_is_the_texts_year_of_targets_and_facts(taxonomy, units, body, expected):
    assert rows(body, taxonomy, units) == expected


@pytest.mark.parametrize("body, number, reason", [
    ("全市PM10平均浓度为49微克/立方米，列全省7位。", "7", "document_part_count"),  # a rank
    ("全市空气质量综合指数居全省第3名。", "3", "document_part_count"),
])
def test_a_rank_is_no_quantity(taxonomy, units, body, number, reason):
    assert ignored(body, taxonomy, units).get(number) == reason


def test_classes_listed_in_chinese_numerals_are_names(taxonomy, units):
    """(一、二类) names two classes of sea water: 二类 is no count of 2."""
    q = run("全市近岸海域优良水质（一、二类）面积比例为90.2%。", taxonomy, units).quantities
    assert list(q.value) == ["90.2"]



def extract_text(raw: str, taxonomy, units):
    ct = clean(raw)
    return extract(ParsedDocument("bulletin_2022", "test", raw, ct, parse("bulletin_2022", ct)), taxonomy, units)


BULLETIN = ("测试市2021年生态环境状况公报\n\n一、大气环境\n\n全市空气质量优良天数比例为95.1%。\n\n二、水环境\n\n"
            "全市国考断面水质优良比例为100%。力争明年优良天数比例达到96%。\n")


def test_a_text_that_opens_by_naming_a_bulletin_reports_facts(taxonomy, units):
    q = extract_text(BULLETIN, taxonomy, units).quantities
    assert list(zip(q.value, q.kind)) == [("95.1", "baseline"), ("100", "baseline"), ("96", "target")]
    assert "公报" in q.note.iloc[0]


def test_the_same_sentences_in_a_plan_are_targets(taxonomy, units):
    q = extract_text(BULLETIN.replace("2021年生态环境状况公报", "生态环境保护实施方案"), taxonomy, units).quantities
    assert list(q.kind) == ["target", "target", "target"]


REVIEW = ("测试市政府工作报告\n\n2022年1月10日\n\n一、政府工作\n\n过去五年，我们主要做了以下工作。\n\n"
          "（一）推动绿色发展。全市森林覆盖率达到61.2%，新建污水管网320公里。\n\n"
          "（二）改善生态环境。空气质量优良天数比例提高到93.5%。\n\n"
          "今后五年，我们将坚持生态优先。到2026年，森林覆盖率达到62%，空气质量优良天数比例保持在93%以上。\n\n"
          "二、重点任务\n\n空气质量优良天数比例稳定在92%以上。\n")


def test_a_review_introduced_by_its_work_governs_the_paragraphs_after_it(taxonomy, units):
    q = extract_text(REVIEW, taxonomy, units).quantities
    assert list(zip(q.value, q.kind)) == [("61.2", "baseline"), ("320", "baseline"), ("93.5", "baseline"),
                                          ("62", "target"), ("93", "target"), ("92", "target")]
    assert "以下工作" in q.note.iloc[0]


def test_a_review_ends_with_its_section(taxonomy, units):
    """The next section of a plan (二、重点任务) is no longer the review, even with no word that looks ahead."""
    text = REVIEW.replace("今后五年，我们将坚持生态优先。到2026年，森林覆盖率达到62%，空气质量优良天数比例保持在93%以上。\n\n", "")
    q = extract_text(text, taxonomy, units).quantities
    assert list(zip(q.value, q.kind))[-1] == ("92", "target")


@pytest.mark.parametrize("body, count", [
    ("“十三五”规划确定的22项约束性指标中，有8项已提前完成。", "8"),
    ("主要目标任务中，16项超额完成，其余基本完成。", "16"),
    ("年度重点任务里，有12项均如期完成。", "12"),
])
def test_how_many_of_the_targets_are_met_is_no_quantity(taxonomy, units, body, count):
    assert ignored(body, taxonomy, units).get(count) == "document_part_count"
    assert count not in list(run(body, taxonomy, units).quantities.value)


def test_a_count_of_projects_done_stays_a_quantity(taxonomy, units):
    """Only a count of the targets just named is one of the document's parts; 项目 names no target."""
    assert "8" in list(run("今年开工的重点项目中，有8项已提前完成。", taxonomy, units).quantities.value)


@pytest.mark.parametrize("body", [
    "坚持“外防输入、内防反弹”总策略和“动态清零”总方针，全市经济稳中向好。",
    "疫情防控坚持动态清零，统筹推进经济社会发展。",
    "面对新冠肺炎疫情冲击，我们坚持动态清零不动摇。",
])
def test_zero_covid_is_no_quantity(taxonomy, units, body):
    assert run(body, taxonomy, units).quantities.empty


@pytest.mark.parametrize("body", [
    "到2025年，城市黑臭水体实现动态清零。",
    "到2025年，劣V类水体“清零”。",
    "到2025年，重大环境风险隐患全部清零。",
])
def test_pollution_brought_to_zero_stays_a_quantity(taxonomy, units, body):
    q = run(body, taxonomy, units).quantities
    assert list(zip(q.value, q.kind, q.target_year)) == [("0", "target", "2025")]
