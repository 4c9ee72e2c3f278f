"""Checking the signatures of a PDF and reading its attachments back.

Trust is judged offline, at the signing time each signer's computer claimed
(there is no timestamp authority offline), against the roots the caller
passes: usually the local issuer's certificate, plus any official roots.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.rw_common import PdfHandler
from pyhanko.sign.diff_analysis import ModificationLevel, SuspiciousModification
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.validation import (
    EmbeddedPdfSignature,
    PdfSignatureStatus,
    SignatureCoverageLevel,
    validate_pdf_signature,
)
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext

from evaluator_app.i18n import _, os_reason
from evaluator_app.signing.errors import SigningError

# pyHanko logs a traceback for every tampered file it analyses; that is a
# verdict here, not an error, so keep it off stderr unless the app logs it.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())

SNAPSHOT_NAME = "snapshot.json"
_SIGNING_USAGES = {"digital_signature", "non_repudiation"}
_ALLOWED_LATER = {
    ModificationLevel.NONE,
    ModificationLevel.LTA_UPDATES,
    ModificationLevel.FORM_FILLING,
}


@dataclass(frozen=True)
class SignatureCheck:
    """The verdict on one signature."""

    field: str
    signer: str  # the certificate's common name
    signer_serial: str  # serialNumber in the subject (the NIP for local identities)
    signed_at: dt.datetime | None  # as claimed by the signer's computer
    intact: bool  # the signed bytes hash to what was signed, and the signature is valid
    covers_revision: bool  # the byte range spans the whole revision it signs
    covers_whole_file: bool  # nothing was appended after it
    later_changes: str  # "none", "signatures and form filling only", "other", "unknown"
    changes_allowed: bool  # later revisions only added signatures / filled fields
    trusted: bool
    trust_root: str | None  # subject of the trusted root the chain leads to
    chain_top: str  # the top of the chain the signature carries (trusted or not)
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.intact and self.covers_revision and self.changes_allowed


@dataclass(frozen=True)
class VerificationReport:
    """Every signature of a PDF, and the files attached to it (as a viewer sees them)."""

    path: Path
    signatures: tuple[SignatureCheck, ...]
    embedded_files: dict[str, bytes] = field(default_factory=dict)
    unsigned_fields: tuple[str, ...] = ()  # reserved fields still waiting for a signer
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when there are signatures, all intact, with no disallowed change after any."""
        return bool(self.signatures) and not self.problems and all(s.ok for s in self.signatures)

    @property
    def all_trusted(self) -> bool:
        return bool(self.signatures) and all(s.trusted for s in self.signatures)

    @property
    def snapshot_json(self) -> bytes | None:
        return self.embedded_files.get(SNAPSHOT_NAME)


def verify_pdf(pdf: Path, trust_roots: Sequence[x509.Certificate | Path]) -> VerificationReport:
    """Check every signature in ``pdf``; ``trust_roots`` are certificates or PEM/DER files."""
    roots = [translate_pyca_cryptography_cert_to_asn1(c) for c in _load_roots(trust_roots)]
    try:
        data = pdf.read_bytes()
    except OSError as exc:
        raise SigningError(
            _("cannot read {pdf}: {strerror}").format(pdf=pdf, strerror=os_reason(exc))
        ) from exc
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sig_fields = list(enumerate_sig_fields(reader, filled_status=True))
        unsigned = tuple(str(n) for n, _v, _f in enumerate_sig_fields(reader, filled_status=False))
    except Exception as exc:  # a hostile or broken file may fail anywhere in the parser
        raise SigningError(
            _("{name} is not a readable PDF file: {exc}").format(name=pdf.name, exc=exc)
        ) from exc
    problems: list[str] = []
    checks = []
    for name, _value, sig_field in sig_fields:
        try:
            embedded = EmbeddedPdfSignature(reader, sig_field, name)
        except Exception as exc:  # unreadable signature data is a verdict, not a crash
            checks.append(
                _unreadable(name, _("the signature data cannot be read ({exc})").format(exc=exc))
            )
            continue
        checks.append(_check(embedded, roots))
    if not checks:
        problems.append(_("{name} carries no signatures").format(name=pdf.name))
    try:
        files = dict(_embedded_files(reader))
    except Exception as exc:  # same: report it, keep the signatures' verdicts
        files = {}
        problems.append(_("the attached files cannot be read ({exc})").format(exc=exc))
    return VerificationReport(
        path=pdf,
        signatures=tuple(checks),
        embedded_files=files,
        unsigned_fields=unsigned,
        problems=tuple(problems),
    )


def signature_fields(handler: PdfHandler) -> dict[str, bool]:
    """Each signature field's name, with whether it is signed already."""
    return {str(name): value is not None for name, value, _ref in enumerate_sig_fields(handler)}


def _check(embedded: EmbeddedPdfSignature, roots: list[Any]) -> SignatureCheck:
    # A damaged or hostile signature may fail anywhere inside pyHanko: that is
    # a verdict on this signature, never a crash of the whole check.
    try:
        certificate = embedded.signer_cert
        signed_at = embedded.self_reported_timestamp
        chain_top = _chain_top(certificate, embedded.other_embedded_certs)
        # No keyUsage extension means no restriction (RFC 5280), so ask for none then.
        usage = set() if certificate.key_usage_value is None else _SIGNING_USAGES
        context = ValidationContext(
            trust_roots=roots, moment=signed_at, allow_fetching=False, revocation_mode="soft-fail"
        )
        status = validate_pdf_signature(
            embedded,
            signer_validation_context=context,
            key_usage_settings=KeyUsageConstraints(key_usage=usage),
        )
    except Exception as exc:
        return _unreadable(
            embedded.field_name, _("the signature cannot be checked ({exc})").format(exc=exc)
        )
    problems = list(_problems(status))
    later, allowed = _later_changes(status)
    if not allowed:
        problems.append(_change_problem(status))
    subject = certificate.subject.native
    if isinstance(subject.get("common_name"), list):  # several CNs: show the first
        subject["common_name"] = subject["common_name"][0]
    return SignatureCheck(
        field=embedded.field_name,
        signer=str(subject.get("common_name", certificate.subject.human_friendly)),
        signer_serial=str(subject.get("serial_number", "")),
        signed_at=signed_at,
        intact=status.intact and status.valid,
        covers_revision=status.coverage is not None
        and status.coverage >= SignatureCoverageLevel.ENTIRE_REVISION,
        covers_whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        later_changes=later,
        changes_allowed=allowed,
        trusted=status.trusted,
        trust_root=_trust_root(status),
        chain_top=chain_top,
        problems=tuple(problems),
    )


def _trust_root(status: PdfSignatureStatus) -> str | None:
    path = status.validation_path
    if not status.trusted or path is None:
        return None
    return _name(path.trust_anchor.authority.name)


def _problems(status: PdfSignatureStatus) -> Iterator[str]:
    if not status.intact:
        yield _(
            "the signed part of the file was changed after signing (its hash no longer matches)"
        )
    elif not status.valid:
        yield _("the cryptographic signature does not match the signer's certificate")
    if status.coverage is None or status.coverage < SignatureCoverageLevel.ENTIRE_REVISION:
        yield _("the signature does not cover the whole revision it belongs to")
    if not status.trusted and status.intact and status.valid:
        yield _trust_problem(status)


def _trust_problem(status: PdfSignatureStatus) -> str:
    indication = status.trust_problem_indic
    name = str(getattr(indication, "name", "NO_CERTIFICATE_CHAIN_FOUND"))
    if status.revoked:
        return _("the signer's certificate has been revoked")
    if name in ("NO_CERTIFICATE_CHAIN_FOUND", "NO_SIGNING_CERTIFICATE_FOUND"):
        return _("the signer's certificate does not lead to any trusted root")
    if name in ("EXPIRED", "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED"):
        return _("the signer's certificate was not valid at the time of signing")
    if name == "NOT_YET_VALID":
        return _("the signer's certificate was not yet valid at the time of signing")
    words = name.lower().replace("_", " ")
    return _("the signer's certificate could not be validated ({words})").format(words=words)


def _later_changes(status: PdfSignatureStatus) -> tuple[str, bool]:
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return "none", True
    if isinstance(status.diff_result, SuspiciousModification):
        return "other", False
    level = status.modification_level
    if level is None:
        return "unknown", False
    if level in _ALLOWED_LATER and status.docmdp_ok is not False:
        return (
            "none" if level == ModificationLevel.NONE else "signatures and form filling only"
        ), True
    return "other", False


def _change_problem(status: PdfSignatureStatus) -> str:
    sentence = _("the file was changed after this signature, and not only by adding signatures")
    if isinstance(status.diff_result, SuspiciousModification):
        detail = str(status.diff_result).strip().splitlines()
        return f"{sentence} ({detail[0]})" if detail else sentence
    return sentence


def _unreadable(name: str, problem: str) -> SignatureCheck:
    return SignatureCheck(
        field=name,
        signer="",
        signer_serial="",
        signed_at=None,
        intact=False,
        covers_revision=False,
        covers_whole_file=False,
        later_changes="unknown",
        changes_allowed=False,
        trusted=False,
        trust_root=None,
        chain_top="",
        problems=(problem,),
    )


def _chain_top(certificate: Any, others: Iterable[Any]) -> str:
    by_subject = {c.subject.dump(): c for c in others}
    current = certificate
    for _step in range(10):  # walk up by names; a loop or a gap ends the walk
        if current.issuer == current.subject or current.issuer.dump() not in by_subject:
            break
        current = by_subject[current.issuer.dump()]
    top = current.subject if current.issuer == current.subject else current.issuer
    return _name(top)


def _name(name: Any) -> str:
    """An asn1crypto name as its common name, or its whole text without one."""
    return str(name.native.get("common_name") or name.human_friendly)


def _embedded_files(reader: PdfFileReader) -> Iterator[tuple[str, bytes]]:
    try:
        tree = reader.root["/Names"]["/EmbeddedFiles"]
    except KeyError:
        return
    yield from _walk_name_tree(tree, depth=0)


def _walk_name_tree(node: generic.DictionaryObject, depth: int) -> Iterator[tuple[str, bytes]]:
    if depth > 16:
        raise SigningError(_("the attachment list nests too deeply"))
    names = node.get("/Names")
    if names is not None:
        pairs = list(names.get_object())
        for key, spec in zip(pairs[0::2], pairs[1::2], strict=False):
            spec = spec.get_object()
            stream = spec["/EF"].get("/UF") or spec["/EF"]["/F"]
            yield str(key), stream.get_object().data
    kids = node.get("/Kids")
    for kid in kids.get_object() if kids is not None else ():
        yield from _walk_name_tree(kid.get_object(), depth + 1)


def _load_roots(items: Sequence[x509.Certificate | Path]) -> list[x509.Certificate]:
    roots: list[x509.Certificate] = []
    for item in items:
        if isinstance(item, x509.Certificate):
            roots.append(item)
            continue
        try:
            data = item.read_bytes()
            if b"-----BEGIN" in data:
                roots.extend(x509.load_pem_x509_certificates(data))
            else:
                roots.append(x509.load_der_x509_certificate(data))
        except (OSError, ValueError) as exc:
            raise SigningError(
                _("the trust root {item} is not a readable certificate").format(item=item)
            ) from exc
    return roots
