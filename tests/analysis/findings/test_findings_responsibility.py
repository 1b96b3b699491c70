"""06_responsibility's findings: the seed plans' values (the notebook's former asserts, checked by hand against
the data) and the edge cases."""
import pytest

from comparison.analysis import responsibility as rs
from comparison.analysis.findings import responsibility


@pytest.fixture(scope="module")
def seed(real):
    return {lang: responsibility.findings(real["en"], lang) for lang in ("en", "zh")}


def test_two_plans_list_units_the_clause_texts_agree_one_lead_per_clause(real, seed):
    t = real["en"]
    v = seed["en"]["named"].values
    assert v["plans"] == ["nanping_2021", "shangrao_2022"] and v["clauses"] == {"nanping_2021": 23, "shangrao_2022": 22}
    assert v["one_lead_per_clause"]
    from_clauses = sorted(t.clauses.doc_id[t.clauses.responsible_units.fillna("") != ""].astype(str).unique())
    assert from_clauses == sorted(v["plans"])


def test_leadership_is_spread_thinly_fourteen_agencies_lead_in_each_plan(real, seed):
    v = seed["en"]["leads"].values
    assert v["agencies_leading"] == {"nanping_2021": 14, "shangrao_2022": 14} and v["max_lead_share"] <= 0.25
    assert v["top"] == {"nanping_2021": ["industry_it"], "shangrao_2022": ["development_reform"]}
    assert v["top_lead"] == {"nanping_2021": 4, "shangrao_2022": 5}
    assert seed["en"]["leads"].text.startswith("Leadership is spread thinly: in each plan 14 different agencies lead")
    r = real["en"].responsibilities  # the catch-all lead the notebook's prose named
    assert list(r.clause_id[(r.agency_id == "all_relevant_units") & (r.position == 1)]) == ["shangrao_2022:8.22"]


def test_the_development_and_reform_commission_coordinates_ecology_is_named_often_and_rarely_leads(real, seed):
    v = seed["en"]["involvement"].values
    assert v["most_involved"] == {"nanping_2021": ["development_reform"], "shangrao_2022": ["development_reform"]}
    assert v["total"] == {"nanping_2021": 16, "shangrao_2022": 19} and v["mostly_supporting"]
    assert v["named_often_rarely_lead"]["ecology_environment"] == {"nanping_2021": [11, 1], "shangrao_2022": [13, 0]}
    inv = rs.involvement(real["en"].responsibilities)
    shangrao = inv[inv.doc_id == "shangrao_2022"].sort_values("total", ascending=False)
    assert list(shangrao.agency_id[:2]) == ["development_reform", "ecology_environment"] and shangrao.total.iloc[2] < 13
    assert "发展和改革委员会" in seed["zh"]["involvement"].text


def test_plans_without_units_say_it_is_missing_information(built):
    from comparison.api import load

    found = responsibility.findings(load("zh", built, docs=["tianshui_2022", "jiaozuo_2021"]))
    assert found.keys() == ["named"]
    assert found["named"].text == "所选方案均未逐条列出责任单位，因此无可展示：这是信息缺失，并非没有责任机构。"


def test_forty_plans_group_plans_that_say_the_same(forty):
    found = responsibility.findings(forty["en"])
    assert found["named"].text.startswith("Only 16 plans (22–23 clauses each) list responsible units; 24 plans name none")
    assert "8 plans most often put Development and Reform Commission in the lead (5 of 22 clauses each)" in found["leads"].text
    assert "never leading" in found["involvement"].text
    assert all(len(f.text) < 700 for f in found), [len(f.text) for f in found]
