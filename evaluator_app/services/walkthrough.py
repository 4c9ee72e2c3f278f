"""What the meeting window reads: each indicator's state, and one indicator in full.

Plain frozen rows, so that widgets never hold ORM objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, func, select

from evaluator_app.domain.framework import Framework
from evaluator_app.services.frameworks import framework_by_hash
from evaluator_app.services.operation import Context, looking, reading
from evaluator_app.services.records import assessment_of, get, session_row
from evaluator_app.services.sessions import SessionOverview, assessment_rows, overview_of
from evaluator_app.store import models, tables

if TYPE_CHECKING:
    from evaluator_app.services.operation import Reader


@dataclass(frozen=True)
class IndicatorState:
    code: str
    status: str  # not_started | in_discussion | done | deferred
    not_applicable: bool
    agreed_level: int | None
    self_level: int | None
    notes: str
    open_clarifications: int
    pending_evidence: int
    rating_spread: int  # highest minus lowest evaluator rating; 0 with fewer than two

    @property
    def state(self) -> str:
        """What the navigator shows: the status, or "na"."""
        return "na" if self.not_applicable else self.status

    @property
    def settled(self) -> bool:
        return self.not_applicable or self.agreed_level is not None


def indicator_states(ctx: Context, session_id: str) -> dict[str, IndicatorState]:
    """Every indicator of a session by code, in the framework's order, in four queries."""
    with looking(ctx) as db:
        session = session_row(db, session_id)
        framework = framework_by_hash(db, session.framework_id, session.content_hash)
        return _states(db, session.id, framework, assessment_rows(db, session.id))


def meeting_state(
    ctx: Context, session_id: str, language: str = "id"
) -> tuple[SessionOverview, dict[str, IndicatorState]]:
    """The overview and every indicator's state, read together: what the meeting
    window reads when it opens and after each change (Core only, see records.py)."""
    with looking(ctx) as db:
        session = session_row(db, session_id)
        rows = assessment_rows(db, session.id)
        overview = overview_of(db, session, rows, language)
        return overview, _states(db, session.id, overview.framework, rows)


_ASSESSMENTS = tables.assessment_table
_CLARIFICATIONS = tables.clarification_table
_EVIDENCE = tables.evidence_table
_RATINGS = tables.rating_table


def _per_indicator(
    db: Reader, session_id: str, child: Table, value: Any, *where: Any
) -> dict[str, int]:
    query = (
        select(_ASSESSMENTS.c.indicator_code, value)
        .join(child, child.c.assessment_id == _ASSESSMENTS.c.id)
        .where(_ASSESSMENTS.c.session_id == session_id, *where)
        .group_by(_ASSESSMENTS.c.indicator_code)
    )
    return {code: int(n or 0) for code, n in db.execute(query).all()}


def _states(
    db: Reader, session_id: str, framework: Framework, rows: list[Any]
) -> dict[str, IndicatorState]:
    order = {i.code: n for n, i in enumerate(framework.indicators())}
    open_questions = _per_indicator(
        db, session_id, _CLARIFICATIONS, func.count(), _CLARIFICATIONS.c.status == "open"
    )
    pending = _per_indicator(
        db, session_id, _EVIDENCE, func.count(), _EVIDENCE.c.status == "pending"
    )
    spread = _per_indicator(
        db, session_id, _RATINGS, func.max(_RATINGS.c.level) - func.min(_RATINGS.c.level)
    )
    return {
        a.indicator_code: IndicatorState(
            code=a.indicator_code,
            status=a.status,
            not_applicable=a.not_applicable,
            agreed_level=a.agreed_level,
            self_level=a.self_level,
            notes=a.notes,
            open_clarifications=open_questions.get(a.indicator_code, 0),
            pending_evidence=pending.get(a.indicator_code, 0),
            rating_spread=spread.get(a.indicator_code, 0),
        )
        for a in sorted(rows, key=lambda a: order.get(a.indicator_code, len(order)))
    }


@dataclass(frozen=True)
class ClarificationRow:
    id: str
    question: str
    answer: str
    status: str  # open | answered
    asked_by_id: str | None
    asked_by: str | None
    answered_by_id: str | None
    answered_by: str | None
    asked_at: dt.datetime
    answered_at: dt.datetime | None


@dataclass(frozen=True)
class EvidenceRow:
    id: str
    title: str
    kind: str  # file | link | seen
    status: str  # provided | accepted | rejected | pending
    sha256: str | None
    original_name: str | None
    size: int | None
    url: str | None
    due_date: dt.date | None
    note: str

    @property
    def has_file(self) -> bool:
        return self.sha256 is not None


@dataclass(frozen=True)
class FindingRow:
    id: str
    text: str
    recommendation: str
    indicator_code: str | None
    agencies: tuple[str, ...]
    priority: str
    due_date: dt.date | None


@dataclass(frozen=True)
class RatingRow:
    participant_id: str
    name: str
    level: int


@dataclass(frozen=True)
class IndicatorDetail:
    state: IndicatorState
    na_reason: str
    rationale: str
    clarifications: list[ClarificationRow]
    evidence: list[EvidenceRow]
    findings: list[FindingRow]
    ratings: list[RatingRow]


def _finding_row(f: models.Finding) -> FindingRow:
    return FindingRow(
        f.id,
        f.text,
        f.recommendation,
        f.indicator_code,
        tuple(f.agencies or ()),
        f.priority,
        f.due_date,
    )


def _state_of(assessment: models.Assessment) -> IndicatorState:
    """What ``indicator_states`` says of one assessment, from its loaded children."""
    levels = [r.level for r in assessment.ratings]
    return IndicatorState(
        code=assessment.indicator_code,
        status=assessment.status,
        not_applicable=assessment.not_applicable,
        agreed_level=assessment.agreed_level,
        self_level=assessment.self_level,
        notes=assessment.notes,
        open_clarifications=sum(1 for c in assessment.clarifications if c.status == "open"),
        pending_evidence=sum(1 for e in assessment.evidence if e.status == "pending"),
        rating_spread=max(levels) - min(levels) if levels else 0,
    )


def indicator_detail(ctx: Context, session_id: str, code: str) -> IndicatorDetail:
    """One indicator with its clarifications, evidence, findings and ratings.

    Read on every switch in the meeting window: its state comes from this one
    assessment's children, not from every indicator's state of the session (issue 9).
    """
    with reading(ctx) as db:
        session = get(db, models.EvaluationSession, session_id)
        assessment = assessment_of(db, session, code)
        names = dict(
            db.execute(
                select(models.Participant.id, models.Participant.name).where(
                    models.Participant.session_id == session.id
                )
            ).all()
        )
        findings = db.scalars(
            select(models.Finding)
            .where(models.Finding.session_id == session.id, models.Finding.indicator_code == code)
            .order_by(models.Finding.created_at)
        )
        return IndicatorDetail(
            state=_state_of(assessment),
            na_reason=assessment.na_reason,
            rationale=assessment.rationale,
            clarifications=[
                ClarificationRow(
                    c.id,
                    c.question,
                    c.answer,
                    c.status,
                    c.asked_by_id,
                    names.get(c.asked_by_id or ""),
                    c.answered_by_id,
                    names.get(c.answered_by_id or ""),
                    c.asked_at,
                    c.answered_at,
                )
                for c in assessment.clarifications
            ],
            evidence=[
                EvidenceRow(
                    e.id,
                    e.title,
                    e.kind,
                    e.status,
                    e.sha256,
                    e.original_name,
                    e.size,
                    e.url,
                    e.due_date,
                    e.note,
                )
                for e in assessment.evidence
            ],
            findings=[_finding_row(f) for f in findings],
            ratings=sorted(
                (
                    RatingRow(r.participant_id, names.get(r.participant_id, "?"), r.level)
                    for r in assessment.ratings
                ),
                key=lambda r: r.name,
            ),
        )


def session_findings(ctx: Context, session_id: str) -> list[FindingRow]:
    """Every finding of a session, in the order they were made."""
    with reading(ctx) as db:
        session_id = get(db, models.EvaluationSession, session_id).id
        return [
            _finding_row(f)
            for f in db.scalars(
                select(models.Finding)
                .where(models.Finding.session_id == session_id)
                .order_by(models.Finding.created_at)
            )
        ]


def known_agencies(ctx: Context, session_id: str) -> list[str]:
    """Agencies to offer when addressing a finding: the city's organisations in the
    attendance (not the evaluators') and the agencies already named in findings."""
    with reading(ctx) as db:
        session_id = get(db, models.EvaluationSession, session_id).id
        organisations = db.scalars(
            select(models.Participant.organisation).where(
                models.Participant.session_id == session_id,
                models.Participant.role.not_in(("lead_evaluator", "evaluator")),
            )
        ).all()
        used = [
            a
            for f in db.scalars(
                select(models.Finding).where(models.Finding.session_id == session_id)
            )
            for a in f.agencies or ()
        ]
    names = [name.strip() for name in [*organisations, *used] if name and name.strip()]
    return sorted(set(names), key=str.casefold)
