"""Draft minutes of the large session against ReportLab alone.

The baseline builds, with ReportLab's platypus and the same bundled fonts, a
document of about the same content read straight from the database: a
paragraph per indicator with its notes, and tables of its clarifications,
evidence and findings.  It is not the minutes' exact layout (that would be the
app), only the same amount of paragraphs and table rows.
"""

from __future__ import annotations

import sqlite3
import time

from workloads.data import BenchData
from workloads.rows import Row


def _baseline(data: BenchData) -> int:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from evaluator_app.reports.layout import FONT, FONT_BOLD, register_fonts
    from evaluator_app.store.engine import DATABASE_FILE

    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11)
    head = ParagraphStyle("head", fontName=FONT_BOLD, fontSize=11, leading=14)
    grid = TableStyle(
        [("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("FONT", (0, 0), (-1, -1), FONT)]
    )
    db = sqlite3.connect(data.large_dir / DATABASE_FILE)
    session = data.large_session
    story: list[object] = []
    assessments = db.execute(
        "SELECT id, indicator_code, agreed_level, notes FROM assessment WHERE session_id = ? "
        "ORDER BY indicator_code",
        (session,),
    ).fetchall()
    for assessment_id, code, level, notes in assessments:
        story.append(Paragraph(f"{code} Indikator {code}: level {level}", head))
        story.append(Paragraph(notes or "-", body))
        rows = [
            [Paragraph(q, body), Paragraph(a or "-", body)]
            for q, a in db.execute(
                "SELECT question, answer FROM clarification WHERE assessment_id = ?",
                (assessment_id,),
            )
        ]
        rows += [
            [Paragraph(t, body), Paragraph(s, body)]
            for t, s in db.execute(
                "SELECT title, status FROM evidence WHERE assessment_id = ?", (assessment_id,)
            )
        ]
        if rows:
            story.append(Table(rows, colWidths=[250, 230], style=grid, repeatRows=0))
    findings = [
        [Paragraph(t, body), Paragraph(r, body), Paragraph(p, body)]
        for t, r, p in db.execute(
            "SELECT text, recommendation, priority FROM finding WHERE session_id = ?", (session,)
        )
    ]
    story.append(Table(findings, colWidths=[200, 200, 80], style=grid))
    db.close()
    pages: list[int] = []
    out = data.work / "baseline-minutes.pdf"
    document = SimpleDocTemplate(str(out), pagesize=A4)
    document.build(story, onLaterPages=lambda canvas, _doc: pages.append(canvas.getPageNumber()))
    return len(pages) + 1


def run(data: BenchData) -> list[Row]:
    from evaluator_app.services.minutes import export_draft
    from evaluator_app.services.operation import open_context

    ctx = open_context(str(data.large_dir), "bench")
    try:
        started = time.perf_counter()
        pages = export_draft(ctx, data.large_session, data.work / "minutes.pdf")
        ours = time.perf_counter() - started
    finally:
        ctx.store.close()
    started = time.perf_counter()
    base_pages = _baseline(data)
    base = time.perf_counter() - started
    ratio = ours / base
    return [
        Row(
            "minutes PDF, large session",
            f"{ours:.2f} s, {pages} pages",
            f"{base:.2f} s, {base_pages} pages",
            ratio,
            "ratio ≤ 1.5",
            ratio <= 1.5,
            {"ours_s": ours, "baseline_s": base, "pages": pages, "baseline_pages": base_pages},
        )
    ]
