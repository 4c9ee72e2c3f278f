"""Listing the 500-session archive, and a full-text search across everything
written in it (``services.search``: SQLite FTS5, migration 0006)."""

from __future__ import annotations

import time
from collections.abc import Callable

from workloads.data import BenchData
from workloads.rows import Row, median, ms

REPETITIONS = 20


def _times(action: Callable[[], object]) -> tuple[list[float], object]:
    result = action()  # once to warm the connection pool and the file cache
    times = []
    for _ in range(REPETITIONS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times, result


def run(data: BenchData) -> list[Row]:
    from evaluator_app.services.operation import open_context
    from evaluator_app.services.search import search_notes
    from evaluator_app.services.sessions import list_sessions

    ctx = open_context(str(data.archive_dir), "bench")
    try:
        listing, sessions = _times(lambda: list_sessions(ctx))
        searching, hits = _times(lambda: search_notes(ctx, "Arsip 042"))
    finally:
        ctx.store.close()
    assert isinstance(sessions, list) and isinstance(hits, list)
    listed, searched = median(listing), median(searching)
    return [
        Row(
            f"list archive ({len(sessions)} sessions)",
            ms(listed),
            "—",
            None,
            "≤ 100 ms",
            listed <= 0.100,
            {"median_s": listed, "max_s": max(listing)},
        ),
        Row(
            f"search everything written ({len(hits)} hits)",
            ms(searched),
            "—",
            None,
            "≤ 50 ms",
            searched <= 0.050,
            {"median_s": searched, "max_s": max(searching)},
        ),
    ]
