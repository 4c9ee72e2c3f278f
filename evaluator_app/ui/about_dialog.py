"""About Evaluator: its version, where its data and log are, and the licences of what it
ships (the libraries, read from their installed metadata, and the Liberation Sans fonts)."""

from __future__ import annotations

import importlib.metadata
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import evaluator_app
from evaluator_app.app_log import log_file
from evaluator_app.bundled import resources_dir
from evaluator_app.ui.tables import PaddedDelegate

APP_LICENCE = "MIT"
FONT_NAME = "Liberation Sans"
FONT_VERSION = "2.1.5"
FONT_LICENCE = "OFL-1.1"  # SIL Open Font License 1.1

# What the app ships, with the licence to show when the installed metadata says
# nothing usable (a frozen build may leave the metadata out).
BUNDLED: dict[str, str] = {
    "PySide6-Essentials": "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
    "shiboken6": "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
    "SQLAlchemy": "MIT",
    "alembic": "MIT",
    "pydantic": "MIT",
    "pydantic-core": "MIT",
    "PyYAML": "MIT",
    "platformdirs": "MIT",
    "Babel": "BSD-3-Clause",
    "num2words": "LGPL-2.1-or-later",
    "reportlab": "BSD-3-Clause",
    "pyHanko": "MIT",
    "pyhanko-certvalidator": "MIT",
    "cryptography": "Apache-2.0 OR BSD-3-Clause",
    "openpyxl": "MIT",
    "Pillow": "MIT-CMU",
}
UNKNOWN = "–"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


def _field(metadata: importlib.metadata.PackageMetadata, name: str) -> str:
    values = metadata.get_all(name) or []
    return str(values[0]).strip() if values else ""


def licence_from_metadata(metadata: importlib.metadata.PackageMetadata) -> str | None:
    """License-Expression, else a short License field, else the licence classifiers."""
    expression = _field(metadata, "License-Expression")
    if expression:
        return expression
    text = _field(metadata, "License")
    if text and "\n" not in text and len(text) <= 60 and text.upper() != "UNKNOWN":
        return text
    classifiers = [
        line.split(" :: ")[-1]
        for line in metadata.get_all("Classifier") or []
        if line.startswith("License :: ") and line.count(" :: ") >= 2
    ]
    return ", ".join(classifiers) or None


def component(name: str) -> Component:
    """``name``'s installed version and licence; the table above when metadata is missing."""
    try:
        metadata = importlib.metadata.metadata(name)
    except importlib.metadata.PackageNotFoundError:
        return Component(name, UNKNOWN, BUNDLED.get(name, UNKNOWN))
    version = _field(metadata, "Version") or UNKNOWN
    return Component(name, version, licence_from_metadata(metadata) or BUNDLED.get(name, UNKNOWN))


def bundled_components() -> list[Component]:
    return [component(name) for name in BUNDLED]


def font_licence_file() -> Path:
    return resources_dir() / "fonts" / "LICENSE-LiberationSans.txt"


class AboutDialog(QDialog):
    """Version, platform, data folder and log file, and the licences table.

    ``data_dir`` is the data folder in use (None: not known, e.g. before one is opened).
    """

    NAME, VERSION, LICENCE = range(3)

    def __init__(self, data_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Evaluator"))
        self.heading = QLabel(f"Evaluator {evaluator_app.__version__}")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        summary = QLabel(
            self.tr(
                "Offline maturity-evaluation meetings: score indicators, record evidence "
                "and findings, sign the minutes."
            )
        )
        summary.setWordWrap(True)
        self.licence = QLabel(
            self.tr("Evaluator is free software under the %1 licence.").replace("%1", APP_LICENCE)
        )

        facts = QFormLayout()
        facts.addRow(self.tr("Version"), self._selectable(evaluator_app.__version__))
        python = f"{platform.python_version()} ({sys.platform})"
        facts.addRow(self.tr("Python"), self._selectable(python))
        facts.addRow(self.tr("Qt"), self._selectable(qVersion()))
        facts.addRow(self.tr("PySide6"), self._selectable(PySide6.__version__))
        nothing = self.tr("not opened yet")
        self.data_folder = self._selectable(str(data_dir) if data_dir else nothing)
        self.log_file = self._selectable(str(log_file(data_dir)) if data_dir else nothing)
        facts.addRow(self.tr("Data folder"), self.data_folder)
        facts.addRow(self.tr("Log file"), self.log_file)

        self.components = bundled_components()
        self.table = self._table()
        self.font_button = QPushButton(self.tr("Show the font licence"))
        self.font_button.setCheckable(True)
        self.font_button.toggled.connect(self._show_font_licence)
        self.font_licence = QPlainTextEdit()
        self.font_licence.setReadOnly(True)
        self.font_licence.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.font_licence.hide()
        font_row = QHBoxLayout()
        font_row.addWidget(
            QLabel(
                self.tr("The minutes embed the %1 fonts (SIL Open Font License 1.1).").replace(
                    "%1", FONT_NAME
                )
            ),
            1,
        )
        font_row.addWidget(self.font_button)

        buttons = QDialogButtonBox()
        # Qt ships no Indonesian translation of its standard buttons.
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(summary)
        layout.addWidget(self.licence)
        layout.addLayout(facts)
        layout.addWidget(QLabel(self.tr("Included software and fonts")))
        layout.addWidget(self.table, 1)
        layout.addLayout(font_row)
        layout.addWidget(self.font_licence, 1)
        layout.addWidget(buttons)
        self.resize(720, 640)
        close.setFocus()  # not the table's first cell

    @staticmethod
    def _selectable(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _table(self) -> QTableWidget:
        rows = [(c.name, c.version, c.licence) for c in self.components]
        rows.append((FONT_NAME, FONT_VERSION, FONT_LICENCE))
        table = QTableWidget(len(rows), 3)
        table.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")]
        )
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column == self.LICENCE:
                    item.setToolTip(text)
                table.setItem(row, column, item)
        table.setItemDelegate(PaddedDelegate(table))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.LICENCE, QHeaderView.ResizeMode.Stretch)
        return table

    def licence_rows(self) -> dict[str, tuple[str, str]]:
        """What the table shows: component -> (version, licence)."""

        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return {
            text(row, self.NAME): (text(row, self.VERSION), text(row, self.LICENCE))
            for row in range(self.table.rowCount())
        }

    def _show_font_licence(self, shown: bool) -> None:
        if shown and not self.font_licence.toPlainText():
            try:
                text = font_licence_file().read_text(encoding="utf-8")
            except OSError as error:
                text = self.tr("The licence file cannot be read: %1").replace("%1", str(error))
            self.font_licence.setPlainText(text)
        self.font_licence.setVisible(shown)
        self.table.setVisible(not shown)  # the licence takes the table's room
        self.font_button.setText(
            self.tr("Hide the font licence") if shown else self.tr("Show the font licence")
        )
