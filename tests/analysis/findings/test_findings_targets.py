"""02_targets' findings: the seed plans' values (the notebook's former asserts, checked by hand against the
data) and the edge cases."""
import pandas as pd
import pytest

from comparison.analysis import targets as tg
from comparison.analysis.findings import targets

LIVESTOCK = "livestock_manure_utilization_rate_pct"
ENERGY = "energy_intensity_gdp_reduction_pct"


@pytest.fixture(scope="module")
def seed(real):
    return {lang: targets.findings(real["en"], lang) for lang in ("en", "zh")}


def test_nine_indicators_are_shared_the_same_nine_as_the_comparison_table(real, seed):
    v = seed["en"]["shared"].values
    assert len(v["indicators"]) == 9 and set(v["indicators"]) == set(real["en"].comparison.indicator_id)
    assert v["most_shared"] == [LIVESTOCK] and v["most_plans"] == 4
    assert sorted(v["n_plans"].values(), reverse=True)[1] < 4
    assert v["directions"] == {"higher": 9} and v["plans_setting_none"] == ["shangrao_2022"]
    assert seed["en"]["shared"].text.startswith("Nine indicators are set as a target by two or more plans.")
    assert "上饶 2022 没有设定其中任何一个" in seed["zh"]["shared"].text


def test_the_energy_intensity_cut_has_a_base_year_in_two_plans_and_none_in_jiaozuo(real, seed):
    assert seed["en"]["base_years"].values == {ENERGY: {"base_year": {"nanping_2022": 2020, "tianshui_2022": 2020},
                                                        "no_base_year": ["jiaozuo_2021"]}}
    q = real["en"].quantities
    jiaozuo = q[(q.indicator_id == ENERGY) & (q.doc_id == "jiaozuo_2021") & (q.kind == "target")]
    assert set(zip(jiaozuo.comparator, jiaozuo.value_std)) == {("ge", 16)} and set(q.measure[q.indicator_id == ENERGY]) == {"change"}
    assert "Jiaozuo 2021 states none" in seed["en"]["base_years"].text


def test_coverage_82_indicators_73_by_one_plan_jiaozuo_most_shangrao_fewest(seed, paths):
    v = seed["en"]["coverage"].values
    in_codebook = len(pd.read_excel(paths.taxonomy, sheet_name="indicators", dtype=str))  # grows with the codebook
    assert (v["codebook"], v["targeted"], v["by_one_plan"]) == (in_codebook, 82, 73)
    assert (v["most"], v["per_plan"]["jiaozuo_2021"]) == (["jiaozuo_2021"], 34)
    assert (v["fewest"], v["per_plan"]["shangrao_2022"]) == (["shangrao_2022"], 6)
    assert "the plans mostly pick different indicators" in seed["en"]["coverage"].text


def test_headline_targets_three_plans_all_for_2025_energy_intensity_in_two(real, seed):
    v = seed["en"]["headline"].values
    assert v["per_plan"] == {"nanping_2021": 2, "tianshui_2022": 3, "jiaozuo_2021": 2}
    assert v["none"] == ["nanping_2022", "shangrao_2022"] and v["target_years"] == [2025]
    assert v["common"] == {ENERGY: ["jiaozuo_2021", "tianshui_2022"]}
    for lang in ("en", "zh"):
        text = seed[lang]["headline"].text
        assert tg.target_text(11, "=", "percent", lang) in text and tg.target_text(16, "≥", "percent", lang) in text


def test_nanping_plans_agree_on_two_and_differ_on_livestock_manure_only_in_the_comparator(seed):
    found = seed["en"]["reconcile:nanping_2021:nanping_2022"]
    assert found.values["counts"] == {"agree": 2, "conflict": 1, "only_nanping_2021": 23, "only_nanping_2022": 14}
    assert set(found.values["agree"]) == {"domestic_waste_harmless_treatment_rate_pct",
                                          "waste_sorting_full_coverage_townships_per_county_count"}
    assert found.values["conflict"] == [LIVESTOCK]
    assert "is 95% in Nanping 2021 and ≥95% in Nanping 2022 (synergy) (only the comparator differs)" in found.text
    assert "1 个" in seed["zh"]["reconcile:nanping_2021:nanping_2022"].text  # a count target in Chinese units


def test_one_indicator_names_the_range_and_the_most_ambitious_plans(real):
    found = targets.findings(real["en"], indicator="straw_utilization_rate_pct", only="shared")
    assert found[0].key == "indicator"
    assert found[0].values["most_ambitious"] == ["nanping_2021", "jiaozuo_2021"]
    assert "from 86% to 95%" in found[0].text


def test_plans_that_share_no_target(built):
    from comparison.api import load

    found = targets.findings(load("en", built, docs=["shangrao_2022", "jiaozuo_2021"]))
    assert found["shared"].text.startswith("No indicator is set as a target by two or more plans")
    assert "base_years" not in found.keys() and not [k for k in found.keys() if k.startswith("reconcile")]


def test_one_plan_and_ties(built, real, copy_plans):
    from comparison.api import load

    one = targets.findings(load("zh", built, docs=["tianshui_2022"]))
    assert one["shared"].text == "只载入了一个方案，没有可共享的指标。"
    twins = targets.findings(copy_plans(real["en"], [("shangrao_2022", "a"), ("shangrao_2022", "b")]))
    assert twins["shared"].values["most_plans"] == 2 and len(twins["shared"].values["indicators"]) == 6
    assert "are set by every plan" in twins["shared"].text
    assert twins["coverage"].values["most"] == twins["coverage"].values["fewest"] == ["a_2022", "b_2022"]
    assert twins["coverage"].text.endswith("Every plan targets 6 indicators.")


def test_forty_plans(forty):
    found = targets.findings(forty["en"])
    v = found["shared"].values
    assert len(v["indicators"]) == 82 and v["most_plans"] == 32 and v["most_shared"] == [LIVESTOCK]
    assert v["plans_setting_none"] == [] and "Every plan sets at least one of them." in found["shared"].text  # copies share
    assert found["coverage"].values["by_one_plan"] == 0
    assert "mostly pick different" not in found["coverage"].text
    assert not [k for k in found.keys() if k.startswith("reconcile")]  # every copy is a city of its own
    assert all(len(f.text) < 1200 for f in found), [len(f.text) for f in found]


def test_two_plans_of_one_city_with_the_same_targets(real, copy_plans):
    from dataclasses import replace

    twins = copy_plans(real["en"], [("shangrao_2022", "a"), ("shangrao_2022", "b")])
    twins = replace(twins, plans=twins.plans.assign(city_id="a"))  # two texts of one city's plan
    found = targets.findings(twins, only="reconcile")
    assert [f.key for f in found] == ["reconcile:a_2022:b_2022"]
    q = real["en"].quantities
    indicators = q[(q.doc_id.astype(str) == "shangrao_2022") & (q.kind == "target")].indicator_id.nunique()
    assert found[0].values["counts"] == {"agree": indicators, "conflict": 0, "only_a_2022": 0, "only_b_2022": 0}
    text = found[0].text
    assert indicators > 1 and "They agree on " in text and "Otherwise" not in text
    assert text.endswith("). Neither sets a target indicator the other does not.")
