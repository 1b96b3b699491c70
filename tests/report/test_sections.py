"""A report section per notebook: title and question from the notebook, findings as the executed notebook
printed them, figures in the order the notebook names them."""
import json

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
    assert sections.header(_cells("No heading.")) == ("", "")


def test_every_notebook_has_a_chinese_title_and_question(paths):
    stems = [nb.stem for nb in notebooks(paths)]
    assert stems and set(stems) == set(words.SECTIONS_ZH)
    for stem in stems:
        title, question = sections.header(sections.notebook_cells(paths.notebooks / f"{stem}.ipynb"))
        assert title and question, stem  # the English ones are read from the notebook


def test_findings_are_what_the_executed_notebook_printed(tmp_path, monkeypatch):
    import comparison.analysis.findings as found

    executed = tmp_path / "02_targets.ipynb"
    cells = _cells(HEADER, code=["x = 1"]) + [
        {"cell_type": "code", "source": "findings(t, lang)", "outputs": [
            {"output_type": "execute_result", "data": {"text/markdown": ["**9** indicators ", "are shared."],
                                                       "text/plain": ["…"]}}]},
        {"cell_type": "code", "source": "table", "outputs": [{"output_type": "execute_result",
                                                             "data": {"text/html": "<table/>"}}]},
        {"cell_type": "code", "source": "display(findings(t, lang, only='x'))", "outputs": [
            {"output_type": "display_data", "data": {"text/markdown": "**Caveat.** One draft plan."}}]}]
    executed.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    monkeypatch.setattr(found, "for_notebook", lambda *a, **k: pytest.fail("computed again"))
    assert sections.findings_markdown("02_targets", executed, None, "en") == \
        ("**9** indicators are shared.\n\n**Caveat.** One draft plan.", "")


def test_without_an_executed_copy_the_findings_are_computed(tmp_path, monkeypatch):
    import comparison.analysis.findings as found

    calls = []
    monkeypatch.setattr(found, "for_notebook", lambda stem, t, lang: calls.append((stem, lang)) or found.Findings(
        [found.Finding("a", "Five plans."), found.Finding("b", "四份方案。")]))
    missing = tmp_path / "none.ipynb"
    assert sections.findings_markdown("01_corpus_overview", missing, None, "zh") == ("Five plans.\n\n四份方案。", "")
    assert calls == [("01_corpus_overview", "zh")]
    assert sections.findings_markdown("07_new", missing, None, "en") == (None, words.ui("en", "no_findings"))


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
