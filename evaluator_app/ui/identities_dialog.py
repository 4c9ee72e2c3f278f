"""Signing identities on this laptop: list them, create one, bring one in, copy one out.

An identity is a PKCS#12 file kept in the data folder, encrypted by its
owner's passphrase: one the app issues for a person (from this installation's
own issuer), or one a signer brings (an official certificate). Refusals are
said inside the dialog, beside what was typed, which stays as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.services import identities
from evaluator_app.services.errors import ServiceError
from evaluator_app.services.operation import Context
from evaluator_app.signing import IdentityInfo
from evaluator_app.signing.identities import MIN_PASSPHRASE_LENGTH
from evaluator_app.ui.attendance import INFO_STYLE, PROBLEM_STYLE
from evaluator_app.ui.labels import date_label
from evaluator_app.ui.tables import PaddedDelegate

P12_FILTER = "PKCS#12 (*.p12 *.pfx)"


def password_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


def validity_text(info: IdentityInfo, now: dt.datetime | None = None) -> tuple[str, bool]:
    """'27 Nov 2026 – 26 Nov 2031' in local dates, and whether it can sign today."""
    now = now or dt.datetime.now(dt.UTC)
    start, end = info.valid_from.astimezone(), info.valid_to.astimezone()
    return f"{date_label(start.date())} – {date_label(end.date())}", start <= now <= end


class IdentitiesDialog(QDialog):
    """The identities list with its create, import and export forms.

    ``identity_added`` carries the ``IdentityInfo`` of an identity just created
    or imported (the sign-off dialog selects it for the signer).
    """

    identity_added = Signal(object)
    COLUMNS = 6

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.identities: list[IdentityInfo] = []
        self.setWindowTitle(self.tr("Signing identities"))

        intro = QLabel(
            self.tr(
                "An identity signs the minutes: a certificate with its private key, kept in the "
                "data folder and locked by its owner's passphrase. Create one here for a person, "
                "or import the PKCS#12 file (.p12, .pfx) a signer brings."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("NIP"),
                self.tr("Organisation"),
                self.tr("Issued by"),
                self.tr("Valid"),
                self.tr("Origin"),
            ]
        )
        self.table.setItemDelegate(PaddedDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (0, 2):  # name and organisation share what is left, elided if need be
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty_note = QLabel(self.tr("There are no identities on this laptop yet."))

        self.create_button = QPushButton(self.tr("Create an identity…"))
        self.create_button.clicked.connect(lambda: self.show_create_form())
        self.import_button = QPushButton(self.tr("Import a PKCS#12 file…"))
        self.import_button.clicked.connect(lambda: self.show_import_form())
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr(
                "Save the selected identity as a PKCS#12 file; it stays locked by its passphrase"
            )
        )
        self.export_button.clicked.connect(lambda: self.export_selected())
        actions = QHBoxLayout()
        for button in (self.create_button, self.import_button, self.export_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.forms = QStackedWidget()
        self.forms.addWidget(QWidget())
        self.forms.addWidget(self._create_form())
        self.forms.addWidget(self._import_form())
        self.forms.hide()

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_note)
        layout.addLayout(actions)
        layout.addWidget(self.forms)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(940, 540)
        self.refresh()

    # --- building --------------------------------------------------------------

    def _create_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("New identity, issued by this laptop"))
        self.name = QLineEdit()
        self.nip = QLineEdit()
        self.nip.setPlaceholderText(self.tr("18 digits, for civil servants"))
        self.organisation = QLineEdit()
        self.passphrase = password_field(
            self.tr("at least %1 characters").replace("%1", str(MIN_PASSPHRASE_LENGTH))
        )
        self.passphrase_again = password_field(self.tr("the same again"))
        self.create_confirm = QPushButton(self.tr("Create"))
        self.create_confirm.setDefault(True)
        self.create_confirm.clicked.connect(lambda: self.create_identity())
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.hide_forms)
        form = QFormLayout(box)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("NIP"), self.nip)
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Passphrase again"), self.passphrase_again)
        note = QLabel(
            self.tr(
                "Only this person should know the passphrase: it is asked for at every "
                "signature and cannot be recovered."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self._row(self.create_confirm, cancel))
        return box

    def _import_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Import a PKCS#12 file"))
        self.import_path = QLineEdit()
        self.import_path.setPlaceholderText(self.tr("the .p12 or .pfx file"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_import_file)
        self.import_passphrase = password_field(self.tr("the passphrase that protects the file"))
        self.import_confirm = QPushButton(self.tr("Import"))
        self.import_confirm.setDefault(True)
        self.import_confirm.clicked.connect(lambda: self.import_file())
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.hide_forms)
        file_row = QHBoxLayout()
        file_row.addWidget(self.import_path, 1)
        file_row.addWidget(choose)
        form = QFormLayout(box)
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Passphrase"), self.import_passphrase)
        form.addRow(self._row(self.import_confirm, cancel))
        return box

    @staticmethod
    def _row(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        return row

    # --- the list --------------------------------------------------------------

    def refresh(self) -> None:
        """Read the identities again, keeping the selected one selected."""
        chosen = self.selected_identity()
        try:
            self.identities = identities.list_identities(self._ctx)
        except ServiceError as error:
            self.identities = []
            self.show_problem(str(error))
        self.table.setRowCount(len(self.identities))
        for row, info in enumerate(self.identities):
            validity, usable = validity_text(info)
            issuer = self.tr("This laptop") if info.issued_locally else info.issuer
            origin = self.tr("Created here") if info.origin == "created" else self.tr("Brought")
            texts = [info.name, info.nip or "–", info.organisation or "–", issuer, validity, origin]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, info.id)
                if column == 3:
                    item.setToolTip(info.issuer)
                if column == 4 and not usable:
                    item.setForeground(QColor("#a01010"))
                    item.setToolTip(self.tr("Outside its validity today: it cannot sign"))
                self.table.setItem(row, column, item)
        self.empty_note.setVisible(not self.identities)
        self.table.setVisible(bool(self.identities))
        if chosen is not None:
            self.select_identity(chosen.id)
        self._selection_changed()

    def select_identity(self, identity_id: str) -> None:
        for row, info in enumerate(self.identities):
            if info.id == identity_id:
                self.table.selectRow(row)
                return

    def selected_identity(self) -> IdentityInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.identities):
            return None
        return self.identities[rows[0].row()]

    def _selection_changed(self) -> None:
        self.export_button.setEnabled(self.selected_identity() is not None)

    # --- messages --------------------------------------------------------------

    def show_problem(self, text: str) -> None:
        self.message.setStyleSheet(PROBLEM_STYLE)
        self.message.setText(text)
        self.message.show()

    def show_info(self, text: str) -> None:
        self.message.setStyleSheet(INFO_STYLE)
        self.message.setText(text)
        self.message.show()

    def _run(self, service: Callable[..., Any], *args: Any) -> tuple[str | None, Any]:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return None, service(self._ctx, *args)
        except ServiceError as error:
            return str(error), None
        finally:
            QGuiApplication.restoreOverrideCursor()

    # --- create ----------------------------------------------------------------

    def hide_forms(self) -> None:
        self.forms.setCurrentIndex(0)
        self.forms.hide()
        self.message.hide()

    def show_create_form(self, name: str = "", nip: str = "", organisation: str = "") -> None:
        """The create form, filled with what is known of the person."""
        self.name.setText(name)
        self.nip.setText(nip)
        self.organisation.setText(organisation)
        self.passphrase.clear()
        self.passphrase_again.clear()
        self.message.hide()
        self.forms.setCurrentIndex(1)
        self.forms.show()
        (self.passphrase if name else self.name).setFocus()

    def create_identity(self) -> IdentityInfo | None:
        """Create the identity the form describes; None (and why, in the dialog) if refused."""
        name = self.name.text().strip()
        passphrase = self.passphrase.text()
        if not name:
            self.show_problem(self.tr("Type the name of the person the identity is for."))
            self.name.setFocus()
            return None
        if len(passphrase) < MIN_PASSPHRASE_LENGTH:
            self.show_problem(
                self.tr("The passphrase is too short: use at least %1 characters.").replace(
                    "%1", str(MIN_PASSPHRASE_LENGTH)
                )
            )
            self.passphrase.setFocus()
            return None
        if passphrase != self.passphrase_again.text():
            self.show_problem(self.tr("The two passphrases differ; type them again."))
            self.passphrase_again.clear()
            self.passphrase_again.setFocus()
            return None
        refusal, info = self._run(
            identities.create_identity,
            name,
            self.nip.text().strip() or None,
            self.organisation.text().strip(),
            passphrase,
        )
        if refusal is not None:
            self.show_problem(self.tr("Not created: %1").replace("%1", refusal))
            return None
        self.passphrase.clear()
        self.passphrase_again.clear()
        self.forms.hide()
        self._added(info, self.tr("Created an identity for %1.").replace("%1", info.name))
        return info  # type: ignore[no-any-return]

    def _added(self, info: IdentityInfo, message: str) -> None:
        self.refresh()
        self.select_identity(info.id)
        self.show_info(message.replace("..", "."))  # a name may end in "M.Si."
        self.identity_added.emit(info)

    # --- import ----------------------------------------------------------------

    def show_import_form(self, path: Path | None = None) -> None:
        self.import_path.setText("" if path is None else str(path))
        self.import_passphrase.clear()
        self.message.hide()
        self.forms.setCurrentIndex(2)
        self.forms.show()
        (self.import_passphrase if path else self.import_path).setFocus()

    def choose_import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a PKCS#12 file"), self.import_path.text(), P12_FILTER
        )
        if name:
            self.import_path.setText(name)
            self.import_passphrase.setFocus()

    def import_file(
        self, path: Path | None = None, passphrase: str | None = None
    ) -> IdentityInfo | None:
        """Import ``path`` (the form's file when None) opened with ``passphrase``."""
        if path is not None:
            self.import_path.setText(str(path))
        if passphrase is not None:
            self.import_passphrase.setText(passphrase)
        text = self.import_path.text().strip()
        if not text:
            self.show_problem(self.tr("Choose the PKCS#12 file to import."))
            return None
        refusal, info = self._run(
            identities.import_identity, Path(text), self.import_passphrase.text()
        )
        if refusal is not None:
            self.show_problem(self.tr("Not imported: %1").replace("%1", refusal))
            self.import_passphrase.selectAll()
            self.import_passphrase.setFocus()
            return None
        self.import_passphrase.clear()
        self.forms.hide()
        self._added(info, self.tr("Imported the identity of %1.").replace("%1", info.name))
        return info  # type: ignore[no-any-return]

    # --- export ----------------------------------------------------------------

    def export_selected(self, path: Path | None = None) -> Path | None:
        """Save the selected identity's PKCS#12 file to ``path`` (asked for when None)."""
        info = self.selected_identity()
        if info is None:
            self.show_problem(self.tr("Select the identity to export."))
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the identity"), info.path.name, P12_FILTER
            )
            if not name:
                return None
            path = Path(name)
        refusal, _ = self._run(identities.export_identity, info.id, path)
        if refusal is not None:
            self.show_problem(self.tr("Not exported: %1").replace("%1", refusal))
            return None
        self.show_info(
            self.tr("Saved %1 to %2; it opens with the same passphrase.")
            .replace("%1", info.name)
            .replace("%2", str(path))
        )
        return path
