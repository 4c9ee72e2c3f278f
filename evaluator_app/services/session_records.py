"""A session's records and audit trail as plain rows, as bundles carry them."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Dialect

from evaluator_app.exchange.schema import TABLES
from evaluator_app.exchange.scope import Tables
from evaluator_app.services.operation import core_of, to_json
from evaluator_app.store.models import RECORD_TYPES, AuditEvent
from evaluator_app.store.tables import UTCDateTime

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from evaluator_app.services.operation import Reader

# session.json key -> model, parents before children (the order of inserts)
MODELS = {name: RECORD_TYPES[table] for name, table in TABLES.items()}


def table(name: str) -> Table:
    model = AuditEvent if name == "audit" else MODELS[name]
    return model.metadata.tables[model.__tablename__]


def collect(db: Session, session_id: str) -> Tables:
    """Every record of a session, all columns, by session.json key (Python values)."""

    def rows(name: str, where: Any) -> list[dict[str, Any]]:
        query = select(table(name)).where(where).order_by(table(name).c.id)
        return [dict(row) for row in db.execute(query).mappings()]

    session = table("session")
    tables: Tables = {"session": rows("session", session.c.id == session_id)[0]}
    framework_id = tables["session"]["framework_id"]
    tables["framework"] = rows("framework", table("framework").c.id == framework_id)[0]
    for name in ("participants", "assessments", "findings", "signoffs", "assignments"):
        tables[name] = rows(name, table(name).c.session_id == session_id)
    assessments = table("assessments")
    ids = select(assessments.c.id).where(assessments.c.session_id == session_id)
    for name in ("ratings", "clarifications", "evidence"):
        tables[name] = rows(name, table(name).c.assessment_id.in_(ids))
    return tables


# --- as JSON values, straight from the database (an export) ---------------------
#
# ``to_json`` of each value of ``collect`` made each stored time a datetime and
# then a string again: a third of an export's Python, which holds up its
# evidence thread (issue 9).  These give the same values from the stored text.

# How SQLAlchemy stores a time in SQLite: naive UTC, always with microseconds.
_STORED_TIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}")

Converter = Callable[[Any], Any]
_TABLE_NAMES = {"assessments": MODELS["assessments"].__tablename__}


def _time_converter(slow: Converter) -> Converter:
    def convert(raw: Any) -> Any:
        if type(raw) is str and _STORED_TIME.fullmatch(raw):
            if raw.endswith(".000000"):  # isoformat() leaves zero microseconds out
                return f"{raw[:10]}T{raw[11:19]}+00:00"
            return f"{raw[:10]}T{raw[11:]}+00:00"
        return slow(raw)  # stored some other way: as SQLAlchemy reads it

    return convert


@functools.cache
def _converters(target: Table, dialect: Dialect) -> tuple[tuple[str, Converter | None], ...]:
    """Each column's stored value to its JSON value (None: as it is)."""
    converters: list[tuple[str, Converter | None]] = []
    for column in target.columns:
        processor = column.type.dialect_impl(dialect).result_processor(dialect, None)
        convert: Converter | None = None
        if processor is not None or column.type.python_type not in (str, int, float):

            def convert(raw: Any, processor: Converter | None = processor) -> Any:
                if raw is None:
                    return None
                return to_json(raw if processor is None else processor(raw))

            if isinstance(column.type, UTCDateTime):
                convert = _time_converter(convert)
        converters.append((column.name, convert))
    return tuple(converters)


def _json_rows(db: Reader, name: str, where: str, value: str) -> list[dict[str, Any]]:
    target = table(name)
    connection = core_of(db)
    converters = _converters(target, connection.dialect)
    quote = connection.dialect.identifier_preparer.quote
    order = "seq" if name == "audit" else "id"
    names = [column for column, _convert in converters]
    sql = "SELECT {} FROM {} WHERE {} ORDER BY {}".format(
        ", ".join(map(quote, names)), quote(target.name), where.format(**_TABLE_NAMES), order
    )
    rows = connection.exec_driver_sql(sql, (value,)).fetchall()
    records = [dict(zip(names, row, strict=True)) for row in rows]
    for column, convert in converters:
        if convert is not None:
            for record in records:
                record[column] = convert(record[column])
    return records


def collect_json(db: Reader, session_id: str) -> Tables:
    """``collect``'s records, each value as ``operation.to_json`` gives it."""
    tables: Tables = {"session": _json_rows(db, "session", "id = ?", session_id)[0]}
    framework_id = tables["session"]["framework_id"]
    tables["framework"] = _json_rows(db, "framework", "id = ?", framework_id)[0]
    for name in ("participants", "assessments", "findings", "signoffs", "assignments"):
        tables[name] = _json_rows(db, name, "session_id = ?", session_id)
    in_session = "assessment_id IN (SELECT id FROM {assessments} WHERE session_id = ?)"
    for name in ("ratings", "clarifications", "evidence"):
        tables[name] = _json_rows(db, name, in_session, session_id)
    return tables


def trail_json(db: Reader, session_id: str) -> list[dict[str, Any]]:
    """The session's audit events in order, each value as ``operation.to_json`` gives it."""
    return _json_rows(db, "audit", "session_id = ?", session_id)


# --- the trail as text, made by SQLite (a whole-session export) -------------------
#
# Made in Python, the trail's JSON held the GIL for a fifth of a second, and the
# export's evidence threads, which need it between every read and hash, barely
# moved meanwhile (20-40 of 200 MB; issue 9).  SQLite's json_object writes the
# same text, keys in the order given (sorted here) and strings escaped as
# Python's encoder escapes them, without the GIL.

_D = "[0-9]"
_SQL_STORED_TIME = (
    f"{_D * 4}-{_D * 2}-{_D * 2} {_D * 2}:{_D * 2}:{_D * 2}.{_D * 6}"  # as _STORED_TIME
)


def _sql_time(column: str) -> str:
    """``_time_converter`` in SQL, for a time stored as SQLAlchemy stores it."""
    day = f"substr({column}, 1, 10) || 'T' || "
    return (
        f"CASE WHEN substr({column}, 21) = '000000' THEN {day}substr({column}, 12, 8)"
        f" ELSE {day}substr({column}, 12) END || '+00:00'"
    )


def trail_text(db: Reader, session_id: str) -> tuple[str, int] | None:
    """The whole trail's member text, ``canonical_json({"events": trail_json(...)})``,
    and its number of events; None if a stored value needs Python to convert it
    (a time stored some other way, a number SQLite would write otherwise)."""
    target = table("audit")
    connection = core_of(db)
    if connection.dialect.name != "sqlite":
        return None
    quote = connection.dialect.identifier_preparer.quote
    converters = dict(_converters(target, connection.dialect))
    pairs, times = [], []
    for name in sorted(converters):
        column = quote(name)
        if converters[name] is None and target.c[name].type.python_type is not float:
            pairs.append(f"'{name}', {column}")
        elif isinstance(target.c[name].type, UTCDateTime):
            pairs.append(f"'{name}', {_sql_time(column)}")
            times.append(f"({column} IS NULL OR {column} GLOB '{_SQL_STORED_TIME}')")
        else:
            return None
    as_stored = " AND ".join(times) or "1"
    sql = "SELECT json_object({}), {} FROM {} WHERE session_id = ? ORDER BY seq".format(
        ", ".join(pairs), as_stored, quote(target.name)
    )
    rows = connection.exec_driver_sql(sql, (session_id,)).fetchall()
    if not all(ok for _event, ok in rows):
        return None
    return '{"events":[' + ",".join(event for event, _ok in rows) + "]}", len(rows)
