"""The demo signed by two people, exported, verified — and every way it can go wrong."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from evaluator_app import signing
from evaluator_app.services import assessments, identities, minutes, signoff
from evaluator_app.services.demo import create_demo
from evaluator_app.services.errors import InvalidInput, NotFound, SessionLocked
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.sessions import list_sessions, session_overview

HAS_POPPLER = shutil.which("pdfsig") is not None and shutil.which("pdftotext") is not None
needs_poppler = pytest.mark.skipif(
    not HAS_POPPLER and os.environ.get("CI") != "true",  # CI installs poppler-utils
    reason="poppler-utils is not installed here",
)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo-template")
    ctx = open_context(str(folder), "tester")
    create_demo(ctx)
    ctx.store.close()
    return folder


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Iterator[tuple[Context, str]]:
    folder = tmp_path / "data"
    shutil.copytree(demo_template, folder)
    ctx = open_context(str(folder), "tester")
    yield ctx, list_sessions(ctx)[0].id
    ctx.store.close()


def people(ctx: Context, sid: str) -> tuple[str, str, str]:
    by_role = {p.role: p.id for p in session_overview(ctx, sid).participants}
    evaluator = next(p.id for p in session_overview(ctx, sid).participants if p.role == "evaluator")
    return by_role["lead_evaluator"], by_role["signer"], evaluator


def identity_for(ctx: Context, name: str, passphrase: str = "rahasia-123") -> str:
    return identities.create_identity(ctx, name, None, "Tim", passphrase).id


def sign_both(ctx: Context, sid: str) -> minutes.SignedMinutes:
    lead, signer, _ = people(ctx, sid)
    minutes.sign_minutes(ctx, sid, lead, identity_for(ctx, "Rina"), "rahasia-123")
    return minutes.sign_minutes(ctx, sid, signer, identity_for(ctx, "Agus"), "rahasia-123")


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdfsig(path: Path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout


@needs_poppler
def test_two_signatures_verify_here_and_in_poppler(
    demo: tuple[Context, str], tmp_path: Path
) -> None:
    ctx, sid = demo
    result = sign_both(ctx, sid)
    assert result.waiting_for == [] and len(result.signed) == 2
    out = tmp_path / "out" / "berita-acara.pdf"
    minutes.export_signed(ctx, sid, out)
    check = minutes.verify_minutes(ctx, out)
    assert check.ok and check.snapshot_matches
    assert [s.intact and s.trusted for s in check.report.signatures] == [True, True]
    assert check.snapshot_hash == result.snapshot_hash
    report = pdfsig(out)
    assert report.count("Signature is Valid.") == 2
    text = pdf_text(out)
    assert "BERITA ACARA" in text and "DRAF" not in text
    assert result.snapshot_hash[:16] in text.replace("\n", "")
    assert session_overview(ctx, sid).status == "signed"


@needs_poppler
def test_one_byte_changed_is_caught_by_both_verifiers(
    demo: tuple[Context, str], tmp_path: Path
) -> None:
    ctx, sid = demo
    sign_both(ctx, sid)
    out = tmp_path / "signed.pdf"
    minutes.export_signed(ctx, sid, out)
    data = bytearray(out.read_bytes())
    middle = len(data) // 3
    data[middle] = (data[middle] + 1) % 256
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    check = minutes.verify_minutes(ctx, tampered)
    assert not check.ok
    assert any(not s.intact for s in check.report.signatures)
    assert pdfsig(tampered).count("Signature is Valid.") < 2


def test_a_swapped_snapshot_attachment_is_caught(demo: tuple[Context, str], tmp_path: Path) -> None:
    ctx, sid = demo
    sign_both(ctx, sid)
    out = tmp_path / "signed.pdf"
    minutes.export_signed(ctx, sid, out)
    forged = json.dumps({"session": {"id": sid}, "index": "4"}).encode()
    swapped = tmp_path / "swapped.pdf"
    signing.prepare_for_signing(
        out, swapped, fields={}, attachments=[(minutes.SNAPSHOT_FILE, forged, "application/json")]
    )
    check = minutes.verify_minutes(ctx, swapped)
    assert not check.ok


def test_wrong_passphrase_is_refused_and_nothing_is_frozen(demo: tuple[Context, str]) -> None:
    ctx, sid = demo
    lead, _, _ = people(ctx, sid)
    key = identity_for(ctx, "Rina")
    with pytest.raises(InvalidInput, match="passphrase does not open"):
        minutes.sign_minutes(ctx, sid, lead, key, "salah-sekali")
    assert session_overview(ctx, sid).status == "in_progress"
    assert minutes.signed_minutes(ctx, sid) is None
    folder = minutes.minutes_folder(ctx, sid)
    assert not folder.exists() or list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("valid_from", "valid_days", "message"),
    [
        (dt.datetime(2020, 1, 1, tzinfo=dt.UTC), 30, "expired|not valid"),
        (dt.datetime.now(dt.UTC) + dt.timedelta(days=30), 365, "not yet valid|not valid"),
    ],
)
def test_a_certificate_outside_its_dates_is_refused(
    demo: tuple[Context, str], valid_from: dt.datetime, valid_days: int, message: str
) -> None:
    ctx, sid = demo
    lead, _, _ = people(ctx, sid)
    folder = identities.identities_folder(ctx)
    info = signing.create_identity(
        folder, "Rina", "", "Tim", "rahasia-123", valid_days=valid_days, valid_from=valid_from
    )
    with pytest.raises(InvalidInput, match=message):
        minutes.sign_minutes(ctx, sid, lead, info.id, "rahasia-123")
    assert session_overview(ctx, sid).status == "in_progress"


def test_only_the_named_signers_sign_and_each_once(demo: tuple[Context, str]) -> None:
    ctx, sid = demo
    lead, signer, evaluator = people(ctx, sid)
    key = identity_for(ctx, "Rina")
    minutes.sign_minutes(ctx, sid, lead, key, "rahasia-123")
    with pytest.raises(InvalidInput, match="already signed"):
        minutes.sign_minutes(ctx, sid, lead, key, "rahasia-123")
    with pytest.raises(InvalidInput, match="not among the signers"):
        minutes.sign_minutes(ctx, sid, evaluator, identity_for(ctx, "Hendra"), "rahasia-123")
    assert minutes.signed_minutes(ctx, sid).waiting_for == [signer]  # type: ignore[union-attr]


def test_the_signed_session_refuses_edits(demo: tuple[Context, str]) -> None:
    ctx, sid = demo
    sign_both(ctx, sid)
    with pytest.raises(SessionLocked):
        assessments.set_notes(ctx, sid, "GOV.1.1", "diubah sesudah ditandatangani")
    assert signoff.current_snapshot_matches(ctx, sid)


def test_an_amendment_is_numbered_and_says_so(demo: tuple[Context, str]) -> None:
    ctx, sid = demo
    first = sign_both(ctx, sid)
    signoff.reopen(ctx, sid, "Salah ketik pada catatan GOV.1.1")
    assessments.set_notes(ctx, sid, "GOV.1.1", "Catatan diperbaiki")
    lead, _, _ = people(ctx, sid)
    again = minutes.sign_minutes(ctx, sid, lead, identity_for(ctx, "Rina 2"), "rahasia-123")
    assert again.snapshot_hash != first.snapshot_hash and again.signed == [lead]
    snapshot = json.loads(minutes.verify_minutes(ctx, again.path).report.snapshot_json or "{}")
    assert snapshot["session"]["amendment"] == 1
    if HAS_POPPLER:
        assert "PERUBAHAN" in pdf_text(again.path).upper()


def test_export_to_a_folder_that_cannot_be_written_leaves_nothing(
    demo: tuple[Context, str], tmp_path: Path
) -> None:
    ctx, sid = demo
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(InvalidInput, match="cannot write"):
        minutes.export_draft(ctx, sid, blocker / "minutes.pdf")
    with pytest.raises(NotFound, match="no signed minutes yet"):
        minutes.export_signed(ctx, sid, tmp_path / "signed.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "not-a-folder"]


@needs_poppler
def test_drafts_and_extracts_read_as_they_should(demo: tuple[Context, str], tmp_path: Path) -> None:
    ctx, sid = demo
    draft = tmp_path / "draft.pdf"
    assert minutes.export_draft(ctx, sid, draft) >= 5
    assert "BERITA ACARA" in pdf_text(draft)  # the watermark itself: tests/unit/test_minutes
    english = tmp_path / "draft-en.pdf"
    minutes.export_draft(ctx, sid, english, language="en")
    assert "MINUTES" in pdf_text(english).upper()
    agency = tmp_path / "diskominfo.pdf"
    assert minutes.export_agency_findings(ctx, sid, "Diskominfo", agency) >= 1
    assert "Diskominfo" in pdf_text(agency)
    with pytest.raises(NotFound, match="no finding is addressed to 'Dinas Antah'"):
        minutes.export_agency_findings(ctx, sid, "Dinas Antah", tmp_path / "x.pdf")
    outstanding = tmp_path / "outstanding.pdf"
    assert minutes.export_outstanding(ctx, sid, outstanding) >= 1
    assert "Laporan capaian" in pdf_text(outstanding)
