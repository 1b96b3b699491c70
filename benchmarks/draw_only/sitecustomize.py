"""Benchmark only: with this folder first on PYTHONPATH, ``comparison.figures.plotting.save_figure`` draws the
figure once and writes nothing.

``benchmarks/run.py --report`` runs the report once more this way, in every notebook kernel, to show how
much of the report's time the figure files (300-dpi PNG, SVG and PDF) cost. Python imports ``sitecustomize``
at start-up; the patch waits until ``comparison.figures.plotting`` is first imported, so it costs nothing before.
"""
import importlib.util
from pathlib import Path

# benchmarks/figure_hook.py, loaded by path: benchmarks/ is not on the kernel's sys.path (and putting it there
# would let the benchmark scripts shadow modules of the kernel).
_spec = importlib.util.spec_from_file_location("citycompare_figure_hook",
                                               Path(__file__).resolve().parent.parent / "figure_hook.py")
_hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_hook)


def draw_only(fig, *args, **kwargs):
    import matplotlib.pyplot as plt

    fig.canvas.draw()
    plt.close(fig)
    return []


_hook.patch_save_figure(lambda save: draw_only)
