"""The HTML report of the real corpus as a document: it parses, its contents link every section, every file it
links to exists, every character it shows is in its embedded font, figures appear at their printed size
with their files, targets carry their clause and exact quote, the Chinese report is in Chinese, and the
page stays small. All on the one shared report run (``real_report``)."""
from __future__ import annotations

import base64
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PIL import Image

from comparison.paths import project_paths
from comparison.report.page import report_names

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
PAGES = {"en": "report.html", "zh": "report_zh.html"}


class Page(HTMLParser):
    """Parses a page strictly enough for these tests: every element closed in order, and what they need
    (ids, links, images, visible text, the embedded font, table rows)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.ids, self.hrefs, self.images = [], [], [], [], []
        self.text, self.style, self.sections, self.tables = [], [], [], []  # tables: (id, rows of cell texts)
        self._in_style = self._in_title = False
        self._nav_depth = None
        self.nav_links, self._row, self._cell = [], None, None
        self.feed(html)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {self.stack}")

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "section":
            self.sections.append(a.get("id"))
        if tag == "nav" and a.get("id") == "contents":
            self._nav_depth = len(self.stack)
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
            if self._nav_depth is not None:
                self.nav_links.append(a["href"])
        if tag == "img":
            self.images.append(a)
        if tag == "table":
            self.tables.append((a.get("id"), []))
        if tag == "tr":
            self._row = []
        if tag in ("td", "th") and self._row is not None:
            self._cell = []
        self._in_style |= tag == "style"
        self._in_title |= tag == "title"
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        if tag == "nav" and self._nav_depth == len(self.stack):
            self._nav_depth = None
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        if tag == "tr" and self._row is not None:
            self.tables[-1][1].append(self._row)
            self._row = None
        self._in_style &= tag != "style"
        self._in_title &= tag != "title"

    def handle_data(self, data):
        if self._in_style:
            self.style.append(data)
        elif not self._in_title:
            self.text.append(data)
            if self._cell is not None:
                self._cell.append(data)

    def table(self, table_id: str) -> list[list[str]]:
        return next(rows for i, rows in self.tables if i == table_id)

    def visible_text(self) -> str:
        return "".join(self.text)

    def font(self) -> TTFont:
        css = "".join(self.style)
        data = re.search(r"url\(data:font/(woff2?);base64,([A-Za-z0-9+/=]+)\)", css)
        assert data, "no embedded font in the page's style"
        return TTFont(io.BytesIO(base64.b64decode(data.group(2))))


@pytest.fixture(scope="module")
def pages(real_report):
    root, _ = real_report
    out = {}
    for lang in PAGES:
        for single, name in zip((False, True), report_names(lang)):
            html = (root / "reports" / name).read_text(encoding="utf-8")
            out[lang, single] = (html, Page(html))
    return root, out


@pytest.mark.parametrize("single", [False, True], ids=["linked", "single"])
@pytest.mark.parametrize("lang", PAGES)
def test_the_page_parses_and_every_internal_link_lands(pages, lang, single):
    _, all_pages = pages
    html, page = all_pages[lang, single]
    assert html.startswith("<!doctype html>")
    assert page.errors == []
    assert len(page.ids) == len(set(page.ids)), "an id used twice"
    missing = [h for h in page.hrefs if h.startswith("#") and h[1:] not in page.ids]
    assert missing == []


@pytest.mark.parametrize("lang", PAGES)
def test_the_contents_link_every_section(pages, lang):
    root, all_pages = pages
    _, page = all_pages[lang, False]
    numbers = [nb.name[:2] for nb in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))]
    sections = [s for s in page.sections if s]
    assert sections == [f"s{n}" for n in numbers] + ["appendix", "plans", "methods", "data_files", "cite"]
    assert set(sections) <= {h[1:] for h in page.nav_links}
    assert [h for h in page.nav_links if h[1:] in sections[:len(numbers)]] == [f"#s{n}" for n in numbers]


@pytest.mark.parametrize("lang", PAGES)
def test_every_referenced_file_exists_and_the_single_file_needs_none(pages, lang):
    root, all_pages = pages
    _, page = all_pages[lang, False]
    files = [h for h in page.hrefs + [i["src"] for i in page.images] if not h.startswith(("#", "data:"))]
    assert files, "the linked report links its figure files"
    assert [f for f in files if not (root / "reports" / f).resolve().exists()] == []
    assert {Path(f).suffix for f in files} >= {".png", ".svg", ".pdf", ".csv"}
    _, single = all_pages[lang, True]
    assert [h for h in single.hrefs + [i["src"] for i in single.images] if not h.startswith(("#", "data:"))] == []


@pytest.mark.parametrize("single", [False, True], ids=["linked", "single"])
@pytest.mark.parametrize("lang", PAGES)
def test_every_character_shown_is_in_the_embedded_font_and_the_font_is_a_subset(pages, lang, single):
    _, all_pages = pages
    html, page = all_pages[lang, single]
    font = page.font()
    cmap = set(map(chr, font.getBestCmap()))
    shown = set(page.visible_text()) - set("\n\r\t")
    assert sorted(shown - cmap) == []
    used = set(re.sub(r"data:[a-z/0-9]+;base64,[A-Za-z0-9+/=]+", "", html))
    assert sorted(cmap - used) == [], "the font carries characters the page does not use"
    assert len(font.getGlyphOrder()) < 3000  # the bundled font has over 30 000 glyphs
    if lang == "zh":
        assert {"图", "表", "南", "平"} <= cmap


@pytest.mark.parametrize("lang", PAGES)
def test_figures_are_numbered_at_their_printed_size_with_their_files(pages, lang):
    root, all_pages = pages
    html, page = all_pages[lang, False]
    figures = re.findall(r"<figure id='fig-(\d+)' data-figure='(\w+)'>", html)
    assert [int(n) for n, _ in figures] == list(range(1, len(figures) + 1))
    label = "图{}" if lang == "zh" else "Figure {}."
    for n, _ in figures:
        assert f">{label.format(n)}</span>" in html
    for (n, stem), img in zip(figures, page.images):
        png = root / "reports" / "figures" / lang / f"{stem}.png"
        with Image.open(png) as full:
            inches = full.width / full.info["dpi"][0]
        assert int(img["width"]) == round(inches * 96) <= round(7.2 * 96) + 1, stem
        with Image.open(io.BytesIO(base64.b64decode(img["src"].split(",", 1)[1]))) as shown:
            assert shown.width == pytest.approx(2 * int(img["width"]), abs=2), stem  # two device pixels per CSS px
        for ext in ("png", "svg", "pdf"):
            assert f"href=\"figures/{lang}/{stem}.{ext}\"" in html, (stem, ext)


def test_each_target_shown_has_its_clause_and_exact_quote(pages):
    root, all_pages = pages
    texts = project_paths(root).texts  # the report's project: the real plans and the sixth
    _, page = all_pages["en", False]
    targets, n_tables = [], 0
    for _, rows in page.tables:
        header = rows[0] if rows else []
        if "clause" not in header:
            continue
        n_tables += 1
        assert "quote (exact words of the plan)" in header
        clause_col, quote_col = header.index("clause"), header.index("quote (exact words of the plan)")
        body = [r for r in rows[1:] if len(r) > 1]  # not the indicator (or plan) heading rows
        assert all(re.fullmatch(r"\w+_\d{4}:[\d.]+", r[clause_col]) for r in body)
        targets += [(r[clause_col], r[quote_col]) for r in body]
    # shared targets (24 values in comparison.csv), headline targets (7: Nanping 2021 two, Tianshui three,
    # Jiaozuo two), where Nanping's two plans disagree (livestock manure: 95% and ≥95%, one row each), and the
    # city targets set beside the levels above
    assert n_tables == 4 and len(targets) >= 24 + 7 + 2
    for clause, quote in targets:
        text = (texts / f"{clause.split(':')[0]}.txt").read_text(encoding="utf-8")
        assert quote and quote in text, (clause, quote)
    assert ("tianshui_2022:2.2", "到 2025 年，畜禽粪污资源化综合利用率达 80%以上") in targets
    assert ("nanping_2021:3.2", "到 2025 年，规模畜禽养殖废弃物资源化利用率、农作物秸秆综合利用率均达到 95%") in targets
    assert ("nanping_2022:5.4", "畜禽粪污综合利\n\n用率达到 95%以上") in targets  # line breaks as in the raw text


def test_the_chinese_report_is_in_chinese(pages):
    _, all_pages = pages
    _, page = all_pages["zh", False]
    text = page.visible_text().replace("new-plan", "")  # a command's name, as typed: not English prose
    assert "new-plan" in page.visible_text()  # the report previews plans under review, which names it
    for english in ("Figure", "Table", "Question", "Findings", "Contents", "Appendix", "reviewed", "final",
                    "draft", "percent", "plan", "indicator", "target", "share of sentences"):
        assert not re.search(rf"\b{english}\b", text), english
    plans = page.table("plans-table")
    status = plans[0].index("状态")
    assert {r[status] for r in plans[1:]} == {"正式印发", "征求意见稿"}
    assert {"图1", "表1", "目录", "附录", "问题：", "数据截至"} <= set(re.findall(r"图1|表1|目录|附录|问题：|数据截至", text))


def test_the_build_block_names_the_date_version_and_each_plans_review(pages):
    _, all_pages = pages
    text = all_pages["en", False][1].visible_text()
    assert "Data as of" in text and "citycompare version" in text
    for plan in ("Nanping 2021", "Nanping 2022 (synergy)", "Shangrao 2022", "Tianshui 2022", "Jiaozuo 2021"):
        assert f"{plan} — reviewed" in text
    assert "Commit" not in text  # the report's copy of the project is not a git checkout


def test_the_page_is_small_and_the_single_file_carries_the_300_dpi_figures(pages):
    root, all_pages = pages
    for lang in PAGES:
        linked, single = (root / "reports" / name for name in report_names(lang))
        assert linked.stat().st_size <= 3 * 1024 * 1024, lang
        html = all_pages[lang, True][0]
        png = (root / "reports" / "figures" / lang / "02_coverage.png").read_bytes()
        assert base64.b64encode(png).decode("ascii") in html


def test_the_report_is_deterministic(real_report):
    from comparison.report.page import write_reports

    root, _ = real_report
    files = [root / "reports" / name for name in report_names("zh")]
    before = [f.read_bytes() for f in files]
    write_reports(project_paths(root), langs=("zh",))
    assert [f.read_bytes() for f in files] == before
