"""The ORM classes of the records, mapped onto the Core tables of ``tables``.

Services that change records use these (the unit of work, the version counter,
the audit listeners); reads that need no objects use the tables directly.
"""

import datetime as dt
from typing import Any

from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    configure_mappers,
    declared_attr,
    deferred,
    relationship,
)

from evaluator_app.store import tables
from evaluator_app.store.tables import BOOKKEEPING, UTCDateTime, new_id, utc_now

__all__ = ["BOOKKEEPING", "RECORD_TYPES", "UTCDateTime", "new_id", "utc_now"]


class Base(DeclarativeBase):
    metadata = tables.metadata


class Record(Base):
    """Columns every mergeable record carries."""

    __abstract__ = True

    id: Mapped[str]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    updated_by: Mapped[str]
    version: Mapped[int]

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}


class FrameworkRecord(Record):
    """A framework as loaded; sessions point at the exact definition they used."""

    __tablename__ = "framework"
    __table__ = tables.framework_table

    code: Mapped[str]
    release: Mapped[str]
    title: Mapped[str]
    content_hash: Mapped[str]
    # Deferred: sessions find their parsed definition in a cache by content hash.
    definition: Mapped[dict[str, Any]] = deferred(tables.framework_table.c.definition)


class EvaluationSession(Record):
    __tablename__ = "session"
    __table__ = tables.session_table

    framework_id: Mapped[str]
    region: Mapped[str]
    stage: Mapped[int]
    year: Mapped[int]
    starts_at: Mapped[dt.datetime | None]
    timezone: Mapped[str]
    venue: Mapped[str]
    status: Mapped[str]
    evidence_deadline: Mapped[dt.date | None]
    document_number: Mapped[str]

    framework: Mapped["FrameworkRecord"] = relationship()
    participants: Mapped[list["Participant"]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="Participant.created_at"
    )
    assessments: Mapped[list["Assessment"]] = relationship(
        back_populates="session", cascade="all, delete-orphan"
    )
    findings: Mapped[list["Finding"]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="Finding.created_at"
    )
    signoffs: Mapped[list["SignOff"]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="SignOff.signed_at"
    )
    assignments: Mapped[list["Assignment"]] = relationship(
        back_populates="session", cascade="all, delete-orphan"
    )


class Participant(Record):
    __tablename__ = "participant"
    __table__ = tables.participant_table

    session_id: Mapped[str]
    name: Mapped[str]
    nip: Mapped[str | None]
    position: Mapped[str]
    organisation: Mapped[str]
    rank: Mapped[str]  # pangkat/golongan
    role: Mapped[str]
    present: Mapped[bool]

    session: Mapped["EvaluationSession"] = relationship(back_populates="participants")


class Assessment(Record):
    """One indicator in one session."""

    __tablename__ = "assessment"
    __table__ = tables.assessment_table

    session_id: Mapped[str]
    indicator_code: Mapped[str]
    self_level: Mapped[int | None]
    agreed_level: Mapped[int | None]
    not_applicable: Mapped[bool]
    na_reason: Mapped[str]
    status: Mapped[str]
    notes: Mapped[str]
    rationale: Mapped[str]  # why the agreed level

    session: Mapped["EvaluationSession"] = relationship(back_populates="assessments")
    ratings: Mapped[list["Rating"]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )
    clarifications: Mapped[list["Clarification"]] = relationship(
        back_populates="assessment",
        cascade="all, delete-orphan",
        order_by="Clarification.asked_at",
    )
    evidence: Mapped[list["Evidence"]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="Evidence.created_at"
    )


class Rating(Record):
    """One evaluator's own level for an indicator."""

    __tablename__ = "rating"
    __table__ = tables.rating_table

    assessment_id: Mapped[str]
    participant_id: Mapped[str]
    level: Mapped[int]

    assessment: Mapped["Assessment"] = relationship(back_populates="ratings")


class Clarification(Record):
    __tablename__ = "clarification"
    __table__ = tables.clarification_table

    assessment_id: Mapped[str]
    question: Mapped[str]
    answer: Mapped[str]
    asked_by_id: Mapped[str | None]
    answered_by_id: Mapped[str | None]
    asked_at: Mapped[dt.datetime]
    answered_at: Mapped[dt.datetime | None]
    status: Mapped[str]

    assessment: Mapped["Assessment"] = relationship(back_populates="clarifications")


class Evidence(Record):
    __tablename__ = "evidence"
    __table__ = tables.evidence_table

    assessment_id: Mapped[str]
    title: Mapped[str]
    kind: Mapped[str]  # file | link | seen
    sha256: Mapped[str | None]
    original_name: Mapped[str | None]
    size: Mapped[int | None]
    url: Mapped[str | None]
    status: Mapped[str]
    due_date: Mapped[dt.date | None]
    note: Mapped[str]

    assessment: Mapped["Assessment"] = relationship(back_populates="evidence")


class Finding(Record):
    __tablename__ = "finding"
    __table__ = tables.finding_table

    session_id: Mapped[str]
    indicator_code: Mapped[str | None]
    text: Mapped[str]
    recommendation: Mapped[str]
    agencies: Mapped[list[str]]
    priority: Mapped[str]
    due_date: Mapped[dt.date | None]

    session: Mapped["EvaluationSession"] = relationship(back_populates="findings")


class SignOff(Record):
    __tablename__ = "signoff"
    __table__ = tables.signoff_table

    session_id: Mapped[str]
    signer_id: Mapped[str | None]
    signed_at: Mapped[dt.datetime]
    snapshot_hash: Mapped[str]
    snapshot: Mapped[str]
    method: Mapped[str]
    signature: Mapped[bytes | None]
    certificate: Mapped[bytes | None]
    superseded: Mapped[bool]
    reopen_reason: Mapped[str]

    session: Mapped["EvaluationSession"] = relationship(back_populates="signoffs")


class Assignment(Record):
    """Which evaluator holds a dimension: scores and annotates its indicators.

    One holder per dimension; an evaluator may hold several.
    """

    __tablename__ = "assignment"
    __table__ = tables.assignment_table

    session_id: Mapped[str]
    dimension_code: Mapped[str]
    participant_id: Mapped[str]

    session: Mapped["EvaluationSession"] = relationship(back_populates="assignments")
    participant: Mapped["Participant"] = relationship()


class AuditEvent(Base):
    """One change to one field (or one record created/deleted), hash-chained per session.

    ``hash`` = SHA-256 of the previous event's hash and this event's canonical
    content, so that editing or removing an event breaks every later link.
    """

    __tablename__ = "audit_event"
    __table__ = tables.audit_event_table

    id: Mapped[str]
    session_id: Mapped[str | None]
    seq: Mapped[int]
    at: Mapped[dt.datetime]
    actor: Mapped[str]
    operation_id: Mapped[str]
    action: Mapped[str]
    target_operation_id: Mapped[str | None]
    record_type: Mapped[str]
    record_id: Mapped[str]
    change: Mapped[str]  # create | update | delete
    field: Mapped[str | None]
    old_value: Mapped[str | None]  # canonical JSON
    new_value: Mapped[str | None]
    prev_hash: Mapped[str]
    hash: Mapped[str]


RECORD_TYPES: dict[str, type[Record]] = {
    cls.__tablename__: cls
    for cls in (
        FrameworkRecord,
        EvaluationSession,
        Participant,
        Assessment,
        Rating,
        Clarification,
        Evidence,
        Finding,
        SignOff,
        Assignment,
    )
}


def configure() -> None:
    """Set the mappings up now (relationships, joins): otherwise the first ORM statement
    does, some 60 ms.  The meeting window opens with Core reads only and calls this
    once it shows (issue 9)."""
    configure_mappers()
