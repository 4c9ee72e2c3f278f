"""Making a big file durable while it is still being written (bundles, evidence packs)."""

from __future__ import annotations

import os
import threading

# The file's bytes and what finds them (its size, its blocks); fsync elsewhere.
fdatasync = getattr(os, "fdatasync", os.fsync)


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
