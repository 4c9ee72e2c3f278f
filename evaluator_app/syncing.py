"""Writing big files (bundles, evidence packs): many buffers in one call, and the
file made durable while it is still being written."""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Sequence

# The file's bytes and what finds them (its size, its blocks); fsync elsewhere.
fdatasync = getattr(os, "fdatasync", os.fsync)

IOV_MAX = 1024  # buffers per writev: POSIX's least limit (Linux's is 1,024 too)


def write_views(fd: int, views: Sequence[bytes | memoryview]) -> int:
    """Write every buffer in ``views``, in order, with as few calls as the system
    allows (``writev``: the GIL is held once per call, not once per buffer, and
    nothing is copied together first); the bytes written."""
    total = 0
    pending = list(views)
    while pending:
        batch = pending[:IOV_MAX]
        # Windows has no writev: one buffer per call there.
        written = os.writev(fd, batch) if hasattr(os, "writev") else os.write(fd, batch[0])
        if not written:
            raise OSError(errno.EIO, "no bytes written")
        total += written
        done = 0  # the buffers written whole; the unwritten rest of a buffer stays
        while done < len(batch) and written >= len(batch[done]):
            written -= len(batch[done])
            done += 1
        if written:
            pending[done] = pending[done][written:]
        del pending[:done]
    return total


class EarlySync:
    """A file on its way to the disk while it is still being written: a thread that
    fdatasyncs again once ``SYNC_EVERY`` more bytes have been written since it last
    started, so that the sync at the end waits only for the last few MiB (for the
    whole of a 200 MB bundle it took most of a second; issue 9).  Not after every
    file in it: each sync is a journal commit, and back to back they held up the
    writes (no clear gain over 32 MiB steps in back-to-back runs here).  A
    background sync's error is raised by ``join`` (Linux reports a failed
    write-back once: it must not be lost)."""

    SYNC_EVERY = 16 << 20

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._since = 0
        self._more = threading.Event()
        self._done = False
        self._thread: threading.Thread | None = None
        self._error: OSError | None = None

    def wrote(self, count: int) -> None:
        self._since += count
        if self._since < self.SYNC_EVERY:
            return
        self._since = 0
        if self._thread is None:
            self._thread = threading.Thread(target=self._sync, name="early-fsync", daemon=True)
            self._thread.start()
        self._more.set()  # the running sync, if any, is followed by one more

    def _sync(self) -> None:
        while True:
            self._more.wait()
            self._more.clear()
            if self._done:
                return
            try:
                fdatasync(self._fd)
            except OSError as error:
                self._error = self._error or error
                return

    def join(self) -> None:
        """Stop and wait for the sync in flight (before the file is closed or synced)."""
        self._done = True
        self._more.set()
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
