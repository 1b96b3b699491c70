"""HTML made safely: text from plans, workbooks and findings never becomes markup."""
import pandas as pd

from comparison.report.markup import cell_text, esc, markdown_html, table_html, tag


def test_markdown_shows_raw_html_as_text_and_drops_script_links():
    out = markdown_html("**粗体** and <script>alert(1)</script> <b onclick='x'>b</b> [x](javascript:alert(1)) "
                        "[doc](https://example.org/a?b=1&c=2)")
    assert "<strong>粗体</strong>" in out
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<b onclick" not in out and "&lt;b onclick=" in out
    assert "javascript:" not in out
    assert 'href="https://example.org/a?b=1&amp;c=2"' in out


def test_findings_headings_sit_under_the_section_heading():
    out = markdown_html("# Top\n\n## Sub\n\ntext\n\n- one\n- two")
    assert "<h3>Top</h3>" in out and "<h4>Sub</h4>" in out and "<li>one</li>" in out
    assert "<h1>" not in out and "<h2>" not in out


def test_tables_escape_every_value_and_group_rows():
    df = pd.DataFrame({"plan": ["A", "A", "B"], "target": ["≥95%", "<b>x</b>", "=1+1"], "n": [1, 2, 3],
                       "quote": ["line\nbreak", "", "a & b"]})
    out = table_html(df, {"plan": "方案", "quote": "原文"}, "Table 1. <i>t</i>", wide={"quote"}, group="plan")
    assert "<caption>Table 1. &lt;i&gt;t&lt;/i&gt;</caption>" in out
    assert "&lt;b&gt;x&lt;/b&gt;" in out and "<b>" not in out and "a &amp; b" in out
    assert out.count("<tr class='group'>") == 2 and "<th colspan=\"3\" scope=\"rowgroup\">A</th>" in out
    assert "<th scope=\"col\">方案</th>" not in out  # the grouped column is shown as heading rows only
    assert "<td class=\"num\">2</td>" in out and "<td class=\"wide\">line\nbreak</td>" in out


def test_cells_print_numbers_as_stated():
    assert [cell_text(v) for v in (None, float("nan"), 3, 3.0, 0.123456, "2025", True)] == \
        ["", "", "3", "3", "0.1235", "2025", "True"]


def test_attributes_are_escaped_and_empty_ones_left_out():
    assert tag("a", "x", href="a\"b<c", class_=None, data_figure="01_x") == \
        '<a href="a&quot;b&lt;c" data-figure="01_x">x</a>'
    assert esc("<'\">&") == "&lt;&#x27;&quot;&gt;&amp;"
