"""One indicator in full, as the meeting window reads it on every switch.

The same ``IndicatorDetail`` as ``walkthrough.indicator_detail``, read with
six plain queries on the session's connection instead of loading ORM objects and
their lazy relationships: the indicator page reads it at each switch (issue 9).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from evaluator_app.services import walkthrough
from evaluator_app.services.operation import Context, looking
from evaluator_app.services.walkthrough import (
    ClarificationRow,
    EvidenceRow,
    FindingRow,
    IndicatorDetail,
    IndicatorState,
    RatingRow,
)

# Plain SQL on the session's own connection (inside its transaction): building and
# caching SQLAlchemy statements cost more than the six queries themselves.
_ASSESSMENT = (
    "SELECT id, status, not_applicable, agreed_level, self_level, notes, na_reason, rationale"
    " FROM assessment WHERE session_id = ? AND indicator_code = ?"
)
_NAMES = "SELECT id, name FROM participant WHERE session_id = ?"
_CLARIFICATIONS = (
    "SELECT id, question, answer, status, asked_by_id, answered_by_id, asked_at, answered_at"
    " FROM clarification WHERE assessment_id = ? ORDER BY asked_at"
)
_EVIDENCE = (
    "SELECT id, title, kind, status, sha256, original_name, size, url, due_date, note"
    " FROM evidence WHERE assessment_id = ? ORDER BY created_at"
)
_RATINGS = "SELECT participant_id, level FROM rating WHERE assessment_id = ?"
_FINDINGS = (
    "SELECT id, text, recommendation, indicator_code, agencies, priority, due_date"
    " FROM finding WHERE session_id = ? AND indicator_code = ? ORDER BY created_at"
)


def _utc(stored: str | None) -> dt.datetime | None:
    """A stored naive UTC time (as the store's UTCDateTime writes it) as an aware one."""
    return None if stored is None else dt.datetime.fromisoformat(stored).replace(tzinfo=dt.UTC)


def _date(stored: str | None) -> dt.date | None:
    return None if stored is None else dt.date.fromisoformat(stored)


def _agencies(stored: str | None) -> tuple[str, ...]:
    return tuple(json.loads(stored) or ()) if stored else ()


def indicator_detail(ctx: Context, session_id: str, code: str) -> IndicatorDetail:
    """Indicator ``code`` of session ``session_id`` (its full id) with its clarifications,
    evidence, findings and ratings; an unknown session or code is refused as
    ``walkthrough.indicator_detail`` refuses it."""
    with looking(ctx) as db:
        raw: Any = db.connection.driver_connection
        if not isinstance(raw, sqlite3.Connection):  # another database: the ORM's way
            return walkthrough.indicator_detail(ctx, session_id, code)
        cursor = raw.cursor()
        found = cursor.execute(_ASSESSMENT, (session_id, code)).fetchone()
        if found is None:  # an abbreviated id, or nothing to show: the service says which
            return walkthrough.indicator_detail(ctx, session_id, code)
        assessment_id, status, not_applicable, agreed, self_level, notes, na_reason, rationale = (
            found
        )
        names: dict[str, str] = dict(cursor.execute(_NAMES, (session_id,)).fetchall())
        clarifications = [
            ClarificationRow(
                cid,
                question,
                answer,
                c_status,
                asked_by,
                names.get(asked_by or ""),
                answered_by,
                names.get(answered_by or ""),
                dt.datetime.fromisoformat(asked_at).replace(tzinfo=dt.UTC),
                _utc(answered_at),
            )
            for cid, question, answer, c_status, asked_by, answered_by, asked_at, answered_at in (
                cursor.execute(_CLARIFICATIONS, (assessment_id,)).fetchall()
            )
        ]
        evidence = [
            EvidenceRow(eid, title, kind, e_status, sha, name, size, url, _date(due), note)
            for eid, title, kind, e_status, sha, name, size, url, due, note in cursor.execute(
                _EVIDENCE, (assessment_id,)
            ).fetchall()
        ]
        ratings = [
            RatingRow(pid, names.get(pid, "?"), level)
            for pid, level in cursor.execute(_RATINGS, (assessment_id,)).fetchall()
        ]
        findings = [
            FindingRow(fid, text, recommendation, f_code, _agencies(agencies), priority, _date(due))
            for fid, text, recommendation, f_code, agencies, priority, due in cursor.execute(
                _FINDINGS, (session_id, code)
            ).fetchall()
        ]
    levels = [r.level for r in ratings]
    state = IndicatorState(
        code=code,
        status=status,
        not_applicable=bool(not_applicable),
        agreed_level=agreed,
        self_level=self_level,
        notes=notes,
        open_clarifications=sum(1 for c in clarifications if c.status == "open"),
        pending_evidence=sum(1 for e in evidence if e.status == "pending"),
        rating_spread=max(levels) - min(levels) if levels else 0,
    )
    return IndicatorDetail(
        state=state,
        na_reason=na_reason,
        rationale=rationale,
        clarifications=clarifications,
        evidence=evidence,
        findings=findings,
        ratings=sorted(ratings, key=lambda r: r.name),
    )
