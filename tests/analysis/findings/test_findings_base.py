"""The findings' shared interface (what the notebooks and the HTML report rely on) and wording."""
import json

import pytest

from comparison.analysis.findings import TOPICS, Finding, Findings, for_notebook
from comparison.analysis.findings.base import select
from comparison.analysis.findings.wording import mid, names, percent, points, spaced


def test_names_join_lists_and_cut_long_ones():
    assert names(["A"], "en") == "A" and names(["A", "B"], "en") == "A and B"
    assert names(["A", "B", "C"], "en", conj="or") == "A, B or C"
    assert names([f"P{k}" for k in range(10)], "en") == "P0, P1, P2, P3, P4 and 5 more"
    assert names(["南平 2021", "上饶 2022", "焦作 2021"], "zh") == "南平 2021、上饶 2022和焦作 2021"
    assert names([f"P{k}" for k in range(10)], "zh") == "P0、P1、P2、P3、P4等 10 项"


def test_chinese_text_is_spaced_between_latin_and_han_like_the_captions():
    assert spaced("南平 2021和焦作 2021设定36个") == "南平 2021 和焦作 2021 设定 36 个"
    assert spaced("至多20%的句子") == "至多 20% 的句子" and spaced("生态环境局") == "生态环境局"


def test_shares_and_labels_in_running_text():
    assert (percent(0.006), percent(0.0), percent(0.1976)) == ("0.6%", "0%", "20%")
    assert points(0.0792, "en") == "7.9 percentage points" and points(-0.01, "zh") == "1.0 个百分点"
    assert mid("Services and tourism", "en") == "services and tourism"
    assert mid("PM2.5 concentration", "en") == "PM2.5 concentration" and mid("工业", "zh") == "工业"


def test_findings_render_as_markdown_and_escaped_html_and_are_found_by_key():
    found = Findings([Finding("a", "**Caveat.** x < y"), Finding("b", "*No significance.* z", {"n": 1}, caveat=True)])
    assert found.markdown() == "**Caveat.** x < y\n\n*No significance.* z" == found._repr_markdown_()
    assert found.html() == "<p><b>Caveat.</b> x &lt; y</p>\n<p><i>No significance.</i> z</p>"
    assert found["b"].values == {"n": 1} and found[0].key == "a" and found.keys() == ["a", "b"]
    from IPython.lib.pretty import pretty

    assert pretty(found) == found.markdown()  # a console shows the paragraphs, not a list of dataclasses
    with pytest.raises(KeyError, match="no finding 'c'; keys: a, b"):
        found["c"]


def test_select_runs_the_sections_asked_for_and_names_unknown_ones():
    sections = {"a": lambda: Finding("a", "A"), "b": lambda: None, "c": lambda: [Finding("c1", "C"), Finding("c2", "D")]}
    assert select(sections, None).keys() == ["a", "c1", "c2"]
    assert select(sections, "c").keys() == ["c1", "c2"]
    with pytest.raises(ValueError, match="unknown finding\\(s\\) 'x'; known: a, b, c"):
        select(sections, ["a", "x"])


def test_every_notebook_has_findings_whose_numbers_are_plain_json(real):
    quick = {"04_clustering": dict(B=5, only=["tree", "stability", "limits"]),
             "05_similarity": dict(only=["overlap", "boilerplate"])}
    for notebook in TOPICS:
        for lang in ("en", "zh"):
            found = for_notebook(notebook, real["en"], lang, **quick.get(notebook, {}))
            assert found and all(f.text for f in found)
            json.dumps(found.records())  # raises on numpy or pandas values
    with pytest.raises(ValueError, match="no findings for notebook '07_x'"):
        for_notebook("07_x", real["en"])
    with pytest.raises(ValueError, match="lang must be one of"):
        for_notebook("01_corpus_overview", real["en"], "fr")
