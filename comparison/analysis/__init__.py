"""Analysis layer: processed tables in, comparisons out (one module per notebook topic).

Receives the tables that ``comparison.api.load`` returns; hands on data frames of results
(coverage, priority profiles, clusters, text reuse, responsibility) for the figures and the notebooks'
findings. Draws nothing and writes nothing.
"""
