"""Sign-off of the demo session through the window: review, two drawn signatures, a wrong
passphrase refused beside it, the session frozen, the signed PDF verified, and reopening."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from pytestqt.qtbot import QtBot

from evaluator_app.services import identities, minutes, signoff
from evaluator_app.services.demo import create_demo
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.sessions import ParticipantRow, session_overview
from evaluator_app.ui.actions import Command
from evaluator_app.ui.identities_dialog import IdentitiesDialog
from evaluator_app.ui.session_window import SessionWindow
from evaluator_app.ui.signature_pad import SignaturePad
from evaluator_app.ui.signoff_dialog import SignOffDialog
from evaluator_app.ui.verify_dialog import VerifyDialog

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The demo, made once per module (a few seconds); each test signs a copy."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    context = open_context(str(folder), "tester")
    session_id = create_demo(context)
    context.store.close()
    return folder, session_id


@pytest.fixture
def demo(demo_folder: tuple[Path, str], tmp_path: Path) -> Iterator[tuple[Context, str]]:
    folder, session_id = demo_folder
    copy = tmp_path / "demo-data"
    shutil.copytree(folder, copy)
    context = open_context(str(copy), "tester")
    yield context, session_id
    context.store.close()


@pytest.fixture
def window(qtbot: QtBot, demo: tuple[Context, str]) -> SessionWindow:
    ctx, session_id = demo
    built = SessionWindow(ctx, session_id, "en")
    qtbot.addWidget(built)
    return built


@pytest.fixture
def opened() -> list[QUrl]:
    return []


@pytest.fixture
def dialog(window: SessionWindow, opened: list[QUrl]) -> SignOffDialog:
    return SignOffDialog(window.controller, window, opener=opened.append)


def draw(qtbot: QtBot, pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    first, *rest = [QPoint(x, y) for x, y in points]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=first)
    for point in rest:
        qtbot.mouseMove(pad, point)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=rest[-1])


def zigzag(left: int, top: int) -> list[tuple[int, int]]:
    return [(left + 20 * n, top + (30 if n % 2 else 0)) for n in range(11)]


def person(window: SessionWindow, role: str) -> ParticipantRow:
    return next(p for p in window.controller.overview.participants if p.role == role)


def create_identity_for_signer(dialog: SignOffDialog, passphrase: str) -> str:
    """Through "Create an identity for this person…": the form comes filled in."""
    form = dialog.identities_dialog(create=True)
    signer = next(
        p for p in dialog.controller.overview.participants if p.id == dialog.current_signer
    )
    assert form.name.text() == signer.name
    assert form.nip.text() == (signer.nip or "")
    assert form.organisation.text() == signer.organisation
    form.passphrase.setText(passphrase)
    form.passphrase_again.setText(passphrase)
    info = form.create_identity()
    assert info is not None
    form.close()
    return info.id


def test_the_review_shows_what_will_be_signed_and_who_signs(
    window: SessionWindow, dialog: SignOffDialog
) -> None:
    text = dialog.review.toPlainText()
    overview = window.controller.overview
    assert overview.region in text
    assert "Index" in text and (overview.scores.predicate is None or "—" in text)
    for dimension in overview.dimensions:
        assert dimension.title in text
    assert "Findings by agency" in text and "1. " in text
    assert "Outstanding evidence" in text
    assert "indicators are not settled" in text  # the demo is half-way
    lead, signer = person(window, "lead_evaluator"), person(window, "signer")
    assert dialog.chosen_signers() == [lead.id, signer.id]
    assert dialog.signer_list.count() == len([p for p in overview.participants if p.present])
    assert dialog.continue_button.text() == "Start signing"

    dialog.set_signer_chosen(lead.id, False)
    dialog.set_signer_chosen(signer.id, False)
    assert dialog.chosen_signers() == []
    dialog.start_signing()
    assert dialog.pages.currentIndex() == dialog.REVIEW
    assert "Tick at least one person" in dialog.review_problem.text()


def test_the_draft_can_be_previewed_before_signing(
    dialog: SignOffDialog, opened: list[QUrl]
) -> None:
    path = dialog.preview()
    assert path is not None and path.read_bytes().startswith(b"%PDF")
    assert [url.toLocalFile() for url in opened] == [str(path)]
    assert "draft" in path.name


def test_the_demo_is_signed_by_two_people_and_the_pdf_verifies(
    qtbot: QtBot,
    window: SessionWindow,
    dialog: SignOffDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en")  # an English window: the core speaks English too
    c = window.controller
    ctx = c.ctx
    lead, signer = person(window, "lead_evaluator"), person(window, "signer")
    dialog.start_signing()
    assert dialog.pages.currentIndex() == dialog.SIGNER
    assert dialog.current_signer == lead.id
    assert dialog.step_label.text() == "Signature 1 of 2"
    assert lead.name in dialog.signer_label.text()
    assert dialog.identity.currentIndex() == -1  # nobody has an identity yet

    # Signing without an identity is refused before anything happens.
    dialog.passphrase.setText("whatever")
    assert not dialog.sign()
    assert "Choose the identity" in dialog.sign_problem.text()

    lead_identity = create_identity_for_signer(dialog, "rahasia-rina")
    assert dialog.identity.currentData() == lead_identity
    draw(qtbot, dialog.pad, zigzag(60, 50))
    dialog.passphrase.setText("not her passphrase")
    assert not dialog.sign()
    assert not dialog.sign_problem.isHidden()
    assert "Not signed" in dialog.sign_problem.text() and "passphrase" in dialog.sign_problem.text()
    assert not dialog.pad.is_empty()  # the drawing stays
    assert dialog.current_signer == lead.id
    assert not c.read_only and minutes.signed_minutes(ctx, c.session_id) is None

    dialog.passphrase.setText("rahasia-rina")
    assert dialog.sign()
    assert c.read_only  # the first signature freezes the session
    assert "(signed: read-only)" in window.windowTitle()
    assert window.commands[Command.REOPEN].isEnabled()
    assert dialog.current_signer == signer.id
    assert dialog.step_label.text() == "Signature 2 of 2"
    assert dialog.pad.is_empty() and dialog.passphrase.text() == ""
    assert dialog.sign_problem.isHidden()

    # The frozen list says who has signed and who is still to sign.
    dialog.show_review()
    rows = [dialog.signer_list.item(n).text() for n in range(dialog.signer_list.count())]
    assert rows == [f"{lead.name}\n✓ signed", f"{signer.name}\n… still to sign"]
    assert dialog.continue_button.text() == "Continue signing"
    dialog.start_signing()
    assert dialog.current_signer == signer.id

    create_identity_for_signer(dialog, "rahasia-agus")
    draw(qtbot, dialog.pad, zigzag(80, 40))
    draw(qtbot, dialog.pad, [(90, 110), (300, 112)])
    dialog.passphrase.setText("rahasia-agus")
    assert dialog.sign()
    assert dialog.pages.currentIndex() == dialog.DONE
    assert "All signers have signed" in dialog.done_label.text()
    assert lead.name in dialog.done_label.text() and signer.name in dialog.done_label.text()

    signed = minutes.signed_minutes(ctx, c.session_id)
    assert signed is not None
    assert signed.signed == [lead.id, signer.id] and signed.waiting_for == []
    assert session_overview(ctx, c.session_id).status == "signed"

    out = dialog.export_signed(tmp_path / "out" / "minutes.pdf")
    assert out is not None and out.is_file()
    assert str(out) in dialog.export_message.text()

    verify = VerifyDialog(ctx, path=out)
    qtbot.addWidget(verify)
    assert verify.outcome == "ok"
    assert verify.check is not None and verify.check.ok
    assert [s.intact for s in verify.check.report.signatures] == [True, True]
    assert verify.verdict.text().startswith("Valid: all 2 signatures")
    assert verify.table.rowCount() == 2

    tampered = tmp_path / "tampered.pdf"
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    assert verify.verify(tampered) is not None
    assert verify.outcome == "failed"
    assert verify.verdict.text().startswith("Not valid")
    broken = [s.signer for s in verify.check.report.signatures if not s.intact]
    assert broken and all(name in verify.verdict.text() for name in broken)


def test_an_identity_whose_name_matches_is_offered_first(
    window: SessionWindow, dialog: SignOffDialog
) -> None:
    c = window.controller
    lead = person(window, "lead_evaluator")
    identities.create_identity(c.ctx, "Someone Else", None, "", "rahasia-lain")
    mine = identities.create_identity(c.ctx, lead.name, None, lead.organisation, "rahasia-rina")
    dialog.start_signing()
    assert dialog.identity.currentData() == mine.id
    assert dialog.identity_note.isHidden()
    labels = [dialog.identity.itemText(n) for n in range(dialog.identity.count())]
    assert labels[-2:] == ["Import a PKCS#12 file…", "Create an identity for this person…"]
    dialog.identity.setCurrentIndex(labels.index(next(t for t in labels if "Someone" in t)))
    assert not dialog.identity_note.isHidden()
    assert "in the name of Someone Else" in dialog.identity_note.text()


def test_reopening_needs_a_reason_and_makes_the_session_editable(
    window: SessionWindow, demo: tuple[Context, str]
) -> None:
    ctx, session_id = demo
    c = window.controller
    lead = person(window, "lead_evaluator")
    mine = identities.create_identity(ctx, lead.name, None, "", "rahasia-rina")
    c.call(minutes.sign_minutes, session_id, lead.id, mine.id, "rahasia-rina")
    assert c.read_only

    reopen = window.reopen_dialog()
    assert not reopen.reopen_button.isEnabled()
    reopen.accept()  # no reason: refused, stays open
    assert "Say why" in reopen.problem.text()
    assert c.read_only

    reopen.reason.setPlainText("The deadline for Bappeda was wrong.")
    assert reopen.reopen_button.isEnabled()
    reopen.accept()
    assert reopen.result() == reopen.DialogCode.Accepted
    assert not c.read_only
    assert session_overview(ctx, session_id).status == "amended"
    assert minutes.signed_minutes(ctx, session_id) is None
    assert "(signed: read-only)" not in window.windowTitle()
    assert not window.commands[Command.REOPEN].isEnabled()
    assert not window.commands[Command.EXPORT_SIGNED].isEnabled()

    again = window.reopen_dialog()  # not signed any more: the service refuses
    again.reason.setPlainText("twice")
    again.accept()
    assert "Not reopened" in again.problem.text()
    assert signoff.current_snapshot_matches(ctx, session_id) is False


def test_the_window_exports_draft_and_signed_minutes(
    window: SessionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en")  # an English window: the core speaks English too
    session_menu = window.menuBar().actions()[0].menu()
    entries = [a.text() for a in session_menu.actions() if not a.isSeparator()]
    assert entries == [
        "Export draft minutes…",
        "Sign off…",
        "Export signed minutes…",
        "Reopen for amendment…",
        "Export a bundle for another laptop…",
        "Import a bundle from another laptop…",
        "Show the list of sessions",
        "Close the session",
    ]
    assert not window.commands[Command.REOPEN].isEnabled()  # nothing signed yet
    draft = window.export_draft_minutes(tmp_path / "draft.pdf")
    assert draft is not None and draft.read_bytes().startswith(b"%PDF")
    assert "Draft minutes saved" in window.statusBar().currentMessage()

    failures: list[str] = []
    window.controller.failed.disconnect()
    window.controller.failed.connect(failures.append)
    assert window.export_signed_minutes(tmp_path / "signed.pdf") is None  # nothing signed yet
    assert failures and "no signed minutes" in failures[0]
    assert not (tmp_path / "signed.pdf").exists()


@pytest.mark.qt_log_ignore("propagateSizeHints", "raise")
def test_choosing_create_in_the_identity_list_opens_the_filled_form(
    window: SessionWindow, dialog: SignOffDialog
) -> None:
    signer = person(window, "signer")
    dialog.set_signer_chosen(person(window, "lead_evaluator").id, False)
    dialog.start_signing()
    assert dialog.current_signer == signer.id
    create = dialog.identity.findData("create")
    dialog.identity.setCurrentIndex(create)
    dialog.identity.activated.emit(create)
    assert dialog.identity.currentIndex() == -1  # the action is not a choice
    opened = [d for d in dialog.findChildren(IdentitiesDialog) if d.isVisible()]
    assert len(opened) == 1
    form = opened[0]
    assert form.name.text() == signer.name and form.nip.text() == signer.nip
    form.passphrase.setText("rahasia-agus")
    form.passphrase_again.setText("rahasia-agus")
    info = form.create_identity()
    assert info is not None
    assert dialog.identity.currentData() == info.id
    form.close()
