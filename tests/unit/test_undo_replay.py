"""The undo stacks continue from where they were replayed, and start over when the
trail is not the one replayed."""

from __future__ import annotations

import random
from pathlib import Path

from evaluator_app.services import assessments, backups, undo
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.operation import Context, open_context


def _replayed_afresh(ctx: Context, session_id: str) -> undo.Stacks:
    undo._REPLAYS.clear()
    return undo.history(ctx, session_id)


def test_continued_replay_equals_a_whole_one(ctx: Context, session_id: str) -> None:
    rng = random.Random(7)
    for step in range(60):
        move = rng.choice(["notes", "level", "undo", "undo", "redo"])
        try:
            if move == "notes":
                assessments.set_notes(ctx, session_id, "GOV.1.1", f"catatan {step}")
            elif move == "level":
                assessments.set_agreed_level(ctx, session_id, "ENV.1.1", rng.randint(1, 4))
            elif move == "undo":
                undo.undo(ctx, session_id)
            else:
                undo.redo(ctx, session_id)
        except InvalidInput:
            pass  # nothing to undo or redo just now
        continued = undo.history(ctx, session_id)
        assert continued == _replayed_afresh(ctx, session_id), f"after step {step} ({move})"


def test_a_restored_database_is_replayed_from_its_own_trail(
    ctx: Context, session_id: str, data_dir: Path
) -> None:
    assessments.set_notes(ctx, session_id, "GOV.1.1", "sebelum")
    saved = backups.back_up(ctx)
    assessments.set_notes(ctx, session_id, "GOV.1.1", "sesudah")
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 2)
    assert [action for _, action in undo.history(ctx, session_id).undo][-2:] == [
        "set_notes",
        "set_agreed_level",
    ]
    ctx.store.close()
    backups.restore(data_dir, saved)
    again = open_context(str(data_dir), "tester")
    try:
        # Same database path and session, a shorter trail: the remembered replay is
        # not continued (its last event is not there).
        assert undo.history(again, session_id) == _replayed_afresh(again, session_id)
        assert [action for _, action in undo.history(again, session_id).undo][-1] == "set_notes"
        assessments.set_status(again, session_id, "GOV.1.2", "deferred")
        assert undo.history(again, session_id) == _replayed_afresh(again, session_id)
    finally:
        again.store.close()


def _replayed_event_by_event(ctx: Context, session_id: str) -> undo.Stacks:
    # The rule itself, over every event of the trail (the service reads only each
    # operation's first event).
    from sqlalchemy import select

    from evaluator_app.services.operation import reading
    from evaluator_app.store.models import AuditEvent

    replay = undo._Replay()
    with reading(ctx) as db:
        rows = db.execute(
            select(AuditEvent.operation_id, AuditEvent.action, AuditEvent.target_operation_id)
            .where(AuditEvent.session_id == session_id)
            .order_by(AuditEvent.seq)
        ).all()
    for operation_id, action, target in rows:
        replay.apply(operation_id, action, target)
    return undo.Stacks(replay.undo, replay.redo)


def test_the_stacks_are_those_of_every_event_replayed(ctx: Context, session_id: str) -> None:
    from evaluator_app.services import clarifications, findings
    from evaluator_app.services.findings import FindingDetails

    rng = random.Random(11)
    for step in range(40):
        move = rng.choice(["na", "question", "finding", "undo", "redo", "level"])
        try:
            if move == "na":
                assessments.set_not_applicable(ctx, session_id, "ENV.1.1", f"alasan {step}")
            elif move == "question":
                asked = clarifications.ask(ctx, session_id, "GOV.1.2", f"Tanya {step}?")
                clarifications.answer(ctx, asked, "Ya")
            elif move == "finding":
                details = FindingDetails(
                    text=f"Temuan {step}", indicator_code="GOV.1.1", agencies=("Bappeda",)
                )
                findings.add_finding(ctx, session_id, details)
            elif move == "level":
                assessments.set_agreed_level(ctx, session_id, "GOV.1.1", rng.randint(1, 4))
            elif move == "undo":
                undo.undo(ctx, session_id)
            else:
                undo.redo(ctx, session_id)
        except InvalidInput:
            pass
        expected = _replayed_event_by_event(ctx, session_id)
        assert undo.history(ctx, session_id) == expected, f"after step {step} ({move})"
        assert _replayed_afresh(ctx, session_id) == expected
    assert undo.history(ctx, session_id).undo  # the walk did leave something to undo
