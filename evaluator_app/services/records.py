"""Finding records for a service, and the rule that signed work is read-only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy import Table, select

from evaluator_app.i18n import N_, _
from evaluator_app.services.errors import InvalidInput, NotFound, SessionLocked
from evaluator_app.store import models, tables

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.orm import Session

    from evaluator_app.services.operation import Reader

R = TypeVar("R", bound="models.Record")

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


def resolve_id(db: Reader, kind: Table | type[models.Record], given: str) -> str:
    """A full id, or a unique prefix of at least 4 characters (as git allows), of a
    record of ``kind`` (an ORM class, or its table for a read without the ORM)."""
    table = kind if isinstance(kind, Table) else cast(Table, kind.__table__)
    given = given.strip().lower()
    if not given or any(c not in "0123456789abcdef-" for c in given):
        raise NotFound(_("no {label} with id {given!r}").format(label=_label(table), given=given))
    if len(given) == 36:
        return given
    if len(given) < 4:
        raise InvalidInput(
            _("{label} id {given!r} is too short; give at least 4 characters").format(
                label=_label(table), given=given
            )
        )
    ids = db.scalars(
        select(table.c.id).where(table.c.id.startswith(given, autoescape=True)).limit(2)
    ).all()
    if not ids:
        raise NotFound(_("no {label} with id {given!r}").format(label=_label(table), given=given))
    if len(ids) > 1:
        raise InvalidInput(
            _("{label} id {given!r} is ambiguous; give more characters").format(
                label=_label(table), given=given
            )
        )
    return str(ids[0])


def _label(table: Table) -> str:
    # Only for a message: translating looks the language up.
    return record_name(table.name)


def get(db: Session, model: type[R], record_id: str) -> R:
    record = db.get(model, resolve_id(db, model, record_id))
    if record is None:
        raise _no_record(model.__tablename__, record_id)
    return record


def record_row(db: Reader, table: Table, record_id: str, *columns: Any) -> Row[Any]:
    """``get`` without the ORM: ``columns`` of the record (a full id or a unique
    prefix) of ``table``; NotFound if none."""
    found = resolve_id(db, table, record_id)
    row = db.execute(select(*columns).where(table.c.id == found)).first()
    if row is None:
        raise _no_record(table.name, record_id)
    return row


def _no_record(table_name: str, record_id: str) -> NotFound:
    return NotFound(
        _("no {tablename} with id {record_id!r}").format(
            tablename=record_name(table_name), record_id=record_id
        )
    )


@dataclass(frozen=True)
class SessionFacts:
    """What a change to a session's records needs of it, read without the ORM."""

    id: str
    status: str
    region: str
    year: int
    framework_id: str
    content_hash: str  # of the framework definition


def ensure_editable(session: models.EvaluationSession | SessionFacts) -> None:
    if session.status not in EDITABLE_STATUSES:
        raise SessionLocked(
            _(
                "session {session_id} ({region} {year}) is signed and cannot "
                "be changed; reopen it with a reason to make an amendment"
            ).format(session_id=session.id[:8], region=session.region, year=session.year)
        )


def editable_session(db: Session, session_id: str) -> models.EvaluationSession:
    session = get(db, models.EvaluationSession, session_id)
    ensure_editable(session)
    return session


def assessment_of(
    db: Session, session: models.EvaluationSession, indicator_code: str
) -> models.Assessment:
    assessment = db.scalars(
        select(models.Assessment).where(
            models.Assessment.session_id == session.id,
            models.Assessment.indicator_code == indicator_code,
        )
    ).first()
    if assessment is None:
        raise not_in_framework(indicator_code, session.id)
    return assessment


def not_in_framework(indicator_code: str, session_id: str) -> NotFound:
    return NotFound(
        _("indicator {indicator_code!r} is not in the framework of session {session_id}").format(
            indicator_code=indicator_code, session_id=session_id[:8]
        )
    )


# --- the same through Core, for the changes made most often in a meeting (issue 9) ---


def editable_session_row(db: Session, session_id: str) -> SessionFacts:
    """A session that may be changed: its id, status, region, year, framework id and
    the framework's content hash, in one statement and no ORM object."""
    found = resolve_id(db, models.EvaluationSession, session_id)
    row = db.execute(
        select(
            models.EvaluationSession.id,
            models.EvaluationSession.status,
            models.EvaluationSession.region,
            models.EvaluationSession.year,
            models.EvaluationSession.framework_id,
            models.FrameworkRecord.content_hash,
        )
        .join(
            models.FrameworkRecord,
            models.FrameworkRecord.id == models.EvaluationSession.framework_id,
        )
        .where(models.EvaluationSession.id == found)
    ).first()
    if row is None:
        raise _no_record(SESSIONS.name, session_id)
    facts = SessionFacts(*row)
    ensure_editable(facts)
    return facts


# --- what the meeting window reads when it opens, through Core -----------------
# Plain table columns: an ORM statement would configure every mapper first, some
# 60 ms of start-up on this machine, better spent after the window shows (issue 9).

SESSIONS = tables.session_table
FRAMEWORKS = tables.framework_table


@dataclass(frozen=True)
class SessionFields:
    """A session's own columns and its framework's id, code and content hash."""

    id: str
    framework_id: str
    framework_code: str
    content_hash: str
    region: str
    stage: int
    year: int
    starts_at: dt.datetime | None
    timezone: str
    venue: str
    status: str
    evidence_deadline: dt.date | None
    document_number: str


_SESSION_ROW = select(
    SESSIONS.c.id,
    SESSIONS.c.framework_id,
    FRAMEWORKS.c.code.label("framework_code"),
    FRAMEWORKS.c.content_hash,
    SESSIONS.c.region,
    SESSIONS.c.stage,
    SESSIONS.c.year,
    SESSIONS.c.starts_at,
    SESSIONS.c.timezone,
    SESSIONS.c.venue,
    SESSIONS.c.status,
    SESSIONS.c.evidence_deadline,
    SESSIONS.c.document_number,
).join(FRAMEWORKS, FRAMEWORKS.c.id == SESSIONS.c.framework_id)


def session_row(db: Reader, session_id: str) -> SessionFields:
    """The session (a full id or a unique prefix) as ``SessionFields``; NotFound if none."""
    found = resolve_id(db, SESSIONS, session_id)  # no query for a full id
    row = db.execute(_SESSION_ROW.where(SESSIONS.c.id == found)).first()
    if row is None:
        raise _no_record(SESSIONS.name, session_id)
    return SessionFields(**row._mapping)
