"""The first window is the start screen (``start_window.StartWindow``).

``MainWindow`` remains its name for the code and tests that still import it from
here; new code imports ``StartWindow``.
"""

from __future__ import annotations

from evaluator_app.ui.start_window import StartWindow

MainWindow = StartWindow

__all__ = ["MainWindow"]
