"""The appendix: how to cite from CITATION.cff, the reliability kappas from the codebook, the plans."""
import types

from comparison.api import load
from comparison.paths import project_paths
from comparison.report import appendix

CFF = """cff-version: 1.2.0
message: >-
  If you use citycompare, please cite it as below.
title: >-
  citycompare: traceable comparison of Chinese city
  plans
type: software
authors:
  - name: citycompare contributors
  - given-names: Li
    family-names: Wei
version: 0.1.0
date-released: '2026-12-01'
"""


def test_the_citation_is_built_from_citation_cff_with_the_commit(tmp_path):
    (tmp_path / "CITATION.cff").write_text(CFF, encoding="utf-8")
    info = types.SimpleNamespace(commit="0123456789abcdef0123")
    out = appendix.citation(project_paths(tmp_path), "en", info)
    assert ("<p class=\"citation\">citycompare contributors; Li Wei. citycompare: traceable comparison of Chinese "
            "city plans. Version 0.1.0. 2026-12-01 (commit 0123456789ab).</p>") in out
    assert "<pre class=\"cff\">cff-version: 1.2.0" in out
    assert "版本 0.1.0" in appendix.citation(project_paths(tmp_path), "zh", types.SimpleNamespace(commit=""))
    assert "CITATION.cff" in appendix.citation(project_paths(tmp_path / "none"), "en", info)  # says there is none


def test_the_reliability_table_is_the_codebooks_sheet(real_report):
    paths = project_paths(real_report[0])  # its processed tables (a clean clone has none of its own)
    t = load("en", paths)
    sheet = t.taxonomy.table("reliability")
    html = appendix.methods(t, {})
    for row in sheet.itertuples():
        assert f"<td class=\"num\">{float(row.kappa):.4g}</td>" in html  # kappa as the sheet states it
    assert f"{len(t.taxonomy.table('sectors'))} sectors" in html


def test_the_plans_table_is_bilingual_in_english_and_chinese_in_chinese(real_report):
    paths = project_paths(real_report[0])
    en = appendix.plans_table(load("en", paths))
    zh = appendix.plans_table(load("zh", paths))
    assert "南政综〔2021〕183号" in en and "南政综〔2021〕183号" in zh
    assert "title (English)" in en and "英文译名" not in zh
    assert "draft (for comments)" in en and "征求意见稿" in zh and "未注明日期" in zh


def test_every_processed_table_has_a_chinese_description():
    from comparison.tables.dictionary import TABLES

    assert set(appendix.TABLES_ZH) == set(TABLES)  # the zh report lists the data files in Chinese
