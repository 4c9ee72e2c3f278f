"""The audit trail: reading it, and proving it unbroken and true to the records."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import select, text

from evaluator_app.domain.canonical import canonical_json
from evaluator_app.i18n import _
from evaluator_app.services.capture import record_values
from evaluator_app.services.operation import (
    GENESIS,
    Context,
    chain_hash,
    reading,
)
from evaluator_app.services.records import get
from evaluator_app.store.models import (
    Assessment,
    Assignment,
    AuditEvent,
    Clarification,
    EvaluationSession,
    Evidence,
    Finding,
    Participant,
    Rating,
    Record,
    SignOff,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class ChainReport:
    events: int
    broken_at: int | None = None  # seq of the first bad link
    event_id: str | None = None
    problem: str = ""
    # Records whose stored values differ from what the trail says they are.
    mismatches: tuple[str, ...] = ()

    @property
    def intact(self) -> bool:
        return self.broken_at is None and not self.mismatches


def verify_chain(ctx: Context, session_id: str) -> ChainReport:
    """Prove a session's audit trail whole and its records equal to what it says.

    Checks, in order: every link of the hash chain; that the trail starts with
    the session's creation; that each sign-off's recorded trail head is in it;
    and, replaying the trail, that every record holds exactly the values its
    last audited change gave it (so an edit made around the app shows).
    A trail cut off at its end is found only up to the newest sign-off, whose
    head the signed minutes carry.
    """
    with reading(ctx) as db:
        session = get(db, EvaluationSession, session_id)
        try:
            events = db.scalars(
                select(AuditEvent)
                .where(AuditEvent.session_id == session.id)
                .order_by(AuditEvent.seq)
            ).all()
        except ValueError:  # a stored value that is no longer of its kind (a time)
            return _unreadable_trail(db, session.id)
        if not events:
            return ChainReport(0, 0, None, _("the session has no audit trail at all"))
        previous = GENESIS
        for expected_seq, event in enumerate(events, start=1):
            problem = ""
            if event.seq != expected_seq:
                problem = _("event {seq} is missing (next found is {found})").format(
                    seq=expected_seq, found=event.seq
                )
            elif event.prev_hash != previous:
                problem = _("its link to the previous event does not match (removed or reordered)")
            elif chain_hash(event) != event.hash:
                problem = _("its content was changed after it was recorded")
            elif expected_seq == 1 and event.action != "create_session":
                problem = _("the trail does not start with the session's creation")
            if problem:
                return ChainReport(len(events), expected_seq, event.id, problem)
            previous = event.hash
        by_seq = {e.seq: e.hash for e in events}
        for signoff in session.signoffs:
            head = signoff_head(signoff.snapshot)
            if head is not None and by_seq.get(head[0]) != head[1]:
                return ChainReport(
                    len(events),
                    head[0],
                    None,
                    _("the trail differs from the one the sign-off recorded"),
                )
        return ChainReport(len(events), mismatches=tuple(_mismatches(db, session, events)))


def _unreadable_trail(db: Session, session_id: str) -> ChainReport:
    """The event whose stored time cannot be read: changed around the app."""
    rows = db.execute(
        text("SELECT seq, id, at FROM audit_event WHERE session_id = :id ORDER BY seq"),
        {"id": session_id},
    ).all()
    for seq, event_id, at in rows:
        try:
            dt.datetime.fromisoformat(str(at))
        except ValueError:
            return ChainReport(
                len(rows),
                int(seq),
                str(event_id),
                _("its time {at!r} is not a time: it was changed").format(at=at),
            )
    return ChainReport(len(rows), 0, None, _("the trail cannot be read: it was changed"))


def signoff_head(snapshot_text: str) -> tuple[int, str] | None:
    head = json.loads(snapshot_text).get("audit_head")
    return (int(head["seq"]), str(head["hash"])) if head else None


class TrailRow(Protocol):
    """What a replay reads of an audit event (an ``AuditEvent`` or a plain row)."""

    @property
    def record_type(self) -> str: ...
    @property
    def record_id(self) -> str: ...
    @property
    def change(self) -> str: ...
    @property
    def field(self) -> str | None: ...
    @property
    def new_value(self) -> str | None: ...


def replay_trail(events: Iterable[TrailRow]) -> dict[tuple[str, str], dict[str, str]]:
    """Each record's fields as the trail leaves them (canonical JSON text)."""
    state: dict[tuple[str, str], dict[str, str]] = {}
    for event in events:
        key = (event.record_type, event.record_id)
        if event.change == "create":
            values = json.loads(event.new_value or "{}")
            state[key] = {name: canonical_json(value) for name, value in values.items()}
        elif event.change == "update" and event.field:
            state.setdefault(key, {})[event.field] = event.new_value or "null"
        elif event.change == "delete":
            state.pop(key, None)
    return state


def _session_records(db: Session, session: EvaluationSession) -> list[Record]:
    assessment_ids = select(Assessment.id).where(Assessment.session_id == session.id)
    records: list[Record] = [session]
    for model in (Participant, Assessment, Finding, SignOff, Assignment):
        records += db.scalars(select(model).where(model.session_id == session.id)).all()
    for child in (Rating, Clarification, Evidence):
        records += db.scalars(select(child).where(child.assessment_id.in_(assessment_ids))).all()
    return records


def as_audited(model: type[Record], name: str, values: dict[str, str]) -> str:
    """What the trail says a field holds (canonical JSON).

    A field the trail never mentions for a record was added by a migration after
    the record was made: it holds the column's default, as the migration gave it.
    """
    if name in values:
        return values[name]
    column = model.__table__.c[name]
    default = column.default.arg if column.default is not None else None
    return canonical_json(None if callable(default) else default)


def _mismatches(db: Session, session: EvaluationSession, events: Sequence[AuditEvent]) -> list[str]:
    expected = replay_trail(events)
    expected.pop(("framework", session.framework_id), None)  # may be another session's
    problems = []
    for record in _session_records(db, session):
        key = (type(record).__tablename__, record.id)
        values = expected.pop(key, None)
        label = f"{key[0]} {record.id[:8]}"
        if values is None:
            problems.append(
                _("{label} is not in the audit trail (added around the app)").format(label=label)
            )
            continue
        for name, stored in record_values(record).items():
            if canonical_json(stored) != as_audited(type(record), name, values):
                problems.append(
                    _("{label}: {name} differs from its audit trail").format(label=label, name=name)
                )
    for record_type, record_id in expected:
        if record_type != "framework":
            problems.append(
                _("{record_type} {record_id} was removed around the app").format(
                    record_type=record_type, record_id=record_id[:8]
                )
            )
    return problems


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: str
    actor: str
    action: str
    record_type: str
    record_id: str
    change: str
    field: str | None
    old_value: str | None
    new_value: str | None


def audit_log(ctx: Context, session_id: str, limit: int | None = None) -> list[AuditRow]:
    """The newest events first."""
    with reading(ctx) as db:
        session_id = get(db, EvaluationSession, session_id).id
        query = (
            select(AuditEvent)
            .where(AuditEvent.session_id == session_id)
            .order_by(AuditEvent.seq.desc())
            .limit(limit)
        )
        return [
            AuditRow(
                e.seq,
                e.at.isoformat(timespec="seconds"),
                e.actor,
                e.action,
                e.record_type,
                e.record_id,
                e.change,
                e.field,
                e.old_value,
                e.new_value,
            )
            for e in db.scalars(query)
        ]
