"""Importing a session bundle: add a session new here, or merge one this laptop has.

Everything is checked before anything is written: the bundle itself
(``exchange.open_bundle``), then its audit trail against its records (here).
A session this laptop does not have is added exactly as it was (same ids,
versions, times and trail) in one transaction.  One it has is merged field by
field (``services.merge``), as one audited operation, after a person has
settled each conflict; ``preview_bundle`` shows what an import would do.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Literal, cast

from sqlalchemy import Table, delete, insert, select

from evaluator_app import collector
from evaluator_app.domain.canonical import canonical_json
from evaluator_app.exchange.errors import BundleError
from evaluator_app.exchange.reader import Bundle, EvidenceSink, Limits, open_bundle
from evaluator_app.exchange.schema import AUDIT, SESSION
from evaluator_app.exchange.scope import LISTS, Tables, count_records
from evaluator_app.exchange.summary import ImportSummary
from evaluator_app.handoff import quick_handoff
from evaluator_app.i18n import _
from evaluator_app.services.audit import as_audited, replay_trail, signoff_head
from evaluator_app.services.errors import ServiceError, StorageError
from evaluator_app.services.merge import (
    MergePlan,
    Resolution,
    apply_merge,
    check_resolutions,
    plan_merge,
    refusal,
)
from evaluator_app.services.operation import (
    GENESIS,
    Change,
    Context,
    chain_hash,
    operation,
    reading,
    to_json,
)
from evaluator_app.services.records import EDITABLE_STATUSES
from evaluator_app.services.session_records import MODELS, collect, table
from evaluator_app.store.evidence_store import IncomingFiles
from evaluator_app.store.models import (
    BOOKKEEPING,
    AuditEvent,
    EvaluationSession,
    FrameworkRecord,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["ImportPreview", "ImportRefused", "ImportSummary", "import_bundle", "preview_bundle"]


class ImportRefused(BundleError, ServiceError):
    """A sound bundle that must not be applied here (e.g. it would change a signed session)."""

    def __init__(self, problem: str) -> None:
        super().__init__(None, problem)


@dataclass
class _Incoming:
    bundle: Bundle
    tables: Tables
    rows: list[dict[str, Any]]  # audit.json events as stored

    @cached_property
    def events(self) -> list[AuditEvent]:
        """The events as ORM objects, for a merge (adding a session needs only rows)."""
        return [AuditEvent(**row) for row in self.rows]


@contextmanager
def _checked(
    ctx: Context,
    path: Path,
    passphrase: str | None,
    limits: Limits | None,
    sink: EvidenceSink | None = None,
) -> Iterator[_Incoming]:
    """The bundle at ``path``, wholly checked; any BundleError names the file.
    ``sink`` receives the evidence files as they are checked (``open_bundle``)."""
    with open_bundle(
        path, passphrase, limits=limits, work_dir=ctx.store.data_dir, evidence_sink=sink
    ) as bundle:
        try:
            tables = bundle.records()
            rows = bundle.events()
            _check_trail(bundle, tables, rows)
            yield _Incoming(bundle, tables, rows)
        except BundleError as error:
            raise error.at(path.name) from None


def _event_hash(row: Mapping[str, Any]) -> str:
    """``operation.chain_hash`` of an event given as column values."""
    return chain_hash(cast(AuditEvent, SimpleNamespace(**row)))


def _check_trail(bundle: Bundle, tables: Tables, events: list[dict[str, Any]]) -> None:
    """The bundle's trail is unbroken and says what its records hold (as
    ``services.audit.verify_chain`` will check once they are stored); ``events``
    as column values (ORM objects for 4,000 events cost most of a second)."""
    whole = bundle.manifest.scope.whole
    previous = GENESIS
    for n, event in enumerate(events):
        if whole and event["prev_hash"] != previous:
            raise BundleError(
                AUDIT, _("events[{n}]: its link to the previous event is broken").format(n=n)
            )
        if _event_hash(event) != event["hash"]:
            raise BundleError(AUDIT, _("events[{n}]: changed after it was recorded").format(n=n))
        previous = event["hash"]
    if whole and events[0]["action"] != "create_session":
        raise BundleError(
            AUDIT, _("events[0]: the trail does not start with the session's creation")
        )
    try:
        expected = replay_trail(SimpleNamespace(**event) for event in events)
    except (ValueError, TypeError, AttributeError):
        raise BundleError(AUDIT, _("events: a recorded value is not valid JSON")) from None
    for name, model in MODELS.items():
        if name == "framework":
            continue
        records = [tables[name]] if name == "session" else tables[name]
        for record in records:
            label = f"{model.__tablename__} {record.get('indicator_code') or record['id'][:8]}"
            values = expected.pop((model.__tablename__, record["id"]), None)
            if values is None:
                raise BundleError(
                    SESSION, _("{label} is not in the bundle's audit trail").format(label=label)
                )
            for key, value in record.items():
                if key not in BOOKKEEPING and canonical_json(to_json(value)) != as_audited(
                    model, key, values
                ):
                    raise BundleError(
                        SESSION,
                        _("{label}: {key} differs from its audit trail").format(
                            label=label, key=key
                        ),
                    )
    if whole:
        seqs = {e["seq"]: e["hash"] for e in events}
        for n, signoff in enumerate(tables["signoffs"]):
            try:
                head = signoff_head(signoff["snapshot"])
            except (ValueError, TypeError, KeyError, AttributeError):
                raise BundleError(
                    SESSION, _("signoffs[{n}].snapshot: not a snapshot").format(n=n)
                ) from None
            if head is not None and seqs.get(head[0]) != head[1]:
                raise BundleError(
                    AUDIT,
                    _("differs from the trail sign-off {number} recorded").format(number=n + 1),
                )


@dataclass
class _Addition:
    framework_id: str
    framework_reused: bool


def _addition(db: Session, incoming: _Incoming) -> _Addition:
    """How a session new here is added (refused if its ids are taken here)."""
    tables, events = incoming.tables, incoming.rows
    if not incoming.bundle.manifest.scope.whole:
        raise ImportRefused(
            _(
                "this bundle holds only part of session {id} ({region} "
                "{year}), which this laptop does not have: import a bundle of"
                " the whole session first"
            ).format(
                id=tables["session"]["id"][:8],
                region=tables["session"]["region"],
                year=tables["session"]["year"],
            )
        )
    framework = tables["framework"]
    reuse = db.scalars(
        select(FrameworkRecord.id).where(FrameworkRecord.content_hash == framework["content_hash"])
    ).first()
    checks: list[tuple[Any, list[str]]] = [(AuditEvent, [e["id"] for e in events])]
    checks += [(MODELS[name], [r["id"] for r in tables[name]]) for name in LISTS]
    if reuse is None:
        checks.append((FrameworkRecord, [framework["id"]]))
    for model, ids in checks:
        if _clashes(db, model, ids):
            raise ImportRefused(
                _(
                    "the bundle's {tablename} records have the ids of records "
                    "that belong to another session on this laptop; it cannot be "
                    "added"
                ).format(tablename=model.__tablename__)
            )
    return _Addition(reuse or framework["id"], reuse is not None)


def _merge_plan(db: Session, incoming: _Incoming, local: EvaluationSession) -> MergePlan:
    """What merging the bundle into ``local`` would do (refused when it must not)."""
    theirs = incoming.bundle.manifest.framework
    ours = local.framework
    if ours.content_hash != theirs.content_hash:
        message = (
            _(
                "the bundle was made with framework {framework} version {version}; "
                "this laptop's session {session_id} uses framework {ours} version {release}"
            )
            if ours.code != theirs.id
            else _(
                "the bundle was made with framework {framework} version {version}; "
                "this laptop's session {session_id} uses version {release}"
            )
        )
        raise ImportRefused(
            message.format(
                framework=theirs.id,
                version=theirs.version,
                session_id=local.id[:8],
                ours=ours.code,
                release=ours.release,
            )
        )
    mine = collect(db, local.id)
    our_events = db.scalars(
        select(AuditEvent).where(AuditEvent.session_id == local.id).order_by(AuditEvent.seq)
    ).all()
    plan = plan_merge(
        mine,
        our_events,
        incoming.tables,
        incoming.events,
        whole=incoming.bundle.manifest.scope.whole,
    )
    reason = refusal(plan, mine, incoming.tables)
    if reason:
        raise ImportRefused(reason)
    if local.status not in EDITABLE_STATUSES:
        plan.absorbed = []  # a signed session's trail is not written to
    return plan


def _about(bundle: Bundle) -> dict[str, Any]:
    manifest = bundle.manifest
    return {
        "manifest_sha256": bundle.manifest_sha256,
        "device_id": manifest.device_id,
        "author": manifest.author,
        "created_at": manifest.created_at.isoformat(),
        "app_version": manifest.app_version,
        "format_version": manifest.format_version,
    }


def _clashes(db: Session, model: Any, ids: list[str]) -> bool:
    """Whether any of ``ids`` is taken in ``model``'s table: one statement, the ids
    given as a JSON array (an ``IN`` of 500 at a time was compiled afresh for
    each table, 50 ms of a large import; issue 9)."""
    connection = db.connection()
    quote = connection.dialect.identifier_preparer.quote
    taken = "SELECT value FROM json_each(?)"
    sql = f"SELECT 1 FROM {quote(model.__tablename__)} WHERE id IN ({taken}) LIMIT 1"
    return connection.exec_driver_sql(sql, (json.dumps(ids),)).first() is not None


def _copy_evidence(ctx: Context, bundle: Bundle, staged: IncomingFiles) -> None:
    """The evidence, written (and hashed) while the bundle was checked, made durable
    under its names before the database refers to it."""
    bundle.evidence_checked()  # every file read, hashed and written: or its BundleError
    try:
        stored = staged.commit()
    except OSError as error:
        raise StorageError(
            _("cannot copy evidence into the store: {error}").format(error=error)
        ) from None
    if sorted(s.sha256 for s in stored) != sorted(bundle.evidence_files):
        raise BundleError(None, _("changed while it was being imported"))


def _insert_rows(db: Session, target: Table, rows: list[dict[str, Any]]) -> None:
    """``db.execute(insert(target), rows)``, each value put through its column's
    type here rather than per row by SQLAlchemy's statement machinery (twice as
    fast for a large session's 11,000 rows; issue 9).  Rows that do not give
    exactly the table's columns (one added after the bundle's format) go the
    usual way, which fills in defaults."""
    columns = list(target.columns)
    wanted = {c.name for c in columns}
    connection = db.connection()
    dialect = connection.dialect
    if dialect.paramstyle != "qmark" or not all(row.keys() == wanted for row in rows):
        db.execute(insert(target), rows)
        return
    convert = [(c.name, c.type.dialect_impl(dialect).bind_processor(dialect)) for c in columns]
    quote = dialect.identifier_preparer.quote
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(target.name),
        ", ".join(quote(c.name) for c in columns),
        ", ".join("?" for _c in columns),
    )
    values = [
        tuple(row[name] if fn is None else fn(row[name]) for name, fn in convert) for row in rows
    ]
    connection.exec_driver_sql(sql, values)


def _insert(db: Session, incoming: _Incoming, plan: _Addition) -> None:
    """Write the bundle's session as it is, in the operation whose session is ``db``."""
    tables, bundle = incoming.tables, incoming.bundle
    session = tables["session"]
    theirs = tables["framework"]["id"]
    for name in MODELS:
        if name == "framework" and plan.framework_reused:
            continue
        rows = [tables[name]] if name in ("session", "framework") else tables[name]
        if name == "session":
            rows = [dict(session, framework_id=plan.framework_id)]
        if rows:
            _insert_rows(db, table(name), rows)
    _insert_rows(db, table("audit"), incoming.rows)
    # Captured changes of this operation become its audit events on commit.
    changes: list[Change] = db.info["changes"]
    if plan.framework_id != theirs:  # the same definition, stored here under another id
        changes.append(
            Change("session", session["id"], "update", "framework_id", theirs, plan.framework_id)
        )
    changes.append(Change("session", session["id"], "import", None, None, _about(bundle)))


def _add(ctx: Context, incoming: _Incoming, plan: _Addition, staged: IncomingFiles) -> None:
    session_id = incoming.tables["session"]["id"]
    with operation(ctx, "import_bundle") as op:
        op.session_id = session_id
        if op.db.get(EvaluationSession, session_id) is not None:
            raise ImportRefused(_("the session was added here meanwhile; import the bundle again"))
        _insert(op.db, incoming, plan)
        # The rows are written while the evidence is still on its way to the disk;
        # the files are durable under their names before the transaction commits
        # (and a failure here rolls it back).
        _copy_evidence(ctx, incoming.bundle, staged)


def _remove_session(db: Session, session_id: str) -> None:
    """Every row of a session and its trail (before taking a signed one whole)."""
    assessments = select(table("assessments").c.id).where(
        table("assessments").c.session_id == session_id
    )
    for name in ("ratings", "clarifications", "evidence"):
        db.execute(delete(table(name)).where(table(name).c.assessment_id.in_(assessments)))
    for name in ("assignments", "signoffs", "findings", "assessments", "participants"):
        db.execute(delete(table(name)).where(table(name).c.session_id == session_id))
    db.execute(delete(table("audit")).where(table("audit").c.session_id == session_id))
    db.execute(delete(table("session")).where(table("session").c.id == session_id))


def _merge(
    ctx: Context,
    incoming: _Incoming,
    resolutions: Mapping[str, Resolution],
    staged: IncomingFiles,
) -> MergePlan:
    session_id = incoming.tables["session"]["id"]
    with reading(ctx) as db:
        local = db.get(EvaluationSession, session_id)
        assert local is not None
        plan = _merge_plan(db, incoming, local)
    if plan.unchanged:
        return plan
    check_resolutions(plan, resolutions)
    _copy_evidence(ctx, incoming.bundle, staged)
    with operation(ctx, "merge_bundle") as op:
        op.session_id = session_id
        local = op.db.get(EvaluationSession, session_id)
        assert local is not None
        # Planned again under the write lock: a save made meanwhile counts.
        plan = _merge_plan(op.db, incoming, local)
        check_resolutions(plan, resolutions)
        if plan.takes_signoff:
            # Signed there, nothing more here (``refusal``): take it whole, as signed,
            # so that its sign-offs find the trail they name.
            _remove_session(op.db, session_id)
            _insert(op.db, incoming, _Addition(local.framework_id, True))
        elif not plan.unchanged:
            apply_merge(op.db, plan, resolutions, _about(incoming.bundle))
    return plan


@dataclass(frozen=True)
class ImportPreview:
    """What importing a bundle would do, before anything is written."""

    session_id: str
    region: str
    year: int
    author: str
    encrypted: bool
    outcome: Literal["add", "merge", "unchanged"]
    plan: MergePlan | None  # for a merge


def preview_bundle(
    ctx: Context, path: Path, passphrase: str | None = None, *, limits: Limits | None = None
) -> ImportPreview:
    """Check a bundle and say what importing it would do; writes nothing.

    Raises BundleError (or ImportRefused) as ``import_bundle`` would."""
    with _checked(ctx, path, passphrase, limits) as incoming:
        session = incoming.tables["session"]
        plan = None
        with reading(ctx) as db:
            local = db.get(EvaluationSession, session["id"])
            if local is None:
                _addition(db, incoming)
            else:
                plan = _merge_plan(db, incoming, local)
        outcome: Literal["add", "merge", "unchanged"] = (
            "add" if plan is None else "unchanged" if plan.unchanged else "merge"
        )
        return ImportPreview(
            session_id=session["id"],
            region=session["region"],
            year=session["year"],
            author=incoming.bundle.manifest.author,
            encrypted=incoming.bundle.encrypted,
            outcome=outcome,
            plan=plan,
        )


def import_bundle(
    ctx: Context,
    path: Path,
    passphrase: str | None = None,
    *,
    limits: Limits | None = None,
    resolutions: Mapping[str, Resolution] | None = None,
) -> ImportSummary:
    """Check a bundle completely, then add its session, or merge it into ours.

    ``resolutions``: a choice per conflict (``Conflict.key``), as the preview
    listed them; a merge with a conflict left open is refused.  Raises
    BundleError for a bad bundle, ImportRefused (also a BundleError) for one that
    must not be applied, InvalidInput for unsettled conflicts; in every case
    nothing was written.
    """
    with collector.paused(), quick_handoff():  # the evidence streams beside the checks
        return _import(ctx, path, passphrase, limits, resolutions)


def _import(
    ctx: Context,
    path: Path,
    passphrase: str | None,
    limits: Limits | None,
    resolutions: Mapping[str, Resolution] | None,
) -> ImportSummary:
    # Evidence is written as it is checked, under temporary names, and named only
    # once the import goes ahead (else removed on leaving): one pass over its bytes.
    with (
        ctx.store.evidence.incoming() as staged,
        _checked(ctx, path, passphrase, limits, staged) as incoming,
    ):
        tables, bundle = incoming.tables, incoming.bundle
        session_id = tables["session"]["id"]
        with reading(ctx) as db:
            exists = db.get(EvaluationSession, session_id) is not None
            addition = None if exists else _addition(db, incoming)
        plan = None
        if addition is not None:
            _add(ctx, incoming, addition, staged)
        else:
            plan = _merge(ctx, incoming, resolutions or {}, staged)
        bundle.evidence_checked()  # also when nothing was to be written ("unchanged")
        manifest = bundle.manifest
        outcome = "added" if plan is None else "unchanged" if plan.unchanged else "merged"
        return ImportSummary(
            session_id=manifest.session_id,
            outcome=outcome,
            region=tables["session"]["region"],
            year=tables["session"]["year"],
            records=count_records(tables),
            evidence_files=len(bundle.evidence_files),
            audit_events=len(incoming.rows),
            framework_reused=bool(addition and addition.framework_reused),
            device_id=manifest.device_id,
            author=manifest.author,
            created_at=manifest.created_at,
            encrypted=bundle.encrypted,
            merge=None if plan is None else plan.counts(),
        )
