"""Switching indicators in the meeting window of the large session (offscreen)."""

from __future__ import annotations

import sys
import time

from workloads.data import BenchData
from workloads.rows import Row, ms, percentile

SWITCHES = 300


def _quiet_offscreen(kind: object, context: object, message: str) -> None:
    # The offscreen platform says this on every window resize; it is noise here.
    if "propagateSizeHints" not in message:
        sys.stderr.write(message + "\n")


def run(data: BenchData) -> list[Row]:
    from PySide6 import QtCore

    from evaluator_app.services.operation import open_context
    from evaluator_app.ui.app import application
    from evaluator_app.ui.session_window import SessionWindow

    app = application()
    QtCore.qInstallMessageHandler(_quiet_offscreen)
    ctx = open_context(str(data.large_dir), "bench")
    window = SessionWindow(ctx, data.large_session)
    window.show()
    app.processEvents()
    codes = [i.code for i in window.controller.framework.indicators()]
    times = []
    try:
        for n in range(SWITCHES):
            # Every other switch a neighbour, else a jump across the tree.
            code = codes[(n * 37 if n % 2 else n) % len(codes)]
            if code == window.controller.current:
                code = codes[(codes.index(code) + 1) % len(codes)]
            started = time.perf_counter()
            window.controller.set_current(code)
            app.processEvents()
            times.append(time.perf_counter() - started)
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        ctx.store.close()
    p50, p95 = percentile(times, 50), percentile(times, 95)
    return [
        Row(
            f"switch indicator ({SWITCHES}×)",
            f"p50 {ms(p50)}, p95 {ms(p95)}",
            "—",
            None,
            "p95 ≤ 30 ms",
            p95 <= 0.030,
            {"p50_s": p50, "p95_s": p95, "max_s": max(times)},
        )
    ]
