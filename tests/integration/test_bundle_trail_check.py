"""The import's shortcuts (issue 9) reach what the usual ways reach: it checks a
bundle's trail on plain column values with its own JSON encoder, exactly as the
audit services check stored events (or a good bundle would be refused, or a bad
one let in), and it stores the rows exactly as SQLAlchemy would."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from evaluator_app.domain import canonical
from evaluator_app.domain.canonical import canonical_json
from evaluator_app.exchange.reader import open_bundle
from evaluator_app.services import bundle_import
from evaluator_app.services.audit import replay_trail
from evaluator_app.services.bundle_import import _event_hash, import_bundle
from evaluator_app.services.bundles import export_bundle
from evaluator_app.services.demo import create_demo
from evaluator_app.services.operation import Context, chain_hash, open_context, reading
from evaluator_app.store.models import AuditEvent


@pytest.mark.parametrize(
    "value",
    [
        "",
        "plain",
        'quote " backslash \\ newline \n tab \t',
        "Jalan Merdeka No. 5 — é ñ 中 \u2028 \x00 \x1f",
        0,
        -7,
        2**62,
        None,
        True,
        False,
        1.5,
        [1, "a", None],
        {"b": 1, "a": [True, {"d": "x", "c": None}]},
        Decimal("1.10"),
        dt.date(2024, 10, 29),
        dt.datetime(2024, 10, 29, 8, 30, tzinfo=dt.UTC),
    ],
)
def test_canonical_json_shortcuts_give_what_json_dumps_gives(value: object) -> None:
    reference = json.dumps(
        value,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=canonical._default,
        allow_nan=False,
    )
    assert canonical_json(value) == reference


def test_the_import_hashes_and_replays_a_trail_as_the_audit_services_do(
    ctx: Context, tmp_path: Path
) -> None:
    session_id = create_demo(ctx)
    bundle = export_bundle(ctx, session_id, tmp_path / "demo.evpkg").path
    with open_bundle(bundle) as opened:
        rows = opened.events()
    with reading(ctx) as db:
        stored = db.scalars(
            select(AuditEvent).where(AuditEvent.session_id == session_id).order_by(AuditEvent.seq)
        ).all()
        assert [_event_hash(row) for row in rows] == [chain_hash(e) for e in stored]
        assert [row["hash"] for row in rows] == [e.hash for e in stored]
        assert replay_trail(SimpleNamespace(**row) for row in rows) == replay_trail(stored)


def _stored(ctx: Context) -> dict[str, list[str]]:
    """Every table's rows as stored, but the import's own audit event."""
    connection = sqlite3.connect(ctx.store.database_file)
    try:
        names = [
            n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        found = {}
        for name in names:
            query = f'SELECT * FROM "{name}"'
            if name == "audit_event":
                query += " WHERE action != 'import_bundle'"
            found[name] = sorted(repr(row) for row in connection.execute(query))
        return found
    finally:
        connection.close()


def test_the_import_stores_rows_exactly_as_sqlalchemy_inserts_them(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = export_bundle(ctx, create_demo(ctx), tmp_path / "demo.evpkg").path
    fast = open_context(str(tmp_path / "fast"), "tester")
    import_bundle(fast, bundle)

    def through_sqlalchemy(db: Session, target: Table, rows: list[dict[str, Any]]) -> None:
        db.execute(insert(target), rows)

    monkeypatch.setattr(bundle_import, "_insert_rows", through_sqlalchemy)
    usual = open_context(str(tmp_path / "usual"), "tester")
    import_bundle(usual, bundle)
    try:
        assert _stored(fast) == _stored(usual)
    finally:
        fast.store.close()
        usual.store.close()
