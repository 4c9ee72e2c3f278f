"""Evidence files by SHA-256, beside the database: ``evidence/ab/cdef…``.

A file is written to a temporary name, flushed to disk and renamed, so it is
either whole or absent.  Reading checks the hash: a changed or missing file is
reported, never served.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import queue
import tempfile
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from evaluator_app.i18n import _

CHUNK = 1 << 20
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

    The guarantees are ``put_stream``'s: a file gets its name only once its content
    is on disk, and ``commit`` returns only once the names are on disk too, so a
    database change made after it never refers to a missing or partial file.  Only
    the waiting is shared: the files are created and written by a thread of their
    own while the caller reads and checks the next bytes (creating 1,000 files took
    a second of the kernel's time on a busy machine), and fsynced, one per file and
    per directory as before, up to ``SYNC_THREADS`` at a time (a bundle of 1,000
    files waited for 2,000 fsyncs one by one; issue 9).  A failure to write is
    raised by ``commit``.
    """

    QUEUED = 16  # chunks handed to the writing thread and not yet written (16 MiB)

    def __init__(self, store: EvidenceStore) -> None:
        self._store = store
        self._pending: list[tuple[Path, str, int]] = []  # temporary file, sha256, size
        self._synced: list[Future[None]] = []
        self._pool = ThreadPoolExecutor(SYNC_THREADS, thread_name_prefix="evidence-fsync")
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue(self.QUEUED)
        self._writer: threading.Thread | None = None
        self._failed: BaseException | None = None

    def __enter__(self) -> IncomingFiles:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.discard()

    def add(self, sha256: str, chunks: Iterable[bytes]) -> int:
        """Write ``chunks`` under a temporary name; the caller vouches (and checks, as
        the bytes go by) that they hash to ``sha256``.  Their size."""
        self._store.path_for(sha256)  # a well-formed digest, or ValueError
        if self._writer is None:
            self._store.root.mkdir(parents=True, exist_ok=True)
            self._writer = threading.Thread(target=self._write, name="evidence-writer", daemon=True)
            self._writer.start()
        self._queue.put(("open", sha256))
        size = 0
        try:
            for chunk in chunks:
                size += len(chunk)
                if self._failed is None:  # else only read on: commit says why
                    self._queue.put(("data", chunk))
        except BaseException:
            self._queue.put(("drop", None))
            raise
        self._queue.put(("close", size))
        return size

    def _write(self) -> None:
        """The writing thread: the files in ``add``'s order, each then fsynced."""
        out: BinaryIO | None = None
        temp: Path | None = None
        sha256 = ""
        while True:
            kind, value = self._queue.get()
            if kind == "stop":
                return
            if self._failed is not None:
                continue
            try:
                if kind == "open":
                    fd, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=self._store.root)
                    temp, sha256 = Path(temp_name), str(value)
                    out = os.fdopen(fd, "wb")
                elif kind == "data":
                    assert out is not None
                    out.write(value)
                elif out is not None and temp is not None:
                    out.close()
                    out = None
                    if kind == "close":
                        self._pending.append((temp, sha256, value))
                        self._synced.append(self._pool.submit(_fsync_path, temp))
                    else:  # "drop": the caller stopped in the middle of a file
                        temp.unlink(missing_ok=True)
                    temp = None
            except BaseException as error:  # kept for commit; the files go with discard
                self._failed = error
                if out is not None:
                    with contextlib.suppress(OSError):
                        out.close()
                if temp is not None:
                    temp.unlink(missing_ok=True)
                out, temp = None, None

    def _stop_writer(self) -> None:
        if self._writer is not None:
            self._queue.put(("stop", None))
            self._writer.join()
            self._writer = None

    def commit(self) -> list[StoredFile]:
        """Every file added, durable under its own name (an existing copy is kept)."""
        self._stop_writer()
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
        self._stop_writer()
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
