"""Evidence: files (kept by hash), links, documents seen in the room, promises."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from sqlalchemy import select

from evaluator_app.i18n import _, os_reason
from evaluator_app.services.errors import InvalidInput, NotFound
from evaluator_app.services.operation import Context, Op, operation, reading
from evaluator_app.services.records import assessment_of, editable_session, get
from evaluator_app.store import models
from evaluator_app.store.evidence_store import EvidenceFileError

STATUSES = ("provided", "accepted", "rejected", "pending")


def _add(op: Op, session_id: str, code: str, evidence: models.Evidence) -> str:
    session = editable_session(op.db, session_id)
    op.session_id = session.id
    evidence.assessment_id = assessment_of(op.db, session, code).id
    op.db.add(evidence)
    op.db.flush()
    return evidence.id


def _title(title: str | None, fallback: str) -> str:
    title = (title or "").strip() or fallback.strip()
    if not title:
        raise InvalidInput(_("evidence needs a title"))
    return title


def attach_file(
    ctx: Context, session_id: str, code: str, path: Path, title: str | None = None
) -> str:
    """Copy a file into the evidence store and record it for an indicator."""
    if path.is_dir():
        raise InvalidInput(_("{path} is a folder; choose a file in it").format(path=path))
    if not path.is_file():
        raise InvalidInput(_("no file at {path}").format(path=path))
    with reading(ctx) as db:  # refuse before copying anything into the store
        assessment_of(db, editable_session(db, session_id), code)
    try:
        stored = ctx.store.evidence.put_file(path)
    except OSError as error:
        # what went wrong, and where: a full disk is the store's disk, not the source's
        reason = f"{os_reason(error)} ({ctx.store.evidence.root})"
        raise InvalidInput(
            _("cannot copy {path} into the evidence store: {error}").format(path=path, error=reason)
        ) from None
    # The copy is content-addressed, so a failed transaction leaves only an
    # unreferenced file behind, never a record without its file.
    with operation(ctx, "attach_evidence_file") as op:
        return _add(
            op,
            session_id,
            code,
            models.Evidence(
                title=_title(title, path.name),
                kind="file",
                sha256=stored.sha256,
                original_name=path.name,
                size=stored.size,
                status="provided",
                note="",
            ),
        )


def add_link(ctx: Context, session_id: str, code: str, url: str, title: str | None = None) -> str:
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise InvalidInput(_("{url!r} is not a web address (http:// or https://)").format(url=url))
    with operation(ctx, "add_evidence_link") as op:
        return _add(
            op,
            session_id,
            code,
            models.Evidence(
                title=_title(title, url), kind="link", url=url.strip(), status="provided", note=""
            ),
        )


def add_seen(ctx: Context, session_id: str, code: str, title: str, note: str = "") -> str:
    """A document shown in the room but not handed over."""
    with operation(ctx, "add_evidence_seen") as op:
        return _add(
            op,
            session_id,
            code,
            models.Evidence(
                title=_title(title, ""), kind="seen", status="provided", note=note.strip()
            ),
        )


def promise(ctx: Context, session_id: str, code: str, title: str, due: dt.date) -> str:
    """Evidence the city will deliver by a date: recorded as pending."""
    with operation(ctx, "promise_evidence") as op:
        return _add(
            op,
            session_id,
            code,
            models.Evidence(
                title=_title(title, ""), kind="file", status="pending", due_date=due, note=""
            ),
        )


def _evidence(op: Op, evidence_id: str) -> models.Evidence:
    evidence = get(op.db, models.Evidence, evidence_id)
    op.session_id = editable_session(op.db, evidence.assessment.session_id).id
    return evidence


def mark_pending(ctx: Context, evidence_id: str, due: dt.date) -> None:
    with operation(ctx, "mark_evidence_pending") as op:
        evidence = _evidence(op, evidence_id)
        evidence.status = "pending"
        evidence.due_date = due


def _review(ctx: Context, evidence_id: str, status: str, note: str | None) -> None:
    with operation(ctx, f"{status[:-2]}_evidence") as op:
        evidence = _evidence(op, evidence_id)
        if evidence.kind == "file" and evidence.sha256 is None:
            raise InvalidInput(
                _("{title!r} has not been delivered yet").format(title=evidence.title)
            )
        evidence.status = status
        if note is not None:
            evidence.note = note.strip()


def accept(ctx: Context, evidence_id: str, note: str | None = None) -> None:
    _review(ctx, evidence_id, "accepted", note)


def reject(ctx: Context, evidence_id: str, note: str | None = None) -> None:
    _review(ctx, evidence_id, "rejected", note)


def remove(ctx: Context, evidence_id: str) -> None:
    with operation(ctx, "remove_evidence") as op:
        op.db.delete(_evidence(op, evidence_id))


def evidence_file(ctx: Context, evidence_id: str) -> Path:
    """The stored file of a piece of evidence, proven intact (to open or export)."""
    with reading(ctx) as db:
        evidence = get(db, models.Evidence, evidence_id)
        if evidence.sha256 is None:
            raise NotFound(_("evidence {title!r} has no file").format(title=evidence.title))
        sha256, title = evidence.sha256, evidence.title
    try:
        return ctx.store.evidence.check(sha256)
    except EvidenceFileError as error:
        raise InvalidInput(
            _("evidence {title!r}: {problem} ({path})").format(
                title=title, problem=error.problem, path=error.path
            )
        ) from None


@dataclass(frozen=True)
class FileProblem:
    evidence_id: str
    indicator_code: str
    title: str
    path: Path
    problem: str


def check_files(ctx: Context, session_id: str) -> list[FileProblem]:
    """Every evidence file of a session whose stored copy is missing or changed."""
    with reading(ctx) as db:
        session_id = get(db, models.EvaluationSession, session_id).id
        rows = db.execute(
            select(
                models.Evidence.id,
                models.Assessment.indicator_code,
                models.Evidence.title,
                models.Evidence.sha256,
            )
            .join(models.Assessment)
            .where(models.Assessment.session_id == session_id, models.Evidence.sha256.is_not(None))
        ).all()
    problems = []
    for evidence_id, code, title, sha256 in rows:
        if sha256 is None:  # excluded by the query; narrows the type
            continue
        try:
            ctx.store.evidence.verify(sha256)
        except EvidenceFileError as error:
            problems.append(FileProblem(evidence_id, code, title, error.path, error.problem))
    return problems
