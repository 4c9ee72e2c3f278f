"""The Core path of the assessment services keeps the ORM's bookkeeping and audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from evaluator_app.services import assessments
from evaluator_app.services.audit import audit_log, verify_chain
from evaluator_app.services.errors import NotFound, SessionLocked
from evaluator_app.services.operation import Context, operation
from evaluator_app.services.record_update import update_fields
from evaluator_app.store.models import Assessment


def _stored(ctx: Context, session_id: str, code: str) -> Assessment:
    with ctx.store.sessions() as db:
        return db.scalars(
            select(Assessment).where(
                Assessment.session_id == session_id, Assessment.indicator_code == code
            )
        ).one()


def test_a_level_change_bumps_version_and_stamps_who_and_when(
    ctx: Context, session_id: str
) -> None:
    before = _stored(ctx, session_id, "GOV.1.1")
    ctx.actor = "Ani"
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 3)
    after = _stored(ctx, session_id, "GOV.1.1")
    assert (after.agreed_level, after.status) == (3, "done")
    assert after.version == before.version + 1
    assert after.updated_by == "Ani"
    assert after.updated_at > before.updated_at
    events = audit_log(ctx, session_id, limit=2)
    assert {(e.field, e.old_value, e.new_value, e.actor) for e in events} == {
        ("agreed_level", None, "3", "Ani"),
        ("status", '"not_started"', '"done"', "Ani"),
    }
    assert verify_chain(ctx, session_id).intact


def test_an_outer_operation_sees_the_change_on_its_own_object(
    ctx: Context, session_id: str
) -> None:
    # The outer operation holds the assessment as an ORM object: the inner service
    # must change that object, or the outer flush would overwrite or trip on it.
    with operation(ctx, "walk") as op:
        op.session_id = session_id
        held = op.db.scalars(select(Assessment).where(Assessment.indicator_code == "GOV.1.2")).one()
        assessments.set_notes(ctx, session_id, "GOV.1.2", "dibahas")
        held.rationale = "karena"
    after = _stored(ctx, session_id, "GOV.1.2")
    assert (after.notes, after.rationale) == ("dibahas", "karena")
    assert verify_chain(ctx, session_id).intact
    assert {e.action for e in audit_log(ctx, session_id, limit=2)} == {"walk"}


def test_a_row_changed_meanwhile_is_not_overwritten(ctx: Context, session_id: str) -> None:
    assessments.set_notes(ctx, session_id, "ENV.1.1", "pertama")
    with pytest.raises(StaleDataError), operation(ctx, "set_notes") as op:
        table = Assessment.__table__
        row = (
            op.db.connection()
            .execute(select(table).where(table.c.indicator_code == "ENV.1.1"))
            .mappings()
            .one()
        )
        stale = {**row, "version": row["version"] - 1}
        update_fields(op, Assessment, stale, {"notes": "kedua"})  # type: ignore[arg-type]
    assert _stored(ctx, session_id, "ENV.1.1").notes == "pertama"


def test_refusals_name_the_indicator_or_the_session(ctx: Context, session_id: str) -> None:
    with pytest.raises(NotFound, match=r"'XXX\.9' is not in the framework"):
        assessments.set_agreed_level(ctx, session_id, "XXX.9", 2)
    with pytest.raises(NotFound, match="no session"):
        assessments.set_agreed_level(ctx, "0" * 8 + session_id[8:], "GOV.1.1", 2)


def test_a_signed_session_refuses_through_the_core_path(
    ctx: Context, session_id: str, data_dir: object
) -> None:
    with ctx.store.engine.begin() as connection:
        connection.exec_driver_sql(
            f"UPDATE session SET status = 'signed' WHERE id = '{session_id}'"
        )
    with pytest.raises(SessionLocked, match="is signed"):
        assessments.set_notes(ctx, session_id, "GOV.1.1", "telat")
    assert _stored(ctx, session_id, "GOV.1.1").notes == ""
