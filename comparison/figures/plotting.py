"""One plotting style for every figure: a bundled CJK font, fixed plan colours, one export helper.

- ``setup()`` registers the bundled OFL font Noto Sans SC (Chinese and Latin glyphs), makes a missing
  glyph an error rather than a silent tofu box, and fixes SVG and PDF metadata and the text language so
  exports are byte-stable (under any locale).
- ``plan_colors()`` gives each plan a fixed colour from its city (manifest order, so adding a city
  never recolours the others); a city's later plans get lighter shades of the same hue, none near white.
- ``save_figure()`` writes ``reports/figures/<lang>/<NN>_<name>.png`` (300 dpi), ``.svg`` and ``.pdf``
  (vector, text as outlines in both) and a caption file the HTML report reads; in a notebook it then
  shows the PNG it wrote.
"""
from __future__ import annotations

import colorsys
import json
import warnings
from contextlib import contextmanager, nullcontext
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
from matplotlib import colors as mcolors
from matplotlib import font_manager, patheffects
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from comparison.tables.atomic import atomic_path
from comparison.paths import PACKAGE_DIR, ProjectPaths, project_paths

FONT_FILE = PACKAGE_DIR / "fonts" / "NotoSansSC-Regular.otf"
FONT_NAME = "Noto Sans SC"
PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4",
           "#b15928", "#6a3d9a", "#33a02c", "#fb9a99"]
COLUMN_WIDTH_IN = 3.5   # one column of a two-column journal page
PAGE_WIDTH_IN = 7.2     # full page width
EXPORT_DPI = 300        # the PNG's resolution, where every figure is measured (``at_export_dpi``)


def setup() -> None:
    """Register the bundled font and the house style; treat a missing glyph as an error."""
    if FONT_NAME not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(FONT_FILE))
    matplotlib.rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": [FONT_NAME],
        "axes.unicode_minus": False,
        "font.size": 8,
        "axes.titlesize": 9,
        "axes.labelsize": 8,
        "legend.fontsize": 7,
        "xtick.labelsize": 7,
        "ytick.labelsize": 7,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.dpi": 100,
        "savefig.dpi": EXPORT_DPI,
        "savefig.bbox": "tight",
        "svg.fonttype": "path",
        "svg.hashsalt": "citycompare",
        # libraqm takes the text's language from the locale when none is set: under zh_CN, the digits of
        # "Nanping 2021" get other glyphs. Pinned, a figure has the same bytes under any locale.
        "text.language": "en",
        "pdf.fonttype": 42,
    })
    warnings.filterwarnings("error", message=r"Glyph .* missing from")


def plan_colors(plans) -> dict[str, str]:
    """doc_id → colour: the city's palette colour (manifest order), lighter for later plans of the city.

    Colours come from the full manifest (``plans.attrs["all_plans"]``, set by ``api.load``) when present,
    so comparing a subset of plans never recolours a city.
    """
    everything = plans.attrs.get("all_plans") or list(zip(plans.doc_id, plans.city_id))
    cities = list(dict.fromkeys(city for _, city in everything))
    colors, seen = {}, {}
    for doc_id, city in everything:
        base = PALETTE[cities.index(city) % len(PALETTE)]
        k = seen.get(city, 0)
        seen[city] = k + 1
        colors[str(doc_id)] = base if k == 0 else _lighter(base, shade(k))
    return {str(d): colors[str(d)] for d in plans.doc_id}


def shade(k: int) -> float:
    """How far toward white the city's plan ``k`` (0 = its first) is drawn: 0.35 for the second plan, each later
    one half as far again, so a city's plans stay apart and none fades past 0.7 (white is 1)."""
    return 0.7 * (1 - 0.5 ** k)


def _lighter(color: str, amount: float) -> str:
    h, l, s = colorsys.rgb_to_hls(*mcolors.to_rgb(color))
    return mcolors.to_hex(colorsys.hls_to_rgb(h, min(1, l + (1 - l) * amount), s))


def save_figure(fig, number: str, name: str, lang: str, caption: str,
                paths: ProjectPaths | None = None) -> list[Path]:
    """Export ``fig`` as PNG (300 dpi), SVG and PDF under reports/figures/<lang>/ with its caption; returns the
    paths. No export carries a date (PDF ``CreationDate``, SVG ``Date``), so the same figure gives the same bytes."""
    paths = paths or project_paths()
    folder = paths.figures / lang
    stem = f"{number}_{name}"
    written = []
    box = export_box(fig)  # measured once for the three files: matplotlib's "tight" measures once per file
    # zlib level 3 rather than Pillow's 6: half the time of compressing 300-dpi pixels, files 2 % larger
    png = {"metadata": {"Software": None}, "pil_kwargs": {"compress_level": 3}}
    for ext, kwargs in (("png", png), ("svg", {"metadata": {"Date": None}}),
                        ("pdf", {"metadata": {"CreationDate": None}})):
        target = folder / f"{stem}.{ext}"
        with atomic_path(target) as tmp, (_text_as_outlines(fig) if ext == "pdf" else nullcontext()):
            fig.savefig(tmp, format=ext, bbox_inches=box, **kwargs)
        written.append(target)
    target = folder / f"{stem}.json"
    with atomic_path(target) as tmp:
        Path(tmp).write_text(json.dumps({"figure": stem, "caption": caption, "texts": figure_texts(fig)},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    written.append(target)
    _show_exported(fig, written[0])
    return written


def export_pad() -> float:
    """Inches of margin around an export's tight box (``savefig.pad_inches``; "layout" stands for 0.1 here)."""
    pad = matplotlib.rcParams["savefig.pad_inches"]
    return 0.1 if pad == "layout" else float(pad)


def export_dpi(fig) -> float:
    """The PNG's resolution (``savefig.dpi``): where figures are measured, since text is drawn there as in print."""
    dpi = matplotlib.rcParams["savefig.dpi"]
    return fig.dpi if dpi == "figure" else float(dpi)


@contextmanager
def at_export_dpi(fig):
    """``fig`` at the PNG's resolution while inside, then back at its own (the screen's 100 dpi).

    Glyph advances are hinted to whole pixels: at 100 dpi a 6-pt Chinese label measures 4 % narrower and a
    7-pt one 3.4 % wider than it is drawn at 300 dpi or as outlines (within 0.6 %), so a figure measured
    on screen can print over the page width or with labels that touch."""
    screen_dpi, canvas = fig.dpi, fig.canvas
    manager, canvas.manager = canvas.manager, None  # as savefig does: a window on screen is not resized
    fig.dpi = export_dpi(fig)
    try:
        yield
    finally:
        fig.dpi = screen_dpi
        canvas.manager = manager


def export_box(fig, renderer=None) -> Bbox:
    """The area (inches) every export of ``fig`` covers: with ``savefig.bbox = "tight"`` (the house style) the
    drawn artists' tight box plus ``savefig.pad_inches``, otherwise the whole figure.

    Measured once, at the PNG's resolution (``at_export_dpi``); the SVG and PDF get the same area.
    ``renderer``: one that has just drawn the figure (the layout checker's), which measures it as drawn."""
    if matplotlib.rcParams["savefig.bbox"] != "tight":
        return fig.bbox_inches
    pad = export_pad()
    if renderer is not None:
        return fig.get_tightbbox(renderer).padded(pad)
    with at_export_dpi(fig):
        renderer = RendererAgg(1, 1, fig.dpi)
        with renderer._draw_disabled():  # positions every text and tick label; rasterizes nothing
            fig.draw(renderer)
        return fig.get_tightbbox(renderer).padded(pad)


@contextmanager
def _text_as_outlines(fig):
    """Draw every text of ``fig`` as outlines while it is saved, as the SVG does (``svg.fonttype`` "path").

    Matplotlib would embed the bundled font, an OpenType font with CFF outlines, in a PDF as a TrueType
    font program, which the PDF specification does not allow and strict readers reject; outlines render
    the same in every reader and need no font. (A path effect makes a text draw itself as paths; texts
    that already have one draw as paths anyway.)"""
    plain = [t for t in fig.findobj(Text) if not t.get_path_effects()]
    for t in plain:
        t.set_path_effects([patheffects.Normal()])
    try:
        yield
    finally:
        for t in plain:
            t.set_path_effects([])


def _show_exported(fig, png: Path) -> None:
    """In a notebook, show the exported PNG rather than let the inline backend draw the figure a third time.

    Drawing is most of a notebook's run time; the reader also sees exactly the file a paper gets.
    """
    if "inline" not in matplotlib.get_backend():
        return
    from IPython.display import Image, display

    data = png.read_bytes()
    width_px = int.from_bytes(data[16:20], "big")  # PNG IHDR width
    saved_dpi = matplotlib.rcParams["savefig.dpi"]
    saved_dpi = fig.dpi if saved_dpi == "figure" else saved_dpi
    plt.close(fig)
    display(Image(data=data, width=round(width_px * fig.dpi / saved_dpi)))


def figure_texts(fig) -> list[str]:
    """Every label, title and annotation drawn in the figure: searchable, and what tests check plans against."""
    return sorted({t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()})


def unreviewed_note(plans, lang: str) -> str:
    """A caption sentence naming plans whose curation still has suggested rows."""
    pending = list(plans.plan[~plans.reviewed.astype(bool)]) if "reviewed" in plans else []
    if not pending:
        return ""
    names = "、".join(pending) if lang == "zh" else ", ".join(pending)
    return f"（未审核数据：{names}）" if lang == "zh" else f" (Unreviewed data: {names}.)"


def new_figure(width: float = PAGE_WIDTH_IN, height: float = 3.0, **kwargs):
    return plt.subplots(figsize=(width, height), **kwargs)
