"""Fixtures of the new-plan tests: the real codebook and its unit registry, read once per run. (The plans
added end to end and their report are the suite's one report run, ``report_run`` in tests/conftest.py.)"""
import pytest

from comparison.curation.taxonomy import load_taxonomy
from comparison.curation.units import UnitConverter


@pytest.fixture(scope="session")
def taxonomy(paths):
    return load_taxonomy(paths)


@pytest.fixture(scope="session")
def units(taxonomy):
    return UnitConverter(taxonomy)
