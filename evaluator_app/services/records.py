"""Finding records for a service, and the rule that signed work is read-only."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from evaluator_app.i18n import N_, _
from evaluator_app.services.errors import InvalidInput, NotFound, SessionLocked
from evaluator_app.store.models import Assessment, EvaluationSession, Record

R = TypeVar("R", bound=Record)

EDITABLE_STATUSES = frozenset({"draft", "in_progress", "awaiting_signoff", "amended"})

# A kind of record as a message names it (keyed by table name).
_RECORD_NAMES = {
    "framework": N_("framework"),
    "session": N_("session"),
    "participant": N_("participant"),
    "assessment": N_("assessment"),
    "rating": N_("rating"),
    "clarification": N_("clarification"),
    "evidence": N_("evidence"),
    "finding": N_("finding"),
    "signoff": N_("sign-off"),
    "assignment": N_("assignment"),
    "audit_event": N_("audit event"),
}


def record_name(table: str) -> str:
    """``"clarification"`` -> "klarifikasi" in Indonesian; unknown tables as they are."""
    return _(_RECORD_NAMES[table]) if table in _RECORD_NAMES else table


def resolve_id(db: Session, model: type[R], given: str) -> str:
    """A full id, or a unique prefix of at least 4 characters (as git allows)."""
    given = given.strip().lower()
    label = record_name(model.__tablename__)
    if not given or any(c not in "0123456789abcdef-" for c in given):
        raise NotFound(_("no {label} with id {given!r}").format(label=label, given=given))
    if len(given) == 36:
        return given
    if len(given) < 4:
        raise InvalidInput(
            _("{label} id {given!r} is too short; give at least 4 characters").format(
                label=label, given=given
            )
        )
    ids = db.scalars(
        select(model.id).where(model.id.startswith(given, autoescape=True)).limit(2)
    ).all()
    if not ids:
        raise NotFound(_("no {label} with id {given!r}").format(label=label, given=given))
    if len(ids) > 1:
        raise InvalidInput(
            _("{label} id {given!r} is ambiguous; give more characters").format(
                label=label, given=given
            )
        )
    return ids[0]


def get(db: Session, model: type[R], record_id: str) -> R:
    record = db.get(model, resolve_id(db, model, record_id))
    if record is None:
        raise NotFound(
            _("no {tablename} with id {record_id!r}").format(
                tablename=model.__tablename__, record_id=record_id
            )
        )
    return record


def ensure_editable(session: EvaluationSession) -> None:
    if session.status not in EDITABLE_STATUSES:
        raise SessionLocked(
            _(
                "session {session_id} ({region} {year}) is signed and cannot "
                "be changed; reopen it with a reason to make an amendment"
            ).format(session_id=session.id[:8], region=session.region, year=session.year)
        )


def editable_session(db: Session, session_id: str) -> EvaluationSession:
    session = get(db, EvaluationSession, session_id)
    ensure_editable(session)
    return session


def assessment_of(db: Session, session: EvaluationSession, indicator_code: str) -> Assessment:
    assessment = db.scalars(
        select(Assessment).where(
            Assessment.session_id == session.id, Assessment.indicator_code == indicator_code
        )
    ).first()
    if assessment is None:
        raise NotFound(
            _(
                "indicator {indicator_code!r} is not in the framework of session {session_id}"
            ).format(indicator_code=indicator_code, session_id=session.id[:8])
        )
    return assessment
