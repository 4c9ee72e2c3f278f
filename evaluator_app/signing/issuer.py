"""The local issuer: a small certificate authority created once per installation.

It signs the certificates of the identities the app creates for people. Its
private key is kept encrypted (PKCS#8, AES-256) under a random passphrase that
sits beside it in a file readable only by the owner (mode 0600): the local
issuer has no person to type a passphrase, and whoever can read the data
folder can use it. People's identities are protected by their own passphrases.

Folder layout (inside the identities folder)::

    local-issuer/issuer.crt          the self-signed root, PEM (a trust root)
    local-issuer/issuer.key          its private key, PEM PKCS#8, encrypted
    local-issuer/issuer.passphrase   the random passphrase for issuer.key (0600)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
import shutil
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from evaluator_app.i18n import _, os_reason
from evaluator_app.signing.atomic_write import write_atomically
from evaluator_app.signing.errors import OutputError, SigningError

ISSUER_FOLDER = "local-issuer"
CERT_FILE = "issuer.crt"
KEY_FILE = "issuer.key"
PASSPHRASE_FILE = "issuer.passphrase"
ISSUER_YEARS = 10
DOCUMENT_SIGNING_OID = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")  # RFC 9336


@dataclass(frozen=True)
class Issuer:
    """The installation's local issuer: its certificate and where it is kept."""

    folder: Path
    certificate: x509.Certificate

    @property
    def name(self) -> str:
        return common_name(self.certificate.subject)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)

    def private_key(self) -> ec.EllipticCurvePrivateKey:
        """Unlock the issuer's key with the passphrase kept beside it."""
        try:
            passphrase = (self.folder / PASSPHRASE_FILE).read_bytes().strip()
            pem = (self.folder / KEY_FILE).read_bytes()
        except OSError as exc:
            raise SigningError(
                _("the local issuer's key in {folder} cannot be read").format(folder=self.folder)
            ) from exc
        try:
            key = serialization.load_pem_private_key(pem, password=passphrase)
        except (ValueError, TypeError) as exc:
            raise SigningError(
                _(
                    "the local issuer's key in {folder} does not open with its passphrase file"
                ).format(folder=self.folder)
            ) from exc
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise SigningError(
                _("the local issuer's key in {folder} is of an unexpected kind").format(
                    folder=self.folder
                )
            )
        return key


def common_name(name: x509.Name) -> str:
    """The CN of an X.509 name, or its whole text when it has none."""
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    if values:
        return str(values[0].value)
    return name.rfc4514_string()


def fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 fingerprint as upper-case hex pairs joined by colons."""
    return certificate.fingerprint(hashes.SHA256()).hex(":").upper()


def ensure_local_issuer(folder: Path) -> Issuer:
    """Return the installation's local issuer, creating it on first use.

    ``folder`` is the identities folder. An existing issuer is never replaced:
    if its files are damaged this raises ``SigningError`` rather than quietly
    making a new one (which would orphan every identity it issued).
    """
    issuer_dir = folder / ISSUER_FOLDER
    if issuer_dir.exists():
        return load_local_issuer(folder)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Built aside and renamed at once, so a half-made issuer is never seen.
        staging = folder / f".{ISSUER_FOLDER}.{uuid.uuid4().hex}.tmp"
        staging.mkdir(mode=0o700)
    except OSError as exc:
        raise OutputError(
            _("cannot create the local issuer in {folder}: {strerror}").format(
                folder=folder, strerror=os_reason(exc)
            )
        ) from exc
    try:
        _write_new_issuer(staging)
        staging.rename(issuer_dir)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if issuer_dir.exists():  # another process won the race; use its issuer
            return load_local_issuer(folder)
        raise OutputError(
            _("cannot create the local issuer in {folder}: {strerror}").format(
                folder=folder, strerror=os_reason(exc)
            )
        ) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return load_local_issuer(folder)


def load_local_issuer(folder: Path) -> Issuer:
    """The existing local issuer in the identities ``folder``."""
    issuer_dir = folder / ISSUER_FOLDER
    path = issuer_dir / CERT_FILE
    try:
        certificate = x509.load_pem_x509_certificate(path.read_bytes())
    except FileNotFoundError as exc:
        raise SigningError(_("there is no local issuer in {folder}").format(folder=folder)) from exc
    except (OSError, ValueError) as exc:
        raise SigningError(
            _("the local issuer's certificate {path} is damaged").format(path=path)
        ) from exc
    return Issuer(folder=issuer_dir, certificate=certificate)


def local_issuer_certificate(folder: Path) -> x509.Certificate | None:
    """The local issuer's certificate if one exists, without creating it."""
    with contextlib.suppress(SigningError):
        return load_local_issuer(folder).certificate
    return None


def issue_certificate(
    issuer: Issuer,
    public_key: ec.EllipticCurvePublicKey,
    subject: x509.Name,
    not_before: dt.datetime,
    not_after: dt.datetime,
) -> x509.Certificate:
    """A signing certificate for ``subject`` issued by the local issuer.

    Key usage digitalSignature + nonRepudiation; extended key usage
    emailProtection (what poppler/NSS check) and documentSigning (RFC 9336).
    The end is capped at the issuer's own end of validity.
    """
    not_after = min(not_after, issuer.certificate.not_valid_after_utc)
    issuer_key = issuer.private_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.certificate.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(signing=True), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION, DOCUMENT_SIGNING_OID]),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
    )
    return builder.sign(issuer_key, hashes.SHA256())


def _key_usage(*, signing: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signing,
        content_commitment=signing,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=not signing,
        crl_sign=not signing,
        encipher_only=False,
        decipher_only=False,
    )


def _write_new_issuer(staging: Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    install_id = uuid.uuid4().hex[:8]
    host = socket.gethostname().split(".")[0] or install_id
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, f"Evaluator local issuer — {host}"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Evaluator"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, install_id),
        ]
    )
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))  # tolerate slightly wrong clocks
        .not_valid_after(now + dt.timedelta(days=365 * ISSUER_YEARS + ISSUER_YEARS // 4))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(signing=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    passphrase = secrets.token_urlsafe(32).encode("ascii")
    write_atomically(staging / PASSPHRASE_FILE, passphrase, mode=0o600)
    write_atomically(
        staging / KEY_FILE,
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(passphrase),
        ),
        mode=0o600,
    )
    write_atomically(
        staging / CERT_FILE, certificate.public_bytes(serialization.Encoding.PEM), mode=0o644
    )
