"""Alembic environment: run with a connection handed over by the app (store.migrations)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from evaluator_app.store.tables import metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:
    from evaluator_app.store.engine import make_engine

    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("set sqlalchemy.url, e.g. alembic -x or -c with a url")
    with make_engine(url).connect() as fresh:
        _run(fresh)
else:
    _run(connection)
