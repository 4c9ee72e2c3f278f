"""Help → Open data folder and Help → Back up data now."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from evaluator_app.services.backups import back_up
from evaluator_app.services.errors import ServiceError
from evaluator_app.services.operation import Context


class DataActions(QObject):
    """The two actions, added to a window's Help menu."""

    def __init__(self, ctx: Context, window: QWidget, menu: QMenu) -> None:
        super().__init__(window)
        # The window is this object's parent, not an attribute: a Python
        # reference back to it would keep a closed window's wrapper alive.
        self.ctx = ctx
        self.open_folder = QAction(self.tr("Open data folder"), window)
        self.open_folder.triggered.connect(self.show_data_folder)
        self.back_up_now = QAction(self.tr("Back up data now…"), window)
        self.back_up_now.triggered.connect(lambda: self.back_up_to_chosen_file())
        menu.addAction(self.open_folder)
        menu.addAction(self.back_up_now)

    def _window(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def show_data_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.store.data_dir)))

    def back_up_to_chosen_file(self, target: Path | None = None) -> Path | None:
        """Ask where (unless ``target`` is given), then copy the database there."""
        if target is None:
            suggested = Path.home() / f"evaluator-{dt.date.today():%Y%m%d}.sqlite"
            chosen, _ = QFileDialog.getSaveFileName(
                self._window(),
                self.tr("Back up data"),
                str(suggested),
                self.tr("Evaluator database (*.sqlite)"),
            )
            if not chosen:
                return None
            target = Path(chosen)
        try:
            path = back_up(self.ctx, target)
        except ServiceError as error:
            QMessageBox.warning(self._window(), self.tr("Back up data"), str(error))
            return None
        QMessageBox.information(
            self._window(),
            self.tr("Back up data"),
            self.tr("The data was backed up to %1.").replace("%1", str(path)),
        )
        return path
