"""Export a session bundle (.evpkg) for another laptop: the whole session, the
chosen dimensions, or one evaluator's work, optionally under a passphrase.

Whatever is refused (no dimension ticked, passphrases that differ, a folder
that cannot be written) is said inside the dialog, which stays open with what
was chosen; ``export_bundle`` writes nothing when it refuses.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from evaluator_app import preferences as settings
from evaluator_app.exchange.errors import BundleError
from evaluator_app.exchange.summary import BundleSummary
from evaluator_app.services.bundles import export_bundle
from evaluator_app.services.errors import ServiceError
from evaluator_app.ui.attendance import PROBLEM_STYLE
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.identities_dialog import password_field
from evaluator_app.ui.labels import role_label
from evaluator_app.ui.minutes_actions import problem_label, say, waiting

EVALUATOR_ROLES = ("lead_evaluator", "evaluator")
SUFFIX = ".evpkg"
LAST_FOLDER = settings.LAST_FOLDER  # where the last bundle went


def bundle_name(region: str, year: int, what: str) -> str:
    """'Kota-Bandung-2024-GOV-ENV.evpkg', without characters that file systems refuse."""
    name = re.sub(r'[\\/:*?"<>|]+', " ", f"{region} {year} {what}")
    return "-".join(name.split()) + SUFFIX


class BundleExportDialog(QDialog):
    """Choose what to export, a passphrase and where; ``export`` writes the bundle.

    Tests drive ``whole``/``by_dimension``/``by_evaluator``, ``dimension_boxes``
    (by code), ``evaluator``, ``protect``, ``passphrase``, ``confirmation`` and
    ``set_path``; ``summary`` is what the last export wrote (None before).
    """

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.summary: BundleSummary | None = None
        self._path_chosen = False  # once someone picks a file, scope changes leave it alone
        self.setWindowTitle(self.tr("Export a bundle"))

        layout = QVBoxLayout(self)
        layout.addWidget(self._scope_box())
        layout.addWidget(self._passphrase_box())
        layout.addWidget(self._path_box())
        self.problem = problem_label()
        layout.addWidget(self.problem)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self._scope_changed()
        self._protect_changed()
        self.resize(560, self.sizeHint().height())

    # --- the form ----------------------------------------------------------------

    def _scope_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What to export"))
        self.whole = QRadioButton(self.tr("The whole session"))
        self.by_dimension = QRadioButton(self.tr("Chosen dimensions"))
        self.by_evaluator = QRadioButton(self.tr("One evaluator's work"))
        self.whole.setChecked(True)
        self.by_dimension.setToolTip(
            self.tr("Their indicators only; the session and its attendance always go along.")
        )
        self.by_evaluator.setToolTip(
            self.tr("The dimensions they hold and every indicator they rated or asked about.")
        )
        self.scope = QButtonGroup(self)
        for button in (self.whole, self.by_dimension, self.by_evaluator):
            self.scope.addButton(button)
        self.scope.buttonToggled.connect(lambda *_: self._scope_changed())

        self.dimension_boxes: dict[str, QCheckBox] = {}
        dimensions = QGridLayout()
        dimensions.setContentsMargins(24, 0, 0, 4)  # under their radio button
        for n, dimension in enumerate(self.controller.framework.dimensions):
            title = self.controller.text(dimension.title)
            check = QCheckBox(f"{dimension.code} — {title}")
            check.toggled.connect(lambda *_: self._scope_changed())
            self.dimension_boxes[dimension.code] = check
            dimensions.addWidget(check, n // 2, n % 2)

        self.evaluator = QComboBox()
        self._names: dict[str, str] = {}
        for person in self.controller.overview.participants:
            if person.role in EVALUATOR_ROLES:
                self._names[person.id] = person.name
                self.evaluator.addItem(f"{person.name} ({role_label(person.role)})", person.id)
        self.evaluator.currentIndexChanged.connect(lambda *_: self._scope_changed())
        if self.evaluator.count() == 0:
            self.by_evaluator.setEnabled(False)
            self.by_evaluator.setToolTip(self.tr("No evaluator is listed in the attendance."))
        evaluator_row = QHBoxLayout()
        evaluator_row.setContentsMargins(24, 0, 0, 0)
        evaluator_row.addWidget(self.evaluator, 1)

        layout = QVBoxLayout(box)
        layout.addWidget(self.whole)
        layout.addWidget(self.by_dimension)
        layout.addLayout(dimensions)
        layout.addWidget(self.by_evaluator)
        layout.addLayout(evaluator_row)
        return box

    def _passphrase_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Protection"))
        self.protect = QCheckBox(self.tr("Protect with a passphrase"))
        self.protect.toggled.connect(self._protect_changed)
        self.passphrase = password_field()
        self.confirmation = password_field()
        self.passphrase_form = QFormLayout(box)
        self.passphrase_form.addRow(self.protect)
        self.passphrase_form.addRow(self.tr("Passphrase:"), self.passphrase)
        self.passphrase_form.addRow(self.tr("Repeat it:"), self.confirmation)
        return box

    def _path_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Where to save"))
        self.path = QLineEdit()
        self.path.textEdited.connect(self._path_typed)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_path)
        row = QHBoxLayout(box)
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        return box

    def _scope_changed(self) -> None:
        for check in self.dimension_boxes.values():
            check.setEnabled(self.by_dimension.isChecked())
        self.evaluator.setEnabled(self.by_evaluator.isChecked())
        if not self._path_chosen:
            folder = Path(settings.read(LAST_FOLDER) or Path.home())
            self.path.setText(str(folder / self._suggested_name()))

    def _protect_changed(self) -> None:
        for field in (self.passphrase, self.confirmation):
            field.setEnabled(self.protect.isChecked())
            self.passphrase_form.labelForField(field).setEnabled(self.protect.isChecked())

    def _path_typed(self) -> None:
        self._path_chosen = True

    def _suggested_name(self) -> str:
        o = self.controller.overview
        if self.by_dimension.isChecked() and self.chosen_dimensions():
            what = "-".join(self.chosen_dimensions())
        elif (person := self.evaluator_id()) is not None:
            what = self._names[person]
        else:
            what = self.controller.ctx.actor
        return bundle_name(o.region, o.year, what)

    def evaluator_id(self) -> str | None:
        """The participant whose work is exported (None: not exporting one's work)."""
        if not self.by_evaluator.isChecked():
            return None
        value = self.evaluator.currentData()
        return str(value) if value is not None else None

    def chosen_dimensions(self) -> list[str]:
        return [code for code, check in self.dimension_boxes.items() if check.isChecked()]

    def set_path(self, path: Path) -> None:
        """Save to ``path`` (what the file chooser does, without asking)."""
        self._path_chosen = True
        self.path.setText(str(path))

    def choose_path(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export a bundle"),
            self.path.text(),
            self.tr("Evaluator session files (*.evpkg)"),
        )
        if name:
            self.set_path(Path(name))

    # --- exporting ---------------------------------------------------------------

    def _refusal(self) -> str | None:
        """Why the choices cannot be exported as they stand (None: they can)."""
        if self.by_dimension.isChecked() and not self.chosen_dimensions():
            return self.tr("Tick at least one dimension to export.")
        if self.protect.isChecked():
            if not self.passphrase.text():
                return self.tr("Type a passphrase, or untick the protection.")
            if self.passphrase.text() != self.confirmation.text():
                return self.tr("The two passphrases differ; type them again.")
        if not self.path.text().strip():
            return self.tr("Choose where to save the bundle.")
        return None

    def export(self) -> BundleSummary | None:
        """Write the bundle as chosen; on success say what was written and close."""
        refusal = self._refusal()
        if refusal is not None:
            say(self.problem, refusal, PROBLEM_STYLE)
            return None
        path = Path(self.path.text().strip()).expanduser()
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        protected = self.protect.isChecked()
        try:
            with waiting():
                self.summary = export_bundle(
                    self.controller.ctx,
                    self.controller.session_id,
                    path,
                    dimensions=self.chosen_dimensions() if self.by_dimension.isChecked() else None,
                    evaluator_id=self.evaluator_id(),
                    passphrase=self.passphrase.text() if protected else None,
                )
        except (ServiceError, BundleError) as error:
            text = self.tr("Not exported: %1").replace("%1", str(error))
            say(self.problem, text, PROBLEM_STYLE)
            return None
        self.problem.hide()
        settings.write(LAST_FOLDER, str(path.parent))
        QMessageBox.information(self, self.tr("Bundle exported"), self.written(self.summary))
        self.accept()
        return self.summary

    def written(self, summary: BundleSummary) -> str:
        """What was written, in a few lines for people."""
        lines = [
            self.tr("Saved to %1").replace("%1", str(summary.path)),
            self.tr("%1 records, %2 evidence files, %3")
            .replace("%1", str(sum(summary.records.values())))
            .replace("%2", str(summary.evidence_files))
            .replace("%3", self.locale().formattedDataSize(summary.size, 1)),
        ]
        if summary.encrypted:
            lines.append(
                self.tr("Protected with a passphrase: tell it to the recipient another way.")
            )
        return "\n".join(lines)
