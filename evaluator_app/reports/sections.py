"""Parts shared by the minutes and the short documents: findings, outstanding evidence.

The minutes list every agency's findings and the city's missing evidence;
the agency PDF and the outstanding-evidence PDF show the same tables on
their own, so the three documents always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.sax.saxutils import escape

from babel.dates import format_date
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from evaluator_app.domain.framework import Framework
from evaluator_app.i18n import _
from evaluator_app.reports.errors import ReportError
from evaluator_app.reports.inputs import Evidence, Finding, Snapshot
from evaluator_app.reports.layout import (
    CONTENT_WIDTH,
    GROUP_FILL,
    cells,
    data_table,
    paragraph,
    styles,
)
from evaluator_app.reports.texts import Texts
from evaluator_app.reports.wording import local_moment, long_date

_PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def short_date(value: dt.date | None, texts: Texts) -> str:
    """'30 Okt 2024' for table cells; a dash when there is none."""
    if value is None:
        return texts("nothing")
    return format_date(value, "d MMM y", locale="id" if texts.language == "id" else "en_GB")


def check_framework(snapshot: Snapshot, framework: Framework) -> None:
    """The framework must be the one the snapshot was taken on."""
    if (snapshot.framework_id, snapshot.framework_version) != (framework.id, framework.version):
        raise ReportError(
            _(
                "the snapshot was taken on framework {snapshot_framework} "
                "{snapshot_version}, not {framework_id} {version}"
            ).format(
                snapshot_framework=snapshot.framework_id,
                snapshot_version=snapshot.framework_version,
                framework_id=framework.id,
                version=framework.version,
            )
        )


def indicator_order(framework: Framework) -> dict[str, int]:
    return {indicator.code: n for n, indicator in enumerate(framework.indicators())}


def indicator_title(framework: Framework, code: str, language: str) -> str:
    try:
        return framework.indicator(code).title.get(language)
    except KeyError:
        return ""


def findings_by_agency(snapshot: Snapshot, framework: Framework) -> dict[str, list[Finding]]:
    """Agency -> its findings (a finding for two agencies is under both), by name;
    findings addressed to nobody come last under the empty name."""
    order = indicator_order(framework)
    groups: dict[str, list[Finding]] = {}
    for finding in snapshot.findings:
        for agency in finding.agencies or ("",):
            groups.setdefault(agency.strip(), []).append(finding)
    for items in groups.values():
        items.sort(
            key=lambda f: (
                _PRIORITY_ORDER.get(f.priority, 9),
                f.due_date or dt.date.max,
                order.get(f.indicator or "", len(order)),
                f.text,
            )
        )
    return dict(sorted(groups.items(), key=lambda item: (item[0] == "", item[0].casefold())))


def findings_table(
    findings: Sequence[Finding], framework: Framework, texts: Texts, *, titles: bool = False
) -> Flowable:
    """Finding, recommendation, indicator (with its title when ``titles``), priority, due date."""
    s = styles()
    w = CONTENT_WIDTH
    indicator = 42 * mm if titles else 17 * mm
    text = (w - 8 * mm - indicator - 17 * mm - 22 * mm) / 2
    widths = [8 * mm, text, text, indicator, 17 * mm, 22 * mm]
    head = cells(
        [
            texts("col_no"),
            texts("col_finding"),
            texts("col_recommendation"),
            texts("col_indicator"),
            texts("col_priority"),
            texts("col_due"),
        ],
        s.cell_head,
    )
    rows: list[list[Flowable]] = [head]
    for n, finding in enumerate(findings, 1):
        indicator = escape(finding.indicator or texts("nothing"))
        if titles and finding.indicator:
            title = escape(indicator_title(framework, finding.indicator, texts.language))
            indicator = f"<b>{indicator}</b><br/>{title}"
        rows.append(
            [
                paragraph(str(n), s.cell_right),
                paragraph(escape(finding.text), s.cell),
                paragraph(escape(finding.recommendation) or texts("nothing"), s.cell),
                paragraph(indicator, s.cell),
                paragraph(texts.code("priority", finding.priority), s.cell),
                paragraph(short_date(finding.due_date, texts), s.cell),
            ]
        )
    return data_table(rows, widths)


def findings_section(snapshot: Snapshot, framework: Framework, texts: Texts) -> list[Flowable]:
    """Every agency's findings under its name, in the minutes."""
    s = styles()
    groups = findings_by_agency(snapshot, framework)
    if not groups:
        return [paragraph(texts("no_findings"), s.body)]
    story: list[Flowable] = [paragraph(texts("findings_intro"), s.body)]
    for number, (agency, findings) in enumerate(groups.items(), 1):
        name = escape(agency) if agency else texts("no_agency")
        heading = paragraph(f"{number}. {name}", s.subheading)
        story.append(KeepTogether([heading, findings_table(findings, framework, texts)]))
    return story


def due_of(evidence: Evidence, snapshot: Snapshot) -> dt.date | None:
    return evidence.due_date or snapshot.meeting.evidence_deadline


def outstanding_intro(snapshot: Snapshot, texts: Texts) -> Paragraph:
    deadline = snapshot.meeting.evidence_deadline
    if deadline is None:
        return paragraph(texts("outstanding_intro_plain"), styles().body)
    return paragraph(
        texts("outstanding_intro", deadline=long_date(deadline, texts.language)), styles().body
    )


def outstanding_table(snapshot: Snapshot, framework: Framework, texts: Texts) -> Flowable | None:
    """Pending evidence grouped under its indicator, with each item's due date."""
    s = styles()
    order = indicator_order(framework)
    pending = sorted(
        snapshot.pending_evidence(), key=lambda item: (order.get(item[0], len(order)), item[0])
    )
    if not pending:
        return None
    widths = [8 * mm, CONTENT_WIDTH - 8 * mm - 40 * mm - 24 * mm, 40 * mm, 24 * mm]
    rows: list[list[Flowable | str]] = [
        cells(
            [texts("col_no"), texts("col_evidence"), texts("col_kind"), texts("col_due")],
            s.cell_head,
        )
    ]
    extra: list[tuple[object, ...]] = []
    current = None
    for n, (code, evidence) in enumerate(pending, 1):
        if code != current:
            current = code
            title = escape(indicator_title(framework, code, texts.language))
            row = len(rows)
            rows.append([paragraph(f"<b>{escape(code)}</b>  {title}", s.cell), "", "", ""])
            extra += [
                ("SPAN", (0, row), (-1, row)),
                ("BACKGROUND", (0, row), (-1, row), GROUP_FILL),
            ]
        text = escape(evidence.title)
        if evidence.note:
            text += f"<br/><font size=7.5>{escape(evidence.note)}</font>"
        rows.append(
            [
                paragraph(str(n), s.cell_right),
                paragraph(text, s.cell),
                paragraph(texts.code("kind", evidence.kind), s.cell),
                paragraph(short_date(due_of(evidence, snapshot), texts), s.cell),
            ]
        )
    return data_table(rows, widths, extra=extra)


def outstanding_section(snapshot: Snapshot, framework: Framework, texts: Texts) -> list[Flowable]:
    table = outstanding_table(snapshot, framework, texts)
    if table is None:
        return [paragraph(texts("no_outstanding"), styles().body)]
    return [outstanding_intro(snapshot, texts), table, Spacer(1, 6)]


# --- what the documents are about ----------------------------------------


def stage_text(stage: int) -> str:
    return {1: "I", 2: "II"}.get(stage, str(stage))


def subject_line(snapshot: Snapshot, texts: Texts, *, markup: bool = True) -> str:
    """'EVALUASI TAHAP II GERAKAN MENUJU SMART CITY KOTA TIRTAMAYA TAHUN 2024'."""
    meeting = snapshot.meeting
    fill = texts if markup else texts.plain
    return fill(
        "subject",
        stage=stage_text(meeting.stage),
        programme=texts.plain("programme").upper(),
        region=meeting.region.upper(),
        year=meeting.year,
    )


def meeting_date(snapshot: Snapshot) -> dt.date | None:
    meeting = snapshot.meeting
    if meeting.starts_at is None:
        return None
    return local_moment(meeting.starts_at, meeting.timezone).date()


def reference_line(snapshot: Snapshot, texts: Texts, number: str | None) -> str:
    """Which evaluation and minutes a short document comes from."""
    meeting = snapshot.meeting
    day = meeting_date(snapshot)
    return texts(
        "agency_reference",
        stage=stage_text(meeting.stage),
        programme=texts.plain("programme"),
        region=meeting.region,
        year=meeting.year,
        meeting=texts.plain(
            "meeting_on",
            date=long_date(day, texts.language) if day else texts.plain("blank"),
        ),
        number=number or texts.plain("blank"),
    )
