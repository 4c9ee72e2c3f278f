"""The frame of every service: one transaction, its changes captured and audited.

A service mutates ORM records inside ``operation(...)``.  A flush listener
captures what changed (records created, fields updated, records deleted); at the
end the changes become hash-chained audit events in the same transaction, so a
change and its audit record are committed together or not at all.  The same
captured changes drive undo and redo (``services.undo``).
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, event, insert, inspect, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.base import NO_VALUE

from evaluator_app.domain.canonical import canonical_json, sha256_of
from evaluator_app.i18n import _
from evaluator_app.services.errors import StorageError
from evaluator_app.store import tables
from evaluator_app.store.database import Store, StoreSession
from evaluator_app.store.engine import WRITE
from evaluator_app.store.models import BOOKKEEPING, AuditEvent, Record, new_id, utc_now


def default_actor() -> str:
    name = os.environ.get("EVALUATOR_USER")
    if name:
        return name
    from evaluator_app import preferences

    name = preferences.read(preferences.USER_NAME).strip()  # given at the first run
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name in some sandboxes
        return "unknown"


@dataclass
class Context:
    """What every service needs: the store and who is acting."""

    store: Store
    actor: str = field(default_factory=default_actor)


@dataclass(frozen=True)
class Change:
    record_type: str
    record_id: str
    change: str  # create | update | delete
    field: str | None
    old: Any
    new: Any
    # the operation that made the value, when it came from another laptop (merge)
    origin: str | None = None


def record_values(record: Record, committed: bool = False) -> dict[str, Any]:
    """Every column but the bookkeeping ones, as JSON-able values.

    ``committed``: the values as stored before this flush (for a deleted record
    that was also edited in the same flush).
    """
    state = inspect(record)
    values = {}
    for attr in state.mapper.column_attrs:
        if attr.key in BOOKKEEPING:
            continue
        value = state.attrs[attr.key].loaded_value
        if committed:
            history = state.attrs[attr.key].history
            if history.deleted:
                value = history.deleted[0]
        # A column never set (and without default) was written as NULL.
        values[attr.key] = None if value is NO_VALUE else to_json(value)
    return values


def to_json(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).isoformat()  # as the store gives it back
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


def _capture(db: Session, _flush_context: Any) -> None:
    changes: list[Change] | None = db.info.get("changes")
    if changes is None:
        return
    for record in db.new:
        if isinstance(record, Record):
            changes.append(
                Change(
                    type(record).__tablename__,
                    record.id,
                    "create",
                    None,
                    None,
                    record_values(record),
                )
            )
    for record in db.dirty:
        if not isinstance(record, Record):
            continue
        state = inspect(record)
        for attr in state.mapper.column_attrs:
            if attr.key in BOOKKEEPING:
                continue
            history = state.attrs[attr.key].history
            if history.added or history.deleted:
                old = history.deleted[0] if history.deleted else None
                new = history.added[0] if history.added else None
                if old != new:
                    changes.append(
                        Change(
                            type(record).__tablename__,
                            record.id,
                            "update",
                            attr.key,
                            to_json(old),
                            to_json(new),
                        )
                    )
    for record in db.deleted:
        if isinstance(record, Record):
            changes.append(
                Change(
                    type(record).__tablename__,
                    record.id,
                    "delete",
                    None,
                    record_values(record, committed=True),
                    None,
                )
            )


def _stamp(db: Session, _flush_context: Any, _instances: Any) -> None:
    # Who changed a record last: every flush of an operation, undo and redo included.
    actor = db.info.get("actor")
    if actor is None:
        return
    for record in list(db.new) + list(db.dirty):
        if isinstance(record, Record) and (record in db.new or db.is_modified(record)):
            record.updated_by = actor


event.listen(StoreSession, "before_flush", _stamp)
event.listen(StoreSession, "after_flush", _capture)


GENESIS = "0" * 64


def event_content(event_: AuditEvent) -> dict[str, Any]:
    """What an audit event's hash covers (everything but the hash itself)."""
    return {
        "id": event_.id,
        "session_id": event_.session_id,
        "seq": event_.seq,
        "at": event_.at.isoformat(),
        "actor": event_.actor,
        "operation_id": event_.operation_id,
        "action": event_.action,
        "target_operation_id": event_.target_operation_id,
        "record_type": event_.record_type,
        "record_id": event_.record_id,
        "change": event_.change,
        "field": event_.field,
        "old_value": event_.old_value,
        "new_value": event_.new_value,
        "prev_hash": event_.prev_hash,
    }


def chain_hash(event_: AuditEvent) -> str:
    return sha256_of(event_content(event_))


# Built once: building and caching a statement cost more than running it (issue 9).
_HEAD = (
    select(AuditEvent.seq, AuditEvent.hash)
    .where(AuditEvent.session_id == bindparam("session_id"))
    .order_by(AuditEvent.seq.desc())
    .limit(1)
)
_HEAD_OF_NO_SESSION = (
    select(AuditEvent.seq, AuditEvent.hash)
    .where(AuditEvent.session_id.is_(None))
    .order_by(AuditEvent.seq.desc())
    .limit(1)
)
_INSERT_EVENTS = insert(tables.audit_event_table)


def chain_head(db: Session, session_id: str | None) -> tuple[int, str]:
    """The sequence number and hash of a chain's last event (GENESIS when empty)."""
    db.flush()
    return _head(db.connection(), session_id)


def _head(connection: Connection, session_id: str | None) -> tuple[int, str]:
    if session_id is None:
        last = connection.execute(_HEAD_OF_NO_SESSION).first()
    else:
        last = connection.execute(_HEAD, {"session_id": session_id}).first()
    return (int(last.seq), str(last.hash)) if last else (0, GENESIS)


def _write_audit(
    db: Session,
    actor: str,
    action: str,
    session_id: str | None,
    changes: list[Change],
    target_operation_id: str | None,
) -> str:
    # Called after the flush: Core on the transaction's connection, no ORM objects,
    # whose unit of work cost more than the insert itself in every change (issue 9).
    connection = db.connection()
    operation_id = new_id()
    seq, prev = _head(connection, session_id)
    now = utc_now()
    rows = []
    for change in changes:
        seq += 1
        row: dict[str, Any] = {
            "id": new_id(),
            "session_id": session_id,
            "seq": seq,
            "at": now,
            "actor": actor,
            "operation_id": operation_id,
            "action": action,
            "target_operation_id": change.origin or target_operation_id,
            "record_type": change.record_type,
            "record_id": change.record_id,
            "change": change.change,
            "field": change.field,
            "old_value": None if change.old is None else canonical_json(change.old),
            "new_value": None if change.new is None else canonical_json(change.new),
            "prev_hash": prev,
        }
        # What event_content() gives for the stored event: the same dict, ``at`` as text.
        row["hash"] = prev = sha256_of({**row, "at": now.isoformat()})
        rows.append(row)
    connection.execute(_INSERT_EVENTS, rows)
    return operation_id


@dataclass
class Op:
    """An operation in progress: its database session and the session it changes."""

    db: Session
    store: Store
    session_id: str | None = None
    operation_id: str | None = None  # set on commit when something changed
    target_operation_id: str | None = None  # what an undo or redo acts on


_current: ContextVar[Op | None] = ContextVar("evaluator_operation", default=None)


@contextmanager
def operation(ctx: Context, action: str) -> Iterator[Op]:
    """One user intent: a transaction whose changes are audited on commit.

    The service sets ``op.session_id`` to the evaluation session it changes; the
    audit events join that session's chain.  An operation opened inside another
    joins it, so that several services can make one change (one transaction,
    one undo step, audited under the outer action).
    """
    outer = _current.get()
    if outer is not None and outer.store is ctx.store:
        yield outer
        return
    db = ctx.store.sessions()
    changes: list[Change] = []
    db.info["changes"] = changes
    db.info["actor"] = ctx.actor
    op = Op(db, ctx.store)
    token = _current.set(op)
    try:
        with storage_errors(ctx.store.database_file), db.begin():
            db.connection(execution_options={WRITE: True})  # BEGIN IMMEDIATE
            yield op
            db.flush()
            db.info["changes"] = None  # the audit events themselves are not changes
            if changes:
                op.operation_id = _write_audit(
                    db, ctx.actor, action, op.session_id, changes, op.target_operation_id
                )
    finally:
        _current.reset(token)
        db.close()


@contextmanager
def storage_errors(where: Path | None = None) -> Iterator[None]:
    """A database that cannot be read or written becomes a message, not a traceback.

    ``where``: the database file, named at the end of the message (a full disk
    or a read-only folder is found from where it is).
    """

    def located(text: str) -> str:
        return f"{text} ({where})" if where is not None else text

    try:
        yield
    except OperationalError as error:
        reason = str(getattr(error, "orig", error))
        if "locked" in reason or "busy" in reason:
            raise StorageError(
                located(
                    _(
                        "the database is busy: another Evaluator window or command is"
                        " saving; try again in a moment"
                    )
                )
            ) from None
        raise StorageError(
            located(_("the database could not be read or written: {reason}").format(reason=reason))
        ) from None
    except DatabaseError as error:
        reason = str(getattr(error, "orig", error))
        raise StorageError(
            located(
                _("the database file is damaged or not a database: {reason}").format(reason=reason)
            )
        ) from None


@contextmanager
def reading(ctx: Context) -> Iterator[Session]:
    """A read-only look at the store."""
    db = ctx.store.sessions()
    try:
        with storage_errors(ctx.store.database_file), db.begin():
            yield db
    finally:
        db.close()


def open_context(data_dir: str | None = None, actor: str | None = None) -> Context:
    """The store in the chosen data folder (see store.location), ready for services."""
    from evaluator_app.store.database import open_store
    from evaluator_app.store.location import data_dir as resolve

    return Context(open_store(resolve(data_dir)), actor or default_actor())
