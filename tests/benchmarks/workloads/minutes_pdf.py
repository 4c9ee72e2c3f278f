"""Draft minutes of the large session against ReportLab alone.

Our figure is ``services.minutes.export_draft`` whole: reading the session,
building the story, laying it out (with the page-numbering canvas) and writing
the file.  The baseline is ReportLab building the very same flowables: a
second export whose layout step (``reports.layout._render``) is replaced by a
plain ``SimpleDocTemplate.build`` of the story it is given, timed alone.

The two alternate ``REPETITIONS`` (5) times and each figure is the median: single
runs of either swung by a quarter on this shared machine (issue 9).
"""

from __future__ import annotations

import io
import time
from typing import Any
from unittest import mock

from workloads.data import BenchData
from workloads.rows import Row, median

REPETITIONS = 5


def _baseline(data: BenchData) -> tuple[float, int]:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from evaluator_app.reports import layout
    from evaluator_app.services.minutes import export_draft
    from evaluator_app.services.operation import open_context

    measured: list[tuple[float, int]] = []

    def plain_build(story: list[Any], *_args: Any, **_kwargs: Any) -> tuple[bytes, int]:
        layout.register_fonts()
        buffer = io.BytesIO()
        started = time.perf_counter()
        doc = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=layout.LEFT,
            rightMargin=layout.RIGHT,
            topMargin=layout.TOP,
            bottomMargin=layout.BOTTOM,
        )
        doc.build(story)
        measured.append((time.perf_counter() - started, doc.page))
        return buffer.getvalue(), doc.page

    ctx = open_context(str(data.large_dir), "bench")
    try:
        with mock.patch.object(layout, "_render", plain_build):
            export_draft(ctx, data.large_session, data.work / "baseline-minutes.pdf")
    finally:
        ctx.store.close()
    return measured[0]


def _ours(data: BenchData) -> tuple[float, int]:
    from evaluator_app.services.minutes import export_draft
    from evaluator_app.services.operation import open_context

    ctx = open_context(str(data.large_dir), "bench")
    try:
        started = time.perf_counter()
        pages = export_draft(ctx, data.large_session, data.work / "minutes.pdf")
        return time.perf_counter() - started, pages
    finally:
        ctx.store.close()


def run(data: BenchData) -> list[Row]:
    ours_runs: list[float] = []
    base_runs: list[float] = []
    for _ in range(REPETITIONS):
        seconds, pages = _ours(data)
        ours_runs.append(seconds)
        seconds, base_pages = _baseline(data)
        base_runs.append(seconds)
    ours, base = median(ours_runs), median(base_runs)
    ratio = ours / base
    return [
        Row(
            "minutes PDF, large session",
            f"{ours:.2f} s, {pages} pages",
            f"{base:.2f} s, {base_pages} pages",
            ratio,
            "ratio ≤ 1.5",
            ratio <= 1.5,
            {
                "ours_s": ours_runs,
                "baseline_s": base_runs,
                "pages": pages,
                "baseline_pages": base_pages,
            },
        )
    ]
