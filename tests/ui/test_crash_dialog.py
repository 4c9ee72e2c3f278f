"""An unexpected error shows a short message, copies its details, logs them, and the app goes on."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from evaluator_app.app_log import install_log, log_file
from evaluator_app.services.operation import Context
from evaluator_app.ui import crash
from evaluator_app.ui.data_actions import DataActions

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def _raise_and_catch() -> tuple[type[BaseException], BaseException, object]:
    try:
        raise ValueError("the level slider fell over")
    except ValueError:
        kind, error, trace = sys.exc_info()
    assert kind is not None and error is not None
    return kind, error, trace


def test_unhandled_error_shows_a_dialog_copies_details_and_logs_the_traceback(
    qtbot: QtBot, tmp_path: Path
) -> None:
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.WARNING)
    install_log(tmp_path)
    try:
        kind, error, trace = _raise_and_catch()
        dialog = crash.handle_exception(kind, error, trace)  # type: ignore[arg-type]
        assert dialog is not None
        qtbot.addWidget(dialog)
        assert dialog.isVisible()
        assert "Your work is saved" in dialog.text()

        dialog.copy_button.click()
        copied = QApplication.clipboard().text()
        assert "ValueError: the level slider fell over" in copied
        assert "_raise_and_catch" in copied
        assert dialog.isVisible()  # copying does not close the box

        for handler in root.handlers:
            handler.flush()
        logged = log_file(tmp_path).read_text(encoding="utf-8")
        assert "unhandled exception" in logged
        assert "ValueError: the level slider fell over" in logged
        dialog.close()
    finally:
        for handler in list(root.handlers):
            if handler.__class__.__name__ == "_AppLogHandler":
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)


def test_the_hook_is_installed_for_the_window() -> None:
    previous = sys.excepthook
    try:
        crash.install_exception_hook()
        assert sys.excepthook is crash.handle_exception
    finally:
        sys.excepthook = previous


def test_help_backs_up_the_data_to_a_chosen_file(
    qtbot: QtBot, ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = DataActions(ctx, window, window.menuBar().addMenu("Help"))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    target = tmp_path / "chosen.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))

    actions.back_up_now.trigger()

    assert target.exists() and str(target) in said[0]
