"""Opening the store: data folder, database (migrated), evidence files."""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from evaluator_app.i18n import _, os_reason
from evaluator_app.store import migrations
from evaluator_app.store.engine import DATABASE_FILE, make_engine, sqlite_url
from evaluator_app.store.evidence_store import EvidenceStore
from evaluator_app.store.location import make_private_file, make_private_folder

if TYPE_CHECKING:
    from sqlalchemy.orm import sessionmaker

    from evaluator_app.store.orm_sessions import StoreSession


class StoreError(RuntimeError):
    """The data folder or database cannot be used."""


@dataclass
class Store:
    data_dir: Path
    engine: Engine
    evidence: EvidenceStore

    @cached_property
    def sessions(self) -> sessionmaker[StoreSession]:
        """ORM sessions on this store, made on first use: the ORM is not loaded
        before something needs it (the meeting window starts on Core reads)."""
        from evaluator_app.store.orm_sessions import session_factory

        return session_factory(self.engine)

    @property
    def database_file(self) -> Path:
        return self.data_dir / DATABASE_FILE

    def close(self) -> None:
        self.engine.dispose()


def _check_before_opening(database_file: Path) -> None:
    """Look at an existing file read-only first: opening it for real switches it to
    WAL mode, which must not happen to a file that is not ours."""
    if not database_file.exists() or database_file.stat().st_size == 0:
        return
    try:
        connection = sqlite3.connect(f"{database_file.as_uri()}?mode=ro", uri=True)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if "not a database" not in str(error) and "malformed" not in str(error):
            return  # e.g. a read-only look is not possible here: the real open decides
        raise StoreError(
            _("{database_file} is not an Evaluator database or is damaged ({error})").format(
                database_file=database_file, error=error
            )
        ) from None
    if tables and "alembic_version" not in tables:
        raise StoreError(
            _("{database_file}: the database holds tables that are not Evaluator's").format(
                database_file=database_file
            )
        )


def _read_only(folder: Path) -> bool:
    """Whether the file system of ``folder`` is mounted read-only (POSIX)."""
    statvfs = getattr(os, "statvfs", None)
    return bool(statvfs and statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1))


def open_store(data_dir: Path, url: str | None = None) -> Store:
    """Open (creating if needed) the store in ``data_dir``, schema brought up to date.

    ``url`` selects another database (e.g. PostgreSQL for a shared archive);
    evidence files still live in the data folder.
    """
    try:
        make_private_folder(data_dir)
    except OSError as error:
        raise StoreError(
            _("cannot create the data folder {data_dir}: {strerror}").format(
                data_dir=data_dir, strerror=os_reason(error)
            )
        ) from None
    database_file = data_dir / DATABASE_FILE
    if url is None and not os.access(data_dir, os.W_OK):
        # SQLite would only say "unable to open database file": say what and where
        why = os_reason(OSError(errno.EROFS if _read_only(data_dir) else errno.EACCES, ""))
        message = _(
            "{parent} cannot be written to; choose another folder or check its permissions"
        ).format(parent=data_dir)
        raise StoreError(f"{message} ({why})")
    if url is None:
        _check_before_opening(database_file)
        make_private_file(database_file)
    engine = make_engine(url or sqlite_url(database_file))
    try:
        migrations.upgrade(engine, None if url else database_file, data_dir / "backups")
    except migrations.SchemaError as error:
        engine.dispose()
        raise StoreError(f"{database_file}: {error}") from None
    except Exception as error:
        engine.dispose()
        reason = getattr(error, "orig", None) or error
        raise StoreError(
            _("cannot open the database {database_file}: {reason}").format(
                database_file=database_file, reason=reason
            )
        ) from error
    evidence = EvidenceStore(data_dir / "evidence")
    evidence.remove_stale_temporaries()  # copies a crash cut short (the kill test found them)
    return Store(
        data_dir=data_dir,
        engine=engine,
        evidence=evidence,
    )
