"""The audit trail: reading it and proving its hash chain unbroken."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from evaluator_app.services.operation import GENESIS, Context, chain_hash, reading
from evaluator_app.services.records import get
from evaluator_app.store.models import AuditEvent, EvaluationSession


@dataclass(frozen=True)
class ChainReport:
    events: int
    broken_at: int | None = None  # seq of the first bad link
    event_id: str | None = None
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def verify_chain(ctx: Context, session_id: str) -> ChainReport:
    """Walk a session's events in order; report the first link that does not hold."""
    with reading(ctx) as db:
        session_id = get(db, EvaluationSession, session_id).id
        events = db.scalars(
            select(AuditEvent).where(AuditEvent.session_id == session_id).order_by(AuditEvent.seq)
        ).all()
        previous = GENESIS
        for expected_seq, event in enumerate(events, start=1):
            problem = ""
            if event.seq != expected_seq:
                problem = f"event {expected_seq} is missing (next found is {event.seq})"
            elif event.prev_hash != previous:
                problem = "its link to the previous event does not match (removed or reordered)"
            elif chain_hash(event) != event.hash:
                problem = "its content was changed after it was recorded"
            if problem:
                return ChainReport(len(events), expected_seq, event.id, problem)
            previous = event.hash
        return ChainReport(len(events))


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
