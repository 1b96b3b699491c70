"""HTML made safely: every value is escaped; Markdown (the findings' prose) goes through mistune with raw
HTML escaped and harmful link schemes (javascript:, data: …) dropped.

Nothing a plan, a workbook or a findings function writes can become markup: a quote containing ``<b>``
shows as text.
"""
from __future__ import annotations

import html
import math
import numbers
from functools import lru_cache

import pandas as pd


def esc(value) -> str:
    """Text for an HTML element or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def tag(name: str, content: str = "", **attrs) -> str:
    """``<name attr="…">content</name>``; ``content`` is markup already, attribute values are escaped.
    ``class_`` sets ``class``; a None or False attribute is left out."""
    shown = "".join(f' {k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in attrs.items()
                    if v is not None and v is not False)
    return f"<{name}{shown}>{content}</{name}>"


@lru_cache(maxsize=1)
def _markdown():
    import mistune
    from mistune.renderers.html import HTMLRenderer

    class SectionRenderer(HTMLRenderer):
        """Headings of a findings text sit under the section's own heading (h2): # becomes h3."""

        def heading(self, text: str, level: int, **attrs) -> str:
            level = min(level + 2, 6)
            return f"<h{level}>{text}</h{level}>\n"

    return mistune.create_markdown(renderer=SectionRenderer(escape=True), plugins=["table", "strikethrough"])


def markdown_html(text: str) -> str:
    """Markdown as HTML; raw HTML in the text is shown, not interpreted."""
    return _markdown()(text or "")


def cell_text(value) -> str:
    """A table value as printed: empty for missing, integers without a decimal point, others to 4 significant
    digits (shares and distances), text as it is."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, numbers.Integral):
        return str(value)
    if isinstance(value, numbers.Real):
        v = float(value)
        return str(int(v)) if v.is_integer() else f"{v:.4g}"
    return str(value)


def table_html(df: pd.DataFrame, headers: dict[str, str], caption: str = "", *, table_id: str | None = None,
               wide: set[str] = frozenset(), group: str | None = None) -> str:
    """``df`` as an HTML table with ``headers`` (column → header text); numbers right-aligned, ``wide``
    columns (quotes, sentences) wider and keeping their line breaks. With ``group``, that column is shown
    as a heading row each time its value changes instead of in every row."""
    columns = [c for c in df.columns if c != group]
    head = "".join(tag("th", esc(headers.get(c, c)), scope="col") for c in columns)
    numeric = {c for c in columns if pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])}
    classes = [("num" if c in numeric else "wide" if c in wide else None) for c in columns]
    rows, current = [], object()
    groups = df[group].tolist() if group else [None] * len(df)
    for heading, values in zip(groups, df[columns].itertuples(index=False, name=None)):
        if group and heading != current:
            heading_cell = tag("th", esc(cell_text(heading)), colspan=len(columns), scope="rowgroup")
            rows.append(f"<tr class='group'>{heading_cell}</tr>")
            current = heading
        cells = "".join(tag("td", esc(cell_text(v)), class_=k) for v, k in zip(values, classes))
        rows.append(f"<tr>{cells}</tr>")
    shown_caption = tag("caption", esc(caption)) if caption else ""
    return tag("table", f"{shown_caption}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>", id=table_id)
