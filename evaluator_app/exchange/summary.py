"""What an export wrote and what an import did: for the command line and the window."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluator_app.i18n import _


@dataclass(frozen=True)
class BundleSummary:
    path: Path
    session_id: str
    size: int
    encrypted: bool
    scope: dict[str, Any]
    records: dict[str, int]
    evidence_files: int
    audit_events: int

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "session_id": self.session_id,
            "size": self.size,
            "encrypted": self.encrypted,
            "scope": self.scope,
            "records": self.records,
            "evidence_files": self.evidence_files,
            "audit_events": self.audit_events,
        }


@dataclass(frozen=True)
class ImportSummary:
    session_id: str
    outcome: str  # added | merged | unchanged
    region: str
    year: int
    records: dict[str, int]
    evidence_files: int
    audit_events: int
    framework_reused: bool
    device_id: str
    author: str
    created_at: dt.datetime
    encrypted: bool
    # for a merge: records added and removed, fields changed, ours kept, conflicts settled
    merge: dict[str, int] | None = None

    @property
    def message(self) -> str:
        where = _("session {id} ({region} {year})").format(
            id=self.session_id[:8], region=self.region, year=self.year
        )
        author = self.author or _("someone")
        if self.outcome == "unchanged":
            return _("{where} already holds everything in the bundle; nothing changed").format(
                where=where
            )
        if self.outcome == "merged" and self.merge is not None:
            m = self.merge
            return _(
                "merged {author}'s bundle into {where}: {added} records added, "
                "{changed} fields taken, {removed} records removed, {conflicts} conflicts "
                "settled; {kept} fields changed here since were kept"
            ).format(author=author, where=where, **m)
        return _(
            "added {where} from {author}'s bundle: {records} records, "
            "{evidence_files} evidence files, {audit_events} audit events"
        ).format(
            where=where,
            author=author,
            records=sum(self.records.values()),
            evidence_files=self.evidence_files,
            audit_events=self.audit_events,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "session_id": self.session_id,
            "outcome": self.outcome,
            "region": self.region,
            "year": self.year,
            "records": self.records,
            "evidence_files": self.evidence_files,
            "audit_events": self.audit_events,
            "framework_reused": self.framework_reused,
            "from_device": self.device_id,
            "author": self.author,
            "created_at": self.created_at.isoformat(),
            "encrypted": self.encrypted,
            "merge": self.merge,
            "message": self.message,
        }
