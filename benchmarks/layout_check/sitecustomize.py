"""Benchmark only: with this folder first on PYTHONPATH, ``comparison.figures.plotting.save_figure`` checks each
figure with the layout checker (``comparison.figures.layout.layout_problems``) before saving it, and appends
what it finds, one JSON line per figure, to the file named by ``CITYCOMPARE_LAYOUT_LOG``.

``benchmarks/report_layout.py`` runs a whole report this way on a generated corpus: the figures as the
notebooks draw them from the pipeline's tables, as a researcher with that many plans would get them.
"""
import importlib.util
import json
import os
from pathlib import Path

# benchmarks/figure_hook.py, loaded by path: benchmarks/ is not on the kernel's sys.path (and putting it there
# would let the benchmark scripts shadow modules of the kernel).
_spec = importlib.util.spec_from_file_location("citycompare_figure_hook",
                                               Path(__file__).resolve().parent.parent / "figure_hook.py")
_hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_hook)


def _checked(save):
    def checked(fig, number, name, lang, *args, **kwargs):
        from comparison.figures.layout import layout_problems

        entry = {"figure": f"{lang}/{number}_{name}", "problems": layout_problems(fig)}
        with open(os.environ["CITYCOMPARE_LAYOUT_LOG"], "a", encoding="utf-8") as log:
            log.write(json.dumps(entry, ensure_ascii=False) + "\n")
        return save(fig, number, name, lang, *args, **kwargs)

    return checked


_hook.patch_save_figure(_checked)
