"""A whole meeting through the real widgets, then closed, reopened and checked.

Start screen → new session → attendance by keyboard → levels by number keys →
a clarification asked and answered → a file dropped on the page → evidence
marked pending → a finding for two agencies → undo and redo → notes typed and
the window closed mid-pause → everything found again, on screen and stored.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from evaluator_app.services import walkthrough
from evaluator_app.services.operation import Context
from evaluator_app.services.sessions import session_overview
from evaluator_app.ui.app import Windows
from evaluator_app.ui.session_window import SessionWindow

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints", "raise")]

FRAMEWORK = "gmsc-2024-illustrative"


def drop_files(target: QWidget, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    actions, button = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(target, QDragEnterEvent(QPoint(5, 5), actions, mime, button, none))
    QApplication.sendEvent(target, QDropEvent(QPointF(5, 5), actions, mime, button, none))


def press(
    qtbot: QtBot,
    window: SessionWindow,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def start_meeting(qtbot: QtBot, windows: Windows) -> SessionWindow:
    dialog = windows.start.new_session_dialog()
    dialog.framework.setCurrentIndex(
        next(n for n, f in enumerate(dialog.frameworks) if f.id == FRAMEWORK)
    )
    qtbot.keyClicks(dialog.region, "Kota Sukamakmur")
    dialog.venue.setText("Balai Kota")
    dialog.accept()
    assert dialog.created_id, dialog.problem.text()
    window = windows.open_session(dialog.created_id)
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts need the active window
    return window


def test_a_whole_meeting_is_kept(qtbot: QtBot, ctx: Context, tmp_path: Path) -> None:
    windows = Windows(ctx)
    qtbot.addWidget(windows.start)
    window = start_meeting(qtbot, windows)
    sid = window.controller.session_id
    first = window.controller.current
    assert first == "GOV.1.1"

    # Attendance, by keyboard only: Enter adds and goes back to the name.
    window.commands[window_command("ATTENDANCE")].trigger()
    panel = window.attendance
    panel.focus_form()
    for name, organisation in (
        ("Dr. Rina", "Tim Evaluator"),
        ("Dewi Anggraini", "Diskominfo"),
        ("Bambang Wijaya", "Bappeda"),
    ):
        qtbot.keyClicks(panel.name, name)
        panel.organisation.setText(organisation)
        qtbot.keyClick(panel.name, Qt.Key.Key_Return)
    assert [p.name for p in session_overview(ctx, sid).participants] == [
        "Dr. Rina",
        "Dewi Anggraini",
        "Bambang Wijaya",
    ]

    # Levels by number keys; Ctrl+Down to the next indicator.
    window.commands[window_command("INDICATOR")].trigger()
    window.navigator.tree.setFocus()
    press(qtbot, window, Qt.Key.Key_3)
    press(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    second = window.controller.current
    press(qtbot, window, Qt.Key.Key_2)
    states = walkthrough.indicator_states(ctx, sid)
    assert (states[first].agreed_level, states[second].agreed_level) == (3, 2)
    assert window.saved_at.text()  # "saved at HH:MM:SS"

    # A clarification: Ctrl+Enter, type, Enter; then the city answers.
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    questions = window.indicator_page.clarifications
    assert questions.question.hasFocus()
    qtbot.keyClicks(questions.question, "Apakah SK sudah ditetapkan?")
    qtbot.keyClick(questions.question, Qt.Key.Key_Return)
    (asked,) = walkthrough.indicator_detail(ctx, sid, second).clarifications
    card = questions.cards[asked.id]
    qtbot.mouseClick(card.answer_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(card.editor.text, "Sudah, SK Wali Kota 12/2024")
    qtbot.mouseClick(card.editor.save, Qt.MouseButton.LeftButton)

    # A file dropped on the page, then the other evidence promised for a date.
    report = tmp_path / "SK Tim Pelaksana.pdf"
    report.write_bytes(b"%PDF-1.7 SK")
    drop_files(window.indicator_page, report)
    (attached,) = walkthrough.indicator_detail(ctx, sid, second).evidence
    pending = window.indicator_page.evidence.pending_dialog(attached.id)
    pending.due.setDate(dt.date(2024, 11, 5))
    pending.accept()

    # A finding for two agencies: one from the attendance, one typed.
    editor = window.indicator_page.findings.new_finding()
    editor.text.setPlainText("SK belum diunggah ke JDIH")
    editor.add_agency("Diskominfo")
    editor.add_agency("Bagian Hukum")
    assert editor.save()
    (finding,) = walkthrough.session_findings(ctx, sid)
    assert set(finding.agencies) == {"Diskominfo", "Bagian Hukum"}

    # Undo takes the finding away, redo brings it back.
    window.navigator.tree.setFocus()
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert walkthrough.session_findings(ctx, sid) == []
    press(
        qtbot,
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [f.text for f in walkthrough.session_findings(ctx, sid)] == ["SK belum diunggah ke JDIH"]

    # Notes typed, and the window closed before the autosave pause is over.
    qtbot.keyClicks(window.indicator_page.notes, "SK ada; perlu diunggah")
    window.close()
    assert walkthrough.indicator_states(ctx, sid)[second].notes == "SK ada; perlu diunggah"

    # Opened again: everything is in place, on screen and stored.
    again = windows.open_session(sid)
    qtbot.addWidget(again)
    again.controller.set_current(second)
    page = again.indicator_page
    assert page.notes.toPlainText() == "SK ada; perlu diunggah"
    assert [c.agreed for c in page.levels.cards] == [False, True, False, False]
    detail = walkthrough.indicator_detail(ctx, sid, second)
    assert [(c.status, c.answer) for c in detail.clarifications] == [
        ("answered", "Sudah, SK Wali Kota 12/2024")
    ]
    assert [(e.status, e.due_date, e.original_name) for e in detail.evidence] == [
        ("pending", dt.date(2024, 11, 5), "SK Tim Pelaksana.pdf")
    ]
    row = again.navigator.model.index_of(second, 1)
    assert row.data() == "2"
    assert len(session_overview(ctx, sid).participants) == 3
    assert walkthrough.session_findings(ctx, sid)[0].agencies == finding.agencies


def window_command(name: str) -> object:
    from evaluator_app.ui.actions import Command

    return Command[name]
