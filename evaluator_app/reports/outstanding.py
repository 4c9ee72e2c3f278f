"""The city's list of evidence still to be delivered, as its own short PDF."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, Spacer

from evaluator_app.domain.framework import Framework
from evaluator_app.reports.inputs import parse_snapshot
from evaluator_app.reports.layout import PageDecor, paragraph, styles, write_pdf
from evaluator_app.reports.sections import check_framework, outstanding_section, reference_line
from evaluator_app.reports.texts import Texts


def render_outstanding_evidence(
    snapshot: Mapping[str, Any], framework: Framework, out: Path, *, language: str = "id"
) -> int:
    """Write the pending evidence by indicator, with due dates, to ``out``; returns pages."""
    texts = Texts(language)
    data = parse_snapshot(snapshot)
    check_framework(data, framework)
    s = styles()
    number = data.meeting.document_number
    story: list[Flowable] = [
        paragraph(texts("outstanding_title"), s.title),
        paragraph(texts("outstanding_for", region=data.meeting.region), s.subtitle),
        Spacer(1, 12),
        paragraph(reference_line(data, texts, number), s.body),
        *outstanding_section(data, framework, texts),
    ]
    decor = PageDecor(texts, number, data.hash, draft=False)
    subject = texts.plain("doc_subject_outstanding")
    return write_pdf(story, Path(out), decor, title=subject, subject=subject)
