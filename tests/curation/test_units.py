"""The unit registry: built once per set of codebook definitions in a process, a bad definition still named."""
import pytest

from comparison.curation import units as units_module
from comparison.curation.taxonomy import load_taxonomy
from comparison.curation.units import UnitConverter
from comparison.problems import InputError


@pytest.fixture(scope="module")
def taxonomy(paths):
    return load_taxonomy(paths)


def test_the_same_definitions_share_one_registry_and_convert_as_before(taxonomy):
    first, second = UnitConverter(taxonomy), UnitConverter(taxonomy)
    assert first.registry is second.registry
    assert first.convert(3, "万吨", "t") == second.convert(3, "万吨", "t") == 30_000
    assert first.convert(2, "亿元", "CNY") == 200_000_000


def test_other_definitions_get_a_registry_of_their_own():
    registry, failed = units_module._registry(("万 = 1e4", "亿 = 1e8"))
    other, _ = units_module._registry(("万 = 1e4",))
    assert failed == [] and registry is not other
    assert registry.Quantity(1, "亿").to("万").magnitude == 10_000


def test_a_definition_pint_cannot_read_is_named_and_nothing_is_kept():
    kept = dict(units_module._registries)
    registry, failed = units_module._registry(("万 = 1e4", "半 = 0.5 *"))
    assert registry is None and [(k, d) for k, d, _ in failed] == [(1, "半 = 0.5 *")]
    assert units_module._registries == kept


def test_a_bad_definition_in_the_codebook_is_an_input_error(taxonomy, monkeypatch):
    table = taxonomy.table("unit_definitions").copy()
    table.loc[table.index[0], "definition"] = "万 = 1e4 *"
    real = taxonomy.table
    monkeypatch.setattr(taxonomy, "table", lambda name: table if name == "unit_definitions" else real(name))
    with pytest.raises(InputError) as err:
        UnitConverter(taxonomy)
    problem, = err.value.problems
    assert (problem.sheet, problem.column, problem.value) == ("unit_definitions", "definition", "万 = 1e4 *")
