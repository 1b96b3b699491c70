"""The shared per-plan charts: heatmaps on one colour scale, values only where they fit, no signed zero,
100 % bars labelled only on wide segments."""
import pandas as pd
import pytest

from comparison.figures.matrix import _printed, cell_format
from comparison.figures.plan_charts import category_heatmaps, stacked_shares
from comparison.figures.planstyle import plan_style


def style():
    plans = pd.DataFrame({"doc_id": ["p", "q"], "city_id": ["p", "q"], "province_en": ["A", "B"],
                          "province_zh": ["甲", "乙"], "plan_type": ["green_economy"] * 2, "plan": ["P 2021", "Q 2022"]})
    return plan_style(plans, "en")


def values(ax):
    return sorted(t.get_text() for t in ax.texts if t.get_gid() == "value")


def test_diverging_heatmap_is_centred_at_zero_and_annotated():
    table = pd.DataFrame({"p": [0.05, -0.02], "q": [-0.05, 0.02]}, index=["a", "b"])
    chart = category_heatmaps([(table, "t")], style(), {"a": "A", "b": "B"}, number="99", name="x", caption="",
                              diverging=True, cmap="RdBu_r", formats=("{:+.1f}",))
    ax = chart.fig.axes[0]
    assert ax.images[0].norm.vmin == pytest.approx(-5) and ax.images[0].norm.vmax == pytest.approx(5)
    assert values(ax) == sorted(["+5.0", "-2.0", "-5.0", "+2.0"])
    assert [t.get_text() for t in ax.texts if t.get_gid() == "row"] == ["A", "B"]


def test_no_signed_zero():
    assert [_printed("{:+.1f}", v) for v in (-0.03, 0.04, 1.26)] == ["0.0", "0.0", "+1.3"]


def test_both_panels_share_one_scale():
    s = pd.DataFrame({"p": [0.8, 0.2], "q": [0.5, 0.5]}, index=["a", "b"])
    c = pd.DataFrame({"p": [0.4, 0.6], "q": [0.5, 0.5]}, index=["a", "b"])
    chart = category_heatmaps([(s, "sentences"), (c, "characters")], style(), {}, number="99", name="x", caption="")
    left, right = chart.fig.axes
    assert left.images[0].norm.vmax == pytest.approx(80) and right.images[0].norm.vmax == pytest.approx(80)
    assert values(right) == ["40.0", "50.0", "50.0", "60.0"]
    assert left.get_title() == "sentences"


def test_cell_values_go_when_the_cells_are_too_small_for_them():
    assert cell_format([3.14, 99.5], 30, 12) == "{:.1f}"
    assert cell_format([3.14, 99.5], 13, 12) == "{:.0f}"  # "100" fits a 13-pt cell, "99.5" does not
    assert cell_format([3.14, 99.5], 5, 12) is None
    assert cell_format([3.14, 99.5], 30, 4) is None


def test_stacked_bars_label_only_wide_segments():
    table = pd.DataFrame({"p": [0.95, 0.05], "q": [0.5, 0.5]}, index=["a", "b"])
    chart = stacked_shares(table, {"a": "#000000", "b": "#ffffff"}, {"a": "A", "b": "B"}, style(), number="99",
                           name="x", caption="", xlabel="%")
    ax = chart.fig.axes[0]
    assert sorted(t.get_text() for t in ax.texts if t.get_gid() is None) == ["50", "50", "95"]
    assert [t.get_text() for t in chart.fig.legends[0].get_texts()] == ["A", "B"]
