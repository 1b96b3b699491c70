"""Comparability: two plans' values for an indicator can be set side by side only with the same unit,
measure, target year, base year (or both unstated) and scope class."""
import pandas as pd

from comparison.tables.comparability import comparability


def rows(*items):
    """(indicator_id, doc_id, target_year, base_year, scope_class) rows; unit and measure fixed unless given."""
    out = []
    for ind, doc, target, base, scope, *more in items:
        row = dict(indicator_id=ind, doc_id=doc, unit_std="percent", measure="level", target_year=target,
                   base_year=base, scope_class=scope)
        row.update(more[0] if more else {})
        out.append(row)
    return pd.DataFrame(out)


def test_same_five_is_comparable_and_names_the_other_plans():
    c = comparability(rows(("x", "a_2021", 2025, None, "city"), ("x", "b_2022", 2025, None, "city"),
                           ("x", "c_2022", 2025, None, "city")))
    assert c.comparable.tolist() == [True, True, True]
    assert c.comparable_with.tolist() == ["b_2022;c_2022", "a_2021;c_2022", "a_2021;b_2022"]
    assert c.differs.tolist() == ["", "", ""]
    assert c.reason[0] == "same unit, measure, target year, base year and scope as b_2022, c_2022"


def test_a_different_scope_class_or_base_year_is_not_comparable():
    c = comparability(rows(("sewage", "a_2021", 2025, None, "city"), ("sewage", "b_2022", 2025, None, "urban"),
                           ("energy", "a_2021", 2025, 2020, "city"), ("energy", "b_2022", 2025, 2020, "city"),
                           ("energy", "c_2022", 2025, float("nan"), "city")))
    assert c.comparable.tolist() == [False, False, True, True, False]
    assert c.differs.tolist() == ["scope_class", "scope_class", "", "", "base_year"]
    assert c.reason[0] == "scope city (other plans: urban)"
    assert c.reason[4] == "base year not stated (other plans: 2020)"


def test_a_plans_own_rows_do_not_make_it_comparable():
    """A plan restating its number (or stating it for two scopes) is not compared with itself."""
    c = comparability(rows(("x", "a_2021", 2025, None, "city"), ("x", "a_2021", 2025, None, "city"),
                           ("x", "b_2022", 2030, None, "city")))
    assert c.comparable.tolist() == [False, False, False]
    assert c.differs.tolist() == ["target_year"] * 3


def test_each_part_shared_but_never_together():
    c = comparability(rows(("x", "a_2021", 2025, None, "city"), ("x", "b_2022", 2030, None, "city"),
                           ("x", "c_2022", 2025, None, "rural"), ("x", "b_2022", 2025, None, "urban")))
    assert c.comparable.tolist() == [False] * 4
    # b_2022's 2030 is its own; c_2022's row shares 2025 with a_2021 and b_2022, but rural with nobody
    assert c.differs.tolist() == ["combination", "target_year", "scope_class", "scope_class"]


def test_a_change_is_not_compared_with_a_level_nor_a_count_with_a_percent():
    c = comparability(rows(("x", "a_2021", 2025, None, "city"), ("x", "b_2022", 2025, None, "city",
                                                                    {"measure": "change"}),
                           ("y", "a_2021", 2025, None, "city"), ("y", "b_2022", 2025, None, "city",
                                                                    {"unit_std": "item"})))
    assert c.differs.tolist() == ["measure", "measure", "unit_std", "unit_std"]


def test_a_value_alone_and_the_reason_in_chinese_with_labels():
    c = comparability(rows(("x", "a_2021", 2025, None, "city"), ("x", "b_2022", 2025, None, "urban"),
                           ("z", "a_2021", 2025, None, "city")),
                      "zh", {"scope_class": {"city": "全市", "urban": "城市"}}, {"b_2022": "乙 2022"})
    assert c.reason.tolist() == ["范围：全市（其他方案：城市）", "范围：城市（其他方案：全市）", "没有其他方案设定此指标"]
    assert not c.comparable[2] and c.differs[2] == ""


def test_years_read_back_from_a_csv_compare_as_years():
    c = comparability(rows(("x", "a_2021", 2025.0, 2020.0, "city"), ("x", "b_2022", pd.NA, pd.NA, "city"),
                           ("x", "c_2022", "", "", "city")))
    assert c.comparable.tolist() == [False, True, True]
    assert c.reason[0] == "target year 2025 (other plans: not stated); base year 2020 (other plans: not stated)"
