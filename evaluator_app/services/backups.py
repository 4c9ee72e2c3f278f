"""Copies of the database that can be restored: by hand, at sign-off, once a day.

Backups use SQLite's online backup API, so they are consistent while the app
runs (WAL included).  Automatic ones (``daily``, ``signoff``) live in
``<data>/backups`` and only the newest few are kept: the preference
``data/keep_automatic_backups`` (``preferences.KEEP_BACKUPS``, 10 unless set,
at least 1); manual ones and the copies made before a schema migration are
never deleted.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import re
import sqlite3
from pathlib import Path

from evaluator_app import preferences
from evaluator_app.i18n import _
from evaluator_app.services.errors import InvalidInput, StorageError
from evaluator_app.services.operation import Context
from evaluator_app.store.engine import DATABASE_FILE
from evaluator_app.store.location import make_private_file, make_private_folder
from evaluator_app.store.migrations import KNOWN_REVISIONS

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"
KEEP_AUTOMATIC = 10
AUTOMATIC_REASONS = ("daily", "signoff")
_NAME = re.compile(r"^evaluator-(\d{8})-(\d{6})-([a-z-]+?)(?:-\d+)?\.sqlite$")


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER


def _storage_error(error: BaseException, target: Path) -> StorageError:
    """A message that says why a backup could not be written."""
    code = getattr(error, "errno", None)
    text = str(error)
    if code == errno.ENOSPC or "full" in text:
        return StorageError(
            _("the disk is full: {target} could not be written; free some space").format(
                target=target
            )
        )
    if code in (errno.EACCES, errno.EPERM, errno.EROFS) or "unable to open" in text:
        return StorageError(
            _(
                "{parent} cannot be written to; choose another folder or check its permissions"
            ).format(parent=target.parent)
        )
    return StorageError(_("{target} could not be written: {text}").format(target=target, text=text))


def _copy_database(source: Path, target: Path, *, read_only: bool = False) -> None:
    """Copy a SQLite database with the online backup API, via a ``.partial`` file."""
    partial = target.with_name(target.name + ".partial")
    try:
        make_private_folder(target.parent)
        uri = f"{source.resolve().as_uri()}?mode=ro" if read_only else str(source)
        src = sqlite3.connect(uri, uri=read_only)
        try:
            make_private_file(partial)  # a copy of the data is as private as the data
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                # The copy stands alone: no -wal file beside it.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _stamped_path(folder: Path, reason: str, now: dt.datetime | None = None) -> Path:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    path = folder / f"evaluator-{stamp}-{reason}.sqlite"
    count = 2
    while path.exists():
        path = folder / f"evaluator-{stamp}-{reason}-{count}.sqlite"
        count += 1
    return path


def back_up(ctx: Context, out: Path | None = None, reason: str = "manual") -> Path:
    """Copy the live database to ``out`` or a stamped file in the backups folder."""
    source = ctx.store.database_file
    target = out if out is not None else _stamped_path(backups_dir(ctx.store.data_dir), reason)
    if not source.is_file():
        raise StorageError(
            _("there is no database file to back up at {source}").format(source=source)
        )
    if target.resolve() == source.resolve():
        raise InvalidInput(_("a backup cannot overwrite the database itself; choose another file"))
    try:
        _copy_database(source, target)
    except (OSError, sqlite3.Error) as error:
        raise _storage_error(error, target) from None
    log.info("backed up the database to %s (%s)", target, reason)
    return target


def automatic_backups(folder: Path) -> list[Path]:
    """The automatic backups in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and match.group(3) in AUTOMATIC_REASONS:
            found.append(path)
    return sorted(found, key=lambda path: (path.stat().st_mtime_ns, path.name))


def kept_automatic() -> int:
    """How many automatic backups to keep: the user's preference, at least one."""
    return preferences.read_int(preferences.KEEP_BACKUPS, minimum=1)


def rotate(folder: Path, keep: int = KEEP_AUTOMATIC) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; return those deleted."""
    old = automatic_backups(folder)
    doomed = old[: max(len(old) - keep, 0)]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def automatic_backup(ctx: Context, reason: str, keep: int | None = None) -> Path | None:
    """An automatic backup, then rotation; a failure is logged, never raised.

    It runs after the work is saved, so failing to copy must not look like
    failing to save.  ``keep``: None means the preference (``kept_automatic``).
    """
    if keep is None:
        keep = kept_automatic()
    try:
        path = back_up(ctx, reason=reason)
        rotate(backups_dir(ctx.store.data_dir), keep)
    except StorageError as error:
        log.warning("automatic %s backup failed: %s", reason, error)
        return None
    return path


def daily_backup(ctx: Context, keep: int | None = None) -> Path | None:
    """Back up once a day of use: skipped when today's daily backup exists."""
    today = dt.datetime.now().strftime("%Y%m%d")
    for path in automatic_backups(backups_dir(ctx.store.data_dir)):
        match = _NAME.match(path.name)
        if match and match.group(1) == today and match.group(3) == "daily":
            return None
    return automatic_backup(ctx, "daily", keep)


def check_backup(path: Path) -> str:
    """Refuse a file that is not a sound Evaluator database; return its schema revision."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise InvalidInput(
            _("{path} cannot be opened: {error}").format(path=path, error=error)
        ) from None
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()
        if not integrity or integrity[0] != "ok":
            raise InvalidInput(
                _("{path} is damaged ({detail})").format(
                    path=path, detail=integrity[0] if integrity else "no answer"
                )
            )
        has_version = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_version:
            raise InvalidInput(_("{path} is not an Evaluator database").format(path=path))
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as error:
        raise InvalidInput(
            _("{path} is not an Evaluator database or is damaged ({error})").format(
                path=path, error=error
            )
        ) from None
    finally:
        connection.close()
    if not row or row[0] not in KNOWN_REVISIONS:
        raise InvalidInput(
            _("{path} has schema {schema}, which this version of Evaluator does not know").format(
                path=path, schema=row[0] if row else "none"
            )
        )
    return str(row[0])


def restore(data_dir: Path, backup_file: Path) -> Path | None:
    """Replace the database with ``backup_file``; return the safety copy of the old one.

    The app must be closed.  The file is checked and copied next to the
    database first, so a bad file changes nothing; the old database is copied
    to the backups folder before the copy is renamed into its place.
    """
    if not backup_file.is_file():
        raise InvalidInput(_("{backup_file} does not exist").format(backup_file=backup_file))
    database = data_dir / DATABASE_FILE
    staged = data_dir / (DATABASE_FILE + ".restoring")
    try:
        _copy_database(backup_file, staged, read_only=True)
    except sqlite3.Error as error:
        raise InvalidInput(
            _("{backup_file} is not an Evaluator database ({error})").format(
                backup_file=backup_file, error=error
            )
        ) from None
    except OSError as error:
        raise _storage_error(error, staged) from None
    safety = None
    try:
        check_backup(staged)
        if database.exists():
            safety = _stamped_path(backups_dir(data_dir), "before-restore")
            try:
                _copy_database(database, safety)
                # Fold the write-ahead log into the file, so that no stale log
                # is left to be replayed onto the restored database.
                connection = sqlite3.connect(database)
                try:
                    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    connection.close()
            except (OSError, sqlite3.Error) as error:
                raise _storage_error(error, safety) from None
        for sidecar in ("-wal", "-shm"):
            Path(str(database) + sidecar).unlink(missing_ok=True)
        staged.replace(database)
    finally:
        staged.unlink(missing_ok=True)
    log.info("restored the database from %s (old one kept in %s)", backup_file, safety)
    return safety
