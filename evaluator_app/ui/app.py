"""Starting the GUI: the application object, the interface language, the main window."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from evaluator_app.app_log import install_log
from evaluator_app.bundled import resources_dir
from evaluator_app.collector import resume_after_start
from evaluator_app.services.backups import daily_backup
from evaluator_app.services.operation import Context
from evaluator_app.store import models
from evaluator_app.ui.crash import install_exception_hook
from evaluator_app.ui.translations import ui_language, use_language

if TYPE_CHECKING:
    from evaluator_app.ui.session_window import SessionWindow
    from evaluator_app.ui.start_window import StartWindow

APP_NAME = "Evaluator"
ORM_WARM_UP_MS = 300


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
    language: str | None = None,
) -> StartWindow:
    """The start screen in the language chosen by EVALUATOR_LANG (not shown yet), with
    ``open_session_id`` selected; ``open_session`` opens a session chosen there."""
    from evaluator_app.ui.start_window import StartWindow

    application()
    language = language or use_language(ui_language())
    return StartWindow(ctx, language, open_session or _meeting_window_not_wired, open_session_id)


class Windows:
    """The start screen and the meeting windows opened from it (one per session).

    The start screen is built when first wanted: started straight into a session,
    the meeting window shows alone (a fifth of a second sooner, issue 9), and the
    start screen comes when asked for (Session → Show the list of sessions) or when
    the meeting window closes."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.sessions: dict[str, SessionWindow] = {}
        self.language = use_language(ui_language())
        self._start: StartWindow | None = None
        self._selected: str | None = None  # selected in the start screen when it is built
        self.daily_backup: threading.Thread | None = None  # once started (start_gui)

    def back_up_daily(self) -> threading.Thread:
        """Today's first backup, copied by a thread beside the open windows rather
        than before they show: the 500-session archive's database (44 MB) took 0.4 s
        to copy at the first start of each day (issue 9).  The copy has its own
        connections; a failure is logged (``automatic_backup``)."""
        if self.daily_backup is None:
            self.daily_backup = threading.Thread(
                target=daily_backup, args=(self.ctx,), name="daily-backup"
            )
            self.daily_backup.start()
        return self.daily_backup

    @property
    def start(self) -> StartWindow:
        if self._start is None:
            self._start = create_main_window(
                self.ctx, self._selected, open_session=self._open, language=self.language
            )
            self._start.open_at = self._open_at
        return self._start

    @property
    def start_built(self) -> bool:
        return self._start is not None

    def show_start(self) -> StartWindow:
        start = self.start
        start.show()
        start.raise_()
        start.activateWindow()
        return start

    def _open(self, session_id: str) -> None:
        self.open_session(session_id)

    def _open_at(self, session_id: str, indicator_code: str) -> None:
        self.open_session(session_id).controller.set_current(indicator_code)

    def open_session(self, session_id: str) -> SessionWindow:
        from evaluator_app.ui.session_window import SessionWindow

        window = self.sessions.get(session_id)
        if window is None:
            language = self._start.language if self._start is not None else self.language
            window = SessionWindow(self.ctx, session_id, language)
            window.closed.connect(self._closed)
            window.sessions_requested.connect(self.show_start)
            self.sessions[window.controller.session_id] = window
        self._selected = session_id
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _closed(self, session_id: str) -> None:
        window = self.sessions.pop(session_id, None)
        if window is not None:
            window.deleteLater()
        if self._start is None:
            # Started straight into the meeting: back to the list rather than out of
            # the app (the window is still visible while it closes, so the app does
            # not quit in between).  A start screen once closed stays closed.
            self.show_start()
        else:
            self._start.refresh()


def _load_the_orm() -> None:
    models.configure()  # the first name used loads the module (store/__init__.py)


def start_gui(ctx: Context, open_session_id: str | None = None) -> Windows:
    """Everything before the event loop: the meeting window of ``open_session_id``
    if given, else the start screen, shown.  Keep the result while the loop runs."""
    install_log(ctx.store.data_dir)
    install_exception_hook()
    windows = Windows(ctx)
    if open_session_id is None:
        windows.show_start()
    else:
        windows.open_session(open_session_id)
    resume_after_start()  # paused by cmd_gui while starting
    # The meeting window opened on Core reads, without the ORM: it is loaded and
    # set up for the first change once the window is up (a change before that
    # loads it itself).
    QTimer.singleShot(ORM_WARM_UP_MS, _load_the_orm)
    QTimer.singleShot(ORM_WARM_UP_MS, windows.back_up_daily)  # after the first paint
    return windows


def run_gui(ctx: Context, open_session_id: str | None = None, argv: list[str] | None = None) -> int:
    """Show the start screen, and the meeting window of ``open_session_id`` if given;
    run until the last window closes."""
    app = application(argv)
    windows = start_gui(ctx, open_session_id)
    code = app.exec()
    del windows
    return code
