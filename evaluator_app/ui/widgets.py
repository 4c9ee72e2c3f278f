"""Small widgets several screens share: a scrolling list of cards, dialog buttons."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class CardList(QScrollArea):
    """Cards one under another, scrolling; a grey line says when there are none."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.empty = QLabel(empty_text)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._layout.addWidget(self.empty)
        self._layout.addStretch(1)
        self.setWidget(inner)

    def replace(self, old: Sequence[QWidget], new: Sequence[QWidget]) -> None:
        """Take the old cards away at once and show the new ones in order."""
        for card in old:
            self._layout.removeWidget(card)
            card.hide()  # gone at once, not only when the deferred deletion runs
            card.deleteLater()
        for n, card in enumerate(new):
            self._layout.insertWidget(n, card)
        self.empty.setVisible(not new)


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel in the interface language (Qt ships no Indonesian for its own)."""
    buttons = QDialogButtonBox()
    buttons.addButton(
        QCoreApplication.translate("Dialogs", "OK"), QDialogButtonBox.ButtonRole.AcceptRole
    )
    buttons.addButton(
        QCoreApplication.translate("Dialogs", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def dropped_file(event: QDragEnterEvent | QDropEvent, suffixes: tuple[str, ...]) -> Path | None:
    """The one local file being dragged or dropped, if its suffix is one of ``suffixes``."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    files = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return files[0] if len(files) == 1 and files[0].suffix.lower() in suffixes else None
