"""Bring the database schema up to date at start-up, after copying the file aside.

Alembic costs ~100 ms to import, so it is loaded only when the schema is behind:
the current revision is read with plain SQL and compared with SCHEMA_HEAD
(a test keeps that constant equal to the newest script in database/versions).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from evaluator_app.bundled import migrations_dir
from evaluator_app.i18n import _
from evaluator_app.store.engine import backup_sqlite
from evaluator_app.store.location import make_private_file

SCHEMA_HEAD = "0006"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")


class SchemaError(RuntimeError):
    """The database cannot be brought to this version of the app's schema."""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as connection:
        return bool(inspect(connection).get_table_names())


def upgrade(engine: Engine, database_file: Path | None, backups: Path) -> Path | None:
    """Migrate to SCHEMA_HEAD; return the backup made first, if any."""
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise SchemaError(
            _(
                "the database uses schema {revision}, which is newer than "
                "this version of Evaluator knows ({schema_head}); update "
                "Evaluator to open it"
            ).format(revision=revision, schema_head=SCHEMA_HEAD)
        )
    if revision is None and _has_tables(engine):
        raise SchemaError(_("the database holds tables that are not Evaluator's"))
    backup = None
    if revision is not None and database_file is not None and database_file.exists():
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = backups / f"before-schema-{SCHEMA_HEAD}-from-{revision}-{stamp}.sqlite"
        backup_sqlite(database_file, backup)
        make_private_file(backup)  # as private as the database it copies
    run_alembic(engine, SCHEMA_HEAD)
    return backup


def run_alembic(engine: Engine, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
