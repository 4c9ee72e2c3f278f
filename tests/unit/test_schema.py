"""The migrations make exactly the schema that ``store.tables`` describes, and the
ORM classes are mapped onto those very tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData, inspect

from evaluator_app.store import models, tables
from evaluator_app.store.database import open_store

# The full-text index (migration 0006) is SQLite's own, kept by triggers: not a table
# of records, so not described in ``tables``.
SEARCH_TABLES = {
    "search_key",
    "search_text",
    "search_text_config",
    "search_text_content",
    "search_text_data",
    "search_text_docsize",
    "search_text_idx",
}


def _differences(data_dir: Path, metadata: MetaData = tables.metadata) -> list[Any]:
    store = open_store(data_dir)
    try:
        with store.engine.connect() as connection:
            found = compare_metadata(MigrationContext.configure(connection), metadata)
    finally:
        store.close()
    return [d for d in found if not (d[0] == "remove_table" and d[1].name in SEARCH_TABLES)]


def test_a_migrated_database_has_the_tables_schema(data_dir: Path) -> None:
    assert _differences(data_dir) == []


def test_a_column_missing_from_the_migrations_is_seen(data_dir: Path) -> None:
    # The control: the comparison does look at columns.
    changed = MetaData()
    for table in tables.metadata.sorted_tables:
        table.to_metadata(changed)
    changed.tables["assessment"].append_column(Column("mood", Integer, nullable=True))
    found = _differences(data_dir, changed)
    assert [(d[0], d[2], d[3].name) for d in found] == [("add_column", "assessment", "mood")]


def test_every_record_class_is_mapped_onto_its_table_with_a_version_counter() -> None:
    for name, model in models.RECORD_TYPES.items():
        mapper = inspect(model)
        assert mapper.local_table is tables.metadata.tables[name]
        assert mapper.version_id_col is tables.metadata.tables[name].c.version
        assert set(mapper.columns.keys()) == set(tables.metadata.tables[name].c.keys())
    assert inspect(models.AuditEvent).local_table is tables.audit_event_table
    definition = inspect(models.FrameworkRecord).attrs["definition"]
    assert definition.deferred  # sessions read the parsed definition from a cache
