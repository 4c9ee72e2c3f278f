"""Evidence files by SHA-256, beside the database: ``evidence/ab/cdef…``.

A file is written to a temporary name, flushed to disk and renamed, so it is
either whole or absent.  Reading checks the hash: a changed or missing file is
reported, never served.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from evaluator_app.i18n import _

CHUNK = 1 << 20


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
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class EvidenceStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:]

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
