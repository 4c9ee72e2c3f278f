"""Python's cyclic garbage collector held back while a bundle is written or read.

Exporting or importing a large session builds some 50,000 short-lived dicts and
models (its rows, their JSON, the checked schema).  Alive across many
allocations, they were promoted to the oldest generation and set off a full
collection of the whole heap: 0.2–0.3 s of a large export (issue 9).  Held back,
they are freed by reference counting when the work ends, never scanned; the
collector runs again as usual afterwards, cycles made meanwhile included.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cyclic collection inside the block (nested or from several
    threads: the collector is enabled again when the last block ends, if it was
    enabled when the first began)."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
