"""Starting the GUI: the application object, the interface language, the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from evaluator_app.services.operation import Context
from evaluator_app.ui.start_window import StartWindow
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


def _meeting_window_not_wired(session_id: str) -> None:
    logging.getLogger(__name__).info("no meeting window to open session %s in yet", session_id)


def create_main_window(
    ctx: Context,
    open_session_id: str | None = None,
    open_session: Callable[[str], None] | None = None,
) -> StartWindow:
    """The start screen in the language chosen by EVALUATOR_LANG (not shown yet), with
    ``open_session_id`` selected; ``open_session`` opens a session chosen there."""
    application()
    language = use_language(ui_language())
    return StartWindow(ctx, language, open_session or _meeting_window_not_wired, open_session_id)


def run_gui(ctx: Context, open_session_id: str | None = None, argv: list[str] | None = None) -> int:
    """Show the main window (``open_session_id`` selected) and run until it closes."""
    app = application(argv)
    window = create_main_window(ctx, open_session_id)
    window.show()
    return app.exec()
