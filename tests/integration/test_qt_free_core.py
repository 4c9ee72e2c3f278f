"""The core works where Qt cannot be imported at all (DESIGN.md "Layers").

import-linter proves no core module imports Qt statically; this runs the core's
unit tests in a child interpreter where any import of PySide6 fails, so a lazy
or dynamic import would fail too.  CI also runs them in a venv without PySide6.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCK_QT = """
import sys
from importlib.abc import MetaPathFinder

class NoQt(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ModuleNotFoundError(f"No module named {name!r} (blocked for this test)")
        return None

sys.meta_path.insert(0, NoQt())
import pytest
sys.exit(pytest.main(["-q", "-p", "no:pytest-qt", "-p", "no:cacheprovider",
                      "-W", "ignore::pytest.PytestConfigWarning",
                      "-m", "not gui", "tests/unit"]))
"""


def test_core_unit_tests_pass_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout


def test_blocked_qt_really_is_unimportable() -> None:
    probe = BLOCK_QT.split("import pytest")[0] + "import PySide6\n"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0 and "blocked for this test" in result.stderr
