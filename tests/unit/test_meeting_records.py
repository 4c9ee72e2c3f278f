"""Clarifications, evidence and findings recorded during the meeting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from evaluator_app.services import clarifications, evidence, findings, participants
from evaluator_app.services.errors import InvalidInput, NotFound
from evaluator_app.services.findings import FindingDetails
from evaluator_app.services.operation import Context, reading
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.store.models import Clarification, Evidence, Finding


def _one(ctx: Context, model: type, record_id: str) -> object:
    with reading(ctx) as db:
        return db.get(model, record_id)


def test_question_is_asked_answered_and_reopened(ctx: Context, session_id: str) -> None:
    asker = participants.add_participant(
        ctx, session_id, ParticipantDetails(name="Rina", role="lead_evaluator")
    )
    city = participants.add_participant(
        ctx, session_id, ParticipantDetails(name="Dewi", role="agency_head")
    )
    cid = clarifications.ask(ctx, session_id, "GOV.1.1", "Sudah ada Perwali?", asker)
    clarifications.answer(ctx, cid, "Sudah, Perwali 12/2023.", city)
    row = _one(ctx, Clarification, cid)
    assert isinstance(row, Clarification)
    assert (row.status, row.answer, row.asked_by_id, row.answered_by_id) == (
        "answered",
        "Sudah, Perwali 12/2023.",
        asker,
        city,
    )
    assert row.answered_at is not None and row.answered_at.tzinfo is not None
    clarifications.reopen(ctx, cid)
    reopened = _one(ctx, Clarification, cid)
    assert isinstance(reopened, Clarification)
    assert reopened.status == "open" and reopened.answer == "Sudah, Perwali 12/2023."


def test_empty_question_or_answer_is_refused(ctx: Context, session_id: str) -> None:
    with pytest.raises(InvalidInput, match="question is empty"):
        clarifications.ask(ctx, session_id, "GOV.1.1", "   ")
    cid = clarifications.ask(ctx, session_id, "GOV.1.1", "Apa?")
    with pytest.raises(InvalidInput, match="answer is empty"):
        clarifications.answer(ctx, cid, "")


def test_attached_file_is_kept_intact_by_hash(
    ctx: Context, session_id: str, tmp_path: Path
) -> None:
    source = tmp_path / "Perwali 12-2023.pdf"
    source.write_bytes(b"%PDF-1.7 peraturan")
    eid = evidence.attach_file(ctx, session_id, "GOV.1.1", source)
    row = _one(ctx, Evidence, eid)
    assert isinstance(row, Evidence)
    assert (row.title, row.original_name, row.size, row.kind) == (
        "Perwali 12-2023.pdf",
        "Perwali 12-2023.pdf",
        18,
        "file",
    )
    source.unlink()  # the original may go: the store has its own copy
    assert evidence.evidence_file(ctx, eid).read_bytes() == b"%PDF-1.7 peraturan"


def test_evidence_changed_or_deleted_on_disk_is_reported(
    ctx: Context, session_id: str, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("satu")
    second.write_text("dua")
    changed = evidence.attach_file(ctx, session_id, "GOV.1.1", first, "SK Tim")
    deleted = evidence.attach_file(ctx, session_id, "ENV.1.1", second, "Laporan")
    evidence.evidence_file(ctx, changed).write_text("diubah")
    evidence.evidence_file(ctx, deleted).unlink()
    with pytest.raises(InvalidInput, match=r"'SK Tim': the file was changed"):
        evidence.evidence_file(ctx, changed)
    with pytest.raises(InvalidInput, match=r"'Laporan': the file is missing"):
        evidence.evidence_file(ctx, deleted)
    problems = {p.indicator_code: p.problem for p in evidence.check_files(ctx, session_id)}
    assert problems == {
        "GOV.1.1": "the file was changed after it was stored",
        "ENV.1.1": "the file is missing",
    }


def test_missing_source_file_is_refused(ctx: Context, session_id: str, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no file at"):
        evidence.attach_file(ctx, session_id, "GOV.1.1", tmp_path / "absent.pdf")
    with pytest.raises(InvalidInput, match="is a folder; choose a file in it"):
        evidence.attach_file(ctx, session_id, "GOV.1.1", tmp_path)


def test_links_seen_documents_and_promises(ctx: Context, session_id: str) -> None:
    link = evidence.add_link(ctx, session_id, "GOV.1.1", "https://jdih.example.go.id/perwali")
    seen = evidence.add_seen(ctx, session_id, "GOV.1.1", "SK Dewan Smart City", "asli dilihat")
    promised = evidence.promise(
        ctx, session_id, "GOV.1.2", "Laporan triwulan", dt.date(2024, 10, 30)
    )
    with pytest.raises(InvalidInput, match="not a web address"):
        evidence.add_link(ctx, session_id, "GOV.1.1", "jdih perwali")
    with pytest.raises(InvalidInput, match="not been delivered"):
        evidence.accept(ctx, promised)
    evidence.accept(ctx, link, "sesuai")
    evidence.reject(ctx, seen, "belum ditandatangani")
    evidence.mark_pending(ctx, seen, dt.date(2024, 11, 1))
    statuses = {eid: (_one(ctx, Evidence, eid)) for eid in (link, seen, promised)}
    assert statuses[link].status == "accepted" and statuses[link].note == "sesuai"  # type: ignore[attr-defined]
    assert (statuses[seen].status, statuses[seen].due_date) == ("pending", dt.date(2024, 11, 1))  # type: ignore[attr-defined]
    assert statuses[promised].status == "pending"  # type: ignore[attr-defined]


def test_findings_are_addressed_to_agencies(ctx: Context, session_id: str) -> None:
    fid = findings.add_finding(
        ctx,
        session_id,
        FindingDetails(
            text="Masterplan belum ditetapkan",
            recommendation="Tetapkan dengan Perwali",
            indicator_code="GOV.1.1",
            agencies=("Bappeda", " Diskominfo ", "Bappeda"),
            priority="high",
            due_date=dt.date(2024, 12, 31),
        ),
    )
    row = _one(ctx, Finding, fid)
    assert isinstance(row, Finding)
    assert row.agencies == ["Bappeda", "Diskominfo"]
    assert (row.indicator_code, row.priority, row.due_date) == (
        "GOV.1.1",
        "high",
        dt.date(2024, 12, 31),
    )
    findings.edit_finding(
        ctx, fid, FindingDetails(indicator_code="", priority="low", clear_due_date=True)
    )
    edited = _one(ctx, Finding, fid)
    assert isinstance(edited, Finding)
    assert (edited.indicator_code, edited.priority, edited.due_date) == (None, "low", None)
    findings.remove_finding(ctx, fid)
    assert _one(ctx, Finding, fid) is None


def test_bad_findings_are_refused(ctx: Context, session_id: str) -> None:
    with pytest.raises(InvalidInput, match="no text"):
        findings.add_finding(ctx, session_id, FindingDetails(text=""))
    with pytest.raises(InvalidInput, match="unknown priority"):
        findings.add_finding(ctx, session_id, FindingDetails(text="x", priority="urgent"))
    with pytest.raises(NotFound, match="not in the framework"):
        findings.add_finding(ctx, session_id, FindingDetails(text="x", indicator_code="ZZ.1"))
