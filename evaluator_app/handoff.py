"""Python's lock handed over sooner, while a thread of ours streams evidence beside
Python work (a bundle import).

That thread releases the lock at every read, hash and write, and then waits for
it back; while the import's main thread runs Python, the wait lasts until the
interpreter's switch interval (5 ms) runs out, so the evidence went at a few
hundred files a second.  Alternated imports of the large benchmark session
(200 MB, 1,000 files), medians of five: 1.34 s at 5 ms, 1.15-1.18 s at
0.2-0.5 ms (issue 9).  The interval is the whole interpreter's, so it is only
shortened for as long as such work runs, and restored after the last of them.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

QUICK = 0.0002  # seconds

_lock = threading.Lock()
_inside = 0
_saved = 0.0


@contextmanager
def quick_handoff() -> Iterator[None]:
    """Shorten the switch interval to ``QUICK`` while inside (nested or from several
    threads: the first in saves it, the last out restores it)."""
    global _inside, _saved
    with _lock:
        if _inside == 0:
            _saved = sys.getswitchinterval()
            sys.setswitchinterval(min(_saved, QUICK))
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0:
                sys.setswitchinterval(_saved)
