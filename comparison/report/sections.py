"""One section of the report per notebook, in notebook order: its title and question, its findings, its
figures (with captions and caveats from each figure's sidecar JSON) and its key tables.

- Title and question: the notebook's first Markdown cell (``# 01 Title`` and the ``**Question.**``
  paragraph); in Chinese from ``words.SECTIONS_ZH``.
- Findings: the Markdown the executed notebook printed (``reports/notebooks/<lang>/<NN>_*.ipynb``: its
  ``findings(...)`` outputs, computed from the data in the notebook's language), so the report says
  exactly what the notebook says, with the notebook's parameters and without computing it again;
  without an executed copy, the topic's findings computed here (``comparison.analysis.findings``).
- Figures: ``reports/figures/<lang>/<NN>_*.json`` with their PNG, in the order the notebook names them.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from comparison.api import Tables
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


def printed_markdown(cells: list[dict]) -> list[str]:
    """Every Markdown output of an executed notebook's code cells, in order (the findings it displayed)."""
    out = []
    for cell in cells:
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            text = output.get("data", {}).get("text/markdown")
            if text:
                out.append("".join(text) if isinstance(text, list) else str(text))
    return out


def findings_markdown(stem: str, executed: Path, t: Tables, lang: str) -> tuple[str | None, str]:
    """(Markdown, note): what the executed notebook printed, else the topic's findings computed now."""
    if executed.exists():
        printed = printed_markdown(notebook_cells(executed))
        if printed:
            return "\n\n".join(printed), ""
    from comparison.analysis.findings import TOPICS, for_notebook

    if stem in TOPICS:
        return for_notebook(stem, t, lang).markdown(), ""
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


def build_section(notebook: Path, t: Tables, lang: str, paths) -> Section:
    cells = notebook_cells(notebook)
    stem = notebook.stem
    number = stem.split("_", 1)[0]
    title, question = header(cells)
    if lang == "zh" and stem in words.SECTIONS_ZH:
        title, question = words.SECTIONS_ZH[stem]
    executed = paths.reports / "notebooks" / lang / notebook.name
    findings, note = findings_markdown(stem, executed, t, lang)
    text = "\n".join(_source(c) for c in cells)
    return Section(stem=stem, number=number, title=title, question=question, findings=findings,
                   findings_note=note, figures=section_figures(paths.figures / lang, number, text))
