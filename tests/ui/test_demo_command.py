"""The README's first command: `evaluator-app --demo` opens the meeting window on the
demo; the start screen comes when the meeting window closes."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from evaluator_app.cli import main
from evaluator_app.services.demo import DEMO_REGION
from evaluator_app.services.operation import open_context
from evaluator_app.services.sessions import list_sessions
from evaluator_app.ui.first_run import FirstRunDialog
from evaluator_app.ui.session_window import SessionWindow
from evaluator_app.ui.start_window import StartWindow

pytestmark = pytest.mark.gui


@pytest.mark.qt_log_ignore("propagateSizeHints", "raise")  # offscreen's notes on show()
def test_demo_flag_asks_the_first_run_once_creates_the_demo_once_and_opens_the_meeting(
    qtbot: QtBot, tmp_path: Path
) -> None:
    seen: list[str] = []
    collecting: list[tuple[bool, bool]] = []  # (collector on, start-up frozen) in the meeting

    def skip_the_first_run() -> None:
        for window in QApplication.topLevelWidgets():
            if isinstance(window, FirstRunDialog) and window.isVisible():
                seen.append("first run")
                qtbot.mouseClick(window.skip_button, Qt.MouseButton.LeftButton)
        QTimer.singleShot(300, look_then_close)

    def look_then_close() -> None:
        # Only the meeting shows at first; closing it brings the start screen.
        for window in QApplication.topLevelWidgets():
            if isinstance(window, StartWindow) and window.isVisible():
                seen.append("start screen too early")
            if isinstance(window, SessionWindow) and window.isVisible():
                seen.append(f"meeting: {window.controller.overview.region}")
                collecting.append((gc.isenabled(), gc.get_freeze_count() > 0))
                window.close()
        QTimer.singleShot(100, look_at_the_start_then_close)

    def look_at_the_start_then_close() -> None:
        for window in QApplication.topLevelWidgets():
            if isinstance(window, StartWindow) and window.isVisible():
                seen.append(f"start: {window.details.title.text()}")
        for window in QApplication.topLevelWidgets():
            window.close()

    data = str(tmp_path / "data")
    # The first start asks the first-run questions (skipped here), the second does not;
    # the second start finds the demo and does not add another.
    for _ in range(2):
        QTimer.singleShot(300, skip_the_first_run)
        assert main(["--data-dir", data, "--demo"]) == 0
    ctx = open_context(data, "tester")
    rows = list_sessions(ctx)
    ctx.store.close()
    # the meeting, and the city's session of the year before (for year over year)
    assert sorted((row.region, row.year) for row in rows) == [
        (DEMO_REGION, 2023),
        (DEMO_REGION, 2024),
    ]
    assert seen.count("first run") == 1 and seen[0] == "first run"
    shown = [entry for entry in seen if entry != "first run"]
    assert shown == [f"meeting: {DEMO_REGION}", f"start: {DEMO_REGION} · 2024"] * 2
    # Collection pauses while starting only (collector.py): on again in the meeting.
    assert collecting == [(True, True)] * 2
    assert gc.isenabled()


def test_no_display_is_reported_plainly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main(["--data-dir", str(tmp_path)]) == 1
    assert "tidak ada layar" in capsys.readouterr().err  # Indonesian by default
