"""Benchmark only: with this folder first on PYTHONPATH, ``comparison.figures.plotting.save_figure`` checks each
figure with the layout checker (``comparison.figures.layout.layout_problems``) before saving it, and appends
what it finds, one JSON line per figure, to the file named by ``CITYCOMPARE_LAYOUT_LOG``.

``benchmarks/report_layout.py`` runs a whole report this way on a generated corpus: the figures as the
notebooks draw them from the pipeline's tables, as a researcher with that many plans would get them.
"""
import importlib.abc
import importlib.util
import json
import os
import sys

TARGET = "comparison.figures.plotting"


class _PatchOnImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name != TARGET:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            save = module.save_figure

            def checked(fig, number, name, lang, *args, **kwargs):
                from comparison.figures.layout import layout_problems

                entry = {"figure": f"{lang}/{number}_{name}", "problems": layout_problems(fig)}
                with open(os.environ["CITYCOMPARE_LAYOUT_LOG"], "a", encoding="utf-8") as log:
                    log.write(json.dumps(entry, ensure_ascii=False) + "\n")
                return save(fig, number, name, lang, *args, **kwargs)

            module.save_figure = checked

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, _PatchOnImport())
