"""Verifying a signed PDF in the window: one sentence for the verdict, each signature, the
snapshot."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot

from evaluator_app.services import identities, minutes
from evaluator_app.services.demo import create_demo
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.sessions import session_overview
from evaluator_app.ui.start_window import StartWindow
from evaluator_app.ui.verify_dialog import VerifyDialog

pytestmark = pytest.mark.gui

LEAD, SIGNER = "Dr. Rina Kusumawardani", "Drs. Agus Salim Harahap, M.Si."


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo signed by its lead evaluator and its signer, made once per module:
    ``data/`` (the installation that signed), ``signed.pdf`` and ``one-signature.pdf``."""
    root = tmp_path_factory.mktemp("signed")
    ctx = open_context(str(root / "data"), "tester")
    sid = create_demo(ctx)
    people = {p.role: p for p in session_overview(ctx, sid).participants}
    for role, passphrase in (("lead_evaluator", "rahasia-rina"), ("signer", "rahasia-agus")):
        p = people[role]
        info = identities.create_identity(ctx, p.name, p.nip, p.organisation, passphrase)
        result = minutes.sign_minutes(ctx, sid, p.id, info.id, passphrase)
        if role == "lead_evaluator":
            shutil.copyfile(result.path, root / "one-signature.pdf")
    minutes.export_signed(ctx, sid, root / "signed.pdf")
    ctx.store.close()
    return root


@pytest.fixture
def here(signed: Path, tmp_path: Path) -> Iterator[Context]:
    """The laptop that signed (its issuer is trusted here)."""
    copy = tmp_path / "data"
    shutil.copytree(signed / "data", copy)
    context = open_context(str(copy), "tester")
    yield context
    context.store.close()


@pytest.fixture
def verify(qtbot: QtBot, here: Context) -> VerifyDialog:
    dialog = VerifyDialog(here)
    qtbot.addWidget(dialog)
    return dialog


def row(dialog: VerifyDialog, n: int) -> list[str]:
    return [dialog.table.item(n, c).text() for c in range(dialog.table.columnCount())]


def test_nothing_is_shown_before_a_file_is_chosen(verify: VerifyDialog) -> None:
    assert verify.check is None and verify.outcome == ""
    assert verify.verdict.isHidden() and verify.table.isHidden()
    assert "drop" in verify.file_label.text()


def test_the_signed_minutes_are_valid(verify: VerifyDialog, signed: Path) -> None:
    check = verify.verify(signed / "signed.pdf")
    assert check is not None and check.ok
    assert verify.outcome == "ok"
    assert verify.verdict.text() == (
        "Valid: all 2 signatures are intact and trusted, and the snapshot is the one signed."
    )
    assert "#1d6b2a" in verify.verdict.styleSheet()  # green
    assert verify.table.rowCount() == 2
    first, second = row(verify, 0), row(verify, 1)
    assert first[0] == LEAD
    assert second[0] == f"{SIGNER}\nNIP 196803121994031005"
    assert first[2] == second[2] == "✓ intact"
    assert first[3].startswith("✓ by Evaluator local issuer")
    assert first[4] == "only further signatures" and second[4] == "none"
    assert first[1] != "–"  # signed at, in local time
    assert check.snapshot_hash is not None
    details = verify.details.text()
    assert check.snapshot_hash in details and "matches what was signed" in details
    assert "still empty" not in details


def test_a_copy_changed_by_one_byte_fails_and_names_the_broken_signatures(
    verify: VerifyDialog, signed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en")  # an English window: the core speaks English too
    data = bytearray((signed / "signed.pdf").read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))

    check = verify.verify(tampered)
    assert check is not None and not check.ok
    assert verify.outcome == "failed"
    assert "#a01010" in verify.verdict.styleSheet()  # red
    text = verify.verdict.text()
    assert text.startswith("Not valid: the file was changed after signing")
    broken = [s.signer for s in check.report.signatures if not s.intact]
    assert broken
    for name in broken:
        assert name in text
    assert "✗ broken" in [row(verify, n)[2] for n in range(verify.table.rowCount())]
    assert "changed after signing" in verify.details.text()


def test_on_another_laptop_the_signatures_are_intact_but_not_trusted(
    qtbot: QtBot, signed: Path, tmp_path: Path
) -> None:
    elsewhere = open_context(str(tmp_path / "elsewhere"), "tester")
    try:
        identities.create_identity(elsewhere, "Someone", None, "", "rahasia-lain")  # own issuer
        dialog = VerifyDialog(elsewhere, path=signed / "signed.pdf")
        qtbot.addWidget(dialog)
        assert dialog.outcome == "untrusted"
        assert dialog.verdict.text().startswith("Intact, but not trusted here")
        assert row(dialog, 0)[3] == "not trusted here"
        assert row(dialog, 0)[2] == "✓ intact"
    finally:
        elsewhere.store.close()


def test_a_copy_with_one_signature_says_a_field_is_still_empty(
    verify: VerifyDialog, signed: Path
) -> None:
    verify.verify(signed / "one-signature.pdf")
    assert verify.outcome == "ok"
    assert verify.verdict.text().startswith("Valid: the signature is intact")
    assert "1 signature field(s) still empty" in verify.details.text()


def test_a_file_that_is_not_a_pdf_is_said_in_words(verify: VerifyDialog, tmp_path: Path) -> None:
    junk = tmp_path / "notes.pdf"
    junk.write_text("not a PDF at all")
    assert verify.verify(junk) is None
    assert verify.outcome == "failed"
    assert verify.verdict.text().startswith("This file cannot be checked")
    assert verify.table.isHidden()


def mime_with(path: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def test_a_pdf_dropped_on_the_dialog_is_verified(
    verify: VerifyDialog, signed: Path, tmp_path: Path
) -> None:
    copy = signed / "signed.pdf"
    text_file = mime_with(tmp_path / "notes.txt")  # kept: the event does not own it
    no_drop = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        text_file,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    verify.dragEnterEvent(no_drop)
    assert not no_drop.isAccepted()

    mime = mime_with(copy)
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    verify.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    verify.dropEvent(drop)
    assert verify.path == copy
    assert verify.outcome == "ok"


def test_the_start_window_offers_identities_and_verification(
    qtbot: QtBot, here: Context, signed: Path
) -> None:
    window = StartWindow(here, "en", open_session=lambda _sid: None)
    qtbot.addWidget(window)
    tools = [a.text() for a in window.menuBar().actions()]
    assert "&Tools" in tools
    assert window.identities_action.text() == "Signing &identities…"
    assert window.verify_action.text() == "&Verify a signed PDF…"
    listed = window.identities_dialog()
    assert [i.name for i in listed.identities] == [LEAD, SIGNER]
    checked = window.verify_dialog(signed / "signed.pdf")
    assert checked.outcome == "ok"
