"""One section of the report per notebook, in notebook order: its title and question, its findings, its
figures (with captions and caveats from each figure's sidecar JSON) and its key tables.

- Title and question: the notebook's first Markdown cell (``# 01 Title`` and the ``**Question.**``
  paragraph); in Chinese from ``words.SECTIONS_ZH``.
- Findings: Markdown from the topic's ``findings(tables, lang)`` in ``comparison.analysis.findings``
  when that module exists (the same prose the notebook prints); otherwise the notebook's own Markdown
  cells, which were written for the five seed plans and are shown only for them (and only in English).
- Figures: ``reports/figures/<lang>/<NN>_*.json`` with their PNG, in the order the notebook names them.
"""
from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from comparison.api import PROSE_PLANS, Tables
from comparison.report import words
from comparison.report.images import Picture, picture


@dataclass
class Figure:
    stem: str
    caption: str
    caveats: list[str]
    png: Path
    picture: Picture
    number: int = 0  # numbered across the whole report, set when the report is assembled

    def file(self, ext: str) -> Path:
        return self.png.with_suffix(f".{ext}")


@dataclass
class Section:
    stem: str                 # notebook file name without .ipynb, e.g. "02_targets"
    number: str               # "02"
    title: str
    question: str
    findings: str | None      # Markdown
    findings_note: str = ""   # why the findings are missing or limited
    figures: list[Figure] = field(default_factory=list)
    tables: list = field(default_factory=list)  # key_tables.KeyTable

    @property
    def anchor(self) -> str:
        return f"s{self.number}"


def notebook_cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def header(cells: list[dict]) -> tuple[str, str]:
    """(title, question) from the notebook's first Markdown cell: ``# 01 Corpus overview`` and the paragraph
    that starts with ``**Question.**``."""
    first = next((_source(c) for c in cells if c.get("cell_type") == "markdown"), "")
    title_line = next((line for line in first.splitlines() if line.startswith("# ")), "")
    title = re.sub(r"^#\s+\d+\s*", "", title_line).strip()
    question = ""
    for paragraph in re.split(r"\n\s*\n", first):
        if paragraph.startswith("**Question.**"):
            question = " ".join(paragraph.removeprefix("**Question.**").split())
    return title, question


def notebook_prose(cells: list[dict]) -> str:
    """The notebook's Markdown cells after its header, as one Markdown text."""
    markdown = [_source(c) for c in cells if c.get("cell_type") == "markdown"]
    return "\n\n".join(markdown[1:])


def findings_function(stem: str):
    """``findings(tables, lang)`` of the notebook's topic in ``comparison.analysis.findings``, or None.

    The topic module is named after the notebook (``02_targets`` → ``targets``), or after its last word
    (``01_corpus_overview`` → ``overview``)."""
    topic = stem.split("_", 1)[1] if "_" in stem else stem
    for name in dict.fromkeys([topic, topic.rsplit("_", 1)[-1]]):
        try:
            module = importlib.import_module(f"comparison.analysis.findings.{name}")
        except ModuleNotFoundError as err:
            if err.name and not f"comparison.analysis.findings.{name}".startswith(err.name):
                raise  # the module exists but something it imports does not: a real error
            continue
        fn = getattr(module, "findings", None)
        if callable(fn):
            return fn
    return None


def findings_markdown(stem: str, cells: list[dict], t: Tables, lang: str) -> tuple[str | None, str]:
    """(Markdown, note): the topic's generated findings, else the notebook's seed-plan prose (English)."""
    fn = findings_function(stem)
    if fn is not None:
        text = fn(t, lang)
        return ("\n\n".join(text) if isinstance(text, (list, tuple)) else str(text)), ""
    if lang == "en" and set(map(str, t.plans.doc_id)) == PROSE_PLANS:
        return notebook_prose(cells), words.ui(lang, "prose_seed_only")
    return None, words.ui(lang, "no_findings")


def caveats_of(info: dict) -> list[str]:
    """A sidecar's caveats: a list or one text under ``caveats``, ``caveat`` or ``notes``."""
    out = []
    for key in ("caveats", "caveat", "notes"):
        value = info.get(key)
        if isinstance(value, str) and value.strip():
            out.append(value.strip())
        elif isinstance(value, (list, tuple)):
            out += [str(v).strip() for v in value if str(v).strip()]
    return out


def section_figures(folder: Path, number: str, notebook_text: str) -> list[Figure]:
    """The section's exported figures, in the order the notebook first names them (others after, by name)."""
    found = []
    for meta in sorted(folder.glob(f"{number}_*.json")):
        png = meta.with_suffix(".png")
        if not png.exists():
            continue
        info = json.loads(meta.read_text(encoding="utf-8"))
        stem = str(info.get("figure") or meta.stem)
        found.append(Figure(stem=stem, caption=str(info.get("caption", "")), caveats=caveats_of(info), png=png,
                            picture=picture(png)))

    def position(fig: Figure) -> tuple[int, str]:
        name = fig.stem.split("_", 1)[1] if "_" in fig.stem else fig.stem
        spots = [i for i in (notebook_text.find(fig.stem), notebook_text.find(f'"{name}"')) if i >= 0]
        return (min(spots) if spots else len(notebook_text), fig.stem)

    return sorted(found, key=position)


def build_section(notebook: Path, t: Tables, lang: str, figures_folder: Path) -> Section:
    cells = notebook_cells(notebook)
    stem = notebook.stem
    number = stem.split("_", 1)[0]
    title, question = header(cells)
    if lang == "zh" and stem in words.SECTIONS_ZH:
        title, question = words.SECTIONS_ZH[stem]
    findings, note = findings_markdown(stem, cells, t, lang)
    text = "\n".join(_source(c) for c in cells)
    return Section(stem=stem, number=number, title=title, question=question, findings=findings,
                   findings_note=note, figures=section_figures(figures_folder / lang, number, text))
