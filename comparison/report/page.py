"""The HTML report as a research document, in English and Chinese, each in two variants:

- ``reports/report.html`` and ``report_zh.html``: figures embedded at display resolution (small page),
  each linking to its 300-dpi PNG, SVG and PDF beside the page in ``reports/figures/<lang>/``;
- ``reports/report_single.html`` and ``report_single_zh.html``: one file for e-mail, the 300-dpi PNGs
  embedded and no links to other files.

Every page carries the subset of the bundled font it needs (``webfont``), so Chinese renders on any
machine. Same inputs, same bytes: nothing depends on the time or the order in which files were written.
"""
from __future__ import annotations

import base64
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from comparison.api import load
from comparison.report import appendix, words
from comparison.report.build_info import BuildInfo, build_info
from comparison.report.images import display_png
from comparison.report.key_tables import key_tables
from comparison.report.markup import esc, markdown_html, table_html, tag
from comparison.report.run import LANGS, jobs, notebooks
from comparison.report.sections import Figure, Section, build_section, notebook_cells
from comparison.report.webfont import font_face_css, font_stack
from comparison.tables.atomic import write_text

HTML_LANG = {"en": "en", "zh": "zh-Hans"}
APPENDIX = [("plans", "A"), ("methods", "B"), ("data_files", "C"), ("cite", "D")]

CSS = """
body{font-family:FONTS;line-height:1.55;color:#1a1a1a;max-width:50em;margin:0 auto;padding:1.5em 1.2em 4em}
h1{font-size:1.7em;line-height:1.25;margin:.2em 0 .3em}
h2{font-size:1.35em;margin-top:2.2em;border-bottom:1px solid #ddd}
h3{font-size:1.12em;margin-top:1.6em}h4,h5,h6{font-size:1em}
a{color:#0b5cad}.subtitle{color:#555;margin-top:0}
dl.build{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;font-size:.9em;background:#f6f6f4;
padding:.7em 1em}
dl.build dt{color:#555}dl.build dd{margin:0}dl.build ul{margin:0;padding-left:1.1em}
nav#contents ul{list-style:none;padding-left:0}nav#contents ul ul{padding-left:1.4em}nav#contents li{margin:.15em 0}
.refs{font-size:.85em;color:#555}
.question{background:#eef4fa;padding:.6em .9em;border-left:3px solid #0b5cad}
.note{color:#666;font-size:.9em}
figure{margin:1.8em 0;break-inside:avoid}figure img{display:block;max-width:100%;height:auto}
figcaption{font-size:.9em;color:#333;margin-top:.4em}.fig-no,.tab-no{font-weight:bold}
.caveat{display:block;color:#7a4b00}.files{display:block;color:#555}
.table-wrap{overflow-x:auto;margin:1.2em 0}
table{border-collapse:collapse;font-size:.82em}caption{text-align:left;font-size:1.05em;padding:.3em 0}
td,th{border:1px solid #d4d4d4;padding:.2em .45em;vertical-align:top;text-align:left}th{background:#f3f3f3}
td.num{text-align:right;font-variant-numeric:tabular-nums}td.wide{min-width:18em;white-space:pre-line}
tr.group th{background:#fafaf7;text-align:left;font-weight:bold;border-top:2px solid #bbb}
pre.cff{font-size:.8em;background:#f6f6f4;padding:.6em;overflow-x:auto;white-space:pre-wrap}
code{font-family:FONTS;background:#f3f3f3;padding:0 .2em}
@media print{body{max-width:none}a{color:inherit}nav#contents{break-after:page}}
"""


@dataclass
class Document:
    lang: str
    title: str
    subtitle: str
    info: BuildInfo
    plans: list[tuple[str, bool]]  # (plan label, reviewed)
    sections: list[Section]
    appendix: dict[str, str]       # part → HTML (data files are made per variant)


def assemble(paths, lang: str) -> Document:
    t = load(lang, paths)
    sections = [build_section(nb, t, lang, paths) for nb in notebooks(paths)]
    figure_no = table_no = 0
    for section in sections:
        section.tables = key_tables(section.number, t)
        for fig in section.figures:
            figure_no += 1
            fig.number = figure_no
        for table in section.tables:
            table_no += 1
            table.number = table_no
    reviewed = t.plans.reviewed.astype(str).str.lower().isin(["true", "1"])
    cities = t.plans.city_id.nunique()
    n = len(t.plans)
    subtitle = (f"{n} 份方案，{cities} 个城市" if lang == "zh"
                else f"{n} plan{'s' if n != 1 else ''} from {cities} cit{'ies' if cities != 1 else 'y'}")
    cells = {nb.stem: notebook_cells(nb) for nb in notebooks(paths)}
    info = build_info(paths, t.plans)
    return Document(lang=lang, title=words.TITLES[lang], subtitle=subtitle, info=info,
                    plans=list(zip(t.plans.plan.astype(str), reviewed)), sections=sections,
                    appendix={"plans": appendix.plans_table(t), "methods": appendix.methods(t, cells),
                              "cite": appendix.citation(paths, lang, info)})


def figure_label(lang: str, number: int) -> str:
    return f"图{number}" if lang == "zh" else f"Figure {number}"


def table_label(lang: str, number: int) -> str:
    return f"表{number}" if lang == "zh" else f"Table {number}"


def _build_block(doc: Document) -> str:
    lang, info = doc.lang, doc.info
    basis = {"source_date_epoch": words.ui(lang, "built_note"), "commit": words.ui(lang, "commit_date"),
             "inputs": words.ui(lang, "data_as_of_note")}[info.date_basis]
    date_key = "data_as_of" if info.date_basis == "inputs" else "built"
    left, right = ("（", "）") if lang == "zh" else (" (", ")")
    rows = [(words.ui(lang, date_key), f"{esc(info.date or '—')}<span class='note'>{left}{esc(basis)}{right}</span>")]
    if info.commit:
        dirty = f"<span class='note'>{left}{esc(words.ui(lang, 'dirty'))}{right}</span>" if info.dirty else ""
        rows.append((words.ui(lang, "commit"), f"<code>{esc(info.commit)}</code>{dirty}"))
    rows.append((words.ui(lang, "version"), esc(info.version)))
    plans = "".join(tag("li", esc(f"{label} — {words.ui(lang, 'reviewed' if ok else 'unreviewed')}"))
                    for label, ok in doc.plans)
    rows.append((words.ui(lang, "plans_reviewed"), f"<ul>{plans}</ul>"))
    body = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return f"<dl class='build' aria-label='{esc(words.ui(lang, 'build'))}'>{body}</dl>"


def _contents(doc: Document) -> str:
    """Sections and appendix parts, each section followed by links to its figures and tables."""
    lang = doc.lang
    items = []
    for k, s in enumerate(doc.sections, 1):
        refs = [tag("a", esc(figure_label(lang, f.number)), href=f"#fig-{f.number}") for f in s.figures]
        refs += [tag("a", esc(table_label(lang, tb.number)), href=f"#tab-{tb.number}") for tb in s.tables]
        shown = tag("span", "（" + "、".join(refs) + "）" if lang == "zh" else " (" + ", ".join(refs) + ")",
                    class_="refs") if refs else ""
        items.append(tag("li", tag("a", esc(f"{k} {s.title}"), href=f"#{s.anchor}") + shown))
    parts = "".join(tag("li", tag("a", esc(f"{letter}. {words.ui(lang, key)}"), href=f"#{key}"))
                    for key, letter in APPENDIX)
    items.append(tag("li", tag("a", esc(words.ui(lang, "appendix")), href="#appendix") + f"<ul>{parts}</ul>"))
    return f"<nav id='contents'><h2>{esc(words.ui(lang, 'contents'))}</h2><ul>{''.join(items)}</ul></nav>"


def _figure(fig: Figure, lang: str, image: bytes, single: bool, reports: Path) -> str:
    pic = fig.picture
    width, height = round(pic.css_width), round(pic.css_width * pic.height_px / pic.width_px)
    src = "data:image/png;base64," + base64.b64encode(image).decode("ascii")
    label = figure_label(lang, fig.number)
    caveats = "".join(tag("span", esc(c), class_="caveat") for c in fig.caveats)
    # The same words in both variants (so both pages need the same font subset); links only where the
    # files sit beside the page.
    folder = fig.png.parent.relative_to(reports).as_posix()
    names = [tag("a", esc(words.ui(lang, ext)), href=f"{folder}/{fig.file(ext).name}") if not single
             else tag("span", esc(words.ui(lang, ext))) for ext in ("png", "svg", "pdf") if fig.file(ext).exists()]
    files = tag("span", esc(words.ui(lang, "files", folder=f"reports/{folder}/")) + " · ".join(names), class_="files")
    caption = (tag("span", esc(label + ("" if lang == "zh" else ".")), class_="fig-no") + " " + esc(fig.caption)
               + caveats + files)
    img = (f"<img src='{src}' width='{width}' height='{height}' alt='{esc(label)}: {esc(fig.caption)}' "
           f"style='width:{width}px'>")
    return tag("figure", img + tag("figcaption", caption), id=f"fig-{fig.number}", data_figure=fig.stem)


def _key_table(table, lang: str) -> str:
    caption = f"{table_label(lang, table.number)}{'' if lang == 'zh' else '.'} {table.caption}"
    note = table.note
    if table.total_rows > len(table.df):
        note = (note + " " if note else "") + words.ui(lang, "rows_shown", shown=len(table.df), total=table.total_rows,
                                                        where=table.where)
    shown = table_html(table.df, words.COLUMNS[lang], caption, wide=table.wide, group=table.group)
    return tag("div", shown, class_="table-wrap", id=f"tab-{table.number}") + (tag("p", esc(note), class_="note")
                                                                              if note else "")


def _section(s: Section, k: int, lang: str, images: dict[str, bytes], single: bool, reports: Path) -> str:
    parts = [tag("h2", esc(f"{k} {s.title}"))]
    if s.question:
        label = words.ui(lang, "question") + ("：" if lang == "zh" else ". ")
        parts.append(tag("p", tag("b", esc(label)) + esc(s.question), class_="question"))
    parts.append(tag("h3", esc(words.ui(lang, "findings"))))
    if s.findings_note:
        parts.append(tag("p", esc(s.findings_note), class_="note"))
    if s.findings:
        parts.append(tag("div", markdown_html(s.findings), class_="findings"))
    parts += [_figure(f, lang, images[f.stem], single, reports) for f in s.figures]
    parts += [_key_table(tb, lang) for tb in s.tables]
    return tag("section", "".join(parts), id=s.anchor)


def _appendix(doc: Document, data_files: str) -> str:
    lang = doc.lang
    html = {**doc.appendix, "data_files": data_files}
    parts = [tag("section", tag("h3", esc(f"{letter}. {words.ui(lang, key)}")) + html[key], id=key)
             for key, letter in APPENDIX]
    return tag("section", tag("h2", esc(words.ui(lang, "appendix"))) + "".join(parts), id="appendix")


def body_html(doc: Document, images: dict[str, bytes], single: bool, paths) -> str:
    reports = paths.reports

    def link(path: str) -> str:
        target = paths.root / path
        if single or not target.exists():
            return tag("code", esc(path))
        return tag("a", esc(path), href=Path("..", path).as_posix() if not path.startswith("reports/")
                   else Path(path).relative_to("reports").as_posix())

    sections = "".join(_section(s, k, doc.lang, images, single, reports) for k, s in enumerate(doc.sections, 1))
    return (f"<header><h1>{esc(doc.title)}</h1><p class='subtitle'>{esc(doc.subtitle)}</p>{_build_block(doc)}</header>"
            f"{_contents(doc)}<main>{sections}{_appendix(doc, appendix.data_files(paths, doc.lang, link))}</main>")


def page(doc: Document, body: str, characters: set[str]) -> str:
    css = font_face_css(characters) + CSS.replace("FONTS", font_stack())
    html = (f"<!doctype html>\n<html lang='{HTML_LANG[doc.lang]}'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{esc(doc.title)}</title>"
            f"<style>{css}</style></head><body>{body}</body></html>\n")
    return html


def report_names(lang: str) -> tuple[str, str]:
    suffix = "" if lang == "en" else f"_{lang}"
    return f"report{suffix}.html", f"report_single{suffix}.html"


def write_reports(paths, langs=LANGS, on_written=None) -> list[Path]:
    """Write each language's report and its single-file variant; returns the files written (and tells
    ``on_written(path)`` as each is written)."""
    written = []
    for lang in langs:
        doc = assemble(paths, lang)
        figures = [f for s in doc.sections for f in s.figures]
        with ThreadPoolExecutor(max_workers=jobs()) as pool:  # Pillow resamples and encodes outside the GIL
            small = dict(zip((f.stem for f in figures), pool.map(lambda f: display_png(f.png), figures)))
        full = {f.stem: f.png.read_bytes() for f in figures}
        for name, single in zip(report_names(lang), (False, True)):
            body = body_html(doc, full if single else small, single, paths)
            target = paths.reports / name
            write_text(page(doc, body, set(_visible_text(body))), target)  # both variants: the same subset
            written.append(target)
            if on_written:
                on_written(target)
    return written


def _visible_text(body: str) -> str:
    """The body without its embedded images (their base64 is ASCII, and large)."""
    import re

    return re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", body)
