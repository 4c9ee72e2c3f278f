"""The SQLAlchemy engine and the SQLite pragmas that make "saved" mean saved."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

DATABASE_FILE = "evaluator.sqlite"
BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # A laptop whose battery dies has lost power: synchronous=FULL makes every
    # acknowledged commit durable; WAL keeps readers and the writer apart.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()
    # The driver's own transaction handling is switched off so that "begin" below
    # can take the write lock at once for writers: a deferred transaction that
    # reads and then writes fails with SQLITE_BUSY instead of waiting when another
    # writer won.
    dbapi_connection.isolation_level = None


WRITE = "evaluator_write"  # execution option of a connection that will write


def _begin(connection: Any) -> None:
    # Writers take the write lock at once; readers stay deferred, so that under
    # WAL they never wait for a writer.
    mode = "IMMEDIATE" if connection.get_execution_options().get(WRITE) else "DEFERRED"
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    """An engine for a SQLAlchemy URL; SQLite gets its pragmas on every connection."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin)
    return engine


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def backup_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (the online backup API, WAL-safe)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)
