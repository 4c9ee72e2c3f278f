"""The minutes: drafts, the frozen and signed PDF, exports and verification.

The first signer's sign-off freezes the session: the canonical snapshot (with
the audit trail's head and the list of signers) is hashed, the final minutes
are rendered once with an empty signature field per signer and the snapshot
embedded as ``snapshot.json``, and kept in ``<data>/minutes/<session id>/``.
Each sign-off then adds one incremental PAdES signature, as a new file
(``<hash>-1.pdf``, ``-2.pdf``…), so an earlier revision is never rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evaluator_app import signing
from evaluator_app.domain.canonical import canonical_json, sha256_of
from evaluator_app.i18n import _, os_reason
from evaluator_app.reports import (
    ReportError,
    SignerBlock,
    render_agency_findings,
    render_minutes,
    render_outstanding_evidence,
)
from evaluator_app.reports.signatures import default_signers
from evaluator_app.services import config
from evaluator_app.services.errors import InvalidInput, NotFound, SessionLocked
from evaluator_app.services.frameworks import framework_of
from evaluator_app.services.history import previous_figures
from evaluator_app.services.identities import identities_folder, trust_roots
from evaluator_app.services.numbering import document_number
from evaluator_app.services.operation import Context, chain_head, operation, reading
from evaluator_app.services.records import EDITABLE_STATUSES, get
from evaluator_app.services.signoff import snapshot
from evaluator_app.store.models import EvaluationSession, Participant, SignOff

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SNAPSHOT_FILE = signing.SNAPSHOT_NAME


def minutes_folder(ctx: Context, session_id: str) -> Path:
    return ctx.store.data_dir / "minutes" / session_id


def field_name(participant_id: str) -> str:
    return "sig-" + participant_id.replace("-", "")


@contextmanager
def _writing(out: Path) -> Iterator[Path]:
    """A temporary file beside ``out``, renamed into place only when all went well."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
        os.close(fd)
    except OSError as error:
        raise InvalidInput(
            _("cannot write to {parent}: {strerror}").format(
                parent=out.parent, strerror=os_reason(error)
            )
        ) from None
    temp = Path(name)
    try:
        yield temp
        temp.replace(out)
    finally:
        temp.unlink(missing_ok=True)


def _render(
    data: dict[str, Any], session: EvaluationSession, out: Path, language: str, draft: bool
) -> int:
    try:
        layout = render_minutes(
            data,
            framework_of(session),
            out,
            language=language,
            draft=draft,
            signers=_signer_blocks(data),
        )
    except ReportError as error:
        raise InvalidInput(str(error)) from None
    return layout.pages


def _signer_blocks(data: dict[str, Any]) -> list[SignerBlock]:
    chosen = data.get("signers")
    if chosen is None:
        return default_signers(data)
    people = {p["id"]: p for p in data["participants"]}
    return [SignerBlock.from_participant(people[pid]) for pid in chosen]


def _with_extras(
    ctx: Context, db: Session, session: EvaluationSession, show_ratings: bool | None
) -> dict[str, Any]:
    """The snapshot with what the minutes show beside it: the previous session's
    figures (when there is one) and whether the evaluators' ratings are listed
    (``None``: as the ``minutes_show_ratings`` setting says)."""
    data = snapshot(session)
    previous = previous_figures(db, session)
    if previous is not None:
        data["previous"] = previous
    if show_ratings is None:
        show_ratings = config.read_flag(ctx.store.data_dir, config.MINUTES_SHOW_RATINGS)
    data["show_ratings"] = show_ratings
    return data


def export_draft(
    ctx: Context,
    session_id: str,
    out: Path,
    language: str = "id",
    *,
    show_ratings: bool | None = None,
) -> int:
    """Minutes of the session as it stands, watermarked as a draft; returns the pages.

    ``show_ratings`` lists each evaluator's rating per indicator; ``None`` leaves
    it to the ``minutes_show_ratings`` setting."""
    with reading(ctx) as db:
        session = get(db, EvaluationSession, session_id)
        data = _with_extras(ctx, db, session, show_ratings)
        with _writing(out) as temp:
            return _render(data, session, temp, language, draft=True)


# --- signing ------------------------------------------------------------------


@dataclass(frozen=True)
class SignedMinutes:
    snapshot_hash: str
    path: Path  # the newest revision: every signature so far
    signers: list[str]  # participant ids with a field in the minutes
    signed: list[str]  # those who have signed

    @property
    def waiting_for(self) -> list[str]:
        return [pid for pid in self.signers if pid not in self.signed]


def _live(session: EvaluationSession) -> list[SignOff]:
    return [s for s in session.signoffs if not s.superseded]


def _revision(folder: Path, digest: str, index: int) -> Path:
    return folder / f"{digest[:16]}-{index}.pdf"


def signed_minutes(ctx: Context, session_id: str) -> SignedMinutes | None:
    """The frozen minutes of a session and who has signed them; None before sign-off."""
    with reading(ctx) as db:
        session = get(db, EvaluationSession, session_id)
        live = [s for s in _live(session) if s.method == "pades"]
        if not live:
            return None
        frozen = json.loads(live[0].snapshot)
        path = _revision(minutes_folder(ctx, session.id), live[0].snapshot_hash, len(live))
        return SignedMinutes(
            live[0].snapshot_hash,
            path,
            list(frozen.get("signers", [])),
            [s.signer_id or "" for s in live],
        )


def _freeze(
    db: Session,
    ctx: Context,
    session: EvaluationSession,
    signers: list[str] | None,
    show_ratings: bool | None = None,
) -> dict[str, Any]:
    """The snapshot to sign: numbered, with the trail's head, the signers, the
    previous session's figures and whether the ratings are shown."""
    if session.status not in EDITABLE_STATUSES:
        raise SessionLocked(
            _("session {session_id} is signed; reopen it to amend").format(
                session_id=session.id[:8]
            )
        )
    data = _with_extras(ctx, db, session, show_ratings)
    if not data["session"]["document_number"]:
        pattern = config.read_option(ctx.store.data_dir, config.DOCUMENT_NUMBER)
        data["session"]["document_number"] = document_number(db, session, pattern)
    present = {p.id for p in session.participants if p.present}
    chosen = signers if signers is not None else [b.participant_id for b in default_signers(data)]
    if not chosen:
        raise InvalidInput(_("name at least one signer: a lead evaluator or the region's signer"))
    for pid in chosen:
        if pid not in present:
            raise InvalidInput(
                _("participant {pid} is not present in this session").format(pid=pid[:8])
            )
    data["signers"] = list(dict.fromkeys(chosen))
    seq, head = chain_head(db, session.id)
    data["audit_head"] = {"seq": seq, "hash": head}
    return data


def sign_minutes(
    ctx: Context,
    session_id: str,
    signer_id: str,
    identity: str | Path,
    passphrase: str,
    *,
    signature_image: bytes | None = None,
    signers: list[str] | None = None,
    language: str = "id",
    show_ratings: bool | None = None,
) -> SignedMinutes:
    """One signer signs the minutes with a PKCS#12 identity (a file, or an id of the
    data folder's identities).  The first signature freezes the session; ``signers``,
    ``language`` and ``show_ratings`` (``None``: the ``minutes_show_ratings``
    setting) only count then, later signers sign the frozen minutes."""
    try:
        key = signing.load_signer(identity, passphrase, folder=identities_folder(ctx))
    except signing.WrongPassphraseError:
        raise InvalidInput(
            _("the passphrase does not open this signing identity; check it and try again")
        ) from None
    except signing.SigningError as error:
        raise InvalidInput(str(error)) from None
    created: list[Path] = []
    try:
        with reading(ctx) as db:
            session = get(db, EvaluationSession, session_id)
            signer = get(db, Participant, signer_id)
            live = [s for s in _live(session) if s.method == "pades"]
            folder = minutes_folder(ctx, session.id)
            if live:
                data = json.loads(live[0].snapshot)
            else:
                data = _freeze(db, ctx, session, signers, show_ratings)
            digest = sha256_of(data)
            if signer.id not in data["signers"]:
                raise InvalidInput(
                    _("{name} is not among the signers of these minutes").format(name=signer.name)
                )
            if any(s.signer_id == signer.id for s in live):
                raise InvalidInput(
                    _("{name} has already signed these minutes").format(name=signer.name)
                )
            base = _revision(folder, digest, len(live))
            if not live:
                created.append(base)
                folder.mkdir(parents=True, exist_ok=True)
                _build_final(data, session, base, language)
            location = session.region
        out = _revision(folder, digest, len(live) + 1)
        created.append(out)
        try:
            signing.sign_pdf(
                base,
                out,
                field=field_name(signer.id),
                signer=key,
                reason=_reason(language),
                location=location,
                signature_image=signature_image,
                signer_name=signer.name,
            )
        except signing.SigningError as error:
            raise InvalidInput(str(error)) from None
        _record(ctx, session_id, signer.id, data, digest, key, out, freezing=not live)
        created.clear()
    finally:
        for path in created:
            path.unlink(missing_ok=True)
    result = signed_minutes(ctx, session_id)
    assert result is not None
    return result


def _reason(language: str) -> str:
    return "Berita acara evaluasi" if language == "id" else "Evaluation minutes"


def _build_final(
    data: dict[str, Any], session: EvaluationSession, out: Path, language: str
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        rendered = Path(scratch) / "minutes.pdf"
        layout = render_minutes(
            data, framework_of(session), rendered, language=language, signers=_signer_blocks(data)
        )
        fields = {field_name(pid): box for pid, box in layout.signature_boxes.items()}
        attachment = canonical_json(data).encode("utf-8")
        try:
            signing.prepare_for_signing(
                rendered,
                out,
                fields=fields,
                attachments=[(SNAPSHOT_FILE, attachment, "application/json")],
            )
        except signing.SigningError as error:
            raise InvalidInput(str(error)) from None


def _record(
    ctx: Context,
    session_id: str,
    signer_id: str,
    data: dict[str, Any],
    digest: str,
    key: signing.LoadedSigner,
    out: Path,
    *,
    freezing: bool,
) -> None:
    from cryptography.hazmat.primitives.serialization import Encoding

    with operation(ctx, "sign_off") as op:
        session = get(op.db, EvaluationSession, session_id)
        op.session_id = session.id
        if freezing:
            seq, head = chain_head(op.db, session.id)
            if data["audit_head"] != {"seq": seq, "hash": head}:
                raise InvalidInput(_("the session changed while it was being signed; sign again"))
            session.document_number = data["session"]["document_number"]
            session.status = "signed"
        op.db.add(
            SignOff(
                session_id=session.id,
                signer_id=signer_id,
                snapshot_hash=digest,
                snapshot=canonical_json(data),
                method="pades",
                superseded=False,
                reopen_reason="",
                certificate=key.certificate.public_bytes(Encoding.DER),
                signature=hashlib.sha256(out.read_bytes()).digest(),
            )
        )


def export_signed(ctx: Context, session_id: str, out: Path) -> SignedMinutes:
    """Copy the newest signed revision out (whole or not at all)."""
    minutes = signed_minutes(ctx, session_id)
    if minutes is None:
        raise NotFound(
            _("session {session_id} has no signed minutes yet").format(session_id=session_id[:8])
        )
    if not minutes.path.is_file():
        raise InvalidInput(
            _("the signed minutes are missing from {path}").format(path=minutes.path)
        )
    with _writing(out) as temp:
        shutil.copyfile(minutes.path, temp)
    return minutes


# --- verification ---------------------------------------------------------------


@dataclass(frozen=True)
class MinutesCheck:
    report: signing.VerificationReport
    snapshot_hash: str | None  # of the embedded snapshot.json, recomputed
    snapshot_matches: bool  # it is canonical, and equals the hash the minutes were made for
    problems: list[str]

    @property
    def ok(self) -> bool:
        return self.report.ok and self.snapshot_matches and not self.problems


def verify_minutes(ctx: Context, pdf: Path) -> MinutesCheck:
    """Check every signature of a minutes PDF and re-hash its embedded snapshot."""
    if not pdf.is_file():
        raise InvalidInput(_("no file at {pdf}").format(pdf=pdf))
    try:
        report = signing.verify_pdf(pdf, trust_roots(ctx))
    except signing.SigningError as error:
        raise InvalidInput(f"{pdf}: {error}") from None
    problems: list[str] = []
    digest = None
    matches = False
    if report.snapshot_json is None:
        problems.append(
            _("{name} carries no {snapshot_file}").format(
                name=pdf.name, snapshot_file=SNAPSHOT_FILE
            )
        )
    else:
        with suppress(ValueError):
            embedded = json.loads(report.snapshot_json)
            digest = sha256_of(embedded)
            canonical = canonical_json(embedded).encode("utf-8") == report.snapshot_json
            matches = canonical and _signed_hash_matches(ctx, embedded, digest, problems)
        if digest is None:
            problems.append(
                _("the embedded {snapshot_file} is not JSON").format(snapshot_file=SNAPSHOT_FILE)
            )
    return MinutesCheck(report, digest, matches, problems)


def _signed_hash_matches(
    ctx: Context, embedded: dict[str, Any], digest: str, problems: list[str]
) -> bool:
    """The embedded snapshot against what this installation recorded, when it has the
    session; a PDF from elsewhere is judged by its signatures alone."""
    session_id = str(embedded.get("session", {}).get("id", ""))
    try:
        with reading(ctx) as db:
            session = get(db, EvaluationSession, session_id)
            recorded = {s.snapshot_hash for s in session.signoffs if s.method == "pades"}
    except (NotFound, InvalidInput):
        return True
    if digest not in recorded:
        problems.append(_("the embedded snapshot is not the one this session's sign-off recorded"))
        return False
    return True


def export_agency_findings(
    ctx: Context, session_id: str, agency: str, out: Path, language: str = "id"
) -> int:
    """The findings addressed to one agency, as its own short PDF; returns the pages."""
    with reading(ctx) as db:
        session = get(db, EvaluationSession, session_id)
        data = snapshot(session)
        named = {a for f in data["findings"] for a in f["agencies"]}
        if agency not in named:
            known = ", ".join(sorted(named)) or "none"
            raise NotFound(
                _("no finding is addressed to {agency!r}; agencies named: {known}").format(
                    agency=agency, known=known
                )
            )
        with _writing(out) as temp:
            try:
                return render_agency_findings(
                    data, framework_of(session), agency, temp, language=language
                )
            except ReportError as error:
                raise InvalidInput(str(error)) from None


def export_outstanding(ctx: Context, session_id: str, out: Path, language: str = "id") -> int:
    """The city's list of evidence still to deliver, with deadlines; returns the pages."""
    with reading(ctx) as db:
        session = get(db, EvaluationSession, session_id)
        data = snapshot(session)
        with _writing(out) as temp:
            try:
                return render_outstanding_evidence(
                    data, framework_of(session), temp, language=language
                )
            except ReportError as error:
                raise InvalidInput(str(error)) from None
