"""Cold start to the main window showing the large session, and its peak memory.

Both the app and the bare floor run as fresh child processes (offscreen Qt),
alternately, several times; the figure is the median.  The file cache is warm
after the first repetition for both, so "cold" means a new process.

Both children get compiled bytecode, as an installed app has: a shared
``PYTHONPYCACHEPREFIX`` in this run's folder, filled by the first, unmeasured
start of each.  (A shell with ``PYTHONDONTWRITEBYTECODE=1`` otherwise gave the
app a compile of its own 400 modules at every start while the floor's PySide6
and SQLAlchemy came with theirs from site-packages.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from workloads.data import BenchData
from workloads.rows import Row, median

CHILD = Path(__file__).with_name("start_child.py")
REPETITIONS = 7


def _start(args: list[str], log: Path, env: dict[str, str]) -> tuple[float, int]:
    # Qt's offscreen warnings go to a file, shown only if the child fails.
    with log.open("w") as errors:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, str(CHILD), *args],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        shown = time.perf_counter() - started
        rss = child.stdout.readline()
        child.wait(timeout=120)
    if line.strip() != "shown" or child.returncode != 0:
        raise RuntimeError(
            f"start child {args[0]} failed (exit {child.returncode}): {log.read_text()[-2000:]}"
        )
    return shown, int(rss)


def run(data: BenchData) -> list[Row]:
    app_args = ["app", str(data.large_dir), data.large_session]
    log = data.work / "start-child.log"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(data.work / "pycache")
    _start(app_args, log, env)  # once unmeasured: compiled bytecode and the file cache for both
    _start(["bare"], log, env)
    app: list[tuple[float, int]] = []
    bare: list[tuple[float, int]] = []
    for _ in range(REPETITIONS):
        app.append(_start(app_args, log, env))
        bare.append(_start(["bare"], log, env))
    app_time = median([t for t, _ in app])
    bare_time = median([t for t, _ in bare])
    app_rss = max(r for _, r in app) / 1024
    bare_rss = max(r for _, r in bare) / 1024
    ratio = app_time / bare_time
    extra = app_rss - bare_rss
    return [
        Row(
            "cold start, large session",
            f"{app_time:.2f} s",
            f"{bare_time:.2f} s",
            ratio,
            "ratio ≤ 1.5",
            ratio <= 1.5,
            {"app_s": [t for t, _ in app], "bare_s": [t for t, _ in bare]},
        ),
        Row(
            "peak RSS, large session open",
            f"{app_rss:.0f} MB",
            f"{bare_rss:.0f} MB",
            app_rss / bare_rss,
            "≤ +150 MB",
            extra <= 150,
            {"extra_mb": extra},
        ),
    ]
