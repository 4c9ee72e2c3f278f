"""PySide6's import hook is told about our modules up front instead of reading
their sources (``evaluator_app.ui._spare_the_feature_scan``)."""

from __future__ import annotations

import subprocess
import sys

CHILD = """
import inspect, sys
read = []
original = inspect.getsource
def getsource(obj):
    read.append(getattr(obj, "__name__", "?"))
    return original(obj)
inspect.getsource = getsource
import evaluator_app.ui.session_window
ours = sorted(name for name in read if name.startswith("evaluator_app"))
print("read:", ",".join(ours))
print("others:", len(read))
"""


def _child(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout


def test_the_meeting_windows_modules_are_not_read_by_pyside() -> None:
    out = _child(CHILD)
    assert "read: \n" in out, out


def test_without_the_answers_pyside_reads_them_as_before() -> None:
    """The check above can fail: with our answers taken out again, the sources are read."""
    forgotten = CHILD.replace(
        "import evaluator_app.ui.session_window",
        "import evaluator_app.ui\n"
        "known = sys.modules['shibokensupport.feature'].pyside_feature_dict\n"
        "for name in [n for n in known if n.startswith('evaluator_app.')]:\n"
        "    if name not in sys.modules:\n"
        "        del known[name]\n"
        "import evaluator_app.ui.session_window",
    )
    out = _child(forgotten)
    assert "evaluator_app.ui.navigator," in out, out
