"""Results for the programme office: one row per indicator, the scores, and where
they come from, as a spreadsheet (XLSX) or the indicator rows alone (CSV).

The scores are the scoring engine's, taken from ``session_overview`` exactly as
``session show`` gives them (rounded half-up to two places for display), so the
spreadsheet and the window never disagree.  The file is built in memory and
written through a temporary file beside the target, so a failed export leaves
nothing half-written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, get_args

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from evaluator_app import __version__
from evaluator_app.domain.framework import Framework, Group, LocalText
from evaluator_app.domain.scoring import ScoreCard, for_display
from evaluator_app.i18n import _, format_number, ngettext
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.frameworks import framework_of
from evaluator_app.services.operation import Context, reading
from evaluator_app.services.records import get
from evaluator_app.services.sessions import SessionOverview, session_overview
from evaluator_app.signing.atomic_write import write_atomically
from evaluator_app.signing.errors import OutputError
from evaluator_app.store.models import Assessment, EvaluationSession

ResultsFormat = Literal["xlsx", "csv"]
FORMATS: tuple[str, ...] = get_args(ResultsFormat)

Cell = str | int | float | None

# Characters a spreadsheet cannot hold (openpyxl refuses them); tab and newlines stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# A CSV cell starting with one of these is read by Excel as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str | None) -> str:
    return _CONTROL.sub("", value or "")


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _shown(value: Decimal | None) -> float | None:
    """A score as ``session show --json`` gives it: half-up to two places, a number."""
    return None if value is None else float(for_display(value))


def _titles(text: LocalText) -> tuple[str, str]:
    return _text(text.id), _text(text.en)


# --- the data -------------------------------------------------------------------


@dataclass(frozen=True)
class Rater:
    """An evaluator who rated at least one indicator of the session."""

    id: str
    name: str
    column: str  # the column heading: their name, made unique if two share it


@dataclass(frozen=True)
class IndicatorResult:
    dimension: str
    group: str  # the sub-dimension (innermost group) holding it; "" if directly in the dimension
    code: str
    title_id: str
    title_en: str
    self_level: int | None
    ratings: tuple[int | None, ...]  # one per rater, in ``SessionResults.raters`` order
    agreed_level: int | None
    not_applicable: bool
    na_reason: str
    status: str  # not_started | in_discussion | done | deferred
    has_notes: bool
    clarifications: int
    evidence: int

    @property
    def notes_count(self) -> int:
        """Non-empty notes (0 or 1) plus the clarifications."""
        return int(self.has_notes) + self.clarifications


@dataclass(frozen=True)
class ScoreResult:
    kind: str  # index | dimension | sub-dimension
    code: str
    parent: str
    title_id: str
    title_en: str
    weight: float | None
    score: float | None  # agreed, half-up to two places
    self_score: float | None  # self-assessed, likewise
    predicate: str | None  # the index only
    self_predicate: str | None
    indicators: int
    settled: int  # agreed or N/A
    not_applicable: int


@dataclass(frozen=True)
class Sheet:
    """One table: a title, a header row and the rows beneath, as plain values."""

    title: str
    header: list[str]
    rows: list[list[Cell]]
    filter: bool = True
    two_places: frozenset[str] = frozenset()  # columns shown with two decimals


@dataclass(frozen=True)
class SessionResults:
    session_id: str
    region: str
    year: int
    stage: int
    status: str
    framework_id: str
    framework_version: str
    framework_title: str
    document_number: str
    exported_at: dt.datetime  # UTC
    raters: list[Rater]
    indicators: list[IndicatorResult]
    scores: list[ScoreResult]
    index: Decimal | None  # exact, as the engine gives it
    predicate: str | None

    @property
    def index_shown(self) -> float | None:
        return _shown(self.index)

    def indicator_sheet(self) -> Sheet:
        header = [
            "Dimension",
            "Sub-dimension",
            "Indicator",
            "Title (id)",
            "Title (en)",
            "Self-assessed level",
            *(r.column for r in self.raters),
            "Agreed level",
            "Not applicable",
            "N/A reason",
            "Status",
            "Has notes",
            "Clarifications",
            "Notes count (notes + clarifications)",
            "Evidence records",
        ]
        rows: list[list[Cell]] = [
            [
                i.dimension,
                i.group,
                i.code,
                i.title_id,
                i.title_en,
                i.self_level,
                *i.ratings,
                i.agreed_level,
                _yes_no(i.not_applicable),
                i.na_reason,
                i.status,
                _yes_no(i.has_notes),
                i.clarifications,
                i.notes_count,
                i.evidence,
            ]
            for i in self.indicators
        ]
        return Sheet("Indicators", header, rows)

    def score_sheet(self) -> Sheet:
        header = [
            "Kind",
            "Code",
            "Parent",
            "Title (id)",
            "Title (en)",
            "Weight",
            "Score",
            "Self-assessed score",
            "Predicate",
            "Self-assessed predicate",
            "Indicators",
            "Settled",
            "Not applicable",
        ]
        rows: list[list[Cell]] = [
            [
                s.kind,
                s.code,
                s.parent,
                s.title_id,
                s.title_en,
                s.weight,
                s.score,
                s.self_score,
                s.predicate,
                s.self_predicate,
                s.indicators,
                s.settled,
                s.not_applicable,
            ]
            for s in self.scores
        ]
        return Sheet("Scores", header, rows, two_places=frozenset({"Score", "Self-assessed score"}))

    def about_sheet(self) -> Sheet:
        rows: list[list[Cell]] = [
            ["Region", self.region],
            ["Year", self.year],
            ["Stage", self.stage],
            ["Framework id", self.framework_id],
            ["Framework version", self.framework_version],
            ["Framework title", self.framework_title],
            ["Session id", self.session_id],
            ["Document number", self.document_number],
            ["Status", self.status],
            ["Exported at (UTC)", self.exported_at.strftime("%Y-%m-%dT%H:%M:%SZ")],
            ["App version", f"evaluator-app {__version__}"],
        ]
        return Sheet("About", ["Field", "Value"], rows, filter=False)

    def sheets(self) -> list[Sheet]:
        return [self.indicator_sheet(), self.score_sheet(), self.about_sheet()]


def _raters(session: EvaluationSession, assessments: Sequence[Assessment]) -> list[Rater]:
    rated = {r.participant_id for a in assessments for r in a.ratings}
    people = [p for p in session.participants if p.id in rated]
    # A rating whose participant is gone (should one survive a merge) still gets a column.
    known = {p.id for p in people}
    names = [(p.id, _text(p.name)) for p in people]
    names += [(pid, f"participant {pid[:8]}") for pid in sorted(rated - known)]
    seen: dict[str, int] = {}
    for _pid, name in names:
        seen[name] = seen.get(name, 0) + 1
    return [
        Rater(pid, name, f"Rating: {name}" + (f" ({pid[:8]})" if seen[name] > 1 else ""))
        for pid, name in names
    ]


def _placement(framework: Framework) -> dict[str, tuple[str, str]]:
    """Indicator code -> (dimension code, innermost group code or "")."""
    placed: dict[str, tuple[str, str]] = {}

    def walk(dimension: Group, group: Group, inner: str) -> None:
        for indicator in group.indicators:
            placed[indicator.code] = (dimension.code, inner)
        for child in group.groups:
            walk(dimension, child, child.code)

    for dimension in framework.dimensions:
        walk(dimension, dimension, "")
    return placed


def _indicator_rows(
    framework: Framework, assessments: Sequence[Assessment], raters: list[Rater]
) -> list[IndicatorResult]:
    by_code = {a.indicator_code: a for a in assessments}
    placed = _placement(framework)
    rows = []
    for indicator in framework.indicators():
        a = by_code.get(indicator.code)
        ratings = {r.participant_id: r.level for r in a.ratings} if a else {}
        dimension, group = placed[indicator.code]
        title_id, title_en = _titles(indicator.title)
        rows.append(
            IndicatorResult(
                dimension=dimension,
                group=group,
                code=indicator.code,
                title_id=title_id,
                title_en=title_en,
                self_level=a.self_level if a else None,
                ratings=tuple(ratings.get(r.id) for r in raters),
                agreed_level=a.agreed_level if a else None,
                not_applicable=bool(a and a.not_applicable),
                na_reason=_text(a.na_reason) if a else "",
                status=a.status if a else "not_started",
                has_notes=bool(a and a.notes.strip()),
                clarifications=len(a.clarifications) if a else 0,
                evidence=len(a.evidence) if a else 0,
            )
        )
    return rows


def _score_rows(overview: SessionOverview) -> list[ScoreResult]:
    framework = overview.framework
    agreed, claimed = overview.scores, overview.self_scores
    title_id, title_en = _titles(framework.title)
    index_row = ScoreResult(
        kind="index",
        code="",
        parent="",
        title_id=title_id,
        title_en=title_en,
        weight=None,
        score=_shown(agreed.index),
        self_score=_shown(claimed.index),
        predicate=_text(agreed.predicate.name.id) if agreed.predicate else None,
        self_predicate=_text(claimed.predicate.name.id) if claimed.predicate else None,
        indicators=agreed.indicators,
        settled=agreed.done,
        not_applicable=sum(d.not_applicable for d in agreed.dimensions),
    )
    rows = [index_row]

    def walk(group: Group, parent: str, cards: tuple[ScoreCard, ScoreCard]) -> None:
        ours, theirs = cards[0].groups[group.code], cards[1].groups[group.code]
        group_id, group_en = _titles(group.title)
        rows.append(
            ScoreResult(
                kind="sub-dimension" if parent else "dimension",
                code=group.code,
                parent=parent,
                title_id=group_id,
                title_en=group_en,
                weight=float(group.weight),
                score=_shown(ours.value),
                self_score=_shown(theirs.value),
                predicate=None,
                self_predicate=None,
                indicators=ours.indicators,
                settled=ours.done,
                not_applicable=ours.not_applicable,
            )
        )
        for child in group.groups:
            walk(child, group.code, cards)

    for dimension in framework.dimensions:
        walk(dimension, "", (agreed, claimed))
    return rows


def session_results(ctx: Context, session_id: str) -> SessionResults:
    """A session's results as plain data: indicator rows, scores, and where they come from."""
    with reading(ctx) as db:
        session = get(db, EvaluationSession, session_id)
        session_id = session.id
        assessments = db.scalars(
            select(Assessment)
            .where(Assessment.session_id == session_id)
            .options(
                selectinload(Assessment.ratings),
                selectinload(Assessment.clarifications),
                selectinload(Assessment.evidence),
            )
        ).all()
        framework = framework_of(session)
        raters = _raters(session, assessments)
        indicators = _indicator_rows(framework, assessments, raters)
    overview = session_overview(ctx, session_id)
    return SessionResults(
        session_id=overview.id,
        region=overview.region,
        year=overview.year,
        stage=overview.stage,
        status=overview.status,
        framework_id=framework.id,
        framework_version=framework.version,
        framework_title=_text(framework.title.id),
        document_number=_text(overview.document_number),
        exported_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
        raters=raters,
        indicators=indicators,
        scores=_score_rows(overview),
        index=overview.scores.index,
        predicate=overview.scores.predicate.name.id if overview.scores.predicate else None,
    )


# --- the files ------------------------------------------------------------------


def _column_width(values: Sequence[Cell]) -> float:
    longest = max((len(str(v)) for v in values if v is not None), default=0)
    return float(min(max(longest, 6), 60) + 2)


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """A workbook of the sheets: header bold and frozen, columns sized, filters on,
    and every text stored as text (never a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    book.properties.creator = f"evaluator-app {__version__}"
    bold = Font(bold=True)
    for sheet in sheets:
        page: Any = book.create_sheet(sheet.title)
        decimals = {n for n, name in enumerate(sheet.header, start=1) if name in sheet.two_places}
        table: list[Sequence[Cell]] = [sheet.header, *sheet.rows]
        for r, values in enumerate(table, start=1):
            for c, value in enumerate(values, start=1):
                cell = page.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # "=…" typed by a person stays text
                elif c in decimals:
                    cell.number_format = "0.00"
                if r == 1:
                    cell.font = bold
        page.freeze_panes = "A2"
        last = get_column_letter(len(sheet.header))
        if sheet.filter:
            page.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
        for c in range(len(sheet.header)):
            column = [sheet.header[c], *(row[c] for row in sheet.rows)]
            page.column_dimensions[get_column_letter(c + 1)].width = _column_width(column)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv_cell(value: Cell) -> Cell:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value  # so that Excel shows it as text instead of running it
    return value


def csv_bytes(sheet: Sheet) -> bytes:
    """The sheet as CSV: UTF-8 with a byte-order mark (Excel then reads Indonesian
    text right), commas, a header row."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([_csv_cell(v) for v in sheet.header])
    writer.writerows([_csv_cell(v) for v in row] for row in sheet.rows)
    return buffer.getvalue().encode("utf-8-sig")


@dataclass(frozen=True)
class ResultsSummary:
    path: Path
    format: str
    session_id: str
    region: str
    year: int
    indicators: int
    raters: int
    index: float | None  # half-up to two places
    predicate: str | None
    exported_at: dt.datetime
    size: int

    def line(self, shown_path: str | None = None) -> str:
        """``results.xlsx: 40 indicators, 3 raters, index 2.83 (Baik)``"""
        raters = ngettext("{n} rater", "{n} raters", self.raters).format(n=self.raters)
        if self.index is None:
            score = _("no index yet")
        else:
            index = format_number(self.index, places=2)
            score = _("index {index}").format(index=index) + (
                f" ({self.predicate})" if self.predicate else ""
            )
        indicators = ngettext("{n} indicator", "{n} indicators", self.indicators).format(
            n=self.indicators
        )
        return f"{shown_path or self.path}: {indicators}, {raters}, {score}"

    def to_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "format": self.format,
            "session_id": self.session_id,
            "region": self.region,
            "year": self.year,
            "indicators": self.indicators,
            "raters": self.raters,
            "index": self.index,
            "predicate": self.predicate,
            "exported_at": self.exported_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "size": self.size,
        }


def export_results(
    ctx: Context, session_id: str, out: Path, fmt: ResultsFormat = "xlsx"
) -> ResultsSummary:
    """Write a session's results to ``out`` as XLSX (indicators, scores, about) or
    CSV (the indicator rows); whole or not at all."""
    if fmt not in FORMATS:
        raise InvalidInput(
            _("unknown results format {fmt!r}; one of: {formats}").format(
                fmt=fmt, formats=", ".join(FORMATS)
            )
        )
    if out.is_dir():
        raise InvalidInput(
            _("cannot write {out}: it is a folder; give a file name").format(out=out)
        )
    results = session_results(ctx, session_id)
    data = xlsx_bytes(results.sheets()) if fmt == "xlsx" else csv_bytes(results.indicator_sheet())
    try:
        write_atomically(out, data)
    except OutputError as error:
        raise InvalidInput(str(error)) from None
    return ResultsSummary(
        path=out,
        format=fmt,
        session_id=results.session_id,
        region=results.region,
        year=results.year,
        indicators=len(results.indicators),
        raters=len(results.raters),
        index=results.index_shown,
        predicate=results.predicate,
        exported_at=results.exported_at,
        size=len(data),
    )
