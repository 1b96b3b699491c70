"""Every figure function of comparison/figures has a layout test at every synthetic size (sc.SIZES), read
from the code (ast): a figure added without one fails here. A figure function returns a Chart (or a list of
them) and no other figure function calls it (plan_charts' and plan_matrix_chart's building blocks are
tested through the figures built on them)."""
import ast
from pathlib import Path

from comparison.paths import REPO_ROOT

FIGURES = REPO_ROOT / "comparison" / "figures"
TESTS = Path(__file__).parent


def _names(node) -> set[str]:
    return {n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)} | \
           {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def figure_functions() -> dict[str, str]:
    returning, called = {}, set()
    for path in sorted(FIGURES.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef):
                if not node.name.startswith("_") and node.returns is not None and "Chart" in ast.unparse(node.returns):
                    returning[node.name] = path.name
                called |= {c.func.attr if isinstance(c.func, ast.Attribute) else getattr(c.func, "id", "")
                           for c in ast.walk(node) if isinstance(c, ast.Call)}
    return {name: module for name, module in returning.items() if name not in called}


def drawn_at_every_size() -> set[str]:
    """Names used by tests parametrized over sc.SIZES, with the module-level helpers and lists they use."""
    found = set()
    for path in sorted(TESTS.glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = {}
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                top[node.name] = node
            elif isinstance(node, ast.Assign):
                top.update({t.id: node for t in node.targets if isinstance(t, ast.Name)})
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_") and \
                    any("sc.SIZES" in ast.unparse(d) for d in node.decorator_list):
                names, todo = set(), [node]
                while todo:
                    new = _names(todo.pop()) - names
                    names |= new
                    todo += [top[n] for n in new if n in top and top[n] is not node]
                found |= names
    return found


def test_the_reader_finds_the_figures_it_should():
    figures = figure_functions()
    assert {"plan_size", "coverage_charts", "cosine_chart", "status_chart", "values_charts"} <= set(figures)
    assert "plan_matrix_chart" not in figures and "stacked_shares" not in figures  # building blocks


def test_every_figure_function_is_drawn_at_every_size():
    sized = drawn_at_every_size()
    assert {f"{module}: {name}" for name, module in figure_functions().items() if name not in sized} == set()
