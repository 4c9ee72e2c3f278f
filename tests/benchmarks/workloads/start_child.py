"""A child process for the cold-start workload: shows a window, says so, reports memory.

``python start_child.py bare`` shows an empty QMainWindow after importing
PySide6 and ``sqlalchemy.orm`` (the floor of our stack);
``python start_child.py app DATA_DIR SESSION_ID`` starts the app's windows on
that session.  It prints ``shown`` once the window is shown and painted, then
the peak RSS in KiB, and exits at once (teardown is not part of the figure).
"""

from __future__ import annotations

import os
import resource
import sys


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.argv[1] == "bare":
        import sqlalchemy.orm  # noqa: F401
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.show()
        app.processEvents()
    else:
        from evaluator_app.services.operation import open_context
        from evaluator_app.ui.app import Windows, application

        ctx = open_context(sys.argv[2], "bench")
        app = application()
        windows = Windows(ctx)
        windows.start.show()
        windows.start.select_session(sys.argv[3])
        windows.open_session(sys.argv[3])
        app.processEvents()
    print("shown", flush=True)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    os._exit(0)


if __name__ == "__main__":
    main()
