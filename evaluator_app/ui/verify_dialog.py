"""Is this signed PDF what was signed? Every signature, the embedded snapshot, one verdict.

Choose a file or drop one on the dialog. The verdict is one sentence in large
type, green when every signature is intact and the snapshot matches, red
(naming the broken signatures) when not.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QFont, QGuiApplication, QShowEvent
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

from evaluator_app.services.errors import ServiceError
from evaluator_app.services.minutes import MinutesCheck, verify_minutes
from evaluator_app.services.operation import Context
from evaluator_app.signing import SignatureCheck
from evaluator_app.ui.labels import date_label, time_label
from evaluator_app.ui.widgets import dropped_file

GOOD = "#1d6b2a"
WARN = "#8a5a00"
BAD = "#a01010"
VERDICT_STYLE = (
    "QLabel {{ color: {color}; background: {fill}; border: 1px solid {color};"
    " border-radius: 4px; padding: 10px 14px; }}"
)
FILLS = {GOOD: "#edf5ea", WARN: "#fdf5e3", BAD: "#fdecea"}


class VerifyDialog(QDialog):
    """``verify(path)`` checks a PDF; ``check`` is the last result (None before)."""

    COLUMNS = 5

    def __init__(
        self, ctx: Context, parent: QWidget | None = None, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.check: MinutesCheck | None = None
        self.path: Path | None = None
        self.outcome = ""  # "ok", "untrusted" or "failed" once a file is checked
        self.setWindowTitle(self.tr("Verify signed minutes"))
        self.setAcceptDrops(True)

        self.choose_button = QPushButton(self.tr("Choose a PDF…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("Choose a signed PDF, or drop one here."))
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)

        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        font = QFont(self.verdict.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.verdict.setFont(font)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.hide()

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Signer"),
                self.tr("Signed at"),
                self.tr("Intact"),
                self.tr("Trusted"),
                self.tr("Changes after it"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.hide()

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()

        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(900, 480)
        if path is not None:
            self.verify(path)

    # --- choosing --------------------------------------------------------------

    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Verify a signed PDF"), start, self.tr("PDF files (*.pdf)")
        )
        if name:
            self.verify(Path(name))

    @staticmethod
    def _dropped_pdf(event: QDragEnterEvent | QDropEvent) -> Path | None:
        return dropped_file(event, (".pdf",))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_pdf(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_pdf(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.verify(path)

    # --- checking --------------------------------------------------------------

    def verify(self, path: Path) -> MinutesCheck | None:
        """Check ``path`` and show the result; None when the file cannot be checked at all."""
        self.path = path
        self.file_label.setText(str(path))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.check = verify_minutes(self._ctx, path)
        except ServiceError as error:
            self.check = None
            self._show_verdict(
                self.tr("This file cannot be checked: %1").replace("%1", str(error)), BAD
            )
            self.table.hide()
            self.details.hide()
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show(self.check)
        return self.check

    def _names(self, names: list[str]) -> str:
        if len(names) == 1:
            return names[0]
        return self.tr("%1 and %2").replace("%1", ", ".join(names[:-1])).replace("%2", names[-1])

    def _show_verdict(self, text: str, color: str) -> None:
        self.verdict.setText(text)
        self.verdict.setStyleSheet(VERDICT_STYLE.format(color=color, fill=FILLS[color]))
        self.outcome = {GOOD: "ok", WARN: "untrusted", BAD: "failed"}[color]
        self.verdict.show()

    def _show(self, check: MinutesCheck) -> None:
        text, color = self._verdict(check)
        self._show_verdict(text, color)
        signatures = check.report.signatures
        self.table.setRowCount(len(signatures))
        for row, signature in enumerate(signatures):
            self._fill_row(row, signature)
        self.table.setVisible(bool(signatures))
        self._fit_table()
        self.details.setText(self._details(check))
        self.details.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_table()  # rows are measured in their final style only once shown

    def _fit_table(self) -> None:
        """As tall as its rows (up to eight), so the details sit right under it."""
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(n) for n in range(min(self.table.rowCount(), 8)))
        height = self.table.horizontalHeader().sizeHint().height() + rows
        self.table.setFixedHeight(height + 2 * self.table.frameWidth() + 4)

    def _verdict(self, check: MinutesCheck) -> tuple[str, str]:
        """One sentence, and its colour."""
        signatures = check.report.signatures
        if not signatures:
            return self.tr("Not valid: this PDF carries no signatures."), BAD
        broken = [s for s in signatures if not s.ok]
        if broken:
            names = self._names([s.signer or s.field for s in broken])
            if any(not s.intact for s in broken) and len(broken) == 1:
                text = self.tr(
                    "Not valid: the file was changed after signing, "
                    "and the signature of %1 no longer matches it."
                )
            elif any(not s.intact for s in broken):
                text = self.tr(
                    "Not valid: the file was changed after signing, "
                    "and the signatures of %1 no longer match it."
                )
            else:
                text = self.tr(
                    "Not valid: after the signature of %1 the file was changed "
                    "by more than further signatures."
                )
            return text.replace("%1", names), BAD
        if check.snapshot_hash is None:
            return self.tr("Not valid: the minutes carry no readable snapshot."), BAD
        if not check.ok:
            return self.tr("Not valid: the embedded snapshot is not the one signed."), BAD
        count = len(signatures)
        if not check.report.all_trusted:
            text = self.tr(
                "Intact, but not trusted here: the signatures are unchanged, "
                "but not every certificate comes from an issuer this laptop trusts."
            )
        elif count == 1:
            text = self.tr(
                "Valid: the signature is intact and trusted, and the snapshot is the one signed."
            )
        else:
            text = self.tr(
                "Valid: all %1 signatures are intact and trusted, "
                "and the snapshot is the one signed."
            )
        return text.replace("%1", str(count)), WARN if not check.report.all_trusted else GOOD

    def _fill_row(self, row: int, s: SignatureCheck) -> None:
        signer = s.signer or self.tr("(unreadable signature)")
        if s.signer_serial:
            signer += "\n" + self.tr("NIP %1").replace("%1", s.signer_serial)
        when = "–"
        if s.signed_at is not None:
            local = s.signed_at.astimezone()
            when = f"{date_label(local.date())} {time_label(local)}"
        intact = "✓ " + self.tr("intact") if s.intact else "✗ " + self.tr("broken")
        if s.trusted:
            trusted = self.tr("✓ by %1").replace("%1", s.trust_root or "?")
        elif s.intact:
            trusted = self.tr("not trusted here")
        else:
            trusted = "–"  # a broken signature is not judged for trust
        later = {
            "none": self.tr("none"),
            "signatures and form filling only": self.tr("only further signatures"),
            "other": self.tr("✗ other changes"),
        }.get(s.later_changes, self.tr("unknown"))
        trust_colour = GOOD if s.trusted else WARN if s.intact else None
        colours = [None, None, GOOD if s.intact else BAD, trust_colour]
        colours.append(None if s.changes_allowed else BAD)
        for column, text in enumerate([signer, when, intact, trusted, later]):
            item = QTableWidgetItem(text)
            if s.problems:
                item.setToolTip("\n".join(s.problems))
            if colours[column] is not None:
                item.setForeground(QColor(colours[column]))
            self.table.setItem(row, column, item)

    def _details(self, check: MinutesCheck) -> str:
        lines = []
        if check.snapshot_hash is None:
            lines.append(self.tr("Embedded snapshot: none found."))
        else:
            verdict = (
                self.tr("matches what was signed")
                if check.snapshot_matches
                else self.tr("does NOT match what was signed")
            )
            lines.append(
                self.tr("Embedded snapshot: SHA-256 %1 — %2.")
                .replace("%1", f"<tt>{check.snapshot_hash}</tt>")
                .replace("%2", verdict)
            )
        waiting = len(check.report.unsigned_fields)
        if waiting:
            lines.append(
                self.tr(
                    "%1 signature field(s) still empty: not everyone has signed this copy."
                ).replace("%1", str(waiting))
            )
        problems = [*check.problems, *check.report.problems]
        for signature in check.report.signatures:
            problems += [f"{signature.signer or signature.field}: {p}" for p in signature.problems]
        if problems:
            lines.append(
                self.tr("Problems:")
                + "<ul>"
                + "".join(f"<li>{_escape(p)}</li>" for p in problems)
                + "</ul>"
            )
        return "<br>".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
