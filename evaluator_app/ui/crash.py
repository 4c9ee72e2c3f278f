"""An unexpected error in the window: say so briefly, log the traceback, keep running.

Every change is saved as it is made, so an error in the window loses nothing;
the dialog says that, and "Copy details" puts the traceback on the clipboard
for a bug report.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("evaluator_app.crash")


class CrashDialog(QMessageBox):
    """A short message, the details folded away, and a button that copies them."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setText(
            self.tr(
                "Evaluator met an unexpected error. Your work is saved; you can go on. "
                "The details are in the log file."
            )
        )
        self.setDetailedText(details)
        self.copy_button = self.addButton(
            self.tr("Copy details"), QMessageBox.ButtonRole.ActionRole
        )
        # An action button would close the box; this one only copies.
        self.copy_button.clicked.disconnect()
        self.copy_button.clicked.connect(self.copy_details)
        self.addButton(QMessageBox.StandardButton.Close)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)


_open_dialogs: list[CrashDialog] = []


def handle_exception(
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
) -> CrashDialog | None:
    """Log the traceback and show a CrashDialog (returned, for tests)."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return None
    details = "".join(traceback.format_exception(kind, error, trace))
    log.error("unhandled exception\n%s", details.rstrip())
    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, trace)
        return None
    dialog = CrashDialog(details, QApplication.activeWindow())
    _open_dialogs.append(dialog)
    dialog.finished.connect(lambda _result: _open_dialogs.remove(dialog))
    dialog.open()  # not exec(): the event loop, and the app, go on
    return dialog


def install_exception_hook() -> None:
    """Route unhandled exceptions (slots and events included) to handle_exception."""
    sys.excepthook = handle_exception
