"""Benchmark only: with this folder first on PYTHONPATH, ``comparison.figures.plotting.save_figure`` draws the
figure once and writes nothing.

``benchmarks/run.py --report`` runs the report once more this way, in every notebook kernel, to show how
much of the report's time the figure files (300-dpi PNG, SVG and PDF) cost. Python imports ``sitecustomize``
at start-up; the patch waits until ``comparison.figures.plotting`` is first imported, so it costs nothing before.
"""
import importlib.abc
import importlib.util
import sys

TARGET = "comparison.figures.plotting"


def draw_only(fig, *args, **kwargs):
    import matplotlib.pyplot as plt

    fig.canvas.draw()
    plt.close(fig)
    return []


class _PatchOnImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name != TARGET:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            module.save_figure = draw_only

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, _PatchOnImport())
