"""The embedded font: exactly the characters asked for, deterministic, licence kept."""
import io

from fontTools.ttLib import TTFont

from comparison.report import webfont

TEXT = "南平市 2025 年≥95%（约）。Figure 图1"


def _subset(flavor=None) -> bytes:
    return webfont.subset_font.__wrapped__(frozenset(TEXT), flavor)  # not the cached result


def test_the_subset_maps_exactly_the_characters_asked_for():
    font = TTFont(io.BytesIO(_subset()))
    assert set(map(chr, font.getBestCmap())) == set(TEXT)  # not ≤ (the mirror of ≥) nor other extras
    assert len(font.getGlyphOrder()) < 100


def test_the_subset_is_the_same_bytes_every_time_and_keeps_the_licence():
    first = _subset("woff")
    assert first == _subset("woff") and first[:4] == b"wOFF"
    names = TTFont(io.BytesIO(first))["name"]
    assert "Open Font License" in str(names.getDebugName(13))  # licence description kept with the font
    assert names.getDebugName(0)  # copyright


def test_woff2_when_brotli_is_installed():
    assert webfont.flavor() == "woff2"  # brotli is a dependency (pyproject.toml)
    assert _subset("woff2")[:4] == b"wOF2"
    css = webfont.font_face_css(set(TEXT))
    assert css.startswith("@font-face{font-family:'citycompare Noto Sans SC';src:url(data:font/woff2;base64,")
    assert webfont.font_stack().startswith("'citycompare Noto Sans SC'")
