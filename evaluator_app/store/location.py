"""Where the data lives: --data-dir, then EVALUATOR_DATA_DIR, then the platform's folder."""

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
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
