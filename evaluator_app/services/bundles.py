"""Session bundles between laptops: export a session (or part of it), import one.

Import checks the whole bundle first (``exchange.open_bundle``, then its audit
trail here), then either adds a session this laptop does not have, exactly as
it was (same ids, versions, times, trail) in one transaction, or finds this
laptop already has it exactly and changes nothing.  A session that differs is
refused for now: merging it field by field is the next slice of issue 5.
Format: ``docs/bundle-format.md``.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from evaluator_app import __version__
from evaluator_app.domain.canonical import canonical_json
from evaluator_app.exchange.compare import differences, summary
from evaluator_app.exchange.errors import BundleError
from evaluator_app.exchange.reader import Bundle, Limits, open_bundle
from evaluator_app.exchange.schema import AUDIT, SESSION, TABLES, FrameworkRef, Scope
from evaluator_app.exchange.scope import (
    LISTS,
    ScopeError,
    Tables,
    count_records,
    events_for,
    indicators_in_scope,
    record_keys,
    select_records,
)
from evaluator_app.exchange.summary import BundleSummary, ImportSummary
from evaluator_app.exchange.writer import EvidenceFile, Header, write_bundle
from evaluator_app.services.audit import _replay as replay_trail
from evaluator_app.services.audit import signoff_head
from evaluator_app.services.errors import InvalidInput, ServiceError, StorageError
from evaluator_app.services.frameworks import framework_of
from evaluator_app.services.operation import (
    GENESIS,
    Change,
    Context,
    chain_hash,
    operation,
    reading,
    to_json,
)
from evaluator_app.services.records import EDITABLE_STATUSES, get
from evaluator_app.signing.atomic_write import write_atomically
from evaluator_app.signing.errors import OutputError
from evaluator_app.store.models import (
    BOOKKEEPING,
    RECORD_TYPES,
    AuditEvent,
    EvaluationSession,
    FrameworkRecord,
    Participant,
    utc_now,
)

__all__ = ["BundleSummary", "ImportRefused", "ImportSummary", "export_bundle", "import_bundle"]

DEVICE_FILE = "device.json"
# session.json key -> model, parents before children (the order of inserts)
MODELS = {name: RECORD_TYPES[table] for name, table in TABLES.items()}


class ImportRefused(BundleError, ServiceError):
    """A sound bundle that this slice will not apply (a session that differs)."""

    def __init__(self, problem: str) -> None:
        super().__init__(None, problem)


def device_id(data_dir: Path) -> str:
    """This data folder's device id: a random UUID, made once (``device.json``)."""
    path = data_dir / DEVICE_FILE
    try:
        value = json.loads(path.read_text(encoding="utf-8"))["device_id"]
        return str(uuid.UUID(value))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    value = str(uuid.uuid4())
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps({"device_id": value}).encode("utf-8"))
    except OutputError as error:
        raise StorageError(str(error)) from None
    return value


# --- reading a session's records ----------------------------------------------


def _table(name: str) -> Table:
    model = AuditEvent if name == "audit" else MODELS[name]
    return model.metadata.tables[model.__tablename__]


def _collect(db: Session, session_id: str) -> Tables:
    """Every record of a session, all columns, by session.json key (Python values)."""

    def rows(name: str, where: Any) -> list[dict[str, Any]]:
        query = select(_table(name)).where(where).order_by(_table(name).c.id)
        return [dict(row) for row in db.execute(query).mappings()]

    session = _table("session")
    tables: Tables = {"session": rows("session", session.c.id == session_id)[0]}
    framework_id = tables["session"]["framework_id"]
    tables["framework"] = rows("framework", _table("framework").c.id == framework_id)[0]
    for name in ("participants", "assessments", "findings", "signoffs"):
        tables[name] = rows(name, _table(name).c.session_id == session_id)
    assessments = _table("assessments")
    ids = select(assessments.c.id).where(assessments.c.session_id == session_id)
    for name in ("ratings", "clarifications", "evidence"):
        tables[name] = rows(name, _table(name).c.assessment_id.in_(ids))
    return tables


def _trail(db: Session, session_id: str) -> list[dict[str, Any]]:
    table = _table("audit")
    query = select(table).where(table.c.session_id == session_id).order_by(table.c.seq)
    return [dict(row) for row in db.execute(query).mappings()]


def _jsonable(record: Mapping[str, Any]) -> dict[str, Any]:
    return {key: to_json(value) for key, value in record.items()}


# --- export -------------------------------------------------------------------


def export_bundle(
    ctx: Context,
    session_id: str,
    out: Path,
    *,
    dimensions: list[str] | None = None,
    evaluator_id: str | None = None,
    passphrase: str | None = None,
) -> BundleSummary:
    """Write a session to ``out`` (.evpkg): whole, or the chosen dimensions' or
    one evaluator's indicators (see docs/bundle-format.md "Scope")."""
    if dimensions is not None:
        dimensions = list(dict.fromkeys(d.strip() for d in dimensions if d.strip()))
        if not dimensions:
            raise InvalidInput("name at least one dimension, or export the whole session")
    if passphrase is not None and not passphrase:
        raise InvalidInput("the passphrase must not be empty")
    with reading(ctx) as db:
        session = get(db, EvaluationSession, session_id)
        framework = framework_of(session)
        evaluator = None
        if evaluator_id is not None:
            person = get(db, Participant, evaluator_id)
            if person.session_id != session.id:
                raise InvalidInput(f"{person.name} is not a participant of this session")
            evaluator = person.id
        tables = _collect(db, session.id)
        events = _trail(db, session.id)
    whole = dimensions is None and evaluator is None
    try:
        codes = None if whole else indicators_in_scope(tables, framework, dimensions, evaluator)
    except ScopeError as error:
        raise InvalidInput(str(error)) from None
    chosen = select_records(tables, codes)
    if not whole:
        events = events_for(events, record_keys(chosen))
    files = {e["sha256"]: e for e in chosen["evidence"] if e["sha256"] is not None}
    evidence = []
    for sha256, record in sorted(files.items()):
        path = ctx.store.evidence.path_for(sha256)
        if not path.is_file():
            raise InvalidInput(
                f"the file of evidence {record['title']!r} is missing from the evidence store"
            )
        evidence.append(EvidenceFile(sha256, record["size"], path))
    header = Header(
        app_version=__version__,
        created_at=utc_now(),
        session_id=session.id,
        device_id=device_id(ctx.store.data_dir),
        author=ctx.actor,
        framework=FrameworkRef(
            id=framework.id, version=framework.version, content_hash=framework.content_hash
        ),
        scope=Scope(dimensions=dimensions, evaluator=evaluator),
    )
    session_json = {
        name: _jsonable(value) if isinstance(value, dict) else [_jsonable(r) for r in value]
        for name, value in chosen.items()
    }
    written = write_bundle(
        out,
        header,
        session_json,
        {"events": [_jsonable(e) for e in events]},
        evidence,
        passphrase,
    )
    return BundleSummary(
        path=written.path,
        session_id=session.id,
        size=written.size,
        encrypted=passphrase is not None,
        scope={"dimensions": dimensions, "evaluator": evaluator},
        records=count_records(chosen),
        evidence_files=len(evidence),
        audit_events=len(events),
    )


# --- import -------------------------------------------------------------------


def _check_trail(bundle: Bundle, tables: Tables, events: list[AuditEvent]) -> None:
    """The bundle's trail is unbroken and says what its records hold (as
    ``services.audit.verify_chain`` will check once they are stored)."""
    whole = bundle.manifest.scope.whole
    previous = GENESIS
    for n, event in enumerate(events):
        if whole and event.prev_hash != previous:
            raise BundleError(AUDIT, f"events[{n}]: its link to the previous event is broken")
        if chain_hash(event) != event.hash:
            raise BundleError(AUDIT, f"events[{n}]: changed after it was recorded")
        previous = event.hash
    if whole and events[0].action != "create_session":
        raise BundleError(AUDIT, "events[0]: the trail does not start with the session's creation")
    try:
        expected = replay_trail(events)
    except (ValueError, TypeError, AttributeError):
        raise BundleError(AUDIT, "events: a recorded value is not valid JSON") from None
    for name, model in MODELS.items():
        if name == "framework":
            continue
        records = [tables[name]] if name == "session" else tables[name]
        for record in records:
            label = f"{model.__tablename__} {record.get('indicator_code') or record['id'][:8]}"
            values = expected.pop((model.__tablename__, record["id"]), None)
            if values is None:
                raise BundleError(SESSION, f"{label} is not in the bundle's audit trail")
            for key, value in record.items():
                if key not in BOOKKEEPING and canonical_json(to_json(value)) != values.get(
                    key, "null"
                ):
                    raise BundleError(SESSION, f"{label}: {key} differs from its audit trail")
    if whole:
        seqs = {e.seq: e.hash for e in events}
        for n, signoff in enumerate(tables["signoffs"]):
            try:
                head = signoff_head(signoff["snapshot"])
            except (ValueError, TypeError, KeyError, AttributeError):
                raise BundleError(SESSION, f"signoffs[{n}].snapshot: not a snapshot") from None
            if head is not None and seqs.get(head[0]) != head[1]:
                raise BundleError(AUDIT, f"differs from the trail sign-off {n + 1} recorded")


@dataclass
class _Plan:
    unchanged: bool
    framework_id: str = ""
    framework_reused: bool = False


def _existing(db: Session, bundle: Bundle, tables: Tables, local: EvaluationSession) -> _Plan:
    theirs = bundle.manifest.framework
    ours = local.framework
    if ours.content_hash != theirs.content_hash:
        named = f"framework {ours.code} " if ours.code != theirs.id else ""
        raise ImportRefused(
            f"the bundle was made with framework {theirs.id} version {theirs.version}; "
            f"this laptop's session {local.id[:8]} uses {named}version {ours.release}"
        )
    mine = _collect(db, local.id)
    if not bundle.manifest.scope.whole:
        mine = select_records(mine, {a["indicator_code"] for a in tables["assessments"]})
        tables = select_records(tables, {a["indicator_code"] for a in tables["assessments"]})
    found = differences(mine, tables)
    if not found:
        return _Plan(unchanged=True, framework_id=ours.id)
    where = f"session {local.id[:8]} ({local.region} {local.year})"
    if local.status not in EDITABLE_STATUSES:
        raise ImportRefused(
            f"{where} is signed on this laptop and an import never changes it; "
            f"the bundle differs in: {summary(found)}"
        )
    raise ImportRefused(
        f"this laptop already has {where} with other changes; merging arrives with the "
        f"next version (differs in: {summary(found)})"
    )


def _clashes(db: Session, model: Any, ids: list[str]) -> bool:
    for start in range(0, len(ids), 500):
        if db.scalars(select(model.id).where(model.id.in_(ids[start : start + 500]))).first():
            return True
    return False


def _plan(db: Session, bundle: Bundle, tables: Tables, events: list[AuditEvent]) -> _Plan:
    local = db.get(EvaluationSession, tables["session"]["id"])
    if local is not None:
        return _existing(db, bundle, tables, local)
    scope = bundle.manifest.scope
    if not scope.whole:
        raise ImportRefused(
            f"this bundle holds only part of session {tables['session']['id'][:8]} "
            f"({tables['session']['region']} {tables['session']['year']}), which this "
            "laptop does not have: import a bundle of the whole session first"
        )
    framework = tables["framework"]
    reuse = db.scalars(
        select(FrameworkRecord.id).where(FrameworkRecord.content_hash == framework["content_hash"])
    ).first()
    checks: list[tuple[Any, list[str]]] = [(AuditEvent, [e.id for e in events])]
    checks += [(MODELS[name], [r["id"] for r in tables[name]]) for name in LISTS]
    if reuse is None:
        checks.append((FrameworkRecord, [framework["id"]]))
    for model, ids in checks:
        if _clashes(db, model, ids):
            raise ImportRefused(
                f"the bundle's {model.__tablename__} records have the ids of records that "
                "belong to another session on this laptop; it cannot be added"
            )
    return _Plan(False, reuse or framework["id"], reuse is not None)


def _copy_evidence(ctx: Context, bundle: Bundle) -> None:
    for sha256 in sorted(bundle.evidence_files):
        try:
            with bundle.open_evidence(sha256) as stream:
                stored = ctx.store.evidence.put_stream(stream)
        except OSError as error:
            raise StorageError(f"cannot copy evidence into the store: {error}") from None
        if stored.sha256 != sha256:
            raise BundleError(f"evidence/{sha256}", "changed while it was being imported")


def _insert(
    ctx: Context, bundle: Bundle, tables: Tables, events: list[dict[str, Any]], plan: _Plan
) -> None:
    session = tables["session"]
    theirs = tables["framework"]["id"]
    with operation(ctx, "import_bundle") as op:
        op.session_id = session["id"]
        if op.db.get(EvaluationSession, session["id"]) is not None:
            raise ImportRefused("the session was added here meanwhile; import the bundle again")
        for name in MODELS:
            if name == "framework" and plan.framework_reused:
                continue
            rows = [tables[name]] if name in ("session", "framework") else tables[name]
            if name == "session":
                rows = [dict(session, framework_id=plan.framework_id)]
            if rows:
                op.db.execute(insert(_table(name)), rows)
        op.db.execute(insert(_table("audit")), events)
        # Captured changes of this operation become its audit events on commit.
        changes: list[Change] = op.db.info["changes"]
        if plan.framework_id != theirs:  # the same definition, stored here under another id
            changes.append(
                Change(
                    "session", session["id"], "update", "framework_id", theirs, plan.framework_id
                )
            )
        manifest = bundle.manifest
        about = {
            "manifest_sha256": bundle.manifest_sha256,
            "device_id": manifest.device_id,
            "author": manifest.author,
            "created_at": manifest.created_at.isoformat(),
            "app_version": manifest.app_version,
            "format_version": manifest.format_version,
        }
        changes.append(Change("session", session["id"], "import", None, None, about))


def import_bundle(
    ctx: Context, path: Path, passphrase: str | None = None, *, limits: Limits | None = None
) -> ImportSummary:
    """Check a bundle completely, then add its session, or find it already here.

    Raises BundleError for a bad bundle and ImportRefused (also a BundleError)
    for one this version will not apply; in both cases nothing was written.
    """
    with open_bundle(path, passphrase, limits=limits, work_dir=ctx.store.data_dir) as bundle:
        tables = bundle.records()
        rows = bundle.events()
        events = [AuditEvent(**row) for row in rows]
        try:
            _check_trail(bundle, tables, events)
            with reading(ctx) as db:
                plan = _plan(db, bundle, tables, events)
            if not plan.unchanged:
                _copy_evidence(ctx, bundle)
                _insert(ctx, bundle, tables, rows, plan)
        except BundleError as error:
            raise error.at(path.name) from None
        manifest = bundle.manifest
        return ImportSummary(
            session_id=manifest.session_id,
            outcome="unchanged" if plan.unchanged else "added",
            region=tables["session"]["region"],
            year=tables["session"]["year"],
            records=count_records(tables),
            evidence_files=len(bundle.evidence_files),
            audit_events=len(rows),
            framework_reused=plan.framework_reused,
            device_id=manifest.device_id,
            author=manifest.author,
            created_at=manifest.created_at,
            encrypted=bundle.encrypted,
        )
