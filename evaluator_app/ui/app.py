"""Starting the GUI: the application object, the interface language, the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from evaluator_app.services.operation import Context
from evaluator_app.ui.main_window import MainWindow
from evaluator_app.ui.translations import ui_language, use_language

APP_NAME = "Evaluator"


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created if there is none yet, named (QSettings uses the names)."""
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_NAME)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(sys.argv[:1] if argv is None else argv)


def create_main_window(ctx: Context, open_session_id: str | None = None) -> MainWindow:
    """The main window in the language chosen by EVALUATOR_LANG (not shown yet)."""
    application()
    language = use_language(ui_language())
    return MainWindow(ctx, language, open_session_id)


def run_gui(ctx: Context, open_session_id: str | None = None, argv: list[str] | None = None) -> int:
    """Show the main window (``open_session_id`` selected) and run until it closes."""
    app = application(argv)
    window = create_main_window(ctx, open_session_id)
    window.show()
    return app.exec()
