"""Notebook 01's figures at 5, 40 and 300 plans in both languages, and on the real five plans."""
import numpy as np
import pytest
import synthetic_corpus as sc
from matplotlib import colors as mcolors

from comparison.analysis.overview import plan_overview
from comparison.figures import overview
from comparison.figures.fit import shortened
from comparison.figures.layout import assert_layout
from comparison.figures.plan_axis import MAX_LABEL_PT, PLAN_FONT
from comparison.figures.planstyle import GREY, plan_style
from comparison.figures.plotting import figure_texts

FIGURES = [overview.plan_size, overview.specificity]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("n", sc.SIZES)
@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.__name__)
def test_layout_at_every_size(figure, n, lang):
    c = sc.cached(n, lang)
    assert_layout(figure(sc.overview(c), sc.style_for(c)).fig)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_plans_every_plan_labelled_in_its_city_colour(real_tables, lang):
    t = real_tables[lang]
    style = plan_style(t.plans, lang)
    for figure in FIGURES:
        chart = figure(plan_overview(t), style)
        assert_layout(chart.fig)
        texts = figure_texts(chart.fig)
        assert set(t.plans.plan) <= set(texts)
        bars = chart.fig.axes[0].collections[0].get_facecolors()
        assert [mcolors.to_hex(c) for c in bars] == [style.colors[d] for d in style.order]


def test_with_many_plans_the_highlighted_bars_are_coloured_and_labelled_and_the_rest_grey():
    c = sc.cached(300, "en")
    style = sc.style_for(c)
    chart = overview.plan_size(sc.overview(c), style)
    bars = [mcolors.to_hex(x) for x in chart.fig.axes[0].collections[0].get_facecolors()]
    coloured = [d for d, col in zip(style.order, bars) if col != GREY]
    assert coloured == list(style.highlight)
    assert [bars[style.order.index(d)] for d in style.highlight] == [style.colors[d] for d in style.highlight]
    ticks = [t.get_text() for t in chart.fig.axes[-1].texts if t.get_gid() == "plan-x"]
    assert ticks == [shortened(style.labels[d], MAX_LABEL_PT, PLAN_FONT, keep_tail=True) for d in style.highlight]
    assert any(t.endswith("… 2021 (synergy)") for t in ticks)  # the longest label: city shortened, year and type kept


def test_many_plans_are_stacked_panels_in_province_order():
    c = sc.cached(40, "en")
    style = sc.style_for(c)
    chart = overview.plan_size(sc.overview(c), style)
    main = [ax for ax in chart.fig.axes if ax.collections]
    assert len(main) == 2 and main[0].get_position().y0 > main[1].get_position().y1  # one above the other
    provinces = [style.provinces[d] for d in style.order]
    assert provinces == sorted(provinces, key=provinces.index)  # each province one run
    assert np.all(np.diff([style.order.index(d) for d in style.order]) == 1)
