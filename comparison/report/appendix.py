"""The report's appendix: the plans (bilingual, 文号, issued, status), the methods in brief (with the
codebook's own counts and its reliability sheet), the data files, and how to cite (CITATION.cff).

Each part returns HTML; every value from an input file is escaped.
"""
from __future__ import annotations

import inspect
import re

import pandas as pd

from comparison.analysis import similarity
from comparison.api import Tables
from comparison.paths import ProjectPaths
from comparison.report import words
from comparison.report.markup import esc, markdown_html, table_html, tag
from comparison.tables.dictionary import TABLES

# One line per processed table in Chinese (the data dictionary describes them in English).
TABLES_ZH = {"plans": "每份方案一行：方案清单及计数", "quantities": "方案中每个数字一行（目标与基线事实），已统一口径",
             "measures": "每个编码句子一行（第一部分及以后）", "priorities": "每份方案 × 维度 × 类别一行：方案的重点分布",
             "comparison": "两个及以上方案设定的指标的每个目标值一行，并注明能否与其他方案比较及原因",
             "responsibilities": "条款所列每个责任单位一行",
             "clauses": "每个条款一行", "sentences": "每个句子一行",
             "alignment": "每个城市目标 × 国家或本省同一指标的上级目标一行（data/raw/references.xlsx）",
             "reference_documents": "每份国家或省级上级文件一行：文号、日期、所读文本的来源"}


def plans_table(t: Tables) -> str:
    """The plans with their titles (in the English report also the translation), 文号, date, status, type and
    review."""
    p = t.plans
    lang = t.lang
    reviewed = p.reviewed.astype(str).str.lower().isin(["true", "1"])
    df = pd.DataFrame({
        "plan": p.plan.astype(str).to_numpy(),
        "province": (p.province_zh if lang == "zh" else p.province_en).astype(str).to_numpy(),
        "title_zh": p.title_zh.fillna("").astype(str).to_numpy(),
        "title_en": p.title_en.fillna("").astype(str).to_numpy(),
        "doc_number": p.doc_number.fillna("").astype(str).to_numpy(),
        "issued": [str(d) if isinstance(d, str) and d.strip() else words.ui(lang, "undated") for d in p.issued],
        "status": [words.code(lang, s) for s in p.status],
        "plan_type": [words.code(lang, s) for s in p.plan_type],
        "reviewed": [words.ui(lang, "reviewed") if r else words.ui(lang, "unreviewed") for r in reviewed],
    })
    if lang == "zh":
        df = df.drop(columns="title_en")
    return table_html(df, words.COLUMNS[lang], table_id="plans-table")


def _reliability(t: Tables) -> str:
    r = t.taxonomy.table("reliability")
    lang = t.lang
    df = pd.DataFrame({"dimension": [words.code(lang, d) for d in r.dimension],
                       "n_sentences_coded": pd.to_numeric(r.n_sentences).astype("Int64"),
                       "share_of_coded": [f"{100 * float(v):.1f}%" for v in r.share_of_coded],
                       "kappa": pd.to_numeric(r.kappa), "agreement": [f"{100 * float(v):.1f}%" for v in r.agreement]})
    intro = {"en": "Inter-coder reliability: a second coder coded a sample of sentences blind "
                   "(data/raw/reliability.xlsx); Cohen's kappa and raw agreement from the codebook's "
                   "reliability sheet.",
             "zh": "编码信度：第二名编码员对抽样句子进行盲编码（data/raw/reliability.xlsx）；"
                   "Cohen kappa 系数与一致率取自编码手册的 reliability 工作表。"}[lang]
    return tag("p", esc(intro)) + table_html(df, words.COLUMNS[lang], table_id="reliability-table")


def method_paragraph(cells: list[dict]) -> str | None:
    """A notebook's **Method.** paragraph (English, in its first Markdown cell), or None."""
    from comparison.report.sections import _source

    first = next((_source(c) for c in cells if c.get("cell_type") == "markdown"), "")
    match = re.search(r"\*\*Method\.\*\*.*?(?=\n\s*\n\*\*Inputs|\Z)", first, flags=re.S)
    return match.group(0) if match else None


def _method_paragraphs(notebook_cells: dict[str, list[dict]]) -> str:
    """The **Method.** paragraphs of the notebooks that have one (English), as written there."""
    from comparison.report.sections import header

    parts = []
    for stem, cells in notebook_cells.items():
        method = method_paragraph(cells)
        if method:
            title = header(cells)[0] or stem
            parts.append(markdown_html(method.replace("**Method.**", f"**Method ({title}).**", 1)))
    return "".join(parts)


def methods(t: Tables, notebook_cells: dict[str, list[dict]]) -> str:
    tx = t.taxonomy
    n = {name: len(tx.table(name)) for name in ("pillars", "sectors", "instruments", "indicators", "indicator_aliases",
                                                "units", "agencies")}
    n_leaf = len(tx.leaf_ids("instruments"))
    shingle = inspect.signature(similarity.containment).parameters["n"].default
    if t.lang == "zh":
        text = [
            f"**编码手册**（data/raw/taxonomy.xlsx，中英双语）：{n['pillars']} 个篇章（归并到国家指导意见的篇章组）、"
            f"{n['sectors']} 个行业、{n['instruments']} 个政策工具代码（其中 {n_leaf} 个细分类型，按 Rothwell–Zegveld "
            "分为供给型、环境型、需求型）、是否减污降碳协同，以及 "
            f"{n['indicators']} 个指标（{n['indicator_aliases']} 个别名）和 {n['agencies']} 个部门。编码单位为句子："
            "第一部分及以后的每个句子编码行业、政策工具与协同。",
            f"**单位**：{n['units']} 种书面单位由编码手册定义并用 pint 换算为各指标的标准单位（万、亿、亩、吨标准煤等的定义都在编码手册中）；"
            "每个数字保留原文引文、所在条款与比较符（不低于、约等）。",
            "**聚类**：各方案以其句子在各行业的占比为画像，用 Jensen–Shannon 距离与平均连接法聚类，并对句子做自助抽样检验分组的稳定性；"
            "句子主题用字符 2–3 元组 TF-IDF 与 k-means，按平均轮廓系数选择 k。",
            f"**文本相似**：{shingle} 字片段的包含度（A 的片段出现在 B 中的比例）、字符 2–3 元组 TF-IDF 余弦相似度；"
            "一半以上片段见于另一方案的句子计为套话，无任何片段见于其他方案的句子计为本地内容。",
        ]
        body = "".join(markdown_html(p) for p in text)
    else:
        text = [
            f"**Codebook** (data/raw/taxonomy.xlsx, bilingual): {n['pillars']} pillars (rolled up to the section "
            f"groups of the national guidance), {n['sectors']} sectors, {n['instruments']} instrument codes "
            f"({n_leaf} sub-types in Rothwell–Zegveld's supply, environment and demand sides), pollution–carbon "
            f"synergy (true/false), and {n['indicators']} indicators ({n['indicator_aliases']} aliases) and "
            f"{n['agencies']} agencies. The unit of coding is the sentence: every sentence of sections 1 and later "
            "is coded with a sector, an instrument and synergy.",
            f"**Units**: {n['units']} units as written are defined in the codebook and converted with pint to each "
            "indicator's canonical unit (万, 亿, 亩, tonnes of coal equivalent are defined there, not in code); every "
            "number keeps its exact quote, its clause and its comparator (at least, about …).",
        ]
        body = "".join(markdown_html(p) for p in text) + _method_paragraphs(notebook_cells)
    return body + _reliability(t)


def data_files(paths: ProjectPaths, lang: str, link) -> str:
    """The processed tables (rows, contents) and the other files the report draws on; ``link(path)`` gives
    the markup for a project file (a link, or plain text in the single-file variant)."""
    rows = []
    for name, (description, _) in TABLES.items():
        path = paths.processed / f"{name}.csv"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as f:
            n = sum(1 for _ in f) - 1
        shown = TABLES_ZH.get(name, description) if lang == "zh" else description
        rows.append((f"data/processed/{name}.csv", f"{n:,}", shown))
    extra = {"en": [("data/processed/README.md", "", "the data dictionary: every column, its meaning and unit"),
                    ("reports/tables/comparison.xlsx", "", "every table as one workbook"),
                    ("reports/tables/README.md", "", "the tables the notebooks export: each file and its columns"),
                    ("data/raw/plans.csv", "", "the manifest: plans, files and their sha256"),
                    ("data/raw/taxonomy.xlsx", "", "the codebook"),
                    ("data/raw/reliability.xlsx", "", "the blind second coding")],
             "zh": [("data/processed/README.md", "", "数据字典：各列含义与单位"),
                    ("reports/tables/comparison.xlsx", "", "全部表格的 Excel 工作簿"),
                    ("reports/tables/README.md", "", "各笔记本导出的表格：各文件及其列"),
                    ("data/raw/plans.csv", "", "方案清单：方案、文件及其 sha256"),
                    ("data/raw/taxonomy.xlsx", "", "编码手册"),
                    ("data/raw/reliability.xlsx", "", "第二编码员的盲编码")]}[lang]
    rows += [r for r in extra if (paths.root / r[0]).exists()]
    head = "".join(tag("th", esc(words.ui(lang, k)), scope="col") for k in ("file", "rows", "description"))
    body = "".join(f"<tr><td>{link(p)}</td><td class='num'>{esc(n)}</td><td>{esc(d)}</td></tr>" for p, n, d in rows)
    return f"<table id='data-files'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def citation(paths: ProjectPaths, lang: str, info) -> str:
    """How to cite: a reference built from CITATION.cff (its preferred citation when it has one) with the
    commit of this build, and the file itself."""
    cff = paths.root / "CITATION.cff"
    if not cff.exists():
        return tag("p", esc(words.ui(lang, "no_citation")))
    import yaml

    text = cff.read_text(encoding="utf-8")
    fields = yaml.safe_load(text) or {}
    ref = fields.get("preferred-citation") or fields
    authors = "; ".join(_name(a) for a in ref.get("authors", []) if isinstance(a, dict))
    version = ref.get("version") or fields.get("version")
    parts = [authors, " ".join(str(ref.get("title", "")).split()),
             (f"版本 {version}" if lang == "zh" else f"Version {version}") if version else "",
             str(ref.get("date-released", "") or ""), f"doi:{ref['doi']}" if ref.get("doi") else "",
             str(ref.get("repository-code", "") or ref.get("url", "") or "")]
    line = ". ".join(p.rstrip(".") for p in parts if p)
    if info.commit:
        line += f" ({'提交' if lang == 'zh' else 'commit'} {info.commit[:12]})"
    return tag("p", esc(line + "."), class_="citation") + tag("pre", esc(text), class_="cff")


def _name(person: dict) -> str:
    if person.get("name"):
        return str(person["name"])
    return " ".join(str(person[k]) for k in ("given-names", "family-names") if person.get(k))
