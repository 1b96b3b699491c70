"""The bundled Noto Sans SC as a subset webfont: only the glyphs a page uses, embedded in the page.

A reader's machine may have no Chinese font at all (a fresh Linux, many servers and CI machines): the
page then shows every Chinese character as an empty box. The page therefore carries its own font, cut
down to the characters it uses (a few hundred to a few thousand of the font's 30 000 glyphs, 50–300 KB)
and compressed as WOFF2 (Brotli), else WOFF (zlib) when the ``brotli`` module is missing.

Deterministic: the same characters give the same bytes (the subset keeps the font's own timestamps
instead of stamping the time of the run).
"""
from __future__ import annotations

import base64
import io
from functools import lru_cache

from comparison.figures.plotting import FONT_FILE, FONT_NAME

FAMILY = "citycompare Noto Sans SC"  # a family name of its own: never confused with an installed font


def flavor() -> str:
    try:
        import brotli  # noqa: F401  (fontTools writes WOFF2 with it)
        return "woff2"
    except ImportError:
        return "woff"


@lru_cache(maxsize=8)
def subset_font(characters: frozenset[str], flavor_name: str | None = None) -> bytes:
    """The bundled font reduced to ``characters``, as WOFF2 or WOFF bytes."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = flavor_name or flavor()
    options.name_IDs = ["*"]  # keep the copyright and the OFL licence notice with the font
    options.hinting = False   # browsers rasterize CFF outlines without hints; saves a fifth of the bytes
    # Only the glyphs of the characters asked for: not those substitution features could reach (vertical
    # forms, ligatures; the features go with them), nor mirrored partners for right-to-left text (≤ for ≥).
    options.layout_closure = False
    options.bidi_closure = False
    font = TTFont(str(FONT_FILE), recalcTimestamp=False, recalcBBoxes=False, lazy=True)  # bounds as in the full font
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in characters))
    subsetter.subset(font)
    font.flavor = options.flavor
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def font_face_css(characters: set[str]) -> str:
    """An ``@font-face`` rule with the subset embedded as a data URL, for the family ``FAMILY``."""
    kind = flavor()
    data = base64.b64encode(subset_font(frozenset(characters), kind)).decode("ascii")
    return (f"@font-face{{font-family:'{FAMILY}';src:url(data:font/{kind};base64,{data}) format('{kind}');"
            "font-weight:400;font-style:normal;font-display:block}")  # one weight: bold is synthesized


def font_stack() -> str:
    """The CSS font-family list: the embedded subset first, so every machine shows the same glyphs."""
    return f"'{FAMILY}','{FONT_NAME}',sans-serif"
