"""The log file in the data folder: ``<data>/logs/evaluator.log``, rotated.

Nothing secret is logged: passphrases never reach a logger.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
from pathlib import Path
from typing import Any

LOG_FOLDER = "logs"
LOG_FILE = "evaluator.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file(data_dir: Path) -> Path:
    return data_dir / LOG_FOLDER / LOG_FILE


class _AppLogHandler(logging.handlers.RotatingFileHandler):
    """Marks the handler this module installed, so installing twice replaces it.

    Its files are the user's alone (0600 on POSIX), as the data folder is: a
    log names people, sessions and files.
    """

    def _open(self) -> Any:
        if os.name == "posix":
            # created private, before the stream opens it (rotation makes new ones)
            os.close(os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
            with contextlib.suppress(OSError):
                Path(self.baseFilename).chmod(0o600)
        return super()._open()


def install_log(data_dir: Path, level: int | str = logging.NOTSET) -> Path | None:
    """Send log records to the rotating log file; return its path.

    The root logger's level (``--log-level``) decides what is written; ``level``
    can narrow it further.

    A folder that cannot be written means no log file (None), never a failure to start.
    """
    path = log_file(data_dir)
    root = logging.getLogger()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handler = _AppLogHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger(__name__).warning("no log file at %s: %s", path, error)
        return None
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(_FORMAT))
    for old in [h for h in root.handlers if isinstance(h, _AppLogHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    return path
