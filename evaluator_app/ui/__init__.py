"""PySide6 widgets; the only layer that imports Qt."""

import os
import sys
from pathlib import Path

import PySide6.QtCore  # noqa: F401  (loads PySide6's __feature__ machinery)


def _spare_the_feature_scan() -> None:
    """Tell PySide6 beforehand what its import hook would find out the slow way.

    After PySide6 is loaded, every module named by an import statement is looked
    up once: its whole source is read (``inspect.getsource``) to see whether it
    says "PySide6", which decides whether ``from __feature__ import`` switching
    applies to it (0: uses PySide6, no feature; -1: ignore).  None of our modules
    selects a feature, so the answer never changes anything; reading the sources
    of the 150 modules the meeting window names cost 25-45 ms of every start
    from source (issue 9).  The answers are given here: 0 for this package's
    modules, -1 for those already loaded.  A PySide6 without that table (the
    hook is internal) is left to read the sources as before.
    """
    feature = sys.modules.get("shibokensupport.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(known, dict):
        return
    for name in list(sys.modules):
        if not name.startswith(("PySide6", "shiboken6", "evaluator_app")):
            known.setdefault(name, -1)
    package = Path(__file__).resolve().parent.parent
    top = len(str(package.parent)) + 1
    for folder, _dirs, files in os.walk(package):  # a frozen app has no sources here
        prefix = folder[top:].replace(os.sep, ".")
        for file in files:
            if file.endswith(".py"):
                name = file[:-3]
                known.setdefault(prefix if name == "__init__" else f"{prefix}.{name}", 0)


_spare_the_feature_scan()
