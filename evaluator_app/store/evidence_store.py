"""Evidence files by SHA-256, beside the database: ``evidence/ab/cdef…``.

A file is written to a temporary name, flushed to disk and renamed, so it is
either whole or absent.  Reading checks the hash: a changed or missing file is
reported, never served.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from evaluator_app.i18n import _
from evaluator_app.store.evidence_packs import PACKS, SUFFIX, Blob, PackIndex, PackWriter

CHUNK = 1 << 20
_DIGEST = re.compile(r"[0-9a-f]{64}")


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
    """Many files coming in at once (a bundle's evidence): written now into one
    evidence pack under a temporary name, made durable and visible together by
    ``commit``; ``discard`` (or leaving the ``with`` block without a commit)
    removes what was not committed.

    Durability: the pack gets its name only once all of it is on disk (synced in
    the background as it grows, so the last sync waits for the tail only), and
    ``commit`` returns only once the name is on disk too, so a database change
    committed after it never refers to a missing or torn file.  ``add`` runs in
    the caller's thread (the bundle reader's own, while the import checks the
    trail and prepares its rows; issue 9).  A file the store has intact already
    is hashed by the caller as ever but not written again.  A failure to write is
    kept and raised by ``commit`` (the bytes are still read and checked to the end).
    """

    def __init__(self, store: EvidenceStore) -> None:
        self._store = store
        self._stored: dict[str, int] = {}  # sha256: size, in the order added
        self._temp: Path | None = None
        self._fd = -1
        self._pack: PackWriter | None = None
        self._failed: BaseException | None = None
        store.packs.refresh()
        # Listed once: a stat per file cost the reader thread a wait for the GIL
        # each, 0.1-0.3 s of a 1,000-file import (issue 9).  A file another window
        # adds meanwhile is written again here, which is harmless.
        self._loose = store.loose_files()

    def __enter__(self) -> IncomingFiles:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.discard()

    def add(self, sha256: str, chunks: Iterable[bytes | memoryview]) -> int:
        """Write ``chunks`` into the pack; the caller vouches (and checks, as the
        bytes go by) that they hash to ``sha256``.  Their size.  The chunks are
        kept as given until ``release``: the caller changes none of them before."""
        here = (
            sha256 in self._stored
            or (sha256 in self._loose and self._store.has(sha256, look_again=False))
            or self._store.packs.find(sha256, look_again=False) is not None
        )
        pack = None if here else self._open()
        start = pack.begin() if pack is not None else 0
        size = 0
        try:
            for chunk in chunks:
                size += len(chunk)
                if pack is not None:
                    try:
                        pack.write(chunk)
                    except OSError as error:  # e.g. the disk is full: read on, commit says
                        self._failed = self._failed or error
                        pack = None
        except BaseException:
            if pack is not None:
                pack.rewind(start)
            raise
        if pack is not None:
            pack.end(sha256, start)
        self._stored[sha256] = size
        return size

    def release(self) -> None:
        """Write out the chunks added so far: their buffers may be used again."""
        if self._pack is not None and self._failed is None:
            try:
                self._pack.release()
            except OSError as error:  # as in add: read on, commit says
                self._failed = error

    def _open(self) -> PackWriter | None:
        """The pack being written, begun on the first new file; None once writing failed."""
        if self._failed is not None:
            return None
        if self._pack is None:
            try:
                self._store.root.mkdir(parents=True, exist_ok=True)
                fd, temp_name = tempfile.mkstemp(
                    prefix=".incoming-", suffix=SUFFIX, dir=self._store.root
                )
            except OSError as error:
                self._failed = error
                return None
            self._fd, self._temp = fd, Path(temp_name)
            try:
                self._pack = PackWriter(fd)
            except OSError as error:
                self._failed = error
                return None
        return self._pack

    def commit(self) -> list[StoredFile]:
        """Every file added, durable under the store (an intact copy there is kept)."""
        if self._failed is not None:
            raise self._failed
        if self._pack is not None and self._temp is not None and len(self._pack):
            self._pack.finish()
            self._pack = None
            os.close(self._fd)
            self._fd = -1
            folder = self._store.root / PACKS
            made = not folder.is_dir()
            folder.mkdir(exist_ok=True)
            self._temp.replace(folder / (uuid.uuid4().hex + SUFFIX))
            self._temp = None
            if os.name != "nt":
                _fsync_path(folder)
                if made:
                    _fsync_path(self._store.root)
        self.discard()  # a pack begun but left empty, if any
        return [StoredFile(sha256, size) for sha256, size in self._stored.items()]

    def discard(self) -> None:
        """Remove what was not committed (a bundle refused after its evidence was read)."""
        if self._pack is not None:
            self._pack.abandon()
            self._pack = None
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        if self._temp is not None:
            self._temp.unlink(missing_ok=True)
            self._temp = None


class EvidenceStore:
    """Loose files ``ab/cdef…`` (attached here) and packs (imported; ``evidence_packs``)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.packs = PackIndex(root / PACKS)

    def path_for(self, sha256: str) -> Path:
        if _DIGEST.fullmatch(sha256) is None:
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root.joinpath(sha256[:2], sha256[2:])

    def loose_files(self) -> set[str]:
        """The SHA-256 of every loose file here (unchecked), from one listing."""
        found: set[str] = set()
        try:
            folders = [e for e in os.scandir(self.root) if len(e.name) == 2 and e.is_dir()]
        except OSError:  # no store yet
            return found
        for folder in folders:
            with contextlib.suppress(OSError), os.scandir(folder) as entries:
                found.update(folder.name + entry.name for entry in entries)
        return {name for name in found if _DIGEST.fullmatch(name)}

    def incoming(self) -> IncomingFiles:
        """A batch of files to add together (see ``IncomingFiles``)."""
        return IncomingFiles(self)

    def put_file(self, source: Path) -> StoredFile:
        with source.open("rb") as stream:
            return self.put_stream(stream)

    def put_stream(self, stream: BinaryIO) -> StoredFile:
        """Copy a stream in, hashing as it goes; an existing copy is kept as is."""
        return self._put(iter(lambda: stream.read(CHUNK), b""))

    def _put(self, chunks: Iterable[bytes]) -> StoredFile:
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        temp = Path(temp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
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
        return EvidenceStore._hash_of_blob(Blob(path, 0, -1))

    @staticmethod
    def _hash_of_blob(blob: Blob) -> str:
        digest = hashlib.sha256()
        with blob.path.open("rb") as stream:
            for chunk in blob.chunks(stream):
                digest.update(chunk)
        return digest.hexdigest()

    def has(self, sha256: str, *, look_again: bool = True) -> bool:
        """Whether an intact copy is here (a packed one is trusted: packs never change)."""
        self.path_for(sha256)  # a well-formed digest, or ValueError
        # Not a Path: made for each of a bundle's 1,000s of files (issue 9).
        loose = os.path.join(self.root, sha256[:2], sha256[2:])  # noqa: PTH118
        if os.path.isfile(loose) and self._hash_of(Path(loose)) == sha256:  # noqa: PTH113
            return True
        return self.packs.find(sha256, look_again=look_again) is not None

    def locate(self, sha256: str) -> Blob | None:
        """Where the file's bytes are, unchecked (the reader hashes them as it goes):
        the loose file if there is one, else its place in a pack."""
        loose = self.path_for(sha256)
        try:
            return Blob(loose, 0, loose.stat().st_size)
        except OSError:
            return self.packs.find(sha256)

    def _intact(self, sha256: str) -> Blob:
        """An intact copy: the loose file, else the packed one; else EvidenceFileError."""
        loose = self.path_for(sha256)
        exists = loose.is_file()
        if exists and self._hash_of(loose) == sha256:
            return Blob(loose, 0, loose.stat().st_size)
        packed = self.packs.find(sha256)
        if packed is not None and self._hash_of_blob(packed) == sha256:
            return packed
        if exists or packed is not None:  # where the changed copy is, to look at it
            where = loose if exists or packed is None else packed.path
            raise EvidenceFileError(sha256, where, _("the file was changed after it was stored"))
        raise EvidenceFileError(sha256, loose, _("the file is missing"))

    def verify(self, sha256: str) -> None:
        """EvidenceFileError unless an intact copy is here."""
        self._intact(sha256)

    def check(self, sha256: str) -> Path:
        """A file of the content, proven to match (to open or copy out); a packed one
        is first put back as a loose file."""
        blob = self._intact(sha256)
        if not blob.packed:
            return blob.path
        with blob.path.open("rb") as stream:
            stored = self._put(blob.chunks(stream))
        if stored.sha256 != sha256:  # changed between the check and the copy
            raise EvidenceFileError(sha256, blob.path, _("the file changed while read"))
        return self.path_for(sha256)

    def read_bytes(self, sha256: str) -> bytes:
        blob = self._intact(sha256)
        with blob.path.open("rb") as stream:
            data = b"".join(blob.chunks(stream))
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
