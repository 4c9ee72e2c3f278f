"""Changing fields of one stored record through SQLAlchemy Core.

A level, a status or a note changes many times an hour in a meeting; loading
the record as an ORM object and flushing it through the unit of work cost more
than the statements themselves (issue 9).  ``update_fields`` writes what the
ORM would (the changed fields, ``updated_at``, ``updated_by`` and the checked
``version`` + 1) and records the same changes the flush listener records, so
the audit trail, undo and merge cannot tell the difference.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from sqlalchemy import RowMapping, Table, Update, bindparam, update

from evaluator_app.services.operation import Change, Op, to_json
from evaluator_app.store import models
from evaluator_app.store.tables import BOOKKEEPING, utc_now


def update_fields(
    op: Op, model: type[models.Record], stored: RowMapping, values: Mapping[str, Any]
) -> None:
    """Store ``values`` over the row ``stored`` (as read in this operation)."""
    from sqlalchemy.orm.exc import StaleDataError  # loaded with the ORM, not at start
    from sqlalchemy.orm.util import identity_key

    table = cast(Table, model.__table__)
    changed = {
        column.key: values[column.key]
        for column in table.columns
        if column.key in values
        and column.key not in BOOKKEEPING
        and values[column.key] != stored[column.key]
    }
    if not changed:
        return
    loaded = op.db.identity_map.get(identity_key(model, stored["id"]))
    if loaded is not None:
        # Already an ORM object in this operation (an outer one loaded it): change it
        # there, so that its flush neither misses nor overwrites this change.
        for key, value in changed.items():
            setattr(loaded, key, value)
        return
    result = op.db.connection().execute(
        _update_of(table),
        {
            **changed,
            "updated_at": utc_now(),
            "updated_by": op.db.info["actor"],
            "version": stored["version"] + 1,
            "stored_id": stored["id"],
            "stored_version": stored["version"],
        },
    )
    if result.rowcount != 1:
        raise StaleDataError(f"{table.name} {stored['id']} changed while it was being edited")
    changes: list[Change] = op.db.info["changes"]
    changes.extend(
        Change(table.name, stored["id"], "update", key, to_json(stored[key]), to_json(value))
        for key, value in changed.items()
    )


_UPDATES: dict[Table, Update] = {}


def _update_of(table: Table) -> Update:
    # Built once per table; the SET clause comes from the keys given when executed.
    statement = _UPDATES.get(table)
    if statement is None:
        statement = _UPDATES[table] = update(table).where(
            table.c.id == bindparam("stored_id"), table.c.version == bindparam("stored_version")
        )
    return statement
