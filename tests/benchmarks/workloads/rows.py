"""One row of the benchmark table, and the statistics the rows use."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Row:
    """A workload's figure beside its baseline from the same run, and its budget."""

    workload: str
    figure: str  # what we measured, as shown
    baseline: str  # the floor measured in the same run, or "—"
    ratio: float | None
    budget: str
    passed: bool
    details: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` took (perf_counter)."""
    import time

    start = time.perf_counter()
    action()
    return time.perf_counter() - start
