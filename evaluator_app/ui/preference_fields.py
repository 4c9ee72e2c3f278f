"""The fields the first-run and settings dialogs share: who you are, and where the data
lives (with a check that the folder can be written)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evaluator_app import preferences
from evaluator_app.i18n import os_reason
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.participants import normalise_nip
from evaluator_app.store import location
from evaluator_app.store.engine import DATABASE_FILE
from evaluator_app.ui.attendance import PROBLEM_STYLE
from evaluator_app.ui.labels import role_label
from evaluator_app.ui.translations import LANGUAGE_NAMES

# The roles a person using the app may have (a "signer" is a role in one session only).
USER_ROLES = (
    "evaluator",
    "lead_evaluator",
    "implementation_team",
    "council",
    "agency_head",
    "observer",
)


def default_data_dir() -> Path:
    """The platform's user data folder (what an empty DATA_DIR preference means)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(location.APP_NAME, appauthor=False))


def folder_problem(folder: Path) -> tuple[str, str] | None:
    """Why Evaluator could not keep its data in ``folder``: ("relative", ""),
    ("file", the file in the way) or ("os", the system's reason); None when it can.

    A folder that does not exist yet is judged by the nearest folder above it that
    does; nothing is left behind by the check.
    """
    if not folder.is_absolute():
        return "relative", ""
    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        return "file", str(existing)
    try:
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as error:
        return "os", os_reason(error)
    return None


def nip_or_problem(text: str) -> tuple[str, bool]:
    """The NIP as 18 digits ('' when empty), and whether it was acceptable."""
    try:
        return normalise_nip(text) or "", True
    except InvalidInput:
        return text, False


class PersonFields(QWidget):
    """Interface language, name, NIP (optional, 18 digits) and role, as a form."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language_note = QLabel()  # shown by a dialog that applies it later
        self.language_note.setWordWrap(True)
        self.language_note.hide()
        self.name = QLineEdit(preferences.read(preferences.USER_NAME))
        self.nip = QLineEdit(preferences.read(preferences.USER_NIP))
        self.role = QComboBox()
        for role in USER_ROLES:
            self.role.addItem("", role)
        role = preferences.read(preferences.USER_ROLE)
        index = self.role.findData(role)
        self.role.setCurrentIndex(index if index >= 0 else self.role.findData("evaluator"))

        self.language_label, self.name_label = QLabel(), QLabel()
        self.nip_label, self.role_label = QLabel(), QLabel()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.language_label, self.language)
        form.addRow("", self.language_note)
        form.addRow(self.name_label, self.name)
        form.addRow(self.nip_label, self.nip)
        form.addRow(self.role_label, self.role)
        self.retranslate()

    def retranslate(self) -> None:
        self.language_label.setText(self.tr("Interface language"))
        self.language_note.setText(self.tr("The interface changes when Evaluator starts again."))
        self.name_label.setText(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("as it is printed under a signature"))
        self.nip_label.setText(self.tr("NIP"))
        self.nip.setPlaceholderText(self.tr("18 digits, optional"))
        self.nip.setToolTip(self.tr("Civil-servant number: 18 digits, spaces allowed"))
        self.role_label.setText(self.tr("Role"))
        for index in range(self.role.count()):
            self.role.setItemText(index, role_label(str(self.role.itemData(index))))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def chosen_role(self) -> str:
        return str(self.role.currentData())

    def nip_problem(self) -> str | None:
        """What is wrong with the NIP typed (None: nothing)."""
        if nip_or_problem(self.nip.text())[1]:
            return None
        return self.tr(
            "A NIP has 18 digits (spaces allowed), e.g. 19650312 199003 1 008; "
            "leave it empty if you have none."
        )

    def values(self) -> dict[preferences.Preference, str]:
        """The preferences these fields hold (call ``nip_problem`` first)."""
        return {
            preferences.LANGUAGE: self.chosen_language(),
            preferences.USER_NAME: self.name.text().strip(),
            preferences.USER_NIP: nip_or_problem(self.nip.text())[0],
            preferences.USER_ROLE: self.chosen_role(),
        }


class FolderField(QWidget):
    """The data folder: a path, "Choose…", and a line under it saying whether it can be used.

    ``fixed``: --data-dir or EVALUATOR_DATA_DIR decides for this start (shown, not
    editable).  ``in_use``: the folder open now; another one is used from the next start.
    """

    def __init__(self, folder: Path, fixed: bool = False, in_use: Path | None = None) -> None:
        super().__init__()
        self.default = default_data_dir()
        self.fixed = fixed
        self.in_use = in_use
        self.path = QLineEdit(str(folder))
        self.path.setReadOnly(fixed)
        self.path.editingFinished.connect(self.check)
        self.choose_button = QPushButton()
        self.choose_button.setEnabled(not fixed)
        self.choose_button.clicked.connect(lambda: self.choose())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        self.choose_button.setText(self.tr("Choose…"))
        self.check()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def folder(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def preference_value(self) -> str:
        """What DATA_DIR keeps: empty for the platform's folder, else the path."""
        return "" if self.folder() == self.default else str(self.folder())

    def choose(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Where the data lives"), self.path.text()
        )
        if name:
            self.path.setText(str(Path(name)))
            self.check()

    def refusal(self) -> str | None:
        """Why the folder typed cannot hold the data (None: it can)."""
        problem = folder_problem(self.folder())
        if problem is None:
            return None
        kind, detail = problem
        if kind == "relative":
            text = self.tr("Type the full path of the folder, e.g. %1")
            return text.replace("%1", str(self.default))
        if kind == "file":
            text = self.tr("%1 is a file, not a folder. Choose another folder.")
            return text.replace("%1", detail)
        text = self.tr("Evaluator cannot write in this folder (%1). Choose another one.")
        return text.replace("%1", detail)

    def check(self) -> bool:
        """Say under the folder whether it can be used; True when it can."""
        if not self.path.text().strip():
            self.path.setText(str(self.default))
        refusal = self.refusal()
        if refusal is not None:
            self.note.setStyleSheet(PROBLEM_STYLE)
            self.note.setText(refusal)
            return False
        self.note.setStyleSheet("")
        folder = self.folder()
        if self.fixed:
            text = self.tr(
                "Chosen for this start by --data-dir or EVALUATOR_DATA_DIR; change it in "
                "Settings for later starts."
            )
        elif self.in_use is not None and folder != self.in_use:
            text = self.tr(
                "Evaluator uses this folder from its next start; the data now in %1 stays "
                "there (copy it over first to keep working on it)."
            ).replace("%1", str(self.in_use))
        elif (folder / DATABASE_FILE).is_file():
            text = self.tr("This folder already holds Evaluator data; it will be used.")
        else:
            text = self.tr(
                "The sessions, evidence files, backups and identities are kept here. "
                "A shared or synchronised folder is not a good place."
            )
        self.note.setText(text)
        return True
