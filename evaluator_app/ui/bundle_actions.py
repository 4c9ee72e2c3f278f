"""The meeting window's bundle commands: export this session, import a bundle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from evaluator_app.exchange.errors import BundleError
from evaluator_app.exchange.summary import ImportSummary
from evaluator_app.services.errors import ServiceError
from evaluator_app.ui.bundle_import_flow import choose_bundle, import_bundle_file
from evaluator_app.ui.controller import SessionController


def open_export_dialog(controller: SessionController, parent: QWidget) -> QWidget:
    from evaluator_app.ui.bundle_export_dialog import BundleExportDialog

    dialog = BundleExportDialog(controller, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def import_message(summary: ImportSummary) -> str:
    """What an import did, for the status bar."""
    if summary.outcome == "unchanged":
        return QCoreApplication.translate(
            "BundleActions", "The session already holds everything in the bundle; nothing changed."
        )
    if summary.outcome == "added":
        return (
            QCoreApplication.translate(
                "BundleActions",
                "Added the session %1 %2 from the bundle; open it from the start screen.",
            )
            .replace("%1", summary.region)
            .replace("%2", str(summary.year))
        )
    m = summary.merge or {}
    return (
        QCoreApplication.translate(
            "BundleActions",
            "Merged %1's bundle: %2 records added, %3 fields taken, %4 records removed, "
            "%5 conflicts settled.",
        )
        .replace("%1", summary.author or "?")
        .replace("%2", str(m.get("added", 0)))
        .replace("%3", str(m.get("changed", 0)))
        .replace("%4", str(m.get("removed", 0)))
        .replace("%5", str(m.get("conflicts", 0)))
    )


def import_into_session(
    controller: SessionController, parent: QWidget, path: Path | None = None
) -> tuple[ImportSummary | None, str]:
    """Import a bundle from the meeting window: (what it did, or None; a message)."""
    path = path or choose_bundle(parent)
    if path is None:
        return None, ""
    try:
        summary = import_bundle_file(parent, controller.ctx, path)
    except (BundleError, ServiceError) as error:
        return None, QCoreApplication.translate("BundleActions", "Not imported: %1").replace(
            "%1", str(error)
        )
    if summary is None:
        return None, ""
    if summary.session_id == controller.session_id:
        controller.reload()
    return summary, import_message(summary)
