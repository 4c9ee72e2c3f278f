"""The README's first command: `evaluator-app --demo` opens the window on the demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from evaluator_app.cli import main
from evaluator_app.services.demo import DEMO_REGION
from evaluator_app.services.operation import open_context
from evaluator_app.services.sessions import list_sessions
from evaluator_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_demo_flag_creates_the_demo_once_and_opens_the_window_on_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    seen: list[str] = []

    def look_then_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        for window in windows:
            seen.append(window.details.title.text() if window.isVisible() else "hidden")
            window.close()

    data = str(tmp_path / "data")
    for _ in range(2):  # the second start finds the demo and does not add another
        QTimer.singleShot(300, look_then_close)
        assert main(["--data-dir", data, "--demo"]) == 0
    ctx = open_context(data, "tester")
    rows = list_sessions(ctx)
    ctx.store.close()
    assert [row.region for row in rows] == [DEMO_REGION]
    assert seen == [f"{DEMO_REGION} · 2024"] * 2


def test_no_display_is_reported_plainly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main(["--data-dir", str(tmp_path)]) == 1
    assert "no display" in capsys.readouterr().err
