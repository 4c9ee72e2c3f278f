"""Signing identities: PKCS#12 keystores kept in a folder, created here or brought in.

Layout of the identities folder (the app passes ``<data dir>/identities/``)::

    local-issuer/...                 the installation's issuer (see ``issuer.py``)
    <slug>-<id>.p12                  the keystore, encrypted by its owner's passphrase (0600)
    <slug>-<id>.json                 what can be shown without the passphrase:
                                     name, NIP, organisation, origin, certificate (PEM)

``<id>`` is 16 hex digits; ``<slug>`` is the name in lower-case ASCII.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.keys.internal import (
    translate_pyca_cryptography_cert_to_asn1,
    translate_pyca_cryptography_key_to_asn1,
)
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from evaluator_app.i18n import _, os_reason
from evaluator_app.signing.atomic_write import write_atomically
from evaluator_app.signing.errors import (
    IdentityNotFoundError,
    OutputError,
    SigningError,
)
from evaluator_app.signing.issuer import (
    common_name,
    ensure_local_issuer,
    fingerprint,
    issue_certificate,
    local_issuer_certificate,
)
from evaluator_app.signing.keystore import Keystore, check_usable, open_keystore

log = logging.getLogger(__name__)

MIN_PASSPHRASE_LENGTH = 8
DEFAULT_VALID_DAYS = 5 * 365
_ID = re.compile(r"[0-9a-f]{16}")
_PBKDF_ROUNDS = 100_000

Origin = Literal["created", "imported"]


@dataclass(frozen=True)
class IdentityInfo:
    """What the settings screen lists about an identity (no passphrase needed)."""

    id: str
    name: str
    nip: str
    organisation: str
    issuer: str
    valid_from: dt.datetime
    valid_to: dt.datetime
    fingerprint: str
    origin: Origin
    issued_locally: bool  # signed by this installation's local issuer
    path: Path


def create_identity(
    folder: Path,
    name: str,
    nip: str,
    organisation: str,
    passphrase: str,
    *,
    valid_days: int = DEFAULT_VALID_DAYS,
    valid_from: dt.datetime | None = None,
) -> IdentityInfo:
    """Make a key and a certificate from the local issuer for a person; keep them.

    The subject is CN=name, serialNumber=NIP (when given), O=organisation. The
    keystore holds the key, the certificate and the issuer's certificate,
    encrypted with ``passphrase`` (PBES2, AES-256, SHA-256 MAC). ``valid_from``
    defaults to now; the end is capped at the issuer's own end.
    """
    name, nip, organisation = name.strip(), nip.strip(), organisation.strip()
    if not name:
        raise SigningError(_("an identity needs the person's name"))
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise SigningError(
            _("the passphrase must have at least {min_passphrase_length} characters").format(
                min_passphrase_length=MIN_PASSPHRASE_LENGTH
            )
        )
    if valid_days < 1:
        raise SigningError(_("an identity must be valid for at least one day"))
    issuer = ensure_local_issuer(folder)
    start = valid_from or dt.datetime.now(dt.UTC).replace(microsecond=0)
    if start.tzinfo is None:
        start = start.replace(tzinfo=dt.UTC)  # a naive time is taken as UTC
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if nip:
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, nip))
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = issue_certificate(
        issuer,
        key.public_key(),
        x509.Name(attributes),
        start - dt.timedelta(minutes=5),  # tolerate slightly wrong clocks
        start + dt.timedelta(days=valid_days),
    )
    data = serialization.pkcs12.serialize_key_and_certificates(
        name=name.encode("utf-8"),
        key=key,
        cert=certificate,
        cas=[issuer.certificate],
        encryption_algorithm=_encryption(passphrase),
    )
    return _keep(folder, data, certificate, "created", name, nip, organisation)


def import_identity(folder: Path, p12_path: Path, passphrase: str) -> IdentityInfo:
    """Bring in a PKCS#12 file as it is, once it is shown to open and to be fit to sign."""
    try:
        data = p12_path.read_bytes()
    except OSError as exc:
        raise SigningError(
            _("cannot read {p12_path}: {strerror}").format(
                p12_path=p12_path, strerror=os_reason(exc)
            )
        ) from exc
    keystore = open_keystore(data, passphrase, label=p12_path.name)
    check_usable(keystore.certificate)
    print_ = fingerprint(keystore.certificate)
    for known in list_identities(folder):
        if known.fingerprint == print_:
            raise SigningError(
                _("{name} is already kept as identity {known_id}").format(
                    name=p12_path.name, known_id=known.id
                )
            )
    subject = keystore.certificate.subject
    return _keep(
        folder,
        data,
        keystore.certificate,
        "imported",
        common_name(subject),
        _attribute(subject, NameOID.SERIAL_NUMBER),
        _attribute(subject, NameOID.ORGANIZATION_NAME),
    )


def export_identity(folder: Path, identity_id: str, out_path: Path) -> None:
    """Write the identity's PKCS#12 file, unchanged, to ``out_path`` (mode 0600)."""
    path = identity_path(folder, identity_id)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningError(
            _("cannot read {path}: {strerror}").format(path=path, strerror=os_reason(exc))
        ) from exc
    write_atomically(out_path, data, mode=0o600)


def list_identities(folder: Path) -> list[IdentityInfo]:
    """Every identity kept in ``folder``, by name; unreadable entries are skipped."""
    if not folder.is_dir():
        return []
    issuer_certificate = local_issuer_certificate(folder)
    found = []
    for sidecar in folder.glob("*.json"):
        try:
            found.append(_read_sidecar(sidecar, issuer_certificate))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("skipping identity file %s: %s", sidecar, exc)
    return sorted(found, key=lambda info: (info.name.casefold(), info.id))


def identity_path(folder: Path, identity_id: str) -> Path:
    """The PKCS#12 file of the identity ``identity_id`` in ``folder``."""
    if _ID.fullmatch(identity_id):
        matches = sorted(folder.glob(f"*-{identity_id}.p12"))
        if matches:
            return matches[0]
    raise IdentityNotFoundError(
        _("there is no identity {identity_id!r} in {folder}").format(
            identity_id=identity_id, folder=folder
        )
    )


def load_keystore(source: Path | str, passphrase: str, *, folder: Path | None = None) -> Keystore:
    """Open a keystore given as a file (``Path``) or an identity id (``str`` + ``folder``)."""
    if isinstance(source, str):
        if folder is None:
            raise SigningError(_("an identity id needs the identities folder"))
        path = identity_path(folder, source)
    else:
        path = source
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningError(
            _("cannot read {path}: {strerror}").format(path=path, strerror=os_reason(exc))
        ) from exc
    return open_keystore(data, passphrase, label=path.name)


@dataclass(frozen=True)
class LoadedSigner:
    """An opened identity, ready for ``sign_pdf``."""

    signer: SimpleSigner
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]

    @property
    def name(self) -> str:
        return common_name(self.certificate.subject)


def load_signer(source: Path | str, passphrase: str, *, folder: Path | None = None) -> LoadedSigner:
    """Open an identity for signing: a PKCS#12 file (``Path``) or an id (``str`` + ``folder``).

    Refuses a wrong passphrase, a certificate outside its validity right now, or one
    whose key usage does not allow signing. The chain in the keystore, plus the
    local issuer when ``folder`` is given, is embedded in every signature.
    """
    keystore = load_keystore(source, passphrase, folder=folder)
    check_usable(keystore.certificate)
    chain = list(keystore.chain)
    issuer_certificate = local_issuer_certificate(folder) if folder is not None else None
    if (
        issuer_certificate is not None
        and issuer_certificate not in chain
        and _issued_by(keystore.certificate, issuer_certificate)
    ):
        chain.append(issuer_certificate)
    registry = SimpleCertificateStore()  # type: ignore[no-untyped-call]  # untyped __init__
    for certificate in chain:
        registry.register(translate_pyca_cryptography_cert_to_asn1(certificate))
    signer = SimpleSigner(
        signing_cert=translate_pyca_cryptography_cert_to_asn1(keystore.certificate),
        signing_key=translate_pyca_cryptography_key_to_asn1(keystore.key),
        cert_registry=registry,
    )
    return LoadedSigner(signer=signer, certificate=keystore.certificate, chain=tuple(chain))


def _encryption(passphrase: str) -> serialization.KeySerializationEncryption:
    return (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(_PBKDF_ROUNDS)
        .key_cert_algorithm(serialization.pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase.encode("utf-8"))
    )


def _keep(
    folder: Path,
    data: bytes,
    certificate: x509.Certificate,
    origin: Origin,
    name: str,
    nip: str,
    organisation: str,
) -> IdentityInfo:
    identity_id = uuid.uuid4().hex[:16]
    stem = f"{_slug(name)}-{identity_id}"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            _("cannot create {folder}: {strerror}").format(folder=folder, strerror=os_reason(exc))
        ) from exc
    p12 = folder / f"{stem}.p12"
    sidecar = {
        "format": 1,
        "id": identity_id,
        "name": name,
        "nip": nip,
        "organisation": organisation,
        "origin": origin,
        "certificate": certificate.public_bytes(serialization.Encoding.PEM).decode("ascii"),
    }
    write_atomically(p12, data, mode=0o600)
    try:
        write_atomically(
            folder / f"{stem}.json",
            json.dumps(sidecar, ensure_ascii=False, indent=2).encode("utf-8"),
            mode=0o600,  # names and NIPs: the user's alone, like the keystore
        )
    except OutputError:
        p12.unlink(missing_ok=True)
        raise
    return _read_sidecar(folder / f"{stem}.json", local_issuer_certificate(folder))


def _read_sidecar(path: Path, issuer_certificate: x509.Certificate | None) -> IdentityInfo:
    record = json.loads(path.read_text(encoding="utf-8"))
    identity_id = str(record["id"])
    p12 = path.with_suffix(".p12")
    if not _ID.fullmatch(identity_id) or not p12.is_file():
        raise ValueError("no keystore beside it")
    certificate = x509.load_pem_x509_certificate(record["certificate"].encode("ascii"))
    return IdentityInfo(
        id=identity_id,
        name=str(record["name"]),
        nip=str(record["nip"]),
        organisation=str(record["organisation"]),
        issuer=common_name(certificate.issuer),
        valid_from=certificate.not_valid_before_utc,
        valid_to=certificate.not_valid_after_utc,
        fingerprint=fingerprint(certificate),
        origin="imported" if record["origin"] == "imported" else "created",
        issued_locally=_issued_by(certificate, issuer_certificate),
        path=p12,
    )


def _issued_by(certificate: x509.Certificate, issuer: x509.Certificate | None) -> bool:
    if issuer is None:
        return False
    try:
        certificate.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-")
    return slug or "identity"
