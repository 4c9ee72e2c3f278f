"""Evidence of one indicator: files, links, documents seen in the room, promises.

Files are copied into the evidence store (by dialog or by dropping them on the
indicator page); a promise is evidence pending until a due date; each piece can
be accepted or rejected.  Opening a file opens a read-only copy under its
original name, so the viewer knows the file type and can never change the
stored (content-addressed) original.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evaluator_app.services import evidence
from evaluator_app.services.errors import ServiceError
from evaluator_app.services.operation import Context
from evaluator_app.services.walkthrough import EvidenceRow
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.evidence_forms import (
    EvidenceDialog,
    local_files,
    size_label,
    viewing_copy,
)
from evaluator_app.ui.labels import date_label, evidence_status_label
from evaluator_app.ui.tables import PaddedDelegate

Opener = Callable[[QUrl], object]
OVERDUE_COLOUR = "#c62828"


class EvidenceView(QWidget):
    """The evidence list of the current indicator with its actions.

    ``opener`` opens a URL (a file's viewing copy or a web address); it is
    ``QDesktopServices.openUrl`` unless a test passes its own.
    """

    TITLE, KIND, STATUS, DUE, FILE = range(5)

    def __init__(
        self,
        controller: SessionController,
        opener: Opener | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.opener: Opener = opener or QDesktopServices.openUrl
        self.code: str | None = None
        self.rows: list[EvidenceRow] = []
        # The list is filled when it is seen: the indicator page hands over the rows
        # at every switch, mostly while another tab is shown (issue 9).
        self._tree_behind = False  # the tree does not show ``rows`` yet
        self._to_select: str | None = None  # what it selects when it does
        self._editable = True
        self.dialog: EvidenceDialog | None = None  # the one open, if any

        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setItemDelegate(PaddedDelegate(self.tree))  # rows as roomy as the tables'
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [self.tr("Title"), self.tr("Kind"), self.tr("Status"), self.tr("Due"), self.tr("File")]
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.TITLE, QHeaderView.ResizeMode.Stretch)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_: self._open_selected())
        self.tree.setToolTip(self.tr("Drop files here to attach them"))
        self.hint = QLabel(
            self.tr("No evidence yet. Drop files anywhere on this page to attach them.")
        )
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        def button(text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
            widget = QPushButton(text)
            widget.setToolTip(tip)
            widget.setAutoDefault(False)
            widget.clicked.connect(lambda _=False: slot())
            return widget

        self.attach_button = button(
            self.tr("Attach file…"),
            self.tr("Copy files into the evidence store (or drop them on the page)"),
            self.choose_files,
        )
        self.link_button = button(
            self.tr("Link…"), self.tr("Add a web address"), lambda: self.link_dialog().open()
        )
        self.seen_button = button(
            self.tr("Seen in the room…"),
            self.tr("A document shown in the meeting but not handed over"),
            lambda: self.seen_dialog().open(),
        )
        self.promise_button = button(
            self.tr("Promised…"),
            self.tr("Evidence the city will deliver by a due date"),
            lambda: self.promise_dialog().open(),
        )
        self.open_button = button(
            self.tr("Open"), self.tr("Open the file or the web address"), self._open_selected
        )
        self.accept_button = button(
            self.tr("Accept"), self.tr("The evidence supports the level"), self._accept_selected
        )
        self.reject_button = button(
            self.tr("Reject…"),
            self.tr("The evidence does not support the level"),
            self._reject_selected,
        )
        self.pending_button = button(
            self.tr("Pending…"),
            self.tr("Still to be delivered, by a due date"),
            self._pending_selected,
        )
        self.remove_button = button(
            self.tr("Remove"), self.tr("Remove this piece of evidence"), self._remove_selected
        )
        self.add_buttons = [
            self.attach_button,
            self.link_button,
            self.seen_button,
            self.promise_button,
        ]
        self.row_buttons = [
            self.open_button,
            self.accept_button,
            self.reject_button,
            self.pending_button,
            self.remove_button,
        ]
        add_row = QHBoxLayout()
        for widget in self.add_buttons:
            add_row.addWidget(widget)
        add_row.addStretch(1)
        row_row = QHBoxLayout()
        for widget in self.row_buttons:
            row_row.addWidget(widget)
        row_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(add_row)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row_row)
        self.setAcceptDrops(True)
        self._update_buttons()

    # --- showing ----------------------------------------------------------

    def show_evidence(self, code: str, rows: list[EvidenceRow]) -> None:
        if code == self.code and rows == self.rows:
            return
        selected = self.selected_id() if code == self.code else None
        self.code = code
        self.rows = list(rows)
        self._tree_behind, self._to_select = True, selected
        if not self.isHidden() or self.isWindow():
            self._fill_tree()
        self.hint.setVisible(not rows and self._editable)
        self._update_buttons()

    def setVisible(self, visible: bool) -> None:
        if visible:
            self._fill_tree()
        super().setVisible(visible)

    def _fill_tree(self) -> None:
        if not self._tree_behind:
            return
        self._tree_behind = False
        blocked = self.tree.blockSignals(True)
        self.tree.clear()
        today = dt.date.today()
        for row in self.rows:
            item = QTreeWidgetItem(
                [
                    row.title,
                    self.kind_label(row.kind),
                    self.status_label(row.status),
                    date_label(row.due_date) if row.due_date else "",
                    row.sha256[:8] if row.sha256 else "",
                ]
            )
            item.setData(self.TITLE, Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(self.TITLE, self._describe(row))
            if row.sha256:
                item.setToolTip(self.FILE, f"SHA-256 {row.sha256}")
            if row.status == "pending" and row.due_date and row.due_date < today:
                for column in (self.STATUS, self.DUE):
                    item.setForeground(column, QBrush(QColor(OVERDUE_COLOUR)))
                item.setToolTip(self.DUE, self.tr("Overdue"))
            self.tree.addTopLevelItem(item)
            if row.id == self._to_select:
                item.setSelected(True)
        self.tree.blockSignals(blocked)

    def _describe(self, row: EvidenceRow) -> str:
        lines = [row.title]
        if row.original_name:
            lines.append(f"{row.original_name} ({size_label(row.size)})")
        if row.url:
            lines.append(row.url)
        if row.note:
            lines.append(self.tr("Note: %1").replace("%1", row.note))
        return "\n".join(lines)

    def kind_label(self, kind: str) -> str:
        return {
            "file": self.tr("File"),
            "link": self.tr("Link"),
            "seen": self.tr("Seen in the room"),
        }.get(kind, kind)

    def status_label(self, status: str) -> str:
        return evidence_status_label(status)

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.setAcceptDrops(editable)
        self.hint.setVisible(not self.rows and editable)
        self._update_buttons()

    def selected_id(self) -> str | None:
        if self._tree_behind:  # what it will select once filled
            chosen = self._to_select
            return chosen if any(row.id == chosen for row in self.rows) else None
        items = self.tree.selectedItems()
        return str(items[0].data(self.TITLE, Qt.ItemDataRole.UserRole)) if items else None

    def selected_row(self) -> EvidenceRow | None:
        chosen = self.selected_id()
        return next((row for row in self.rows if row.id == chosen), None)

    def select(self, evidence_id: str) -> None:
        self._fill_tree()
        for n in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(n)
            if item is not None and item.data(self.TITLE, Qt.ItemDataRole.UserRole) == evidence_id:
                self.tree.setCurrentItem(item)
                return

    def _update_buttons(self) -> None:
        row = self.selected_row()
        delivered = row is not None and not (row.kind == "file" and not row.has_file)
        for widget in self.add_buttons:
            widget.setEnabled(self._editable and self.code is not None)
        self.open_button.setEnabled(row is not None and (row.has_file or bool(row.url)))
        self.accept_button.setEnabled(self._editable and delivered)
        self.reject_button.setEnabled(self._editable and delivered)
        self.pending_button.setEnabled(self._editable and row is not None)
        self.remove_button.setEnabled(self._editable and row is not None)

    def default_due(self) -> dt.date:
        """The session's evidence deadline, or tomorrow when it has none."""
        deadline = self.controller.overview.evidence_deadline
        return deadline or dt.date.today() + dt.timedelta(days=1)

    # --- storing ----------------------------------------------------------

    def _add(self, service: Callable[..., object], *args: object) -> str | None:
        if self.code is None:
            return None
        result = self.controller.call(service, self.controller.session_id, self.code, *args)
        if result is None:
            return None
        self.select(str(result))
        return str(result)

    def attach_paths(self, paths: Iterable[Path]) -> list[str]:
        """Copy each file into the evidence store for the current indicator; the new ids."""
        attached = []
        for path in paths:
            evidence_id = self._add(evidence.attach_file, path)
            if evidence_id is not None:
                attached.append(evidence_id)
        return attached

    def add_link(self, url: str, title: str = "") -> str | None:
        return self._add(evidence.add_link, url, title or None)

    def add_seen(self, title: str, note: str = "") -> str | None:
        return self._add(evidence.add_seen, title, note)

    def promise(self, title: str, due: dt.date) -> str | None:
        return self._add(evidence.promise, title, due)

    def mark_pending(self, evidence_id: str, due: dt.date) -> bool:
        return self._change(evidence.mark_pending, evidence_id, due)

    def accept(self, evidence_id: str, note: str | None = None) -> bool:
        return self._change(evidence.accept, evidence_id, note)

    def reject(self, evidence_id: str, note: str | None = None) -> bool:
        return self._change(evidence.reject, evidence_id, note)

    def remove(self, evidence_id: str) -> bool:
        return self._change(evidence.remove, evidence_id)

    def _change(self, service: Callable[..., None], *args: object) -> bool:
        def run(ctx: Context, *run_args: object) -> bool:
            service(ctx, *run_args)
            return True

        return bool(self.controller.call(run, *args))

    def open_evidence(self, evidence_id: str) -> bool:
        """Open a file (a read-only copy under its own name) or a web address."""
        row = next(r for r in self.rows if r.id == evidence_id)
        if row.url and not row.has_file:
            return self._open(QUrl(row.url), row.url)
        try:
            stored = evidence.evidence_file(self.controller.ctx, evidence_id)
            copy = viewing_copy(stored, row.sha256 or "", row.original_name)
        except ServiceError as error:  # missing or changed: the service says which and where
            self.controller.failed.emit(str(error))
            return False
        except OSError as error:
            self.controller.failed.emit(
                self.tr("Cannot prepare the file for viewing: %1").replace("%1", str(error))
            )
            return False
        return self._open(QUrl.fromLocalFile(os.fspath(copy)), str(copy))

    def _open(self, url: QUrl, shown: str) -> bool:
        if self.opener(url) is False:
            self.controller.failed.emit(
                self.tr("No program on this computer opens %1").replace("%1", shown)
            )
            return False
        return True

    # --- dialogs (opened with open(), never exec(): tests fill and accept them) ---

    def _dialog(
        self,
        title: str,
        fields: tuple[str, ...],
        on_accept: Callable[[EvidenceDialog], bool],
        due: dt.date | None = None,
    ) -> EvidenceDialog:
        self.dialog = EvidenceDialog(title, fields, on_accept, due, self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return self.dialog

    def link_dialog(self) -> EvidenceDialog:
        return self._dialog(
            self.tr("Add a link"),
            ("url", "title"),
            lambda d: self.add_link(d.url.text(), d.title.text()) is not None,
        )

    def seen_dialog(self) -> EvidenceDialog:
        return self._dialog(
            self.tr("A document seen in the room"),
            ("title", "note"),
            lambda d: self.add_seen(d.title.text(), d.note.text()) is not None,
        )

    def promise_dialog(self) -> EvidenceDialog:
        return self._dialog(
            self.tr("Evidence promised"),
            ("title", "due"),
            lambda d: self.promise(d.title.text(), d.due_date()) is not None,
            self.default_due(),
        )

    def pending_dialog(self, evidence_id: str) -> EvidenceDialog:
        row = next(r for r in self.rows if r.id == evidence_id)
        dialog = self._dialog(
            self.tr("Pending: %1").replace("%1", row.title),
            ("due",),
            lambda d: self.mark_pending(evidence_id, d.due_date()),
            row.due_date or self.default_due(),
        )
        return dialog

    def reject_dialog(self, evidence_id: str) -> EvidenceDialog:
        row = next(r for r in self.rows if r.id == evidence_id)
        dialog = self._dialog(
            self.tr("Reject: %1").replace("%1", row.title),
            ("note",),
            lambda d: self.reject(evidence_id, d.note.text() or None),
        )
        dialog.note.setPlaceholderText(self.tr("Why (optional)"))
        dialog.note.setText(row.note)
        return dialog

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach evidence files"))
        self.attach_paths(Path(name) for name in names)

    def _open_selected(self) -> None:
        if (chosen := self.selected_id()) is not None:
            self.open_evidence(chosen)

    def _accept_selected(self) -> None:
        if (chosen := self.selected_id()) is not None:
            self.accept(chosen)

    def _reject_selected(self) -> None:
        if (chosen := self.selected_id()) is not None:
            self.reject_dialog(chosen).open()

    def _pending_selected(self) -> None:
        if (chosen := self.selected_id()) is not None:
            self.pending_dialog(chosen).open()

    def _remove_selected(self) -> None:
        if (chosen := self.selected_id()) is not None:
            self.remove(chosen)

    # --- dropping files ---------------------------------------------------

    def can_take(self, mime: QMimeData) -> bool:
        return self._editable and self.code is not None and bool(local_files(mime))

    def take_drop(self, mime: QMimeData) -> list[str]:
        """Attach the files a drop carries; the new evidence ids."""
        return self.attach_paths(local_files(mime)) if self.can_take(mime) else []

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.can_take(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.can_take(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.can_take(event.mimeData()):
            event.acceptProposedAction()
            self.take_drop(event.mimeData())
        else:
            event.ignore()
