"""The records of DESIGN.md "Data" as SQLAlchemy Core tables: the one schema.

The ORM classes in ``models`` are mapped onto these tables; reads that need no
objects (the meeting window's start, the lists, the minutes' snapshot) use them
directly, without the ORM's import and set-up (issue 9).

Every record has a UUID key (stable across laptops), created/updated times, who
updated it last and a version counter that the ORM bumps on each update (merge
compares these).  Types are portable: nothing here is SQLite-only.  The
migrations in ``database/versions`` make the same schema
(``tests/unit/test_schema.py``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect


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


metadata = MetaData()


def _required(name: str, kind: Any, **options: Any) -> Column[Any]:
    return Column(name, kind, nullable=False, **options)


def _optional(name: str, kind: Any, **options: Any) -> Column[Any]:
    return Column(name, kind, nullable=True, **options)


def _parent(name: str, table: str, *, required: bool = True, index: bool = False) -> Column[Any]:
    return Column(name, ForeignKey(f"{table}.id"), nullable=not required, index=index)


def _record(name: str, *items: Any) -> Table:
    """A mergeable record's table: its own columns, then those every record carries."""
    return Table(
        name,
        metadata,
        *items,
        Column("id", String(36), primary_key=True, default=new_id),
        _required("created_at", UTCDateTime, default=utc_now),
        _required("updated_at", UTCDateTime, default=utc_now, onupdate=utc_now),
        _required("updated_by", String(200), default=""),
        _required("version", Integer),
    )


framework_table = _record(
    "framework",
    _required("code", String(100), index=True),
    _required("release", String(50)),
    _required("title", String(300)),
    _required("content_hash", String(64)),
    # Loaded only when asked: sessions find the parsed definition in a cache by hash.
    _required("definition", JSON),
    UniqueConstraint("content_hash"),
)

session_table = _record(
    "session",
    _parent("framework_id", "framework"),
    _required("region", String(200)),
    _required("stage", Integer, default=2),
    _required("year", Integer),
    _optional("starts_at", UTCDateTime),
    _required("timezone", String(64), default="Asia/Jakarta"),
    _required("venue", String(300), default=""),
    _required("status", String(20), default="draft"),
    _optional("evidence_deadline", Date),
    _required("document_number", String(100), default=""),
)

participant_table = _record(
    "participant",
    _parent("session_id", "session", index=True),
    _required("name", String(200)),
    _optional("nip", String(18)),
    _required("position", String(200), default=""),
    _required("organisation", String(200), default=""),
    _required("rank", String(100), default=""),  # pangkat/golongan
    _required("role", String(30)),
    _required("present", Boolean, default=True),
)

assessment_table = _record(
    "assessment",
    _parent("session_id", "session", index=True),
    _required("indicator_code", String(50)),
    _optional("self_level", Integer),
    _optional("agreed_level", Integer),
    _required("not_applicable", Boolean, default=False),
    _required("na_reason", Text, default=""),
    _required("status", String(20), default="not_started"),
    _required("notes", Text, default=""),
    _required("rationale", Text, default=""),  # why the agreed level
    UniqueConstraint("session_id", "indicator_code"),
)

rating_table = _record(
    "rating",
    _parent("assessment_id", "assessment", index=True),
    _parent("participant_id", "participant"),
    _required("level", Integer),
    UniqueConstraint("assessment_id", "participant_id"),
)

clarification_table = _record(
    "clarification",
    _parent("assessment_id", "assessment", index=True),
    _required("question", Text),
    _required("answer", Text, default=""),
    _parent("asked_by_id", "participant", required=False),
    _parent("answered_by_id", "participant", required=False),
    _required("asked_at", UTCDateTime, default=utc_now),
    _optional("answered_at", UTCDateTime),
    _required("status", String(20), default="open"),
)

evidence_table = _record(
    "evidence",
    _parent("assessment_id", "assessment", index=True),
    _required("title", String(300)),
    _required("kind", String(10)),  # file | link | seen
    _optional("sha256", String(64)),
    _optional("original_name", String(300)),
    _optional("size", Integer),
    _optional("url", String(2000)),
    _required("status", String(10), default="provided"),
    _optional("due_date", Date),
    _required("note", Text, default=""),
)

finding_table = _record(
    "finding",
    _parent("session_id", "session", index=True),
    _optional("indicator_code", String(50)),
    _required("text", Text),
    _required("recommendation", Text, default=""),
    _required("agencies", JSON, default=list),
    _required("priority", String(10), default="medium"),
    _optional("due_date", Date),
)

signoff_table = _record(
    "signoff",
    _parent("session_id", "session", index=True),
    _parent("signer_id", "participant", required=False),
    _required("signed_at", UTCDateTime, default=utc_now),
    _required("snapshot_hash", String(64)),
    _required("snapshot", Text),
    _required("method", String(30), default="recorded"),
    _optional("signature", LargeBinary),
    _optional("certificate", LargeBinary),
    _required("superseded", Boolean, default=False),
    _required("reopen_reason", Text, default=""),
)

# Which evaluator holds a dimension: one holder per dimension, several per evaluator.
assignment_table = _record(
    "assignment",
    _parent("session_id", "session", index=True),
    _required("dimension_code", String(50)),
    _parent("participant_id", "participant"),
    UniqueConstraint("session_id", "dimension_code"),
)

# One change to one field (or one record created/deleted), hash-chained per
# session: ``hash`` = SHA-256 of the previous event's hash and this event's
# canonical content, so that editing or removing an event breaks every later link.
audit_event_table = Table(
    "audit_event",
    metadata,
    Column("id", String(36), primary_key=True, default=new_id),
    _optional("session_id", String(36), index=True),
    _required("seq", Integer),
    _required("at", UTCDateTime),
    _required("actor", String(200)),
    _required("operation_id", String(36), index=True),
    _required("action", String(60)),
    _optional("target_operation_id", String(36)),
    _required("record_type", String(40)),
    _required("record_id", String(36)),
    _required("change", String(10)),  # create | update | delete
    _optional("field", String(60)),
    _optional("old_value", Text),  # canonical JSON
    _optional("new_value", Text),
    _required("prev_hash", String(64)),
    _required("hash", String(64)),
    UniqueConstraint("session_id", "seq"),
)

# Fields that bookkeeping changes, not people: left out of the audit trail.
BOOKKEEPING = frozenset({"created_at", "updated_at", "updated_by", "version"})
