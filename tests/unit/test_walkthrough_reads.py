"""What the meeting window reads: indicator states, one indicator in full, agencies."""

from __future__ import annotations

import datetime as dt

import pytest

from evaluator_app.services import (
    assessments,
    clarifications,
    evidence,
    findings,
    participants,
    walkthrough,
)
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.findings import FindingDetails
from evaluator_app.services.operation import Context
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.services.sessions import SessionDetails, create_session, session_overview


def test_states_carry_badges_and_spread(ctx: Context, session_id: str) -> None:
    a = participants.add_participant(
        ctx, session_id, ParticipantDetails(name="A", role="evaluator")
    )
    b = participants.add_participant(
        ctx, session_id, ParticipantDetails(name="B", role="evaluator")
    )
    assessments.set_rating(ctx, session_id, "GOV.1.1", a, 1)
    assessments.set_rating(ctx, session_id, "GOV.1.1", b, 4)
    clarifications.ask(ctx, session_id, "GOV.1.1", "Satu?")
    answered = clarifications.ask(ctx, session_id, "GOV.1.1", "Dua?")
    clarifications.answer(ctx, answered, "Ya")
    evidence.promise(ctx, session_id, "GOV.1.1", "Laporan", dt.date(2024, 10, 30))
    assessments.set_not_applicable(ctx, session_id, "ENV.1.1", "Tidak relevan")
    states = walkthrough.indicator_states(ctx, session_id)
    gov = states["GOV.1.1"]
    assert (gov.open_clarifications, gov.pending_evidence, gov.rating_spread) == (1, 1, 3)
    assert gov.state == "not_started" and not gov.settled
    assert states["ENV.1.1"].state == "na" and states["ENV.1.1"].settled
    assert set(states) == {"GOV.1.1", "GOV.1.2", "ENV.1.1"}

    # What the meeting window reads in one go is the same as read apart.
    assessments.set_agreed_level(ctx, session_id, "GOV.1.2", 3)
    assessments.set_self_level(ctx, session_id, "GOV.1.2", 4)
    overview, together = walkthrough.meeting_state(ctx, session_id, "en")
    assert together == walkthrough.indicator_states(ctx, session_id)
    assert list(together) == list(walkthrough.indicator_states(ctx, session_id))
    assert overview == session_overview(ctx, session_id, "en")
    assert overview.done == 2 and overview.scores.index is not None
    assert [p.name for p in overview.participants] == ["A", "B"]


def test_indicator_detail_names_who_asked_and_answered(ctx: Context, session_id: str) -> None:
    lead = participants.add_participant(
        ctx, session_id, ParticipantDetails(name="Rina", role="lead_evaluator")
    )
    city = participants.add_participant(
        ctx,
        session_id,
        ParticipantDetails(name="Dewi", role="agency_head", organisation="Diskominfo"),
    )
    cid = clarifications.ask(ctx, session_id, "GOV.1.2", "Ada SOP?", lead)
    clarifications.answer(ctx, cid, "Ada", city)
    evidence.add_link(ctx, session_id, "GOV.1.2", "https://example.go.id/sop", "SOP")
    findings.add_finding(
        ctx,
        session_id,
        FindingDetails(
            text="SOP belum diperbarui", indicator_code="GOV.1.2", agencies=("Diskominfo",)
        ),
    )
    findings.add_finding(ctx, session_id, FindingDetails(text="Umum"))
    detail = walkthrough.indicator_detail(ctx, session_id, "GOV.1.2")
    (question,) = detail.clarifications
    assert (question.asked_by, question.answered_by, question.status) == (
        "Rina",
        "Dewi",
        "answered",
    )
    assert [e.title for e in detail.evidence] == ["SOP"] and not detail.evidence[0].has_file
    assert [f.text for f in detail.findings] == ["SOP belum diperbarui"]
    assert [f.text for f in walkthrough.session_findings(ctx, session_id)] == [
        "SOP belum diperbarui",
        "Umum",
    ]


def test_known_agencies_come_from_attendance_and_findings(ctx: Context, session_id: str) -> None:
    participants.add_participant(
        ctx,
        session_id,
        ParticipantDetails(name="Dewi", role="agency_head", organisation="Diskominfo"),
    )
    participants.add_participant(
        ctx, session_id, ParticipantDetails(name="Rina", role="evaluator", organisation="GMSC")
    )
    findings.add_finding(ctx, session_id, FindingDetails(text="x", agencies=("Bappeda",)))
    assert walkthrough.known_agencies(ctx, session_id) == ["Bappeda", "Diskominfo"]


def test_attendance_is_copied_from_an_earlier_session_of_the_region(
    ctx: Context, session_id: str
) -> None:
    participants.add_participant(
        ctx,
        session_id,
        ParticipantDetails(
            name="Drs. Agus", nip="196803121994031005", role="signer", position="Sekda"
        ),
    )
    participants.add_participant(
        ctx, session_id, ParticipantDetails(name="Dewi", role="agency_head")
    )
    later = create_session(ctx, "tiny", SessionDetails(region="Kota Uji", year=2025))
    participants.add_participant(ctx, later, ParticipantDetails(name="dewi", role="agency_head"))
    assert participants.copy_attendance(ctx, session_id, later) == 1
    names = [(p.name, p.position, p.present) for p in session_overview(ctx, later).participants]
    assert names == [("dewi", "", True), ("Drs. Agus", "Sekda", True)]
    assert participants.copy_attendance(ctx, session_id, later) == 0
    elsewhere = create_session(ctx, "tiny", SessionDetails(region="Kota Lain", year=2025))
    with pytest.raises(InvalidInput, match="is of Kota Uji, not Kota Lain"):
        participants.copy_attendance(ctx, session_id, elsewhere)
