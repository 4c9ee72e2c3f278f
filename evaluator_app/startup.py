"""Starting fast: the cyclic garbage collector waits until the window is up.

Start-up creates a few hundred thousand objects that live as long as the app
(Qt bindings, SQLAlchemy's mappings and compiled statements, pydantic models,
the windows).  With the collector on, every few thousand new objects it walks
them all again: a third of the start's CPU time here (issue 9).  So collection
pauses while starting; when the window shows, what start-up made is frozen out
of later collections (``gc.freeze``), which also keeps those collections short
during the meeting.
"""

from __future__ import annotations

import gc


def pause_collection() -> None:
    gc.disable()


def resume_collection() -> None:
    """Collect again, leaving out everything made so far (it stays until exit)."""
    gc.freeze()
    gc.enable()
