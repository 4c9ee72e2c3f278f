"""Clarifications: a question asked about an indicator and the answer given."""

from __future__ import annotations

from evaluator_app.i18n import _
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.operation import Context, Op, operation
from evaluator_app.services.records import assessment_of, editable_session, get
from evaluator_app.store import models
from evaluator_app.store.tables import utc_now


def _participant_id(op: Op, session_id: str, participant_id: str | None) -> str | None:
    if participant_id is None:
        return None
    participant = get(op.db, models.Participant, participant_id)
    if participant.session_id != session_id:
        raise InvalidInput(
            _("{name} is not a participant of this session").format(name=participant.name)
        )
    return participant.id


def ask(
    ctx: Context, session_id: str, code: str, question: str, asked_by: str | None = None
) -> str:
    if not question.strip():
        raise InvalidInput(_("the question is empty"))
    with operation(ctx, "ask_clarification") as op:
        session = editable_session(op.db, session_id)
        op.session_id = session.id
        clarification = models.Clarification(
            assessment_id=assessment_of(op.db, session, code).id,
            question=question.strip(),
            asked_by_id=_participant_id(op, session.id, asked_by),
            asked_at=utc_now(),
            status="open",
            answer="",
        )
        op.db.add(clarification)
        op.db.flush()
        return clarification.id


def _clarification(op: Op, clarification_id: str) -> models.Clarification:
    clarification = get(op.db, models.Clarification, clarification_id)
    session = editable_session(op.db, clarification.assessment.session_id)
    op.session_id = session.id
    return clarification


def answer(ctx: Context, clarification_id: str, text: str, answered_by: str | None = None) -> None:
    if not text.strip():
        raise InvalidInput(_("the answer is empty"))
    with operation(ctx, "answer_clarification") as op:
        clarification = _clarification(op, clarification_id)
        clarification.answer = text.strip()
        clarification.answered_by_id = _participant_id(
            op, clarification.assessment.session_id, answered_by
        )
        clarification.answered_at = utc_now()
        clarification.status = "answered"


def reopen(ctx: Context, clarification_id: str) -> None:
    """The answer did not settle it: the question is open again (the answer is kept)."""
    with operation(ctx, "reopen_clarification") as op:
        clarification = _clarification(op, clarification_id)
        clarification.status = "open"


def edit_question(ctx: Context, clarification_id: str, question: str) -> None:
    if not question.strip():
        raise InvalidInput(_("the question is empty"))
    with operation(ctx, "edit_clarification") as op:
        _clarification(op, clarification_id).question = question.strip()


def remove(ctx: Context, clarification_id: str) -> None:
    with operation(ctx, "remove_clarification") as op:
        op.db.delete(_clarification(op, clarification_id))
