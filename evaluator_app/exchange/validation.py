"""The JSON members checked: schema (pydantic) and that they fit together.

Every problem becomes a BundleError naming the member and the path inside it,
e.g. ``session.json: ratings[4].participant_id: no such participant in the bundle``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import NoReturn, TypeVar

from pydantic import BaseModel, ValidationError

from evaluator_app.domain.framework import Framework, FrameworkError, framework_from_data
from evaluator_app.exchange.errors import BundleError
from evaluator_app.exchange.schema import (
    AUDIT,
    MANIFEST,
    SESSION,
    AuditData,
    Manifest,
    SessionData,
)
from evaluator_app.i18n import _

M = TypeVar("M", bound=BaseModel)


def _path(loc: Iterable[int | str]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def describe(error: ValidationError, limit: int = 3) -> str:
    """The first problems of a pydantic error, each with its path."""
    problems = []
    for item in error.errors(include_url=False)[:limit]:
        where = _path(item["loc"])
        message = item["msg"]
        if item["type"] == "json_invalid":
            message = _("not valid JSON ({detail})").format(
                detail=message.removeprefix("Invalid JSON: ")
            )
        elif item["type"] == "extra_forbidden":
            message = _("unknown key")
        problems.append(f"{where}: {message}" if where else message)
    more = error.error_count() - limit
    return "; ".join(problems) + (_(" (and {more} more)").format(more=more) if more > 0 else "")


def parse(member: str, model: type[M], data: bytes) -> M:
    try:
        return model.model_validate_json(data, strict=True)
    except ValidationError as error:
        raise BundleError(member, describe(error)) from None


def _fail(where: str, problem: str) -> NoReturn:
    raise BundleError(SESSION, f"{where}: {problem}")


def _unique(name: str, keys: list[object], what: str = "id") -> None:
    for key, count in Counter(keys).items():
        if count > 1:
            _fail(
                f"{name}[{keys.index(key)}]",
                _("{what} {key} appears {count} times").format(what=what, key=key, count=count),
            )


def _refs(name: str, field: str, values: list[str | None], known: set[str], what: str) -> None:
    for n, value in enumerate(values):
        if value is not None and value not in known:
            _fail(
                f"{name}[{n}].{field}",
                _("no {what} with id {value} in the bundle").format(what=what, value=value),
            )


def _framework(manifest: Manifest, data: SessionData) -> Framework:
    record = data.framework
    ref = manifest.framework
    if (ref.id, ref.version, ref.content_hash) != (
        record.code,
        record.release,
        record.content_hash,
    ):
        raise BundleError(MANIFEST, _("framework: differs from the framework in session.json"))
    try:  # validated as a file is: the bundle is untrusted input
        framework = framework_from_data(record.definition, "framework.definition")
    except FrameworkError as error:
        raise BundleError(SESSION, str(error)) from None
    except (ValueError, TypeError, KeyError) as error:  # a validator that gave up
        raise BundleError(SESSION, f"framework.definition: {error}") from None
    if framework.content_hash != record.content_hash:
        _fail("framework.definition", _("does not match its content hash (changed?)"))
    if (framework.id, framework.version) != (record.code, record.release):
        _fail("framework", _("code and release differ from the definition's"))
    return framework


def _levels(data: SessionData, framework: Framework) -> None:
    scale = set(framework.level_values())
    for n, a in enumerate(data.assessments):
        for field in ("self_level", "agreed_level"):
            level = getattr(a, field)
            if level is not None and level not in scale:
                _fail(
                    f"assessments[{n}].{field}",
                    _("level {level} is not on the scale").format(level=level),
                )
    for n, r in enumerate(data.ratings):
        if r.level not in scale:
            _fail(
                f"ratings[{n}].level", _("level {level} is not on the scale").format(level=r.level)
            )


def _records(manifest: Manifest, data: SessionData, framework: Framework) -> None:
    session_id = data.session.id
    if manifest.session_id != session_id:
        raise BundleError(MANIFEST, _("session_id: differs from the session in session.json"))
    if data.session.framework_id != data.framework.id:
        _fail("session.framework_id", _("is not the framework in the bundle"))
    for name in ("participants", "assessments", "findings", "signoffs", "assignments"):
        records = getattr(data, name)
        _unique(name, [r.id for r in records])
        for n, record in enumerate(records):
            if record.session_id != session_id:
                _fail(f"{name}[{n}].session_id", _("belongs to another session"))
    for name in ("ratings", "clarifications", "evidence"):
        _unique(name, [r.id for r in getattr(data, name)])
    people = {p.id for p in data.participants}
    assessments = {a.id for a in data.assessments}
    codes = {i.code for i in framework.indicators()}
    _unique("assessments", [a.indicator_code for a in data.assessments], "indicator")
    for n, a in enumerate(data.assessments):
        if a.indicator_code not in codes:
            _fail(
                f"assessments[{n}].indicator_code",
                _("{indicator_code} is not in the framework").format(
                    indicator_code=a.indicator_code
                ),
            )
    for n, f in enumerate(data.findings):
        if f.indicator_code is not None and f.indicator_code not in codes:
            _fail(
                f"findings[{n}].indicator_code",
                _("{indicator_code} is not in the framework").format(
                    indicator_code=f.indicator_code
                ),
            )
    dimensions = {d.code for d in framework.dimensions}
    _unique("assignments", [a.dimension_code for a in data.assignments], "dimension")
    for n, assignment in enumerate(data.assignments):
        if assignment.dimension_code not in dimensions:
            _fail(
                f"assignments[{n}].dimension_code",
                _("{dimension_code} is not a dimension of the framework").format(
                    dimension_code=assignment.dimension_code
                ),
            )
    if manifest.scope.whole:
        missing = codes - {a.indicator_code for a in data.assessments}
        if missing:
            _fail("assessments", _("indicator {code} has no assessment").format(code=min(missing)))
    _unique("ratings", [(r.assessment_id, r.participant_id) for r in data.ratings], "rating")
    for name, field, known, what in (
        ("ratings", "assessment_id", assessments, "assessment"),
        ("ratings", "participant_id", people, "participant"),
        ("clarifications", "assessment_id", assessments, "assessment"),
        ("clarifications", "asked_by_id", people, "participant"),
        ("clarifications", "answered_by_id", people, "participant"),
        ("evidence", "assessment_id", assessments, "assessment"),
        ("signoffs", "signer_id", people, "participant"),
        ("assignments", "participant_id", people, "participant"),
    ):
        _refs(name, field, [getattr(r, field) for r in getattr(data, name)], known, what)
    _levels(data, framework)


def _scope(manifest: Manifest, data: SessionData, framework: Framework) -> None:
    scope = manifest.scope
    dimensions = {d.code for d in framework.dimensions}
    for n, code in enumerate(scope.dimensions or []):
        if code not in dimensions:
            raise BundleError(
                MANIFEST,
                _("scope.dimensions[{n}]: {code} is not in the framework").format(n=n, code=code),
            )
    if scope.evaluator is not None and scope.evaluator not in {p.id for p in data.participants}:
        raise BundleError(MANIFEST, _("scope.evaluator: not a participant of the session"))


def _evidence(data: SessionData, files: Mapping[str, int]) -> None:
    used: set[str] = set()
    for n, e in enumerate(data.evidence):
        if e.sha256 is None:  # a link, a document seen, or a file still to come
            continue
        if e.sha256 not in files:
            _fail(
                f"evidence[{n}].sha256",
                _("the bundle does not carry evidence/{sha256}").format(sha256=e.sha256),
            )
        if e.size != files[e.sha256]:
            _fail(
                f"evidence[{n}].size",
                _("{size} differs from the file's {actual}").format(
                    size=e.size, actual=files[e.sha256]
                ),
            )
        used.add(e.sha256)
    for sha256 in sorted(set(files) - used):
        raise BundleError(f"evidence/{sha256}", _("no evidence record in session.json uses it"))


def _audit(manifest: Manifest, audit: AuditData) -> None:
    previous = 0
    for n, event in enumerate(audit.events):
        if event.session_id != manifest.session_id:
            raise BundleError(
                AUDIT, _("events[{n}].session_id: belongs to another session").format(n=n)
            )
        expected = previous + 1 if manifest.scope.whole else None
        if event.seq <= previous or (expected is not None and event.seq != expected):
            raise BundleError(
                AUDIT, _("events[{n}].seq: {seq} out of order").format(n=n, seq=event.seq)
            )
        previous = event.seq
    _unique_events = Counter(e.id for e in audit.events)
    for event_id, count in _unique_events.items():
        if count > 1:
            raise BundleError(
                AUDIT,
                _("events: id {event_id} appears {count} times").format(
                    event_id=event_id, count=count
                ),
            )
    if manifest.scope.whole and not audit.events:
        raise BundleError(AUDIT, _("events: the session's audit trail is empty"))


def check_consistency(
    manifest: Manifest, data: SessionData, audit: AuditData, evidence_files: Mapping[str, int]
) -> Framework:
    """Everything that must fit together; returns the bundle's framework definition.

    ``evidence_files``: the evidence members carried, SHA-256 to size.
    """
    framework = _framework(manifest, data)
    _records(manifest, data, framework)
    _scope(manifest, data, framework)
    _evidence(data, evidence_files)
    _audit(manifest, audit)
    return framework
