"""The start screen: the sessions on this laptop, the selected one at a glance,
and the ways into a meeting (open one, start a new one, try the demo).

Opening a session is not this window's business: it hands the session's id to
the ``open_session`` callable it was given (the application shows the meeting
window) and announces it through ``session_chosen``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.services.demo import DEMO_REGION, ensure_demo
from evaluator_app.services.errors import ServiceError
from evaluator_app.services.operation import Context
from evaluator_app.services.sessions import list_sessions, session_overview
from evaluator_app.ui.about_dialog import AboutDialog
from evaluator_app.ui.actions import settings_action
from evaluator_app.ui.attendance import PROBLEM_STYLE
from evaluator_app.ui.data_actions import DataActions
from evaluator_app.ui.new_session_dialog import NewSessionDialog
from evaluator_app.ui.search_panel import SearchPanel
from evaluator_app.ui.session_details import SessionDetailsPanel
from evaluator_app.ui.session_list_model import SessionListModel
from evaluator_app.ui.settings_dialog import SettingsDialog
from evaluator_app.ui.tables import natural_width, read_only_table

if TYPE_CHECKING:
    # Imported where used: they bring pyHanko, ReportLab and the bundle schema,
    # over a second of start-up for tools used now and then (issue 9).
    from evaluator_app.ui.framework_import_dialog import FrameworkImportDialog
    from evaluator_app.ui.identities_dialog import IdentitiesDialog
    from evaluator_app.ui.verify_dialog import VerifyDialog


class StartWindow(QMainWindow):
    session_chosen = Signal(str)  # the id of the session to open, just before it is opened

    def __init__(
        self,
        ctx: Context,
        language: str,
        open_session: Callable[[str], None],
        selected_session_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._language = language
        self._open_session = open_session
        self.setWindowTitle("Evaluator")

        self.sessions = SessionListModel(ctx, self)
        self.session_table = QTableView()
        self.session_table.setModel(self.sessions)
        read_only_table(self.session_table, stretch_column=SessionListModel.REGION)
        self.session_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.session_table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.session_table.doubleClicked.connect(self._row_double_clicked)
        self.session_table.installEventFilter(self)  # Enter opens the selected session

        self.details = SessionDetailsPanel()
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.search = SearchPanel(ctx)
        self.search.active.connect(self._searching)
        self.search.hit_chosen.connect(self._open_hit)
        # Set by the app: opens a session at an indicator (else only the session opens).
        self.open_at: Callable[[str, str], None] | None = None
        self.right = QStackedWidget()
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.details)
        self.right.addWidget(self.search)

        self._build_actions()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()
        # The ways in sit with the list they act on; the details get the full height.
        left = QWidget()
        left_layout = QVBoxLayout(left)
        self.new_button = self._button(self.new_action)
        self.open_button = self._button(self.open_action)
        self.demo_button = self._button(self.demo_action)
        self.file_button = self._button(self.file_action)
        left_layout.addLayout(self._button_row(self.new_button, self.open_button))
        left_layout.addWidget(self.problem)
        left_layout.addWidget(self.search.field)
        left_layout.addWidget(self.session_table, 1)
        left_layout.addLayout(self._button_row(self.demo_button, self.file_button))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)  # a wider window widens the details
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._build_menus()
        # A widget, not a message: menus clear the status bar's messages as they open.
        self.data_folder = QLabel(self.tr("Data folder: %1").replace("%1", str(ctx.store.data_dir)))
        self.data_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.data_folder)
        self._fit_to_screen()
        self.select_session(selected_session_id)

    # --- building --------------------------------------------------------------

    def _build_actions(self) -> None:
        self.new_action = QAction(self.tr("&New session…"), self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.setToolTip(self.tr("Start a new evaluation session"))
        self.new_action.triggered.connect(self.new_session)
        self.open_action = QAction(self.tr("&Open"), self)
        self.open_action.setToolTip(self.tr("Open the selected session (Enter or double-click)"))
        self.open_action.triggered.connect(self.open_selected)
        self.demo_action = QAction(self.tr("Open &demo"), self)
        self.demo_action.setToolTip(
            self.tr("A fictional city half-way through its meeting, to try everything on")
        )
        self.demo_action.triggered.connect(self.open_demo)
        self.file_action = QAction(self.tr("Open &session file…"), self)
        self.file_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.file_action.setToolTip(self.tr("A session file (.evpkg) from another laptop"))
        self.file_action.triggered.connect(lambda _=False: self.open_session_file())

    @staticmethod
    def _button_row(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    @staticmethod
    def _button(action: QAction) -> QPushButton:
        """A push button that mirrors ``action`` (text, tip, enabled) and triggers it."""
        button = QPushButton(action.text())
        button.setToolTip(action.toolTip())
        button.setEnabled(action.isEnabled())
        button.clicked.connect(action.trigger)
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        return button

    def _fit_to_screen(self) -> None:
        """1280x760 at most, 90% of a smaller screen (laptops: 1366x768); the list is shown
        whole unless that leaves the details less than 45%."""
        available = self.screen().availableGeometry()
        width = min(1280, int(available.width() * 0.9))
        self.resize(width, min(760, int(available.height() * 0.9)))
        left = min(max(natural_width(self.session_table), width * 2 // 5), width * 11 // 20)
        self.splitter.setSizes([left, width - left])

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.new_action, self.open_action, self.demo_action, self.file_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        tools = self.menuBar().addMenu(self.tr("&Tools"))
        self.identities_action = QAction(self.tr("Signing &identities…"), self)
        self.identities_action.triggered.connect(self.show_identities)
        self.verify_action = QAction(self.tr("&Verify a signed PDF…"), self)
        self.verify_action.triggered.connect(lambda: self.verify_pdf())
        self.framework_import_action = QAction(
            self.tr("Import a &framework from a spreadsheet…"), self
        )
        self.framework_import_action.triggered.connect(lambda: self.import_framework())
        tools.addAction(self.identities_action)
        tools.addAction(self.verify_action)
        tools.addAction(self.framework_import_action)
        tools.addSeparator()
        self.settings_action = settings_action(self)
        self.settings_action.triggered.connect(self.show_settings)
        tools.addAction(self.settings_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Evaluator"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        self.data_actions = DataActions(self._ctx, self, help_menu)

    # --- the list --------------------------------------------------------------

    def select_session(self, session_id: str | None) -> None:
        """Select ``session_id`` (the first session when None or unknown)."""
        row = self.sessions.row_of(session_id) if session_id else None
        if row is None and self.sessions.rowCount() > 0:
            row = 0
        if row is None:
            self._show(None)
            return
        self.session_table.selectRow(row)
        self.session_table.scrollTo(self.sessions.index(row, 0))

    def selected_session_id(self) -> str | None:
        rows = self.session_table.selectionModel().selectedRows()
        return self.sessions.session_row(rows[0].row()).id if rows else None

    @property
    def language(self) -> str:
        return self._language

    def refresh(self) -> None:
        """Reload the list, keeping the selected session selected if it still exists
        (call it when a meeting window closes: progress and status have moved on)."""
        current = self.selected_session_id()
        self.sessions.refresh()
        self.select_session(current)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self.search.field.text().strip():
            return  # the hits stay; the overview is shown when the search is cleared
        self._show(self.selected_session_id())

    def _searching(self, active: bool) -> None:
        if active:
            self.right.setCurrentWidget(self.search)
        else:
            self._show(self.selected_session_id())

    def _open_hit(self, session_id: str, indicator_code: str) -> None:
        if self.open_at is not None and indicator_code:
            self.session_chosen.emit(session_id)
            self.open_at(session_id, indicator_code)
        else:
            self.open_session(session_id)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Back from a meeting window (or the command line): show progress as it is now.
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and time.monotonic() - self.sessions.loaded_at > 2
        ):
            self.refresh()  # not when just read (the first showing: a start-up's CPU)

    def _show(self, session_id: str | None) -> None:
        self.open_action.setEnabled(session_id is not None)
        if session_id is None:
            self.placeholder.setText(
                self.tr("Select a session to see its overview.")
                if self.sessions.rowCount()
                else self.tr(
                    "There are no evaluation sessions on this laptop yet.\n"
                    "Start one with “New session…”, or try the app with “Open demo”."
                )
            )
            self.right.setCurrentWidget(self.placeholder)
            return
        try:
            overview = session_overview(self._ctx, session_id, self._language)
        except ServiceError as error:  # e.g. removed meanwhile by another window or the CLI
            self.placeholder.setText(str(error))
            self.right.setCurrentWidget(self.placeholder)
            return
        self.details.show_overview(overview, self._language)
        self.right.setCurrentWidget(self.details)

    # --- the ways into a meeting -------------------------------------------------

    def open_session(self, session_id: str) -> None:
        """Open ``session_id``: announce it, then hand it to the callable this window
        was given."""
        self.problem.hide()
        self.session_chosen.emit(session_id)
        self._open_session(session_id)

    def open_selected(self) -> None:
        session_id = self.selected_session_id()
        if session_id is not None:
            self.open_session(session_id)

    def _row_double_clicked(self, index: QModelIndex) -> None:
        self.open_session(self.sessions.session_row(index.row()).id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.session_table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    def new_session_dialog(self) -> NewSessionDialog:
        """The dialog for a new session, wired to open the session once it is created
        (not shown: ``new_session`` shows it)."""
        dialog = NewSessionDialog(self._ctx, self, language=self._language)
        dialog.accepted.connect(lambda: self._created(dialog))
        return dialog

    def new_session(self) -> None:
        dialog = self.new_session_dialog()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal, without a nested event loop

    def _created(self, dialog: NewSessionDialog) -> None:
        if dialog.created_id is None:
            return
        self.refresh()
        self.select_session(dialog.created_id)
        if dialog.copy_refusal:
            self._show_problem(
                self.tr("The session was created, but its attendance was not copied: %1").replace(
                    "%1", dialog.copy_refusal
                )
            )
        self.open_session(dialog.created_id)

    def demo_session_id(self) -> str | None:
        """The demo session on this laptop, if there is one."""
        mine = [s for s in list_sessions(self._ctx) if s.region == DEMO_REGION]
        return max(mine, key=lambda s: s.year).id if mine else None

    def open_demo(self) -> None:
        """Open the demo session, creating it first if this laptop has none."""
        session_id = self.demo_session_id()
        if session_id is None:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a few seconds
            try:
                session_id = ensure_demo(self._ctx)
            except ServiceError as error:
                self._show_problem(
                    self.tr("The demo could not be created: %1").replace("%1", str(error))
                )
                return
            finally:
                QGuiApplication.restoreOverrideCursor()
            self.refresh()
        self.select_session(session_id)
        self.open_session(session_id)

    def open_session_file(self, path: Path | None = None, passphrase: str | None = None) -> bool:
        """Add a session from a bundle (.evpkg) made on another laptop, and open it.

        Everything in the bundle is checked before anything is written; a bundle
        that is refused says why, here, and changes nothing.  A session this
        laptop already has is merged after a preview (``ui.merge_dialog``).
        """
        from evaluator_app.exchange.errors import BundleError
        from evaluator_app.ui.bundle_import_flow import choose_bundle, import_bundle_file

        if path is None:
            path = choose_bundle(self)
            if path is None:
                return False
        try:
            summary = import_bundle_file(self, self._ctx, path, passphrase)
        except (BundleError, ServiceError) as error:
            self._show_problem(self.tr("Not opened: %1").replace("%1", str(error)))
            return False
        if summary is None:
            return False
        self.problem.hide()
        self.refresh()
        self.select_session(summary.session_id)
        self.open_session(summary.session_id)
        return True

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    # --- tools -----------------------------------------------------------------

    def identities_dialog(self) -> IdentitiesDialog:
        """Signing identities on this laptop (not shown: ``show_identities`` shows it)."""
        from evaluator_app.ui.identities_dialog import IdentitiesDialog

        return IdentitiesDialog(self._ctx, self)

    def show_identities(self) -> None:
        dialog = self.identities_dialog()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def verify_dialog(self, path: Path | None = None) -> VerifyDialog:
        """Checks a signed PDF (``path`` at once, when given); not shown."""
        from evaluator_app.ui.verify_dialog import VerifyDialog

        return VerifyDialog(self._ctx, self, path)

    def verify_pdf(self, path: Path | None = None) -> None:
        dialog = self.verify_dialog(path)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if path is None:
            dialog.choose_file()

    def framework_import_dialog(self, path: Path | None = None) -> FrameworkImportDialog:
        """Checks a framework spreadsheet (``path`` at once, when given); not shown."""
        from evaluator_app.ui.framework_import_dialog import FrameworkImportDialog

        return FrameworkImportDialog(self._ctx, self, path)

    def import_framework(self, path: Path | None = None) -> None:
        # Not straight to a file chooser: a first-time user needs the template first.
        dialog = self.framework_import_dialog(path)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # --- help ------------------------------------------------------------------

    def about_dialog(self) -> AboutDialog:
        """Version, data folder, log file and licences (not shown: ``show_about`` shows it)."""
        return AboutDialog(self._ctx.store.data_dir, self)

    def show_about(self) -> None:
        dialog = self.about_dialog()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def settings_dialog(self) -> SettingsDialog:
        """The preferences (not shown: ``show_settings`` shows it)."""
        return SettingsDialog(self._ctx, self)

    def show_settings(self) -> None:
        dialog = self.settings_dialog()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
