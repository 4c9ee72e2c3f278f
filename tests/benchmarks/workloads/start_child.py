"""A child process for the cold-start workload: shows a window, says so, reports memory.

``python start_child.py bare`` shows an empty QMainWindow after importing
PySide6 and ``sqlalchemy.orm`` (the floor of our stack);
``python start_child.py app DATA_DIR SESSION_ID`` starts the app's windows on
that session.  It prints ``shown`` once the window is shown and painted, then
the peak RSS in KiB (VmHWM, reset at the child's start), and exits at once
(teardown is not part of the figure).
"""

from __future__ import annotations

import contextlib
import os
import resource
import sys
from pathlib import Path


def _reset_peak() -> None:
    # A child inherits its parent's peak RSS through fork on Linux: start from zero.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_kib() -> int:
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    _reset_peak()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.argv[1] == "bare":
        import sqlalchemy.orm  # noqa: F401
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.show()
        app.processEvents()
    else:
        # As `evaluator-app gui` does (cli.commands.cmd_gui, ui.app.run_gui), up to
        # the event loop.
        from evaluator_app.collector import pause_for_start

        pause_for_start()
        from evaluator_app.services.operation import open_context
        from evaluator_app.ui.app import application, start_gui

        ctx = open_context(sys.argv[2], "bench")
        app = application()
        windows = start_gui(ctx, sys.argv[3])
        app.processEvents()
        assert windows.sessions, "no meeting window"
    print("shown", flush=True)
    print(_peak_kib(), flush=True)
    os._exit(0)


if __name__ == "__main__":
    main()
