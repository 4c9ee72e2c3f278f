"""Benchmarks against the floor of our stack, measured in the same run (issue 9).

    python tests/benchmarks/run.py [--json OUT] [--only NAME ...] [--repeat N]

Prints one row per workload: our figure, the baseline from this run, the
ratio, the budget and pass or fail; exits 1 if any budget fails.  With
``--repeat N`` the whole run is made N times in a row (fresh data copies each
time); it exits 0 only if every budget passed in every one of them.  Not part of
the pytest suite (``tests/benchmarks`` is outside ``testpaths``).  See README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from workloads import archive, bundle, level_change, minutes_pdf, startup, switching
from workloads.data import BenchData, prepare
from workloads.rows import Row

# Start-up first: the child processes then run beside a runner still small and quiet.
WORKLOADS: dict[str, Callable[[BenchData], list[Row]]] = {
    "startup": startup.run,
    "archive": archive.run,
    "level": level_change.run,
    "switch": switching.run,
    "minutes": minutes_pdf.run,
    "bundle": bundle.run,
}


def table(rows: list[Row]) -> str:
    header = ("workload", "our figure", "baseline", "ratio", "budget", "")
    lines = [
        (
            r.workload,
            r.figure,
            r.baseline,
            "—" if r.ratio is None else f"{r.ratio:.2f}",
            r.budget,
            "pass" if r.passed else "FAIL",
        )
        for r in rows
    ]
    widths = [max(len(str(x[i])) for x in [header, *lines]) for i in range(len(header))]
    out = []
    for line in [header, *lines]:
        out.append(
            "  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True))
        )
    out.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(out)


def machine() -> dict[str, str]:
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        memory = meminfo.read_text().splitlines()[0].split(":")[1].strip()
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": str(os.cpu_count()),
        "memory": memory,
    }


def run_once(chosen: list[str]) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="evaluator-bench-") as folder:
        work = Path(folder)
        # Settings of this run only: the user's own QSettings stay untouched.
        os.environ["XDG_CONFIG_HOME"] = str(work / "config")
        print("preparing data…", flush=True)
        data = prepare(work, need_archive="archive" in chosen)
        for name in chosen:
            print(f"running {name}…", flush=True)
            # What was written before (the data's copies, some 400 MB; the last
            # workload's files) on the disk first: its write-back would otherwise
            # land in this workload's syncs (the bundles' most).
            os.sync()
            began = time.perf_counter()
            try:
                found = WORKLOADS[name](data)
            except Exception as error:  # one broken workload must not lose the others
                traceback.print_exc()
                found = [Row(name, f"error: {error}", "—", None, "—", False, {})]
            for row in found:
                print(f"  {row.workload}: {row.figure} (baseline {row.baseline})", flush=True)
            rows += found
            print(f"  {time.perf_counter() - began:.1f} s", flush=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="OUT", help="also write the rows as JSON")
    parser.add_argument(
        "--only", nargs="+", choices=sorted(WORKLOADS), metavar="NAME", help=", ".join(WORKLOADS)
    )
    parser.add_argument(
        "--repeat", type=int, default=1, metavar="N", help="N whole runs in a row (default 1)"
    )
    args = parser.parse_args()
    chosen = args.only or list(WORKLOADS)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["EVALUATOR_USER"] = "bench"
    runs: list[list[Row]] = []
    for n in range(1, args.repeat + 1):
        started = time.perf_counter()
        if args.repeat > 1:
            print(f"=== run {n} of {args.repeat}", flush=True)
        rows = run_once(chosen)
        runs.append(rows)
        print()
        print(table(rows))
        print(f"\n{len(rows)} rows in {time.perf_counter() - started:.0f} s on {machine()}")
        print(f"run {n}: {'every budget passed' if all(r.passed for r in rows) else 'FAIL'}")
        print(flush=True)
    if args.repeat > 1:
        verdicts = ["pass" if all(r.passed for r in rows) else "FAIL" for rows in runs]
        print(f"{args.repeat} runs in a row: {', '.join(verdicts)}")
    if args.json:
        report: dict[str, object] = {"machine": machine()}
        if args.repeat == 1:
            report["rows"] = [r.to_json() for r in runs[0]]
        else:
            report["runs"] = [[r.to_json() for r in rows] for rows in runs]
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False), "utf-8")
    return 0 if all(r.passed for rows in runs for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
