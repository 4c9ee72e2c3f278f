"""The first start on a laptop: language, who is using it, where the data lives, and a
signing identity, asked once in a short dialog that can be skipped.

``maybe_run_first_run`` shows it before the data folder is opened (the folder is one
of the answers).  Nothing is written until "Start" succeeds as a whole: a refusal is
said inside the dialog and everything typed stays as it was.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import evaluator_app
from evaluator_app import preferences
from evaluator_app.collector import resume_after_start
from evaluator_app.i18n import os_reason
from evaluator_app.services.errors import ServiceError
from evaluator_app.store import location
from evaluator_app.store.database import StoreError
from evaluator_app.ui.attendance import INFO_STYLE, PROBLEM_STYLE
from evaluator_app.ui.preference_fields import FolderField, PersonFields, default_data_dir
from evaluator_app.ui.translations import ui_language, use_language

if TYPE_CHECKING:
    from evaluator_app.signing import IdentityInfo

log = logging.getLogger(__name__)

# Signing brings pyHanko (seconds to import): only when the dialog is shown, which is
# once per laptop, never for the check at every start.
MIN_PASSPHRASE_LENGTH = 8  # as evaluator_app.signing.identities (a test keeps them equal)
P12_FILTER = "PKCS#12 (*.p12 *.pfx)"


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


CREATE, IMPORT, LATER = range(3)


class FirstRunDialog(QDialog):
    """Language, name, NIP, role, data folder and a signing identity; Skip or Start.

    ``data_dir_override`` is the folder given on the command line (--data-dir); it, or
    EVALUATOR_DATA_DIR, fixes the data folder for this start.
    """

    def __init__(self, data_dir_override: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.identity: IdentityInfo | None = None  # created or imported by Start
        self.skipped = False
        fixed = bool(data_dir_override) or bool(os.environ.get(location.ENV_VAR))
        folder = location.data_dir(data_dir_override) if fixed else default_data_dir()

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.person = PersonFields(ui_language())
        self.person.language.currentIndexChanged.connect(self._language_chosen)
        self.folder = FolderField(folder, fixed=fixed)

        self.create_choice = QRadioButton()
        self.import_choice = QRadioButton()
        self.later_choice = QRadioButton()
        self.identity_choice = QButtonGroup(self)
        for number, button in enumerate(
            (self.create_choice, self.import_choice, self.later_choice)
        ):
            self.identity_choice.addButton(button, number)
        self.later_choice.setChecked(True)
        self.identity_forms = QStackedWidget()
        self.identity_forms.addWidget(self._create_form())
        self.identity_forms.addWidget(self._import_form())
        self.later_note = QLabel()
        self.later_note.setWordWrap(True)
        self.later_note.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.identity_forms.addWidget(self.later_note)
        self.identity_choice.idToggled.connect(self._identity_choice_changed)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        # Skip away from Start; closing the window (quit) is the only plain reject.
        self.skip_button = QPushButton()
        self.skip_button.setAutoDefault(False)
        self.skip_button.clicked.connect(self.skip)
        self.start_button = QPushButton()
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(lambda: self.start())

        self._build_layout()
        self.retranslate()
        self._identity_choice_changed()
        self.person.name.setFocus()
        self.fit_height()

    # --- building --------------------------------------------------------------

    def _build_layout(self) -> None:
        self.you_box = QGroupBox()
        QVBoxLayout(self.you_box).addWidget(self.person)
        self.data_box = QGroupBox()
        QVBoxLayout(self.data_box).addWidget(self.folder)

        self.identity_box = QGroupBox()
        box = QVBoxLayout(self.identity_box)
        self.identity_intro = QLabel()
        self.identity_intro.setWordWrap(True)
        box.addWidget(self.identity_intro)
        choices = QHBoxLayout()
        for button in (self.create_choice, self.import_choice, self.later_choice):
            choices.addWidget(button)
        choices.addStretch(1)
        box.addLayout(choices)
        box.addWidget(self.identity_forms)

        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        for widget in (
            self.heading,
            self.intro,
            self.you_box,
            self.data_box,
            self.identity_box,
            self.message,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(660)

    def _create_form(self) -> QWidget:
        self.passphrase = password_field()
        self.passphrase_again = password_field()
        self.passphrase_note = QLabel()
        self.passphrase_note.setWordWrap(True)
        self.passphrase_label, self.passphrase_again_label = QLabel(), QLabel()
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.passphrase_label, self.passphrase)
        form.addRow(self.passphrase_again_label, self.passphrase_again)
        form.addRow(self.passphrase_note)
        return page

    def _import_form(self) -> QWidget:
        self.import_path = QLineEdit()
        self.choose_file_button = QPushButton()
        self.choose_file_button.clicked.connect(lambda: self.choose_import_file())
        self.import_passphrase = password_field()
        self.file_label, self.import_passphrase_label = QLabel(), QLabel()
        row = QHBoxLayout()
        row.addWidget(self.import_path, 1)
        row.addWidget(self.choose_file_button)
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.file_label, row)
        form.addRow(self.import_passphrase_label, self.import_passphrase)
        return page

    def retranslate(self) -> None:
        """Every text in the current interface language (called again when it changes)."""
        self.setWindowTitle(self.tr("Welcome to Evaluator"))
        self.heading.setText(self.tr("Welcome to Evaluator"))
        self.intro.setText(
            self.tr(
                "A few questions before the first meeting. Everything can be changed later "
                "in Settings; “Skip” starts with the defaults."
            )
        )
        self.you_box.setTitle(self.tr("You"))
        self.data_box.setTitle(self.tr("Where the data lives"))
        self.identity_box.setTitle(self.tr("Signing identity"))
        self.identity_intro.setText(
            self.tr(
                "Your identity signs the minutes: a certificate kept in the data folder, "
                "locked by a passphrase only you know."
            )
        )
        self.create_choice.setText(self.tr("Create one now"))
        self.import_choice.setText(self.tr("Import a .p12 file"))
        self.later_choice.setText(self.tr("Later"))
        self.passphrase_label.setText(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(
            self.tr("at least %1 characters").replace("%1", str(MIN_PASSPHRASE_LENGTH))
        )
        self.passphrase_again_label.setText(self.tr("Passphrase again"))
        self.passphrase_again.setPlaceholderText(self.tr("the same again"))
        self.passphrase_note.setText(
            self.tr("It is asked for at every signature and cannot be recovered.")
        )
        self.later_note.setText(
            self.tr(
                "You can create or import one later in Tools → Signing identities, "
                "or when you sign."
            )
        )
        self.file_label.setText(self.tr("File"))
        self.import_path.setPlaceholderText(self.tr("the .p12 or .pfx file"))
        self.choose_file_button.setText(self.tr("Choose…"))
        self.import_passphrase_label.setText(self.tr("Passphrase"))
        self.import_passphrase.setPlaceholderText(self.tr("the passphrase that protects the file"))
        self.skip_button.setText(self.tr("Skip"))
        self.skip_button.setToolTip(self.tr("Start with the defaults; nothing typed here is kept"))
        self.start_button.setText(self.tr("Start"))
        self.message.hide()  # it was in the other language
        self.fit_height()

    def fit_height(self) -> None:
        """Tall enough for the wrapped texts at this width (Qt sizes a window without them)."""
        needed = self.heightForWidth(max(self.width(), self.minimumWidth()))
        if needed > self.height():
            self.resize(max(self.width(), self.minimumWidth()), needed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape would close the window, which quits the app: too easy by accident.
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    # --- answers -----------------------------------------------------------------

    def _language_chosen(self, index: int) -> None:
        # The translator is installed at once; LanguageChange re-translates the dialog.
        # -1: the list is being emptied as the dialog is deleted.
        if index >= 0:
            use_language(self.person.chosen_language())

    def choose_import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a .p12 file"), self.import_path.text(), P12_FILTER
        )
        if name:
            self.import_path.setText(name)
            self.import_passphrase.setFocus()

    def _identity_choice_changed(self, *_: object) -> None:
        self.identity_forms.setCurrentIndex(self.identity_choice.checkedId())

    def show_problem(self, text: str, field: QWidget | None = None) -> None:
        self.message.setStyleSheet(PROBLEM_STYLE)
        self.message.setText(text)
        self.message.show()
        self.fit_height()
        if field is not None:
            field.setFocus()

    def show_info(self, text: str) -> None:
        self.message.setStyleSheet(INFO_STYLE)
        self.message.setText(text)
        self.message.show()

    # --- Skip and Start ------------------------------------------------------------

    def skip(self) -> None:
        """Remember only that the first run is over; everything else keeps its default."""
        try:
            preferences.write(preferences.FIRST_RUN_DONE, evaluator_app.__version__)
        except OSError as error:  # then it is asked again next time, no more
            log.warning("cannot save the preferences: %s", error)
        self.skipped = True
        self.accept()

    def start(self) -> bool:
        """Check every answer, make the identity, then save the preferences at once.

        False (and why, in the dialog) if anything is refused; what was typed stays.
        """
        self.message.hide()
        nip_problem = self.person.nip_problem()
        if nip_problem is not None:
            self.show_problem(nip_problem, self.person.nip)
            return False
        if not self.folder.check():
            self.show_problem(
                self.tr("Choose a data folder that can be used (see above)."), self.folder.path
            )
            return False
        values = self.person.values()
        choice = self.identity_choice.checkedId()
        if self.identity is None and choice != LATER and not self._make_identity(choice, values):
            return False
        values[preferences.FIRST_RUN_DONE] = evaluator_app.__version__
        if not self.folder.fixed:
            values[preferences.DATA_DIR] = self.folder.preference_value()
        if self.identity is not None:
            values[preferences.SIGNING_IDENTITY] = self.identity.id
        try:
            preferences.write_many(values)
        except OSError as error:
            self.show_problem(
                self.tr("Your answers could not be saved in %1: %2")
                .replace("%1", str(preferences.settings_file()))
                .replace("%2", os_reason(error))
            )
            return False
        self.accept()
        return True

    def _identity_refusal(self, choice: int, name: str) -> tuple[str, QWidget] | None:
        """What stops the identity being made from the form, and the field to fix."""
        if choice == IMPORT:
            if not self.import_path.text().strip():
                return self.tr("Choose the .p12 file to import."), self.import_path
            return None
        if not name:
            return self.tr("Type your name: the identity is made out to it."), self.person.name
        if len(self.passphrase.text()) < MIN_PASSPHRASE_LENGTH:
            text = self.tr("The passphrase is too short: use at least %1 characters.")
            return text.replace("%1", str(MIN_PASSPHRASE_LENGTH)), self.passphrase
        if self.passphrase.text() != self.passphrase_again.text():
            self.passphrase_again.clear()
            return self.tr("The two passphrases differ; type them again."), self.passphrase_again
        return None

    def _make_identity(self, choice: int, values: dict[preferences.Preference, str]) -> bool:
        name = values[preferences.USER_NAME]
        refusal = self._identity_refusal(choice, name)
        if refusal is not None:
            self.show_problem(*refusal)
            return False
        from evaluator_app.services import identities
        from evaluator_app.services.operation import open_context

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            ctx = open_context(str(self.folder.folder()), name or None)
            try:
                if choice == CREATE:
                    nip = values[preferences.USER_NIP] or None
                    passphrase = self.passphrase.text()
                    self.identity = identities.create_identity(ctx, name, nip, "", passphrase)
                else:
                    path = Path(self.import_path.text().strip()).expanduser()
                    passphrase = self.import_passphrase.text()
                    self.identity = identities.import_identity(ctx, path, passphrase)
            finally:
                ctx.store.close()
        except (ServiceError, StoreError, OSError) as error:
            if choice == CREATE:
                text, field = self.tr("The identity was not created: %1"), self.passphrase
            else:
                text, field = self.tr("The identity was not imported: %1"), self.import_passphrase
            self.show_problem(text.replace("%1", str(error)), field)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        for field in (self.passphrase, self.passphrase_again, self.import_passphrase):
            field.clear()
        return True


def maybe_run_first_run(data_dir_override: str | None = None) -> bool:
    """Ask the first-run questions if they were never answered nor skipped.

    Creates the QApplication if there is none and installs the chosen language.
    Call it before the data folder is opened (the folder is one of the answers);
    ``data_dir_override`` is --data-dir.  True: go on starting (answered, skipped,
    or asked before); False: the window was closed, so quit.
    """
    if preferences.read(preferences.FIRST_RUN_DONE).strip():
        return True
    from evaluator_app.ui.app import application

    application()
    use_language(ui_language())
    dialog = FirstRunDialog(data_dir_override)
    resume_after_start()  # a person answers now: no start-up to hurry (collector.py)
    answered = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()  # not a direct delete, which Qt warns of for this dialog
    return answered
