"""Command line: ``python -m comparison parse | validate | build | report | extract``.

A problem in the user's inputs prints a list of problems (file, sheet, row, column, value, expected,
fix) and exits with status 2; it never shows a traceback.
"""
from __future__ import annotations

import argparse
import sys

from .paths import project_paths
from .problems import InputError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m comparison", description=__doc__.splitlines()[0])
    parser.add_argument("--root", help="project folder (default: this repository)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check the raw texts and curated workbooks; write nothing")
    sub.add_parser("parse", help="parse the texts only: write clauses.csv and sentences.csv (ids for coding)")
    build = sub.add_parser("build", help="validate, then write the tidy tables to data/processed/")
    build.add_argument("--allow-suggested", action="store_true",
                       help="preview: accept rows still marked suggested (figures say 'unreviewed')")
    report = sub.add_parser("report", help="build, run every notebook in zh and en, export figures and tables")
    report.add_argument("--allow-suggested", action="store_true")
    extract = sub.add_parser("extract", help="suggest the quantities and ignored numbers of a plan text (prints them)")
    extract.add_argument("path", help="the plan text (UTF-8 or GB18030)")
    extract.add_argument("--doc-id", help="doc_id for the suggested rows (default: the file name)")
    args = parser.parse_args(argv)
    paths = project_paths(args.root)
    try:
        if args.command == "validate":
            from .pipeline import validate
            validate(paths)
            print("validate: all inputs are valid")
        elif args.command == "parse":
            from .pipeline import parse_only
            written = parse_only(paths)
            print(f"parse: wrote {', '.join(p.name for p in written)} to {paths.processed}")
        elif args.command == "build":
            from .pipeline import build
            written = build(paths, allow_suggested=args.allow_suggested)
            print(f"build: wrote {len(written)} files to {paths.processed}")
        elif args.command == "extract":
            from .extract_cli import run_extract
            return run_extract(paths, args.path, args.doc_id)
        elif args.command == "report":
            from .report import run_report
            run_report(paths, allow_suggested=args.allow_suggested)
    except InputError as err:
        print(err.report(), file=sys.stderr)
        return 2
    return 0
