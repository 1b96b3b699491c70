"""Notebook 07's figures on the real five plans pass the layout checker (they are not yet designed for 40
or 300 plans: the values figure grows a row per city target)."""
import pytest

from comparison.figures import alignment as af
from comparison.figures.layout import assert_layout
from comparison.figures.plotting import plan_colors


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_plans(real_tables, lang):
    t = real_tables[lang]
    for figure in (af.values_figure, af.status_figure):
        assert_layout(figure(t.alignment, t.plan_labels(), plan_colors(t.plans), lang, None))
