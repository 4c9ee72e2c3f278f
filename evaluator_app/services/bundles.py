"""Session bundles between laptops: export a session, or part of it.

Importing is ``services.bundle_import``; the format is ``docs/bundle-format.md``.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from evaluator_app import __version__, collector
from evaluator_app.exchange.schema import FrameworkRef, Scope
from evaluator_app.exchange.scope import (
    ScopeError,
    count_records,
    events_for,
    indicators_in_scope,
    record_keys,
    select_records,
)
from evaluator_app.exchange.summary import BundleSummary
from evaluator_app.exchange.writer import EvidenceFile, Header, write_bundle
from evaluator_app.i18n import _
from evaluator_app.services.errors import InvalidInput, StorageError
from evaluator_app.services.frameworks import framework_by_hash
from evaluator_app.services.operation import Context, looking
from evaluator_app.services.records import record_row, session_row
from evaluator_app.services.session_records import collect_json, trail_json, trail_text
from evaluator_app.signing.atomic_write import write_atomically
from evaluator_app.signing.errors import OutputError
from evaluator_app.store.tables import participant_table, utc_now

__all__ = ["BundleSummary", "device_id", "export_bundle"]

DEVICE_FILE = "device.json"


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
    with collector.paused():
        return _export(ctx, session_id, out, dimensions, evaluator_id, passphrase)


def _export(
    ctx: Context,
    session_id: str,
    out: Path,
    dimensions: list[str] | None,
    evaluator_id: str | None,
    passphrase: str | None,
) -> BundleSummary:
    if dimensions is not None:
        dimensions = list(dict.fromkeys(d.strip() for d in dimensions if d.strip()))
        if not dimensions:
            raise InvalidInput(_("name at least one dimension, or export the whole session"))
    if passphrase is not None and not passphrase:
        raise InvalidInput(_("the passphrase must not be empty"))
    # Read through Core: an export needs no ORM objects, and setting the ORM up
    # was 0.15-0.2 s of an export from the command line (issue 9).
    with looking(ctx) as db:
        session = session_row(db, session_id)
        framework = framework_by_hash(db, session.framework_id, session.content_hash)
        evaluator = None
        if evaluator_id is not None:
            people = participant_table
            person = record_row(
                db, people, evaluator_id, people.c.id, people.c.session_id, people.c.name
            )
            if person.session_id != session.id:
                raise InvalidInput(
                    _("{name} is not a participant of this session").format(name=person.name)
                )
            evaluator = person.id
        tables = collect_json(db, session.id)
        whole = dimensions is None and evaluator is None
        try:
            codes = None if whole else indicators_in_scope(tables, framework, dimensions, evaluator)
        except ScopeError as error:
            raise InvalidInput(str(error)) from None
        chosen = select_records(tables, codes)
        evidence = _evidence_files(ctx, chosen["evidence"])
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
        events = 0

        def audit_json() -> dict[str, Any] | str:
            nonlocal events
            made = trail_text(db, session.id) if whole else None
            if made is not None:  # the usual case, made by SQLite (``trail_text``)
                text, events = made
                return text
            trail = trail_json(db, session.id)
            if not whole:
                trail = events_for(trail, record_keys(chosen))
            events = len(trail)
            return {"events": trail}

        # The trail is read while the evidence is being copied (``write_bundle``),
        # in the same read transaction.
        written = write_bundle(out, header, chosen, audit_json, evidence, passphrase)
    return BundleSummary(
        path=written.path,
        session_id=session.id,
        size=written.size,
        encrypted=passphrase is not None,
        scope={"dimensions": dimensions, "evaluator": evaluator},
        records=count_records(chosen),
        evidence_files=len(evidence),
        audit_events=events,
    )


def _evidence_files(ctx: Context, records: list[dict[str, Any]]) -> list[EvidenceFile]:
    """The stored files of these evidence records, each once, in digest order."""
    files = {e["sha256"]: e for e in records if e["sha256"] is not None}
    store = ctx.store.evidence
    loose = store.loose_files()  # one listing, not a stat per file (issue 9)
    evidence = []
    for sha256, record in sorted(files.items()):
        if sha256 in loose:  # read and checked by the writer as any file
            evidence.append(EvidenceFile(sha256, record["size"], store.path_for(sha256)))
            continue
        blob = store.locate(sha256)  # packed
        if blob is None:
            raise InvalidInput(
                _("the file of evidence {title!r} is missing from the evidence store").format(
                    title=record["title"]
                )
            )
        evidence.append(EvidenceFile(sha256, record["size"], blob.path, blob.offset))
    return evidence
