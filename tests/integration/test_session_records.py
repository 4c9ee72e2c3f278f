"""An export reads the records as JSON values straight from the stored text; they
must be exactly what converting the ORM's values gives (``operation.to_json``),
and the trail's text made by SQLite exactly what encoding them gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from evaluator_app.domain.canonical import canonical_json
from evaluator_app.services import signoff
from evaluator_app.services.dashboard import session_overview
from evaluator_app.services.demo import create_demo
from evaluator_app.services.operation import Context, open_context, reading, to_json
from evaluator_app.services.session_records import (
    collect,
    collect_json,
    table,
    trail_json,
    trail_text,
)


@pytest.fixture
def ctx(tmp_path: Path) -> Context:
    context = open_context(str(tmp_path / "data"), "alice")
    yield context
    context.store.close()


def _slow(ctx: Context, session_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    def jsonable(record: dict[str, Any]) -> dict[str, Any]:
        return {key: to_json(value) for key, value in record.items()}

    with reading(ctx) as db:
        tables = collect(db, session_id)
        audit = table("audit")
        query = audit.select().where(audit.c.session_id == session_id).order_by(audit.c.seq)
        events = [jsonable(dict(row)) for row in db.execute(query).mappings()]
    records = {
        k: jsonable(v) if isinstance(v, dict) else [jsonable(r) for r in v]
        for k, v in tables.items()
    }
    return records, events


def _fast(ctx: Context, session_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    with reading(ctx) as db:
        return collect_json(db, session_id), trail_json(db, session_id)


def test_the_json_values_read_from_the_store_are_those_of_the_orm(ctx: Context) -> None:
    session_id = create_demo(ctx)
    signer = next(p.id for p in session_overview(ctx, session_id).participants)
    signoff.sign_off(ctx, session_id, [signer])
    with reading(ctx) as db:
        connection = db.connection()
        # A time with no microseconds (isoformat leaves them out), and one stored
        # the way SQLite's own functions write it (read as SQLAlchemy reads it).
        connection.execute(
            text("UPDATE finding SET updated_at = '2026-03-04 05:06:07.000000' WHERE rowid = 1")
        )
        connection.execute(
            text("UPDATE finding SET updated_at = '2026-03-04 05:06:07' WHERE rowid = 2")
        )
        connection.execute(text("UPDATE signoff SET signature = X'00ff10'"))  # bytes: hex
        db.commit()
    fast, slow = _fast(ctx, session_id), _slow(ctx, session_id)
    assert fast == slow
    findings = {f["updated_at"] for f in fast[0]["findings"]}
    assert {"2026-03-04T05:06:07+00:00"} <= findings
    assert {type(p["present"]) for p in fast[0]["participants"]} == {bool}
    assert isinstance(fast[0]["framework"]["definition"], dict)
    assert {type(f["agencies"]) for f in fast[0]["findings"]} == {list}
    assert [s["signature"] for s in fast[0]["signoffs"]] == ["00ff10"]


def _trail_texts(ctx: Context, session_id: str) -> tuple[tuple[str, int] | None, str]:
    with reading(ctx) as db:
        events = trail_json(db, session_id)
        return trail_text(db, session_id), canonical_json({"events": events})


def test_the_trail_text_made_by_sqlite_is_the_canonical_json_of_its_events(ctx: Context) -> None:
    session_id = create_demo(ctx)
    awkward = 'line\nbreak\ttab \x01\x1f quote" back\\slash é 中文 \u2028 \x7f'
    with reading(ctx) as db:
        connection = db.connection()
        connection.execute(
            text("UPDATE audit_event SET new_value = :v, field = NULL WHERE seq = 2"),
            {"v": awkward},
        )
        # Zero microseconds: isoformat() leaves them out, and so must the SQL.
        connection.execute(
            text("UPDATE audit_event SET at = '2026-03-04 05:06:07.000000' WHERE seq = 3")
        )
        db.commit()
    made, expected = _trail_texts(ctx, session_id)
    assert made is not None
    sql_text, count = made
    assert sql_text == expected
    assert count == expected.count('"prev_hash"') > 3
    assert '"at":"2026-03-04T05:06:07+00:00"' in sql_text
    assert canonical_json(awkward) in sql_text


def test_a_trail_with_a_time_stored_otherwise_is_left_to_python(ctx: Context) -> None:
    session_id = create_demo(ctx)
    with reading(ctx) as db:
        db.connection().execute(
            text("UPDATE audit_event SET at = '2026-03-04 05:06:07' WHERE seq = 3")
        )
        db.commit()
    made, expected = _trail_texts(ctx, session_id)
    assert made is None
    assert '"at":"2026-03-04T05:06:07+00:00"' in expected  # as SQLAlchemy reads it
