"""Notebook 06's figures at 5, 40 and 300 plans in both languages, and on the real five plans."""
import pytest
import synthetic_corpus as sc

from comparison.analysis.responsibility import clauses_with_units, involvement
from comparison.figures import responsibility as rf
from comparison.figures.layout import assert_layout
from comparison.figures.planstyle import plan_style
from comparison.figures.plotting import figure_texts


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("n", sc.SIZES)
def test_layout_at_every_size(n, lang):
    c = sc.cached(n, lang)
    r = c.responsibilities
    names = sc.codebook().labels("agencies", lang)
    style = sc.style_for(c)
    for ch in (rf.lead_agencies_chart(involvement(r), clauses_with_units(r), style, names),
               rf.agency_involvement_chart(involvement(r), clauses_with_units(r), style, names)):
        assert_layout(ch.fig)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_plans_show_only_the_two_plans_that_name_units(real_tables, lang):
    t = real_tables[lang]
    r = t.responsibilities
    style = plan_style(t.plans, lang)
    names = t.labels("agencies")
    lead = rf.lead_agencies_chart(involvement(r), clauses_with_units(r), style, names)
    inv = rf.agency_involvement_chart(involvement(r), clauses_with_units(r), style, names)
    for ch in (lead, inv):
        assert_layout(ch.fig)
        texts = " ".join(figure_texts(ch.fig))
        named = [p for p in t.plans.plan if p in texts]
        assert len(named) == 2, named
    assert "16/2" not in " ".join(figure_texts(inv.fig)) and "2/16" in figure_texts(inv.fig)
