"""Undo and redo, below the GUI: replaying a session's audited changes backwards.

The audit trail already holds, per operation, every record created, field
changed and record deleted, with old and new values.  Undo applies the inverse
of the newest undoable operation as a new audited operation ("undo"); redo
applies the undone operation again ("redo").  The stacks are derived from the
trail, so they survive a restart and serve the command line as well.
Sign-off, reopening and creating a session are barriers: nothing before them
can be undone.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, LargeBinary, func, select

from evaluator_app.domain.canonical import canonical_json
from evaluator_app.i18n import _
from evaluator_app.services.errors import InvalidInput, UndoConflict
from evaluator_app.services.operation import Context, core_of, looking, operation, to_json
from evaluator_app.services.records import editable_session, record_name, session_row
from evaluator_app.store import models, tables
from evaluator_app.store.tables import UTCDateTime

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from evaluator_app.services.operation import Reader

BARRIERS = frozenset(
    {"create_session", "sign_off", "reopen_session", "import_bundle", "merge_bundle"}
)


@dataclass(frozen=True)
class Stacks:
    undo: list[tuple[str, str]]  # (operation id, action), newest last
    redo: list[tuple[str, str]]


@dataclass
class _Replay:
    """The stacks as replayed up to the event ``seq`` (whose hash was ``hash``)."""

    seq: int = 0
    hash: str | None = None
    last_operation: str | None = None
    undo: list[tuple[str, str]] = field(default_factory=list)
    redo: list[tuple[str, str]] = field(default_factory=list)

    def apply(self, operation_id: str, action: str, target: str | None) -> None:
        if operation_id == self.last_operation:
            return
        self.last_operation = operation_id
        if action == "undo":
            if self.undo and self.undo[-1][0] == target:
                self.redo.append(self.undo.pop())
        elif action == "redo":
            if self.redo and self.redo[-1][0] == target:
                self.undo.append(self.redo.pop())
        elif action in BARRIERS:
            self.undo.clear()
            self.redo.clear()
        else:
            self.undo.append((operation_id, action))
            self.redo.clear()


# Per database and session: the menus ask after every change, and replaying a
# meeting's whole trail each time grew with the meeting (issue 9).  The trail only
# grows; a replay continues from where it stopped while that event is unchanged.
_REPLAYS: dict[tuple[str, str], _Replay] = {}


def _stacks(db: Reader, session_id: str) -> Stacks:
    bind = core_of(db)
    key = (str(bind.engine.url), session_id)
    events = tables.audit_event_table  # Core: the menus are labelled at start
    replay = _REPLAYS.get(key)
    if replay is None or replay.hash != db.scalar(
        select(events.c.hash).where(events.c.session_id == session_id, events.c.seq == replay.seq)
    ):
        replay = _Replay()  # new, or the trail is not the one replayed (a restore)
    mine = events.c.session_id == session_id
    # An operation's events are written together, in a row: its first one says
    # all the replay needs (a generated or imported session has thousands of
    # events in a handful of operations).
    firsts = (
        select(func.min(events.c.seq))
        .where(mine, events.c.seq > replay.seq)
        .group_by(events.c.operation_id)
    )
    rows = db.execute(
        select(events.c.operation_id, events.c.action, events.c.target_operation_id)
        .where(mine, events.c.seq.in_(firsts))
        .order_by(events.c.seq)
    ).all()
    for operation_id, action, target in rows:
        replay.apply(operation_id, action, target)
    last = db.execute(
        select(events.c.seq, events.c.hash).where(mine).order_by(events.c.seq.desc()).limit(1)
    ).first()
    if last is not None:
        replay.seq, replay.hash = last.seq, last.hash
    _REPLAYS[key] = replay
    return Stacks(list(replay.undo), list(replay.redo))


def history(ctx: Context, session_id: str) -> Stacks:
    """What undo and redo would act on next (for labelling menus)."""
    with looking(ctx) as db:
        return _stacks(db, session_row(db, session_id).id)


def decode(model: type[models.Record], field: str, text: str | None) -> Any:
    if text is None:
        return None
    value = json.loads(text)
    if value is None:
        return None
    column_type = model.__table__.c[field].type
    if isinstance(column_type, UTCDateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(value)
    if isinstance(column_type, LargeBinary):
        return bytes.fromhex(value)
    return value


def _create(
    db: Session, model: type[models.Record], record_id: str, values_text: str | None
) -> None:
    if db.get(model, record_id) is not None:
        raise UndoConflict(
            _("the {tablename} to restore exists again").format(
                tablename=record_name(model.__tablename__)
            )
        )
    values = json.loads(values_text or "{}")
    record = model(**{k: decode(model, k, json.dumps(v)) for k, v in values.items()})
    db.add(record)
    db.flush()


def _delete(db: Session, model: type[models.Record], record_id: str) -> None:
    record = db.get(model, record_id)
    if record is None:
        raise UndoConflict(
            _("the {tablename} was removed since").format(
                tablename=record_name(model.__tablename__)
            )
        )
    db.delete(record)
    db.flush()


def _set(db: Session, event: models.AuditEvent, expect: str | None, value: str | None) -> None:
    model = models.RECORD_TYPES[event.record_type]
    record = db.get(model, event.record_id)
    field = event.field or ""
    if record is None:
        raise UndoConflict(
            _("the {record_type} was removed since").format(
                record_type=record_name(event.record_type)
            )
        )
    current = to_json(getattr(record, field))
    if canonical_json(current) != (expect or "null"):
        raise UndoConflict(
            _("{record_type}.{field} was changed again since").format(
                record_type=event.record_type, field=field
            )
        )
    setattr(record, field, decode(model, field, value))
    db.flush()


def _replay(db: Session, events: list[models.AuditEvent], backwards: bool) -> None:
    """Apply an operation's changes again, or their inverses.

    Creations go first (parents before children), then field updates, then
    deletions (children before parents), so foreign keys hold at every step.
    """
    order = {table.name: n for n, table in enumerate(tables.metadata.sorted_tables)}
    creates: list[tuple[models.AuditEvent, str | None]] = []
    deletes: list[models.AuditEvent] = []
    updates: list[models.AuditEvent] = []
    for event in events:
        if event.change == "update":
            updates.append(event)
        elif (event.change == "create") == backwards:
            deletes.append(event)
        else:
            creates.append((event, event.old_value if backwards else event.new_value))
    for event, values in sorted(creates, key=lambda c: order[c[0].record_type]):
        _create(db, models.RECORD_TYPES[event.record_type], event.record_id, values)
    for event in reversed(updates) if backwards else updates:
        if backwards:
            _set(db, event, event.new_value, event.old_value)
        else:
            _set(db, event, event.old_value, event.new_value)
    for event in sorted(deletes, key=lambda e: -order[e.record_type]):
        _delete(db, models.RECORD_TYPES[event.record_type], event.record_id)


def _step(ctx: Context, session_id: str, backwards: bool) -> str:
    action = "undo" if backwards else "redo"
    with operation(ctx, action) as op:
        session = editable_session(op.db, session_id)
        op.session_id = session.id
        stacks = _stacks(op.db, session.id)
        stack = stacks.undo if backwards else stacks.redo
        if not stack:
            message = (
                _("nothing to undo in session {session_id}")
                if backwards
                else _("nothing to redo in session {session_id}")
            )
            raise InvalidInput(message.format(session_id=session.id[:8]))
        target, target_action = stack[-1]
        events = list(
            op.db.scalars(
                select(models.AuditEvent)
                .where(models.AuditEvent.operation_id == target)
                .order_by(models.AuditEvent.seq)
            )
        )
        _replay(op.db, events, backwards)
        op.target_operation_id = target
        return target_action


def undo(ctx: Context, session_id: str) -> str:
    """Undo the newest operation on a session; returns what it was (e.g. set_notes)."""
    return _step(ctx, session_id, backwards=True)


def redo(ctx: Context, session_id: str) -> str:
    return _step(ctx, session_id, backwards=False)
