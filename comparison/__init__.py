"""citycompare: compare Chinese city green-economy and pollution–carbon synergy plans.

Layers: raw texts and curated workbooks (``data/raw``) → cleaned and parsed texts → validated
workbooks → harmonized tidy tables (``data/processed``) → analyses and figures (``reports``).
"""
__version__ = "0.1.0"
