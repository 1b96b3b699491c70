"""What a reviewer rejects on a printed page, checked on a drawn figure at its exported size.

``layout_problems(fig)`` draws the figure once without rasterizing, records every text matplotlib draws
(tick labels, titles, legends, annotations, cell values) and reports, as sentences naming the texts:

- two texts whose boxes overlap: each text is measured as the box it is drawn in, rotated with it (a
  label at 45° is a rotated rectangle, not its axis-aligned bounds), less ``TOLERANCE_PT`` on each side;
- a text under ``MIN_FONT_PT`` (6 pt);
- an exported width over the page (7.2 in), or over one column (3.5 in) for a figure drawn at column
  width, and a height over ``MAX_HEIGHT_IN``;
- a text, legend or title outside the exported area; a legend or title on an axes' data area.

The exported area is the one ``save_figure`` writes: with ``savefig.bbox = "tight"`` (the house style)
the tight bounding box of the drawn artists plus ``savefig.pad_inches``; sizes in points are then the
sizes on paper. The figure is measured at the PNG's resolution, as ``save_figure`` measures it: at the
screen's 100 dpi, glyph advances hinted to whole pixels make Chinese text up to 4 % wider or narrower.
"""
from __future__ import annotations

import math
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.text import Annotation, Text

from comparison.figures.plotting import COLUMN_WIDTH_IN, PAGE_WIDTH_IN, at_export_dpi, export_box

MAX_HEIGHT_IN = 9.5     # a journal page's text block, less room for the caption
MIN_FONT_PT = 6.0
TOLERANCE_PT = 0.3      # boxes include the font's full ascent and descent; glyphs sit well inside them


@dataclass(frozen=True)
class DrawnText:
    """One drawn text: its string, size and the corners of its (rotated) box in points on the exported page."""
    text: str
    fontsize: float
    corners: np.ndarray   # 4 × 2, points, origin at the exported page's lower left
    artist: Text

    def shrunk(self, by: float) -> np.ndarray:
        """The box with each side moved ``by`` points inwards (never past its centre)."""
        c = self.corners
        u, v = c[1] - c[0], c[3] - c[0]
        lu, lv = np.hypot(*u), np.hypot(*v)
        du = u / lu * min(by, lu / 2) if lu else u * 0
        dv = v / lv * min(by, lv / 2) if lv else v * 0
        return np.array([c[0] + du + dv, c[1] - du + dv, c[2] - du - dv, c[3] + du - dv])


@contextmanager
def _layouts_memoized():
    """While a figure is checked nothing changes its texts, yet matplotlib lays out each text five or six
    times (drawing, tick spacing, tight boxes): remember each text's layout for the check."""
    original = Text._get_layout
    memo: dict = {}

    def memoized(self, renderer):
        key = (id(self), id(renderer), self.get_text(), self.get_rotation(), self.get_rotation_mode(),
               self._horizontalalignment, self._verticalalignment, self._linespacing, hash(self._fontproperties),
               self.get_figure(root=True).dpi)
        if key not in memo:
            memo[key] = original(self, renderer)
        return memo[key]

    Text._get_layout = memoized
    try:
        yield
    finally:
        Text._get_layout = original


@lru_cache(maxsize=4)
def _renderer(dpi: float) -> RendererAgg:
    """One renderer per dpi for every check: nothing is rasterized (drawing is disabled), and matplotlib's
    text-metric cache, keyed by renderer, stays warm from one figure to the next."""
    return RendererAgg(10, 10, dpi)


def _record_drawn_texts(fig) -> tuple[list[Text], RendererAgg]:
    """Draw ``fig`` once with every drawing call a no-op except text, which is recorded (the artist)."""
    renderer = _renderer(fig.dpi)
    drawn: dict[int, Text] = {}

    def record(gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if mtext is not None and s.strip():
            drawn.setdefault(id(mtext), mtext)

    with renderer._draw_disabled():
        renderer.draw_text = record
        fig.draw(renderer)
    return list(drawn.values()), renderer


def exported_box_in(fig, renderer) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) in inches of the area ``save_figure`` writes, in figure inches."""
    box = export_box(fig, renderer)
    return box.x0, box.y0, box.x1, box.y1


def text_corners(t: Text, renderer) -> np.ndarray:
    """The four corners (display pixels) of the box ``t`` is drawn in, rotated with the text."""
    if isinstance(t, Annotation):
        t.update_positions(renderer)
    _, _, (corner, (w, h)) = t._get_layout(renderer)
    x, y = t.get_transform().transform(t.get_unitless_position())
    a = math.radians(t.get_rotation())
    rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
    local = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=float) @ rot.T
    return local + np.asarray(corner) + (x, y)


def drawn_texts(fig) -> tuple[list[DrawnText], tuple[float, float, float, float], RendererAgg]:
    """Every text drawn in ``fig`` in points on the exported page, the exported box (inches) and the renderer,
    measured at the PNG's resolution as ``save_figure`` measures (call it inside ``at_export_dpi(fig)`` to
    use the renderer afterwards)."""
    with _layouts_memoized(), at_export_dpi(fig):
        artists, renderer = _record_drawn_texts(fig)
        box = exported_box_in(fig, renderer)
        scale = 72.0 / fig.dpi
        origin = np.array(box[:2]) * 72.0
        texts = [DrawnText(t.get_text(), float(t.get_fontsize()), text_corners(t, renderer) * scale - origin, t)
                 for t in artists]
    return texts, box, renderer


def _separated(p: np.ndarray, q: np.ndarray) -> bool:
    """Whether two convex quadrilaterals are apart (separating axis theorem)."""
    for poly in (p, q):
        for k in range(4):
            edge = poly[(k + 1) % 4] - poly[k]
            normal = np.array([-edge[1], edge[0]])
            if not normal.any():
                continue
            a, b = p @ normal, q @ normal
            if a.max() <= b.min() or b.max() <= a.min():
                return True
    return False


def overlapping_pairs(texts: list[DrawnText], tolerance: float = TOLERANCE_PT) -> list[tuple[DrawnText, DrawnText]]:
    """Pairs of texts whose boxes, shrunk by ``tolerance`` points on each side, intersect."""
    boxes = [t.shrunk(tolerance) for t in texts]
    lo = np.array([b.min(axis=0) for b in boxes]).reshape(-1, 2)
    hi = np.array([b.max(axis=0) for b in boxes]).reshape(-1, 2)
    order = np.argsort(lo[:, 0], kind="stable")
    pairs = []
    for n, i in enumerate(order):
        for j in order[n + 1:]:
            if lo[j, 0] >= hi[i, 0]:
                break
            if lo[j, 1] >= hi[i, 1] or lo[i, 1] >= hi[j, 1]:
                continue
            if not _separated(boxes[i], boxes[j]):
                pairs.append((texts[i], texts[j]) if i < j else (texts[j], texts[i]))
    return pairs


def data_axes(fig) -> list[Axes]:
    """Axes that show data: visible, with their axis on (a panel turned off to hold a table is not one),
    and not a secondary axis (it carries labels only)."""
    from matplotlib.axes._secondary_axes import SecondaryAxis

    return [ax for ax in fig.get_axes() if ax.get_visible() and ax.axison and not isinstance(ax, SecondaryAxis)]


def _titles(fig) -> list[Text]:
    titles = [fig._suptitle] if fig._suptitle is not None else []
    for ax in fig.get_axes():
        titles += [ax.title, ax._left_title, ax._right_title]
    return [t for t in titles if t.get_visible() and t.get_text().strip()]


def _legends(fig) -> list:
    legends = list(fig.legends) + [ax.get_legend() for ax in fig.get_axes()]
    return [lg for lg in legends if lg is not None and lg.get_visible()]


def _quote(s: str) -> str:
    s = " ".join(s.split())
    return repr(s if len(s) <= 40 else s[:39] + "…")


def _box_pt(bbox, origin, scale) -> tuple[float, float, float, float]:
    return (bbox.x0 * scale - origin[0], bbox.y0 * scale - origin[1],
            bbox.x1 * scale - origin[0], bbox.y1 * scale - origin[1])


def _intersects(a, b, tolerance: float = TOLERANCE_PT) -> bool:
    return (min(a[2], b[2]) - max(a[0], b[0]) > tolerance) and (min(a[3], b[3]) - max(a[1], b[1]) > tolerance)


def _inside(a, page, tolerance: float = TOLERANCE_PT) -> bool:
    return (a[0] >= page[0] - tolerance and a[1] >= page[1] - tolerance and a[2] <= page[2] + tolerance
            and a[3] <= page[3] + tolerance)


def width_limit_in(fig) -> float:
    """The page width, or one column for a figure drawn at column width or narrower."""
    return COLUMN_WIDTH_IN if fig.get_figwidth() <= COLUMN_WIDTH_IN + 1e-9 else PAGE_WIDTH_IN


def layout_problems(fig, max_width_in: float | None = None, max_height_in: float = MAX_HEIGHT_IN) -> list[str]:
    """Every layout rule ``fig`` breaks at its exported size, one sentence each (empty: the figure is fine)."""
    with at_export_dpi(fig):
        return _problems(fig, max_width_in, max_height_in)


def _problems(fig, max_width_in: float | None, max_height_in: float) -> list[str]:
    texts, box, renderer = drawn_texts(fig)
    problems = []
    width, height = box[2] - box[0], box[3] - box[1]
    limit = width_limit_in(fig) if max_width_in is None else max_width_in
    if width > limit + 0.005:
        problems.append(f"exported width {width:.2f} in is over {limit} in")
    if height > max_height_in + 0.005:
        problems.append(f"exported height {height:.2f} in is over {max_height_in} in")
    for t in texts:
        if t.fontsize < MIN_FONT_PT - 1e-9:
            problems.append(f"text {_quote(t.text)} is {t.fontsize:g} pt, under {MIN_FONT_PT:g} pt")
    page = (0.0, 0.0, width * 72.0, height * 72.0)
    for t in texts:
        lo, hi = t.corners.min(axis=0), t.corners.max(axis=0)
        if not _inside((*lo, *hi), page):
            problems.append(f"text {_quote(t.text)} is outside the exported figure")
    for a, b in overlapping_pairs(texts):
        problems.append(f"texts {_quote(a.text)} and {_quote(b.text)} overlap")
    scale, origin = 72.0 / fig.dpi, np.array(box[:2]) * 72.0
    areas = [(ax, _box_pt(ax.bbox, origin, scale)) for ax in data_axes(fig)]
    by_artist = {id(t.artist): t for t in texts}
    for title in _titles(fig):
        drawn = by_artist.get(id(title))
        if drawn is None:
            continue
        lo, hi = drawn.corners.min(axis=0), drawn.corners.max(axis=0)
        extent = (*lo, *hi)
        if not _inside(extent, page):
            problems.append(f"title {_quote(title.get_text())} is outside the exported figure")
        if any(_intersects(extent, area) for _, area in areas):
            problems.append(f"title {_quote(title.get_text())} lies on an axes' data area")
    for legend in _legends(fig):
        extent = _box_pt(legend.get_window_extent(renderer), origin, scale)
        name = _quote(" / ".join(t.get_text() for t in legend.get_texts()))
        if not _inside(extent, page):
            problems.append(f"legend {name} is outside the exported figure")
        if any(_intersects(extent, area) for _, area in areas):
            problems.append(f"legend {name} lies on an axes' data area")
    return problems


def assert_layout(fig, **kwargs) -> None:
    """Raise AssertionError listing every layout problem of ``fig``."""
    problems = layout_problems(fig, **kwargs)
    if problems:
        raise AssertionError(f"{len(problems)} layout problem(s):\n  " + "\n  ".join(problems[:40]))
