"""Who holds which dimension: the lead assigns dimensions to evaluators.

An evaluator scores and annotates the indicators of the dimensions they hold,
and their bundle carries them (``exchange.scope``).  One holder per dimension;
one evaluator may hold several.  Someone who leaves the attendance, or no
longer evaluates, hands their dimensions back (``services.participants``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from evaluator_app.i18n import _
from evaluator_app.services.errors import InvalidInput, NotFound
from evaluator_app.services.frameworks import framework_by_hash, framework_of
from evaluator_app.services.operation import Context, looking, operation
from evaluator_app.services.participants import EVALUATOR_ROLES, role_name
from evaluator_app.services.records import editable_session, get, session_row
from evaluator_app.store import models, tables


@dataclass(frozen=True)
class AssignmentInfo:
    dimension_code: str
    participant_id: str
    name: str


def assign_dimension(
    ctx: Context, session_id: str, dimension_code: str, participant_id: str | None
) -> None:
    """Give a dimension to an evaluator of the session; None takes it from its holder."""
    with operation(ctx, "assign_dimension") as op:
        session = editable_session(op.db, session_id)
        op.session_id = session.id
        framework = framework_of(session)
        code = dimension_code.strip()
        known = [d.code for d in framework.dimensions]
        if code not in known:
            raise NotFound(
                _("no dimension {code!r} in {framework_id} {version}; it has {known}").format(
                    code=code,
                    framework_id=framework.id,
                    version=framework.version,
                    known=", ".join(known),
                )
            )
        current = op.db.scalars(
            select(models.Assignment).where(
                models.Assignment.session_id == session.id, models.Assignment.dimension_code == code
            )
        ).first()
        if participant_id is None:
            if current is not None:
                op.db.delete(current)
            return
        person = get(op.db, models.Participant, participant_id)
        if person.session_id != session.id:
            raise InvalidInput(
                _("{name} is not a participant of session {session_id} ({region} {year})").format(
                    name=person.name,
                    session_id=session.id[:8],
                    region=session.region,
                    year=session.year,
                )
            )
        if person.role not in EVALUATOR_ROLES:
            raise InvalidInput(
                _(
                    "{name} takes part as {role} and cannot hold a dimension; "
                    "only evaluators and lead evaluators can"
                ).format(name=person.name, role=role_name(person.role))
            )
        if current is None:
            op.db.add(
                models.Assignment(
                    session_id=session.id, dimension_code=code, participant_id=person.id
                )
            )
        elif current.participant_id != person.id:
            current.participant_id = person.id


def assignments(ctx: Context, session_id: str) -> dict[str, AssignmentInfo]:
    """Dimension code -> its holder, in the framework's order of dimensions."""
    held = tables.assignment_table  # Core: the navigator reads it at start
    people = tables.participant_table
    with looking(ctx) as db:
        session = session_row(db, session_id)
        framework = framework_by_hash(db, session.framework_id, session.content_hash)
        order = {d.code: n for n, d in enumerate(framework.dimensions)}
        rows = db.execute(
            select(held.c.dimension_code, people.c.id, people.c.name)
            .join(people, held.c.participant_id == people.c.id)
            .where(held.c.session_id == session.id)
        ).all()
    found = sorted(rows, key=lambda row: (order.get(row[0], len(order)), row[0]))
    return {code: AssignmentInfo(code, pid, name) for code, pid, name in found}
