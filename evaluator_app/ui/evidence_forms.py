"""The evidence list's small forms and file helpers: dropped files, a read-only
viewing copy under the original name, sizes and dates as people read them."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QDate, QMimeData
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from evaluator_app.ui.widgets import ok_cancel


def local_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (web addresses and the like are left out)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def size_label(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    amount = float(size)
    for unit in ("KB", "MB", "GB"):
        amount /= 1024
        if amount < 1024 or unit == "GB":
            break
    return f"{amount:.1f} {unit}"


_viewing_folder: Path | None = None


def viewing_copy(stored: Path, sha256: str, name: str | None) -> Path:
    """A read-only copy of a stored evidence file under its original name, in a private
    temporary folder (the store keeps files by hash, without a name or an extension)."""
    global _viewing_folder
    if _viewing_folder is None or not _viewing_folder.is_dir():
        _viewing_folder = Path(tempfile.mkdtemp(prefix="evaluator-evidence-"))  # mode 0700
    folder = _viewing_folder / sha256[:16]
    folder.mkdir(exist_ok=True)
    target = folder / (Path(name).name if name and Path(name).name else "evidence")
    if target.exists():
        if hashlib.sha256(target.read_bytes()).hexdigest() == sha256:
            return target
        target.chmod(stat.S_IWUSR | stat.S_IRUSR)
        target.unlink()
    shutil.copyfile(stored, target)
    target.chmod(stat.S_IRUSR)
    return target


class EvidenceDialog(QDialog):
    """A small form for one evidence action; ``on_accept`` stores it and says whether it
    was taken, so that a refused entry (say, a bad web address) stays open to be fixed."""

    def __init__(
        self,
        title: str,
        fields: Iterable[str],
        on_accept: Callable[[EvidenceDialog], bool],
        due: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._on_accept = on_accept
        fields = set(fields)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        self.title = QLineEdit()
        self.note = QLineEdit()
        self.due = QDateEdit()
        self.due.setDisplayFormat("d MMM yyyy")  # month by name: no day/month mix-ups
        self.due.setCalendarPopup(True)
        self.due.setDate(qdate(due or dt.date.today()))
        form = QFormLayout()
        if "url" in fields:
            form.addRow(self.tr("Web address:"), self.url)
        if "title" in fields:
            form.addRow(self.tr("Title:"), self.title)
        if "due" in fields:
            form.addRow(self.tr("Due date:"), self.due)
        if "note" in fields:
            form.addRow(self.tr("Note:"), self.note)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def due_date(self) -> dt.date:
        return to_date(self.due.date())

    def accept(self) -> None:
        if self._on_accept(self):
            super().accept()
