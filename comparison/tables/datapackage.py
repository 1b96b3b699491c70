"""The Frictionless Data Package descriptor of ``data/processed``: the tables as the dictionary declares them.

R (``frictionless``), Python (``frictionless``), Stata or a spreadsheet user gets each table's columns with
their type, unit and meaning, its primary key and the foreign keys that join it to the others, and the
licence, from one JSON file (https://specs.frictionlessdata.io/tabular-data-package/). Nothing is declared
here: every field comes from ``tables.dictionary``. The text is deterministic (no dates, fixed order).
"""
from __future__ import annotations

import json
from importlib.metadata import version

from comparison.tables import dictionary

TYPE_FORMATS = {"date": "%Y-%m-%d"}
LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
           "path": "https://creativecommons.org/licenses/by/4.0/"}


def field(name: str, meaning: str, unit: str, type_: str) -> dict:
    out = {"name": name, "type": type_, "description": meaning}
    if type_ in TYPE_FORMATS:
        out["format"] = TYPE_FORMATS[type_]
    if unit in ("unit", "unit_std"):  # the unit is another column of the row
        out["description"] = f"{meaning} (in the unit of column {unit})"
    elif unit and type_ not in ("boolean", "date"):
        out["unit"] = unit
    return out


def resource(table: str) -> dict:
    what, _ = dictionary.TABLES[table]
    schema = {"fields": [field(*spec) for spec in dictionary.column_specs(table) if not spec[0].startswith("<")],
              "missingValues": [""]}
    if table in dictionary.PRIMARY_KEYS:
        schema["primaryKey"] = dictionary.PRIMARY_KEYS[table]
    foreign = [{"fields": cols, "reference": {"resource": other, "fields": other_cols}}
               for cols, other, other_cols in dictionary.FOREIGN_KEYS.get(table, [])]
    if foreign:
        schema["foreignKeys"] = foreign
    return {"name": table, "path": f"{table}.csv", "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "description": what, "schema": schema}


def descriptor(tables: list[str]) -> dict:
    """The package of ``tables`` (the ones the build writes, in its order); foreign keys to a table that is
    not among them are left out."""
    resources = [resource(t) for t in tables]
    for r in resources:
        keys = [k for k in r["schema"].get("foreignKeys", []) if k["reference"]["resource"] in tables]
        if keys:
            r["schema"]["foreignKeys"] = keys
        else:
            r["schema"].pop("foreignKeys", None)
    return {
        "profile": "tabular-data-package",
        "name": "citycompare-processed",
        "title": "citycompare: targets, measures and priorities of Chinese city green-economy and "
                 "pollution-carbon synergy plans",
        "description": "Tidy tables built by `python -m comparison build` from the plan texts and the curated "
                       "city workbooks in data/raw; every number is traceable to its plan, clause and quote. "
                       "The meaning of every column is in README.md beside this file.",
        "version": version("comparison"),  # pyproject.toml's, as installed
        "licenses": [LICENSE],
        "sources": [{"title": "Plan texts published by the city governments (data/raw/texts, listed with their "
                              "sha256 in data/raw/plans.csv)"}],
        "resources": resources,
    }


def datapackage_json(tables: list[str]) -> str:
    return json.dumps(descriptor(tables), ensure_ascii=False, indent=2) + "\n"
