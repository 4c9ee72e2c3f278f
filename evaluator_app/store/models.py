"""The records of DESIGN.md "Data", as SQLAlchemy 2 typed models.

Every record has a UUID key (stable across laptops), created/updated times, who
updated it last and a version counter that SQLAlchemy bumps on each update
(merge compares these).  Types are portable: nothing here is SQLite-only.
"""

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, configure_mappers, mapped_column, relationship


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores naive UTC, returns aware UTC, refuses naive input."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware one")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    pass


class Record(Base):
    """Columns every mergeable record carries."""

    __abstract__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now, onupdate=utc_now)
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)


# Fields that bookkeeping changes, not people: left out of the audit trail.
BOOKKEEPING = frozenset({"created_at", "updated_at", "updated_by", "version"})


class FrameworkRecord(Record):
    """A framework as loaded; sessions point at the exact definition they used."""

    __tablename__ = "framework"
    __table_args__ = (UniqueConstraint("content_hash"),)

    code: Mapped[str] = mapped_column(String(100), index=True)
    release: Mapped[str] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(String(300))
    content_hash: Mapped[str] = mapped_column(String(64))
    # Deferred: sessions find their parsed definition in a cache by content hash.
    definition: Mapped[dict[str, Any]] = mapped_column(JSON, deferred=True)


class EvaluationSession(Record):
    __tablename__ = "session"

    framework_id: Mapped[str] = mapped_column(ForeignKey("framework.id"))
    region: Mapped[str] = mapped_column(String(200))
    stage: Mapped[int] = mapped_column(Integer, default=2)
    year: Mapped[int] = mapped_column(Integer)
    starts_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Jakarta")
    venue: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    evidence_deadline: Mapped[dt.date | None] = mapped_column(Date)
    document_number: Mapped[str] = mapped_column(String(100), default="")

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

    session_id: Mapped[str] = mapped_column(ForeignKey("session.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    nip: Mapped[str | None] = mapped_column(String(18))
    position: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    rank: Mapped[str] = mapped_column(String(100), default="")  # pangkat/golongan
    role: Mapped[str] = mapped_column(String(30))
    present: Mapped[bool] = mapped_column(Boolean, default=True)

    session: Mapped["EvaluationSession"] = relationship(back_populates="participants")


class Assessment(Record):
    """One indicator in one session."""

    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("session_id", "indicator_code"),)

    session_id: Mapped[str] = mapped_column(ForeignKey("session.id"), index=True)
    indicator_code: Mapped[str] = mapped_column(String(50))
    self_level: Mapped[int | None] = mapped_column(Integer)
    agreed_level: Mapped[int | None] = mapped_column(Integer)
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False)
    na_reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    notes: Mapped[str] = mapped_column(Text, default="")
    rationale: Mapped[str] = mapped_column(Text, default="")  # why the agreed level

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
    __table_args__ = (UniqueConstraint("assessment_id", "participant_id"),)

    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id"), index=True)
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"))
    level: Mapped[int] = mapped_column(Integer)

    assessment: Mapped["Assessment"] = relationship(back_populates="ratings")


class Clarification(Record):
    __tablename__ = "clarification"

    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id"), index=True)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text, default="")
    asked_by_id: Mapped[str | None] = mapped_column(ForeignKey("participant.id"))
    answered_by_id: Mapped[str | None] = mapped_column(ForeignKey("participant.id"))
    asked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    answered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default="open")

    assessment: Mapped["Assessment"] = relationship(back_populates="clarifications")


class Evidence(Record):
    __tablename__ = "evidence"

    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(10))  # file | link | seen
    sha256: Mapped[str | None] = mapped_column(String(64))
    original_name: Mapped[str | None] = mapped_column(String(300))
    size: Mapped[int | None] = mapped_column(Integer)
    url: Mapped[str | None] = mapped_column(String(2000))
    status: Mapped[str] = mapped_column(String(10), default="provided")
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    assessment: Mapped["Assessment"] = relationship(back_populates="evidence")


class Finding(Record):
    __tablename__ = "finding"

    session_id: Mapped[str] = mapped_column(ForeignKey("session.id"), index=True)
    indicator_code: Mapped[str | None] = mapped_column(String(50))
    text: Mapped[str] = mapped_column(Text)
    recommendation: Mapped[str] = mapped_column(Text, default="")
    agencies: Mapped[list[str]] = mapped_column(JSON, default=list)
    priority: Mapped[str] = mapped_column(String(10), default="medium")
    due_date: Mapped[dt.date | None] = mapped_column(Date)

    session: Mapped["EvaluationSession"] = relationship(back_populates="findings")


class SignOff(Record):
    __tablename__ = "signoff"

    session_id: Mapped[str] = mapped_column(ForeignKey("session.id"), index=True)
    signer_id: Mapped[str | None] = mapped_column(ForeignKey("participant.id"))
    signed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    snapshot_hash: Mapped[str] = mapped_column(String(64))
    snapshot: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(30), default="recorded")
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    certificate: Mapped[bytes | None] = mapped_column(LargeBinary)
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)
    reopen_reason: Mapped[str] = mapped_column(Text, default="")

    session: Mapped["EvaluationSession"] = relationship(back_populates="signoffs")


class Assignment(Record):
    """Which evaluator holds a dimension: scores and annotates its indicators.

    One holder per dimension; an evaluator may hold several.
    """

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("session_id", "dimension_code"),)

    session_id: Mapped[str] = mapped_column(ForeignKey("session.id"), index=True)
    dimension_code: Mapped[str] = mapped_column(String(50))
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"))

    session: Mapped["EvaluationSession"] = relationship(back_populates="assignments")
    participant: Mapped["Participant"] = relationship()


class AuditEvent(Base):
    """One change to one field (or one record created/deleted), hash-chained per session.

    ``hash`` = SHA-256 of the previous event's hash and this event's canonical
    content, so that editing or removing an event breaks every later link.
    """

    __tablename__ = "audit_event"
    __table_args__ = (UniqueConstraint("session_id", "seq"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    session_id: Mapped[str | None] = mapped_column(String(36), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(200))
    operation_id: Mapped[str] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(60))
    target_operation_id: Mapped[str | None] = mapped_column(String(36))
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    change: Mapped[str] = mapped_column(String(10))  # create | update | delete
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)  # canonical JSON
    new_value: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


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
