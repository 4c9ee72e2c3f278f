"""Scoring an indicator: levels, N/A, status, notes, each evaluator's rating."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select

from evaluator_app.i18n import _
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.frameworks import framework_of
from evaluator_app.services.operation import Context, Op, operation
from evaluator_app.services.records import assessment_of, editable_session, get
from evaluator_app.store.models import Assessment, Participant, Rating

STATUSES = ("not_started", "in_discussion", "done", "deferred")


@contextmanager
def _assessment(
    ctx: Context, action: str, session_id: str, code: str
) -> Iterator[tuple[Op, Assessment]]:
    with operation(ctx, action) as op:
        session = editable_session(op.db, session_id)
        op.session_id = session.id
        yield op, assessment_of(op.db, session, code)


def _check_level(op: Op, assessment: Assessment, level: int) -> None:
    framework = framework_of(assessment.session)
    values = framework.level_values()
    if level not in values:
        raise InvalidInput(
            _(
                "level {level} is not on the scale of {framework_id} "
                "({lowest}–{highest}) for indicator {indicator_code}"
            ).format(
                level=level,
                framework_id=framework.id,
                lowest=values[0],
                highest=values[-1],
                indicator_code=assessment.indicator_code,
            )
        )


def set_agreed_level(ctx: Context, session_id: str, code: str, level: int | None) -> None:
    """Settle an indicator's level (None clears it); settling marks it done."""
    with _assessment(ctx, "set_agreed_level", session_id, code) as (op, assessment):
        if level is None:
            assessment.agreed_level = None
            if assessment.status == "done":
                assessment.status = "in_discussion"
            return
        _check_level(op, assessment, level)
        assessment.agreed_level = level
        assessment.not_applicable = False
        assessment.na_reason = ""
        if assessment.status in ("not_started", "in_discussion"):
            assessment.status = "done"


def set_rationale(ctx: Context, session_id: str, code: str, rationale: str) -> None:
    """Why the agreed level is what it is: a sentence, e.g. when the evaluators differed."""
    if len(rationale) > 2000:
        raise InvalidInput(
            _("the rationale for {code} is longer than 2000 characters").format(code=code)
        )
    with _assessment(ctx, "set_rationale", session_id, code) as (_op, assessment):
        assessment.rationale = rationale.strip()


def set_self_level(ctx: Context, session_id: str, code: str, level: int | None) -> None:
    """What the city claimed in its self-assessment before the meeting."""
    with _assessment(ctx, "set_self_level", session_id, code) as (op, assessment):
        if level is not None:
            _check_level(op, assessment, level)
        assessment.self_level = level


def set_not_applicable(ctx: Context, session_id: str, code: str, reason: str) -> None:
    """Mark an indicator N/A: it drops out of its group's mean."""
    if not reason.strip():
        raise InvalidInput(_("say why indicator {code} does not apply").format(code=code))
    with _assessment(ctx, "set_not_applicable", session_id, code) as (_op, assessment):
        assessment.not_applicable = True
        assessment.na_reason = reason.strip()
        assessment.agreed_level = None
        assessment.status = "done"


def clear_not_applicable(ctx: Context, session_id: str, code: str) -> None:
    with _assessment(ctx, "clear_not_applicable", session_id, code) as (_op, assessment):
        assessment.not_applicable = False
        assessment.na_reason = ""
        if assessment.status == "done" and assessment.agreed_level is None:
            assessment.status = "in_discussion"


def set_status(ctx: Context, session_id: str, code: str, status: str) -> None:
    if status not in STATUSES:
        raise InvalidInput(
            _("unknown status {status!r}; one of: {statuses}").format(
                status=status, statuses=", ".join(STATUSES)
            )
        )
    with _assessment(ctx, "set_status", session_id, code) as (_op, assessment):
        assessment.status = status


def set_notes(ctx: Context, session_id: str, code: str, notes: str) -> None:
    with _assessment(ctx, "set_notes", session_id, code) as (_op, assessment):
        assessment.notes = notes


def set_rating(
    ctx: Context, session_id: str, code: str, participant_id: str, level: int | None
) -> None:
    """One evaluator's own level for an indicator (None withdraws it)."""
    with _assessment(ctx, "set_rating", session_id, code) as (op, assessment):
        participant = get(op.db, Participant, participant_id)
        if participant.session_id != assessment.session_id:
            raise InvalidInput(
                _("{name} is not a participant of this session").format(name=participant.name)
            )
        if participant.role not in ("lead_evaluator", "evaluator"):
            raise InvalidInput(_("{name} is not an evaluator").format(name=participant.name))
        rating = op.db.scalars(
            select(Rating).where(
                Rating.assessment_id == assessment.id, Rating.participant_id == participant.id
            )
        ).first()
        if level is None:
            if rating is not None:
                op.db.delete(rating)
            return
        _check_level(op, assessment, level)
        if rating is None:
            op.db.add(
                Rating(assessment_id=assessment.id, participant_id=participant.id, level=level)
            )
        else:
            rating.level = level
