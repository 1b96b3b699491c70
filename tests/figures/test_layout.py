"""The layout checker, on figures built to break each rule (and one that breaks none)."""
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest

from comparison.figures import plotting
from comparison.figures.layout import drawn_texts, layout_problems, text_corners


@pytest.fixture(autouse=True)
def style():
    plotting.setup()


def clean_figure():
    fig, ax = plt.subplots(figsize=(4, 2.5), layout="constrained")
    ax.plot([0, 1, 2], [1, 3, 2], label="series")
    ax.set_title("A title")
    ax.set_xlabel("x")
    fig.legend(loc="outside right upper", frameon=False)
    return fig


def test_a_clean_figure_has_no_problem():
    assert layout_problems(clean_figure()) == []


def test_two_texts_on_top_of_each_other_overlap():
    fig = clean_figure()
    fig.axes[0].text(1, 2, "南平 2021 减污降碳")
    fig.axes[0].text(1.05, 2.02, "Nanping 2022")
    assert layout_problems(fig) == ["texts '南平 2021 减污降碳' and 'Nanping 2022' overlap"]


def test_rotated_labels_are_measured_as_rotated_boxes():
    """Two long labels at 45°, side by side: their axis-aligned bounds overlap, the labels do not."""
    fig, ax = plt.subplots(figsize=(3, 3))
    ax.set_axis_off()
    kw = dict(rotation=45, rotation_mode="anchor", ha="left", va="baseline", fontsize=8,
              transform=ax.transAxes)
    a = ax.text(0.2, 0.2, "Waste and circular economy", **kw)
    b = ax.text(0.3, 0.2, "Buildings and construction", **kw)
    texts, _, renderer = drawn_texts(fig)
    ea, eb = a.get_window_extent(renderer), b.get_window_extent(renderer)
    assert ea.overlaps(eb)  # the axis-aligned bounds would call this an overlap
    assert layout_problems(fig) == []
    ax.text(0.34, 0.36, "×", transform=ax.transAxes, fontsize=8, ha="center", va="center")
    problems = layout_problems(fig)
    assert len(problems) == 1 and "'Waste and circular economy' and '×'" in problems[0] and "overlap" in problems[0]


@pytest.mark.parametrize("rotation", [0, 30, 90, 135])
@pytest.mark.parametrize("mode", ["default", "anchor"])
@pytest.mark.parametrize("ha,va", [("left", "baseline"), ("right", "top"), ("center", "center")])
def test_rotated_box_has_the_bounds_matplotlib_reports(rotation, mode, ha, va):
    fig, ax = plt.subplots(figsize=(3, 3))
    t = ax.text(0.5, 0.5, "绿色 low-carbon\nsecond line", rotation=rotation, rotation_mode=mode, ha=ha, va=va)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    corners = text_corners(t, renderer)
    e = t.get_window_extent(renderer)
    assert np.allclose([*corners.min(axis=0), *corners.max(axis=0)], [e.x0, e.y0, e.x1, e.y1], atol=0.01)
    u, v = corners[1] - corners[0], corners[3] - corners[0]
    assert abs(np.dot(u, v)) < 1e-6 * np.hypot(*u) * np.hypot(*v) + 1e-9  # a rectangle
    assert np.degrees(np.arctan2(u[1], u[0])) % 180 == pytest.approx(rotation % 180, abs=1e-6)


def test_annotations_are_measured_where_they_are_drawn():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.set_xlim(0, 10)
    ax.annotate("label", (5, 0.5), xytext=(20, 0), textcoords="offset points")
    ax.annotate("label 2", (5, 0.5), xytext=(22, 1), textcoords="offset points")
    assert any("overlap" in p for p in layout_problems(fig))


def test_a_text_under_6_pt_is_reported():
    fig = clean_figure()
    fig.axes[0].text(0.2, 1.2, "tiny", fontsize=5.5)
    assert layout_problems(fig) == ["text 'tiny' is 5.5 pt, under 6 pt"]


def test_wider_than_the_page_is_reported():
    fig, ax = plt.subplots(figsize=(9, 2))
    ax.plot([0, 1])
    assert [p for p in layout_problems(fig) if "width" in p] == [p for p in layout_problems(fig)]
    assert "over 7.2 in" in layout_problems(fig)[0]


def test_a_column_figure_whose_labels_spill_past_the_column_is_reported():
    fig, ax = plt.subplots(figsize=(plotting.COLUMN_WIDTH_IN, 2))
    ax.plot([0, 1])
    assert layout_problems(fig) == []
    ax.set_yticks([0, 1], ["a rather long label for a column figure", "short"])
    problems = layout_problems(fig)
    assert len(problems) == 1 and problems[0].endswith("is over 3.5 in")


def test_taller_than_a_page_is_reported():
    fig, ax = plt.subplots(figsize=(4, 12))
    ax.plot([0, 1])
    assert layout_problems(fig) == [layout_problems(fig)[0]] and "height" in layout_problems(fig)[0]


def test_a_legend_on_the_data_is_reported_and_one_beside_it_is_not():
    fig, ax = plt.subplots(figsize=(4, 2.5))
    ax.plot([0, 1, 2], [1, 3, 2], label="series")
    ax.legend(loc="center")
    assert layout_problems(fig) == ["legend 'series' lies on an axes' data area"]
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5))
    assert layout_problems(fig) == []


def test_a_title_on_the_data_is_reported():
    fig, ax = plt.subplots(figsize=(4, 2.5))
    ax.plot([0, 1, 2], [1, 3, 2])
    ax.set_title("Inside the plot", y=0.5)
    assert layout_problems(fig) == ["title 'Inside the plot' lies on an axes' data area"]


def test_a_panel_turned_off_is_not_a_data_area():
    fig, (ax, table) = plt.subplots(1, 2, figsize=(5, 2))
    ax.plot([0, 1])
    table.axis("off")
    table.set_title("A table", y=0.5)
    table.text(0.1, 0.2, "cell", transform=table.transAxes)
    assert layout_problems(fig) == []


def test_texts_and_legends_outside_the_exported_figure_are_reported():
    with matplotlib.rc_context({"savefig.bbox": "standard"}):
        fig, ax = plt.subplots(figsize=(4, 2.5))
        ax.plot([0, 1], label="series")
        ax.legend(loc="center left", bbox_to_anchor=(1.3, 0.5))
        fig.suptitle("A title", y=1.2)
        assert sorted(layout_problems(fig)) == ["legend 'series' is outside the exported figure",
                                                "text 'A title' is outside the exported figure",
                                                "text 'series' is outside the exported figure",
                                                "title 'A title' is outside the exported figure"]


def test_hidden_and_empty_texts_are_not_drawn_and_not_checked():
    fig = clean_figure()
    fig.axes[0].text(1, 2, "hidden", fontsize=4).set_visible(False)
    fig.axes[0].text(1, 2, " ", fontsize=4)
    assert layout_problems(fig) == []


def test_the_checker_measures_the_figure_as_the_png_prints_it():
    """Hinting at the screen's 100 dpi makes 6-pt Chinese labels narrower than printed: the checker's
    exported box is matplotlib's own tight box at 300 dpi (the PNG's), not the screen's."""
    import io

    from PIL import Image

    fig, ax = plt.subplots(figsize=(3, 2))
    ax.set_yticks([0, 1], ["新增及更新城市邮政快递、物流配送车辆中新能源汽车比例", "公共交通出行占机动化出行比例"],
                  fontsize=6)
    sizes = {}
    for dpi in (100, 300):
        png = io.BytesIO()
        fig.savefig(png, format="png", dpi=dpi, bbox_inches="tight")
        sizes[dpi] = Image.open(png).width / dpi
    assert abs(sizes[300] - sizes[100]) > 0.05
    _, box, _ = drawn_texts(fig)
    assert box[2] - box[0] == pytest.approx(sizes[300], abs=1 / 300)
    assert fig.dpi == 100  # the figure is back at its own resolution


def test_measuring_leaves_a_window_on_screen_as_it_was(monkeypatch):
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.set_title("南平 2021")
    manager = fig.canvas.manager
    resized = []
    monkeypatch.setattr(manager, "resize", lambda *size: resized.append(size))
    layout_problems(fig)
    plotting.export_box(fig)
    assert resized == [] and fig.canvas.manager is manager and fig.dpi == 100
