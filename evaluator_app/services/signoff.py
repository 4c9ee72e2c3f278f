"""Sign-off: freeze a canonical snapshot of the session; reopening makes an amendment.

This records the sign-off and its snapshot hash; the signed PDF minutes
(PAdES) build on it in reports/ and signing/.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from sqlalchemy import select

from evaluator_app.domain.canonical import canonical_json, sha256_of
from evaluator_app.domain.scoring import score_framework
from evaluator_app.i18n import _
from evaluator_app.services.backups import automatic_backup
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.frameworks import framework_of
from evaluator_app.services.operation import Context, chain_head, operation, reading
from evaluator_app.services.records import editable_session, get
from evaluator_app.services.sessions import ParticipantRow, status_name
from evaluator_app.store import models

# Added when the snapshot is frozen, beside what the minutes show: the trail's
# head, the signers, the previous session's figures (that session may be amended
# later; the signed minutes keep what they showed) and whether the evaluators'
# ratings are listed.
FROZEN_EXTRAS = ("audit_head", "signers", "previous", "show_ratings")


def snapshot(session: models.EvaluationSession) -> dict[str, Any]:
    """Everything the minutes show, as canonical data (evidence by hash)."""
    from sqlalchemy.orm import object_session, selectinload  # with the ORM, not at start

    framework = framework_of(session)
    db = object_session(session)
    if db is None:
        loaded = list(session.assessments)
    else:  # one query per kind of record, not three per indicator (issue 9)
        # Kept in a list: the identity map holds objects weakly, and loaded children
        # of assessments nobody holds are gone by the time they are read.
        loaded = list(
            db.scalars(
                select(models.Assessment)
                .where(models.Assessment.session_id == session.id)
                .options(
                    selectinload(models.Assessment.ratings),
                    selectinload(models.Assessment.clarifications),
                    selectinload(models.Assessment.evidence),
                )
            ).all()
        )
    assessments = sorted(loaded, key=lambda a: a.indicator_code)
    agreed = {a.indicator_code: a.agreed_level for a in assessments if a.agreed_level is not None}
    na = {a.indicator_code for a in assessments if a.not_applicable}
    scores = score_framework(framework, agreed, na)
    return {
        "session": {
            "id": session.id,
            "region": session.region,
            "stage": session.stage,
            "year": session.year,
            "starts_at": session.starts_at,
            "timezone": session.timezone,
            "venue": session.venue,
            "evidence_deadline": session.evidence_deadline,
            "document_number": session.document_number,
            # 0 for the first minutes; each reopening after a sign-off makes the next.
            "amendment": len({s.snapshot_hash for s in session.signoffs if s.superseded}),
        },
        "framework": {
            "id": framework.id,
            "version": framework.version,
            "content_hash": framework.content_hash,
        },
        "index": scores.index,
        "predicate": scores.predicate.name.id if scores.predicate else None,
        "groups": {code: g.value for code, g in sorted(scores.groups.items())},
        "participants": [
            asdict(ParticipantRow.of(p)) for p in sorted(session.participants, key=lambda p: p.id)
        ],
        "assessments": [
            {
                "indicator": a.indicator_code,
                "self_level": a.self_level,
                "agreed_level": a.agreed_level,
                "not_applicable": a.not_applicable,
                "na_reason": a.na_reason,
                "status": a.status,
                "notes": a.notes,
                # only when given: snapshots made before rationales existed stay the same
                **({"rationale": a.rationale} if a.rationale else {}),
                "ratings": {r.participant_id: r.level for r in a.ratings},
                "clarifications": [
                    {
                        "id": c.id,
                        "question": c.question,
                        "answer": c.answer,
                        "asked_by": c.asked_by_id,
                        "answered_by": c.answered_by_id,
                        "status": c.status,
                    }
                    for c in sorted(a.clarifications, key=lambda c: c.id)
                ],
                "evidence": [
                    {
                        "id": e.id,
                        "title": e.title,
                        "kind": e.kind,
                        "sha256": e.sha256,
                        "url": e.url,
                        "status": e.status,
                        "due_date": e.due_date,
                        "note": e.note,
                    }
                    for e in sorted(a.evidence, key=lambda e: e.id)
                ],
            }
            for a in assessments
        ],
        "findings": [
            {
                "id": f.id,
                "text": f.text,
                "recommendation": f.recommendation,
                "indicator": f.indicator_code,
                "agencies": f.agencies,
                "priority": f.priority,
                "due_date": f.due_date,
            }
            for f in sorted(session.findings, key=lambda f: f.id)
        ],
    }


def sign_off(ctx: Context, session_id: str, signer_ids: list[str], method: str = "recorded") -> str:
    """Freeze the session: record the snapshot hash for each signer; returns the hash."""
    if not signer_ids:
        raise InvalidInput(_("name at least one signer"))
    with operation(ctx, "sign_off") as op:
        session = editable_session(op.db, session_id)
        op.session_id = session.id
        data = snapshot(session)
        # The trail's head goes into the signed record: a trail rewritten or cut
        # before this point no longer matches what was signed.
        seq, head = chain_head(op.db, session.id)
        data["audit_head"] = {"seq": seq, "hash": head}
        digest = sha256_of(data)
        text = canonical_json(data)
        signers = {get(op.db, models.Participant, signer_id).id for signer_id in signer_ids}
        for signer_id in sorted(signers):
            signer = get(op.db, models.Participant, signer_id)
            if signer.session_id != session.id:
                raise InvalidInput(
                    _("{name} is not a participant of this session").format(name=signer.name)
                )
            op.db.add(
                models.SignOff(
                    session_id=session.id,
                    signer_id=signer.id,
                    snapshot_hash=digest,
                    snapshot=text,
                    method=method,
                    superseded=False,
                    reopen_reason="",
                )
            )
        session.status = "signed"
    # A signed record is worth a copy: kept among the rotated automatic backups.
    automatic_backup(ctx, "signoff")
    return digest


def reopen(ctx: Context, session_id: str, reason: str) -> None:
    """Unlock a signed session for an amendment; the earlier sign-offs are superseded."""
    if not reason.strip():
        raise InvalidInput(_("say why the signed session is reopened"))
    with operation(ctx, "reopen_session") as op:
        session = get(op.db, models.EvaluationSession, session_id)
        op.session_id = session.id
        if session.status != "signed":
            raise InvalidInput(
                _("session {session_id} is not signed ({status})").format(
                    session_id=session.id[:8], status=status_name(session.status)
                )
            )
        for signoff in op.db.scalars(
            select(models.SignOff).where(
                models.SignOff.session_id == session.id, ~models.SignOff.superseded
            )
        ):
            signoff.superseded = True
            signoff.reopen_reason = reason.strip()
        session.status = "amended"


def current_snapshot_matches(ctx: Context, session_id: str) -> bool:
    """Whether the session still equals what was signed (False if never signed)."""
    with reading(ctx) as db:
        session = get(db, models.EvaluationSession, session_id)
        live = [s for s in session.signoffs if not s.superseded]
        if not live:
            return False
        now = canonical_json(snapshot(session))
        for signoff in live:
            signed = json.loads(signoff.snapshot)
            if sha256_of(signed) != signoff.snapshot_hash:
                return False  # the stored snapshot itself was altered
            for extra in FROZEN_EXTRAS:
                signed.pop(extra, None)
            if canonical_json(signed) != now:
                return False
        return True
