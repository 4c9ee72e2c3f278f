"""The meeting window: navigator, indicator page, attendance and findings.

Every edit goes through the services as it happens (there is no Save button);
the status bar says when the last change was stored.  Undo and redo are the
services' own, so they reach every kind of change and survive a restart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evaluator_app import preferences
from evaluator_app.services import assessments, undo
from evaluator_app.services.operation import Context
from evaluator_app.ui import actions
from evaluator_app.ui.actions import Command, settings_action
from evaluator_app.ui.autosave import AutosaveText
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.data_actions import DataActions
from evaluator_app.ui.indicator_page import IndicatorPage
from evaluator_app.ui.labels import progress_label, score_label, status_label, time_label
from evaluator_app.ui.navigator import NavigatorPanel
from evaluator_app.ui.operations import operation_label
from evaluator_app.ui.translations import LANGUAGE_NAMES

if TYPE_CHECKING:
    # Imported where used: minutes, sign-off and bundles bring ReportLab, pyHanko and
    # the bundle schema, a second and more of start-up for a window that may never use them.
    from evaluator_app.exchange.summary import ImportSummary
    from evaluator_app.ui.attendance import AttendancePanel
    from evaluator_app.ui.dashboard import DashboardView
    from evaluator_app.ui.findings_view import FindingsList
    from evaluator_app.ui.minutes_actions import ReopenDialog
    from evaluator_app.ui.presenter import PresenterWindow
    from evaluator_app.ui.signoff_dialog import SignOffDialog


class SessionWindow(QMainWindow):
    closed = Signal(str)  # the session id, once the window has closed
    sessions_requested = Signal()  # Session → Show the list of sessions

    def __init__(self, ctx: Context, session_id: str, language: str = "id") -> None:
        super().__init__()
        self.controller = SessionController(ctx, session_id, language, self)
        c = self.controller
        self.presenter: PresenterWindow | None = None
        self.commands: dict[Command, QAction] = {}

        self.navigator = NavigatorPanel(c)
        self.indicator_page = IndicatorPage(c)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.indicator_page, self.tr("Indicator"))
        # The other tabs are built when first shown (or asked for): their modules and
        # widgets are a tenth of a second of start-up for pages not yet looked at.
        # (Builders are kept unbound: a bound method would tie the window to itself.)
        self._unbuilt: dict[str, tuple[QWidget, Callable[[SessionWindow], QWidget]]] = {}
        self._pages: dict[str, QWidget] = {}
        self._later_tab("attendance", self.tr("Attendance"), SessionWindow._build_attendance)
        self._later_tab("findings", self.tr("All findings"), SessionWindow._build_findings)
        self._later_tab("dashboard", self.tr("Dashboard"), SessionWindow._build_dashboard)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self._splitter_moved = False
        self.splitter.splitterMoved.connect(self._note_splitter_moved)
        self.setCentralWidget(self.splitter)

        self.saved_at = QLabel()
        self.progress = QLabel()
        self.status = QLabel()
        for label in (self.saved_at, self.progress, self.status):
            self.statusBar().addPermanentWidget(label)

        self._build_menus()
        self._bind_level_keys()
        c.changed.connect(self._show_state)
        c.saved.connect(self._show_saved)
        c.failed.connect(self._show_refusal)
        c.flush_requested.connect(self.flush_typing)
        self._show_state()
        self._fit_to_screen()
        codes = [i.code for i in c.framework.indicators()]
        unsettled = [code for code in codes if not c.states[code].settled]
        if codes:
            c.set_current((unsettled or codes)[0])
        # Focus in the tree, not the search field: a number pressed first sets a level.
        self.navigator.tree.setFocus()

    # --- building ------------------------------------------------------------

    def _later_tab(self, name: str, title: str, build: Callable[[SessionWindow], QWidget]) -> None:
        placeholder = QWidget()
        self._unbuilt[name] = (placeholder, build)
        self.tabs.addTab(placeholder, title)

    def _page(self, name: str) -> QWidget:
        """The tab's page, built (in place of its placeholder) on first use."""
        page = self._pages.get(name)
        if page is not None:
            return page
        placeholder, build = self._unbuilt.pop(name)
        page = self._pages[name] = build(self)
        index = self.tabs.indexOf(placeholder)
        title = self.tabs.tabText(index)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)  # the same tab stays current: no change to report
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, page, title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()
        return page

    def _build_attendance(self) -> QWidget:
        from evaluator_app.ui import attendance

        return attendance.AttendancePanel(self.controller)

    def _build_findings(self) -> QWidget:
        from evaluator_app.ui import findings_view

        # Read when shown: 120 cards of a large session cost a second.
        return findings_view.FindingsList(self.controller, indicator_only=False, while_shown=True)

    def _build_dashboard(self) -> QWidget:
        from evaluator_app.ui import dashboard

        view = dashboard.DashboardView(self.controller)  # gathers its numbers only while shown
        view.indicator_chosen.connect(self._show_indicator)
        return view

    @property
    def attendance(self) -> AttendancePanel:
        return cast("AttendancePanel", self._page("attendance"))

    @property
    def findings(self) -> FindingsList:
        return cast("FindingsList", self._page("findings"))

    @property
    def dashboard(self) -> DashboardView:
        return cast("DashboardView", self._page("dashboard"))

    def _tab_shown(self, index: int) -> None:
        shown = self.tabs.widget(index)
        for name, (placeholder, _build) in list(self._unbuilt.items()):
            if placeholder is shown:
                self._page(name)
        self._presenter_follows_tab()

    def _command(self, command: Command, slot: Callable[[], object], menu: object) -> QAction:
        action = QAction(actions.label(command), self)
        action.setShortcuts(actions.key_sequences(command))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        self.commands[command] = action
        return action

    def _build_menus(self) -> None:
        c = self.controller
        bar = self.menuBar()
        session = bar.addMenu(self.tr("&Session"))
        self._command(Command.EXPORT_DRAFT, lambda: self.export_draft_minutes(), session)
        session.addSeparator()
        self._command(Command.SIGN_OFF, self.sign_off, session)
        self._command(Command.EXPORT_SIGNED, lambda: self.export_signed_minutes(), session)
        self._command(Command.REOPEN, self.reopen_for_amendment, session)
        session.addSeparator()
        self._command(Command.EXPORT_BUNDLE, self.export_bundle, session)
        self._command(Command.IMPORT_BUNDLE, lambda: self.import_bundle(), session)
        session.addSeparator()
        self._command(Command.SESSIONS, self.sessions_requested.emit, session)
        self._command(Command.CLOSE, self.close, session)
        edit = bar.addMenu(self.tr("&Edit"))
        self._command(Command.UNDO, lambda: self._step(undo.undo), edit)
        self._command(Command.REDO, lambda: self._step(undo.redo), edit)
        edit.addSeparator()
        self.settings_action = settings_action(self)
        self.settings_action.triggered.connect(self.show_settings)
        edit.addAction(self.settings_action)
        go = bar.addMenu(self.tr("&Go"))
        self._command(Command.NEXT, lambda: self._go(1, False), go)
        self._command(Command.PREVIOUS, lambda: self._go(-1, False), go)
        self._command(Command.NEXT_OPEN, lambda: self._go(1, True), go)
        self._command(Command.PREVIOUS_OPEN, lambda: self._go(-1, True), go)
        go.addSeparator()
        self._command(Command.SEARCH, self._search, go)
        self._command(Command.ADD_QUESTION, self._add_question, go)
        view = bar.addMenu(self.tr("&View"))
        self._command(Command.INDICATOR, lambda: self.tabs.setCurrentIndex(0), view)
        self._command(Command.ATTENDANCE, lambda: self.tabs.setCurrentIndex(1), view)
        self._command(Command.FINDINGS, lambda: self.tabs.setCurrentIndex(2), view)
        self._command(Command.DASHBOARD, lambda: self.tabs.setCurrentIndex(3), view)
        view.addSeparator()
        self._command(Command.PRESENTER, self.show_presenter, view)
        self._command(Command.FULL_SCREEN, self.toggle_full_screen, view)
        view.addSeparator()
        language = view.addMenu(self.tr("Interface language"))
        self.language_choices = QActionGroup(self)  # one at a time
        for code, name in LANGUAGE_NAMES:
            choice = language.addAction(name)
            choice.setCheckable(True)
            choice.setData(code)
            self.language_choices.addAction(choice)
            choice.triggered.connect(lambda _=False, code=code: self._choose_language(code))
        # The saved choice (here or in Settings), which the next start uses.
        language.aboutToShow.connect(self._check_chosen_language)
        self._check_chosen_language()
        help_menu = bar.addMenu(self.tr("&Help"))
        self._command(Command.SHORTCUTS, self.show_shortcuts, help_menu)
        about = help_menu.addAction(self.tr("About Evaluator"))
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._about)
        self.data_actions = DataActions(c.ctx, self, help_menu)
        for command in (Command.UNDO, Command.REDO, Command.ADD_QUESTION):
            self.commands[command].setEnabled(not c.read_only)

    def _bind_level_keys(self) -> None:
        # Number keys set the agreed level; typing in a text field keeps the digit
        # (text widgets claim printable keys before window shortcuts see them).
        self.level_keys: list[QShortcut] = []
        for level in self.controller.framework.level_values():
            if 0 <= level <= 9:
                key = QShortcut(QKeySequence(str(level)), self)
                key.activated.connect(lambda level=level: self.set_agreed_level(level))
                self.level_keys.append(key)

    def _fit_to_screen(self) -> None:
        available = self.screen().availableGeometry()
        self.resize(
            min(1600, int(available.width() * 0.95)), min(1000, int(available.height() * 0.92))
        )
        self.navigator.setMinimumWidth(300)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The navigator keeps about a third of the width (titles stay readable),
        # until someone moves the splitter by hand.
        super().resizeEvent(event)
        if not self._splitter_moved:
            width = self.splitter.width()
            left = max(340, min(width * 34 // 100, 560))
            self.splitter.blockSignals(True)
            self.splitter.setSizes([left, max(0, width - left)])
            self.splitter.blockSignals(False)

    def _note_splitter_moved(self) -> None:
        self._splitter_moved = True

    # --- commands ------------------------------------------------------------

    def set_agreed_level(self, level: int) -> None:
        c = self.controller
        if c.current is None or c.read_only:
            return
        self.tabs.setCurrentWidget(self.indicator_page)
        c.call(assessments.set_agreed_level, c.session_id, c.current, level)

    def _go(self, step: int, not_done_only: bool) -> None:
        self.tabs.setCurrentWidget(self.indicator_page)
        self.controller.move(step, not_done_only)

    def _search(self) -> None:
        self.navigator.focus_search()

    def _add_question(self) -> None:
        self.tabs.setCurrentWidget(self.indicator_page)
        self.indicator_page.start_new_question()

    def _step(self, step: Callable[[Context, str], str]) -> None:
        self.flush_typing()
        c = self.controller
        done = c.call(step, c.session_id)
        if done is not None:
            verb = self.tr("Undone") if step is undo.undo else self.tr("Redone")
            self.statusBar().showMessage(f"{verb}: {operation_label(done)}", 5000)

    def _refresh_undo_labels(self) -> None:
        c = self.controller
        try:
            stacks = undo.history(c.ctx, c.session_id)
        except Exception:  # a label is not worth a crash
            return
        for command, stack in ((Command.UNDO, stacks.undo), (Command.REDO, stacks.redo)):
            action = self.commands[command]
            text = actions.label(command)
            if stack:
                text += f": {operation_label(stack[-1][1])}"
            action.setText(text)
            action.setEnabled(bool(stack) and not c.read_only)

    def show_presenter(self) -> None:
        if self.presenter is None:
            from evaluator_app.ui.presenter import PresenterWindow

            self.presenter = PresenterWindow(self.controller)
        self._presenter_follows_tab()
        self.presenter.show_on_projector()

    def _presenter_follows_tab(self) -> None:
        # The projector shows the dashboard while the lead has it open.
        if self.presenter is not None:
            shown = self.tabs.currentWidget()
            self.presenter.show_dashboard(shown is self._pages.get("dashboard"))

    def _show_indicator(self) -> None:
        self.tabs.setCurrentWidget(self.indicator_page)

    def toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def show_shortcuts(self) -> None:
        rows = actions.shortcut_table(self.controller.framework.level_values())
        dialog = QDialog(self)
        dialog.setWindowTitle(actions.label(Command.SHORTCUTS))
        table = QTableWidget(len(rows), 2, dialog)
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        for n, (keys, what) in enumerate(rows):
            table.setItem(n, 0, QTableWidgetItem(keys))
            table.setItem(n, 1, QTableWidgetItem(what))
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(560, 520)
        self.shortcuts_dialog = dialog
        dialog.open()

    # --- minutes and sign-off (the dialogs live in signoff_dialog.py) ------------

    def export_draft_minutes(self, path: Path | None = None) -> Path | None:
        from evaluator_app.ui.minutes_actions import export_draft_minutes

        self.flush_typing()
        done = export_draft_minutes(self.controller, self, path)
        if done is not None:
            self.statusBar().showMessage(
                self.tr("Draft minutes saved to %1").replace("%1", str(done)), 8000
            )
        return done

    def export_signed_minutes(self, path: Path | None = None) -> Path | None:
        from evaluator_app.ui.minutes_actions import export_signed_minutes

        done = export_signed_minutes(self.controller, self, path)
        if done is not None:
            self.statusBar().showMessage(
                self.tr("Signed minutes saved to %1").replace("%1", str(done)), 8000
            )
        return done

    def signoff_dialog(self) -> SignOffDialog:
        """The sign-off dialog for this session (not shown: ``sign_off`` shows it)."""
        from evaluator_app.ui.signoff_dialog import SignOffDialog

        self.flush_typing()
        return SignOffDialog(self.controller, self)

    def sign_off(self) -> None:
        dialog = self.signoff_dialog()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def reopen_dialog(self) -> ReopenDialog:
        """Asks for the reason; accepting it reopens the session (not shown)."""
        from evaluator_app.ui.minutes_actions import ReopenDialog

        return ReopenDialog(self.controller, self)

    def reopen_for_amendment(self) -> None:
        dialog = self.reopen_dialog()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # --- bundles between laptops (ui/bundle_actions.py) -------------------------

    def export_bundle(self) -> QWidget:
        from evaluator_app.ui import bundle_actions

        self.flush_typing()
        return bundle_actions.open_export_dialog(self.controller, self)

    def import_bundle(self, path: Path | None = None) -> ImportSummary | None:
        from evaluator_app.ui import bundle_actions

        self.flush_typing()
        summary, message = bundle_actions.import_into_session(self.controller, self, path)
        if summary is None and message:
            self._show_refusal(message)
        elif message:
            self.statusBar().showMessage(message, 15000)
        return summary

    def _choose_language(self, code: str) -> None:
        preferences.write(preferences.LANGUAGE, code)
        self.statusBar().showMessage(
            self.tr("The interface language changes when Evaluator starts again."), 8000
        )

    def _check_chosen_language(self) -> None:
        chosen = preferences.read(preferences.LANGUAGE)
        for choice in self.language_choices.actions():
            choice.setChecked(choice.data() == chosen)

    def _about(self) -> None:
        from evaluator_app.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.controller.ctx.store.data_dir, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog = dialog
        dialog.open()

    def show_settings(self) -> None:
        self.flush_typing()
        from evaluator_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.controller.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.settings_dialog = dialog
        dialog.open()

    # --- state ---------------------------------------------------------------

    def _show_state(self) -> None:
        c = self.controller
        o = c.overview
        title = f"{o.region} · {o.year} — Evaluator"
        if c.read_only:
            title += " " + self.tr("(signed: read-only)")
        self.setWindowTitle(title)
        index = score_label(o.scores.index)
        predicate = c.text(o.scores.predicate.name) if o.scores.predicate else ""
        self.progress.setText(
            self.tr("Settled %1 · index %2 %3")
            .replace("%1", progress_label(o.done, o.total))
            .replace("%2", index)
            .replace("%3", predicate)
            .strip()
        )
        for command in (Command.EXPORT_SIGNED, Command.REOPEN):
            self.commands[command].setEnabled(c.read_only)
        status = status_label(o.status)
        if c.read_only:
            status = self.tr("%1 — read-only").replace("%1", status)
        self.status.setText(status)
        self._refresh_undo_labels()

    def _show_saved(self, when: dt.datetime) -> None:
        self.saved_at.setText(self.tr("Saved at %1").replace("%1", time_label(when, seconds=True)))

    def _show_refusal(self, message: str) -> None:
        # Window-modal but not blocking: the meeting's typing is never held up.
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Not done"),
            message,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.refusal_box = box
        box.open()

    def flush_typing(self) -> None:
        """Store every text still waiting for its pause (switching, undoing, closing)."""
        for saver in self.findChildren(AutosaveText):
            saver.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_typing()
        if self.presenter is not None:
            self.presenter.close()
        super().closeEvent(event)
        self.closed.emit(self.controller.session_id)
