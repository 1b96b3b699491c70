"""Imports flow one way along the data's path: no module imports from a later layer.

Read from the package's source with ``ast``, so a new module or import is checked without running it.
"""
from __future__ import annotations

import ast

import pytest

from comparison.paths import PACKAGE_DIR

# Earlier layers first. A module may import from its own layer or an earlier one.
LAYERS = [
    {"comparison.paths", "comparison.problems"},
    {"comparison.text"},
    {"comparison.curation"},
    {"comparison.tables"},
    {"comparison.analysis"},
    {"comparison.figures"},
    {"comparison.newplan"},
    {"comparison.pipeline"},
    {"comparison.api"},
    {"comparison.report"},
    {"comparison.cli"},
    {"comparison.__main__"},
]
# The top package's __init__ holds only the version and a lazy ``comparison.load``: any module may read
# ``comparison.__version__``, and its one import happens when ``load`` is first used.
TOP_PACKAGE = "comparison"


def layer_of(module: str) -> int:
    for rank, names in enumerate(LAYERS):
        if any(module == n or module.startswith(n + ".") for n in names):
            return rank
    raise KeyError(module)


def is_module(name: str) -> bool:
    parts = name.split(".")[1:]
    return (PACKAGE_DIR.joinpath(*parts).with_suffix(".py").exists()
            or (PACKAGE_DIR.joinpath(*parts) / "__init__.py").exists())


def module_name(path) -> str:
    parts = ["comparison", *path.relative_to(PACKAGE_DIR).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path, name: str):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "comparison" or (node.level and not node.module):
                for alias in node.names:  # from comparison import text → comparison.text; a name such as
                    yield node.lineno, f"{target}.{alias.name}"  # __version__ is not a module and passes
            else:
                yield node.lineno, target


MODULES = sorted(PACKAGE_DIR.rglob("*.py"))


def test_every_module_has_a_layer():
    for path in MODULES:
        if module_name(path) != TOP_PACKAGE:
            layer_of(module_name(path))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_imports_flow_one_way(path):
    name = module_name(path)
    if name == TOP_PACKAGE:
        return
    own = layer_of(name)
    later = [f"line {line}: {target}" for line, target in imported_modules(path, name)
             if target.startswith("comparison.") and is_module(target) and layer_of(target) > own]
    assert not later, f"{name} imports from a later layer: {later}"


def test_the_check_sees_a_backward_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from comparison.figures.plotting import save\nfrom ..api import load\n")
    found = [t for _, t in imported_modules(bad, "comparison.text.bad")]
    assert found == ["comparison.figures.plotting", "comparison.api"]
    assert all(layer_of(t) > layer_of("comparison.text.bad") for t in found)


def test_no_module_over_400_lines():
    long = {str(p.relative_to(PACKAGE_DIR)): n for p in MODULES
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, f"split these modules by job: {long}"
