"""Scoring an indicator: levels, N/A, status, notes, each evaluator's rating."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import RowMapping, bindparam, select

from evaluator_app.domain.framework import Framework
from evaluator_app.i18n import _
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.frameworks import framework_by_hash, framework_of
from evaluator_app.services.operation import Context, Op, operation
from evaluator_app.services.record_update import update_fields
from evaluator_app.services.records import (
    SessionFacts,
    assessment_of,
    editable_session,
    editable_session_row,
    ensure_editable,
    get,
    not_in_framework,
    resolve_id,
)
from evaluator_app.store import models, tables

STATUSES = ("not_started", "in_discussion", "done", "deferred")


@dataclass
class _Edit:
    """An assessment being changed: as stored, and the values the service sets."""

    op: Op
    stored: RowMapping  # the assessment's columns, and its session's (_STORED)
    values: dict[str, Any]

    @property
    def code(self) -> str:
        return str(self.stored["indicator_code"])

    def check_level(self, level: int) -> None:
        framework = framework_by_hash(
            self.op.db, self.stored["framework_id"], self.stored["framework_hash"]
        )
        _check_level(framework, self.code, level)


_assessments = tables.assessment_table
_sessions = tables.session_table
_frameworks = tables.framework_table
# One statement for what a change needs, built once: these are the changes of every
# minute of a meeting, and ORM objects and statement building cost more than the
# statements (issue 9).
_STORED = (
    select(
        _assessments,
        _sessions.c.status.label("session_status"),
        _sessions.c.region,
        _sessions.c.year,
        _sessions.c.framework_id,
        _frameworks.c.content_hash.label("framework_hash"),
    )
    .join(_sessions, _sessions.c.id == _assessments.c.session_id)
    .join(_frameworks, _frameworks.c.id == _sessions.c.framework_id)
    .where(
        _assessments.c.session_id == bindparam("session_id"),
        _assessments.c.indicator_code == bindparam("code"),
    )
)


@contextmanager
def _assessment(ctx: Context, action: str, session_id: str, code: str) -> Iterator[_Edit]:
    with operation(ctx, action) as op:
        found = resolve_id(op.db, models.EvaluationSession, session_id)
        stored = (
            op.db.connection()
            .execute(_STORED, {"session_id": found, "code": code})
            .mappings()
            .first()
        )
        if stored is None:
            editable_session_row(op.db, found)  # says why: no such session, or signed
            raise not_in_framework(code, found)
        ensure_editable(
            SessionFacts(
                found,
                stored["session_status"],
                stored["region"],
                stored["year"],
                stored["framework_id"],
                stored["framework_hash"],
            )
        )
        op.session_id = found
        edit = _Edit(
            op, stored, {column.key: stored[column.key] for column in _assessments.columns}
        )
        yield edit
        update_fields(op, models.Assessment, stored, edit.values)


def _check_level(framework: Framework, code: str, level: int) -> None:
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
                indicator_code=code,
            )
        )


def set_agreed_level(ctx: Context, session_id: str, code: str, level: int | None) -> None:
    """Settle an indicator's level (None clears it); settling marks it done."""
    with _assessment(ctx, "set_agreed_level", session_id, code) as edit:
        values = edit.values
        if level is None:
            values["agreed_level"] = None
            if values["status"] == "done":
                values["status"] = "in_discussion"
            return
        edit.check_level(level)
        values.update(agreed_level=level, not_applicable=False, na_reason="")
        if values["status"] in ("not_started", "in_discussion"):
            values["status"] = "done"


def set_rationale(ctx: Context, session_id: str, code: str, rationale: str) -> None:
    """Why the agreed level is what it is: a sentence, e.g. when the evaluators differed."""
    if len(rationale) > 2000:
        raise InvalidInput(
            _("the rationale for {code} is longer than 2000 characters").format(code=code)
        )
    with _assessment(ctx, "set_rationale", session_id, code) as edit:
        edit.values["rationale"] = rationale.strip()


def set_self_level(ctx: Context, session_id: str, code: str, level: int | None) -> None:
    """What the city claimed in its self-assessment before the meeting."""
    with _assessment(ctx, "set_self_level", session_id, code) as edit:
        if level is not None:
            edit.check_level(level)
        edit.values["self_level"] = level


def set_not_applicable(ctx: Context, session_id: str, code: str, reason: str) -> None:
    """Mark an indicator N/A: it drops out of its group's mean."""
    if not reason.strip():
        raise InvalidInput(_("say why indicator {code} does not apply").format(code=code))
    with _assessment(ctx, "set_not_applicable", session_id, code) as edit:
        edit.values.update(
            not_applicable=True, na_reason=reason.strip(), agreed_level=None, status="done"
        )


def clear_not_applicable(ctx: Context, session_id: str, code: str) -> None:
    with _assessment(ctx, "clear_not_applicable", session_id, code) as edit:
        values = edit.values
        values.update(not_applicable=False, na_reason="")
        if values["status"] == "done" and values["agreed_level"] is None:
            values["status"] = "in_discussion"


def set_status(ctx: Context, session_id: str, code: str, status: str) -> None:
    if status not in STATUSES:
        raise InvalidInput(
            _("unknown status {status!r}; one of: {statuses}").format(
                status=status, statuses=", ".join(STATUSES)
            )
        )
    with _assessment(ctx, "set_status", session_id, code) as edit:
        edit.values["status"] = status


def set_notes(ctx: Context, session_id: str, code: str, notes: str) -> None:
    with _assessment(ctx, "set_notes", session_id, code) as edit:
        edit.values["notes"] = notes


def set_rating(
    ctx: Context, session_id: str, code: str, participant_id: str, level: int | None
) -> None:
    """One evaluator's own level for an indicator (None withdraws it)."""
    with operation(ctx, "set_rating") as op:
        session = editable_session(op.db, session_id)
        op.session_id = session.id
        assessment = assessment_of(op.db, session, code)
        participant = get(op.db, models.Participant, participant_id)
        if participant.session_id != assessment.session_id:
            raise InvalidInput(
                _("{name} is not a participant of this session").format(name=participant.name)
            )
        if participant.role not in ("lead_evaluator", "evaluator"):
            raise InvalidInput(_("{name} is not an evaluator").format(name=participant.name))
        rating = op.db.scalars(
            select(models.Rating).where(
                models.Rating.assessment_id == assessment.id,
                models.Rating.participant_id == participant.id,
            )
        ).first()
        if level is None:
            if rating is not None:
                op.db.delete(rating)
            return
        _check_level(framework_of(session), assessment.indicator_code, level)
        if rating is None:
            op.db.add(
                models.Rating(
                    assessment_id=assessment.id, participant_id=participant.id, level=level
                )
            )
        else:
            rating.level = level
