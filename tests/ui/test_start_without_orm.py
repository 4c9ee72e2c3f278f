"""The meeting window shows before SQLAlchemy's ORM is loaded (issue 9): its start
reads through Core, and the ORM comes with the first change or shortly after."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator_app.cli import main

CHILD = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from evaluator_app.collector import pause_for_start
pause_for_start()
from evaluator_app.services.operation import open_context
from evaluator_app.ui.app import application, start_gui
ctx = open_context(sys.argv[1], "Rina")
app = application()
windows = start_gui(ctx, sys.argv[2])
app.processEvents()
window = windows.sessions[sys.argv[2]]
print("shown:", window.isVisible(), window.indicator_page.code)
print("orm when shown:", "sqlalchemy.orm" in sys.modules)
print("models when shown:", type(sys.modules["evaluator_app.store.models"]).__name__)
print("level set:", window.indicator_page.set_agreed_level(3))
print("orm after the change:", "sqlalchemy.orm" in sys.modules)
"""


def _child(data_dir: Path, session_id: str, code: str = CHILD) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, str(data_dir), session_id],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def demo(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    return capsys.readouterr().out.strip()


def test_the_meeting_window_shows_before_the_orm_and_a_change_loads_it(
    data_dir: Path, demo: str
) -> None:
    out = _child(data_dir, demo)
    shown = out.splitlines()[0].split()
    assert shown[:2] == ["shown:", "True"], out
    code = shown[2]  # where the meeting stopped last
    assert "orm when shown: False" in out, out
    assert "models when shown: _LazyModule" in out, out
    assert "level set: True" in out, out
    assert "orm after the change: True" in out, out
    # The change is stored, with its audit event, as any other.
    db = sqlite3.connect(data_dir / "evaluator.sqlite")
    try:
        level = db.execute(
            "SELECT agreed_level, updated_by FROM assessment"
            " WHERE session_id = ? AND indicator_code = ?",
            (demo, code),
        ).fetchone()
        event = db.execute(
            "SELECT actor, action, new_value FROM audit_event"
            " WHERE session_id = ? AND field = 'agreed_level' ORDER BY seq DESC LIMIT 1",
            (demo,),
        ).fetchone()
    finally:
        db.close()
    assert level == (3, "Rina")
    assert event == ("Rina", "set_agreed_level", "3")


def test_the_check_sees_an_orm_loaded_at_start(data_dir: Path, demo: str) -> None:
    """The check above can fail: with the ORM imported first, it says so."""
    out = _child(data_dir, demo, "import sqlalchemy.orm\n" + CHILD)
    assert "orm when shown: True" in out, out


START_SCREEN = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from evaluator_app.services.operation import open_context
from evaluator_app.ui.app import application, start_gui
ctx = open_context(sys.argv[1], "Rina")
app = application()
windows = start_gui(ctx, None)
app.processEvents()
start = windows.start
model = start.sessions
print("listed:", model.rowCount(), start.isVisible())
print("orm when shown:", "sqlalchemy.orm" in sys.modules)
"""


def test_the_start_screen_lists_the_sessions_before_the_orm(data_dir: Path, demo: str) -> None:
    out = _child(data_dir, demo, START_SCREEN)
    assert "listed: 1 True" in out, out
    assert "orm when shown: False" in out, out
