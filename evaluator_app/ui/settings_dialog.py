"""Settings: the preferences (``evaluator_app.preferences``) a person may change.

The language and the data folder take effect at the next start (the dialog says
so); the rest at once.  Nothing is written until Save, and then all at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evaluator_app import preferences
from evaluator_app.i18n import os_reason
from evaluator_app.services.errors import ServiceError
from evaluator_app.services.operation import Context
from evaluator_app.ui.attendance import PROBLEM_STYLE
from evaluator_app.ui.preference_fields import FolderField, PersonFields, default_data_dir
from evaluator_app.ui.translations import ui_language

MIN_BACKUPS, MAX_BACKUPS = 1, 100


class SettingsDialog(QDialog):
    """Language, name/NIP/role, data folder, automatic backups kept, default identity.

    ``saved`` is emitted once the preferences are written.
    """

    saved = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.person = PersonFields(preferences.read(preferences.LANGUAGE))
        self._language_in_use = ui_language()
        self.person.language.currentIndexChanged.connect(self._language_chosen)
        self._language_chosen(self.person.language.currentIndex())

        chosen = preferences.read(preferences.DATA_DIR).strip()
        self.folder = FolderField(
            Path(chosen).expanduser() if chosen else default_data_dir(),
            in_use=ctx.store.data_dir,
        )

        self.backups = QSpinBox()
        self.backups.setRange(MIN_BACKUPS, MAX_BACKUPS)
        self.backups.setValue(
            min(MAX_BACKUPS, preferences.read_int(preferences.KEEP_BACKUPS, MIN_BACKUPS))
        )
        self.backups_note = QLabel(
            self.tr(
                "A copy of the database is made every day and at each sign-off; only the newest "
                "are kept. Copies made with “Back up data now” or before an upgrade are never "
                "deleted."
            )
        )
        self.backups_note.setWordWrap(True)

        self.identity = QComboBox()
        self.identity.addItem(self.tr("Not chosen"), "")
        self.identity_note = QLabel()
        self.identity_note.setWordWrap(True)
        self._fill_identities()

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(PROBLEM_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        buttons = QDialogButtonBox()
        # Qt ships no Indonesian translation of its standard buttons.
        self.save_button = buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(lambda: self.save())
        buttons.rejected.connect(self.reject)

        you = QGroupBox(self.tr("You"))
        QVBoxLayout(you).addWidget(self.person)
        data = QGroupBox(self.tr("Data folder"))
        data_layout = QVBoxLayout(data)
        data_layout.addWidget(self.folder)
        backups_form = QFormLayout()
        backups_row = QHBoxLayout()
        backups_row.addWidget(self.backups)
        backups_row.addStretch(1)
        backups_form.addRow(self.tr("Automatic backups kept"), backups_row)
        data_layout.addLayout(backups_form)
        data_layout.addWidget(self.backups_note)
        signing = QGroupBox(self.tr("Signing"))
        signing_form = QFormLayout(signing)
        signing_form.addRow(self.tr("Your identity"), self.identity)
        signing_form.addRow(self.identity_note)

        layout = QVBoxLayout(self)
        for widget in (you, data, signing, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        self.fit_height()

    def fit_height(self) -> None:
        """Tall enough for the wrapped texts at this width (Qt sizes a window without them)."""
        needed = self.heightForWidth(max(self.width(), self.minimumWidth()))
        if needed > self.height():
            self.resize(max(self.width(), self.minimumWidth()), needed)

    def _language_chosen(self, index: int) -> None:
        if index >= 0:  # -1: the list is being emptied as the dialog is deleted
            changed = self.person.chosen_language() != self._language_in_use
            self.person.language_note.setVisible(changed)

    def _fill_identities(self) -> None:
        from evaluator_app.services import identities  # brings pyHanko: not at start-up

        try:
            found = identities.list_identities(self._ctx)
        except ServiceError as error:
            found = []
            self.identity_note.setText(str(error))
        for info in found:
            label = info.name + (f" · NIP {info.nip}" if info.nip else "")
            self.identity.addItem(label, info.id)
        chosen = preferences.read(preferences.SIGNING_IDENTITY)
        index = self.identity.findData(chosen)
        if chosen and index < 0:
            self.identity_note.setText(
                self.tr(
                    "The identity chosen before is not in this data folder; choose another one."
                )
            )
        elif not found:
            self.identity_note.setText(
                self.tr(
                    "There are no identities in this data folder yet (Tools → Signing identities)."
                )
            )
        else:
            self.identity_note.setText(
                self.tr("Which of the identities in this data folder is yours.")
            )
        self.identity.setCurrentIndex(max(0, index))

    def save(self) -> bool:
        """Write every setting at once; False (and why, here) if one is refused."""
        self.message.hide()
        nip_problem = self.person.nip_problem()
        if nip_problem is not None:
            return self._refuse(nip_problem, self.person.nip)
        if not self.folder.check():
            return self._refuse(self.folder.note.text(), self.folder.path)
        values = self.person.values()
        values[preferences.DATA_DIR] = self.folder.preference_value()
        values[preferences.KEEP_BACKUPS] = str(self.backups.value())
        values[preferences.SIGNING_IDENTITY] = str(self.identity.currentData() or "")
        try:
            preferences.write_many(values)
        except OSError as error:
            text = self.tr("The settings could not be saved in %1: %2")
            reason = os_reason(error)
            return self._refuse(
                text.replace("%1", str(preferences.settings_file())).replace("%2", reason)
            )
        self.saved.emit()
        self.accept()
        return True

    def _refuse(self, text: str, field: QWidget | None = None) -> bool:
        self.message.setText(text)
        self.message.show()
        self.fit_height()
        if field is not None:
            field.setFocus()
        return False
