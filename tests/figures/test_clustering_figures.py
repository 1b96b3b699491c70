"""Notebook 04's figures at 5, 40 and 300 plans in both languages, and on the real five plans."""
import pytest
import synthetic_corpus as sc

from comparison.analysis import clustering as cl
from comparison.figures import clustering as cf
from comparison.figures.layout import assert_layout
from comparison.figures.planstyle import plan_style
from comparison.figures.plotting import figure_texts


def charts(profiles, link, co, scores, shares, names, style, sector_names):
    order = cf.leaf_order(link, list(profiles.index))
    return [cf.dendrogram_chart(link, profiles, style, sector_names),
            cf.cooccurrence_chart(co, order[::-1], style, B=200),
            cf.theme_k_chart(scores, int(scores.k.iloc[scores.silhouette.argmax()]), style),
            cf.themes_chart(shares, names, order[::-1], style)]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("n", sc.SIZES)
def test_layout_at_every_size(n, lang):
    c = sc.cached(n, lang)
    profiles, link, co, scores = sc.clustering_inputs(c)
    shares, names = sc.themes(c)
    for ch in charts(profiles, link, co, scores, shares, names, sc.style_for(c), sc.codebook().labels("sectors", lang)):
        assert_layout(ch.fig)


def test_leaves_share_the_page_height_when_many():
    c = sc.cached(300, "en")
    profiles, link, co, scores = sc.clustering_inputs(c)
    ch = cf.dendrogram_chart(link, profiles, sc.style_for(c), sc.codebook().labels("sectors", "en"))
    assert ch.fig.get_figheight() < 9.5
    labels = [t.get_text() for ax in ch.fig.axes for t in ax.texts if t.get_gid() == "plan-y"]
    assert len(labels) == len(sc.style_for(c).highlight)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_plans(real_tables, lang):
    t = real_tables[lang]
    style = plan_style(t.plans, lang)
    profiles = cl.profile_matrix(t.priorities, "sector")
    link = cl.plan_linkage(profiles)
    co = cl.bootstrap_cooccurrence(t.measures, "sector_id", list(profiles.columns), ks=(2, 3), B=20, seed=1)
    c = sc.cached(5, lang)
    shares, names = sc.themes(c)
    shares.columns = list(profiles.index)
    _, _, _, scores = sc.clustering_inputs(c)
    for ch in charts(profiles, link, co, scores, shares, names, style, t.labels("sectors")):
        assert_layout(ch.fig)
        if ch.name != "theme_k":
            assert set(t.plans.plan) <= set(" ".join(figure_texts(ch.fig)).replace("\n", " ").split("  ")) or \
                all(p in " ".join(figure_texts(ch.fig)).replace("\n", " ") for p in t.plans.plan), ch.name
