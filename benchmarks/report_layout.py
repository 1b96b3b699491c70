"""The layout of every figure of a whole report on N generated plans (``generate.py``), checked as the
notebooks draw them: ``.venv/bin/python benchmarks/report_layout.py --plans 40`` (several: ``--plans 5,40``).

The layout tests (tests/figures) draw each figure from synthetic tables; this runs the real pipeline and the
notebooks, as a researcher with N plans would, and checks each figure with the same checker before it is
saved (``layout_check/sitecustomize.py``). Prints one line per figure with a problem and a summary; exits 1
when any figure has one.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate, real_templates  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
LAYOUT_CHECK = Path(__file__).resolve().parent / "layout_check"


def check(n: int, templates, keep: bool) -> list[dict]:
    root = Path(tempfile.mkdtemp(prefix=f"layout{n}_"))
    try:
        generate(n, root, templates)
        shutil.copytree(REPO_ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        log = root / "layout.jsonl"
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(LAYOUT_CHECK), os.environ.get("PYTHONPATH", "")]),
                   CITYCOMPARE_LAYOUT_LOG=str(log), MPLBACKEND="Agg")
        run = subprocess.run([sys.executable, "-m", "comparison", "--root", str(root), "report"], env=env,
                             capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit(f"report_layout: the report on {n} plans failed:\n{run.stderr[-2000:]}")
        return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    finally:
        if keep:
            print(f"report_layout: kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--plans", default="40", help="plan counts, e.g. '5,40,300' (default 40)")
    p.add_argument("--keep", action="store_true", help="keep the generated projects (and their reports)")
    args = p.parse_args(argv)
    templates = real_templates(REPO_ROOT)
    failed = 0
    for n in (int(x) for x in args.plans.replace(",", " ").split()):
        figures = check(n, templates, args.keep)
        bad = [f for f in figures if f["problems"]]
        for f in bad:
            print(f"N={n} {f['figure']}: " + "; ".join(f["problems"]))
        print(f"report_layout: N={n}: {len(figures)} figures checked (both languages), {len(bad)} with a layout problem")
        failed += len(bad)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
