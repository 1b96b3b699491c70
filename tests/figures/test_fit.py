"""Measured label space: sizes, which labels fit, shortening, panel rectangles, bars as one collection."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from comparison.figures.fit import fitting, panel_rects, shortened, spread_order, text_size
from comparison.figures.marks import bars


def test_text_size_is_the_box_matplotlib_draws_in_the_png():
    fig = plt.figure(dpi=300)  # the PNG's resolution
    for s, size in (("Nanping 2021", 6.5), ("南平 2021 减污降碳", 7), ("two\nlines", 6)):
        t = fig.text(0, 0, s, fontsize=size)
        fig.canvas.draw()
        e = t.get_window_extent()
        w, h = text_size(s, size)
        assert w == pytest.approx(e.width * 72 / 300, abs=0.01)
        assert h >= e.height * 72 / 300 - 0.01  # never smaller: a CJK line is as tall as a Latin one


def test_fitting_keeps_labels_apart_and_claims_space_in_order():
    centers, extents = [0, 5, 10, 30], [8, 8, 8, 8]
    assert fitting(centers, extents, gap=0) == [0, 2, 3]
    assert fitting(centers, extents, order=[1, 0, 2, 3], gap=0) == [1, 3]


def test_spread_order_takes_every_other_then_the_rest():
    assert spread_order(5) == [0, 4, 2, 1, 3]
    assert sorted(spread_order(9)) == list(range(9))


def test_shortened_keeps_the_year_and_plan_type_of_a_plan_label():
    label = "Qiandongnan Miao and Dong Autonomous Prefecture 2021 (synergy)"
    short = shortened(label, 100, 6.5, keep_tail=True)
    assert short.endswith("… 2021 (synergy)") and short.startswith("Qiandongnan")
    assert text_size(short, 6.5)[0] <= 100
    assert shortened("Nanping 2021", 100, 6.5) == "Nanping 2021"
    cjk = shortened("黔东南苗族侗族自治州 2021 减污降碳", 60, 6.5, keep_tail=True)
    assert cjk.endswith("… 2021 减污降碳") and text_size(cjk, 6.5)[0] <= 60


def test_panel_rects_place_margins_and_gaps_in_points():
    (a, b), = panel_rects(7.2, 2.0, left=72, right=36, top=18, bottom=18, cols=2, wgap=36)
    assert a == pytest.approx((72 / 518.4, 18 / 144, (518.4 - 144) / 2 / 518.4, 108 / 144))
    assert b[0] == pytest.approx((72 + (518.4 - 144) / 2 + 36) / 518.4)
    with pytest.raises(ValueError, match="no room"):
        panel_rects(1, 1, left=60, right=20, top=0, bottom=0)


def test_bars_are_one_collection_starting_at_their_base():
    fig, ax = plt.subplots()
    coll = bars(ax, [0, 1, 2], [3, 1, 2], colors=["red", "green", "blue"], start=[0, 1, 0])
    assert len(ax.collections) == 1 and len(coll.get_paths()) == 3
    np.testing.assert_allclose(coll.get_paths()[1].vertices[:4], [[0.6, 1], [0.6, 2], [1.4, 2], [1.4, 1]])
    assert ax.get_ylim()[0] == 0
    h = bars(ax, [0], [5], horizontal=True)
    np.testing.assert_allclose(h.get_paths()[0].vertices[:4], [[0, -0.4], [5, -0.4], [5, 0.4], [0, 0.4]])
