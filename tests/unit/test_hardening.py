"""Edge cases found in review: each once broke, or could have broken, the rules."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from evaluator_app.domain.framework import FrameworkError, load_framework
from evaluator_app.services import assessments, evidence, participants, sessions, signoff, undo
from evaluator_app.services.audit import verify_chain
from evaluator_app.services.errors import NotFound, SessionLocked, StorageError
from evaluator_app.services.operation import Context, open_context, reading
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.services.sessions import SessionDetails, create_session, session_overview
from evaluator_app.store import engine as engine_module
from evaluator_app.store.database import StoreError, open_store
from evaluator_app.store.models import Assessment, Participant

ZERO_BASED = """\
id: zero
version: "1"
title: Nol
scale: [{value: 0, name: Tidak ada}, {value: 1, name: Ada}, {value: 4, name: Penuh}]
dimensions:
  - code: A
    weight: 3
    title: A
    indicators:
      - {code: A.1, title: a, levels: {0: x, 1: y, 4: z}}
      - {code: A.2, title: b, levels: {0: x, 1: y, 4: z}}
  - code: B
    title: B
    indicators:
      - {code: B.1, title: c, levels: {0: x, 1: y, 4: z}}
"""


def test_level_zero_counts_as_a_score(ctx: Context, data_dir: Path) -> None:
    (data_dir / "frameworks" / "zero.yaml").write_text(ZERO_BASED)
    sid = create_session(ctx, "zero", SessionDetails(region="Kota Nol", year=2024))
    for code, level in (("A.1", 0), ("A.2", 0), ("B.1", 4)):
        assessments.set_agreed_level(ctx, sid, code, level)
    overview = session_overview(ctx, sid)
    assert overview.done == 3
    assert overview.scores.index == 1  # (0·3 + 4·1) / 4
    (row,) = sessions.list_sessions(ctx)
    assert (row.done, row.total) == (3, 3)


def test_start_time_given_in_jakarta_time_can_be_undone(ctx: Context, session_id: str) -> None:
    jakarta = ZoneInfo("Asia/Jakarta")
    first = dt.datetime(2024, 10, 29, 9, 0, tzinfo=jakarta)
    sessions.edit_session(ctx, session_id, SessionDetails(starts_at=first))
    sessions.edit_session(ctx, session_id, SessionDetails(starts_at=first + dt.timedelta(hours=1)))
    undo.undo(ctx, session_id)
    assert session_overview(ctx, session_id).local_start == first
    undo.undo(ctx, session_id)
    assert session_overview(ctx, session_id).starts_at is None
    assert verify_chain(ctx, session_id).intact


def test_a_busy_database_is_reported_in_words(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    ctx = open_context(str(data_dir), "tester")
    sid = create_session(ctx, "tiny", SessionDetails(region="Kota Uji", year=2024))
    other = sqlite3.connect(data_dir / "evaluator.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError, match="busy: another Evaluator"):
            assessments.set_notes(ctx, sid, "GOV.1.1", "x")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assessments.set_notes(ctx, sid, "GOV.1.1", "x")  # and it works once free
    ctx.store.close()


def test_a_file_that_is_not_a_database_is_refused_in_words(tmp_path: Path) -> None:
    (tmp_path / "evaluator.sqlite").write_text("catatan rapat, bukan basis data\n" * 200)
    with pytest.raises(StoreError, match="not an Evaluator database or is damaged"):
        open_store(tmp_path)


def test_a_refused_database_is_not_touched(tmp_path: Path) -> None:
    database = tmp_path / "evaluator.sqlite"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER)")
    before = database.read_bytes()
    with pytest.raises(StoreError, match="not Evaluator's"):
        open_store(tmp_path)
    assert database.read_bytes() == before  # not even switched to WAL


def test_ids_are_not_patterns(ctx: Context, session_id: str) -> None:
    for pattern in ("____", "%%%%", "7_3%"):
        with pytest.raises(NotFound):
            session_overview(ctx, pattern)


def test_who_changed_a_record_last_is_kept(ctx: Context, session_id: str, data_dir: Path) -> None:
    pid = participants.add_participant(
        ctx, session_id, ParticipantDetails(name="A", role="observer")
    )
    assessments.set_notes(ctx, session_id, "GOV.1.1", "ditulis tester")
    other = open_context(str(data_dir), "bob")
    undo.undo(other, session_id)
    with reading(ctx) as db:
        assert db.get(Participant, pid).updated_by == "tester"  # type: ignore[union-attr]
        row = db.query(Assessment).filter_by(indicator_code="GOV.1.1").one()
        assert (row.notes, row.updated_by) == ("", "bob")
    other.store.close()


def test_evidence_for_a_signed_session_is_not_even_copied(
    ctx: Context, session_id: str, data_dir: Path, tmp_path: Path
) -> None:
    pid = participants.add_participant(ctx, session_id, ParticipantDetails(name="A", role="signer"))
    signoff.sign_off(ctx, session_id, [pid, pid])  # the same signer twice counts once
    with reading(ctx) as db:
        assert len(db.query(Participant).one().session.signoffs) == 1
    document = tmp_path / "late.pdf"
    document.write_bytes(b"%PDF late")
    with pytest.raises(SessionLocked):
        evidence.attach_file(ctx, session_id, "GOV.1.1", document)
    stored = data_dir / "evidence"
    assert not stored.exists() or not [p for p in stored.rglob("*") if p.is_file()]


# --- the audit trail against edits made around the app -----------------------


def _sql(data_dir: Path, statement: str, *params: object) -> None:
    with sqlite3.connect(data_dir / "evaluator.sqlite") as connection:
        connection.execute(statement, params)


def test_a_record_edited_around_the_app_is_named(
    ctx: Context, session_id: str, data_dir: Path
) -> None:
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 2)
    _sql(
        data_dir,
        "UPDATE assessment SET agreed_level = 4, notes = 'palsu' WHERE indicator_code = 'GOV.1.1'",
    )
    report = verify_chain(ctx, session_id)
    assert not report.intact and report.broken_at is None
    assert any("agreed_level differs" in m for m in report.mismatches)
    assert any("notes differs" in m for m in report.mismatches)


def test_records_added_or_removed_around_the_app_are_named(
    ctx: Context, session_id: str, data_dir: Path
) -> None:
    pid = participants.add_participant(
        ctx, session_id, ParticipantDetails(name="A", role="observer")
    )
    _sql(data_dir, "DELETE FROM participant WHERE id = ?", pid)
    _sql(
        data_dir,
        "INSERT INTO participant (id, session_id, name, position, organisation,"
        " role, present, created_at, updated_at, updated_by, version) VALUES"
        " ('99999999-0000-0000-0000-000000000000', ?, 'Siluman', '', '', 'observer', 1,"
        " '2024-01-01', '2024-01-01', '', 1)",
        session_id,
    )
    mismatches = verify_chain(ctx, session_id).mismatches
    assert f"participant {pid[:8]} was removed around the app" in mismatches
    assert "participant 99999999 is not in the audit trail (added around the app)" in mismatches


def test_a_trail_wiped_or_rewritten_before_a_signoff_shows(
    ctx: Context, session_id: str, data_dir: Path
) -> None:
    pid = participants.add_participant(ctx, session_id, ParticipantDetails(name="A", role="signer"))
    signoff.sign_off(ctx, session_id, [pid])
    assert verify_chain(ctx, session_id).intact
    # Rewrite the first event and re-chain everything after it: the links hold,
    # but the head recorded at sign-off no longer matches.
    from evaluator_app.services.operation import GENESIS, chain_hash
    from evaluator_app.store.models import AuditEvent

    with ctx.store.sessions() as db, db.begin():
        previous = GENESIS
        for event in db.query(AuditEvent).filter_by(session_id=session_id).order_by(AuditEvent.seq):
            if event.seq == 2:
                event.actor = "mallory"
            event.prev_hash = previous
            event.hash = chain_hash(event)
            previous = event.hash
    report = verify_chain(ctx, session_id)
    assert "differs from the one the sign-off recorded" in report.problem
    _sql(data_dir, "DELETE FROM audit_event WHERE session_id = ?", session_id)
    assert verify_chain(ctx, session_id).problem == "the session has no audit trail at all"


# --- framework files that once crashed the loader ------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: " + "[" * 5000 + "]" * 5000, "nested more than 40 levels"),
        ("a: " + "[" * 100000 + "]" * 100000, "nested more than 40 levels"),
        ("id: x\npredicates: [{min: .nan, name: x}]\n", "a number is expected"),
        ("id: x\ndimensions: [{code: A, title: A, weight: 1e999999999}]\n", "digits"),
    ],
)
def test_hostile_framework_files_get_a_message(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(text)
    with pytest.raises(FrameworkError, match=message):
        load_framework(path)


def test_every_store_audits_however_many_came_and_went_before(
    ctx: Context, session_id: str
) -> None:
    # SQLAlchemy keys per-sessionmaker listeners by id(); a new sessionmaker at
    # a dead one's address used to be taken as listened to, and its edits were
    # committed without audit events (3 stores in 200 here).
    import dataclasses

    for round_ in range(300):
        store = dataclasses.replace(ctx.store)  # makes its own sessionmaker when used
        details = ParticipantDetails(name=f"P{round_}", role="observer")
        participants.add_participant(Context(store, "tester"), session_id, details)
        del store
    report = verify_chain(ctx, session_id)
    assert report.intact, report
    assert report.events >= 300 + 1
