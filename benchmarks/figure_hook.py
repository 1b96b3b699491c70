"""Benchmark only: replace ``comparison.figures.plotting.save_figure`` in a process (a notebook kernel) from its
``sitecustomize``, without importing anything before the process imports plotting itself.

``draw_only/`` and ``layout_check/`` each hold a ``sitecustomize`` that calls ``patch_save_figure``; a folder
first on PYTHONPATH makes every Python started with it (the report's kernels) run its hook at start-up.
"""
import importlib.abc
import importlib.util
import sys

TARGET = "comparison.figures.plotting"


def patch_save_figure(wrap) -> None:
    """Once ``comparison.figures.plotting`` is first imported, its ``save_figure`` becomes ``wrap(save_figure)``."""

    class _PatchOnImport(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name != TARGET:
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            load = spec.loader.exec_module

            def exec_module(module):
                load(module)
                module.save_figure = wrap(module.save_figure)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, _PatchOnImport())

