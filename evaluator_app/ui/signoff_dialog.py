"""Sign-off: review what will be signed, then each signer draws and signs in turn.

The review shows the minutes' substance as people will read it (results,
findings by agency, outstanding evidence) and who signs. Then, signer by
signer: a signature pad, the identity with its passphrase, and "Sign". The
first signature freezes the session (the services refuse edits from then on);
a refused signature (wrong passphrase, expired certificate) is said beside the
passphrase, and the drawing stays. When everyone has signed, the signed
minutes can be exported. Reopening for an amendment needs a reason.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.services import identities, minutes
from evaluator_app.services.errors import ServiceError
from evaluator_app.services.minutes import SignedMinutes
from evaluator_app.services.sessions import ParticipantRow
from evaluator_app.signing import IdentityInfo
from evaluator_app.ui.attendance import INFO_STYLE, PROBLEM_STYLE
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.identities_dialog import IdentitiesDialog, password_field, validity_text
from evaluator_app.ui.labels import (
    role_label,
)
from evaluator_app.ui.minutes_actions import (
    file_name,
    problem_label,
    save_path,
    say,
    waiting,
)
from evaluator_app.ui.signature_pad import SignaturePad
from evaluator_app.ui.signoff_review import ReviewDocument, table, tag

SIGNING_ROLES = ("lead_evaluator", "signer")  # signers unless someone unticks them
IMPORT, CREATE = "import", "create"  # the identity combo's two actions
_PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}
Opener = Callable[[QUrl], object]


def identity_matches(info: IdentityInfo, person: ParticipantRow) -> bool:
    """The identity is this person's: the same NIP, or else the same name."""
    digits = re.sub(r"\D", "", person.nip or "")
    if digits and re.sub(r"\D", "", info.nip) == digits:
        return True
    return " ".join(info.name.casefold().split()) == " ".join(person.name.casefold().split())


class SignOffDialog(QDialog):
    """Review, then one page per signer, then the export. Drive it in tests through
    ``chosen_signers``/``set_signer_chosen``, ``start_signing``, ``pad``, ``identity``,
    ``passphrase``, ``sign`` and ``export_signed``."""

    REVIEW, SIGNER, DONE = range(3)

    def __init__(
        self,
        controller: SessionController,
        parent: QWidget | None = None,
        opener: Opener | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._open_url: Opener = opener or QDesktopServices.openUrl
        self._previews: Path | None = None
        self.minutes: SignedMinutes | None = None
        self.current_signer: str | None = None
        self.exported: Path | None = None
        self.identities: list[IdentityInfo] = []
        self.setWindowTitle(self.tr("Sign off the minutes"))

        self.pages = QStackedWidget()
        self.pages.addWidget(self._review_page())
        self.pages.addWidget(self._signer_page())
        self.pages.addWidget(self._done_page())
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)
        available = self.screen().availableGeometry()
        self.resize(
            min(1180, available.width() * 92 // 100), min(720, available.height() * 9 // 10)
        )
        self.show_review()

    # --- pages -----------------------------------------------------------------

    def _review_page(self) -> QWidget:
        self.review_document = ReviewDocument(self.controller, self)
        self.review = QTextBrowser()
        self.review.setOpenLinks(False)
        self.review.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.signer_list = QListWidget()
        self.signer_list.setWordWrap(True)
        self.signer_list.setSpacing(3)
        self.signer_list.itemChanged.connect(self._signers_changed)
        self.signers_note = QLabel()
        self.signers_note.setWordWrap(True)
        box = QGroupBox(self.tr("Who signs"))
        side = QVBoxLayout(box)
        side.addWidget(self.signers_note)
        side.addWidget(self.signer_list, 1)
        self.review_problem = problem_label()
        self.preview_button = QPushButton(self.tr("Preview the draft PDF"))
        self.preview_button.clicked.connect(lambda: self.preview())
        self.continue_button = QPushButton()
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.start_signing)
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addStretch(1)
        row.addWidget(self.continue_button)
        columns = QHBoxLayout()
        columns.addWidget(self.review, 3)
        columns.addWidget(box, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns, 1)
        layout.addWidget(self.review_problem)
        layout.addLayout(row)
        return page

    def _signer_page(self) -> QWidget:
        self.step_label = QLabel()
        font = QFont(self.step_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.step_label.setFont(font)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.signer_label = QLabel()
        self.signer_label.setWordWrap(True)
        self.signer_label.setTextFormat(Qt.TextFormat.RichText)
        self.pad = SignaturePad()
        self.identity = QComboBox()
        self.identity.setPlaceholderText(self.tr("Choose the identity to sign with"))
        self.identity.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.identity.activated.connect(self._identity_activated)
        self.identity.currentIndexChanged.connect(self._identity_changed)
        self._identity_before: str | None = None  # restored after the two actions
        self.passphrase = password_field(self.tr("the identity's passphrase"))
        self.passphrase.returnPressed.connect(self.sign)
        self.sign_button = QPushButton(self.tr("Sign"))
        self.sign_button.setDefault(True)
        self.sign_button.clicked.connect(self.sign)
        self.sign_problem = problem_label()
        passphrase_row = QHBoxLayout()
        passphrase_row.addWidget(self.passphrase, 1)
        passphrase_row.addWidget(self.sign_button)
        form = QFormLayout()
        self.identity_note = QLabel()
        self.identity_note.setWordWrap(True)
        self.identity_note.setStyleSheet("QLabel { color: #7a4a00; }")
        self.identity_note.hide()
        form.addRow(self.tr("Identity"), self.identity)
        form.addRow("", self.identity_note)
        form.addRow(self.tr("Passphrase"), passphrase_row)
        form.addRow("", self.sign_problem)
        self.back_button = QPushButton(self.tr("Back to the review"))
        self.back_button.clicked.connect(self.show_review)
        self.skip_button = QPushButton(self.tr("Another signer first"))
        self.skip_button.setToolTip(self.tr("This person signs later; go to the next one"))
        self.skip_button.clicked.connect(self.skip)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.skip_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.step_label)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.signer_label)
        layout.addWidget(self.pad, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        return page

    def _done_page(self) -> QWidget:
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setTextFormat(Qt.TextFormat.RichText)
        self.export_button = QPushButton(self.tr("Export signed minutes…"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(lambda: self.export_signed())
        self.open_button = QPushButton(self.tr("Open the signed minutes"))
        self.open_button.clicked.connect(lambda: self.preview())
        self.export_message = QLabel()
        self.export_message.setWordWrap(True)
        self.export_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_message.hide()
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_label)
        layout.addLayout(row)
        layout.addWidget(self.export_message)
        layout.addStretch(1)
        return page

    # --- who signs -------------------------------------------------------------

    def _people(self) -> dict[str, ParticipantRow]:
        return {p.id: p for p in self.controller.overview.participants}

    def _candidates(self) -> list[ParticipantRow]:
        """Those present: the lead evaluator(s) and the region's signer(s) first."""
        present = [p for p in self.controller.overview.participants if p.present]
        usual = sorted(
            (p for p in present if p.role in SIGNING_ROLES),
            key=lambda p: (SIGNING_ROLES.index(p.role), p.name.casefold()),
        )
        return usual + [p for p in present if p.role not in SIGNING_ROLES]

    def _fill_signer_list(self) -> None:
        chosen = set(self.chosen_signers()) if self.signer_list.count() else None
        people = self._people()
        self.signer_list.blockSignals(True)
        self.signer_list.clear()
        if self.minutes is not None:  # frozen: who signs is part of what is signed
            for pid in self.minutes.signers:
                person = people.get(pid)
                done = pid in self.minutes.signed
                mark = "✓ " + self.tr("signed") if done else "… " + self.tr("still to sign")
                item = QListWidgetItem(f"{person.name if person else pid}\n{mark}")
                item.setData(Qt.ItemDataRole.UserRole, pid)
                item.setForeground(Qt.GlobalColor.darkGreen if done else Qt.GlobalColor.black)
                self.signer_list.addItem(item)
            self.signers_note.setText(
                self.tr("The minutes are frozen: these people sign them, in this order.")
            )
        else:
            for person in self._candidates():
                item = QListWidgetItem(f"{person.name}\n{role_label(person.role)}")
                item.setToolTip("\n".join(x for x in (person.position, person.organisation) if x))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                ticked = person.role in SIGNING_ROLES if chosen is None else person.id in chosen
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                item.setData(Qt.ItemDataRole.UserRole, person.id)
                self.signer_list.addItem(item)
            self.signers_note.setText(
                self.tr(
                    "Tick everyone present who signs. The first signature freezes the "
                    "session and this list."
                )
            )
        self.signer_list.blockSignals(False)

    def chosen_signers(self) -> list[str]:
        """Participant ids who sign, in the order their blocks appear."""
        if self.minutes is not None:
            return list(self.minutes.signers)
        items = (self.signer_list.item(n) for n in range(self.signer_list.count()))
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_signer_chosen(self, participant_id: str, chosen: bool) -> None:
        for n in range(self.signer_list.count()):
            item = self.signer_list.item(n)
            if item.data(Qt.ItemDataRole.UserRole) == participant_id:
                item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def waiting_for(self) -> list[str]:
        return self.minutes.waiting_for if self.minutes is not None else self.chosen_signers()

    def _signers_changed(self) -> None:
        self.review_problem.hide()
        self._update_continue()

    def _update_continue(self) -> None:
        if self.minutes is None:
            text = self.tr("Start signing")
        elif self.minutes.waiting_for:
            text = self.tr("Continue signing")
        else:
            text = self.tr("All have signed: export")
        self.continue_button.setText(text)
        self.continue_button.setEnabled(bool(self.waiting_for()) or self.minutes is not None)

    # --- the review ------------------------------------------------------------

    def show_review(self) -> None:
        self.minutes = self._signed_minutes()
        self._fill_signer_list()
        self.review.setHtml(self.review_html())
        if self.minutes is None:
            self.preview_button.setText(self.tr("Preview the draft PDF"))
        elif self.minutes.waiting_for:
            self.preview_button.setText(self.tr("Open the minutes being signed"))
        else:
            self.preview_button.setText(self.tr("Open the signed minutes"))
        self._update_continue()
        self.pages.setCurrentIndex(self.REVIEW)

    def _signed_minutes(self) -> SignedMinutes | None:
        c = self.controller
        try:
            return minutes.signed_minutes(c.ctx, c.session_id)
        except ServiceError as error:
            self.review_problem.setText(str(error))
            self.review_problem.show()
            return None

    def review_html(self) -> str:
        """What will be signed, as a document people read."""
        return self.review_document.html(frozen=self.minutes is not None)

    def preview(self) -> Path | None:
        """Open the minutes in the PDF viewer: a draft before the freeze, else the
        signed minutes as far as they go (a copy, so the viewer never holds the original)."""
        c = self.controller
        if self._previews is None:
            self._previews = Path(tempfile.mkdtemp(prefix="evaluator-minutes-"))
        try:
            with waiting():
                if self.minutes is None:
                    path = self._previews / file_name(c, self.tr("Minutes (draft)"))
                    minutes.export_draft(c.ctx, c.session_id, path, c.language)
                else:
                    path = self._previews / file_name(c, self.tr("Minutes"))
                    minutes.export_signed(c.ctx, c.session_id, path)
        except ServiceError as error:
            problem = (
                self.review_problem
                if self.pages.currentIndex() == self.REVIEW
                else self.export_message
            )
            say(
                problem,
                self.tr("The minutes could not be made: %1").replace("%1", str(error)),
                PROBLEM_STYLE,
            )
            return None
        self._open_url(QUrl.fromLocalFile(str(path)))
        return path

    # --- signing ---------------------------------------------------------------

    def start_signing(self) -> None:
        if not self.waiting_for() and self.minutes is None:
            say(self.review_problem, self.tr("Tick at least one person who signs."), PROBLEM_STYLE)
            return
        self._next_step()

    def _next_step(self, after: str | None = None) -> None:
        waiting = self.waiting_for()
        if not waiting:
            self.show_done()
            return
        if after in waiting and len(waiting) > 1:
            waiting = waiting[waiting.index(after) + 1 :] + waiting[: waiting.index(after)]
        self.show_signer(waiting[0])

    def skip(self) -> None:
        self._next_step(after=self.current_signer)

    def show_signer(self, participant_id: str) -> None:
        person = self._people()[participant_id]
        order = self.chosen_signers()
        signed = self.minutes.signed if self.minutes else []
        self.current_signer = participant_id
        self.step_label.setText(
            self.tr("Signature %1 of %2")
            .replace("%1", str(order.index(participant_id) + 1))
            .replace("%2", str(len(order)))
        )
        people = self._people()
        self.progress_label.setText(
            "    ".join(
                ("✓ " if pid in signed else "○ ") + (people[pid].name if pid in people else pid)
                for pid in order
            )
        )
        nip = self.tr("NIP %1").replace("%1", person.nip) if person.nip else self.tr("no NIP")
        details = " · ".join(x for x in (nip, person.position, person.organisation) if x)
        self.signer_label.setText(
            f"<span style='font-size:large'><b>{escape(person.name)}</b></span>"
            f"<br>{escape(details)}"
        )
        self.pad.clear()
        self.passphrase.clear()
        self.sign_problem.hide()
        self.fill_identities()
        self.skip_button.setVisible(len(self.waiting_for()) > 1)
        self.pages.setCurrentIndex(self.SIGNER)
        self.pad.setFocus()

    def fill_identities(self, select: str | None = None) -> None:
        """The identities on this laptop, the signer's own selected (or ``select``)."""
        try:
            self.identities = identities.list_identities(self.controller.ctx)
        except ServiceError as error:
            self.identities = []
            say(self.sign_problem, str(error), PROBLEM_STYLE)
        person = self._people().get(self.current_signer or "")
        self.identity.clear()
        chosen = -1
        for n, info in enumerate(self.identities):
            validity, usable = validity_text(info)
            origin = self.tr("issued here") if info.issued_locally else info.issuer
            text = " · ".join(
                x
                for x in (
                    info.name,
                    info.nip and self.tr("NIP %1").replace("%1", info.nip),
                    origin,
                    validity,
                )
                if x
            )
            self.identity.addItem(text, info.id)
            if select == info.id or (
                select is None
                and chosen < 0
                and person
                and usable
                and identity_matches(info, person)
            ):
                chosen = n
        self.identity.insertSeparator(self.identity.count())
        self.identity.addItem(self.tr("Import a PKCS#12 file…"), IMPORT)
        self.identity.addItem(self.tr("Create an identity for this person…"), CREATE)
        self.identity.setCurrentIndex(chosen)

    def _identity_changed(self, index: int) -> None:
        data = self.identity.itemData(index)
        if data not in (IMPORT, CREATE):
            self._identity_before = data
            self.sign_problem.hide()
        # Someone else's identity is allowed (a passphrase guards it) but worth a word.
        info = next((i for i in self.identities if i.id == data), None)
        person = self._people().get(self.current_signer or "")
        if info is not None and person is not None and not identity_matches(info, person):
            self.identity_note.setText(
                self.tr(
                    "This identity is in the name of %1: the signature will carry that name."
                ).replace("%1", info.name)
            )
            self.identity_note.show()
        else:
            self.identity_note.hide()

    def _identity_activated(self, index: int) -> None:
        action = self.identity.itemData(index)
        if action not in (IMPORT, CREATE):
            return
        before = self._identity_before
        self.identity.setCurrentIndex(-1 if before is None else self.identity.findData(before))
        dialog = self.identities_dialog(create=action == CREATE)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def identities_dialog(self, create: bool) -> IdentitiesDialog:
        """The identities dialog on its create form (filled with the signer's details)
        or its import form; what it adds is selected here (not shown: the caller shows it)."""
        dialog = IdentitiesDialog(self.controller.ctx, self)
        person = self._people().get(self.current_signer or "")
        if create:
            dialog.show_create_form(
                person.name if person else "",
                person.nip or "" if person else "",
                person.organisation if person else "",
            )
        else:
            dialog.show_import_form()
        dialog.identity_added.connect(self._identity_added)
        return dialog

    def _identity_added(self, info: IdentityInfo) -> None:
        if self.pages.currentIndex() == self.SIGNER:
            self.fill_identities(select=info.id)
            self.passphrase.setFocus()

    def sign(self) -> bool:
        """The current signer signs; False (and why, beside the passphrase) if refused."""
        c = self.controller
        identity_id = self.identity.currentData()
        if self.current_signer is None:
            return False
        if not isinstance(identity_id, str) or identity_id in (IMPORT, CREATE):
            say(
                self.sign_problem,
                self.tr("Choose the identity this person signs with."),
                PROBLEM_STYLE,
            )
            return False
        if not self.passphrase.text():
            say(self.sign_problem, self.tr("Type the identity's passphrase."), PROBLEM_STYLE)
            self.passphrase.setFocus()
            return False
        with waiting():
            refusal, result = c.call_quietly(
                minutes.sign_minutes,
                c.session_id,
                self.current_signer,
                identity_id,
                self.passphrase.text(),
                signature_image=self.pad.to_png() or None,
                signers=self.chosen_signers(),
                language=c.language,
            )
        if refusal is not None:
            say(self.sign_problem, self.tr("Not signed: %1").replace("%1", refusal), PROBLEM_STYLE)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return False
        self.minutes = result
        self._fill_signer_list()
        self._next_step(after=self.current_signer)
        return True

    # --- done ------------------------------------------------------------------

    def show_done(self) -> None:
        m = self.minutes
        people = self._people()
        rows = [
            [f"✓ {people[pid].name}", people[pid].position] if pid in people else [pid, ""]
            for pid in (m.signed if m else [])
        ]
        self.done_label.setText(
            tag("h2", self.tr("All signers have signed"))
            + "<p>"
            + escape(
                self.tr(
                    "The minutes are frozen and signed. To change anything now, reopen the "
                    "session for an amendment (Session menu); the signatures are then "
                    "superseded and the minutes signed again."
                )
            )
            + "</p>"
            + table([self.tr("Signed by"), self.tr("Position")], rows)
            + "<p>"
            + escape(self.tr("Snapshot SHA-256: %1").replace("%1", m.snapshot_hash if m else ""))
            + "</p>"
        )
        self.export_message.hide()
        self.pages.setCurrentIndex(self.DONE)

    def export_signed(self, path: Path | None = None) -> Path | None:
        """Save the signed minutes to ``path`` (asked for when None)."""
        c = self.controller
        path = path or save_path(
            self, self.tr("Export signed minutes"), file_name(c, self.tr("Minutes"))
        )
        if path is None:
            return None
        try:
            minutes.export_signed(c.ctx, c.session_id, path)
        except ServiceError as error:
            say(
                self.export_message,
                self.tr("Not exported: %1").replace("%1", str(error)),
                PROBLEM_STYLE,
            )
            return None
        self.exported = path
        say(self.export_message, self.tr("Saved to %1").replace("%1", str(path)), INFO_STYLE)
        return path
