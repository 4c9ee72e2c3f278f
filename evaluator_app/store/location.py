"""Where the data lives: --data-dir, then EVALUATOR_DATA_DIR, then the folder chosen in
the preferences (first run or settings), then the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "EVALUATOR_DATA_DIR"
APP_NAME = "Evaluator"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    from evaluator_app import preferences

    chosen = preferences.read(preferences.DATA_DIR).strip()
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
