"""03_priorities' findings: the seed plans' values (the notebook's former asserts, checked by hand against the
data) and the edge cases."""
import pytest

from comparison.analysis import priorities as pr
from comparison.analysis.findings import priorities


@pytest.fixture(scope="module")
def seed(real):
    return {lang: priorities.findings(real["en"], lang) for lang in ("en", "zh")}


def test_one_synergy_plan(seed):
    assert seed["en"]["plan_types"].values == {"synergy": ["nanping_2022"], "n_plans": 5}
    assert seed["en"]["plan_types"].text.startswith("Nanping 2022 (synergy) is the only pollution–carbon synergy plan")


def test_cross_cutting_statements_are_longer_the_other_sectors_agree_within_3_5_points(seed):
    v = seed["en"]["sentences_and_characters"].values
    assert v["sector"] == "cross_cutting" and v["plans_larger_by_chars"] == 5
    assert v["max_gap"] < 0.07 and v["max_gap_other_sectors"] < 0.035


def test_production_leads_every_plan_nanping_2022_lacks_two_pillars_jiaozuo_implementation(seed):
    v = seed["en"]["pillars"].values
    assert v["largest"] == {d: ["production"] for d in v["largest"]}
    assert v["missing"] == {"nanping_2022": ["circulation", "consumption"], "jiaozuo_2021": ["implementation"]}
    assert v["widest"]["pillar"] == "overall" and v["widest"]["max"] == "nanping_2022"


def test_goals_and_planning_most_frequent_tied_in_shangrao_and_shorter_everywhere(real, seed):
    v = seed["en"]["instruments"].values
    assert v["instrument"] == "env_goal_planning" and v["tied"] == ["shangrao_2022"]
    assert v["most_frequent"]["shangrao_2022"] == ["env_goal_planning", "env_strategic"]
    assert v["plans_shorter"] == 5
    assert "tied with strategic and organisational measures" in seed["en"]["instruments"].text


def test_environment_side_instruments_over_half_a_sixth_of_nanping_2022_without_instrument(seed):
    v = seed["en"]["instrument_types"].values
    assert v["type"] == "environment" and v["min_share"] > 0.5
    none = v["no_instrument"]
    assert 0.15 < none["nanping_2022"] < 0.2 and all(x <= 0.01 for d, x in none.items() if d != "nanping_2022")


def test_shangrao_services_and_tourism_is_the_largest_over_emphasis_even_without_the_synergy_plan(real, seed):
    v = seed["en"]["emphasis"].values
    assert v["top_sector"] == {"nanping_2021": "trade_logistics", "nanping_2022": "cross_cutting",
                               "shangrao_2022": "services_tourism", "tianshui_2022": "consumption",
                               "jiaozuo_2021": "waste_circular"}
    assert (v["largest"]["doc_id"], v["largest"]["sector"]) == ("shangrao_2022", "services_tourism")
    assert 0.075 < v["largest"]["difference"] < 0.085 and v["holds_without_synergy"]
    assert v["left_out"] == {"nanping_2022": ["services_tourism"]}
    by_sent = pr.profile(real["en"].priorities, "sector")
    top = pr.top_emphasis(by_sent, n=3)
    assert list(top[top.doc_id == "nanping_2022"].category_id[:2]) == ["cross_cutting", "industry"]


def test_a_third_of_nanping_2022_is_synergy_four_to_six_percent_elsewhere(seed):
    share = seed["en"]["synergy"].values["share"]
    assert 0.3 < share["nanping_2022"] < 0.37
    assert all(0.04 <= x <= 0.065 for d, x in share.items() if d != "nanping_2022")
    assert "南平 2022 减污降碳为 33%；绿色低碳循环发展方案为 4%–6%" in seed["zh"]["synergy"].text


def test_one_plan_and_ties(built, real, copy_plans):
    from comparison.api import load

    one = priorities.findings(load("en", built, docs=["tianshui_2022"]))
    assert one["plan_types"].text.startswith("The plan is a green-economy plan")
    assert "emphasis" not in one.keys()
    twins = priorities.findings(copy_plans(real["en"], [("tianshui_2022", "a"), ("tianshui_2022", "b")]))
    assert twins["pillars"].values["largest"] == {"a_2022": ["production"], "b_2022": ["production"]}
    assert twins["emphasis"].text == ("The plans' sector profiles are identical: no plan stresses a sector more than "
                                      "the others do.")


def test_forty_plans(forty):
    found = priorities.findings(forty["en"])
    assert found["plan_types"].text.startswith("Eight of the 40 plans are pollution–carbon synergy plans")
    assert "8 plans have no circulation system or consumption system pillar" in found["pillars"].text
    assert "in 8 plans tied with strategic and organisational measures" in found["instruments"].text
    assert all(len(f.text) < 700 for f in found), [len(f.text) for f in found]
