"""The curated dataset over the real corpus: valid, complete, reliable, and the numbers researchers cite."""
import pytest
from sklearn.metrics import cohen_kappa_score

from comparison.text.numbers import chinese_numeral_value, written_value
from comparison.pipeline import validate
from comparison.curation.workbooks import read_workbook


@pytest.fixture(scope="session")
def inputs(paths):
    return validate(paths)


def test_real_workbooks_validate(inputs):
    """validate() runs every check of the curation issue (quotes, ids, codes, completeness, coding)."""
    c = inputs.curated
    assert set(c.quantities.doc_id) == set(inputs.docs)
    assert not c.unreviewed_docs


def test_every_quote_is_in_its_raw_text(inputs):
    for table in (inputs.curated.quantities, inputs.curated.ignored_numbers):
        for r in table.itertuples():
            assert r.quote in inputs.docs[r.doc_id].raw, (r.file, r.excel_row)


def test_every_substantive_sentence_is_coded_once(inputs):
    coded = inputs.curated.measures.sentence_id
    assert coded.is_unique
    expected = {s.sentence_id for d in inputs.docs.values() for c in d.clauses if c.section_no > 0 for s in c.sentences}
    assert set(coded) == expected


def quantity(inputs, doc_id, quote_part, value):
    q = inputs.curated.quantities
    rows = q[(q.doc_id == doc_id) & q.quote.str.contains(quote_part, regex=False) & (q.value == value)]
    assert len(rows) >= 1, (doc_id, quote_part, value)
    return rows.iloc[0]


def test_headline_numbers_are_in_the_data(inputs):
    # 2020 inventory of the synergy plan: total, energy, process (baseline facts of 2020)
    total = quantity(inputs, "nanping_2022", "总二氧化碳排放 1075万", 1075)
    assert (total.kind, total.unit_as_written, total.base_year) == ("baseline", "万吨", 2020)
    assert quantity(inputs, "nanping_2022", "939", 939).kind == "baseline"
    # main targets
    water = quantity(inputs, "nanping_2021", "工业用水重复利用率大于75%", 75)
    assert (water.comparator, water.target_year, water.kind) == ("gt", 2025, "target")
    energy = quantity(inputs, "jiaozuo_2021", "降低 16% 以上", 16)
    assert (energy.comparator, energy.indicator_id) == ("ge", "energy_intensity_gdp_reduction_pct")
    # a range is two rows, lower and upper bound
    q = inputs.curated.quantities
    ranges = q[q.quote.str.contains("1-2") | q.quote.str.contains("1—2")]
    assert {"ge", "le"} <= set(ranges.comparator)
    # a doubling is 2 times
    doubling = q[q.quote.str.contains("翻番|翻一番")]
    assert len(doubling) and (doubling.value == 2).all() and set(doubling.unit_as_written) == {"times"}


def test_kappa_in_the_codebook_is_recomputed_from_the_codings(inputs, paths):
    second = read_workbook(paths.raw / "reliability.xlsx",
                           {"second_coding": ["sentence_id", "sector_id", "instrument_id", "synergy"]},
                           "data/raw/reliability.xlsx")["second_coding"]
    first = inputs.curated.measures.assign(synergy=lambda d: d.synergy.map({True: "true", False: "false"}))
    both = second.merge(first, on="sentence_id", suffixes=("_2", "_1"))
    assert len(both) == len(second) >= 0.2 * len(first)
    table = inputs.taxonomy.table("reliability").set_index("dimension")
    for dim in ("sector", "instrument", "synergy"):
        col = "synergy" if dim == "synergy" else f"{dim}_id"
        kappa = cohen_kappa_score(both[f"{col}_1"], both[f"{col}_2"])
        assert round(kappa, 3) == float(table.loc[dim, "kappa"])
        assert int(table.loc[dim, "n_sentences"]) == len(both)


def test_every_code_rolls_up_to_a_shared_code(inputs):
    for sheet in ("pillars", "instruments"):
        df = inputs.taxonomy.table(sheet)
        roots = set(df[df.parent_id == ""].iloc[:, 0])
        assert set(df[df.parent_id != ""].parent_id) <= roots


@pytest.mark.parametrize("measure, reference", [
    ("能耗", "单位地区生产总值能耗"), ("能源消耗", "单位地区生产总值能耗"),
    ("二氧化碳排放", "单位地区生产总值二氧化碳排放"), ("碳排放", "单位地区生产总值二氧化碳排放"),
    ("二氧化碳排放量", "单位地区生产总值二氧化碳排放"), ("碳排放量", "单位地区生产总值二氧化碳排放"),
    ("用水量", "单位地区生产总值用水量"),
])
def test_every_wording_of_an_intensity_names_its_indicators(inputs, measure, reference):
    """Plans write an intensity per unit of output in any of these ways (单位生产总值能源消耗, 万元GDP碳排放 …):
    each wording is an alias of the indicators the reference wording names, so no plan's wording goes unread."""
    aliases = inputs.taxonomy.table("indicator_aliases")
    ids = aliases.groupby("alias").indicator_id.agg(frozenset)
    for per in ("单位地区生产总值", "单位生产总值", "单位GDP", "单位国内生产总值", "万元GDP", "万元地区生产总值",
                "万元生产总值"):
        assert ids.get(per + measure) == ids[reference], per + measure


@pytest.mark.parametrize("written,value", [
    ("13.5", 13.5), ("７６．３", 76.3), ("1 200", 1200), ("翻一番", 2), ("翻番", 2), ("翻两番", 4), ("两", 2),
    ("兩", 2), ("二十六", 26), ("三百零五", 305), ("千", 1000), ("零", 0), ("三分之一", 1 / 3), ("四分之三", 0.75),
    ("百分之十五", 0.15), ("一半", 0.5),
])
def test_written_value_is_the_number_the_words_mean(written, value):
    assert written_value(written) == value


@pytest.mark.parametrize("written", ["", "约95", "35%", "95以上", "一批", "十四五规划", "三分之"])
def test_written_value_refuses_other_wording(written):
    assert written_value(written) is None


def test_chinese_numeral_value():
    assert chinese_numeral_value("三百零五") == 305
