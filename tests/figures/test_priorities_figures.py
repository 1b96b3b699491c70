"""Notebook 03's figures at 5, 40 and 300 plans in both languages, and on the real five plans."""
import pandas as pd
import pytest
import synthetic_corpus as sc

from comparison.analysis.priorities import (category_colors, codebook_order, emphasis, group_breaks,
                                            instrument_types, profile)
from comparison.figures import priorities as pf
from comparison.figures.layout import assert_layout
from comparison.figures.planstyle import plan_style
from comparison.figures.plotting import figure_texts


def charts(pr, tax, lang, style, syn):
    order = list(profile(pr, "sector").index)
    by_sent, by_chars = profile(pr, "sector", order=order), profile(pr, "sector", "share_chars", order=order)
    sectors = tax.labels("sectors", lang)
    pillars = codebook_order(tax, "pillar_group")
    inst = codebook_order(tax, "instrument")
    by_inst = profile(pr, "instrument", order=inst)
    types = profile(pr, "instrument_type", order=codebook_order(tax, "instrument_type"))
    return [
        pf.sector_heatmap(by_sent, by_chars, style, sectors),
        pf.pillar_heatmap(profile(pr, "pillar_group", order=pillars),
                          profile(pr, "pillar_group", "share_chars", order=pillars), style, tax.labels("pillars", lang)),
        pf.instrument_heatmap(by_inst, profile(pr, "instrument", "share_chars", order=inst), style,
                              tax.labels("instruments", lang), group_breaks(list(by_inst.index), instrument_types(tax))),
        pf.sector_stacked(by_sent, category_colors(order), style, sectors),
        pf.instrument_type_stacked(types, category_colors(list(types.index)), style, tax.labels("instruments", lang)),
        pf.sector_emphasis(emphasis(by_sent), style, sectors),
        pf.synergy_share(syn, style),
    ]


def synthetic_synergy(c):
    rng = sc.rng_for(c, "synergy")
    return pd.DataFrame({"doc_id": c.order, "share_sentences": rng.uniform(0.02, 0.4, len(c.order))})


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("n", sc.SIZES)
def test_layout_at_every_size(n, lang):
    c = sc.cached(n, lang)
    drawn = charts(c.priorities, sc.codebook(), lang, sc.style_for(c), synthetic_synergy(c))
    assert [ch.stem for ch in drawn] == ["03_sector_heatmap", "03_pillar_heatmap", "03_instrument_heatmap",
                                         "03_sector_stacked", "03_instrument_type_stacked", "03_sector_emphasis",
                                         "03_synergy_share"]
    for ch in drawn:
        assert_layout(ch.fig)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_plans_print_every_share_and_label_every_plan(real_tables, lang):
    from comparison.analysis.priorities import synergy_share

    t = real_tables[lang]
    style = plan_style(t.plans, lang)
    drawn = charts(t.priorities, t.taxonomy, lang, style, synergy_share(t.measures))
    for ch in drawn:
        assert_layout(ch.fig)
        assert set(t.plans.plan) <= set(figure_texts(ch.fig)), ch.stem
    sector = drawn[0]
    by_sent = profile(t.priorities, "sector")
    printed = [x.get_text() for x in sector.fig.axes[0].texts if x.get_gid() == "value"]
    assert sorted(printed) == sorted(f"{100 * v:.1f}" for v in by_sent.to_numpy().ravel())
    assert "Nanping 2022 (synergy)" in sector.caption or "南平 2022 减污降碳" in sector.caption


def test_many_plans_drop_the_cell_values_for_a_colour_bar():
    c = sc.cached(300, "en")
    chart = charts(c.priorities, sc.codebook(), "en", sc.style_for(c), synthetic_synergy(c))[0]
    heat = [ax for ax in chart.fig.axes if ax.images]
    assert heat and not [x for ax in heat for x in ax.texts if x.get_gid() == "value"]
    assert any(getattr(ax, "_colorbar", None) is not None for ax in chart.fig.axes)
