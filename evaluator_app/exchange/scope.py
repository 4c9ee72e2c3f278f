"""Which records a partial bundle carries: chosen dimensions, or one evaluator's work.

Records are plain dicts by session.json key (``session`` and ``framework`` one
record each, the others lists).  A partial bundle always carries the session,
its framework, every participant (the records the others point at) and every
assignment of a dimension; sign-offs and findings not linked to an indicator
only travel with the whole session.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from evaluator_app.domain.framework import Framework
from evaluator_app.exchange.schema import TABLES
from evaluator_app.i18n import _

Tables = dict[str, Any]
LISTS = (
    "participants",
    "assessments",
    "ratings",
    "clarifications",
    "evidence",
    "findings",
    "signoffs",
    "assignments",
)


class ScopeError(ValueError):
    """The scope names a dimension or participant that is not there."""


def indicators_in_scope(
    tables: Mapping[str, Any],
    framework: Framework,
    dimensions: Sequence[str] | None,
    evaluator: str | None,
) -> set[str]:
    """Indicator codes in scope.

    Dimensions: every indicator beneath them.  An evaluator's work: every
    indicator of the dimensions assigned to them, and every indicator they
    rated or asked a clarification about.  Both: the overlap.
    """
    codes = {i.code for i in framework.indicators()}
    known = {d.code: d for d in framework.dimensions}
    if dimensions is not None:
        unknown = [code for code in dimensions if code not in known]
        if unknown:
            raise ScopeError(
                _("no dimension {unknown} in {framework_id} {version}; it has {known}").format(
                    unknown=", ".join(unknown),
                    framework_id=framework.id,
                    version=framework.version,
                    known=", ".join(known),
                )
            )
        codes &= {i.code for code in dimensions for i in known[code].walk_indicators()}
    if evaluator is not None:
        if evaluator not in {p["id"] for p in tables["participants"]}:
            raise ScopeError(
                _("participant {evaluator} is not in this session").format(evaluator=evaluator)
            )
        worked = {r["assessment_id"] for r in tables["ratings"] if r["participant_id"] == evaluator}
        worked |= {
            c["assessment_id"] for c in tables["clarifications"] if c["asked_by_id"] == evaluator
        }
        held = {
            i.code
            for a in tables["assignments"]
            if a["participant_id"] == evaluator and a["dimension_code"] in known
            for i in known[a["dimension_code"]].walk_indicators()
        }
        codes &= held | {a["indicator_code"] for a in tables["assessments"] if a["id"] in worked}
    return codes


def select_records(tables: Mapping[str, Any], codes: set[str] | None) -> Tables:
    """The records of the indicators ``codes`` (None: every record)."""
    if codes is None:
        return {name: tables[name] for name in ("session", "framework", *LISTS)}
    assessments = [a for a in tables["assessments"] if a["indicator_code"] in codes]
    kept = {a["id"] for a in assessments}
    return {
        "session": tables["session"],
        "framework": tables["framework"],
        "participants": list(tables["participants"]),
        "assessments": assessments,
        "ratings": [r for r in tables["ratings"] if r["assessment_id"] in kept],
        "clarifications": [c for c in tables["clarifications"] if c["assessment_id"] in kept],
        "evidence": [e for e in tables["evidence"] if e["assessment_id"] in kept],
        "findings": [f for f in tables["findings"] if f["indicator_code"] in codes],
        "signoffs": [],
        "assignments": list(tables["assignments"]),
    }


def count_records(tables: Mapping[str, Any]) -> dict[str, int]:
    return {"session": 1, "framework": 1} | {name: len(tables[name]) for name in LISTS}


def record_keys(tables: Mapping[str, Any]) -> set[tuple[str, str]]:
    """(table, id) of every record, with the store's table names."""
    keys = {(TABLES[name], tables[name]["id"]) for name in ("session", "framework")}
    for name in LISTS:
        keys |= {(TABLES[name], r["id"]) for r in tables[name]}
    return keys


def events_for(events: Iterable[dict[str, Any]], keys: set[tuple[str, str]]) -> list[Any]:
    """The audit events about the records ``keys``, in their order."""
    return [e for e in events if (e["record_type"], e["record_id"]) in keys]
