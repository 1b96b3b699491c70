"""A report section per notebook: title and question from the notebook, findings from the topic's findings
function when there is one, figures in the order the notebook names them."""
import json
import sys
import types

import pytest

from comparison.report import sections, words
from comparison.report.run import notebooks

HEADER = ("# 07 Something new\n\n**Question.** Which plans do X,\nand how often?\n\n**Inputs.** `data/processed/`.\n\n"
          "**Figures.** `07_second`, `07_first`.")


def _cells(*markdown, code=()):
    return ([{"cell_type": "markdown", "source": m} for m in markdown]
            + [{"cell_type": "code", "source": c} for c in code])


def test_title_and_question_come_from_the_notebooks_first_cell():
    assert sections.header(_cells(HEADER, "Later prose.")) == ("Something new", "Which plans do X, and how often?")
    assert sections.notebook_prose(_cells(HEADER, "First finding.", "## Part\n\nSecond.")) == \
        "First finding.\n\n## Part\n\nSecond."


def test_every_notebook_has_a_chinese_title_and_question(paths):
    stems = [nb.stem for nb in notebooks(paths)]
    assert stems and set(stems) == set(words.SECTIONS_ZH)
    for stem in stems:
        title, question = sections.header(sections.notebook_cells(paths.notebooks / f"{stem}.ipynb"))
        assert title and question, stem  # the English ones are read from the notebook


@pytest.fixture
def findings_module(monkeypatch):
    """A stand-in for comparison.analysis.findings.<topic> (the real ones are written elsewhere)."""
    package = types.ModuleType("comparison.analysis.findings")
    package.__path__ = []
    monkeypatch.setitem(sys.modules, "comparison.analysis.findings", package)

    def install(topic, fn):
        module = types.ModuleType(f"comparison.analysis.findings.{topic}")
        module.findings = fn
        monkeypatch.setitem(sys.modules, module.__name__, module)
    return install


def test_findings_come_from_the_topics_findings_function(findings_module):
    calls = []
    findings_module("overview", lambda t, lang: calls.append(lang) or ["**5** plans.", "Second paragraph."])
    assert sections.findings_function("01_corpus_overview") is not None  # named after its last word
    text, note = sections.findings_markdown("01_corpus_overview", _cells(HEADER), types.SimpleNamespace(), "zh")
    assert (text, note, calls) == ("**5** plans.\n\nSecond paragraph.", "", ["zh"])


def test_without_a_findings_function_only_the_seed_plans_get_the_notebooks_prose(monkeypatch):
    import pandas as pd

    from comparison.api import PROSE_PLANS

    monkeypatch.setattr(sections, "findings_function", lambda stem: None)
    seed = types.SimpleNamespace(plans=pd.DataFrame({"doc_id": sorted(PROSE_PLANS)}))
    more = types.SimpleNamespace(plans=pd.DataFrame({"doc_id": sorted(PROSE_PLANS) + ["shili_2023"]}))
    cells = _cells(HEADER, "Nine indicators are shared.")
    assert sections.findings_markdown("07_x", cells, seed, "en") == ("Nine indicators are shared.",
                                                                     words.ui("en", "prose_seed_only"))
    assert sections.findings_markdown("07_x", cells, more, "en") == (None, words.ui("en", "no_findings"))
    assert sections.findings_markdown("07_x", cells, seed, "zh") == (None, words.ui("zh", "no_findings"))


def test_a_findings_module_that_fails_to_import_is_an_error_not_a_missing_section(findings_module, monkeypatch):
    import importlib

    def broken(name, *args):
        if name == "comparison.analysis.findings.targets":
            raise ModuleNotFoundError("No module named 'not_installed'", name="not_installed")
        return importlib.import_module(name, *args)
    monkeypatch.setattr(sections.importlib, "import_module", broken)
    with pytest.raises(ModuleNotFoundError, match="not_installed"):
        sections.findings_function("02_targets")


def test_figures_follow_the_notebooks_order_with_their_caveats(tmp_path):
    from PIL import Image

    for stem, info in (("07_first", {"caption": "First.", "caveats": ["Hollow: not comparable."]}),
                       ("07_second", {"caption": "Second.", "caveat": "Only two plans."}),
                       ("07_unnamed", {"caption": "Third."}), ("08_other", {"caption": "Elsewhere."})):
        Image.new("RGB", (600, 300), "white").save(tmp_path / f"{stem}.png", dpi=(300, 300))
        (tmp_path / f"{stem}.json").write_text(json.dumps({"figure": stem, **info}), encoding="utf-8")
    (tmp_path / "07_nopng.json").write_text(json.dumps({"figure": "07_nopng", "caption": "x"}), encoding="utf-8")
    text = HEADER + '\nplotting.save_figure(fig, "07", "second", lang, caption)'
    found = sections.section_figures(tmp_path, "07", text)
    assert [f.stem for f in found] == ["07_second", "07_first", "07_unnamed"]
    assert [f.caveats for f in found] == [["Only two plans."], ["Hollow: not comparable."], []]
    assert found[0].picture.css_width == pytest.approx(600 / 300 * 96)
