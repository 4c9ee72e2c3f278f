"""The snapshot as typed records: what the documents read, parsed once.

A snapshot comes straight from ``services.signoff.snapshot`` (dates, Decimals)
or back from its canonical JSON (ISO strings, numbers as text); both parse to
the same records.  A field of the wrong shape raises ReportError naming it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from evaluator_app.domain.canonical import sha256_of
from evaluator_app.i18n import _
from evaluator_app.reports.errors import ReportError

T = TypeVar("T")


@dataclass(frozen=True)
class Meeting:
    id: str
    region: str
    stage: int
    year: int
    starts_at: dt.datetime | None  # aware, UTC as stored
    timezone: str | None
    venue: str | None
    evidence_deadline: dt.date | None
    document_number: str | None
    amendment: int


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    nip: str | None
    position: str
    organisation: str
    role: str
    present: bool
    rank: str


@dataclass(frozen=True)
class Clarification:
    question: str
    answer: str
    asked_by: str | None
    answered_by: str | None
    status: str


@dataclass(frozen=True)
class Evidence:
    title: str
    kind: str
    sha256: str | None
    url: str | None
    status: str
    due_date: dt.date | None
    note: str


@dataclass(frozen=True)
class IndicatorRecord:
    code: str
    self_level: int | None
    agreed_level: int | None
    not_applicable: bool
    na_reason: str
    status: str
    notes: str
    rationale: str  # why the agreed level ("" when none was given)
    clarifications: tuple[Clarification, ...]
    evidence: tuple[Evidence, ...]
    ratings: dict[str, int]  # participant id -> the level that evaluator gave


@dataclass(frozen=True)
class Finding:
    text: str
    recommendation: str
    indicator: str | None
    agencies: tuple[str, ...]
    priority: str
    due_date: dt.date | None


@dataclass(frozen=True)
class Previous:
    """The region's previous session of the same framework, as the minutes froze it."""

    session_id: str
    year: int
    stage: int
    index: Decimal | None
    groups: dict[str, Decimal | None]  # every dimension and sub-dimension by code


@dataclass(frozen=True)
class Snapshot:
    meeting: Meeting
    framework_id: str
    framework_version: str
    index: Decimal | None
    groups: dict[str, Decimal | None]
    people: tuple[Person, ...]
    indicators: dict[str, IndicatorRecord]
    findings: tuple[Finding, ...]
    hash: str  # SHA-256 of the snapshot exactly as given
    previous: Previous | None = None  # absent from snapshots made before it was added
    show_ratings: bool = False  # list the evaluators' ratings under each indicator

    def person(self, person_id: str | None) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def pending_evidence(self) -> list[tuple[str, Evidence]]:
        """(indicator code, evidence) still to be delivered, in indicator order."""
        return [
            (code, e)
            for code, record in self.indicators.items()
            for e in record.evidence
            if e.status == "pending"
        ]


# --- parsing --------------------------------------------------------------


def _field(data: Mapping[str, Any], key: str, where: str, parse: Callable[[Any], T]) -> T:
    try:
        return parse(data.get(key))
    except (TypeError, ValueError, InvalidOperation, KeyError, AttributeError) as error:
        place = f"{where}.{key}" if where else key
        raise ReportError(_("snapshot {place}: {error}").format(place=place, error=error)) from None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(_("expected text, not {name}").format(name=type(value).__name__))
    return value


def _opt_text(value: Any) -> str | None:
    return _text(value) or None


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(_("expected a whole number, not {value!r}").format(value=value))
    return value


def _opt_int(value: Any) -> int | None:
    return None if value is None else _int(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(_("expected true or false, not {value!r}").format(value=value))
    return value


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, float | bool):
        raise TypeError(_("expected a decimal as text, not {value!r}").format(value=value))
    number = Decimal(str(value))
    if not number.is_finite():
        raise ValueError(_("{value!r} is not a finite number").format(value=value))
    return number


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(_text(value))


def _moment(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(_text(value))
    if moment.tzinfo is None:
        raise ValueError(_("{value!r} has no time zone").format(value=value))
    return moment


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise TypeError(_("expected a list, not {name}").format(name=type(value).__name__))
    return list(value)


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ReportError(
            _("snapshot {where}: expected a mapping, not {kind}").format(
                where=where, kind=type(value).__name__
            )
        )
    return value


def _meeting(data: Mapping[str, Any]) -> Meeting:
    w = "session"
    return Meeting(
        id=_field(data, "id", w, _text),
        region=_field(data, "region", w, _text),
        stage=_field(data, "stage", w, _int),
        year=_field(data, "year", w, _int),
        starts_at=_field(data, "starts_at", w, _moment),
        timezone=_field(data, "timezone", w, _opt_text),
        venue=_field(data, "venue", w, _opt_text),
        evidence_deadline=_field(data, "evidence_deadline", w, _date),
        document_number=_field(data, "document_number", w, _opt_text),
        amendment=_field(data, "amendment", w, lambda v: _int(v or 0)),
    )


def _person(data: Mapping[str, Any], w: str) -> Person:
    return Person(
        id=_field(data, "id", w, _text),
        name=_field(data, "name", w, _text),
        nip=_field(data, "nip", w, _opt_text),
        position=_field(data, "position", w, _text),
        organisation=_field(data, "organisation", w, _text),
        role=_field(data, "role", w, _text),
        present=_field(data, "present", w, _bool),
        rank=_field(data, "rank", w, _text),
    )


def _clarification(data: Mapping[str, Any], w: str) -> Clarification:
    return Clarification(
        question=_field(data, "question", w, _text),
        answer=_field(data, "answer", w, _text),
        asked_by=_field(data, "asked_by", w, _opt_text),
        answered_by=_field(data, "answered_by", w, _opt_text),
        status=_field(data, "status", w, _text),
    )


def _evidence(data: Mapping[str, Any], w: str) -> Evidence:
    return Evidence(
        title=_field(data, "title", w, _text),
        kind=_field(data, "kind", w, _text),
        sha256=_field(data, "sha256", w, _opt_text),
        url=_field(data, "url", w, _opt_text),
        status=_field(data, "status", w, _text),
        due_date=_field(data, "due_date", w, _date),
        note=_field(data, "note", w, _text),
    )


def _indicator(data: Mapping[str, Any], w: str) -> IndicatorRecord:
    clarifications = _field(data, "clarifications", w, _list)
    evidence = _field(data, "evidence", w, _list)
    return IndicatorRecord(
        code=_field(data, "indicator", w, _text),
        self_level=_field(data, "self_level", w, _opt_int),
        agreed_level=_field(data, "agreed_level", w, _opt_int),
        not_applicable=_field(data, "not_applicable", w, _bool),
        na_reason=_field(data, "na_reason", w, _text),
        status=_field(data, "status", w, _text),
        notes=_field(data, "notes", w, _text),
        rationale=_text(data.get("rationale", "")),
        clarifications=tuple(
            _clarification(_mapping(c, f"{w}.clarifications[{n}]"), f"{w}.clarifications[{n}]")
            for n, c in enumerate(clarifications)
        ),
        evidence=tuple(
            _evidence(_mapping(e, f"{w}.evidence[{n}]"), f"{w}.evidence[{n}]")
            for n, e in enumerate(evidence)
        ),
        ratings=_field(data, "ratings", w, _ratings),
    )


def _ratings(value: Any) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(_("expected a mapping, not {name}").format(name=type(value).__name__))
    return {_text(person): _int(level) for person, level in value.items()}


def _previous(value: Any) -> Previous | None:
    if value is None:
        return None
    w = "previous"
    data = _mapping(value, w)
    groups = _mapping(data.get("groups") or {}, f"{w}.groups")
    return Previous(
        session_id=_field(data, "session_id", w, _text),
        year=_field(data, "year", w, _int),
        stage=_field(data, "stage", w, _int),
        index=_field(data, "index", w, _decimal),
        groups={str(code): _field(groups, code, f"{w}.groups", _decimal) for code in groups},
    )


def _finding(data: Mapping[str, Any], w: str) -> Finding:
    return Finding(
        text=_field(data, "text", w, _text),
        recommendation=_field(data, "recommendation", w, _text),
        indicator=_field(data, "indicator", w, _opt_text),
        agencies=tuple(_text(a) for a in _field(data, "agencies", w, _list)),
        priority=_field(data, "priority", w, _text),
        due_date=_field(data, "due_date", w, _date),
    )


def parse_snapshot(snapshot: Mapping[str, Any]) -> Snapshot:
    """Typed records from a snapshot dict; ReportError names a field that does not fit."""
    data = _mapping(snapshot, "")
    framework = _mapping(data.get("framework"), "framework")
    groups = _mapping(data.get("groups") or {}, "groups")
    people = _list(data.get("participants"))
    assessments = _list(data.get("assessments"))
    findings = _list(data.get("findings"))
    indicators = [
        _indicator(_mapping(a, f"assessments[{n}]"), f"assessments[{n}]")
        for n, a in enumerate(assessments)
    ]
    try:
        digest = sha256_of(dict(data))
    except (TypeError, ValueError) as error:
        raise ReportError(_("snapshot cannot be hashed: {error}").format(error=error)) from None
    return Snapshot(
        meeting=_meeting(_mapping(data.get("session"), "session")),
        framework_id=_field(framework, "id", "framework", _text),
        framework_version=_field(framework, "version", "framework", _text),
        index=_field(data, "index", "", _decimal),
        groups={str(code): _field(groups, code, "groups", _decimal) for code in groups},
        people=tuple(
            _person(_mapping(p, f"participants[{n}]"), f"participants[{n}]")
            for n, p in enumerate(people)
        ),
        indicators={record.code: record for record in indicators},
        findings=tuple(
            _finding(_mapping(f, f"findings[{n}]"), f"findings[{n}]")
            for n, f in enumerate(findings)
        ),
        hash=digest,
        previous=_previous(data.get("previous")),
        show_ratings=_field(data, "show_ratings", "", lambda v: _bool(v or False)),
    )
