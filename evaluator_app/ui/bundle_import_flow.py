"""Importing a bundle from the window: choose it, unlock it, preview, settle, apply.

Shared by the start screen ("Open a session file…") and the meeting window
("Import a bundle…").  Errors are raised for the caller to show where its
people look; None means the person cancelled.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QLineEdit, QWidget

from evaluator_app.exchange.crypto import is_encrypted
from evaluator_app.exchange.summary import ImportSummary
from evaluator_app.services.bundle_import import import_bundle, preview_bundle
from evaluator_app.services.operation import Context
from evaluator_app.ui.merge_dialog import MergeDialog


def choose_bundle(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("BundleImport", "Open a session file"),
        "",
        QCoreApplication.translate("BundleImport", "Evaluator session files (*.evpkg)"),
    )
    return Path(name) if name else None


def ask_passphrase(parent: QWidget, path: Path) -> str | None:
    """The passphrase of an encrypted bundle ('' for one that is not), None if cancelled."""
    try:
        encrypted = path.is_file() and is_encrypted(path)
    except OSError:
        encrypted = False  # the import says what is wrong with the file
    if not encrypted:
        return ""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("BundleImport", "Encrypted session file"),
        QCoreApplication.translate("BundleImport", "Passphrase for %1:").replace("%1", path.name),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


class _Busy:
    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_: object) -> None:
        QApplication.restoreOverrideCursor()


def import_bundle_file(
    parent: QWidget,
    ctx: Context,
    path: Path,
    passphrase: str | None = None,
    merge_dialog: type[MergeDialog] = MergeDialog,
) -> ImportSummary | None:
    """Import ``path``: a new session is added, one this laptop has is merged after
    the person has seen the preview and settled each conflict.

    Raises BundleError / ServiceError (nothing written); None if cancelled.
    """
    if passphrase is None:
        passphrase = ask_passphrase(parent, path)
        if passphrase is None:
            return None
    with _Busy():
        preview = preview_bundle(ctx, path, passphrase or None)
    resolutions = {}
    if preview.outcome == "merge":
        dialog = merge_dialog(preview, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        resolutions = dialog.resolutions()
    with _Busy():
        return import_bundle(ctx, path, passphrase or None, resolutions=resolutions)
