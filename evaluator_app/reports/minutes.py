"""The minutes (berita acara) of an evaluation session as an A4 PDF.

Head, opening with the date in words, attendance, results, each indicator,
findings by agency, outstanding evidence, closing and signature blocks; every
page carries "Halaman X dari Y", the document number and the snapshot hash.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from evaluator_app.domain.framework import Framework
from evaluator_app.reports.inputs import Person, Snapshot, parse_snapshot
from evaluator_app.reports.layout import (
    CONTENT_WIDTH,
    PageDecor,
    data_table,
    paragraph,
    styles,
    write_pdf,
)
from evaluator_app.reports.results import indicators_section, results_section
from evaluator_app.reports.sections import (
    check_framework,
    findings_section,
    meeting_date,
    outstanding_section,
    stage_text,
    subject_line,
)
from evaluator_app.reports.signatures import Box, SignerBlock, default_signers, signature_rows
from evaluator_app.reports.texts import Texts
from evaluator_app.reports.wording import (
    clock_time,
    date_in_words,
    day_name,
    local_moment,
    long_date,
    place_of,
)

_ROLE_ORDER = (
    "lead_evaluator",
    "evaluator",
    "signer",
    "agency_head",
    "council",
    "implementation_team",
    "observer",
)


@dataclass(frozen=True)
class MinutesLayout:
    """What the signing module needs to know about a rendered minutes PDF."""

    pages: int
    # participant id -> (page index from 0, x1, y1, x2, y2), PDF points from bottom left
    signature_boxes: dict[str, Box] = field(default_factory=dict)
    snapshot_hash: str = ""
    document_number: str | None = None


def _head(snapshot: Snapshot, texts: Texts, number: str | None) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [paragraph(texts("title"), s.title)]
    if snapshot.meeting.amendment > 0:
        story.append(paragraph(texts("amendment_head", n=snapshot.meeting.amendment), s.subtitle))
    story += [
        paragraph(texts("number", number=number or texts.plain("blank")), s.centred),
        Spacer(1, 6),
        paragraph(subject_line(snapshot, texts), s.subtitle),
        Spacer(1, 14),
    ]
    return story


def _opening(snapshot: Snapshot, framework: Framework, texts: Texts) -> list[Flowable]:
    s = styles()
    meeting = snapshot.meeting
    blank = texts.plain("blank")
    if meeting.starts_at is not None:
        local = local_moment(meeting.starts_at, meeting.timezone)
        day = day_name(local.date(), texts.language)
        words = date_in_words(local.date(), texts)
        date = long_date(local.date(), texts.language)
        time = clock_time(local, texts.language)
    else:
        day = words = date = time = blank
    text = texts(
        "opening",
        day=day,
        date_words=words,
        date=date,
        time=time,
        venue=meeting.venue or blank,
        stage=stage_text(meeting.stage),
        programme=texts.plain("programme"),
        region=meeting.region,
        year=meeting.year,
        framework=framework.title.get(texts.language),
        version=framework.version,
    )
    story: list[Flowable] = [paragraph(text, s.body)]
    if meeting.amendment > 0:
        story.append(paragraph(texts("amendment_opening", n=meeting.amendment), s.body))
    return story


def _attendance(snapshot: Snapshot, texts: Texts) -> list[Flowable]:
    s = styles()

    def order(person: Person) -> tuple[int, str]:
        rank = _ROLE_ORDER.index(person.role) if person.role in _ROLE_ORDER else len(_ROLE_ORDER)
        return rank, person.name.casefold()

    head = [
        texts("col_no"),
        texts("col_name_nip"),
        texts("col_position"),
        texts("col_organisation"),
        texts("col_role"),
        texts("col_present"),
    ]
    rows: list[list[Flowable]] = [[paragraph(h, s.cell_head) for h in head]]
    for n, person in enumerate(sorted(snapshot.people, key=order), 1):
        name = f"<b>{escape(person.name)}</b>"
        if person.nip:
            name += "<br/>" + texts("nip", nip=person.nip)
        rows.append(
            [
                paragraph(str(n), s.cell_right),
                paragraph(name, s.cell),
                paragraph(escape(person.position), s.cell),
                paragraph(escape(person.organisation), s.cell),
                paragraph(texts.code("role", person.role), s.cell),
                paragraph(texts("present" if person.present else "absent"), s.cell),
            ]
        )
    widths = [8 * mm, 45 * mm, 0, 34 * mm, 25 * mm, 21 * mm]
    widths[2] = CONTENT_WIDTH - sum(widths)
    return [paragraph(texts("attendance_intro"), s.body), data_table(rows, widths)]


def _section(title: str, body: Sequence[Flowable]) -> list[Flowable]:
    """A section heading kept on the page of what follows it."""
    heading = paragraph(title, styles().heading)
    if not body:
        return [heading]
    return [KeepTogether([heading, body[0]]), *body[1:]]


def render_minutes(
    snapshot: Mapping[str, Any],
    framework: Framework,
    out: Path,
    *,
    language: str = "id",
    draft: bool = False,
    signers: list[SignerBlock] | None = None,
    document_number: str | None = None,
) -> MinutesLayout:
    """Write the minutes of ``snapshot`` to ``out`` (whole or not at all).

    ``document_number`` overrides the session's; ``signers`` default to the
    lead evaluator and the region's signer.  Drafts carry a "DRAF" watermark.
    Raises ReportError for a snapshot field that does not fit, a framework
    other than the snapshot's, an unreadable signature image or an output
    folder that cannot be written.
    """
    texts = Texts(language)
    data = parse_snapshot(snapshot)
    check_framework(data, framework)
    number = document_number or data.meeting.document_number
    chosen = default_signers(snapshot) if signers is None else signers
    boxes: dict[str, Box] = {}
    s = styles()

    day = meeting_date(data)
    place_date = texts(
        "place_date",
        place=place_of(data.meeting.region),
        date=long_date(day, language) if day else texts.plain("blank"),
    )
    closing: list[Flowable] = [Spacer(1, 6), paragraph(texts("closing"), s.body), Spacer(1, 8)]
    signatures = signature_rows(chosen, texts, boxes, place_date)
    if signatures:
        closing_block: list[Flowable] = [KeepTogether([*closing, signatures[0]]), *signatures[1:]]
    else:
        closing_block = [*closing, paragraph(place_date, s.body)]

    story: list[Flowable] = [
        *_head(data, texts, number),
        *_opening(data, framework, texts),
        *_section(texts("section_attendance"), _attendance(data, texts)),
        *_section(texts("section_results"), results_section(data, framework, texts)),
        *_section(texts("section_indicators"), indicators_section(data, framework, texts)),
        *_section(texts("section_findings"), findings_section(data, framework, texts)),
        *_section(texts("section_outstanding"), outstanding_section(data, framework, texts)),
        *closing_block,
    ]
    decor = PageDecor(texts, number, data.hash, draft)
    title = f"{texts.plain('title').title()} {number or ''}".strip()
    pages = write_pdf(
        story, Path(out), decor, title=title, subject=subject_line(data, texts, markup=False)
    )
    return MinutesLayout(
        pages=pages, signature_boxes=dict(boxes), snapshot_hash=data.hash, document_number=number
    )
