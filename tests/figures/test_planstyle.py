"""The plans' order, colours and labels shared by every figure of a run."""
import pandas as pd
import pytest

from comparison.figures.planstyle import GREY, TYPE_COLORS, plan_style
from comparison.figures.plotting import PALETTE


def plans(rows):
    df = pd.DataFrame(rows, columns=["doc_id", "city_id", "province_en", "province_zh", "plan_type", "plan"])
    df.attrs["all_plans"] = list(zip(df.doc_id, df.city_id))
    return df


FIVE = plans([("a_2021", "a", "Fujian", "福建", "green_economy", "A 2021"),
              ("b_2022", "b", "Gansu", "甘肃", "green_economy", "B 2022"),
              ("c_2021", "c", "Fujian", "福建", "pollution_carbon_synergy", "C 2021"),
              ("d_2021", "d", "Henan", "河南", "green_economy", "D 2021"),
              ("a_2022", "a", "Fujian", "福建", "green_economy", "A 2022")])


def test_plans_are_ordered_by_province_in_order_of_first_appearance_then_manifest():
    assert plan_style(FIVE, "en").order == ("a_2021", "c_2021", "a_2022", "b_2022", "d_2021")


def test_few_plans_get_their_city_colours_a_second_plan_of_a_city_a_lighter_shade():
    style = plan_style(FIVE, "en")
    assert style.mode == "city" and style.small
    assert [style.colors[d] for d in ("a_2021", "b_2022", "c_2021", "d_2021")] == PALETTE[:4]
    assert style.colors["a_2022"] not in PALETTE
    assert style.label_color("b_2022") == PALETTE[1]


def test_a_highlight_keeps_the_city_colours_and_greys_the_rest():
    style = plan_style(FIVE, "en", ["d_2021", "b_2022"])
    assert style.mode == "highlight" and style.highlight == ("b_2022", "d_2021")  # display order
    assert style.colors["d_2021"] == PALETTE[3] and style.colors["b_2022"] == PALETTE[1]
    assert {style.colors[d] for d in ("a_2021", "a_2022", "c_2021")} == {GREY}
    assert not style.focus("a_2021") and style.focus("d_2021")
    assert "D 2021" in style.highlight_note()
    assert plan_style(FIVE, "en", "d_2021").highlight == ("d_2021",)


def many(n):
    return plans([(f"c{k:03d}_2021", f"c{k:03d}", f"P{k % 7}", f"省{k % 7}",
                   "pollution_carbon_synergy" if k % 4 == 0 else "green_economy", f"City {k} 2021") for k in range(n)])


def test_many_plans_are_coloured_by_plan_type():
    style = plan_style(many(13), "en")
    assert style.mode == "type" and not style.small
    assert style.colors["c000_2021"] == TYPE_COLORS["pollution_carbon_synergy"]
    assert style.colors["c001_2021"] == TYPE_COLORS["green_economy"]
    assert [h.get_label() for h in style.type_handles()] == ["green-economy plan", "synergy plan"]


def test_highlighted_cities_of_a_large_manifest_take_distinct_palette_colours():
    """Beyond 12 cities the manifest index would repeat colours (city 1 and city 13): the highlighted
    cities get the palette in manifest order instead."""
    style = plan_style(many(40), "zh", ["c012_2021", "c000_2021", "c024_2021"])
    assert [style.colors[d] for d in ("c000_2021", "c012_2021", "c024_2021")] == PALETTE[:3]


def test_an_unknown_or_too_long_highlight_is_an_error_naming_the_plans():
    with pytest.raises(ValueError, match=r"highlight: 'x_2020' not among the loaded plans; choose from a_2021, b_2022"):
        plan_style(FIVE, "en", ["x_2020"])
    with pytest.raises(ValueError, match=r"choose from c000_2021, .*, … \(40 plans\)"):
        plan_style(many(40), "en", ["nope"])
    with pytest.raises(ValueError, match="13 plans; at most 12 can be told apart by colour"):
        plan_style(many(40), "en", [f"c{k:03d}_2021" for k in range(13)])


def test_province_runs():
    style = plan_style(FIVE, "en")
    assert style.province_runs(style.order) == [("Fujian", 0, 3), ("Gansu", 3, 4), ("Henan", 4, 5)]
