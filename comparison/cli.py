"""Command line: ``python -m comparison parse | validate | build | report | new-plan | extract | accept-proposals``.

A problem in the user's inputs prints a list of problems (file, sheet, row, column, value, expected,
fix) and exits with status 2, as does a fault of the machine (a read-only folder, a full disk, a folder
where a file goes), named with its path and what to do; it never shows a traceback. Ctrl-C ends with one
line and status 130: outputs are written atomically, so each is either whole or as it was.
"""
from __future__ import annotations

import argparse
import os
import sys

from comparison.paths import project_paths
from comparison.problems import InputError, fault_problem


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
    report.add_argument("--allow-suggested", action="store_true",
                        help="preview: accept rows still marked suggested (figures say 'unreviewed')")
    new = sub.add_parser("new-plan", help="add a plan: copy its text, register it, pre-fill its city workbook "
                                          "with suggested rows to review")
    new.add_argument("--text", required=True, help="the plan as a .txt file (UTF-8 or GB18030)")
    for option, example in (("doc-id", "xinyang_2023"), ("city-id", "xinyang"), ("city-zh", "信阳"),
                            ("city-en", "Xinyang"), ("province-zh", "河南"), ("province-en", "Henan")):
        new.add_argument(f"--{option}", required=True, help=f"e.g. {example}")
    new.add_argument("--issued", default="", help="date of issue, YYYY-MM-DD")
    new.add_argument("--status", default="final", help="final (default) or draft")
    new.add_argument("--plan-type", default="green_economy", help="green_economy (default) or pollution_carbon_synergy")
    new.add_argument("--title-zh", default="", help="default: read from the text")
    new.add_argument("--title-en", default="")
    new.add_argument("--doc-number", default="", help="文号; default: read from the text")
    extract = sub.add_parser("extract", help="suggest the quantities and ignored numbers of plan texts (prints "
                                             "them, or writes them with --out)")
    extract.add_argument("paths", nargs="+", metavar="path", help="plan texts (UTF-8 or GB18030), any layout")
    extract.add_argument("--doc-id", help="doc_id for the suggested rows of one text (default: the file name)")
    extract.add_argument("--out", help="write the rows of every text to FILE.xlsx (sheets quantities, "
                                       "ignored_numbers, texts) or FILE.csv (and FILE_ignored_numbers.csv, "
                                       "FILE_texts.csv) instead of printing them")
    accept = sub.add_parser("accept-proposals", help="move the proposals marked accepted in city workbooks "
                                                     "(proposed_indicators, _units, _agencies) into the codebook")
    accept.add_argument("--city", help="only this city's workbook (its city_id)")
    args = parser.parse_args(argv)
    paths = project_paths(args.root)
    try:
        if args.command == "validate":
            from comparison.pipeline import validate
            validate(paths)
            print("validate: all inputs are valid")
        elif args.command == "parse":
            from comparison.pipeline import parse_only
            written = parse_only(paths)
            print(f"parse: wrote {', '.join(p.name for p in written)} to {paths.processed}")
        elif args.command == "build":
            from comparison.pipeline import build
            written = build(paths, allow_suggested=args.allow_suggested)
            print(f"build: wrote {len(written)} files to {paths.processed}")
        elif args.command == "extract":
            from comparison.newplan.extract_cli import run_extract
            return run_extract(paths, args.paths, args.doc_id, args.out)
        elif args.command == "report":
            from comparison.report import run_report
            run_report(paths, allow_suggested=args.allow_suggested)
        elif args.command == "new-plan":
            _new_plan(paths, args)
        elif args.command == "accept-proposals":
            from comparison.newplan.accept import accept_proposals
            for line in accept_proposals(paths, args.city).lines():
                print(f"accept-proposals: {line}")
    except InputError as err:
        print(err.report(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{args.command}: interrupted (Ctrl-C); every output is whole, as written or as it was before"
              + (" (an add cut short is completed or rolled back by the next run)" if args.command == "new-plan"
                 else ""), file=sys.stderr)
        return 130
    except OSError as err:
        if os.environ.get("CITYCOMPARE_TRACEBACK"):
            raise
        print(InputError([fault_problem(err, paths.root)]).report(), file=sys.stderr)
        return 2
    except Exception as err:  # noqa: BLE001 - a bug, or an input no check covers yet
        if os.environ.get("CITYCOMPARE_TRACEBACK"):
            raise
        print(f"{args.command} stopped: {type(err).__name__}: {err}\n"
              "This is a bug or an input that no check covers yet. Rerun with CITYCOMPARE_TRACEBACK=1 to see "
              "where it happened, and please report it.", file=sys.stderr)
        return 1
    return 0


def _new_plan(paths, args) -> None:
    from pathlib import Path

    from comparison.newplan.scaffold import PlanInfo, add_plan
    info = PlanInfo(text=Path(args.text), doc_id=args.doc_id, city_id=args.city_id, city_zh=args.city_zh,
                    city_en=args.city_en, province_zh=args.province_zh, province_en=args.province_en,
                    issued=args.issued, status=args.status, plan_type=args.plan_type, title_zh=args.title_zh,
                    title_en=args.title_en, doc_number=args.doc_number)
    added = add_plan(paths, info)
    for message in added.messages:
        print(f"new-plan: {message}", file=sys.stderr)
    for path in added.written:
        print(f"new-plan: wrote {path.relative_to(paths.root)}")
    counts = ", ".join(f"{n} {sheet}" for sheet, n in added.counts.items())
    print(f"new-plan: suggested rows for {added.doc_id}: {counts}.\n"
          f"Preview them now with `python -m comparison report --allow-suggested` (or build --allow-suggested).\n"
          f"Review them in data/raw/cities/{info.city_id}.xlsx: set status to curated on each row you have checked, "
          f"and to accepted on each proposed indicator, unit and agency you have completed; then run "
          f"`python -m comparison accept-proposals --city {info.city_id}`, `make validate` and `make report`.")
