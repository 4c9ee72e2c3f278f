"""Signed work is read-only; undo and redo replay the audit trail; tampering shows."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from evaluator_app.services import (
    assessments,
    clarifications,
    evidence,
    findings,
    participants,
    sessions,
    signoff,
    undo,
)
from evaluator_app.services.audit import audit_log, verify_chain
from evaluator_app.services.errors import InvalidInput, SessionLocked
from evaluator_app.services.findings import FindingDetails
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.services.sessions import SessionDetails, session_overview


@pytest.fixture
def signer(ctx: Context, session_id: str) -> str:
    return participants.add_participant(
        ctx, session_id, ParticipantDetails(name="Agus", nip="196803121994031005", role="signer")
    )


def test_signed_session_refuses_every_kind_of_edit(
    ctx: Context, session_id: str, signer: str, tmp_path: Path
) -> None:
    cid = clarifications.ask(ctx, session_id, "GOV.1.1", "Ada SK?")
    fid = findings.add_finding(ctx, session_id, FindingDetails(text="Perlu SK"))
    eid = evidence.add_seen(ctx, session_id, "GOV.1.1", "SK")
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 3)
    digest = signoff.sign_off(ctx, session_id, [signer])
    assert len(digest) == 64
    assert session_overview(ctx, session_id).status == "signed"
    document = tmp_path / "x.pdf"
    document.write_bytes(b"x")
    edits: list[Callable[[], object]] = [
        lambda: assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 1),
        lambda: assessments.set_self_level(ctx, session_id, "GOV.1.1", 1),
        lambda: assessments.set_notes(ctx, session_id, "GOV.1.1", "x"),
        lambda: assessments.set_not_applicable(ctx, session_id, "GOV.1.1", "x"),
        lambda: assessments.set_status(ctx, session_id, "GOV.1.1", "deferred"),
        lambda: sessions.edit_session(ctx, session_id, SessionDetails(venue="x")),
        lambda: sessions.set_session_status(ctx, session_id, "in_progress"),
        lambda: participants.add_participant(
            ctx, session_id, ParticipantDetails(name="x", role="observer")
        ),
        lambda: participants.edit_participant(ctx, signer, ParticipantDetails(name="y")),
        lambda: clarifications.ask(ctx, session_id, "GOV.1.1", "x"),
        lambda: clarifications.answer(ctx, cid, "x"),
        lambda: evidence.attach_file(ctx, session_id, "GOV.1.1", document),
        lambda: evidence.accept(ctx, eid),
        lambda: findings.add_finding(ctx, session_id, FindingDetails(text="x")),
        lambda: findings.remove_finding(ctx, fid),
        lambda: undo.undo(ctx, session_id),
        lambda: signoff.sign_off(ctx, session_id, [signer]),
    ]
    events_before = len(audit_log(ctx, session_id))
    for edit in edits:
        with pytest.raises(SessionLocked, match="is signed and cannot be changed"):
            edit()
    assert len(audit_log(ctx, session_id)) == events_before
    assert signoff.current_snapshot_matches(ctx, session_id)


def test_reopening_makes_an_amendment_and_supersedes_the_signoff(
    ctx: Context, session_id: str, signer: str
) -> None:
    signoff.sign_off(ctx, session_id, [signer])
    with pytest.raises(InvalidInput, match="say why"):
        signoff.reopen(ctx, session_id, " ")
    signoff.reopen(ctx, session_id, "Salah ketik pada catatan")
    assert session_overview(ctx, session_id).status == "amended"
    assert not signoff.current_snapshot_matches(ctx, session_id)
    assessments.set_notes(ctx, session_id, "GOV.1.1", "diperbaiki")
    with pytest.raises(InvalidInput, match="is not signed"):
        signoff.reopen(ctx, session_id, "lagi")


def test_snapshot_hash_changes_with_what_the_minutes_show(
    ctx: Context, session_id: str, signer: str
) -> None:
    first = signoff.sign_off(ctx, session_id, [signer])
    signoff.reopen(ctx, session_id, "koreksi")
    assessments.set_notes(ctx, session_id, "GOV.1.1", "catatan baru")
    second = signoff.sign_off(ctx, session_id, [signer])
    assert first != second


def test_undo_and_redo_walk_back_and_forth(ctx: Context, session_id: str) -> None:
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 2)
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 4)
    assessments.set_notes(ctx, session_id, "GOV.1.1", "catatan")
    assert undo.undo(ctx, session_id) == "set_notes"
    assert undo.undo(ctx, session_id) == "set_agreed_level"
    assert session_overview(ctx, session_id).dimensions[0].score == 2
    assert undo.redo(ctx, session_id) == "set_agreed_level"
    assert session_overview(ctx, session_id).dimensions[0].score == 4
    assessments.set_self_level(ctx, session_id, "GOV.1.1", 1)  # a new edit clears redo
    with pytest.raises(InvalidInput, match="nothing to redo"):
        undo.redo(ctx, session_id)


def test_undo_of_a_removal_brings_the_record_back_whole(ctx: Context, session_id: str) -> None:
    lead = participants.add_participant(
        ctx,
        session_id,
        ParticipantDetails(name="Rina", nip="198001012005012001", role="lead_evaluator"),
    )
    assessments.set_rating(ctx, session_id, "GOV.1.1", lead, 3)
    cid = clarifications.ask(ctx, session_id, "GOV.1.1", "Ada data?", lead)
    participants.remove_participant(ctx, lead)
    assert session_overview(ctx, session_id).participants == []
    undo.undo(ctx, session_id)
    (person,) = session_overview(ctx, session_id).participants
    assert (person.id, person.name, person.nip) == (lead, "Rina", "198001012005012001")
    from evaluator_app.services.operation import reading
    from evaluator_app.store.models import Clarification, Rating

    with reading(ctx) as db:
        assert db.get(Clarification, cid).asked_by_id == lead  # type: ignore[union-attr]
        assert [r.level for r in db.query(Rating).all()] == [3]


def test_undo_survives_a_restart(ctx: Context, session_id: str, data_dir: Path) -> None:
    fid = findings.add_finding(
        ctx, session_id, FindingDetails(text="Perlu data", due_date=dt.date(2024, 12, 1))
    )
    ctx.store.close()
    later = open_context(str(data_dir), "someone else")
    assert undo.undo(later, session_id) == "add_finding"
    assert undo.redo(later, session_id) == "add_finding"
    from evaluator_app.services.operation import reading
    from evaluator_app.store.models import Finding

    with reading(later) as db:
        restored = db.get(Finding, fid)
        assert restored is not None and restored.due_date == dt.date(2024, 12, 1)
    later.store.close()


def test_nothing_to_undo_before_the_session_was_created(ctx: Context, session_id: str) -> None:
    with pytest.raises(InvalidInput, match="nothing to undo"):
        undo.undo(ctx, session_id)


def test_every_change_is_audited_with_old_and_new_value(ctx: Context, session_id: str) -> None:
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 3)
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 2)
    newest = audit_log(ctx, session_id, limit=1)[0]
    assert (newest.action, newest.field, newest.old_value, newest.new_value, newest.actor) == (
        "set_agreed_level",
        "agreed_level",
        "3",
        "2",
        "tester",
    )
    report = verify_chain(ctx, session_id)
    assert report.intact and report.events == len(audit_log(ctx, session_id, limit=None))


def test_setting_the_same_value_writes_no_audit_event(ctx: Context, session_id: str) -> None:
    assessments.set_notes(ctx, session_id, "GOV.1.1", "sama")
    count = len(audit_log(ctx, session_id, limit=None))
    assessments.set_notes(ctx, session_id, "GOV.1.1", "sama")
    assert len(audit_log(ctx, session_id, limit=None)) == count


def _sql(data_dir: Path, statement: str) -> None:
    with sqlite3.connect(data_dir / "evaluator.sqlite") as connection:
        connection.execute(statement)


@pytest.mark.parametrize(
    ("tamper", "problem"),
    [
        ("UPDATE audit_event SET new_value = '1' WHERE seq = {seq}", "content was changed"),
        ("UPDATE audit_event SET actor = 'mallory' WHERE seq = {seq}", "content was changed"),
        ("DELETE FROM audit_event WHERE seq = {seq}", "missing"),
    ],
)
def test_tampered_audit_event_is_found_at_its_place(
    ctx: Context, session_id: str, data_dir: Path, tamper: str, problem: str
) -> None:
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 3)
    target = audit_log(ctx, session_id, limit=1)[0].seq - 1  # one before the newest
    assessments.set_notes(ctx, session_id, "GOV.1.1", "lanjut")
    _sql(data_dir, tamper.format(seq=target))
    report = verify_chain(ctx, session_id)
    assert not report.intact
    assert report.broken_at == target
    assert problem in report.problem


def test_rewritten_event_with_a_fresh_hash_breaks_the_next_link(
    ctx: Context, session_id: str, data_dir: Path
) -> None:
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 3)
    assessments.set_notes(ctx, session_id, "GOV.1.1", "lanjut")
    seq = audit_log(ctx, session_id, limit=2)[1].seq
    _sql(data_dir, f"UPDATE audit_event SET hash = '{'f' * 64}' WHERE seq = {seq}")
    report = verify_chain(ctx, session_id)
    assert report.broken_at == seq  # its own hash no longer matches its content


def test_the_snapshot_reads_each_kind_of_record_once_not_per_indicator(
    ctx: Context, session_id: str
) -> None:
    from sqlalchemy import event

    from evaluator_app.services.operation import reading
    from evaluator_app.services.records import get
    from evaluator_app.store.models import EvaluationSession

    clarifications.ask(ctx, session_id, "GOV.1.1", "Ada SK?")
    evidence.promise(ctx, session_id, "GOV.1.2", "SK", dt.date(2024, 11, 1))
    rater = participants.add_participant(
        ctx, session_id, ParticipantDetails(name="Rina", role="evaluator")
    )
    assessments.set_rating(ctx, session_id, "ENV.1.1", rater, 2)
    statements: list[str] = []

    def seen(conn: object, cursor: object, statement: str, *rest: object) -> None:
        statements.append(statement)

    engine = ctx.store.engine
    with reading(ctx) as db:
        session = get(db, EvaluationSession, session_id)
        event.listen(engine, "before_cursor_execute", seen)
        try:
            data = signoff.snapshot(session)
        finally:
            event.remove(engine, "before_cursor_execute", seen)
    children = [
        s
        for s in statements
        if any(f"FROM {t} " in s for t in ("rating", "clarification", "evidence"))
    ]
    assert len(children) == 3  # ratings, clarifications, evidence: one query each
    shown = {a["indicator"]: a for a in data["assessments"]}
    assert [c["question"] for c in shown["GOV.1.1"]["clarifications"]] == ["Ada SK?"]
    assert [e["title"] for e in shown["GOV.1.2"]["evidence"]] == ["SK"]
    assert shown["ENV.1.1"]["ratings"] == {rater: 2}
