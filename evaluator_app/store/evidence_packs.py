"""Evidence packs: many evidence files in one file, as a bundle import brings them.

A pack is ``evidence/packs/<id>.pack``: the files' bytes back to back, then an
index of where each one lies (JSON), then a fixed footer that finds the index
and holds its SHA-256.  It is written under a temporary name, made durable,
and renamed into ``packs/`` whole: a pack is there complete or not at all, and
never changes after.  One sequential file instead of a thousand small ones: on
this project's test machine creating 1,000 empty files alone took 0.5 s, half
the time a 200 MB bundle import may take (issue 9).  Reading a packed file
checks its hash, as for a loose one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from evaluator_app.syncing import EarlySync, fdatasync, write_views

log = logging.getLogger(__name__)

PACKS = "packs"
SUFFIX = ".pack"
MAGIC = b"EVPACK1\n"
_FOOTER = struct.Struct("<8sQQ32s")  # magic, index offset, index length, its SHA-256
CHUNK = 1 << 20


@dataclass(frozen=True)
class Blob:
    """Where a stored file's bytes are: a loose file (offset 0) or a range of a pack."""

    path: Path
    offset: int
    size: int

    @property
    def packed(self) -> bool:
        return self.offset > 0  # a pack starts with its MAGIC

    def chunks(self, stream: BinaryIO) -> Iterator[bytes]:
        """Its bytes from ``stream`` (opened on ``path``), at most ``CHUNK`` at a time;
        a pack is not read past the blob, a loose file is read to its end."""
        stream.seek(self.offset)
        left = self.size if self.packed else -1
        while left:
            chunk = stream.read(CHUNK if left < 0 else min(left, CHUNK))
            if not chunk:
                return
            if left > 0:
                left -= len(chunk)
            yield chunk


class PackWriter:
    """A pack being written to ``fd``: ``write`` each file's bytes between ``begin``
    and ``end``, then ``finish``.  A chunk is kept as given, not copied, and written
    out with the others in one ``writev`` a few MiB at a time, or at ``release``:
    the caller keeps each chunk unchanged until it calls ``release`` (a bundle's
    reader does before it reads into a buffer again).  Copying the chunks together
    cost an import's evidence thread a sixth of a second of holding the GIL, and
    a write per file a wait for the GIL each (issue 9); an error to write may
    therefore come from a later call."""

    GATHER = 4 << 20

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._offset = 0  # the pack's length so far, pending bytes included
        self._pending: list[memoryview] = []
        self._waiting = 0  # bytes pending
        self._index: dict[str, tuple[int, int]] = {}
        self._sync = EarlySync(fd)
        self.write(MAGIC)

    def begin(self) -> int:
        return self._offset

    def write(self, chunk: bytes | memoryview) -> None:
        view = memoryview(chunk).cast("B")
        if view.nbytes:
            self._pending.append(view)
            self._waiting += view.nbytes
            self._offset += view.nbytes
        if self._waiting >= self.GATHER:
            self.release()

    def release(self) -> None:
        """Write out the pending chunks (their buffers may be reused after)."""
        if self._pending:
            pending, self._pending, self._waiting = self._pending, [], 0
            self._sync.wrote(write_views(self._fd, pending))

    def rewind(self, start: int) -> None:
        """Drop what was written since ``start`` (a file whose source failed)."""
        written = self._offset - self._waiting
        if start >= written:
            keep, left = [], start - written
            for view in self._pending:
                if left <= 0:
                    break
                keep.append(view[:left])
                left -= min(left, view.nbytes)
            self._pending, self._waiting = keep, start - written
        else:
            self._pending, self._waiting = [], 0
            os.ftruncate(self._fd, start)
            os.lseek(self._fd, start, os.SEEK_SET)
        self._offset = start

    def end(self, sha256: str, start: int) -> None:
        """The bytes written since ``start`` (``begin``) are the file ``sha256``."""
        self._index[sha256] = (start, self._offset - start)

    def __len__(self) -> int:
        return len(self._index)

    def finish(self) -> None:
        """The index and footer written, and the whole pack durable."""
        index = json.dumps({"files": self._index}, separators=(",", ":")).encode()
        start = self._offset
        self.write(index)
        self.write(_FOOTER.pack(MAGIC, start, len(index), hashlib.sha256(index).digest()))
        self.release()
        self._sync.join()
        fdatasync(self._fd)

    def abandon(self) -> None:
        """Stop the background syncing (the pack is going to be removed)."""
        with contextlib.suppress(OSError):
            self._sync.join()


def read_index(path: Path) -> dict[str, tuple[int, int]]:
    """A pack's index: SHA-256 to (offset, size).  ValueError if it is damaged."""
    with path.open("rb") as stream:
        end = stream.seek(0, os.SEEK_END)
        if end < len(MAGIC) + _FOOTER.size:
            raise ValueError("too short for a pack")
        stream.seek(end - _FOOTER.size)
        magic, start, length, digest = _FOOTER.unpack(stream.read(_FOOTER.size))
        if magic != MAGIC or start + length != end - _FOOTER.size:
            raise ValueError("no pack footer")
        stream.seek(start)
        index = stream.read(length)
    if hashlib.sha256(index).digest() != digest:
        raise ValueError("its index does not match its footer")
    files = json.loads(index)["files"]
    return {sha: (int(offset), int(size)) for sha, (offset, size) in files.items()}


class PackIndex:
    """Every pack's index, read once per pack and again only for a pack new since
    (another window's import); thread-safe (an import's reader thread asks too)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._read: set[str] = set()
        self._blobs: dict[str, Blob] = {}
        self._lock = threading.Lock()

    def find(self, sha256: str, *, look_again: bool = True) -> Blob | None:
        """The packed copy, if any; unless ``look_again`` is False, a miss reads the
        packs made since (a batch looks once at its start: not a listing per file)."""
        with self._lock:
            blob = self._blobs.get(sha256)
            if blob is None and look_again and self._refresh():
                blob = self._blobs.get(sha256)
            return blob

    def refresh(self) -> None:
        with self._lock:
            self._refresh()

    def _refresh(self) -> bool:
        """Read the packs not read yet; whether there were any."""
        try:
            names = {p.name for p in os.scandir(self.folder) if p.name.endswith(SUFFIX)}
        except OSError:  # no packs yet
            return False
        new = sorted(names - self._read)
        for name in new:
            path = self.folder / name
            self._read.add(name)  # complete once named: a damaged one stays damaged
            try:
                index = read_index(path)
            except (OSError, ValueError, KeyError, TypeError) as error:
                log.warning("evidence pack %s is unreadable: %s", path, error)
                continue
            for sha256, (offset, size) in index.items():
                self._blobs.setdefault(sha256, Blob(path, offset, size))
        return bool(new)
