"""Sessions, attendance and scoring through the services, as the window uses them."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from evaluator_app.services import assessments, participants, sessions
from evaluator_app.services.errors import InvalidInput, NotFound
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.services.sessions import SessionDetails, create_session, session_overview


def test_new_session_has_one_assessment_per_indicator(ctx: Context, session_id: str) -> None:
    overview = session_overview(ctx, session_id)
    assert overview.total == 3 and overview.done == 0
    assert overview.status == "draft"
    assert overview.scores.index is None
    assert [d.code for d in overview.dimensions] == ["GOV", "ENV"]


def test_unknown_framework_is_refused_with_what_exists(ctx: Context) -> None:
    with pytest.raises(NotFound, match=r"unknown framework 'nope'.*tiny"):
        create_session(ctx, "nope", SessionDetails(region="X", year=2024))


@pytest.mark.parametrize(
    ("details", "message"),
    [
        (SessionDetails(region=" ", year=2024), "region"),
        (SessionDetails(region="X", year=1850), "year 1850"),
        (SessionDetails(region="X", year=2024, stage=3), "stage must be 1 or 2"),
        (SessionDetails(region="X", year=2024, timezone="Mars/Olympus"), "time zone"),
        (SessionDetails(region="X", year=2024, starts_at=dt.datetime(2024, 1, 1, 9)), "zone"),
    ],
)
def test_bad_session_details_are_refused(
    ctx: Context, details: SessionDetails, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        create_session(ctx, "tiny", details)
    assert sessions.list_sessions(ctx) == []


def test_session_details_can_be_edited(ctx: Context, session_id: str) -> None:
    start = dt.datetime(2024, 10, 29, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    sessions.edit_session(
        ctx,
        session_id,
        SessionDetails(
            venue="Balai Kota", starts_at=start, evidence_deadline=dt.date(2024, 10, 30)
        ),
    )
    overview = session_overview(ctx, session_id)
    assert overview.venue == "Balai Kota"
    assert overview.starts_at == start
    assert overview.evidence_deadline == dt.date(2024, 10, 30)


def test_session_keeps_its_framework_when_the_file_changes(
    ctx: Context, session_id: str, data_dir: Path
) -> None:
    framework_file = data_dir / "frameworks" / "tiny.yaml"
    framework_file.write_text(
        framework_file.read_text().replace("code: ENV.1.1, title: Tiga", "code: ENV.1.9, title: X")
    )
    assessments.set_agreed_level(ctx, session_id, "ENV.1.1", 2)
    assert session_overview(ctx, session_id).framework.indicator("ENV.1.1").title.id == "Tiga"
    newer = create_session(ctx, "tiny", SessionDetails(region="Kota Baru", year=2025))
    assert session_overview(ctx, newer).framework.indicator("ENV.1.9").title.id == "X"


def test_scores_follow_the_agreed_levels(ctx: Context, session_id: str) -> None:
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 4)
    assessments.set_agreed_level(ctx, session_id, "GOV.1.2", 1)  # weight 2
    assessments.set_agreed_level(ctx, session_id, "ENV.1.1", 3)
    overview = session_overview(ctx, session_id)
    gov = (Decimal(4) + 2 * Decimal(1)) / 3
    assert overview.dimensions[0].score == gov
    assert overview.scores.index == (3 * gov + 3) / 4  # dimension weights 3 and 1
    data = overview.to_json()
    assert data["index"] == 2.25 and data["predicate"] == "Kurang"
    assert data["progress"] == {"done": 3, "total": 3, "percent": 100.0}
    assert overview.to_json("en")["predicate"] == "Poor"


def test_not_applicable_needs_a_reason_and_drops_out(ctx: Context, session_id: str) -> None:
    with pytest.raises(InvalidInput, match="say why"):
        assessments.set_not_applicable(ctx, session_id, "GOV.1.2", "  ")
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 4)
    assessments.set_agreed_level(ctx, session_id, "GOV.1.2", 1)
    assessments.set_not_applicable(ctx, session_id, "GOV.1.2", "Bukan kewenangan kota")
    overview = session_overview(ctx, session_id)
    assert overview.dimensions[0].score == 4
    assert overview.done == 2
    assessments.clear_not_applicable(ctx, session_id, "GOV.1.2")
    assert session_overview(ctx, session_id).dimensions[0].score == 4  # level was cleared by N/A


def test_level_outside_the_scale_is_refused(ctx: Context, session_id: str) -> None:
    for level in (0, 5, -1):
        with pytest.raises(InvalidInput, match=rf"level {level} is not on the scale.*1–4"):
            assessments.set_agreed_level(ctx, session_id, "GOV.1.1", level)
    with pytest.raises(InvalidInput, match="not on the scale"):
        assessments.set_self_level(ctx, session_id, "GOV.1.1", 9)
    assert session_overview(ctx, session_id).done == 0


def test_unknown_indicator_is_refused(ctx: Context, session_id: str) -> None:
    with pytest.raises(NotFound, match=r"'XYZ\.9' is not in the framework"):
        assessments.set_agreed_level(ctx, session_id, "XYZ.9", 1)


def test_settling_a_level_marks_the_indicator_done(ctx: Context, session_id: str) -> None:
    assessments.set_status(ctx, session_id, "GOV.1.1", "in_discussion")
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 3)
    with ctx.store.sessions() as db:
        from sqlalchemy import select

        from evaluator_app.store.models import Assessment

        row = db.scalars(select(Assessment).where(Assessment.indicator_code == "GOV.1.1")).one()
        assert (row.agreed_level, row.status) == (3, "done")
    with pytest.raises(InvalidInput, match="unknown status"):
        assessments.set_status(ctx, session_id, "GOV.1.1", "finished")


def test_session_ids_may_be_shortened_like_git(ctx: Context, session_id: str) -> None:
    assert session_overview(ctx, session_id[:6]).id == session_id
    with pytest.raises(InvalidInput, match="too short"):
        session_overview(ctx, session_id[:2])
    with pytest.raises(NotFound):
        session_overview(ctx, "ffffffff")


def test_session_list_shows_progress(ctx: Context, session_id: str) -> None:
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 3)
    (row,) = sessions.list_sessions(ctx)
    assert (row.region, row.year, row.done, row.total, row.status) == (
        "Kota Uji",
        2024,
        1,
        3,
        "draft",
    )


def test_session_status_moves_only_along_the_allowed_paths(ctx: Context, session_id: str) -> None:
    sessions.set_session_status(ctx, session_id, "in_progress")
    with pytest.raises(InvalidInput, match="cannot move from in progress to signed"):
        sessions.set_session_status(ctx, session_id, "signed")
    sessions.set_session_status(ctx, session_id, "awaiting_signoff")
    assert session_overview(ctx, session_id).status == "awaiting_signoff"


# --- attendance -----------------------------------------------------------------


def test_participants_are_added_edited_and_removed(ctx: Context, session_id: str) -> None:
    pid = participants.add_participant(
        ctx,
        session_id,
        ParticipantDetails(
            name="Drs. Agus Salim",
            nip="19680312 199403 1 005",
            position="Sekretaris Daerah",
            role="signer",
        ),
    )
    (person,) = session_overview(ctx, session_id).participants
    assert (person.name, person.nip, person.role, person.present) == (
        "Drs. Agus Salim",
        "196803121994031005",
        "signer",
        True,
    )
    participants.edit_participant(ctx, pid, ParticipantDetails(present=False))
    assert session_overview(ctx, session_id).participants[0].present is False
    participants.remove_participant(ctx, pid)
    assert session_overview(ctx, session_id).participants == []


@pytest.mark.parametrize("nip", ["12345", "1968031219940310051", "19680312199403100X"])
def test_bad_nip_is_refused_with_the_rule(ctx: Context, session_id: str, nip: str) -> None:
    with pytest.raises(InvalidInput, match="must be 18 digits"):
        participants.add_participant(
            ctx, session_id, ParticipantDetails(name="A", nip=nip, role="observer")
        )
    assert session_overview(ctx, session_id).participants == []


def test_guest_needs_no_nip_but_a_name_and_known_role(ctx: Context, session_id: str) -> None:
    participants.add_participant(ctx, session_id, ParticipantDetails(name="Tamu", role="observer"))
    with pytest.raises(InvalidInput, match="unknown role 'boss'"):
        participants.add_participant(ctx, session_id, ParticipantDetails(name="B", role="boss"))
    with pytest.raises(InvalidInput, match="name"):
        participants.add_participant(ctx, session_id, ParticipantDetails(name=" ", role="observer"))


def test_each_evaluator_rating_is_kept_apart(ctx: Context, session_id: str) -> None:
    lead = participants.add_participant(
        ctx, session_id, ParticipantDetails(name="Rina", role="lead_evaluator")
    )
    city = participants.add_participant(
        ctx, session_id, ParticipantDetails(name="Agus", role="signer")
    )
    assessments.set_rating(ctx, session_id, "GOV.1.1", lead, 3)
    assessments.set_rating(ctx, session_id, "GOV.1.1", lead, 2)
    with pytest.raises(InvalidInput, match="not an evaluator"):
        assessments.set_rating(ctx, session_id, "GOV.1.1", city, 3)
    from evaluator_app.services.records import get
    from evaluator_app.services.signoff import snapshot
    from evaluator_app.store.models import EvaluationSession

    with ctx.store.sessions() as db:
        data = snapshot(get(db, EvaluationSession, session_id))
    gov = next(a for a in data["assessments"] if a["indicator"] == "GOV.1.1")
    assert gov["ratings"] == {lead: 2}


def test_work_survives_closing_and_reopening_the_store(
    ctx: Context, session_id: str, data_dir: Path, tmp_path: Path
) -> None:
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 3)
    ctx.store.close()
    copy = tmp_path / "copy"
    shutil.copytree(data_dir, copy)
    again = open_context(str(copy), "someone")
    assert session_overview(again, session_id).done == 1
    again.store.close()
