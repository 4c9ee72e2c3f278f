"""Year over year: the region's earlier session of the same framework, side by side.

"Earlier" is the newest session of the same region (compared without case and
surrounding spaces) and the same framework id (any version) held before this
one: an earlier year, or the same year at an earlier stage.  Indicators and
dimensions are matched by code; ``code_map`` (old code -> new code, None for
no counterpart) lets a mapping between two framework versions cross a
renumbering.  When the earlier session used another version, the mapping files
in the data folder supply it (``services.framework_mappings``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from evaluator_app.domain.framework_mapping import translate
from evaluator_app.domain.scoring import score_framework
from evaluator_app.services.framework_mappings import data_dir_of, version_code_map
from evaluator_app.services.frameworks import framework_of
from evaluator_app.services.operation import Context, looking
from evaluator_app.services.records import get, session_row
from evaluator_app.services.sessions import assessment_rows, session_overview
from evaluator_app.store import models, tables

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from evaluator_app.services.operation import Reader


@dataclass(frozen=True)
class ScoreChange:
    code: str
    before: Decimal | None
    after: Decimal | None

    @property
    def delta(self) -> Decimal | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class EarlierIndicator:
    agreed_level: int | None
    not_applicable: bool
    notes: str


@dataclass(frozen=True)
class YearOverYear:
    earlier_id: str
    earlier_year: int
    earlier_stage: int
    earlier_status: str
    index: ScoreChange
    dimensions: list[ScoreChange]  # in this session's framework order
    groups: dict[str, ScoreChange]  # every group (dimension, sub-dimension) by code
    indicators: dict[str, EarlierIndicator]  # by this session's indicator code


def _same_region(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _earlier_id(db: Session, session: models.EvaluationSession) -> str | None:
    """The rule of "earlier": same region and framework id, before."""
    return _earlier(
        db, session.id, session.framework.code, session.region, session.year, session.stage
    )


def _earlier(
    db: Reader, session_id: str, framework_code: str, region: str, year: int, stage: int
) -> str | None:
    sessions = tables.session_table
    frameworks = tables.framework_table
    rows = db.execute(
        select(sessions.c.id, sessions.c.region, sessions.c.year, sessions.c.stage)
        .join(frameworks, sessions.c.framework_id == frameworks.c.id)
        .where(frameworks.c.code == framework_code, sessions.c.id != session_id)
    ).all()
    earlier = [
        (year_, stage_, sid)
        for sid, region_, year_, stage_ in rows
        if _same_region(region_, region) and (year_, stage_) < (year, stage)
    ]
    return max(earlier)[2] if earlier else None


def earlier_session(ctx: Context, session_id: str) -> str | None:
    """The id of the region's previous session of the same framework, or None."""
    with looking(ctx) as db:
        session = session_row(db, session_id)  # Core: asked when the window opens
        return _earlier(
            db, session.id, session.framework_code, session.region, session.year, session.stage
        )


def previous_figures(db: Session, session: models.EvaluationSession) -> dict[str, Any] | None:
    """The previous session's index and group scores as the minutes freeze them:
    ``{"session_id", "year", "stage", "index", "groups": {code: value}}`` with the
    values as Decimals (as ``signoff.snapshot`` writes them); None when there is none.

    Scored the way the snapshot scores a session (agreed levels, N/A left out),
    on the earlier session's own framework; group codes are this session's when a
    mapping between the two versions is installed."""
    earlier_id = _earlier_id(db, session)
    if earlier_id is None:
        return None
    earlier = get(db, models.EvaluationSession, earlier_id)
    framework = framework_of(earlier)
    rows = earlier.assessments
    agreed = {a.indicator_code: a.agreed_level for a in rows if a.agreed_level is not None}
    na = {a.indicator_code for a in rows if a.not_applicable}
    scores = score_framework(framework, agreed, na)
    codes = version_code_map(data_dir_of(db), framework, framework_of(session)) or {}
    return {
        "session_id": earlier.id,
        "year": earlier.year,
        "stage": earlier.stage,
        "index": scores.index,
        "groups": translate({c: g.value for c, g in sorted(scores.groups.items())}, codes),
    }


def year_over_year(
    ctx: Context, session_id: str, code_map: Mapping[str, str | None] | None = None
) -> YearOverYear | None:
    """This session against the region's previous one; None when there is none.

    Without ``code_map``, the installed mapping between the two sessions'
    framework versions is used (codes match as they are when there is none)."""
    earlier_id = earlier_session(ctx, session_id)
    if earlier_id is None:
        return None
    now = session_overview(ctx, session_id)
    then = session_overview(ctx, earlier_id)
    if code_map is None:
        code_map = version_code_map(ctx.store.data_dir, then.framework, now.framework)
    mapped = dict(code_map or {})
    before_groups = translate({c: g.value for c, g in then.scores.groups.items()}, mapped)
    groups = {
        code: ScoreChange(code, before_groups.get(code), score.value)
        for code, score in now.scores.groups.items()
    }
    with looking(ctx) as db:
        rows = assessment_rows(db, earlier_id)
        indicators = translate(
            {
                a.indicator_code: EarlierIndicator(a.agreed_level, a.not_applicable, a.notes)
                for a in rows
            },
            mapped,
        )
    return YearOverYear(
        earlier_id=earlier_id,
        earlier_year=then.year,
        earlier_stage=then.stage,
        earlier_status=then.status,
        index=ScoreChange("index", then.scores.index, now.scores.index),
        dimensions=[groups[d.code] for d in now.scores.dimensions if d.code in groups],
        groups=groups,
        indicators=indicators,
    )
