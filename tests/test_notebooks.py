"""The notebooks stay thin and their prose holds for any set of plans: analysis and figure code live in the
package (no code cell over 15 lines), no Markdown cell names a plan of the corpus (what is said about
particular plans is computed, ``comparison.analysis.findings``, and printed by a code cell), and every
notebook takes ``lang``, ``docs`` (a selection) and ``highlight`` as papermill parameters."""
import csv
import json

import pytest

from comparison.paths import REPO_ROOT

NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
MAX_CODE_LINES = 15


def cells(notebook, kind):
    return [("".join(c["source"]), k) for k, c in enumerate(json.loads(notebook.read_text(encoding="utf-8"))["cells"])
            if c["cell_type"] == kind]


def plan_names():
    with open(REPO_ROOT / "data" / "raw" / "plans.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {name for r in rows for name in (r["doc_id"], r["city_en"], r["city_zh"])}


def test_there_are_notebooks_and_plans():
    assert len(NOTEBOOKS) == 7 and {"nanping_2021", "Nanping", "南平"} <= plan_names()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_code_cell_is_long(notebook):
    long = {k: text.count("\n") + 1 for text, k in cells(notebook, "code") if text.count("\n") + 1 > MAX_CODE_LINES}
    assert long == {}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_markdown_cell_names_a_plan(notebook):
    names = plan_names()
    named = {k: sorted(n for n in names if n in text) for text, k in cells(notebook, "markdown")}
    assert {k: v for k, v in named.items() if v} == {}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_takes_the_language_a_selection_and_a_highlight(notebook):
    import ast

    cells = [c for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
             if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1  # papermill's parameters cell
    tree = ast.parse("".join(cells[0]["source"]))
    defaults = {t.id: ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                for t in node.targets}
    assert defaults["lang"] in ("en", "zh") and defaults["docs"] is None and defaults["highlight"] is None
