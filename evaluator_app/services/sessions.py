"""Evaluation sessions: create, edit the details, list, and the overview with scores."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import case, func, select

from evaluator_app.domain.framework import Framework
from evaluator_app.domain.scoring import ScoreCard, for_display, score_framework
from evaluator_app.i18n import N_, _
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.frameworks import (
    find_framework,
    framework_by_hash,
    record_for,
)
from evaluator_app.services.operation import Context, looking, operation
from evaluator_app.services.records import SessionFields, editable_session, session_row
from evaluator_app.store import models, tables

if TYPE_CHECKING:
    from evaluator_app.services.operation import Reader

STATUSES = ("draft", "in_progress", "awaiting_signoff", "signed", "amended")
# Each status as a message names it.
_STATUS_NAMES = {
    "draft": N_("draft"),
    "in_progress": N_("in progress"),
    "awaiting_signoff": N_("awaiting sign-off"),
    "signed": N_("signed"),
    "amended": N_("amended"),
}


def status_name(status: str) -> str:
    """``"in_progress"`` in words of the current language; an unknown status as it is."""
    return _(_STATUS_NAMES[status]) if status in _STATUS_NAMES else status


# Moves a person may make by hand; "signed" and "amended" come from sign-off.
MANUAL_MOVES = {
    "draft": {"in_progress"},
    "in_progress": {"draft", "awaiting_signoff"},
    "awaiting_signoff": {"in_progress"},
    "amended": {"awaiting_signoff"},
}


@dataclass(frozen=True)
class SessionDetails:
    region: str | None = None
    stage: int | None = None
    year: int | None = None
    starts_at: dt.datetime | None = None
    timezone: str | None = None
    venue: str | None = None
    evidence_deadline: dt.date | None = None
    document_number: str | None = None


def _check_details(details: SessionDetails) -> None:
    if details.region is not None and not details.region.strip():
        raise InvalidInput(_("the region must not be empty"))
    if details.stage is not None and details.stage not in (1, 2):
        raise InvalidInput(_("stage must be 1 or 2, not {stage}").format(stage=details.stage))
    if details.year is not None and not 2000 <= details.year <= 2100:
        raise InvalidInput(_("year {year} is outside 2000–2100").format(year=details.year))
    if details.starts_at is not None and details.starts_at.tzinfo is None:
        raise InvalidInput(_("the start time needs a time zone"))
    if details.starts_at is not None and not 2000 <= details.starts_at.year <= 2100:
        raise InvalidInput(
            _("the start time {starts_at:%Y-%m-%d} is outside 2000–2100").format(
                starts_at=details.starts_at
            )
        )
    if details.evidence_deadline is not None and not 2000 <= details.evidence_deadline.year <= 2100:
        raise InvalidInput(
            _("the evidence deadline {evidence_deadline} is outside 2000–2100").format(
                evidence_deadline=details.evidence_deadline
            )
        )
    if details.timezone is not None:
        try:
            ZoneInfo(details.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidInput(
                _("unknown time zone {timezone!r}").format(timezone=details.timezone)
            ) from None


def _apply(session: models.EvaluationSession, details: SessionDetails) -> None:
    for name, value in vars(details).items():
        if value is not None:
            setattr(session, name, value.strip() if isinstance(value, str) else value)


def create_session(
    ctx: Context,
    framework_id: str,
    details: SessionDetails,
    framework_version: str | None = None,
) -> str:
    """A new session on a framework, one assessment per indicator; returns its id."""
    if not details.region or details.year is None:
        raise InvalidInput(_("a session needs a region and a year"))
    _check_details(details)
    framework = find_framework(ctx.store.data_dir, framework_id, framework_version)
    with operation(ctx, "create_session") as op:
        session = models.EvaluationSession(framework=record_for(op.db, framework), status="draft")
        _apply(session, details)
        op.db.add(session)
        op.db.flush()
        op.session_id = session.id
        for indicator in framework.indicators():
            op.db.add(models.Assessment(session_id=session.id, indicator_code=indicator.code))
        return session.id


def edit_session(ctx: Context, session_id: str, details: SessionDetails) -> None:
    _check_details(details)
    with operation(ctx, "edit_session") as op:
        session = editable_session(op.db, session_id)
        op.session_id = session.id
        _apply(session, details)


def set_session_status(ctx: Context, session_id: str, status: str) -> None:
    with operation(ctx, "set_session_status") as op:
        session = editable_session(op.db, session_id)
        op.session_id = session.id
        if status == session.status:
            return
        if status not in MANUAL_MOVES.get(session.status, set()):
            raise InvalidInput(
                _("a session cannot move from {current} to {status} by hand").format(
                    current=status_name(session.status), status=status_name(status)
                )
            )
        session.status = status


# --- reading --------------------------------------------------------------


@dataclass(frozen=True)
class SessionRow:
    id: str
    framework_id: str
    region: str
    stage: int
    year: int
    starts_at: dt.datetime | None
    timezone: str
    status: str
    done: int
    total: int

    @property
    def local_start(self) -> dt.datetime | None:
        return self.starts_at.astimezone(ZoneInfo(self.timezone)) if self.starts_at else None


def _settled(db: Reader, session_id: str | None = None) -> dict[str, tuple[int, int]]:
    assessments = tables.assessment_table
    settled = assessments.c.agreed_level.is_not(None) | assessments.c.not_applicable
    query = select(
        assessments.c.session_id,
        func.count(),
        func.sum(case((settled, 1), else_=0)),
    ).group_by(assessments.c.session_id)
    if session_id:
        query = query.where(assessments.c.session_id == session_id)
    return {sid: (int(done or 0), int(total)) for sid, total, done in db.execute(query)}


def list_sessions(ctx: Context) -> list[SessionRow]:
    """Every session, newest first, with its progress."""
    # Core, not ORM objects: the archive of 500 sessions is listed at every start,
    # before the ORM is loaded.
    sessions, frameworks = tables.session_table, tables.framework_table
    with looking(ctx) as db:
        progress = _settled(db)
        rows = db.execute(
            select(
                sessions.c.id,
                frameworks.c.code,
                sessions.c.region,
                sessions.c.stage,
                sessions.c.year,
                sessions.c.starts_at,
                sessions.c.timezone,
                sessions.c.status,
            )
            .join(frameworks, frameworks.c.id == sessions.c.framework_id)
            .order_by(sessions.c.year.desc(), sessions.c.created_at.desc())
        )
        return [SessionRow(*row, *progress.get(row.id, (0, 0))) for row in rows]


@dataclass(frozen=True)
class ParticipantRow:
    id: str
    name: str
    nip: str | None
    position: str
    organisation: str
    role: str
    present: bool
    rank: str = ""

    @classmethod
    def of(cls, participant: models.Participant) -> ParticipantRow:
        p = participant
        return cls(p.id, p.name, p.nip, p.position, p.organisation, p.role, p.present, p.rank)


@dataclass(frozen=True)
class DimensionRow:
    code: str
    title: str
    score: Decimal | None
    indicators: int
    done: int


@dataclass(frozen=True)
class SessionOverview:
    id: str
    framework: Framework
    region: str
    stage: int
    year: int
    starts_at: dt.datetime | None
    timezone: str
    venue: str
    status: str
    evidence_deadline: dt.date | None
    document_number: str
    scores: ScoreCard
    self_scores: ScoreCard
    dimensions: list[DimensionRow]
    participants: list[ParticipantRow]

    @property
    def done(self) -> int:
        return self.scores.done

    @property
    def local_start(self) -> dt.datetime | None:
        """The start in the session's own time zone (stored in UTC)."""
        return self.starts_at.astimezone(ZoneInfo(self.timezone)) if self.starts_at else None

    @property
    def total(self) -> int:
        return self.scores.indicators

    def to_json(self, language: str = "id") -> dict[str, object]:
        """The overview as a script reads it (``session show --json``)."""
        index = self.scores.index
        predicate = self.scores.predicate
        return {
            "id": self.id,
            "framework": {
                "id": self.framework.id,
                "version": self.framework.version,
                "title": self.framework.title.get(language),
            },
            "region": self.region,
            "stage": self.stage,
            "year": self.year,
            "starts_at": self.local_start.isoformat() if self.local_start else None,
            "timezone": self.timezone,
            "venue": self.venue,
            "status": self.status,
            "evidence_deadline": self.evidence_deadline.isoformat()
            if self.evidence_deadline
            else None,
            "document_number": self.document_number,
            "index": _number(index),
            "index_exact": None if index is None else str(index),
            "predicate": predicate.name.get(language) if predicate else None,
            "progress": {
                "done": self.done,
                "total": self.total,
                "percent": round(100 * self.done / self.total, 1) if self.total else 0.0,
            },
            "dimensions": [
                {
                    "code": d.code,
                    "title": d.title,
                    "score": _number(d.score),
                    "indicators": d.indicators,
                    "done": d.done,
                }
                for d in self.dimensions
            ],
            "participants": [asdict(p) for p in self.participants],
        }


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(for_display(value))


def session_overview(ctx: Context, session_id: str, language: str = "id") -> SessionOverview:
    with looking(ctx) as db:
        session = session_row(db, session_id)
        return overview_of(db, session, assessment_rows(db, session.id), language)


_ASSESSMENTS = tables.assessment_table
_PARTICIPANTS = tables.participant_table
# What the overview and the navigator need of each assessment (Core, see records.py).
_ASSESSMENT_ROWS = select(
    _ASSESSMENTS.c.indicator_code,
    _ASSESSMENTS.c.status,
    _ASSESSMENTS.c.not_applicable,
    _ASSESSMENTS.c.agreed_level,
    _ASSESSMENTS.c.self_level,
    _ASSESSMENTS.c.notes,
)
_PARTICIPANT_ROWS = select(
    _PARTICIPANTS.c.id,
    _PARTICIPANTS.c.name,
    _PARTICIPANTS.c.nip,
    _PARTICIPANTS.c.position,
    _PARTICIPANTS.c.organisation,
    _PARTICIPANTS.c.role,
    _PARTICIPANTS.c.present,
    _PARTICIPANTS.c.rank,
).order_by(_PARTICIPANTS.c.created_at)


def assessment_rows(db: Reader, session_id: str) -> list[Any]:
    """Every assessment of the session: indicator code, status, N/A, agreed and self
    level, notes."""
    query = _ASSESSMENT_ROWS.where(_ASSESSMENTS.c.session_id == session_id)
    return list(db.execute(query).all())


def overview_of(
    db: Reader, session: SessionFields, rows: list[Any], language: str = "id"
) -> SessionOverview:
    """The overview of ``session`` from its ``assessment_rows``."""
    framework = framework_by_hash(db, session.framework_id, session.content_hash)
    agreed = {a.indicator_code: a.agreed_level for a in rows if a.agreed_level is not None}
    claimed = {a.indicator_code: a.self_level for a in rows if a.self_level is not None}
    na = {a.indicator_code for a in rows if a.not_applicable}
    scores = score_framework(framework, agreed, na)
    people = db.execute(_PARTICIPANT_ROWS.where(_PARTICIPANTS.c.session_id == session.id))
    return SessionOverview(
        id=session.id,
        framework=framework,
        region=session.region,
        stage=session.stage,
        year=session.year,
        starts_at=session.starts_at,
        timezone=session.timezone,
        venue=session.venue,
        status=session.status,
        evidence_deadline=session.evidence_deadline,
        document_number=session.document_number,
        scores=scores,
        self_scores=score_framework(framework, claimed, na),
        dimensions=[
            DimensionRow(d.code, d.title.get(language), s.value, s.indicators, s.done)
            for d, s in zip(framework.dimensions, scores.dimensions, strict=True)
        ],
        participants=[ParticipantRow(*person) for person in people],
    )
