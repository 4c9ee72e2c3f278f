"""Files that ship with the app: resources/ and the database/ migrations.

Both folders sit at the top of the repository and are mapped into the package
(``evaluator_app.resources``, ``evaluator_app.database``) when installed; the
frozen build puts them at the same package paths.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent


def _package_dir(name: str, repo_folder: str) -> Path:
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller: data files beside the code
    if frozen:
        return Path(frozen) / "evaluator_app" / name
    spec = importlib.util.find_spec(f"evaluator_app.{name}")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return _REPO / repo_folder  # running from a checkout without installing


def resources_dir() -> Path:
    return _package_dir("resources", "resources")


def migrations_dir() -> Path:
    return _package_dir("database", "database")


def shipped_frameworks_dir() -> Path:
    return resources_dir() / "frameworks"
