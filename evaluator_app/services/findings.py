"""Findings: what the evaluators ask the city's agencies to act on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from evaluator_app.i18n import _
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.operation import Context, Op, operation
from evaluator_app.services.records import assessment_of, editable_session, get
from evaluator_app.store import models

PRIORITIES = ("high", "medium", "low")


@dataclass(frozen=True)
class FindingDetails:
    text: str | None = None
    recommendation: str | None = None
    indicator_code: str | None = None  # "" unlinks it from its indicator
    agencies: tuple[str, ...] | None = None
    priority: str | None = None
    due_date: dt.date | None = None
    clear_due_date: bool = False  # None above means "unchanged"; this removes it


def _apply(
    op: Op, session: models.EvaluationSession, finding: models.Finding, details: FindingDetails
) -> None:
    if details.text is not None:
        if not details.text.strip():
            raise InvalidInput(_("the finding has no text"))
        finding.text = details.text.strip()
    if details.recommendation is not None:
        finding.recommendation = details.recommendation.strip()
    if details.indicator_code is not None:
        code = details.indicator_code.strip()
        if code:
            assessment_of(op.db, session, code)  # refuses a code outside the framework
        finding.indicator_code = code or None
    if details.agencies is not None:
        agencies = [a.strip() for a in details.agencies if a.strip()]
        finding.agencies = list(dict.fromkeys(agencies))  # keep order, drop repeats
    if details.priority is not None:
        if details.priority not in PRIORITIES:
            raise InvalidInput(
                _("unknown priority {priority!r}; one of: {priorities}").format(
                    priority=details.priority, priorities=", ".join(PRIORITIES)
                )
            )
        finding.priority = details.priority
    if details.due_date is not None and details.clear_due_date:
        raise InvalidInput(_("give a due date or clear it, not both"))
    if details.due_date is not None:
        finding.due_date = details.due_date
    if details.clear_due_date:
        finding.due_date = None


def add_finding(ctx: Context, session_id: str, details: FindingDetails) -> str:
    if not details.text:
        raise InvalidInput(_("the finding has no text"))
    with operation(ctx, "add_finding") as op:
        session = editable_session(op.db, session_id)
        op.session_id = session.id
        finding = models.Finding(
            session_id=session.id, recommendation="", agencies=[], priority="medium"
        )
        _apply(op, session, finding, details)
        op.db.add(finding)
        op.db.flush()
        return finding.id


def _finding(op: Op, finding_id: str) -> tuple[models.EvaluationSession, models.Finding]:
    finding = get(op.db, models.Finding, finding_id)
    session = editable_session(op.db, finding.session_id)
    op.session_id = session.id
    return session, finding


def edit_finding(ctx: Context, finding_id: str, details: FindingDetails) -> None:
    with operation(ctx, "edit_finding") as op:
        session, finding = _finding(op, finding_id)
        _apply(op, session, finding, details)


def remove_finding(ctx: Context, finding_id: str) -> None:
    with operation(ctx, "remove_finding") as op:
        op.db.delete(_finding(op, finding_id)[1])
