"""Starting the GUI: the application object, the interface language, the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from evaluator_app.app_log import install_log
from evaluator_app.bundled import resources_dir
from evaluator_app.collector import resume_after_start
from evaluator_app.services.backups import daily_backup
from evaluator_app.services.operation import Context
from evaluator_app.ui.crash import install_exception_hook
from evaluator_app.ui.session_window import SessionWindow
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
    app = QApplication(sys.argv[:1] if argv is None else argv)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "evaluator.png")))
    return app


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


class Windows:
    """The start screen and the meeting windows opened from it (one per session)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.sessions: dict[str, SessionWindow] = {}
        self.start = create_main_window(ctx, open_session=self._open)
        self.start.open_at = self._open_at

    def _open(self, session_id: str) -> None:
        self.open_session(session_id)

    def _open_at(self, session_id: str, indicator_code: str) -> None:
        self.open_session(session_id).controller.set_current(indicator_code)

    def open_session(self, session_id: str) -> SessionWindow:
        window = self.sessions.get(session_id)
        if window is None:
            window = SessionWindow(self.ctx, session_id, self.start.language)
            window.closed.connect(self._closed)
            self.sessions[window.controller.session_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _closed(self, session_id: str) -> None:
        window = self.sessions.pop(session_id, None)
        if window is not None:
            window.deleteLater()
        self.start.refresh()


def start_gui(ctx: Context, open_session_id: str | None = None) -> Windows:
    """Everything before the event loop: the start screen, and the meeting window of
    ``open_session_id`` if given, shown.  Keep the result while the loop runs."""
    install_log(ctx.store.data_dir)
    install_exception_hook()
    daily_backup(ctx)  # keeps as many as the preferences say
    windows = Windows(ctx)
    windows.start.show()
    if open_session_id is not None:
        windows.start.select_session(open_session_id)
        windows.open_session(open_session_id)
    resume_after_start()  # paused by cmd_gui while starting
    return windows


def run_gui(ctx: Context, open_session_id: str | None = None, argv: list[str] | None = None) -> int:
    """Show the start screen, and the meeting window of ``open_session_id`` if given;
    run until the last window closes."""
    app = application(argv)
    windows = start_gui(ctx, open_session_id)
    code = app.exec()
    del windows
    return code
