"""What a bundle's JSON members must look like (format version 1), as pydantic models.

Every model refuses keys it does not know and checks types strictly (no "1"
for 1); field names and types mirror the store's columns (``store.models``),
values are as ``services.operation.to_json`` writes them: times ISO 8601 with
offset, dates ISO, bytes as hex.  Documented in ``docs/bundle-format.md``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

FORMAT_VERSION: Literal[1] = 1

MANIFEST = "manifest.json"
SESSION = "session.json"
AUDIT = "audit.json"
EVIDENCE_PREFIX = "evidence/"

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"

Id = Annotated[str, StringConstraints(pattern=UUID_PATTERN)]
Sha256 = Annotated[str, StringConstraints(pattern=SHA256_PATTERN)]
Count = Annotated[int, Field(ge=0, le=2**62)]
Small = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]


Str18 = Annotated[str, StringConstraints(max_length=18)]
Str30 = Annotated[str, StringConstraints(max_length=30)]
Str50 = Annotated[str, StringConstraints(max_length=50)]
Str60 = Annotated[str, StringConstraints(max_length=60)]
Str64 = Annotated[str, StringConstraints(max_length=64)]
Str100 = Annotated[str, StringConstraints(max_length=100)]
Str200 = Annotated[str, StringConstraints(max_length=200)]
Str300 = Annotated[str, StringConstraints(max_length=300)]
Str2000 = Annotated[str, StringConstraints(max_length=2000)]


def _hex_bytes(value: Any) -> Any:
    if not isinstance(value, str):
        raise ValueError("expected bytes as hex text")
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise ValueError("expected bytes as hex text") from None


HexBytes = Annotated[bytes, BeforeValidator(_hex_bytes)]


def _in_utc(value: dt.datetime) -> dt.datetime:
    try:
        return value.astimezone(dt.UTC)
    except OverflowError:
        raise ValueError("outside the years 1–9999 in UTC") from None


# A time with its offset, given back in UTC (as the store keeps it).
Stamp = Annotated[AwareDatetime, AfterValidator(_in_utc)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- manifest.json --------------------------------------------------------


class Member(_Strict):
    path: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    sha256: Sha256
    size: Count


class FrameworkRef(_Strict):
    id: Str100
    version: Str50
    content_hash: Sha256


class Scope(_Strict):
    """What part of the session the bundle holds; both None: all of it."""

    dimensions: Annotated[list[Str50], Field(min_length=1)] | None
    evaluator: Id | None

    @property
    def whole(self) -> bool:
        return self.dimensions is None and self.evaluator is None


class Manifest(_Strict):
    format_version: Literal[1]
    app_version: Str50
    created_at: Stamp
    session_id: Id
    device_id: Id
    author: Str200
    framework: FrameworkRef
    scope: Scope
    members: list[Member]
    encrypted: bool


# --- session.json: the records, by table ------------------------------------


class RecordEntry(_Strict):
    """Columns every mergeable record carries."""

    id: Id
    created_at: Stamp
    updated_at: Stamp
    updated_by: Str200
    version: Annotated[int, Field(ge=1, le=2**31 - 1)]


class FrameworkEntry(RecordEntry):
    code: Str100
    release: Str50
    title: Str300
    content_hash: Sha256
    definition: dict[str, Any]


class SessionEntry(RecordEntry):
    framework_id: Id
    region: Str200
    stage: Small
    year: Small
    starts_at: Stamp | None
    timezone: Str64
    venue: Str300
    status: Literal["draft", "in_progress", "awaiting_signoff", "signed", "amended"]
    evidence_deadline: dt.date | None
    document_number: Str100


class ParticipantEntry(RecordEntry):
    session_id: Id
    name: Str200
    nip: Str18 | None
    position: Str200
    organisation: Str200
    rank: Str100
    role: Literal[
        "lead_evaluator",
        "evaluator",
        "signer",
        "agency_head",
        "council",
        "implementation_team",
        "observer",
    ]
    present: bool


class AssessmentEntry(RecordEntry):
    session_id: Id
    indicator_code: Str50
    self_level: Small | None
    agreed_level: Small | None
    not_applicable: bool
    na_reason: str
    status: Literal["not_started", "in_discussion", "done", "deferred"]
    notes: str
    rationale: str = ""  # absent from bundles made before it existed


class RatingEntry(RecordEntry):
    assessment_id: Id
    participant_id: Id
    level: Small


class ClarificationEntry(RecordEntry):
    assessment_id: Id
    question: str
    answer: str
    asked_by_id: Id | None
    answered_by_id: Id | None
    asked_at: Stamp
    answered_at: Stamp | None
    status: Literal["open", "answered"]


class EvidenceEntry(RecordEntry):
    assessment_id: Id
    title: Str300
    kind: Literal["file", "link", "seen"]
    sha256: Sha256 | None
    original_name: Str300 | None
    size: Count | None
    url: Str2000 | None
    status: Literal["provided", "accepted", "rejected", "pending"]
    due_date: dt.date | None
    note: str


class FindingEntry(RecordEntry):
    session_id: Id
    indicator_code: Str50 | None
    text: str
    recommendation: str
    agencies: list[str]
    priority: Literal["high", "medium", "low"]
    due_date: dt.date | None


class SignOffEntry(RecordEntry):
    session_id: Id
    signer_id: Id | None
    signed_at: Stamp
    snapshot_hash: Sha256
    snapshot: str
    method: Str30
    signature: HexBytes | None
    certificate: HexBytes | None
    superseded: bool
    reopen_reason: str


class AssignmentEntry(RecordEntry):
    session_id: Id
    dimension_code: Str50
    participant_id: Id


class SessionData(_Strict):
    """session.json: one session with everything that belongs to it."""

    session: SessionEntry
    framework: FrameworkEntry
    participants: list[ParticipantEntry]
    assessments: list[AssessmentEntry]
    ratings: list[RatingEntry]
    clarifications: list[ClarificationEntry]
    evidence: list[EvidenceEntry]
    findings: list[FindingEntry]
    signoffs: list[SignOffEntry]
    # Bundles written before dimensions could be assigned have no such key.
    assignments: list[AssignmentEntry] = Field(default_factory=list)


# session.json key -> the store's table name
TABLES: dict[str, str] = {
    "framework": "framework",
    "session": "session",
    "participants": "participant",
    "assessments": "assessment",
    "ratings": "rating",
    "clarifications": "clarification",
    "evidence": "evidence",
    "findings": "finding",
    "signoffs": "signoff",
    "assignments": "assignment",
}


# --- audit.json -------------------------------------------------------------


class AuditEntry(_Strict):
    id: Id
    session_id: Id
    seq: Annotated[int, Field(ge=1, le=2**62)]
    at: Stamp
    actor: Str200
    operation_id: Id
    action: Str60
    target_operation_id: Id | None
    record_type: Literal[
        "framework",
        "session",
        "participant",
        "assessment",
        "rating",
        "clarification",
        "evidence",
        "finding",
        "signoff",
        "assignment",
    ]
    record_id: Id
    change: Literal["create", "update", "delete", "import"]
    field: Str60 | None
    old_value: str | None
    new_value: str | None
    prev_hash: Sha256
    hash: Sha256


class AuditData(_Strict):
    """audit.json: the session's audit events in seq order."""

    events: list[AuditEntry]
