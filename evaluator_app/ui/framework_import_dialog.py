"""Import a framework from a spreadsheet: check the whole file, list every problem
by cell, install only a file without problems.

The programme office fills in the template (``Save the template…`` here), chooses
or drops the file, fixes what the list says in the spreadsheet and checks again,
until the file is clean; only then does Install write anything.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.domain.framework import Framework, FrameworkError, Problem
from evaluator_app.services.errors import ServiceError
from evaluator_app.services.frameworks import (
    install_framework,
    read_framework_file,
    save_framework_template,
)
from evaluator_app.services.operation import Context
from evaluator_app.ui.verify_dialog import BAD, FILLS, GOOD, VERDICT_STYLE, WARN
from evaluator_app.ui.widgets import dropped_file

SUFFIXES = (".xlsx", ".xlsm")


class FrameworkImportDialog(QDialog):
    """``check(path)`` reads a file; ``install()`` installs the checked framework."""

    installed = Signal(str, str)  # framework id and version, once installed

    def __init__(
        self, ctx: Context, parent: QWidget | None = None, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.path: Path | None = None
        self.framework: Framework | None = None
        self.problems: list[Problem] = []
        self.setWindowTitle(self.tr("Import a framework from a spreadsheet"))
        self.setAcceptDrops(True)

        intro = QLabel(
            self.tr(
                "Fill in the framework template (instructions on its first sheet), then "
                "choose the file or drop it here. The whole file is checked first: nothing "
                "is installed until it has no problems."
            )
        )
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose a spreadsheet…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.again_button = QPushButton(self.tr("Check again"))
        self.again_button.setToolTip(self.tr("Read the file again after fixing it"))
        self.again_button.clicked.connect(self.check_again)
        self.again_button.setEnabled(False)
        self.template_button = QPushButton(self.tr("Save the template…"))
        self.template_button.setToolTip(
            self.tr("The framework spreadsheet: instructions, and an example to replace")
        )
        self.template_button.clicked.connect(lambda: self.save_template())
        top = QHBoxLayout()
        for button in (self.choose_button, self.again_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.template_button)

        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        font = QFont(self.verdict.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.verdict.setFont(font)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.hide()

        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Cell"), self.tr("Problem")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.hide()
        self.copy_button = QPushButton(self.tr("Copy the list"))
        self.copy_button.setToolTip(self.tr("Every problem as text, one per line"))
        self.copy_button.clicked.connect(self.copy_problems)
        self.copy_button.hide()

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()

        buttons = QDialogButtonBox()
        self.install_button = buttons.addButton(
            self.tr("&Install"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.install_button.setEnabled(False)
        self.install_button.clicked.connect(self.install)
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.file_label)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details)
        layout.addStretch(0)
        layout.addWidget(buttons)
        self.resize(860, 560)
        if path is not None:
            self.check(path)

    # --- choosing --------------------------------------------------------------

    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a framework spreadsheet"),
            start,
            self.tr("Spreadsheets (*.xlsx *.xlsm);;Framework files (*.yaml *.yml)"),
        )
        if name:
            self.check(Path(name))

    def check_again(self) -> None:
        if self.path is not None:
            self.check(self.path)

    def save_template(self, out: Path | None = None) -> bool:
        """A copy of the template, where the user says (or at ``out``)."""
        if out is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the framework template"),
                "framework-template.xlsx",
                self.tr("Spreadsheets (*.xlsx)"),
            )
            if not name:
                return False
            out = Path(name)
        try:
            save_framework_template(out)
        except ServiceError as error:
            self._show_verdict(self.tr("Not saved: %1").replace("%1", str(error)), BAD)
            return False
        self._show_verdict(
            self.tr("Template saved as %1. Fill it in, then choose it here.").replace(
                "%1", str(out)
            ),
            GOOD,
        )
        return True

    @staticmethod
    def _dropped(event: QDragEnterEvent | QDropEvent) -> Path | None:
        return dropped_file(event, (*SUFFIXES, ".yaml", ".yml"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.check(path)

    # --- checking and installing -------------------------------------------------

    def check(self, path: Path) -> bool:
        """Read ``path`` whole; True when it holds a framework without problems."""
        self.path = path
        self.framework = None
        self.file_label.setText(str(path))
        self.again_button.setEnabled(True)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.framework = read_framework_file(path)
            self.problems = []
        except FrameworkError as error:
            self.problems = error.problems
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_problems()
        self.install_button.setEnabled(self.framework is not None)
        if self.framework is None:
            count = len(self.problems)
            text = (
                self.tr(
                    "1 problem: nothing was installed. Fix it in the spreadsheet, "
                    "save it and check again."
                )
                if count == 1
                else self.tr(
                    "%1 problems: nothing was installed. Fix them in the spreadsheet, "
                    "save it and check again."
                ).replace("%1", str(count))
            )
            self._show_verdict(text, BAD)
            self.details.hide()
            return False
        self._show_verdict(self.tr("No problems: the framework can be installed."), GOOD)
        self._show_details(self.framework)
        return True

    def install(self) -> bool:
        if self.framework is None:
            return False
        try:
            done = install_framework(self._ctx.store.data_dir, self.framework)
        except ServiceError as error:
            self._show_verdict(self.tr("Not installed: %1").replace("%1", str(error)), BAD)
            return False
        self.install_button.setEnabled(False)
        if done.new:
            text = self.tr("Installed: it can now be chosen for a new session.")
        else:
            text = self.tr("This framework is already installed; nothing was changed.")
        self._show_verdict(text, GOOD if done.new else WARN)
        self.installed.emit(done.framework.id, done.framework.version)
        return True

    def copy_problems(self) -> None:
        lines = [f"{p.where}: {p.message}" if p.where else p.message for p in self.problems]
        QGuiApplication.clipboard().setText("\n".join(lines))

    # --- showing ---------------------------------------------------------------

    def _show_verdict(self, text: str, color: str) -> None:
        self.verdict.setText(text)
        self.verdict.setStyleSheet(VERDICT_STYLE.format(color=color, fill=FILLS[color]))
        self.verdict.show()

    def _show_problems(self) -> None:
        self.table.setRowCount(len(self.problems))
        for row, problem in enumerate(self.problems):
            place = QTableWidgetItem(problem.where or "—")
            place.setData(Qt.ItemDataRole.AccessibleTextRole, problem.where)
            self.table.setItem(row, 0, place)
            self.table.setItem(row, 1, QTableWidgetItem(problem.message))
        self.table.setVisible(bool(self.problems))
        self.copy_button.setVisible(bool(self.problems))

    def _show_details(self, framework: Framework) -> None:
        groups = 0
        stack = list(framework.dimensions)
        while stack:
            group = stack.pop()
            groups += 1
            stack.extend(group.groups)
        indicators = sum(1 for _ in framework.indicators())
        levels = ", ".join(str(v) for v in framework.level_values())
        text = (
            self.tr("%1 (version %2)\n%3 dimensions, %4 sub-groups, %5 indicators; levels %6.")
            .replace("%1", framework.title.id)
            .replace("%2", framework.version)
            .replace("%3", str(len(framework.dimensions)))
            .replace("%4", str(groups - len(framework.dimensions)))
            .replace("%5", str(indicators))
            .replace("%6", levels)
        )
        if framework.illustrative:
            text += "\n" + self.tr("Marked illustrative: an example, not an official instrument.")
        self.details.setText(text)
        self.details.show()
