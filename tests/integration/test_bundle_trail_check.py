"""The import checks a bundle's trail on plain column values, with its own JSON
encoder (issue 9): it must reach exactly what the audit services reach on the
stored events, or a good bundle would be refused (or a bad one let in)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from evaluator_app.domain.canonical import canonical_json
from evaluator_app.exchange.reader import open_bundle
from evaluator_app.services.audit import replay_trail
from evaluator_app.services.bundle_import import _canonical, _event_hash, _replay
from evaluator_app.services.bundles import export_bundle
from evaluator_app.services.demo import create_demo
from evaluator_app.services.operation import Context, chain_hash, reading
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
def test_the_import_encodes_values_as_canonical_json_does(value: object) -> None:
    assert _canonical(value) == canonical_json(value)


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
        assert _replay(rows) == replay_trail(stored)
