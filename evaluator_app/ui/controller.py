"""The open session as the widgets share it: who calls the services, what is current.

Widgets never call the ORM and rarely call services directly: they go through
``SessionController.call``, which runs the service, turns a refusal into a
message people can read, and tells every view that the data changed so that
each reloads what it shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from evaluator_app.domain.framework import Framework
from evaluator_app.services.errors import ServiceError
from evaluator_app.services.history import YearOverYear, year_over_year
from evaluator_app.services.operation import Context
from evaluator_app.services.sessions import SessionOverview
from evaluator_app.services.walkthrough import IndicatorState, meeting_state
from evaluator_app.ui.autosave import typing_pending


class SessionController(QObject):
    changed = Signal()  # something in the session changed: reload what you show
    current_changed = Signal(str)  # the indicator under discussion (its code)
    saved = Signal(object)  # datetime of the last stored change
    failed = Signal(str)  # a refused operation, in words for people
    # Store unfinished typing now (before switching): said when a field holds some.
    flush_requested = Signal()

    def __init__(
        self, ctx: Context, session_id: str, language: str = "id", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.language = language
        self.overview: SessionOverview
        self.states: dict[str, IndicatorState]
        self.overview, self.states = meeting_state(ctx, session_id, language)
        self.session_id = self.overview.id
        self.current: str | None = None
        self._earlier: tuple[YearOverYear | None] | None = None  # read once, when first asked

    @property
    def framework(self) -> Framework:
        return self.overview.framework

    @property
    def read_only(self) -> bool:
        """A signed session is shown, never changed (the services refuse it too)."""
        return self.overview.status == "signed"

    def text(self, value: Any) -> str:
        """A framework text (LocalText) in the interface language; '' for None."""
        return "" if value is None else str(value.get(self.language))

    def call(self, service: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run ``service(ctx, *args, **kwargs)``; on refusal say why and return None."""
        refusal, result = self.call_quietly(service, *args, **kwargs)
        if refusal is not None:
            self.failed.emit(refusal)
        return result

    def call_quietly(
        self, service: Callable[..., Any], *args: Any, **kwargs: Any
    ) -> tuple[str | None, Any]:
        """(refusal, result): for a widget that shows the refusal itself, next to
        what was typed, instead of the window's message box."""
        try:
            result = service(self.ctx, *args, **kwargs)
        except ServiceError as error:
            return str(error), None
        self.reload()
        self.saved.emit(dt.datetime.now().astimezone())
        return None, result

    def attempt(self, service: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """Like ``call``, for services that return nothing: True when it was done."""
        done = False

        def run(ctx: Context, *a: Any, **k: Any) -> bool:
            nonlocal done
            service(ctx, *a, **k)
            done = True
            return True

        self.call(run, *args, **kwargs)
        return done

    def read(self, service: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a reading service; on refusal say why and return None (nothing reloads)."""
        try:
            return service(self.ctx, *args, **kwargs)
        except ServiceError as error:
            self.failed.emit(str(error))
            return None

    def earlier(self) -> YearOverYear | None:
        """The region's previous session against this one (read on first use: its
        figures do not change during the meeting; this session's are live elsewhere)."""
        if self._earlier is None:
            self._earlier = (self.read(year_over_year, self.session_id),)
        return self._earlier[0]

    def reload(self) -> None:
        """Read the session again and tell the views."""
        self.overview, self.states = meeting_state(self.ctx, self.session_id, self.language)
        self.changed.emit()

    def set_current(self, code: str) -> None:
        if code != self.current:
            if typing_pending():  # notes typed for the old indicator stay with it
                self.flush_requested.emit()
            self.current = code
            self.current_changed.emit(code)

    def move(self, step: int, not_done_only: bool = False) -> None:
        """The next (step 1) or previous (step -1) indicator, optionally unsettled ones only."""
        codes = [i.code for i in self.framework.indicators()]
        if not codes:
            return
        start = codes.index(self.current) if self.current in codes else -step
        for offset in range(1, len(codes) + 1):
            code = codes[(start + step * offset) % len(codes)]
            if not not_done_only or not self.states[code].settled:
                self.set_current(code)
                return
