"""The benchmark's output: a table per size, growth between sizes, the targets, and Markdown for the README."""
from __future__ import annotations

import math

from benchmarks.report_cost import report_breakdown

TARGET_N = 300
TARGET_SECONDS = 30.0
TARGET_MIB = 2048.0
TARGET_REPORT_RATIO = 2.0   # the seed plans' report against the floor of the notebooks' imports
TARGET_SCALE_RATIO = 3.0    # the report at 300 plans against the report at 5


def _fmt_s(x: float | None) -> str:
    return "—" if x is None else (f"{x:.3f}" if x < 10 else f"{x:.1f}")


def _fmt_row_s(r: dict | None) -> str:
    """A stage's seconds; a lower bound for a stage stopped at its budget; 'failed' for an error."""
    if not r:
        return "—"
    if r.get("timeout"):
        return f"≥{_fmt_s(r['seconds'])} (stopped)"
    if r.get("error"):
        return "failed"
    return _fmt_s(r["seconds"])


def _row(res: dict, stage: str) -> dict | None:
    return next((r for r in res["rows"] if r["stage"] == stage), None)


def _fmt_mib(x: float | None) -> str:
    return "—" if x is None else f"{x:.0f}" if x >= 10 else f"{x:.1f}"


def print_table(headers: list[str], rows: list[list[str]], align: str | None = None) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    align = align or "l" + "r" * (len(headers) - 1)

    def line(cells):
        return "  ".join(c.ljust(w) if a == "l" else c.rjust(w) for c, w, a in zip(cells, widths, align))

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))


def totals(res: dict) -> dict:
    rows = res["rows"]
    build = sum(r["seconds"] for r in rows if r["kind"] == "build")
    analysis = sum(r["seconds"] for r in rows if r["kind"] == "analysis")
    imports = sum(r["seconds"] for r in rows if r["kind"] == "import")
    py_peak = max((r.get("py_peak_mib", 0.0) for r in rows), default=0.0) or None
    stopped = [r["stage"] for r in rows if r.get("timeout")]
    failed = [r["stage"] for r in rows if r.get("error")]
    return {"build": build, "analysis": analysis, "import": imports, "total": build + analysis + imports,
            "maxrss": res["maxrss_mib"], "py_peak": py_peak, "stopped": stopped, "failed": failed}


def _fmt_total(tot: dict, key: str) -> str:
    """A total; '≥' when a step in it was stopped at its budget (the true time is larger)."""
    lower = tot["stopped"] and key in ("analysis", "total")
    return ("≥" if lower else "") + _fmt_s(tot[key])


def report_size(n: int, res: dict, gen_s: float) -> None:
    s = res["size"]
    print(f"\n=== N = {n} plans: {s['raw_chars']:,} characters, {s['clauses']:,} clauses, {s['sentences']:,} "
          f"sentences; curated rows: {s['quantities']:,} quantities, {s['ignored_numbers']:,} ignored numbers, "
          f"{s['measures']:,} measures (generated in {gen_s:.1f} s, not counted) ===")
    rows = []
    for r in res["rows"]:
        rows.append([r["stage"], r["kind"], _fmt_row_s(r), _fmt_mib(r.get("py_peak_mib")),
                     _fmt_mib(r["rss_mib"])])
        if r["stage"] in ("validate city workbooks", "harmonize"):
            label = "validate" if r["stage"].startswith("validate") else "harmonize"
            for key, (sec, calls) in res["sub"].items():
                if key.startswith(label + " ›"):
                    rows.append(["  " + key.split(" › ")[1] + (f" ×{calls}" if calls > 1 else ""), "  part",
                                 _fmt_s(sec), "", ""])
    tot = totals(res)
    rows.append(["build total", "", _fmt_total(tot, "build"), "", ""])
    rows.append(["analysis total", "", _fmt_total(tot, "analysis"), "", ""])
    rows.append(["import + build + analysis", "", _fmt_total(tot, "total"), _fmt_mib(tot["py_peak"]),
                 _fmt_mib(tot["maxrss"])])
    print_table(["stage", "kind", "seconds", "peak MiB (tracemalloc)", "max RSS MiB (process, so far)"], rows,
                "llrrr")
    for note in res["notes"]:
        print(f"note: {note}")


def stage_names(results: dict[int, dict]) -> list[str]:
    names: list[str] = []
    for res in results.values():
        for r in res["rows"]:
            if r["stage"] not in names:
                names.append(r["stage"])
    return names


def seconds_of(res: dict, stage: str) -> float | None:
    """A stage's seconds when it completed (None when absent, stopped or failed: no growth then)."""
    r = _row(res, stage)
    return None if r is None or r.get("timeout") or r.get("error") else r["seconds"]


def growth(t1: float | None, t2: float | None, n1: int, n2: int) -> str:
    if not t1 or not t2 or t1 <= 0 or t2 <= 0:
        return "—"
    ratio = t2 / t1
    return f"×{ratio:.1f} (k={math.log(ratio) / math.log(n2 / n1):.2f})"


def report_growth(results: dict[int, dict]) -> None:
    sizes = sorted(results)
    if len(sizes) < 2:
        return
    pairs = list(zip(sizes, sizes[1:]))
    print("\n=== Growth of wall time between sizes (ratio; k is the exponent in t ∝ N^k: 1 linear, 2 quadratic) ===")
    rows = []
    for stage in stage_names(results) + ["build total", "import + build + analysis"]:
        row = [stage]
        for n1, n2 in pairs:
            if stage == "build total":
                t1, t2 = totals(results[n1])["build"], totals(results[n2])["build"]
            elif stage.startswith("import + build"):
                t1, t2 = totals(results[n1])["total"], totals(results[n2])["total"]
            else:
                t1, t2 = seconds_of(results[n1], stage), seconds_of(results[n2], stage)
            g = growth(t1, t2, n1, n2)
            if stage.startswith("import + build") and totals(results[n2])["stopped"] and g != "—":
                g = "≥" + g
            row.append(g)
        rows.append(row)
    print_table(["stage"] + [f"N {a}→{b} (N ×{b / a:g})" for a, b in pairs], rows)


def check_targets(results: dict[int, dict]) -> list[str]:
    lines = []
    if TARGET_N in results:
        tot = totals(results[TARGET_N])
        ok_t = tot["total"] <= TARGET_SECONDS and not tot["stopped"]
        ok_m = tot["maxrss"] <= TARGET_MIB
        stopped = (f"; stopped at the step budget, so the true time is larger: {', '.join(tot['stopped'])}"
                   if tot["stopped"] else "")
        passes = results[TARGET_N].get("pass_seconds", [])
        spread = (f"; fastest of {len(passes)} passes: {', '.join(f'{x:.1f}' for x in passes)} s"
                  if len(passes) > 1 else "")
        lines.append(f"{'PASS' if ok_t else 'FAIL'}  {TARGET_N} plans, import + build + analysis: "
                     f"{_fmt_total(tot, 'total')} s (target ≤ {TARGET_SECONDS:g} s; build {tot['build']:.1f} s, "
                     f"analysis {_fmt_total(tot, 'analysis')} s, imports {tot['import']:.1f} s{stopped}{spread})")
        if tot["failed"]:
            lines.append(f"note  failed (not timed): {', '.join(tot['failed'])}")
        lines.append(f"{'PASS' if ok_m else 'FAIL'}  {TARGET_N} plans, peak memory: {tot['maxrss']:.0f} MiB max RSS "
                     f"of the process (target ≤ {TARGET_MIB / 1024:g} GiB; Python heap peak "
                     f"{_fmt_mib(tot['py_peak'])} MiB by tracemalloc)")
    else:
        sizes = sorted(results)
        n = sizes[-1]
        tot = totals(results[n])
        if len(sizes) >= 2:
            prev = totals(results[sizes[-2]])["total"]
            k = max(1.0, math.log(tot["total"] / prev) / math.log(n / sizes[-2]))
            est = f"extrapolated with k={k:.2f}: ~{tot['total'] * (TARGET_N / n) ** k:.0f} s" \
                  f"{' or more' if tot['stopped'] else ''} (target ≤ {TARGET_SECONDS:g} s)"
        else:
            est = "no extrapolation from a single size"
        lines.append(f"n/a   {TARGET_N} plans not run (largest N = {n}); {est} — run without --quick to check")
    return lines


def markdown(results: dict[int, dict], report: dict | None, target_lines: list[str]) -> str:
    sizes = sorted(results)
    biggest = sizes[-1]
    head = ["stage"] + [f"N={n} s" for n in sizes]
    if len(sizes) >= 2:
        head.append(f"growth {sizes[-2]}→{biggest}")
    head.append(f"N={biggest} peak MiB")
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for stage in stage_names(results):
        row = [stage] + [_fmt_row_s(_row(results[n], stage)) for n in sizes]
        if len(sizes) >= 2:
            row.append(growth(seconds_of(results[sizes[-2]], stage), seconds_of(results[biggest], stage),
                              sizes[-2], biggest))
        r = next((r for r in results[biggest]["rows"] if r["stage"] == stage), {})
        row.append(_fmt_mib(r.get("py_peak_mib")))
        out.append("| " + " | ".join(row) + " |")
    for label, key in (("**build**", "build"), ("**analysis**", "analysis"), ("**import + build + analysis**", "total")):
        row = [label] + [f"**{_fmt_total(totals(results[n]), key)}**" for n in sizes]
        if len(sizes) >= 2:
            g = growth(totals(results[sizes[-2]])[key], totals(results[biggest])[key], sizes[-2], biggest)
            row.append(("≥" if key != "build" and totals(results[biggest])["stopped"] and g != "—" else "") + g)
        row.append(f"{_fmt_mib(totals(results[biggest])['maxrss'])} (max RSS)" if key == "total" else "")
        out.append("| " + " | ".join(row) + " |")
    plans = " · ".join(f"N={n}: {results[n]['size']['sentences']:,} sentences, "
                       f"{results[n]['size']['quantities']:,} quantities" for n in sizes)
    out += ["", f"Synthetic corpora ({plans}). Peak MiB per stage: tracemalloc (Python heap); "
                f"the total's is the process max RSS."]
    out += [f"- {line}" for line in target_lines]
    if report:
        out += [""] + report_markdown(report)
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------------
# The full report (report_cost.time_report)
# ---------------------------------------------------------------------------------------------------

def _report_s(run: dict | None) -> str:
    if not run:
        return "—"
    return ("≥" if "stopped" in run.get("error", "") else "failed after " if "error" in run else "") + f"{run['seconds']:.1f}"


def report_targets(report: dict) -> list[str]:
    """PASS/FAIL against the two report targets; a failed or stopped run fails its target."""
    lines = []
    seed = report.get("seed")
    if seed and "floor_s" in report:
        ratio = seed["seconds"] / report["floor_s"]
        ok = ratio <= TARGET_REPORT_RATIO and "error" not in seed
        lines.append(f"{'PASS' if ok else 'FAIL'}  the five seed plans' report / the floor of the notebooks' imports = "
                     f"{'≥' if 'error' in seed else ''}{ratio:.2f}× ({seed['seconds']:.1f} s / {report['floor_s']:.1f} s; "
                     f"target ≤ {TARGET_REPORT_RATIO:g}×)")
    sizes = sorted(report.get("sizes", {}))
    if len(sizes) >= 2:
        small, big = report["sizes"][sizes[0]], report["sizes"][sizes[-1]]
        ratio = big["seconds"] / small["seconds"]
        ok = ratio <= TARGET_SCALE_RATIO and "error" not in big and "error" not in small
        lines.append(f"{'PASS' if ok else 'FAIL'}  report at {sizes[-1]} plans / at {sizes[0]} = "
                     f"{'≥' if 'error' in big else ''}{ratio:.2f}× ({_report_s(big)} s / {_report_s(small)} s; "
                     f"target ≤ {TARGET_SCALE_RATIO:g}× for 300 / 5)")
    return lines


def report_markdown(report: dict) -> list[str]:
    if "floor_s" not in report:
        return [f"report: {report.get('error', 'not run')}"]
    runs = len(report["notebooks"]) * len(report["langs"])
    out = ["| full report (`python -m comparison report`) | seconds |", "|---|---|",
           f"| five seed plans | {_report_s(report.get('seed'))} |",
           f"| floor: each notebook's imports (its first code cell), {runs} runs, {report['jobs']} kernels at a time "
           f"| {report['floor_s']:.1f} |"]
    out += [f"| {n} synthetic plans | {_report_s(run)} |" for n, run in sorted(report.get("sizes", {}).items())]
    if "draw_only" in report:
        out.append(f"| five seed plans, figures drawn but not written (no PNG, SVG, PDF) | {_report_s(report['draw_only'])} |")
    out += [""] + [f"- {line}" for line in report_targets(report)]
    for label, run in _report_runs(report):
        out += ["", f"| {label}: summed over the notebook runs | seconds |", "|---|---|"]
        out += [f"| {kind} | {sec:.1f} |" for kind, sec in report_breakdown(dict(run, floor_runs=report["floor_runs"]))]
    return out


def _report_runs(report: dict) -> list[tuple[str, dict]]:
    runs = [("five seed plans", report["seed"])] if report.get("seed") else []
    return runs + [(f"{n} synthetic plans", run) for n, run in sorted(report.get("sizes", {}).items())]


def print_report(report: dict) -> None:
    if "floor_s" not in report:
        print(f"FAIL  bench: {report.get('error')}")
        return
    print(f"floor: {report['floor_s']:.1f} s wall (each notebook's imports, {len(report['notebooks'])} notebooks × "
          f"{len(report['langs'])} languages, {report['jobs']} kernels at a time as in the report)")
    for label, run in _report_runs(report):
        print(f"\n--- {label}: {_report_s(run)} s (build, {len(run['notebook_runs'])} notebook runs, HTML) ---")
        if "error" in run:
            print(f"bench: {run['error']}")
        rows = [[r["notebook"], _fmt_s(r["seconds"]), "; ".join(f"{d:.1f} s {src}" for d, src in r["slowest"])]
                for r in run["notebook_runs"]]
        if rows:
            print_table(["notebook run", "seconds", "slowest cells"], rows, "lrl")
            print_table(["where the notebook time goes (all runs, summed)", "seconds"],
                        [[k, f"{sec:.1f}"] for k, sec in report_breakdown(dict(run, floor_runs=report["floor_runs"]))])
    for line in report_targets(report):
        print(line)
