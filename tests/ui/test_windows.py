"""Started straight into a session, the meeting window shows alone; the start screen
comes when asked for (Ctrl+O) or when the meeting window closes, with that session
selected, and a start screen the user closed stays closed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from evaluator_app.services.backups import check_backup
from evaluator_app.services.demo import ensure_demo
from evaluator_app.services.operation import Context, open_context
from evaluator_app.ui.actions import Command
from evaluator_app.ui.app import Windows, start_gui
from evaluator_app.ui.start_window import StartWindow

pytestmark = pytest.mark.gui


def _visible_start_windows() -> list[StartWindow]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, StartWindow) and w.isVisible()
    ]


@pytest.mark.qt_log_ignore("propagateSizeHints", "raise")  # offscreen's notes on show()
def test_a_session_opened_at_start_shows_alone_and_closing_it_shows_the_list(
    qtbot: QtBot, ctx: Context, bandung: str, sleman: str
) -> None:
    windows = start_gui(ctx, sleman)
    meeting = windows.sessions[sleman]
    qtbot.addWidget(meeting)
    assert meeting.isVisible()
    assert not windows.start_built and _visible_start_windows() == []

    meeting.close()
    qtbot.addWidget(windows.start)
    assert _visible_start_windows() == [windows.start]
    assert windows.start.selected_session_id() == sleman
    assert windows.sessions == {}


@pytest.mark.qt_log_ignore("propagateSizeHints", "raise")
def test_the_list_of_sessions_command_shows_the_start_screen_on_this_session(
    qtbot: QtBot, ctx: Context, bandung: str, sleman: str
) -> None:
    windows = Windows(ctx)
    meeting = windows.open_session(bandung)
    qtbot.addWidget(meeting)
    assert not windows.start_built

    meeting.commands[Command.SESSIONS].trigger()
    start = windows.start
    qtbot.addWidget(start)
    assert start.isVisible() and start.selected_session_id() == bandung
    assert meeting.isVisible()  # the meeting stays open beside it

    # Closed by the user, the start screen is not brought back when the meeting ends.
    start.close()
    meeting.close()
    assert _visible_start_windows() == []
    assert windows.sessions == {}


@pytest.mark.qt_log_ignore("propagateSizeHints", "raise")
def test_without_a_session_the_start_screen_shows(qtbot: QtBot, ctx: Context, bandung: str) -> None:
    windows = start_gui(ctx)
    qtbot.addWidget(windows.start)
    assert _visible_start_windows() == [windows.start]
    assert windows.sessions == {}


@pytest.mark.qt_log_ignore("propagateSizeHints", "raise")
def test_the_daily_backup_is_copied_after_the_window_shows(
    qtbot: QtBot, ctx: Context, sleman: str
) -> None:
    """Not before the window: a large archive's database takes 0.4 s to copy."""
    backups = ctx.store.data_dir / "backups"
    windows = start_gui(ctx, sleman)
    qtbot.addWidget(windows.sessions[sleman])
    assert windows.sessions[sleman].isVisible()
    assert windows.daily_backup is None
    assert not list(backups.glob("*daily*"))

    qtbot.waitUntil(lambda: windows.daily_backup is not None, timeout=5000)
    assert windows.daily_backup is not None
    windows.daily_backup.join(timeout=30)
    (made,) = backups.glob("*-daily.sqlite")
    assert check_backup(made)  # a sound database of a known revision
    # Once a day: asked again, the thread is the same and no second copy is made.
    assert windows.back_up_daily() is windows.daily_backup
    assert len(list(backups.glob("*-daily.sqlite"))) == 1


_START_SCRIPT = """
import sys, time
from sqlalchemy import event
from sqlalchemy.orm import Mapper
from evaluator_app.services.operation import open_context
from evaluator_app.ui.app import application, start_gui

ctx = open_context(sys.argv[1], "tester")
session_id = sys.argv[2]
configured = []
event.listen(Mapper, "before_configured", lambda: configured.append(time.monotonic()))
app = application()
windows = start_gui(ctx, session_id)
app.processEvents()
shown = windows.sessions[session_id].isVisible()
print(shown, bool(configured))
deadline = time.monotonic() + 5
while not configured and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.02)
print(bool(configured))
"""


def test_the_meeting_window_opens_on_core_reads_and_readies_the_orm_after(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    ctx = open_context(str(data), "tester")
    session_id = ensure_demo(ctx)
    ctx.store.close()
    # A fresh process: this one configured its mappings long ago.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", _START_SCRIPT, str(data), session_id],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    ).stdout.split("\n")
    assert out[:2] == ["True False", "True"]
