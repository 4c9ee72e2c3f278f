"""Attendance: the people in the meeting and their roles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from evaluator_app.i18n import N_, _
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.operation import Context, operation
from evaluator_app.services.records import editable_session, get
from evaluator_app.store import models

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ROLES = (
    "lead_evaluator",
    "evaluator",
    "signer",
    "agency_head",
    "council",
    "implementation_team",
    "observer",
)
# Who rates indicators and may hold a dimension.
EVALUATOR_ROLES = ("lead_evaluator", "evaluator")
# Each role as a message names it.
_ROLE_NAMES = {
    "lead_evaluator": N_("lead evaluator"),
    "evaluator": N_("evaluator"),
    "signer": N_("signer"),
    "agency_head": N_("agency head"),
    "council": N_("council"),
    "implementation_team": N_("implementation team"),
    "observer": N_("observer"),
}


def role_name(role: str) -> str:
    """``"lead_evaluator"`` in words of the current language; an unknown role as it is."""
    return _(_ROLE_NAMES[role]) if role in _ROLE_NAMES else role


def normalise_nip(nip: str | None) -> str | None:
    """An Indonesian civil-servant number: 18 digits, spaces allowed when typed."""
    if nip is None:
        return None
    digits = re.sub(r"[\s.\-]", "", nip)
    if not digits:
        return None
    if not digits.isdigit() or len(digits) != 18:
        raise InvalidInput(
            _(
                "NIP {nip!r} must be 18 digits (e.g. 19650312 199003 1 008); "
                "leave it empty for guests without one"
            ).format(nip=nip)
        )
    return digits


@dataclass(frozen=True)
class ParticipantDetails:
    name: str | None = None
    nip: str | None = None
    position: str | None = None
    organisation: str | None = None
    rank: str | None = None  # pangkat/golongan, shown under the signature
    role: str | None = None
    present: bool | None = None


def _apply(participant: models.Participant, details: ParticipantDetails) -> None:
    if details.name is not None:
        if not details.name.strip():
            raise InvalidInput(_("a participant needs a name"))
        participant.name = details.name.strip()
    if details.nip is not None:
        participant.nip = normalise_nip(details.nip)
    if details.role is not None:
        if details.role not in ROLES:
            raise InvalidInput(
                _("unknown role {role!r}; one of: {roles}").format(
                    role=details.role, roles=", ".join(ROLES)
                )
            )
        participant.role = details.role
    for name in ("position", "organisation", "rank"):
        value = getattr(details, name)
        if value is not None:
            setattr(participant, name, value.strip())
    if details.present is not None:
        participant.present = details.present


def add_participant(ctx: Context, session_id: str, details: ParticipantDetails) -> str:
    if details.name is None or details.role is None:
        raise InvalidInput(_("a participant needs a name and a role"))
    with operation(ctx, "add_participant") as op:
        session = editable_session(op.db, session_id)
        op.session_id = session.id
        participant = models.Participant(
            session_id=session.id, present=True, position="", organisation="", rank=""
        )
        _apply(participant, details)
        op.db.add(participant)
        op.db.flush()
        return participant.id


def edit_participant(ctx: Context, participant_id: str, details: ParticipantDetails) -> None:
    with operation(ctx, "edit_participant") as op:
        participant = get(op.db, models.Participant, participant_id)
        session = editable_session(op.db, participant.session_id)
        op.session_id = session.id
        _apply(participant, details)
        if participant.role not in EVALUATOR_ROLES:  # no longer evaluates: hands back dimensions
            _release_dimensions(op.db, participant.id)


def _release_dimensions(db: Session, participant_id: str) -> None:
    for assignment in db.scalars(
        select(models.Assignment).where(models.Assignment.participant_id == participant_id)
    ):
        db.delete(assignment)


def remove_participant(ctx: Context, participant_id: str) -> None:
    """Remove someone from the attendance; their ratings and dimensions go, their
    questions stay unnamed."""
    with operation(ctx, "remove_participant") as op:
        participant = get(op.db, models.Participant, participant_id)
        session = editable_session(op.db, participant.session_id)
        op.session_id = session.id
        if op.db.scalars(
            select(models.SignOff).where(models.SignOff.signer_id == participant.id)
        ).first():
            raise InvalidInput(
                _("{name} has signed this session and stays listed").format(name=participant.name)
            )
        for rating in op.db.scalars(
            select(models.Rating).where(models.Rating.participant_id == participant.id)
        ):
            op.db.delete(rating)
        _release_dimensions(op.db, participant.id)
        for clarification in op.db.scalars(
            select(models.Clarification).where(
                (models.Clarification.asked_by_id == participant.id)
                | (models.Clarification.answered_by_id == participant.id)
            )
        ):
            if clarification.asked_by_id == participant.id:
                clarification.asked_by_id = None
            if clarification.answered_by_id == participant.id:
                clarification.answered_by_id = None
        op.db.delete(participant)


def copy_attendance(ctx: Context, source_session_id: str, target_session_id: str) -> int:
    """Copy the people of an earlier session (of the same region) into this one.

    People already listed (same name, or same NIP) are left as they are; the
    copies are marked present. Returns how many were added.
    """
    with operation(ctx, "copy_attendance") as op:
        target = editable_session(op.db, target_session_id)
        op.session_id = target.id
        source = get(op.db, models.EvaluationSession, source_session_id)
        if source.id == target.id:
            raise InvalidInput(_("choose an earlier session, not this one"))
        if source.region.casefold() != target.region.casefold():
            raise InvalidInput(
                _("session {source_id} is of {other_region}, not {region}").format(
                    source_id=source.id[:8], other_region=source.region, region=target.region
                )
            )
        names = {p.name.casefold() for p in target.participants}
        nips = {p.nip for p in target.participants if p.nip}
        added = 0
        for person in source.participants:
            if person.name.casefold() in names or (person.nip and person.nip in nips):
                continue
            op.db.add(
                models.Participant(
                    session_id=target.id,
                    name=person.name,
                    nip=person.nip,
                    position=person.position,
                    organisation=person.organisation,
                    rank=person.rank,
                    role=person.role,
                    present=True,
                )
            )
            added += 1
        return added
