"""The lead's rationale for an agreed level: audited, undoable, in the minutes, in bundles."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from evaluator_app.cli import main
from evaluator_app.services import assessments, minutes, participants, signoff, undo
from evaluator_app.services.audit import verify_chain
from evaluator_app.services.bundle_import import import_bundle
from evaluator_app.services.bundles import export_bundle
from evaluator_app.services.errors import InvalidInput, SessionLocked
from evaluator_app.services.operation import Context, open_context, reading
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.services.walkthrough import indicator_detail
from evaluator_app.store.models import AuditEvent

WHY = "Rina 3, Hendra 1: disepakati 2, dokumen ada tetapi belum dijalankan."


def test_a_rationale_is_audited_undoable_and_checked(ctx: Context, session_id: str) -> None:
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 2)
    assessments.set_rationale(ctx, session_id, "GOV.1.1", f"  {WHY}  ")
    assert indicator_detail(ctx, session_id, "GOV.1.1").rationale == WHY
    with reading(ctx) as db:
        event = db.query(AuditEvent).filter_by(session_id=session_id, field="rationale").one()
    assert event.action == "set_rationale" and json.loads(event.new_value or "") == WHY
    assert verify_chain(ctx, session_id).intact
    undo.undo(ctx, session_id)
    assert indicator_detail(ctx, session_id, "GOV.1.1").rationale == ""
    with pytest.raises(InvalidInput, match="longer than 2000"):
        assessments.set_rationale(ctx, session_id, "GOV.1.1", "x" * 2001)
    signer = participants.add_participant(
        ctx, session_id, ParticipantDetails(name="Sekda", role="signer")
    )
    signoff.sign_off(ctx, session_id, [signer])
    with pytest.raises(SessionLocked):
        assessments.set_rationale(ctx, session_id, "GOV.1.1", WHY)


def test_the_command_line_records_it_with_the_level(ctx: Context, session_id: str) -> None:
    where = ["--data-dir", str(ctx.store.data_dir)]
    assert main([*where, "assess", session_id, "ENV.1.1", "--level", "3", "--rationale", WHY]) == 0
    detail = indicator_detail(ctx, session_id, "ENV.1.1")
    assert (detail.state.agreed_level, detail.rationale) == (3, WHY)


@pytest.mark.skipif(
    shutil.which("pdftotext") is None and os.environ.get("CI") != "true",
    reason="poppler-utils (pdftotext) is not installed here",
)
def test_the_minutes_give_the_rationale_under_the_agreed_level(
    ctx: Context, session_id: str, tmp_path: Path
) -> None:
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 2)
    assessments.set_rationale(ctx, session_id, "GOV.1.1", WHY)
    out = tmp_path / "draft.pdf"
    minutes.export_draft(ctx, session_id, out)
    text = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(out), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    flat = " ".join(text.split())
    assert "Alasan " + WHY in flat


def test_the_rationale_travels_and_older_bundles_without_it_still_import(
    ctx: Context, session_id: str, tmp_path: Path
) -> None:
    assessments.set_rationale(ctx, session_id, "GOV.1.1", WHY)
    bundle = tmp_path / "with.evpkg"
    export_bundle(ctx, session_id, bundle)
    other = open_context(str(tmp_path / "other"), "bob")
    import_bundle(other, bundle)
    assert indicator_detail(other, session_id, "GOV.1.1").rationale == WHY
    other.store.close()
    # A bundle written before rationales existed has no such key: it reads as "".
    from evaluator_app.exchange.schema import SessionData

    with zipfile.ZipFile(bundle) as archive:
        data = json.loads(archive.read("session.json"))
    for record in data["assessments"]:
        del record["rationale"]
    older = SessionData.model_validate_json(json.dumps(data))
    assert {a.rationale for a in older.assessments} == {""}


def test_records_made_before_the_column_existed_verify_and_still_show_tampering(
    ctx: Context, session_id: str, data_dir: Path
) -> None:
    """A trail written before migration 0005 never mentions the rationale: the
    field holds the default the migration gave it, and anything else is caught."""
    import sqlite3

    from evaluator_app.services.operation import GENESIS, chain_hash

    with ctx.store.sessions() as db, db.begin():
        previous = GENESIS
        for event in db.query(AuditEvent).filter_by(session_id=session_id).order_by(AuditEvent.seq):
            if event.record_type == "assessment" and event.change == "create":
                values = json.loads(event.new_value or "{}")
                del values["rationale"]
                event.new_value = json.dumps(values, sort_keys=True, separators=(",", ":"))
            event.prev_hash = previous
            event.hash = chain_hash(event)
            previous = event.hash
    report = verify_chain(ctx, session_id)
    assert report.intact, report
    with sqlite3.connect(data_dir / "evaluator.sqlite") as raw:
        raw.execute("UPDATE assessment SET rationale = 'ditulis di luar aplikasi'")
    mismatches = verify_chain(ctx, session_id).mismatches
    assert mismatches and all("rationale differs from its audit trail" in m for m in mismatches)
