"""Write a file all at once or not at all (temporary file in the same folder, then rename)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from evaluator_app.i18n import _, os_reason
from evaluator_app.signing.errors import OutputError


def write_atomically(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` via a temporary sibling and ``os.replace``.

    ``mode`` defaults to the existing file's permissions, or 0o644 for a new file.

    On any failure the temporary file is removed and ``OutputError`` says which
    file could not be written; an existing ``path`` is left untouched.
    """
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(
            _("cannot write {path}: {reason}").format(path=path, reason=_reason(exc))
        ) from exc
    tmp = Path(tmp_name)
    if mode is None:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(mode)
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputError(
            _("cannot write {path}: {reason}").format(path=path, reason=_reason(exc))
        ) from exc


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return _("the folder does not exist")
    if isinstance(exc, PermissionError):
        return _("the folder is not writable")
    return os_reason(exc)
