"""Exporting the minutes and reopening a signed session, from the meeting window."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.services import minutes, signoff
from evaluator_app.ui.attendance import PROBLEM_STYLE
from evaluator_app.ui.controller import SessionController

PDF_FILTER = "PDF (*.pdf)"


@contextmanager
def waiting() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def file_name(controller: SessionController, what: str) -> str:
    """'Minutes (draft) Kota Tirtamaya (fiktif) 2024.pdf', without characters
    that file systems refuse."""
    o = controller.overview
    name = re.sub(r'[\\/:*?"<>|]+', " ", f"{what} {o.region} {o.year}")
    return " ".join(name.split()) + ".pdf"


def save_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, PDF_FILTER)
    return Path(name) if name else None


# Marked for lupdate here, translated when used (as in labels.py).
_DRAFT_NAME = QT_TRANSLATE_NOOP("MinutesActions", "Minutes (draft)")
_SIGNED_NAME = QT_TRANSLATE_NOOP("MinutesActions", "Minutes")
_EXPORT_DRAFT = QT_TRANSLATE_NOOP("MinutesActions", "Export draft minutes")
_EXPORT_SIGNED = QT_TRANSLATE_NOOP("MinutesActions", "Export signed minutes")


def _tr(text: object) -> str:
    return QCoreApplication.translate("MinutesActions", str(text))


def export_draft_minutes(
    controller: SessionController, parent: QWidget, path: Path | None = None
) -> Path | None:
    """The session as it stands, as draft minutes (asks where when ``path`` is None);
    a refusal goes to ``controller.failed``."""
    if path is None:
        suggested = file_name(controller, _tr(_DRAFT_NAME))
        path = save_path(parent, _tr(_EXPORT_DRAFT), suggested)
    if path is None:
        return None
    with waiting():
        pages = controller.read(
            minutes.export_draft, controller.session_id, path, controller.language
        )
    return None if pages is None else path


def export_signed_minutes(
    controller: SessionController, parent: QWidget, path: Path | None = None
) -> Path | None:
    """Copy the signed minutes out (asks where when ``path`` is None); a refusal goes
    to ``controller.failed``."""
    if path is None:
        suggested = file_name(controller, _tr(_SIGNED_NAME))
        path = save_path(parent, _tr(_EXPORT_SIGNED), suggested)
    if path is None:
        return None
    done = controller.read(minutes.export_signed, controller.session_id, path)
    return None if done is None else path


def problem_label() -> QLabel:
    """A red line under a form, hidden until there is something to say."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def say(label: QLabel, text: str, style: str) -> None:
    label.setStyleSheet(style)
    label.setText(text)
    label.show()


class ReopenDialog(QDialog):
    """Asks why a signed session is reopened; on accept the session becomes an amendment."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Reopen for amendment"))
        intro = QLabel(
            self.tr(
                "Reopening makes the session editable again. The signatures given so far are "
                "superseded; the amended minutes must be signed again and say that they amend "
                "the earlier ones. Why is it reopened?"
            )
        )
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            self.tr("e.g. the finding for Bappeda named the wrong deadline")
        )
        self.reason.textChanged.connect(self._reason_changed)
        self.problem = problem_label()
        buttons = QDialogButtonBox()
        self.reopen_button = buttons.addButton(
            self.tr("Reopen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._reason_changed()
        self.resize(520, 300)

    def _reason_changed(self) -> None:
        self.reopen_button.setEnabled(bool(self.reason.toPlainText().strip()))

    def accept(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            say(self.problem, self.tr("Say why the session is reopened."), PROBLEM_STYLE)
            return
        c = self.controller
        refusal, _ = c.call_quietly(signoff.reopen, c.session_id, reason)
        if refusal is not None:
            say(self.problem, self.tr("Not reopened: %1").replace("%1", refusal), PROBLEM_STYLE)
            return
        super().accept()
