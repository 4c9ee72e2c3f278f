"""The dashboard's numbers: where the city stands and what is still open, Qt-free.

Everything the dashboard draws comes from here, as frozen rows: the index and
its predicate, each dimension's agreed and self-assessed score (the radar),
each sub-dimension's (the bars), the walkthrough's progress, the meeting's
time, the open clarifications and pending evidence, and the region's previous
session's scores for year over year.  The scores are the
scoring engine's own (``session_overview(...).scores`` and ``.self_scores``),
never recomputed, so the dashboard, the status bar and the minutes agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from evaluator_app.domain.framework import Group
from evaluator_app.domain.scoring import ScoreCard, for_display
from evaluator_app.services.frameworks import framework_of
from evaluator_app.services.history import YearOverYear, year_over_year
from evaluator_app.services.operation import Context, reading
from evaluator_app.services.records import get
from evaluator_app.services.sessions import SessionOverview, session_overview
from evaluator_app.services.walkthrough import IndicatorState, indicator_states
from evaluator_app.store.models import Assessment, Clarification, EvaluationSession, Evidence

# The meeting's planned length.  Sessions have no planned end yet; when they
# get one, ``planned_end`` is the only place to change.
PLANNED_LENGTH = dt.timedelta(hours=3)


def planned_end(starts_at: dt.datetime) -> dt.datetime:
    """When the meeting is planned to end: for now, three hours after it starts."""
    return starts_at + PLANNED_LENGTH


@dataclass(frozen=True)
class Score:
    """One dimension or sub-dimension: the agreed score and what the city claimed."""

    code: str
    title: str
    agreed: Decimal | None
    self_assessed: Decimal | None


@dataclass(frozen=True)
class DimensionBars:
    """A dimension and the bars of its sub-dimensions (itself, when it has none)."""

    dimension: Score
    bars: tuple[Score, ...]


@dataclass(frozen=True)
class Progress:
    """Indicators by walkthrough status (N/A ones are done: they are settled)."""

    done: int
    in_discussion: int
    deferred: int
    not_started: int

    @property
    def total(self) -> int:
        return self.done + self.in_discussion + self.deferred + self.not_started


@dataclass(frozen=True)
class Schedule:
    """The meeting's start and planned end (UTC-aware), and the time zone it is held in."""

    starts_at: dt.datetime
    planned_end: dt.datetime
    timezone: str

    @property
    def planned(self) -> dt.timedelta:
        return self.planned_end - self.starts_at

    def elapsed(self, now: dt.datetime) -> dt.timedelta:
        """Time since the start; zero before it."""
        return max(dt.timedelta(0), now - self.starts_at)

    def share_elapsed(self, now: dt.datetime) -> float:
        """Elapsed over planned: 0 before the start, 1 at the planned end, more after."""
        planned = self.planned.total_seconds()
        return self.elapsed(now).total_seconds() / planned if planned > 0 else 0.0


@dataclass(frozen=True)
class OpenClarification:
    indicator_code: str
    question: str
    asked_at: dt.datetime


@dataclass(frozen=True)
class PendingEvidence:
    indicator_code: str
    title: str
    due_date: dt.date | None


@dataclass(frozen=True)
class OpenItems:
    clarifications: tuple[OpenClarification, ...]
    evidence: tuple[PendingEvidence, ...]


@dataclass(frozen=True)
class Previous:
    """The region's previous session of the framework (year over year)."""

    year: int
    stage: int
    index: Decimal | None
    groups: Mapping[str, Decimal | None]  # dimension and sub-dimension scores by code

    @staticmethod
    def of(change: YearOverYear | None) -> Previous | None:
        if change is None:
            return None
        groups = {code: g.before for code, g in change.groups.items()}
        return Previous(change.earlier_year, change.earlier_stage, change.index.before, groups)


def change(before: Decimal | None, after: Decimal | None) -> Decimal | None:
    """The change people read: between the two figures as displayed (2.05 → 2.83: +0.78)."""
    if before is None or after is None:
        return None
    return for_display(after) - for_display(before)


@dataclass(frozen=True)
class DashboardData:
    index: Decimal | None
    self_index: Decimal | None
    predicate: str | None  # the band's name in the chosen language
    max_level: int  # the charts' scale runs from 0 to this
    dimensions: tuple[Score, ...]  # the radar's axes, in framework order
    bars: tuple[DimensionBars, ...]
    progress: Progress
    schedule: Schedule | None  # None when the session has no start time
    open_items: OpenItems
    previous: Previous | None = None  # the region's earlier session, when there is one


def _score(group: Group, agreed: ScoreCard, claimed: ScoreCard, language: str) -> Score:
    return Score(
        code=group.code,
        title=group.title.get(language),
        agreed=agreed.groups[group.code].value,
        self_assessed=claimed.groups[group.code].value,
    )


def progress_of(states: Mapping[str, IndicatorState]) -> Progress:
    statuses = [s.status for s in states.values()]
    return Progress(
        done=statuses.count("done"),
        in_discussion=statuses.count("in_discussion"),
        deferred=statuses.count("deferred"),
        not_started=statuses.count("not_started"),
    )


def open_items(ctx: Context, session_id: str) -> OpenItems:
    """Open clarifications and pending evidence, in framework order (then by time or date)."""
    with reading(ctx) as db:
        session = get(db, EvaluationSession, session_id)
        order = {i.code: n for n, i in enumerate(framework_of(session).indicators())}
        in_session = Assessment.session_id == session.id
        questions = db.execute(
            select(Assessment.indicator_code, Clarification.question, Clarification.asked_at)
            .join(Clarification)
            .where(in_session, Clarification.status == "open")
        ).all()
        promised = db.execute(
            select(Assessment.indicator_code, Evidence.title, Evidence.due_date)
            .join(Evidence)
            .where(in_session, Evidence.status == "pending")
        ).all()
    last = len(order)
    clarifications = sorted(
        (OpenClarification(code, question, asked_at) for code, question, asked_at in questions),
        key=lambda c: (order.get(c.indicator_code, last), c.asked_at),
    )
    evidence = sorted(
        (PendingEvidence(code, title, due) for code, title, due in promised),
        key=lambda e: (order.get(e.indicator_code, last), e.due_date or dt.date.max, e.title),
    )
    return OpenItems(tuple(clarifications), tuple(evidence))


def build_dashboard(
    overview: SessionOverview,
    states: Mapping[str, IndicatorState],
    items: OpenItems,
    language: str = "id",
    previous: Previous | None = None,
) -> DashboardData:
    """The dashboard from what the meeting window has already read (no queries)."""
    framework = overview.framework
    agreed, claimed = overview.scores, overview.self_scores
    bars = []
    for dimension in framework.dimensions:
        children = dimension.groups or [dimension]
        bars.append(
            DimensionBars(
                dimension=_score(dimension, agreed, claimed, language),
                bars=tuple(_score(g, agreed, claimed, language) for g in children),
            )
        )
    schedule = None
    if overview.starts_at is not None:
        schedule = Schedule(overview.starts_at, planned_end(overview.starts_at), overview.timezone)
    return DashboardData(
        index=agreed.index,
        self_index=claimed.index,
        predicate=agreed.predicate.name.get(language) if agreed.predicate else None,
        max_level=max(framework.level_values()),
        dimensions=tuple(bar.dimension for bar in bars),
        bars=tuple(bars),
        progress=progress_of(states),
        schedule=schedule,
        open_items=items,
        previous=previous,
    )


def dashboard_data(ctx: Context, session_id: str, language: str = "id") -> DashboardData:
    """Everything the dashboard shows for a session, read afresh."""
    overview = session_overview(ctx, session_id, language)
    return build_dashboard(
        overview,
        indicator_states(ctx, overview.id),
        open_items(ctx, overview.id),
        language,
        Previous.of(year_over_year(ctx, overview.id)),
    )
