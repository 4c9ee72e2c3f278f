"""Evidence on the indicator page: dropped files, links, documents seen, promises, review."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from evaluator_app.services import evidence
from evaluator_app.services.bundle_import import import_bundle
from evaluator_app.services.bundles import export_bundle
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.sessions import SessionDetails, edit_session
from evaluator_app.services.signoff import sign_off
from evaluator_app.services.walkthrough import EvidenceRow, indicator_detail, indicator_states
from evaluator_app.ui import evidence_forms
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.indicator_page import IndicatorPage

pytestmark = pytest.mark.gui


class Opener:
    """Stands in for QDesktopServices.openUrl."""

    def __init__(self) -> None:
        self.opened: list[QUrl] = []

    def __call__(self, url: QUrl) -> bool:
        self.opened.append(url)
        return True


@pytest.fixture(autouse=True)
def viewing_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copies opened for viewing go to the test's folder, not the system's temporary one."""
    folder = tmp_path / "viewing"
    folder.mkdir()
    monkeypatch.setattr(evidence_forms, "_viewing_folder", folder)
    return folder


@pytest.fixture
def controller(ctx: Context, bandung: str) -> SessionController:
    controller = SessionController(ctx, bandung, "en")
    controller.set_current("B1.1")
    return controller


@pytest.fixture
def opener() -> Opener:
    return Opener()


@pytest.fixture
def page(qtbot: QtBot, controller: SessionController, opener: Opener) -> IndicatorPage:
    page = IndicatorPage(controller, opener)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    return page


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "laporan-triwulan.pdf"
    path.write_bytes(b"%PDF-1.4 laporan triwulan III\n")
    return path


def evidence_of(ctx: Context, session_id: str) -> list[EvidenceRow]:
    return indicator_detail(ctx, session_id, "B1.1").evidence


def file_drag(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drop(target: QWidget, mime: QMimeData) -> tuple[bool, bool]:
    """Drag ``mime`` onto ``target`` and drop it; whether each step was accepted."""
    actions = Qt.DropAction.CopyAction
    buttons = Qt.MouseButton.LeftButton
    modifiers = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(5, 5), actions, mime, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    dropped = QDropEvent(QPointF(5, 5), actions, mime, buttons, modifiers)
    QApplication.sendEvent(target, dropped)
    return enter.isAccepted(), dropped.isAccepted()


def test_files_dropped_on_the_page_go_into_the_evidence_store(
    page: IndicatorPage, ctx: Context, bandung: str, report: Path, tmp_path: Path
) -> None:
    photo = tmp_path / "foto rapat.jpg"
    photo.write_bytes(b"\xff\xd8\xff foto")
    page.tabs.setCurrentWidget(page.clarifications)

    assert drop(page, file_drag(report, photo)) == (True, True)

    rows = evidence_of(ctx, bandung)
    assert [(r.title, r.kind, r.status, r.original_name) for r in rows] == [
        ("laporan-triwulan.pdf", "file", "provided", "laporan-triwulan.pdf"),
        ("foto rapat.jpg", "file", "provided", "foto rapat.jpg"),
    ]
    assert evidence.evidence_file(ctx, rows[0].id).read_bytes() == report.read_bytes()
    assert evidence.evidence_file(ctx, rows[1].id).read_bytes() == photo.read_bytes()
    assert page.tabs.currentWidget() is page.evidence
    tree = page.evidence.tree
    assert tree.topLevelItem(0).text(page.evidence.FILE) == rows[0].sha256[:8]


def test_files_dropped_on_the_notes_become_evidence_not_text(
    page: IndicatorPage, ctx: Context, bandung: str, report: Path
) -> None:
    assert drop(page.notes.viewport(), file_drag(report)) == (True, True)
    assert [r.original_name for r in evidence_of(ctx, bandung)] == ["laporan-triwulan.pdf"]
    assert page.notes.toPlainText() == ""


def test_a_drag_without_local_files_is_refused(
    page: IndicatorPage, ctx: Context, bandung: str
) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/laporan.pdf")])
    assert drop(page, mime) == (False, False)
    assert evidence_of(ctx, bandung) == []


def test_a_link_with_a_bad_address_is_refused_with_the_message(
    qtbot: QtBot,
    page: IndicatorPage,
    controller: SessionController,
    ctx: Context,
    bandung: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en")  # an English window: the core speaks English too
    dialog = page.evidence.link_dialog()
    dialog.url.setText("bappeda.example.go.id/rpjmd")
    with qtbot.waitSignal(controller.failed) as refused:
        dialog.accept()
    assert refused.args == [
        "'bappeda.example.go.id/rpjmd' is not a web address (http:// or https://)"
    ]
    assert dialog.result() != QDialog.DialogCode.Accepted  # stays open to be corrected
    assert evidence_of(ctx, bandung) == []

    dialog.url.setText("https://bappeda.example.go.id/rpjmd")
    dialog.title.setText("RPJMD 2025–2029")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [row] = evidence_of(ctx, bandung)
    assert (row.kind, row.title, row.url) == (
        "link",
        "RPJMD 2025–2029",
        "https://bappeda.example.go.id/rpjmd",
    )


def test_a_document_seen_in_the_room_is_recorded_with_a_note(
    page: IndicatorPage, ctx: Context, bandung: str
) -> None:
    dialog = page.evidence.seen_dialog()
    dialog.title.setText("SK Tim Pelaksana")
    dialog.note.setText("Ditunjukkan; salinan menyusul")
    dialog.accept()
    [row] = evidence_of(ctx, bandung)
    assert (row.kind, row.title, row.note, row.status) == (
        "seen",
        "SK Tim Pelaksana",
        "Ditunjukkan; salinan menyusul",
        "provided",
    )
    assert page.evidence.tree.topLevelItem(0).text(page.evidence.KIND) == "Seen in the room"


def test_promised_evidence_is_due_by_the_session_deadline_unless_changed(
    page: IndicatorPage, controller: SessionController, ctx: Context, bandung: str
) -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert page.evidence.promise_dialog().due_date() == tomorrow  # no deadline set

    edit_session(ctx, bandung, SessionDetails(evidence_deadline=dt.date(2024, 11, 5)))
    controller.reload()
    dialog = page.evidence.promise_dialog()
    assert dialog.due_date() == dt.date(2024, 11, 5)
    dialog.title.setText("Laporan capaian triwulan III")
    dialog.accept()

    [row] = evidence_of(ctx, bandung)
    assert (row.status, row.due_date) == ("pending", dt.date(2024, 11, 5))
    assert indicator_states(ctx, bandung)["B1.1"].pending_evidence == 1
    assert "1 pending" in page.tabs.tabText(page.tabs.indexOf(page.evidence))
    item = page.evidence.tree.topLevelItem(0)
    assert item.text(page.evidence.STATUS) == "Pending"
    assert item.text(page.evidence.DUE) == "5 Nov 2024"
    # Not delivered yet: nothing to accept, reject or open.
    page.evidence.select(row.id)
    assert not page.evidence.accept_button.isEnabled()
    assert not page.evidence.open_button.isEnabled()


def test_attached_evidence_is_marked_pending_with_a_due_date(
    page: IndicatorPage, ctx: Context, bandung: str, report: Path
) -> None:
    [attached] = page.attach_files([report])
    dialog = page.evidence.pending_dialog(attached)
    dialog.due.setDate(dialog.due.date().addDays(3))
    due = dialog.due_date()
    dialog.accept()
    [row] = evidence_of(ctx, bandung)
    assert (row.status, row.due_date) == ("pending", due)


def test_evidence_is_accepted_or_rejected_with_a_note(
    qtbot: QtBot, page: IndicatorPage, ctx: Context, bandung: str, report: Path, tmp_path: Path
) -> None:
    other = tmp_path / "daftar-hadir.xlsx"
    other.write_bytes(b"PK daftar hadir")
    first, second = page.attach_files([report, other])

    page.evidence.select(first)
    qtbot.mouseClick(page.evidence.accept_button, Qt.MouseButton.LeftButton)
    dialog = page.evidence.reject_dialog(second)
    dialog.note.setText("Bukan tahun berjalan")
    dialog.accept()

    rows = {r.id: r for r in evidence_of(ctx, bandung)}
    assert rows[first].status == "accepted"
    assert (rows[second].status, rows[second].note) == ("rejected", "Bukan tahun berjalan")
    statuses = [page.evidence.tree.topLevelItem(n).text(page.evidence.STATUS) for n in range(2)]
    assert statuses == ["Accepted", "Rejected"]


def test_opening_a_file_opens_a_read_only_copy_under_its_own_name(
    page: IndicatorPage, opener: Opener, report: Path, viewing_folder: Path
) -> None:
    [attached] = page.attach_files([report])
    page.evidence.select(attached)
    page.evidence.open_button.click()

    [url] = opener.opened
    opened = Path(url.toLocalFile())
    assert opened.name == "laporan-triwulan.pdf"
    assert opened.is_relative_to(viewing_folder)
    assert opened.read_bytes() == report.read_bytes()
    assert not opened.stat().st_mode & stat.S_IWUSR  # a viewer cannot change the evidence

    assert page.evidence.open_evidence(attached)  # again: the same copy serves
    assert opener.opened[1] == url


def test_opening_a_link_opens_its_address(page: IndicatorPage, opener: Opener) -> None:
    link = page.evidence.add_link("https://example.go.id/perwali.pdf", "Perwali")
    assert link is not None and page.evidence.open_evidence(link)
    assert opener.opened == [QUrl("https://example.go.id/perwali.pdf")]


def test_a_changed_evidence_file_is_not_opened_and_the_message_says_why(
    qtbot: QtBot,
    page: IndicatorPage,
    controller: SessionController,
    opener: Opener,
    ctx: Context,
    report: Path,
) -> None:
    [attached] = page.attach_files([report])
    stored = evidence.evidence_file(ctx, attached)
    stored.chmod(stat.S_IRUSR | stat.S_IWUSR)
    stored.write_bytes(b"something else")

    with qtbot.waitSignal(controller.failed) as refused:
        assert not page.evidence.open_evidence(attached)
    assert "'laporan-triwulan.pdf'" in refused.args[0] and str(stored) in refused.args[0]
    assert opener.opened == []


def test_evidence_is_removed(page: IndicatorPage, ctx: Context, bandung: str, report: Path) -> None:
    [attached] = page.attach_files([report])
    page.evidence.select(attached)
    page.evidence.remove_button.click()
    assert evidence_of(ctx, bandung) == []
    assert page.evidence.tree.topLevelItemCount() == 0


def test_nothing_can_be_dropped_or_added_in_a_signed_session(
    page: IndicatorPage,
    controller: SessionController,
    opener: Opener,
    ctx: Context,
    bandung: str,
    report: Path,
) -> None:
    [attached] = page.attach_files([report])
    signer = next(p.id for p in controller.overview.participants if p.role == "signer")
    sign_off(ctx, bandung, [signer])
    controller.reload()

    assert drop(page, file_drag(report)) == (False, False)
    assert drop(page.evidence, file_drag(report)) == (False, False)
    assert page.attach_files([report]) == []
    assert len(evidence_of(ctx, bandung)) == 1
    view = page.evidence
    view.select(attached)
    for button in [*view.add_buttons, view.accept_button, view.reject_button, view.remove_button]:
        assert not button.isEnabled()
    assert view.open_button.isEnabled()  # reading stays possible
    assert view.open_evidence(attached) and len(opener.opened) == 1


def test_evidence_that_came_in_a_bundle_opens_from_its_pack(
    qtbot: QtBot, ctx: Context, bandung: str, report: Path, opener: Opener, tmp_path: Path
) -> None:
    attached = evidence.attach_file(ctx, bandung, "B1.1", report)
    bundle = export_bundle(ctx, bandung, tmp_path / "bandung.evpkg").path
    other = open_context(str(tmp_path / "laptop-b"), "bob")
    try:
        import_bundle(other, bundle)
        packs = list((other.store.evidence.root / "packs").glob("*.pack"))
        assert len(packs) == 1  # no loose file: the import wrote one pack
        controller = SessionController(other, bandung, "en")
        controller.set_current("B1.1")
        page = IndicatorPage(controller, opener)
        qtbot.addWidget(page)
        page.evidence.select(attached)
        page.evidence.open_button.click()
        [url] = opener.opened
        assert Path(url.toLocalFile()).read_bytes() == report.read_bytes()
        [row] = [r for r in evidence_of(other, bandung) if r.id == attached]
        assert other.store.evidence.path_for(row.sha256 or "").read_bytes() == report.read_bytes()
    finally:
        other.store.close()
