"""Notebook 02's figures (shared targets, coverage, reconciliation) at 5, 40 and 300 plans in both
languages, and on the real five plans."""
import pytest
import synthetic_corpus as sc

from comparison.analysis.targets import comparability_notes, coverage, same_city_pairs, shared_targets
from comparison.figures.coverage import coverage_charts, paginate
from comparison.figures.layout import MAX_HEIGHT_IN, assert_layout
from comparison.figures.planstyle import plan_style
from comparison.figures.plotting import figure_texts
from comparison.figures.reconciliation import reconciliation_charts
from comparison.tables.plan_labels import pair_label
from comparison.figures.targets import shared_targets_charts


def _coverage(c):
    tax = sc.codebook()
    return coverage(c.quantities, tax.table("indicators"), tax.table("sectors"), c.order, c.lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("n", sc.SIZES)
def test_shared_targets_layout_at_every_size(n, lang):
    c = sc.cached(n, lang)
    charts = shared_targets_charts(shared_targets(c.quantities), sc.style_for(c))
    assert [ch.name for ch in charts] == ["shared_targets"] + [f"shared_targets_part{k}" for k in range(2, len(charts) + 1)]
    for ch in charts:
        assert_layout(ch.fig)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("n", sc.SIZES)
def test_coverage_layout_at_every_size(n, lang):
    c = sc.cached(n, lang)
    charts = coverage_charts(_coverage(c), sc.style_for(c))
    for ch in charts:
        assert_layout(ch.fig)


def test_every_shared_indicator_is_drawn_once_across_the_parts():
    c = sc.cached(300, "en")
    shared = shared_targets(c.quantities)
    charts = shared_targets_charts(shared, sc.style_for(c))
    assert len(charts) > 1
    titles = " ".join(" ".join(figure_texts(ch.fig)) for ch in charts)
    for name in shared.drop_duplicates("indicator_id").indicator:
        assert name.split(" ")[0] in titles
    assert all(ch.fig.get_figheight() <= MAX_HEIGHT_IN for ch in charts)


def test_a_value_that_is_not_comparable_is_hollow_with_its_reason_in_a_footnote():
    c = sc.cached(40, "en")
    shared = shared_targets(c.quantities)
    first_row = shared.index[0]
    shared = shared.assign(comparable=shared.index != first_row,
                           reason=["base year not stated (other plans: 2020)" if i == first_row else ""
                                   for i in shared.index])
    first = shared_targets_charts(shared, sc.style_for(c))[0]
    texts = " ".join(figure_texts(first.fig))
    assert "Hollow markers" in texts and "base year not stated (other plans: 2020)" in texts
    hollow = [coll for coll in first.fig.axes[0].collections
              if hasattr(coll, "get_facecolors") and len(coll.get_facecolors()) == 1
              and tuple(coll.get_facecolors()[0]) == (1.0, 1.0, 1.0, 1.0)]
    assert len(hollow) == 1 and len(hollow[0].get_offsets()) == 1
    assert_layout(first.fig)
    everything_comparable = shared_targets_charts(shared.assign(comparable=True), sc.style_for(c))[0]
    assert "Hollow" not in " ".join(figure_texts(everything_comparable.fig))


def test_coverage_parts_keep_every_indicator_and_repeat_a_cut_sector_header():
    c = sc.cached(300, "en")
    cov = _coverage(c)
    charts = coverage_charts(cov, sc.style_for(c))
    assert [ch.name for ch in charts][:2] == ["coverage", "coverage_part2"]
    shown = [t.get_text() for ch in charts for ax in ch.fig.axes for t in ax.texts if t.get_gid() == "row"]
    sectors = cov[cov.n_plans > 0].sector.nunique()
    assert len([s for s in shown if not s.endswith("(continued)")]) == (cov.n_plans > 0).sum() + sectors


def test_paginate_cuts_at_group_boundaries_and_marks_continued_headers():
    import pandas as pd

    rows = pd.DataFrame({"indicator": ["A", "a1", "a2", "B", "b1", "b2", "b3", "b4", "b5", "C", "c1"],
                         "header": [True, False, False, True] + [False] * 5 + [True, False], "sector": list("AAABBBBBBCC")})
    chunks = paginate(rows, 4, " (continued)")
    assert [list(ch.indicator) for ch in chunks] == [["A", "a1", "a2"], ["B", "b1", "b2", "b3"],
                                                   ["B (continued)", "b4", "b5"], ["C", "c1"]]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_plans(real_tables, lang):
    t = real_tables[lang]
    style = plan_style(t.plans, lang)
    shared = shared_targets(t.quantities)
    notes = comparability_notes(shared, lang, t.labels("scope_classes"), t.plan_labels())
    charts = shared_targets_charts(shared.join(notes[["comparable", "reason"]]), style)
    assert len(charts) == 1
    assert_layout(charts[0].fig)
    texts = figure_texts(charts[0].fig)
    assert set(t.plans.plan) <= set(texts)
    hollow = shared[~notes.comparable.astype(bool)]
    assert len(hollow) and all(any(r in s for s in texts) for r in notes.reason[hollow.index])  # each reason shown
    cov = coverage(t.quantities, t.taxonomy.table("indicators"), t.taxonomy.table("sectors"), t.plan_order, lang)
    charts = coverage_charts(cov, style)
    assert len(charts) == 1
    assert_layout(charts[0].fig)
    assert set(t.plans.plan) <= set(figure_texts(charts[0].fig))
    pairs = same_city_pairs(t.plans)
    assert pairs == [("nanping_2021", "nanping_2022")]  # the one city with two plans, earlier first
    chart, = reconciliation_charts(t.quantities, pairs, style)
    assert chart.stem == "02_reconciliation"
    assert_layout(chart.fig)
    texts = figure_texts(chart.fig)
    assert {"2021", {"en": "2022 (synergy)", "zh": "2022 减污降碳"}[lang]} <= set(texts)  # the columns, told apart
    assert not reconciliation_charts(t.quantities, [], style)  # no city with two plans: no figure


def test_one_indicator_is_a_column_figure():
    c = sc.cached(40, "zh")
    shared = shared_targets(c.quantities)
    one = shared[shared.indicator_id == shared.indicator_id.iloc[0]]
    chart, = shared_targets_charts(one, sc.style_for(c), indicator=one.indicator_id.iloc[0])
    assert chart.fig.get_figwidth() <= 3.5
    assert_layout(chart.fig)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("n", sc.SIZES)
def test_reconciliation_layout_at_every_size(n, lang):
    c = sc.cached(n, lang)
    style = sc.style_for(c)
    pairs = same_city_pairs(c.plans)
    charts = reconciliation_charts(c.quantities, pairs, style)
    assert [ch.name for ch in charts] == ["reconciliation"] + [f"reconciliation_part{k}" for k in range(2, len(charts) + 1)]
    for ch in charts:
        assert_layout(ch.fig)
    if len(pairs) > 1:  # one bar per pair, each pair once, the parts of even length
        bars = [sum(len(ax.get_yticks()) for ax in ch.fig.axes) for ch in charts]
        assert sum(bars) == len(pairs) and max(bars) - min(bars) <= 1
        shown = {t for ch in charts for t in figure_texts(ch.fig)}
        for a, b in pairs:  # every pair labelled, whole or shortened with "…"
            label = pair_label(style.labels[a], style.labels[b])
            assert label in shown or any(t.endswith("…") and label.startswith(t[:-1]) for t in shown), label
    one = reconciliation_charts(c.quantities, pairs[:1], style)  # docs = one pair: its detail
    assert len(one) == 1
    assert_layout(one[0].fig)




def test_a_highlighted_plan_keeps_its_pairs_in_full_colour_and_fades_the_others():
    c = sc.cached(40, "en")
    pairs = same_city_pairs(c.plans)
    chosen = pairs[0][1]
    chart, = reconciliation_charts(c.quantities, pairs, plan_style(c.plans, "en", [chosen]))
    ax = chart.fig.axes[0]
    faded = {round(p.get_y() + p.get_height() / 2) for p in ax.patches if p.get_alpha() == 0.3}
    full = {round(p.get_y() + p.get_height() / 2) for p in ax.patches if p.get_alpha() is None}
    labels = {round(y): t for y, t in zip(ax.get_yticks(), ax.get_yticklabels())}
    in_focus = sum(chosen in pair for pair in pairs)
    assert len(full) == in_focus >= 1 and len(faded) == len(pairs) - in_focus and not full & faded
    assert {labels[r].get_color() for r in full} == {"black"} and {labels[r].get_color() for r in faded} == {"0.45"}
    assert_layout(chart.fig)
