"""A drawn figure with its stable name and caption, and the one call that exports it from a notebook.

Figure functions return ``Chart`` objects (or a list of them, for a figure split into parts when it would
be taller than a page: ``02_coverage``, ``02_coverage_part2`` …); ``export`` writes each through
``plotting.save_figure`` and removes parts left over from an earlier, larger run.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt

from comparison.figures import plotting
from comparison.paths import ProjectPaths


@dataclass
class Chart:
    fig: object
    number: str
    name: str
    lang: str
    caption: str

    @property
    def stem(self) -> str:
        return f"{self.number}_{self.name}"


def outputs(paths: ProjectPaths, highlight) -> ProjectPaths:
    """Where a notebook's figures go: with a highlight, apart under reports/selections/highlight=…/, so a
    figure focused on a few plans never replaces the figure of the whole corpus."""
    if isinstance(highlight, str):
        highlight = [highlight]
    return paths.selecting("highlight", highlight) if highlight else paths


def part_name(name: str, part: int) -> str:
    """The stable name of part ``part`` (1-based) of a figure: the first part keeps the figure's name."""
    return name if part == 1 else f"{name}_part{part}"


def export(charts, paths: ProjectPaths, plans=None, note: str = "") -> None:
    """Save each chart (PNG, SVG, PDF and caption) under ``paths``; ``plans`` adds the caption note naming plans
    still unreviewed, ``note`` any other sentence. Parts of the same figure beyond the ones drawn are
    deleted, so a report never shows a stale part. Returns nothing, so a notebook cell that ends with it
    shows the figure and no list of file paths."""
    charts = [charts] if isinstance(charts, Chart) else list(charts)
    for c in charts:
        tail = (plotting.unreviewed_note(plans, c.lang) if plans is not None else "") + note
        plotting.save_figure(c.fig, c.number, c.name, c.lang, c.caption + tail, paths)
        plt.close(c.fig)
    drawn = {(c.lang, c.stem) for c in charts}
    for number, name, lang in {(c.number, c.name.split("_part")[0], c.lang) for c in charts}:
        for path in figure_paths(paths, f"{number}_{name}", lang):
            if path.stem != f"{number}_{name}" and (lang, path.stem) not in drawn:  # a part a larger run left
                path.unlink()


def figure_paths(paths: ProjectPaths, stem: str, lang: str) -> list[Path]:
    """The files of figure ``stem`` (``02_coverage``) and of its parts (``02_coverage_part2`` …) under ``paths``."""
    folder = paths.figures / lang
    return [p for p in sorted(folder.glob(f"{stem}.*")) + sorted(folder.glob(f"{stem}_part*.*"))
            if p.stem == stem or p.stem.removeprefix(f"{stem}_part").isdigit()]


def withdraw(paths: ProjectPaths, stem: str, lang: str) -> None:
    """Delete a figure's files and parts under ``paths`` (``stem`` as ``02_reconciliation``) when the data no
    longer call for it, so a report never shows a figure left by an earlier run."""
    for path in figure_paths(paths, stem, lang):
        path.unlink()
