"""The on-demand (long) reliability runs; their figures go in the README.

    python tests/reliability/run_long.py fuzz [--target NAME] [--count 100000] [--until HH:MM]
    python tests/reliability/run_long.py kill [--kills 200]
    python tests/reliability/run_long.py tamper

``fuzz`` runs each parser in its own process (a crash of the interpreter
would show as that process dying), mutating the seeds with the same mutators
as the CI test (drawn by a seeded random generator here, by hypothesis in
CI); it writes its counts to ``<out>/fuzz-<target>.json`` every 30 s and
keeps every failing input in ``<out>/failures/``.  ``--until`` stops at a UTC time of day with the
exact count reached.  ``kill`` and ``tamper`` run the pytest files with
RELIABILITY_FULL=1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHUNK = 5000  # inputs per fresh sandbox


def _deadline(until: str | None) -> float | None:
    if not until:
        return None
    hour, minute = (int(x) for x in until.split(":"))
    now = dt.datetime.now(dt.UTC)
    end = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if end <= now:
        end += dt.timedelta(days=1)
    return time.time() + (end - now).total_seconds()


def fuzz_one(name: str, count: int, out: Path, until: str | None, seed: int = 0) -> int:
    """Feed ``count`` mutated inputs to one parser (or as many as fit before ``until``).

    ``seed`` 0 repeats the first run's inputs; another seed draws new ones, so runs add up.

    The CI test draws its mutations with hypothesis; here a seeded random
    generator draws them (hypothesis's own bookkeeping cost ~18 ms an input on
    this machine, more than most parsers), with the same mutators.
    """
    from random import Random

    from tests.reliability.fuzz import Sandbox, Stats, make_input, random_ops, run_one, targets
    from tests.reliability.seeds import build_seeds

    end = _deadline(until)
    seeds = build_seeds(out / "seeds")
    target = targets()[name]
    seed_bytes = target.seeds(seeds)
    # One sandbox per run: two seeds of one parser may run at once in the same folder
    # (a shared one was emptied under the other run at each fresh start).
    place = out / (f"sandbox-{name}-seed{seed}" if seed else f"sandbox-{name}")
    sandbox = Sandbox(place, seeds)
    stats = Stats()
    rng = Random(f"evaluator-fuzz-{name}" + (f"-{seed}" if seed else ""))
    started = last = time.time()
    report = out / (f"fuzz-{name}-seed{seed}.json" if seed else f"fuzz-{name}.json")
    while stats.inputs < count and (end is None or time.time() < end):
        data = make_input(target, seed_bytes, rng.randrange(8), random_ops(rng))
        run_one(target, sandbox, data, stats, out / "failures")
        if time.time() - last > 30:
            _write(report, name, stats, time.time() - started, done=False)
            last = time.time()
        if stats.inputs % CHUNK == 0:  # a merge-heavy data folder slows imports: start afresh
            sandbox.close()
            shutil.rmtree(sandbox.root, ignore_errors=True)
            sandbox = Sandbox(place, seeds)
    sandbox.close()
    _write(report, name, stats, time.time() - started, done=True)
    print(report.read_text())
    return 1 if stats.failures else 0


def _write(report: Path, name: str, stats: object, seconds: float, done: bool) -> None:
    from tests.reliability.fuzz import Stats

    assert isinstance(stats, Stats)
    report.write_text(
        json.dumps(
            {
                "target": name,
                "inputs": stats.inputs,
                "accepted": stats.ok,
                "refused": stats.refused,
                "failures": [
                    {"kind": f.kind, "detail": f.detail, "input": str(f.input_file)}
                    for f in stats.failures
                ],
                "refusals": stats.errors,
                "wall_seconds": round(seconds, 1),
                "parser_seconds": round(stats.seconds, 1),
                "slowest_input_seconds": round(stats.slowest, 3),
                "done": done,
            },
            indent=1,
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    fuzz = sub.add_parser("fuzz")
    fuzz.add_argument("--target", help="one parser (default: each in its own process)")
    fuzz.add_argument("--count", type=int, default=100_000)
    fuzz.add_argument("--until", help="stop at this UTC time of day (HH:MM)")
    fuzz.add_argument("--out", type=Path, default=Path("reliability-out"))
    fuzz.add_argument("--seed", type=int, default=0, help="0: the first run's inputs; other: new")
    kill = sub.add_parser("kill")
    kill.add_argument("--kills", type=int, default=200)
    sub.add_parser("tamper")
    args = parser.parse_args()
    env = dict(os.environ, RELIABILITY_FULL="1", PYTHONPATH=str(ROOT))
    if args.command == "fuzz":
        args.out.mkdir(parents=True, exist_ok=True)
        out = args.out.resolve()
        if args.target:
            return fuzz_one(args.target, args.count, out, args.until, args.seed)
        from tests.reliability.fuzz import targets
        from tests.reliability.seeds import build_seeds

        build_seeds(out / "seeds")  # once, before the processes share it
        extra = (["--until", args.until] if args.until else []) + ["--seed", str(args.seed)]
        children = {
            name: subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "fuzz",
                    "--target",
                    name,
                    "--count",
                    str(args.count),
                    "--out",
                    str(out),
                    *extra,
                ],
                env=env,
            )
            for name in targets()
        }
        codes = {name: child.wait() for name, child in children.items()}
        print(json.dumps(codes))
        return max(codes.values())
    files = {"kill": "test_kill.py", "tamper": "test_tamper.py"}
    if args.command == "kill":
        env["RELIABILITY_KILLS"] = str(args.kills)
    test = Path(__file__).parent / files[args.command]
    return subprocess.call(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", str(test)],
        cwd=ROOT,
        env=env,
    )


if __name__ == "__main__":
    sys.exit(main())
