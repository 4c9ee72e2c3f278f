"""Where the data lives: --data-dir, then EVALUATOR_DATA_DIR, then the folder chosen in
the preferences (first run or settings), then the platform's user data folder."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

ENV_VAR = "EVALUATOR_DATA_DIR"
APP_NAME = "Evaluator"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    # Absolute, so that file URIs (the read-only look before opening) and paths
    # in messages do not depend on the working folder.
    if override:
        return Path(override).expanduser().absolute()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser().absolute()
    from evaluator_app import preferences

    chosen = preferences.read(preferences.DATA_DIR).strip()
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


# --- privacy ------------------------------------------------------------------
# The data folder holds the meetings' records, evidence and signing keys: on
# POSIX it is the user's alone (0700), and the database is created 0600 (SQLite
# gives its -wal and -shm files the database file's mode).

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def make_private_folder(path: Path) -> Path:
    """Create ``path`` (with its parents) and make it private to the user on POSIX.

    An existing folder of this user that others can enter is tightened (best
    effort: a read-only folder stays as it is, and says so when written to).
    """
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    _tighten(path, PRIVATE_FOLDER)
    return path


def _tighten(path: Path, mode: int) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        info = path.stat()
        if info.st_mode & 0o077 and info.st_uid == os.getuid():
            path.chmod(mode)


def make_private_file(path: Path) -> None:
    """Create ``path`` empty and private (0600) unless it exists; tighten it if it does."""
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        _tighten(path, PRIVATE_FILE)
    except OSError:
        return  # e.g. a read-only folder: opening the database will say what is wrong
    else:
        os.close(fd)
