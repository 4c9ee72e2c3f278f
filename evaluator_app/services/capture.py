"""What a flush changed: the ORM listeners that capture an operation's changes
(records created, fields updated, records deleted) and stamp who made them.

Loaded with the first ORM session (``operation._orm_session``), not at start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect
from sqlalchemy.orm.base import NO_VALUE

from evaluator_app.services.operation import Change, to_json
from evaluator_app.store.models import Record
from evaluator_app.store.orm_sessions import StoreSession
from evaluator_app.store.tables import BOOKKEEPING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


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
