"""Notebook 07's figures at 5, 40 and 300 synthetic plans in both languages (the alignment table built by the
real ``alignment_table`` over synthetic references), and on the real five plans with counts and values
written by hand from data/processed/alignment.csv."""
import numpy as np
import pytest
import synthetic_corpus as sc
from matplotlib import colors as mcolors

from comparison.figures import alignment as af
from comparison.figures.layout import assert_layout
from comparison.figures.planstyle import GREY, plan_style
from comparison.figures.plotting import figure_texts


def _charts(n, lang):
    c = sc.cached(n, lang)
    a = sc.cached_alignment(n, lang)
    style = sc.style_for(c)
    return af.values_charts(a, style), af.status_chart(a, style), style


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("n", sc.SIZES)
def test_layout_at_every_size(n, lang):
    values, status, _ = _charts(n, lang)
    assert [ch.stem for ch in values] == ["07_alignment_values"] + [
        f"07_alignment_values_part{k}" for k in range(2, len(values) + 1)]
    for ch in values + [status]:
        assert_layout(ch.fig)


def test_the_synthetic_table_has_the_real_tables_columns_statuses_and_levels(real_tables):
    from comparison.tables.dictionary import columns

    a = sc.cached_alignment(300, "en")
    real = real_tables["en"].alignment
    assert list(a.columns) == list(real.columns)
    assert [col for col in a.columns if col not in ("plan", "comparator_label", "comparator_symbol",
                                                                  "indicator")] == columns("alignment")
    assert set(a.reference_level) == set(real.reference_level) == {"provincial", "national"}
    assert set(a.status) == {"exceeds", "matches", "below", "not_comparable"}
    assert {"qualitative", "target_year", "total", "measure", "base_year"} <= set(a.reason_id)


def _rgb(c):
    return tuple(np.round(mcolors.to_rgb(c), 3))


def _faces(charts, gid):
    return {_rgb(f[:3]) for ch in charts for ax in ch.fig.axes for coll in ax.collections if coll.get_gid() == gid
            for f in coll.get_facecolors()}


def test_highlighted_plans_in_colour_the_others_grey():
    c = sc.cached(300, "en")
    a = sc.cached_alignment(300, "en")
    style = sc.style_for(c)
    assert style.mode == "highlight" and len(style.highlight) == 3
    compared = set(a[a.status != "not_comparable"].doc_id.astype(str))
    values = af.values_charts(a, style)
    shown = {_rgb(style.colors[d]) for d in style.highlight if d in compared}
    assert shown and _faces(values, "highlighted") == shown
    assert _faces(values, "city") == {_rgb(GREY)}                  # every other plan's target is grey
    status = af.status_chart(a, style)                               # a bar of its own, named in the plan's colour
    named = [tx for tx in status.fig.axes[0].texts if tx.get_gid() == "plan-y"]
    assert sorted(_rgb(tx.get_color()) for tx in named if _rgb(tx.get_color()) != _rgb("#222222")) == sorted(
        _rgb(style.colors[d]) for d in style.highlight)


def test_a_highlight_fades_the_other_plans_bars_at_40_plans():
    c = sc.cached(40, "en")
    a = sc.cached_alignment(40, "en")
    d = c.order[3]
    style = plan_style(c.plans, "en", [d])
    status = af.status_chart(a, style)
    (exceeds,) = [coll for coll in status.fig.axes[1].collections if coll.get_gid() == "national:exceeds"]
    faces = [_rgb(f[:3]) for f in exceeds.get_facecolors()]
    row = list(style.order).index(d)
    assert faces[row] == _rgb(af.STATUS_COLORS["exceeds"])
    assert all(f == _rgb(af._faded(af.STATUS_COLORS["exceeds"])) for k, f in enumerate(faces) if k != row)


def test_many_plans_status_is_by_province_with_every_pair_counted():
    c = sc.cached(300, "en")
    a = sc.cached_alignment(300, "en")
    style = sc.style_for(c)
    status = af.status_chart(a, style)
    for ax, level in zip(status.fig.axes, ("provincial", "national")):
        counts = [int(tx.get_text()) for tx in ax.texts if tx.get_gid() == "count"]
        assert len(counts) == c.plans.province_en.nunique() + len(style.highlight)  # a bar per province and plan
        at_level = a[a.reference_level == level]
        again = at_level.doc_id.astype(str).isin(style.highlight).sum()  # counted in their province and alone
        assert sum(counts) == len(at_level) + again


def _bar_lengths(chart, level, status):
    ax = chart.fig.axes[0 if level == "provincial" else 1]
    (coll,) = [c for c in ax.collections if c.get_gid() == f"{level}:{status}"]
    return [float(np.ptp(p.vertices[:, 0])) for p in coll.get_paths()]


# Pairs per plan by level and status, counted by hand in data/processed/alignment.csv (25 rows):
# Nanping 2022: province matches 1 (fj_carbon_opinion_2022_t02), below 1 (fj_mz_2022_17_t01), not comparable 2
# (t03: target year 2030; t01: in words); nation exceeds 2 (≈20% twice), below 3 (13.5% three times), not
# comparable 3 (2030 and 2060 targets). Shangrao: province matches 1. Tianshui: province exceeds 1 (34%), below 2
# (12.5%, 13%); nation exceeds 1 (24.1%), below 3, not comparable 2. Jiaozuo: nation not comparable 3 (base year).
HAND_COUNTS = {
    ("provincial", "exceeds"): [0, 0, 0, 1, 0], ("provincial", "matches"): [0, 1, 1, 0, 0],
    ("provincial", "below"): [0, 1, 0, 2, 0], ("provincial", "not_comparable"): [0, 2, 0, 0, 0],
    ("national", "exceeds"): [0, 2, 0, 1, 0], ("national", "matches"): [0, 0, 0, 0, 0],
    ("national", "below"): [0, 3, 0, 3, 0], ("national", "not_comparable"): [0, 3, 0, 2, 3],
}
PLANS = ["nanping_2021", "nanping_2022", "shangrao_2022", "tianshui_2022", "jiaozuo_2021"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_plans(real_tables, lang):
    t = real_tables[lang]
    style = plan_style(t.plans, lang)
    (values,) = af.values_charts(t.alignment, style)
    status = af.status_chart(t.alignment, style)
    for ch in (values, status):
        assert_layout(ch.fig)
    assert list(style.order) == PLANS
    assert set(t.plans.plan) <= set(figure_texts(status.fig))   # every plan has its row, with or without pairs
    for (level, s), expected in HAND_COUNTS.items():
        assert _bar_lengths(status, level, s) == pytest.approx(expected), (level, s)
    assert _bar_lengths(status, "provincial", "looser_comparator") == [0] * 5


def test_real_values_show_each_compared_target_with_its_references(real_tables):
    t = real_tables["en"]
    (values,) = af.values_charts(t.alignment, plan_style(t.plans, "en"))
    panels = {ax.get_title(loc="left").replace("\n", " "): ax for ax in values.fig.axes}
    assert len(panels) == 5    # five indicators have a pair that compares
    energy = panels["Reduction of energy consumption per unit of GDP"]
    rows = [tx.get_text() for tx in energy.texts if tx.get_gid() == "row"]
    assert rows == ["Nanping 2022 (synergy)", "Tianshui 2022"]
    everything = {(round(float(x), 2), int(y)) for coll in energy.collections for x, y in coll.get_offsets()}
    # Nanping 2022 (row 0): city 13, Fujian 14, nation 13.5; Tianshui (row 1): city 11, Gansu 12.5 and 13, nation 13.5
    assert everything == {(13.0, 0), (14.0, 0), (13.5, 0), (11.0, 1), (12.5, 1), (13.0, 1), (13.5, 1)}
    forest = panels["Forest coverage rate"]
    assert {(round(float(x), 1), int(y)) for coll in forest.collections for x, y in coll.get_offsets()} == {
        (39.0, 0), (24.1, 0)}
    assert "15 pairs that compare" in values.caption


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_with_no_compared_pair_the_values_figure_and_its_caption_say_so(lang):
    a = sc.cached_alignment(5, lang)
    none_compare = a.assign(status="not_comparable")
    style = sc.style_for(sc.cached(5, lang))
    [chart] = af.values_charts(none_compare, style)
    assert af.TEXT[lang]["none"] in figure_texts(chart.fig)
    assert chart.caption.startswith("没有可比较的目标对" if lang == "zh" else "No pairs compare")
    assert ("每行" if lang == "zh" else "Each row") not in chart.caption
    assert_layout(chart.fig)
