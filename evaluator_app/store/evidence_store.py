"""Evidence files by SHA-256, beside the database: ``evidence/ab/cdef…``.

A file is written to a temporary name, flushed to disk and renamed, so it is
either whole or absent.  Reading checks the hash: a changed or missing file is
reported, never served.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from evaluator_app.i18n import _

CHUNK = 1 << 20
# The file's bytes and what finds them (its size, its blocks); fsync elsewhere.
_fdatasync = getattr(os, "fdatasync", os.fsync)
SYNC_THREADS = 8  # fsyncs in flight at once: the disk commits them together


class EvidenceFileError(RuntimeError):
    """An evidence file is missing or no longer matches its hash."""

    def __init__(self, sha256: str, path: Path, problem: str) -> None:
        self.sha256 = sha256
        self.path = path
        self.problem = problem
        super().__init__(f"evidence file {sha256[:12]}… at {path}: {problem}")


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    _fsync_path(path)


def _fdatasync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        _fdatasync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, chunk: bytes | memoryview) -> None:
    view = memoryview(chunk)
    while view:
        view = view[os.write(fd, view) :]


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class IncomingFiles:
    """Many files coming in at once (a bundle's evidence): written now under temporary
    names, made durable and visible together by ``commit``; ``discard`` (or leaving
    the ``with`` block without a commit) removes what was not committed.

    Durability: a file gets its name only once its content is on disk, and
    ``commit`` returns only once the names are on disk too, so a database change
    committed after it never refers to a missing or torn file.  The waiting is
    spread out instead of paid at the end: each file is written by ``add`` in the
    caller's thread (the bundle reader's own, while the import checks the trail and
    prepares its rows; issue 9) and handed at once to a pool of ``SYNC_THREADS``
    threads that ``fdatasync`` it (its bytes and the size that finds them) while
    the next one is written; ``commit`` waits for those, renames, and fsyncs each
    folder that got a name.  One ``syncfs`` at the end would cost fewer calls, but
    it waits for every dirty file of the whole file system (other programs', a
    backup being copied) and reports their errors as ours; per file, the disk
    commits the concurrent flushes together anyway.  A failure to write is kept
    and raised by ``commit`` (the bytes are still read and checked to the end).
    """

    def __init__(self, store: EvidenceStore) -> None:
        self._store = store
        self._pending: list[tuple[Path, str, int]] = []  # temporary file, sha256, size
        self._synced: list[Future[None]] = []
        self._pool = ThreadPoolExecutor(SYNC_THREADS, thread_name_prefix="evidence-fsync")
        self._root_made = False
        self._failed: BaseException | None = None

    def __enter__(self) -> IncomingFiles:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.discard()

    def add(self, sha256: str, chunks: Iterable[bytes | memoryview]) -> int:
        """Write ``chunks`` under a temporary name; the caller vouches (and checks, as
        the bytes go by) that they hash to ``sha256``.  Their size.  Each chunk is
        written before the next is asked for (it may be a reused buffer)."""
        self._store.path_for(sha256)  # a well-formed digest, or ValueError
        fd, temp = self._create()
        size = 0
        try:
            for chunk in chunks:
                size += len(chunk)
                if fd >= 0:
                    try:
                        _write_all(fd, chunk)
                    except OSError as error:  # e.g. the disk is full: read on, commit says
                        self._failed = self._failed or error
                        os.close(fd)
                        fd = -1
        except BaseException:
            if fd >= 0:
                os.close(fd)
            if temp is not None:
                temp.unlink(missing_ok=True)
            raise
        if fd >= 0 and temp is not None:
            os.close(fd)
            self._pending.append((temp, sha256, size))
            self._synced.append(self._pool.submit(_fdatasync_path, temp))
        elif temp is not None:
            temp.unlink(missing_ok=True)
        return size

    def _create(self) -> tuple[int, Path | None]:
        """A new temporary file, or (-1, None) once writing has failed."""
        if self._failed is not None:
            return -1, None
        try:
            if not self._root_made:
                self._store.root.mkdir(parents=True, exist_ok=True)
                self._root_made = True
            fd, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=self._store.root)
        except OSError as error:
            self._failed = error
            return -1, None
        return fd, Path(temp_name)

    def commit(self) -> list[StoredFile]:
        """Every file added, durable under its own name (an existing copy is kept)."""
        if self._failed is not None:
            raise self._failed
        for synced in self._synced:
            synced.result()  # content on disk before any name points at it
        folders: set[Path] = set()
        made: set[Path] = set()  # folders made here: nothing in them to compare with
        stored = []
        for temp, sha256, size in self._pending:
            target = self._store.path_for(sha256)
            folder = target.parent
            if folder not in made and target.exists() and self._store._hash_of(target) == sha256:
                temp.unlink()
            else:
                if folder not in folders and not folder.is_dir():
                    folder.mkdir(exist_ok=True)
                    made.add(folder)
                temp.replace(target)
                folders.add(folder)
            stored.append(StoredFile(sha256, size))
        self._pending = []
        if made:
            folders.add(self._store.root)
        if os.name != "nt":
            for done in [self._pool.submit(_fsync_path, folder) for folder in folders]:
                done.result()
        return stored

    def discard(self) -> None:
        """Remove the files not committed (a bundle refused after its evidence was read)."""
        for synced in self._synced:
            synced.exception()  # let every fsync finish before its file goes
        for temp, _sha256, _size in self._pending:
            temp.unlink(missing_ok=True)
        self._pending = []
        self._synced = []
        self._pool.shutdown(wait=True)


class EvidenceStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:]

    def incoming(self) -> IncomingFiles:
        """A batch of files to add together (see ``IncomingFiles``)."""
        return IncomingFiles(self)

    def put_file(self, source: Path) -> StoredFile:
        with source.open("rb") as stream:
            return self.put_stream(stream)

    def put_stream(self, stream: BinaryIO) -> StoredFile:
        """Copy a stream in, hashing as it goes; an existing copy is kept as is."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        temp = Path(temp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha256 = digest.hexdigest()
            target = self.path_for(sha256)
            if target.exists() and self._hash_of(target) == sha256:
                temp.unlink()
            else:
                target.parent.mkdir(exist_ok=True)
                temp.replace(target)
                _fsync_dir(target.parent)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return StoredFile(sha256, size)

    @staticmethod
    def _hash_of(path: Path) -> str:
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
        return digest.hexdigest()

    def check(self, sha256: str) -> Path:
        """The file's path once its content is proven to match; else EvidenceFileError."""
        path = self.path_for(sha256)
        if not path.is_file():
            raise EvidenceFileError(sha256, path, _("the file is missing"))
        if self._hash_of(path) != sha256:
            raise EvidenceFileError(sha256, path, _("the file was changed after it was stored"))
        return path

    def read_bytes(self, sha256: str) -> bytes:
        data = self.check(sha256).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:  # changed between check and read
            raise EvidenceFileError(sha256, self.path_for(sha256), _("the file changed while read"))
        return data

    def remove_stale_temporaries(self, older_than: float = 3600.0) -> int:
        """Delete the ``.incoming-*`` files a crash left behind; return how many.

        Only those untouched for ``older_than`` seconds: a younger one may be
        another window's copy in progress.  Never served as content either way.
        """
        if not self.root.is_dir():
            return 0
        cutoff = time.time() - older_than
        removed = 0
        for path in self.root.glob(".incoming-*"):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
        return removed
