"""The minutes' results: index, scores per dimension, radar chart, and each indicator.

Agreed scores are the snapshot's own (what is signed); self-assessed scores
come from the city's self-assessed levels through the same scoring engine,
leaving out the indicators agreed to be not applicable so that both series
cover the same indicators.  When the snapshot carries the region's previous
session, the summary gives its index and the change, and the score table a
column of its scores; the evaluators' own ratings are listed per indicator
only when the snapshot says so (``show_ratings``).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from xml.sax.saxutils import escape, unescape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from evaluator_app.domain.framework import Framework, Group, Indicator
from evaluator_app.domain.scoring import ScoreCard, for_display, predicate_for, score_framework
from evaluator_app.reports.inputs import IndicatorRecord, Previous, Snapshot
from evaluator_app.reports.layout import (
    CONTENT_WIDTH,
    FONT,
    GROUP_FILL,
    MUTED_HEX,
    RULE,
    cells,
    data_table,
    paragraph,
    short_cell,
    styles,
)
from evaluator_app.reports.radar import AGREED, SELF, Series, radar_chart
from evaluator_app.reports.sections import short_date, stage_text
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
        paragraph(_summary(snapshot, framework, agreed, texts), styles().body),
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
    previous = _previous_sentence(snapshot, texts)
    return f"{lead} {previous} {progress}" if previous else f"{lead} {progress}"


def _previous_sentence(snapshot: Snapshot, texts: Texts) -> str:
    """'Pada tahun 2023 indeksnya 2,05; naik 0,78.' or nothing without two indexes."""
    previous = snapshot.previous
    if previous is None or previous.index is None or snapshot.index is None:
        return ""
    # The change between the two indexes as printed (2,83 and 2,05: up 0,78), so that
    # the reader's subtraction agrees with the minutes; "unchanged" when both read the same.
    delta = for_display(snapshot.index) - for_display(previous.index)
    if delta > 0:
        change = texts("change_up", delta=score_text(delta, texts))
    elif delta < 0:
        change = texts("change_down", delta=score_text(-delta, texts))
    else:
        change = texts("change_same")
    index = score_text(previous.index, texts)
    if previous.year == snapshot.meeting.year:  # an earlier stage of the same year
        stage = stage_text(previous.stage)
        return texts.markup(
            "results_previous_stage",
            stage=stage,
            year=str(previous.year),
            index=index,
            change=change,
        )
    return texts.markup("results_previous", year=str(previous.year), index=index, change=change)


def _previous_head(previous: Previous, snapshot: Snapshot, texts: Texts) -> str:
    """The previous session's column: its year, or its stage and year in the same year."""
    if previous.year == snapshot.meeting.year:
        return texts("col_previous_stage", stage=stage_text(previous.stage), year=previous.year)
    return str(previous.year)


def _score_table(
    snapshot: Snapshot, framework: Framework, agreed: ScoreCard, claimed: ScoreCard, texts: Texts
) -> Flowable:
    """Each dimension with its sub-dimensions indented under it, and the index last;
    with the previous session's scores beside this one's when the snapshot has them."""
    s = styles()
    previous = snapshot.previous
    head = [texts("col_code"), texts("col_dimension")]
    if previous is not None:
        head.append(_previous_head(previous, snapshot, texts))
    head += [texts("col_agreed"), texts("col_self"), texts("col_settled")]
    rows: list[list[Flowable]] = [cells(head, s.cell_head)]
    extra: list[tuple[object, ...]] = []

    def numbers(code: str | None, *values: str, style: ParagraphStyle) -> list[Flowable]:
        shown = list(values)
        if previous is not None:
            before = previous.index if code is None else previous.groups.get(code)
            shown.insert(0, score_text(before, texts))
        return [paragraph(text, style) for text in shown]

    for group, depth in _walk(list(framework.dimensions)):
        score = agreed.groups[group.code]
        style = s.cell_bold if depth == 0 else s.cell
        number = s.cell_bold_right if depth == 0 else s.cell_right
        indent = "&nbsp;" * 4 * depth
        if depth == 0:
            extra.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), GROUP_FILL))
        rows.append(
            [
                paragraph(escape(group.code), style),
                paragraph(indent + escape(group.title.get(texts.language)), style),
                *numbers(
                    group.code,
                    score_text(_agreed_value(snapshot, agreed, group.code), texts),
                    score_text(claimed.groups[group.code].value, texts),
                    f"{score.done}/{score.indicators}",
                    style=number,
                ),
            ]
        )
    extra.append(("LINEABOVE", (0, len(rows)), (-1, len(rows)), 1.0, RULE))
    rows.append(
        [
            paragraph("", s.cell_bold),
            paragraph(texts("row_index"), s.cell_bold),
            *numbers(
                None,
                score_text(snapshot.index, texts),
                score_text(claimed.index, texts),
                f"{agreed.done}/{agreed.indicators}",
                style=s.cell_bold_right,
            ),
        ]
    )
    return data_table(rows, _score_widths(previous is not None), extra=extra)


def _score_widths(with_previous: bool) -> list[float]:
    """Code, title (what is left), [previous], agreed, self-assessed, settled."""
    if not with_previous:
        return [18 * mm, CONTENT_WIDTH - 18 * mm - 3 * 27 * mm, 27 * mm, 27 * mm, 27 * mm]
    fixed = [18 * mm, 19 * mm, 23 * mm, 23 * mm, 23 * mm]
    title = CONTENT_WIDTH - sum(fixed)
    return [fixed[0], title, *fixed[1:]]


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
    caption = paragraph(texts("chart_caption"), styles().caption)
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


def _ratings_text(record: IndicatorRecord, snapshot: Snapshot, texts: Texts) -> str:
    """'Dr. Rina K.: 3; Ir. Hendra S., M.T.: 2; Maya L.: 4 (selisih 2)': the lead
    evaluator first, then by name; names carry commas, so ratings part by semicolons."""

    def order(item: tuple[str, int]) -> tuple[bool, str, str]:
        person = snapshot.person(item[0])
        if person is None:  # not among the participants: shown by its id
            return True, item[0], item[0]
        return person.role != "lead_evaluator", person.name.casefold(), person.id

    def name(person_id: str) -> str:
        person = snapshot.person(person_id)
        return escape(person.name) if person else escape(person_id[:8])

    ratings = sorted(record.ratings.items(), key=order)
    text = "; ".join(f"{name(pid)}:&nbsp;{level}" for pid, level in ratings)
    levels = [level for _, level in ratings]
    if len(levels) > 1:
        text += " " + texts("rating_spread", spread=max(levels) - min(levels))
    return text


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
        out.append(paragraph(text, s.cell))
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
        short = (
            unescape(texts.code("kind", e.kind)),
            unescape(texts.code("evidence", e.status)),
            unescape(short_date(e.due_date, texts)),
            e.sha256[:12] if e.sha256 else unescape(texts("nothing")),
        )
        rows.append(
            [
                paragraph(title, s.cell),
                *(short_cell(text, s.cell, w) for text, w in zip(short, fixed, strict=True)),
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
    title = paragraph(
        f"{escape(indicator.code)}&nbsp;&nbsp;{escape(indicator.title.get(texts.language))}",
        s.indicator,
    )
    rows: list[list[Flowable | list[Flowable]]] = []

    def row(label: str, value: Flowable | list[Flowable]) -> None:
        rows.append([paragraph(label, s.label), value])

    row(texts("agreed_level"), paragraph(_agreed_text(record, framework, texts), s.cell))
    if record is not None and record.rationale.strip():
        row(texts("rationale"), paragraph(escape(record.rationale.strip()), s.cell))
    if record is not None:
        self_level = _level_text(framework, record.self_level, texts)
        row(texts("self_level"), paragraph(self_level, s.cell))
        if snapshot.show_ratings and record.ratings:
            row(texts("ratings"), paragraph(_ratings_text(record, snapshot, texts), s.cell))
        if record.notes.strip():
            notes = escape(record.notes.strip()).replace("\n", "<br/>")
            row(texts("notes"), paragraph(notes, s.cell))
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
        headings.append(paragraph(text, style))
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
