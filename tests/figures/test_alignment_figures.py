"""Notebook 07's figures: drawn (not exported) for the real corpus and for a large synthetic one, they fit the
page width, use no text under 6 pt and no two texts overlap; highlight greys the other plans."""
import itertools

import pandas as pd
import pytest

from comparison.figures import alignment as figures
from comparison.figures import plotting
from comparison.pipeline import validate
from comparison.tables.alignment import alignment_table
from comparison.tables.harmonize import harmonize


@pytest.fixture(scope="module")
def real(paths):
    inputs = validate(paths)
    alignment = alignment_table(harmonize(inputs)["quantities"], inputs.manifest, inputs.references, inputs.units,
                                inputs.taxonomy)
    labels = dict(zip(inputs.manifest.doc_id, inputs.manifest.city_en + " " + inputs.manifest.doc_id.str[-4:]))
    plans = inputs.manifest[["doc_id", "city_id"]]
    return alignment, labels, plotting.plan_colors(plans)


def synthetic(n_plans: int):
    """n plans × 3 indicators, each target against one provincial and one national value."""
    rows = []
    for k, (ind, label) in itertools.product(range(n_plans), [("a_pct", "指标甲 Indicator A with a long name"),
                                                             ("b_pct", "指标乙"), ("c_pct", "指标丙")]):
        for level, ref in (("provincial", 30.0), ("national", 25.0)):
            rows.append(dict(doc_id=f"p{k:03d}_2022", quantity_id=f"p{k:03d}_{ind}", indicator_id=ind, label_en=label,
                             label_zh=label, unit_std="percent", value_std=20.0 + k % 17, reference_value_std=ref,
                             reference_level=level, scope="", status=["exceeds", "below", "matches"][k % 3]))
    alignment = pd.DataFrame(rows)
    labels = {d: f"City {d[1:4]} 2022" for d in alignment.doc_id.unique()}
    plans = pd.DataFrame({"doc_id": list(labels), "city_id": [d[:4] for d in labels]})
    return alignment, labels, plotting.plan_colors(plans)


def texts_of(fig):
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return [(t, t.get_window_extent(renderer)) for t in fig.findobj(lambda a: hasattr(a, "get_text") and
                                                                      hasattr(a, "get_fontsize"))
            if t.get_visible() and t.get_text().strip() and t.figure is fig]


def check_layout(fig):
    assert fig.get_figwidth() <= plotting.PAGE_WIDTH_IN + 1e-9
    texts = texts_of(fig)
    assert min(t.get_fontsize() for t, _ in texts) >= 6
    for (a, box_a), (b, box_b) in itertools.combinations(texts, 2):
        assert not box_a.overlaps(box_b), (a.get_text(), b.get_text())


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("draw", [figures.values_figure, figures.status_figure])
def test_real_figures_fit_and_do_not_overlap(real, lang, draw):
    plotting.setup()
    check_layout(draw(*real, lang))


@pytest.mark.parametrize("n_plans", [5, 40])
@pytest.mark.parametrize("draw", [figures.values_figure, figures.status_figure])
def test_figures_grow_with_the_corpus(n_plans, draw):
    plotting.setup()
    fig = draw(*synthetic(n_plans), "en")
    check_layout(fig)


def test_highlight_keeps_the_chosen_plan_in_colour(real):
    plotting.setup()
    alignment, labels, colors = real
    fig = figures.status_figure(alignment, labels, colors, "en", highlight=["tianshui_2022"])
    ticks = {t.get_text(): t.get_color() for t in fig.axes[0].get_yticklabels()}
    assert ticks[labels["tianshui_2022"]] == colors["tianshui_2022"]
    assert ticks[labels["nanping_2022"]] == figures.GREY


def test_no_pair_draws_a_note(real):
    plotting.setup()
    alignment, labels, colors = real
    fig = figures.values_figure(alignment.iloc[0:0], labels, colors, "zh")
    assert [t.get_text() for t, _ in texts_of(fig)] == ["所选方案没有可与上级目标比较的目标。"]
