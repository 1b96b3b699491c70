"""The plotting style: Chinese glyphs render with the bundled font, colours are fixed per city."""
import warnings

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from comparison.figures import plotting
def test_chinese_labels_render_without_missing_glyphs(tmp_path):
    plotting.setup()
    fig, ax = plt.subplots()
    ax.set_title("南平 2022 减污降碳 · 单位地区生产总值能耗下降（%）")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(tmp_path / "zh.png")
        fig.savefig(tmp_path / "zh.svg")


def test_missing_glyph_is_an_error(tmp_path):
    plotting.setup()
    fig, ax = plt.subplots()
    ax.set_title("\U0001F600")  # an emoji the font lacks
    with pytest.raises(UserWarning, match="Glyph"):
        fig.savefig(tmp_path / "x.png")


def test_plan_colours_follow_the_city_and_are_stable():
    plans = pd.DataFrame({"doc_id": ["a_2021", "a_2022", "b_2022"], "city_id": ["a", "a", "b"]})
    colors = plotting.plan_colors(plans)
    assert colors["a_2021"] == plotting.PALETTE[0] and colors["b_2022"] == plotting.PALETTE[1]
    assert colors["a_2022"] not in (colors["a_2021"], colors["b_2022"])
    more = pd.concat([plans, pd.DataFrame({"doc_id": ["c_2023"], "city_id": ["c"]})])
    assert {k: v for k, v in plotting.plan_colors(more).items() if k in colors} == colors
    subset = more[more.doc_id.isin(["a_2022", "c_2023"])].copy()
    subset.attrs["all_plans"] = list(zip(more.doc_id, more.city_id))
    assert plotting.plan_colors(subset) == {"a_2022": colors["a_2022"], "c_2023": plotting.PALETTE[2]}


def test_save_figure_writes_png_svg_pdf_and_caption(tmp_path):
    from comparison.paths import project_paths

    plotting.setup()
    fig, ax = plt.subplots()
    ax.plot([1, 2])
    ax.set_title("方案 plan")
    written = plotting.save_figure(fig, "99", "test", "en", "A caption.", project_paths(tmp_path))
    assert [p.name for p in written] == ["99_test.png", "99_test.svg", "99_test.pdf", "99_test.json"]
    folder = tmp_path / "reports/figures/en"
    first = {ext: (folder / f"99_test.{ext}").read_bytes() for ext in ("svg", "pdf")}
    plotting.save_figure(fig, "99", "test", "en", "A caption.", project_paths(tmp_path))
    assert {ext: (folder / f"99_test.{ext}").read_bytes() for ext in ("svg", "pdf")} == first
    pdf = first["pdf"]
    assert pdf.startswith(b"%PDF") and b"/CreationDate" not in pdf
    assert b"/Type /Font" not in pdf and b"/FontFile" not in pdf  # text as outlines, as in the SVG
    assert not any(t.get_path_effects() for t in fig.findobj(plotting.Text))  # the figure is left as it was


def test_the_three_files_show_one_area_measured_at_the_pngs_resolution(tmp_path):
    """PNG, SVG and PDF cover one area, text out past the axes included: the tight box at 300 dpi, where a
    long label is as wide as the PNG draws it (at the screen's 100 dpi hinting makes it narrower here)."""
    import io
    import re

    from matplotlib.backends.backend_agg import RendererAgg
    from PIL import Image

    from comparison.paths import project_paths

    plotting.setup()
    fig, ax = plt.subplots(figsize=(4, 2))
    ax.plot([1, 2], label="单位地区生产总值能耗 energy intensity")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1))  # well outside the axes, on the right
    ax.set_yticks([1, 2], ["新增及更新城市邮政快递、物流配送车辆中新能源汽车比例", "公共交通出行占机动化出行比例"])
    reference = io.BytesIO()
    fig.savefig(reference, format="png", bbox_inches="tight")  # matplotlib's own measure, at 300 dpi
    width_px, height_px = Image.open(reference).size
    assert width_px > 6 * 300  # the labels and legend widen the export past the figure
    screen = RendererAgg(1, 1, fig.dpi)
    with screen._draw_disabled():
        fig.draw(screen)
    assert abs(plotting.export_box(fig, screen).width * 300 - width_px) > 3  # the resolution matters here
    plotting.save_figure(fig, "99", "box", "en", "A caption.", project_paths(tmp_path))
    folder = tmp_path / "reports/figures/en"
    assert Image.open(folder / "99_box.png").size == (width_px, height_px)
    inches = [width_px / 300, height_px / 300]
    svg = (folder / "99_box.svg").read_text(encoding="utf-8")
    svg_pt = [float(re.search(rf'{side}="([0-9.]+)pt"', svg).group(1)) for side in ("width", "height")]
    assert svg_pt == pytest.approx([v * 72 for v in inches], abs=0.25)  # within a pixel of the PNG
    media = re.search(rb"/MediaBox \[ *0 0 ([0-9.]+) ([0-9.]+) *\]", (folder / "99_box.pdf").read_bytes())
    assert [float(v) for v in media.groups()] == pytest.approx(svg_pt, abs=0.01)


def test_in_a_notebook_the_exported_png_is_shown_and_the_figure_closed(tmp_path, monkeypatch):
    import IPython.display
    from comparison.paths import project_paths

    plotting.setup()
    shown = []
    monkeypatch.setattr(plotting.matplotlib, "get_backend", lambda: "module://matplotlib_inline.backend_inline")
    monkeypatch.setattr(IPython.display, "display", shown.append)
    fig, ax = plt.subplots(figsize=(4, 2))
    ax.plot([1, 2])
    png = plotting.save_figure(fig, "99", "test", "en", "A caption.", project_paths(tmp_path))[0]
    assert len(shown) == 1 and shown[0].data == png.read_bytes()
    assert shown[0].width * 3 == pytest.approx(int.from_bytes(png.read_bytes()[16:20], "big"), abs=2)  # 300 → 100 dpi
    assert not plt.fignum_exists(fig.number)  # closed: the inline backend does not draw it again
    with plt.rc_context({"savefig.dpi": "figure"}):  # without the house style: shown at its own size
        fig, ax = plt.subplots(figsize=(4, 2))
        png = plotting.save_figure(fig, "99", "test", "en", "A caption.", project_paths(tmp_path))[0]
    assert shown[-1].width == int.from_bytes(png.read_bytes()[16:20], "big")


def test_a_city_with_many_plans_gets_shades_that_differ_and_never_fade_to_white():
    from matplotlib import colors as mcolors

    plans = pd.DataFrame({"doc_id": [f"a_{2020 + k}" for k in range(6)], "city_id": ["a"] * 6})
    colors = list(plotting.plan_colors(plans).values())
    assert colors[0] == plotting.PALETTE[0] and len(set(colors)) == 6
    lightness = [sum(mcolors.to_rgb(c)) / 3 for c in colors]
    assert lightness == sorted(lightness) and max(lightness) < 0.9  # each later plan lighter, none near white
    assert [plotting.shade(k) for k in range(4)] == pytest.approx([0.0, 0.35, 0.525, 0.6125])
