"""The meeting window's quick read of one indicator says what the ORM read says."""

from __future__ import annotations

import datetime as dt

import pytest

from evaluator_app.services import (
    assessments,
    clarifications,
    evidence,
    findings,
    indicator_view,
    participants,
    walkthrough,
)
from evaluator_app.services.errors import ServiceError
from evaluator_app.services.findings import FindingDetails
from evaluator_app.services.operation import Context
from evaluator_app.services.participants import ParticipantDetails


def test_quick_read_equals_the_orm_read_for_every_indicator(ctx: Context, session_id: str) -> None:
    lead = participants.add_participant(
        ctx, session_id, ParticipantDetails(name="Rina", role="lead_evaluator")
    )
    other = participants.add_participant(
        ctx, session_id, ParticipantDetails(name="Budi", role="evaluator")
    )
    city = participants.add_participant(
        ctx, session_id, ParticipantDetails(name="Dewi", role="agency_head", organisation="Dinas")
    )
    assessments.set_rating(ctx, session_id, "GOV.1.1", lead, 1)
    assessments.set_rating(ctx, session_id, "GOV.1.1", other, 4)
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 3)
    assessments.set_self_level(ctx, session_id, "GOV.1.1", 2)
    assessments.set_notes(ctx, session_id, "GOV.1.1", "Catatan")
    assessments.set_rationale(ctx, session_id, "GOV.1.1", "Alasan")
    assessments.set_not_applicable(ctx, session_id, "ENV.1.1", "Tidak relevan")
    clarifications.ask(ctx, session_id, "GOV.1.1", "Satu?", lead)
    answered = clarifications.ask(ctx, session_id, "GOV.1.1", "Dua?")
    clarifications.answer(ctx, answered, "Ya", city)
    evidence.promise(ctx, session_id, "GOV.1.1", "Laporan", dt.date(2024, 10, 30))
    evidence.add_link(ctx, session_id, "GOV.1.1", "https://example.go.id/sop", "SOP")
    evidence.add_seen(ctx, session_id, "GOV.1.1", "Peta", "di layar")
    findings.add_finding(
        ctx,
        session_id,
        FindingDetails(
            text="SOP lama",
            indicator_code="GOV.1.1",
            agencies=("Dinas", "Bappeda"),
            priority="high",
            due_date=dt.date(2025, 3, 1),
        ),
    )
    findings.add_finding(ctx, session_id, FindingDetails(text="Umum"))

    for code in ("GOV.1.1", "GOV.1.2", "ENV.1.1"):
        quick = indicator_view.indicator_detail(ctx, session_id, code)
        assert quick == walkthrough.indicator_detail(ctx, session_id, code)
    detail = indicator_view.indicator_detail(ctx, session_id, "GOV.1.1")
    assert detail.state.rating_spread == 3 and detail.state.open_clarifications == 1
    assert detail.clarifications[1].answered_by == "Dewi"
    assert detail.clarifications[1].answered_at is not None
    assert detail.clarifications[1].answered_at.tzinfo is not None
    assert detail.findings[0].agencies == ("Dinas", "Bappeda")


def test_quick_read_refuses_what_the_orm_read_refuses(ctx: Context, session_id: str) -> None:
    with pytest.raises(ServiceError):
        walkthrough.indicator_detail(ctx, session_id, "NOPE.1")
    with pytest.raises(ServiceError):
        indicator_view.indicator_detail(ctx, session_id, "NOPE.1")
