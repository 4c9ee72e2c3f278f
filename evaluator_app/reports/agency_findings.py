"""The findings addressed to one agency (OPD), as its own short PDF."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, Spacer

from evaluator_app.domain.framework import Framework
from evaluator_app.i18n import _
from evaluator_app.reports.errors import ReportError
from evaluator_app.reports.inputs import parse_snapshot
from evaluator_app.reports.layout import PageDecor, paragraph, styles, write_pdf
from evaluator_app.reports.sections import (
    check_framework,
    findings_by_agency,
    findings_table,
    reference_line,
)
from evaluator_app.reports.texts import Texts


def render_agency_findings(
    snapshot: Mapping[str, Any],
    framework: Framework,
    agency: str,
    out: Path,
    *,
    language: str = "id",
) -> int:
    """Write the findings for ``agency`` (as named in the findings) to ``out``; returns pages.

    An agency with no findings gets a page that says so.
    """
    if not agency.strip():
        raise ReportError(_("name the agency whose findings to write"))
    texts = Texts(language)
    data = parse_snapshot(snapshot)
    check_framework(data, framework)
    s = styles()
    number = data.meeting.document_number
    wanted = agency.strip().casefold()
    findings = next(
        (
            items
            for name, items in findings_by_agency(data, framework).items()
            if name.casefold() == wanted
        ),
        [],
    )
    story: list[Flowable] = [
        paragraph(texts("agency_title"), s.title),
        paragraph(texts("agency_for", agency=agency.strip()), s.subtitle),
        Spacer(1, 12),
        paragraph(reference_line(data, texts, number), s.body),
        Spacer(1, 4),
    ]
    if findings:
        story.append(paragraph(texts("agency_intro", agency=agency.strip()), s.body))
        story.append(findings_table(findings, framework, texts, titles=True))
    else:
        story.append(paragraph(texts("agency_none", agency=agency.strip()), s.body))
    decor = PageDecor(texts, number, data.hash, draft=False)
    subject = texts.plain("doc_subject_agency", agency=agency.strip())
    return write_pdf(story, Path(out), decor, title=subject, subject=subject)
