"""When Python's cyclic garbage collector runs: not while starting, not while a
bundle is written or read.

Start-up creates a few hundred thousand objects that live as long as the app
(Qt bindings, SQLAlchemy's mappings and compiled statements, pydantic models,
the windows); with the collector on, every few thousand new objects it walked
them all again, a third of the start's CPU time (issue 9).  So collection pauses
while starting, and when the window shows, what start-up made is frozen out of
later collections (``gc.freeze``), which also keeps those short in a meeting.

Exporting or importing a large session builds some 50,000 short-lived dicts and
models; alive across many allocations, they set off full collections of the
whole heap (0.2–0.3 s of a large export).  Held back, they are freed by
reference counting when the work ends; the collector runs again afterwards,
cycles made meanwhile included.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0  # paused() blocks open
_enabled_after = False  # whether the collector runs again when the last block ends


@contextmanager
def paused() -> Iterator[None]:
    """No automatic cyclic collection inside the block (nested or from several
    threads: the collector runs again when the last block ends, if it ran when
    the first began)."""
    global _holders, _enabled_after
    with _lock:
        if _holders == 0:
            _enabled_after = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _enabled_after:
                gc.enable()


def pause_for_start() -> None:
    gc.disable()


def resume_after_start() -> None:
    """Collect again, leaving out everything made so far (it stays until exit)."""
    global _enabled_after
    gc.freeze()
    with _lock:
        if _holders:
            _enabled_after = True  # when the open blocks end
        else:
            gc.enable()
