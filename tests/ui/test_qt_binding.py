"""The Qt binding in use keeps Python's reference counts: a long meeting makes millions of
Qt calls, and PySide6 6.12.0 on Python 3.11 took one reference from None at each call that
returns nothing, until the process aborted (Fatal Python error: none_dealloc)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.gui

LONG_MEETING = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(100_000):
        label.setText("x")
        label.setVisible(False)
    print(before, sys.getrefcount(None))
    """
)


def test_calls_returning_nothing_leave_none_as_it_was() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LONG_MEETING],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    before, after = (int(n) for n in done.stdout.split())
    assert abs(after - before) < 100  # 200,000 calls: a leak or a loss would show in full
