"""The data dictionaries as Markdown: every table row has as many cells as its header, whatever a meaning
holds ("target | baseline", "<doc_id>:<section>.<clause>")."""
import re

import pytest

from comparison.tables import dictionary, report_tables


def cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


@pytest.mark.parametrize("readme", [dictionary.readme, report_tables.readme], ids=["data/processed", "reports/tables"])
def test_every_row_has_the_cells_of_its_header(readme):
    text = readme()
    tables = [block for block in text.split("\n\n") if block.startswith("| column")]
    assert len(tables) >= 4
    for block in tables:
        rows = block.splitlines()
        assert all(len(cells(r)) == len(cells(rows[0])) for r in rows), block[:200]


def test_a_bar_is_escaped_and_a_placeholder_shown_as_code():
    assert dictionary.markdown_cell("target | baseline") == "target \\| baseline"
    assert dictionary.markdown_cell("<doc_id>:<section>.<clause>") == "`<doc_id>`:`<section>`.`<clause>`"
    assert dictionary.markdown_cell("≥ 95 % < 100 %") == "≥ 95 % < 100 %"  # a lone < is no tag
    assert "| kind | target \\| baseline |" in dictionary.readme()
