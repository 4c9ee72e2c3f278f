"""The lead assigns dimensions to evaluators: one holder per dimension, audited, undoable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from evaluator_app.bundled import migrations_dir
from evaluator_app.services import participants, signoff, undo
from evaluator_app.services.assignments import AssignmentInfo, assign_dimension, assignments
from evaluator_app.services.audit import audit_log, verify_chain
from evaluator_app.services.errors import InvalidInput, NotFound, SessionLocked
from evaluator_app.services.operation import Context, open_context, reading
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.services.sessions import SessionDetails, create_session
from evaluator_app.store import migrations
from evaluator_app.store.models import Assignment


def _person(ctx: Context, session_id: str, name: str, role: str) -> str:
    return participants.add_participant(ctx, session_id, ParticipantDetails(name=name, role=role))


@pytest.fixture
def team(ctx: Context, session_id: str) -> dict[str, str]:
    return {
        "rina": _person(ctx, session_id, "Rina Kusumawardani", "lead_evaluator"),
        "hendra": _person(ctx, session_id, "Hendra Saputra", "evaluator"),
        "maya": _person(ctx, session_id, "Maya Lestari", "evaluator"),
        "sri": _person(ctx, session_id, "Sri Handayani", "observer"),
        "agus": _person(ctx, session_id, "Agus Salim", "signer"),
    }


def _stored(ctx: Context, session_id: str) -> dict[str, str]:
    with reading(ctx) as db:
        rows = db.scalars(select(Assignment).where(Assignment.session_id == session_id))
        return {a.dimension_code: a.participant_id for a in rows}


def test_lead_assigns_dimensions_and_each_has_one_holder(
    ctx: Context, session_id: str, team: dict[str, str]
) -> None:
    assign_dimension(ctx, session_id, "ENV", team["hendra"][:8])  # a prefix, as on the CLI
    assign_dimension(ctx, session_id, "GOV", team["rina"])
    assert assignments(ctx, session_id) == {
        "GOV": AssignmentInfo("GOV", team["rina"], "Rina Kusumawardani"),
        "ENV": AssignmentInfo("ENV", team["hendra"], "Hendra Saputra"),
    }
    assert list(assignments(ctx, session_id)) == ["GOV", "ENV"]  # framework order
    # Handing GOV to Maya moves it: still one record, now hers.
    assign_dimension(ctx, session_id, "GOV", team["maya"])
    assert _stored(ctx, session_id) == {"GOV": team["maya"], "ENV": team["hendra"]}
    # One evaluator may hold several dimensions.
    assign_dimension(ctx, session_id, "ENV", team["maya"])
    assert _stored(ctx, session_id) == {"GOV": team["maya"], "ENV": team["maya"]}
    # Nobody: the assignment goes; taking it again from nobody changes nothing.
    assign_dimension(ctx, session_id, "GOV", None)
    before = len(audit_log(ctx, session_id))
    assign_dimension(ctx, session_id, "GOV", None)
    assert _stored(ctx, session_id) == {"ENV": team["maya"]}
    assert len(audit_log(ctx, session_id)) == before


def test_unknown_dimension_is_refused_naming_the_ones_there_are(
    ctx: Context, session_id: str, team: dict[str, str]
) -> None:
    with pytest.raises(NotFound, match=r"no dimension 'ECO' in tiny 1; it has GOV, ENV"):
        assign_dimension(ctx, session_id, "ECO", team["hendra"])
    with pytest.raises(NotFound, match=r"no dimension 'GOV\.1'"):  # a group is not a dimension
        assign_dimension(ctx, session_id, "GOV.1", team["hendra"])
    assert _stored(ctx, session_id) == {}


@pytest.mark.parametrize(("who", "role"), [("sri", "observer"), ("agus", "signer")])
def test_only_evaluators_may_hold_a_dimension(
    ctx: Context, session_id: str, team: dict[str, str], who: str, role: str
) -> None:
    with pytest.raises(InvalidInput, match=rf"takes part as {role} and cannot hold a dimension"):
        assign_dimension(ctx, session_id, "GOV", team[who])
    assert _stored(ctx, session_id) == {}


def test_someone_of_another_session_is_refused(
    ctx: Context, session_id: str, team: dict[str, str]
) -> None:
    other = create_session(ctx, "tiny", SessionDetails(region="Kota Lain", year=2024))
    stranger = _person(ctx, other, "Budi Santoso", "evaluator")
    with pytest.raises(InvalidInput, match="Budi Santoso is not a participant of session"):
        assign_dimension(ctx, session_id, "GOV", stranger)
    with pytest.raises(NotFound, match="no participant"):
        assign_dimension(ctx, session_id, "GOV", "ffffffff")
    assert _stored(ctx, session_id) == {} and _stored(ctx, other) == {}


def test_signed_session_refuses_assignments(
    ctx: Context, session_id: str, team: dict[str, str]
) -> None:
    assign_dimension(ctx, session_id, "GOV", team["hendra"])
    signoff.sign_off(ctx, session_id, [team["agus"]])
    for change in (team["maya"], None):
        with pytest.raises(SessionLocked, match="is signed"):
            assign_dimension(ctx, session_id, "GOV", change)
    assert _stored(ctx, session_id) == {"GOV": team["hendra"]}


def test_assignments_are_audited_undone_and_redone(
    ctx: Context, session_id: str, team: dict[str, str]
) -> None:
    assign_dimension(ctx, session_id, "GOV", team["hendra"])
    assign_dimension(ctx, session_id, "GOV", team["maya"])
    newest = audit_log(ctx, session_id, limit=1)[0]
    assert (newest.action, newest.record_type, newest.field) == (
        "assign_dimension",
        "assignment",
        "participant_id",
    )
    assert undo.undo(ctx, session_id) == "assign_dimension"
    assert _stored(ctx, session_id) == {"GOV": team["hendra"]}
    assert undo.undo(ctx, session_id) == "assign_dimension"
    assert _stored(ctx, session_id) == {}
    undo.redo(ctx, session_id)
    assert _stored(ctx, session_id) == {"GOV": team["hendra"]}
    assert verify_chain(ctx, session_id).intact


def test_an_assignment_changed_around_the_app_breaks_the_audit_chain(
    ctx: Context, session_id: str, team: dict[str, str], data_dir: Path
) -> None:
    assign_dimension(ctx, session_id, "GOV", team["hendra"])
    assert verify_chain(ctx, session_id).intact
    with sqlite3.connect(data_dir / "evaluator.sqlite") as connection:
        connection.execute("UPDATE assignment SET participant_id = ?", (team["maya"],))
    report = verify_chain(ctx, session_id)
    assert not report.intact
    assert any(
        m.startswith("assignment ") and "participant_id differs" in m for m in report.mismatches
    )


def test_leaving_or_no_longer_evaluating_hands_the_dimensions_back(
    ctx: Context, session_id: str, team: dict[str, str]
) -> None:
    assign_dimension(ctx, session_id, "GOV", team["hendra"])
    assign_dimension(ctx, session_id, "ENV", team["maya"])
    participants.edit_participant(ctx, team["hendra"], ParticipantDetails(position="Dosen"))
    assert _stored(ctx, session_id) == {"GOV": team["hendra"], "ENV": team["maya"]}
    participants.edit_participant(ctx, team["hendra"], ParticipantDetails(role="observer"))
    assert _stored(ctx, session_id) == {"ENV": team["maya"]}
    participants.remove_participant(ctx, team["maya"])
    assert _stored(ctx, session_id) == {}
    # One step each: undoing the removal brings Maya back with her dimension.
    undo.undo(ctx, session_id)
    assert _stored(ctx, session_id) == {"ENV": team["maya"]}
    assert verify_chain(ctx, session_id).intact


def test_a_0003_database_is_upgraded_with_its_data_and_takes_assignments(
    data_dir: Path,
) -> None:
    from alembic import command
    from alembic.config import Config

    ctx = open_context(str(data_dir), "tester")
    sid = create_session(ctx, "tiny", SessionDetails(region="Kota Lama", year=2023))
    hendra = _person(ctx, sid, "Hendra Saputra", "evaluator")
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    with ctx.store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    ctx.store.close()
    with sqlite3.connect(data_dir / "evaluator.sqlite") as old:
        tables = {row[0] for row in old.execute("SELECT name FROM sqlite_master")}
        assert "assignment" not in tables
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003",)

    ctx = open_context(str(data_dir), "tester")  # upgrades, after a backup
    try:
        head = migrations.SCHEMA_HEAD
        backups = list((data_dir / "backups").glob(f"before-schema-{head}-from-0003-*.sqlite"))
        assert len(backups) == 1
        with sqlite3.connect(data_dir / "evaluator.sqlite") as new:
            assert new.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
            assert new.execute("SELECT region FROM session").fetchall() == [("Kota Lama",)]
            assert new.execute("SELECT name FROM participant").fetchall() == [("Hendra Saputra",)]
        assign_dimension(ctx, sid, "ENV", hendra)
        assert assignments(ctx, sid) == {"ENV": AssignmentInfo("ENV", hendra, "Hendra Saputra")}
        assert verify_chain(ctx, sid).intact
    finally:
        ctx.store.close()
