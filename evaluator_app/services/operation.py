"""The frame of every service: one transaction, its changes captured and audited.

A service mutates ORM records inside ``operation(...)``.  A flush listener
(``services.capture``) captures what changed (records created, fields updated,
records deleted); at the end the changes become hash-chained audit events in the
same transaction, so a change and its audit record are committed together or not
at all.  The same captured changes drive undo and redo (``services.undo``).

Reads: ``reading`` gives an ORM session; ``looking`` a Core connection, for reads
that need no objects.  The meeting window starts on ``looking`` alone, so that the
ORM is loaded after it shows (issue 9).
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
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, insert, select
from sqlalchemy.exc import DatabaseError, OperationalError

from evaluator_app.domain.canonical import canonical_json, sha256_of
from evaluator_app.i18n import _
from evaluator_app.services.errors import StorageError
from evaluator_app.store import tables
from evaluator_app.store.database import Store
from evaluator_app.store.engine import WRITE
from evaluator_app.store.tables import new_id, utc_now

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from evaluator_app.store.models import AuditEvent

    # What a Core read runs on: a connection (``looking``) or an ORM session (inside
    # ``reading`` or an operation).
    Reader = Connection | Session


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


def to_json(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).isoformat()  # as the store gives it back
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


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
_EVENTS = tables.audit_event_table
_HEAD = (
    select(_EVENTS.c.seq, _EVENTS.c.hash)
    .where(_EVENTS.c.session_id == bindparam("session_id"))
    .order_by(_EVENTS.c.seq.desc())
    .limit(1)
)
_HEAD_OF_NO_SESSION = (
    select(_EVENTS.c.seq, _EVENTS.c.hash)
    .where(_EVENTS.c.session_id.is_(None))
    .order_by(_EVENTS.c.seq.desc())
    .limit(1)
)
_INSERT_EVENTS = insert(_EVENTS)


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
    db = _orm_session(ctx)
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


def _orm_session(ctx: Context) -> Session:
    # The ORM and its flush listeners load with the first ORM session, not at start.
    from evaluator_app.services import capture  # noqa: F401

    return ctx.store.sessions()


@contextmanager
def looking(ctx: Context) -> Iterator[Connection]:
    """A read-only look at the store through Core: no ORM (the meeting window's
    start reads this way, before the ORM is loaded)."""
    with (
        storage_errors(ctx.store.database_file),
        ctx.store.engine.connect() as connection,
        connection.begin(),
    ):
        yield connection


def core_of(db: Reader) -> Connection:
    """The Core connection a read runs on (an ORM session's own, inside one)."""
    return db if isinstance(db, Connection) else db.connection()


@contextmanager
def reading(ctx: Context) -> Iterator[Session]:
    """A read-only look at the store, through the ORM."""
    db = _orm_session(ctx)
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
