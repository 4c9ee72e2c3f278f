"""A full-text index of everything written in a meeting (SQLite FTS5).

Notes and rationales of assessments, questions and answers of clarifications,
texts and recommendations of findings: each is one row of ``search_text``,
kept current by triggers, so that every way of writing (services, undo, merge,
bundle import) keeps the index right without knowing about it.
``search_key`` gives each (record, field) a stable integer key for the FTS
rowid (a table's own rowid may change on VACUUM).  Other databases than SQLite
have no index; the search service falls back to LIKE there.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# table -> (fields, the session id and indicator code of a row as SQL over ``{row}``)
_ASSESSMENT = ("{row}.session_id", "{row}.indicator_code")
_CLARIFICATION = (
    "(SELECT session_id FROM assessment WHERE id = {row}.assessment_id)",
    "(SELECT indicator_code FROM assessment WHERE id = {row}.assessment_id)",
)
_FINDING = ("{row}.session_id", "{row}.indicator_code")
SOURCES = {
    "assessment": (("notes", "rationale"), _ASSESSMENT),
    "clarification": (("question", "answer"), _CLARIFICATION),
    "finding": (("text", "recommendation"), _FINDING),
}


def _index_row(table: str, field: str, row: str) -> str:
    session, code = (part.format(row=row) for part in SOURCES[table][1])
    return (
        f"INSERT INTO search_key (kind, record_id) VALUES ('{table}.{field}', {row}.id);\n"
        "INSERT INTO search_text (rowid, body, session_id, indicator_code) "
        f"VALUES (last_insert_rowid(), {row}.{field}, {session}, {code});\n"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE search_key (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
        "record_id TEXT NOT NULL, UNIQUE (record_id, kind))"
    )
    op.execute(
        "CREATE VIRTUAL TABLE search_text USING fts5(body, session_id UNINDEXED, "
        "indicator_code UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"
    )
    for table, (fields, _where) in SOURCES.items():
        inserts = "".join(_index_row(table, field, "new") for field in fields)
        op.execute(
            f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN\n{inserts}END"
        )
        for field in fields:
            op.execute(
                f"CREATE TRIGGER search_{table}_{field} AFTER UPDATE OF {field} ON {table} BEGIN\n"
                f"UPDATE search_text SET body = new.{field} WHERE rowid = (SELECT id FROM "
                f"search_key WHERE record_id = new.id AND kind = '{table}.{field}');\nEND"
            )
        op.execute(
            f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN\n"
            "DELETE FROM search_text WHERE rowid IN "
            "(SELECT id FROM search_key WHERE record_id = old.id);\n"
            "DELETE FROM search_key WHERE record_id = old.id;\nEND"
        )
        for field in fields:  # what is there already
            session, code = (part.format(row="source") for part in SOURCES[table][1])
            op.execute(
                "INSERT INTO search_key (kind, record_id) "
                f"SELECT '{table}.{field}', id FROM {table}"
            )
            op.execute(
                "INSERT INTO search_text (rowid, body, session_id, indicator_code) "
                f"SELECT key.id, source.{field}, {session}, {code} FROM search_key AS key "
                f"JOIN {table} AS source ON source.id = key.record_id "
                f"WHERE key.kind = '{table}.{field}'"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, (fields, _where) in SOURCES.items():
        for name in ("insert", "delete", *fields):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{name}")
    op.execute("DROP TABLE IF EXISTS search_text")
    op.execute("DROP TABLE IF EXISTS search_key")
