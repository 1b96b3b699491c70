"""Figures layer: analysis results in, publication figures out.

Receives the analysis layer's tables and a language (``zh`` or ``en``); hands on matplotlib figures
in the house style (bundled CJK font, fixed plan colours) and exports them as PNG, SVG and PDF with stable
names. Bilingual labels live here, with the figure code.
"""
