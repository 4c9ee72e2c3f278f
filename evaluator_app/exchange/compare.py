"""What differs between this laptop's records of a session and a bundle's.

Records are compared by id, every column (versions and times included), so
"no differences" means the bundle would change nothing.  The framework is
compared by content hash, not by record id (each laptop keeps its own record
of the same definition).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from evaluator_app.exchange.scope import LISTS
from evaluator_app.i18n import _

_SINGULAR = {
    "session": "session",
    "participants": "participant",
    "assessments": "assessment",
    "ratings": "rating",
    "clarifications": "clarification",
    "evidence": "evidence",
    "findings": "finding",
    "signoffs": "sign-off",
    "assignments": "assignment",
}
# Local ids of the same thing: compared through the framework's content hash.
_IGNORED = {"session": {"framework_id"}}


def _label(name: str, record: Mapping[str, Any]) -> str:
    if name == "assessments":
        return _("assessment {code}").format(code=record["indicator_code"])
    if name == "participants":
        return _("participant {name}").format(name=record["name"])
    if name == "assignments":
        return _("assignment of {dimension}").format(dimension=record["dimension_code"])
    return f"{_SINGULAR[name]} {record['id'][:8]}"


def _records(tables: Mapping[str, Any], name: str) -> dict[str, Mapping[str, Any]]:
    value = tables[name]
    records = [value] if isinstance(value, Mapping) else value
    return {r["id"]: r for r in records}


def differences(local: Mapping[str, Any], incoming: Mapping[str, Any]) -> list[str]:
    """One line per record that differs, e.g. ``assessment GOV.1.1: agreed_level, notes``."""
    found: list[str] = []
    for name in ("session", *LISTS):
        ours = _records(local, name)
        theirs = _records(incoming, name)
        ignored = _IGNORED.get(name, set())
        lines = []
        for record_id in ours.keys() | theirs.keys():
            mine, other = ours.get(record_id), theirs.get(record_id)
            if other is None:
                assert mine is not None
                lines.append(_("{label}: only on this laptop").format(label=_label(name, mine)))
            elif mine is None:
                lines.append(_("{label}: only in the bundle").format(label=_label(name, other)))
            else:
                fields = sorted(
                    key
                    for key in mine.keys() | other.keys()
                    if key not in ignored and mine.get(key) != other.get(key)
                )
                if fields:
                    lines.append(f"{_label(name, mine)}: {', '.join(fields)}")
        found += sorted(lines)
    return found


def summary(lines: list[str], limit: int = 5) -> str:
    shown = "; ".join(lines[:limit])
    more = len(lines) - limit
    return shown + (_("; and {more} more").format(more=more) if more > 0 else "")
