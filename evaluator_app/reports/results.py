"""The minutes' results: index, scores per dimension, radar chart, and each indicator.

Agreed scores are the snapshot's own (what is signed); self-assessed scores
come from the city's self-assessed levels through the same scoring engine,
leaving out the indicators agreed to be not applicable so that both series
cover the same indicators.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from evaluator_app.domain.framework import Framework, Group, Indicator
from evaluator_app.domain.scoring import ScoreCard, predicate_for, score_framework
from evaluator_app.reports.inputs import IndicatorRecord, Snapshot
from evaluator_app.reports.layout import (
    CONTENT_WIDTH,
    FONT,
    GROUP_FILL,
    MUTED_HEX,
    RULE,
    cells,
    data_table,
    styles,
)
from evaluator_app.reports.radar import AGREED, SELF, Series, radar_chart
from evaluator_app.reports.sections import short_date
from evaluator_app.reports.texts import Texts
from evaluator_app.reports.wording import count_text, score_text

LABEL_WIDTH = 34 * mm


def score_cards(snapshot: Snapshot, framework: Framework) -> tuple[ScoreCard, ScoreCard]:
    """(agreed, self-assessed) as the scoring engine computes them."""
    records = snapshot.indicators.values()
    na = {r.code for r in records if r.not_applicable}
    agreed = {r.code: r.agreed_level for r in records if r.agreed_level is not None}
    claimed = {r.code: r.self_level for r in records if r.self_level is not None}
    return score_framework(framework, agreed, na), score_framework(framework, claimed, na)


def _agreed_value(snapshot: Snapshot, card: ScoreCard, code: str) -> Decimal | None:
    # The signed numbers are the snapshot's; the engine's only fill a gap.
    if code in snapshot.groups:
        return snapshot.groups[code]
    return card.groups[code].value


def _walk(groups: list[Group], depth: int = 0) -> Iterator[tuple[Group, int]]:
    for group in groups:
        yield group, depth
        yield from _walk(group.groups, depth + 1)


def results_section(snapshot: Snapshot, framework: Framework, texts: Texts) -> list[Flowable]:
    """Index and predicate, the score table and the radar chart."""
    agreed, claimed = score_cards(snapshot, framework)
    story = [
        Paragraph(_summary(snapshot, framework, agreed, texts), styles().body),
        _score_table(snapshot, framework, agreed, claimed, texts),
        Spacer(1, 10),
    ]
    if len(framework.dimensions) >= 3:  # a radar of one or two axes shows nothing
        story.append(_chart(snapshot, framework, agreed, claimed, texts))
    return story


def _summary(snapshot: Snapshot, framework: Framework, agreed: ScoreCard, texts: Texts) -> str:
    index = snapshot.index
    region = snapshot.meeting.region
    predicate = predicate_for(framework.predicates, index)
    if index is None:
        lead = texts("results_no_index")
    elif predicate is not None:
        lead = texts(
            "results_index",
            region=region,
            index=score_text(index, texts),
            predicate=predicate.name.get(texts.language),
        )
    else:
        lead = texts("results_index_plain", region=region, index=score_text(index, texts))
    na = sum(d.not_applicable for d in agreed.dimensions)
    progress = texts(
        "results_progress" if na else "results_progress_all_apply",
        total=count_text(agreed.indicators, texts.language),
        settled=count_text(agreed.done, texts.language),
        na=count_text(na, texts.language),
    )
    return f"{lead} {progress}"


def _score_table(
    snapshot: Snapshot, framework: Framework, agreed: ScoreCard, claimed: ScoreCard, texts: Texts
) -> Flowable:
    """Each dimension with its sub-dimensions indented under it, and the index last."""
    s = styles()
    head = ["col_code", "col_dimension", "col_agreed", "col_self", "col_settled"]
    rows: list[list[Flowable]] = [cells([texts(h) for h in head], s.cell_head)]
    extra: list[tuple[object, ...]] = []
    for group, depth in _walk(list(framework.dimensions)):
        score = agreed.groups[group.code]
        style = s.cell_bold if depth == 0 else s.cell
        number = s.cell_bold_right if depth == 0 else s.cell_right
        indent = "&nbsp;" * 4 * depth
        if depth == 0:
            extra.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), GROUP_FILL))
        rows.append(
            [
                Paragraph(escape(group.code), style),
                Paragraph(indent + escape(group.title.get(texts.language)), style),
                Paragraph(score_text(_agreed_value(snapshot, agreed, group.code), texts), number),
                Paragraph(score_text(claimed.groups[group.code].value, texts), number),
                Paragraph(f"{score.done}/{score.indicators}", number),
            ]
        )
    extra.append(("LINEABOVE", (0, len(rows)), (-1, len(rows)), 1.0, RULE))
    rows.append(
        [
            Paragraph("", s.cell_bold),
            Paragraph(texts("row_index"), s.cell_bold),
            Paragraph(score_text(snapshot.index, texts), s.cell_bold_right),
            Paragraph(score_text(claimed.index, texts), s.cell_bold_right),
            Paragraph(f"{agreed.done}/{agreed.indicators}", s.cell_bold_right),
        ]
    )
    widths = [18 * mm, CONTENT_WIDTH - 18 * mm - 3 * 27 * mm, 27 * mm, 27 * mm, 27 * mm]
    return data_table(rows, widths, extra=extra)


def _chart(
    snapshot: Snapshot, framework: Framework, agreed: ScoreCard, claimed: ScoreCard, texts: Texts
) -> Flowable:
    dimensions = list(framework.dimensions)
    chart = radar_chart(
        [d.title.get(texts.language) for d in dimensions],
        [
            Series(
                texts.plain("chart_self"),
                [claimed.groups[d.code].value for d in dimensions],
                SELF,
                dashed=True,
                filled=False,
                marker="square",
            ),
            Series(
                texts.plain("chart_agreed"),
                [_agreed_value(snapshot, agreed, d.code) for d in dimensions],
                AGREED,
                dashed=False,
                filled=True,
                marker="circle",
            ),
        ],
        framework.level_values(),
        CONTENT_WIDTH,
    )
    caption = Paragraph(texts("chart_caption"), styles().caption)
    return KeepTogether([chart, Spacer(1, 4), caption])


# --- per indicator ----------------------------------------------------------


def _level_text(framework: Framework, level: int | None, texts: Texts) -> str:
    if level is None:
        return texts("nothing")
    try:
        name = framework.level(level).name.get(texts.language)
    except KeyError:
        return str(level)
    return f"{level} – {escape(name)}"


def _clarifications(record: IndicatorRecord, snapshot: Snapshot, texts: Texts) -> list[Flowable]:
    s = styles()

    def who(person_id: str | None) -> str:
        person = snapshot.person(person_id)
        return person.name if person else texts.plain("nothing")

    out: list[Flowable] = []
    for c in record.clarifications:
        if c.answer or c.answered_by:
            by = texts("asked_answered", asked=who(c.asked_by), answered=who(c.answered_by))
        else:
            by = texts("asked_open", asked=who(c.asked_by))
        text = f"<b>{texts('question')}:</b> {escape(c.question)}"
        if c.answer:
            text += f"<br/><b>{texts('answer')}:</b> {escape(c.answer)}"
        text += f'<br/><font color="{MUTED_HEX}" size="7.5">({by})</font>'
        out.append(Paragraph(text, s.cell))
    return out


def _evidence_table(record: IndicatorRecord, texts: Texts) -> Table:
    s = styles()
    width = CONTENT_WIDTH - LABEL_WIDTH - 8
    fixed = [21 * mm, 19 * mm, 20 * mm, 24 * mm]  # kind, status, due, SHA-256
    rows: list[list[Flowable]] = [
        cells(
            [
                texts("col_title"),
                texts("col_kind"),
                texts("col_status"),
                texts("col_due"),
                texts("col_sha"),
            ],
            s.cell_head,
        )
    ]
    for e in record.evidence:
        title = escape(e.title)
        if e.note:
            title += f"<br/><font size=7.5>{escape(e.note)}</font>"
        rows.append(
            [
                Paragraph(title, s.cell),
                Paragraph(texts.code("kind", e.kind), s.cell),
                Paragraph(texts.code("evidence", e.status), s.cell),
                Paragraph(short_date(e.due_date, texts), s.cell),
                Paragraph(e.sha256[:12] if e.sha256 else texts("nothing"), s.cell),
            ]
        )
    return data_table(rows, [width - sum(fixed), *fixed])


def _agreed_text(record: IndicatorRecord | None, framework: Framework, texts: Texts) -> str:
    if record is None:  # an indicator the snapshot has no assessment for
        return texts.markup("not_assessed", status=texts.code("status", "not_started"))
    if record.not_applicable:
        reason = record.na_reason.strip()
        return texts("na_reason", reason=reason) if reason else texts("not_applicable")
    if record.agreed_level is None:
        return texts.markup("not_assessed", status=texts.code("status", record.status))
    return f"<b>{_level_text(framework, record.agreed_level, texts)}</b>"


def indicator_block(
    indicator: Indicator,
    record: IndicatorRecord | None,
    snapshot: Snapshot,
    framework: Framework,
    texts: Texts,
) -> list[Flowable]:
    s = styles()
    title = Paragraph(
        f"{escape(indicator.code)}&nbsp;&nbsp;{escape(indicator.title.get(texts.language))}",
        s.indicator,
    )
    rows: list[list[Flowable | list[Flowable]]] = []

    def row(label: str, value: Flowable | list[Flowable]) -> None:
        rows.append([Paragraph(label, s.label), value])

    row(texts("agreed_level"), Paragraph(_agreed_text(record, framework, texts), s.cell))
    if record is not None:
        self_level = _level_text(framework, record.self_level, texts)
        row(texts("self_level"), Paragraph(self_level, s.cell))
        if record.notes.strip():
            notes = escape(record.notes.strip()).replace("\n", "<br/>")
            row(texts("notes"), Paragraph(notes, s.cell))
        if record.clarifications:
            row(texts("clarifications"), _clarifications(record, snapshot, texts))
        if record.evidence:
            row(texts("evidence"), _evidence_table(record, texts))
    table = Table(
        rows, colWidths=[LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH], hAlign="LEFT", splitInRow=1
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8.5),  # Table's default is Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return [title, table, Spacer(1, 7)]


def indicators_section(snapshot: Snapshot, framework: Framework, texts: Texts) -> list[Flowable]:
    """Every indicator under its dimension and sub-dimension headings."""
    s = styles()
    story: list[Flowable] = []
    headings: list[Flowable] = []  # waiting for the first block under them

    def visit(group: Group, depth: int) -> None:
        style = s.band if depth == 0 else s.subheading
        text = f"{escape(group.code)}&nbsp;&nbsp;{escape(group.title.get(texts.language))}"
        headings.append(Paragraph(text, style))
        for indicator in group.indicators:
            block = indicator_block(
                indicator, snapshot.indicators.get(indicator.code), snapshot, framework, texts
            )
            story.append(KeepTogether([*headings, *block]))
            headings.clear()
        for child in group.groups:
            visit(child, depth + 1)

    for dimension in framework.dimensions:
        visit(dimension, 0)
    return story
