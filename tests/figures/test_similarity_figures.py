"""Notebook 05's figures at 5, 40 and 300 plans in both languages, and on the real five plans."""
import pytest
import synthetic_corpus as sc

from comparison.analysis.similarity import clustered_order
from comparison.figures import similarity as sf
from comparison.figures.layout import assert_layout
from comparison.figures.planstyle import plan_style
from comparison.figures.plotting import figure_texts


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("n", sc.SIZES)
def test_layout_at_every_size(n, lang):
    c = sc.cached(n, lang)
    style = sc.style_for(c)
    overlap, cosine = sc.matrix(c, "overlap", symmetric=False), sc.matrix(c, "cosine", symmetric=True)
    for ch in (sf.overlap_chart(overlap, clustered_order(overlap), style, 8),
               sf.cosine_chart(cosine, clustered_order(cosine), style),
               sf.boilerplate_chart(sc.reuse_parts(c), style, 0.5, 8)):
        assert_layout(ch.fig)


def test_few_plans_fit_one_column_with_every_value_and_many_take_the_page():
    few = sc.cached(5, "en")
    m = sc.matrix(few, "cosine", symmetric=True)
    ch = sf.cosine_chart(m, clustered_order(m), sc.style_for(few))
    values = lambda chart: [t for t in chart.fig.axes[0].texts if t.get_gid() == "value"]  # noqa: E731
    assert ch.fig.get_figwidth() <= 3.5 and len(values(ch)) == 5 * 4
    many = sc.cached(40, "en")
    m = sc.matrix(many, "cosine", symmetric=True)
    ch = sf.cosine_chart(m, clustered_order(m), sc.style_for(many))
    assert ch.fig.get_figwidth() > 3.5 and not values(ch)


def test_with_many_plans_the_boilerplate_legend_stays_five_entries():
    c = sc.cached(300, "zh")
    ch = sf.boilerplate_chart(sc.reuse_parts(c), sc.style_for(c), 0.5, 8)
    legend, = ch.fig.legends
    assert len(legend.get_texts()) == 5


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_plans(real_tables, lang):
    from comparison.analysis import similarity as sim

    t = real_tables[lang]
    style = plan_style(t.plans, lang)
    sentences = t.measures[["sentence_id", "doc_id", "plan", "sector", "text"]]
    overlap, cosine = sim.containment(sentences, 8), sim.tfidf_cosine(sentences)
    parts = sim.boilerplate_share(sim.sentence_reuse(sentences, 8), 0.5)
    for ch in (sf.overlap_chart(overlap, clustered_order(overlap), style, 8),
               sf.cosine_chart(cosine, clustered_order(cosine), style),
               sf.boilerplate_chart(parts, style, 0.5, 8)):
        assert_layout(ch.fig)
        assert set(t.plans.plan) <= set(figure_texts(ch.fig)), ch.name


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_dozen_plans_with_long_names_are_all_named(lang):
    """Twelve plans (long autonomous-prefecture names among them) do not fit one column's matrix with
    every name; the matrix takes the page width rather than leave rows unnamed."""
    c = sc.cached(12, lang)
    style = sc.style_for(c)
    assert style.small
    m = sc.matrix(c, "cosine", symmetric=True)
    ch = sf.cosine_chart(m, clustered_order(m), style)
    assert_layout(ch.fig)
    for axis in ("x", "y"):
        labels = [t.get_text() for t in ch.fig.axes[0].texts if t.get_gid() == f"plan-{axis}"]
        assert len(set(labels)) == len(labels) == 12, (axis, labels)
