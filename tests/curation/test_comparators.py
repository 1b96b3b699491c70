from comparison.curation.comparators import contradicted, wording_next_to


def test_only_the_words_next_to_the_value_count():
    quote = "市、县污泥无害化处理率分别达到 97%、95% 以上"
    assert wording_next_to(quote, 97, "%") == [None]
    assert wording_next_to(quote, 95, "%") == ["ge"]


def test_the_longer_word_wins_and_the_unit_may_stand_between():
    assert wording_next_to("新能源汽车比例不低于 95%", 95, "%") == ["ge"]
    assert wording_next_to("新能源汽车比例低于 95%", 95, "%") == ["lt"]
    assert wording_next_to("约 870万吨", 870, "万吨") == ["approx"]


def test_line_breaks_of_the_raw_text_are_ignored():
    assert wording_next_to("收集率达\n\n到 70\n%以\n上", 70, "%") == ["ge"]


def test_a_value_not_written_in_digits_has_no_wording():
    assert wording_next_to("电力行业占比近一半", 0.5, "") == []


def test_a_comparator_of_the_wrong_direction_is_contradicted():
    assert contradicted("森林覆盖率达到39%以上", 39, "%", "eq") == {"ge", "gt"}
    assert contradicted("森林覆盖率达到39%以上", 39, "%", "le") == {"ge", "gt"}
    assert contradicted("森林覆盖率39%左右", 39, "%", "ge") == {"approx"}


def test_strictness_is_not_checked_plans_mix_it():
    assert contradicted("产业碳排放贡献超过 60%", 60, "%", "ge") == set()
    assert contradicted("达到 60%以上", 60, "%", "gt") == set()


def test_a_place_without_comparator_words_leaves_the_comparator_to_the_curator():
    assert contradicted("甲类达到 95%，乙类 95%以上", 95, "%", "eq") == set()
    assert contradicted("达到 95%", 95, "%", "ge") == set()
