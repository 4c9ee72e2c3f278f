"""Opening a PKCS#12 keystore and judging whether its certificate may sign now."""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12

from evaluator_app.i18n import _
from evaluator_app.signing.errors import (
    CertificateValidityError,
    KeyUsageError,
    MissingKeyError,
    NotPkcs12Error,
    WrongPassphraseError,
)
from evaluator_app.signing.issuer import common_name

SigningKey = (
    rsa.RSAPrivateKey
    | ec.EllipticCurvePrivateKey
    | ed25519.Ed25519PrivateKey
    | ed448.Ed448PrivateKey
)


@dataclass(frozen=True)
class Keystore:
    """The key, its certificate, and the other certificates (the chain) in a PKCS#12 file."""

    key: SigningKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]


def open_keystore(data: bytes, passphrase: str, *, label: str) -> Keystore:
    """Decrypt a PKCS#12 keystore; ``label`` names the file in error messages."""
    if not _looks_like_pfx(data):
        raise NotPkcs12Error(_("{label} is not a PKCS#12 file (.p12 or .pfx)").format(label=label))
    password = passphrase.encode("utf-8") if passphrase else None
    try:
        with warnings.catch_warnings():
            # A file that is BER rather than DER (or has bytes after its end) is
            # read as BER with a warning to stderr asking the user to report it to
            # cryptography; the app judges the file itself, and a warning turned
            # into an error (python -W error) must not escape as a crash.
            warnings.simplefilter("ignore", UserWarning)
            key, certificate, others = pkcs12.load_key_and_certificates(data, password)
    except (ValueError, TypeError) as exc:
        if "deserialize" in str(exc):  # cryptography's words for a broken structure
            raise NotPkcs12Error(
                _("{label} is a damaged PKCS#12 file").format(label=label)
            ) from exc
        raise WrongPassphraseError(
            _("the passphrase does not open {label}").format(label=label)
        ) from exc
    if key is None:
        raise MissingKeyError(_("{label} holds no private key").format(label=label))
    if certificate is None:
        raise MissingKeyError(
            _("{label} holds no certificate for its private key").format(label=label)
        )
    if not isinstance(key, SigningKey):
        raise MissingKeyError(
            _("{label} holds a kind of key that cannot sign PDF documents").format(label=label)
        )
    if _spki(key.public_key()) != _spki(certificate.public_key()):
        raise MissingKeyError(
            _("in {label} the private key does not belong to the certificate").format(label=label)
        )
    return Keystore(key=key, certificate=certificate, chain=tuple(others))


def check_usable(certificate: x509.Certificate, at: dt.datetime | None = None) -> None:
    """Refuse a certificate that is outside its validity or not meant for signing."""
    moment = at or dt.datetime.now(dt.UTC)
    who = common_name(certificate.subject)
    start, end = certificate.not_valid_before_utc, certificate.not_valid_after_utc
    window = _("valid from {start} to {end}").format(start=_day(start), end=_day(end))
    if moment < start:
        raise CertificateValidityError(
            _("the certificate of {who} is not valid yet: it is {window}").format(
                who=who, window=window
            )
        )
    if moment > end:
        raise CertificateValidityError(
            _("the certificate of {who} expired on {day}: it was {window}").format(
                who=who, day=_day(end), window=window
            )
        )
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return  # no restriction stated (RFC 5280 4.2.1.3)
    if not (usage.digital_signature or usage.content_commitment):
        raise KeyUsageError(
            _(
                "the certificate of {who} is not meant for signing: its key "
                "usage allows neither digitalSignature nor nonRepudiation "
                "({usages})"
            ).format(who=who, usages=_usages(usage))
        )


def _looks_like_pfx(data: bytes) -> bool:
    """A DER/BER SEQUENCE that starts with INTEGER 3: the PFX version (RFC 7292)."""
    if len(data) < 8 or data[0] != 0x30:
        return False
    if data[1] < 0x80:
        header, length = 2, data[1]
    else:
        count = data[1] & 0x7F
        if count > 4:
            return False
        header = 2 + count
        length = int.from_bytes(data[2:header], "big") if count else 0  # 0: indefinite (BER)
        if count and header + length > len(data):
            return False
    return data[header : header + 3] == b"\x02\x01\x03"


def _spki(public_key: PublicKeyTypes) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _day(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _usages(usage: x509.KeyUsage) -> str:
    names = []
    for attribute in (
        "digital_signature",
        "content_commitment",
        "key_encipherment",
        "data_encipherment",
        "key_agreement",
        "key_cert_sign",
        "crl_sign",
    ):
        if getattr(usage, attribute):
            names.append(attribute)
    return ", ".join(names) or "nothing"
