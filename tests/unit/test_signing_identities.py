"""Signing identities: the local issuer, people's keystores, and the ways they go wrong."""

from __future__ import annotations

import datetime as dt
import json
import stat
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from evaluator_app.signing import (
    CertificateValidityError,
    IdentityNotFoundError,
    KeyUsageError,
    MissingKeyError,
    NotPkcs12Error,
    SigningError,
    WrongPassphraseError,
    create_identity,
    ensure_local_issuer,
    export_identity,
    import_identity,
    list_identities,
    load_signer,
)

NOW = dt.datetime.now(dt.UTC)
PASS = "rahasia-123"


def key_usage(*, signing: bool, ca: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signing,
        content_commitment=signing,
        key_encipherment=not signing and not ca,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def brought_p12(
    path: Path,
    *,
    name: str = "Citra Official",
    signing: bool = True,
    with_key: bool = True,
    passphrase: str = PASS,
) -> tuple[Path, x509.Certificate]:
    """A PKCS#12 as an outside authority would issue it: RSA, its own root inside."""
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Outside Root CA")])
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(key_usage(signing=False, ca=True), critical=True)
        .sign(root_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, "196501011990031002"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Pemerintah Kota Uji"),
        ]
    )
    leaf = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(root_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=365))
        .add_extension(key_usage(signing=signing), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .sign(root_key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        name=name.encode(),
        key=key if with_key else None,
        cert=leaf,
        cas=[root],
        encryption_algorithm=serialization.BestAvailableEncryption(passphrase.encode()),
    )
    path.write_bytes(data)
    return path, root


def test_local_issuer_is_made_once_and_kept(tmp_path: Path) -> None:
    folder = tmp_path / "identities"
    first = ensure_local_issuer(folder)
    again = ensure_local_issuer(folder)
    assert first.fingerprint == again.fingerprint
    cert = first.certificate
    assert first.name.startswith("Evaluator local issuer — ")
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert cert.extensions.get_extension_for_class(x509.KeyUsage).value.key_cert_sign
    years = (cert.not_valid_after_utc - cert.not_valid_before_utc).days / 365
    assert 9.9 < years < 10.1
    assert isinstance(cert.public_key(), ec.EllipticCurvePublicKey)
    key_file = first.folder / "issuer.key"
    assert b"ENCRYPTED PRIVATE KEY" in key_file.read_bytes()
    if sys.platform != "win32":
        assert stat.S_IMODE((first.folder / "issuer.passphrase").stat().st_mode) == 0o600
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_damaged_local_issuer_is_reported_not_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "identities"
    issuer = ensure_local_issuer(folder)
    (issuer.folder / "issuer.crt").write_text("not a certificate")
    with pytest.raises(SigningError, match="damaged"):
        ensure_local_issuer(folder)
    assert (issuer.folder / "issuer.crt").read_text() == "not a certificate"


def test_created_identity_is_issued_by_the_local_issuer_and_listed(tmp_path: Path) -> None:
    folder = tmp_path / "identities"
    info = create_identity(folder, "Ani Wijaya", "198703152010012003", "Bappeda Kota Uji", PASS)
    issuer = ensure_local_issuer(folder)
    assert info.issued_locally and info.origin == "created"
    assert (info.name, info.nip, info.organisation) == (
        "Ani Wijaya",
        "198703152010012003",
        "Bappeda Kota Uji",
    )
    assert info.issuer == issuer.name
    assert info.path.name == f"ani-wijaya-{info.id}.p12"
    if sys.platform != "win32":
        assert stat.S_IMODE(info.path.stat().st_mode) == 0o600

    key, cert, cas = pkcs12.load_key_and_certificates(info.path.read_bytes(), PASS.encode())
    assert key is not None and cert is not None
    assert [c.fingerprint(hashes.SHA256()) for c in cas] == [
        issuer.certificate.fingerprint(hashes.SHA256())
    ]
    cert.verify_directly_issued_by(issuer.certificate)
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    purposes = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36") in purposes
    assert cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == info.nip

    assert list_identities(folder) == [info]
    signer = load_signer(info.id, PASS, folder=folder)
    assert signer.name == "Ani Wijaya"


def test_identity_without_the_passphrase_shows_its_details_from_the_sidecar(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "identities"
    info = create_identity(folder, "Ñoman Wíjaya", "", "", PASS)
    record = json.loads(info.path.with_suffix(".json").read_text(encoding="utf-8"))
    assert record["name"] == "Ñoman Wíjaya" and record["id"] == info.id
    assert info.path.name.startswith("noman-wijaya-")
    (folder / "stray.json").write_text("{ broken")
    assert [i.id for i in list_identities(folder)] == [info.id]


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SigningError, match="at least 8 characters"):
        create_identity(tmp_path, "Ani", "1", "X", "short")


def test_wrong_passphrase_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "identities"
    info = create_identity(folder, "Ani Wijaya", "198703152010012003", "Bappeda", PASS)
    with pytest.raises(
        WrongPassphraseError, match=f"the passphrase does not open {info.path.name}"
    ):
        load_signer(info.id, "not-the-passphrase", folder=folder)
    with pytest.raises(WrongPassphraseError):
        load_signer(info.path, "not-the-passphrase")


def test_expired_certificate_is_refused_with_its_dates(tmp_path: Path) -> None:
    folder = tmp_path / "identities"
    start = NOW - dt.timedelta(days=30)
    info = create_identity(folder, "Lama", "1", "X", PASS, valid_from=start, valid_days=10)
    with pytest.raises(CertificateValidityError, match="expired on") as caught:
        load_signer(info.id, PASS, folder=folder)
    assert (start + dt.timedelta(days=10)).strftime("%Y-%m-%d") in str(caught.value)


def test_not_yet_valid_certificate_is_refused_with_its_dates(tmp_path: Path) -> None:
    folder = tmp_path / "identities"
    start = NOW + dt.timedelta(days=10)
    info = create_identity(folder, "Baru", "1", "X", PASS, valid_from=start, valid_days=30)
    with pytest.raises(CertificateValidityError, match="not valid yet") as caught:
        load_signer(info.id, PASS, folder=folder)
    assert (start + dt.timedelta(days=30)).strftime("%Y-%m-%d") in str(caught.value)


def test_brought_identity_is_imported_as_is_and_exported_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "identities"
    p12, _root = brought_p12(tmp_path / "citra.p12")
    info = import_identity(folder, p12, PASS)
    assert info.origin == "imported" and not info.issued_locally
    assert (info.name, info.nip, info.organisation, info.issuer) == (
        "Citra Official",
        "196501011990031002",
        "Pemerintah Kota Uji",
        "Outside Root CA",
    )
    assert info.path.read_bytes() == p12.read_bytes()
    out = tmp_path / "out" / "copy.p12"
    out.parent.mkdir()
    export_identity(folder, info.id, out)
    assert out.read_bytes() == p12.read_bytes()
    with pytest.raises(SigningError, match="already kept"):
        import_identity(folder, p12, PASS)
    assert load_signer(info.id, PASS, folder=folder).name == "Citra Official"


def test_certificate_without_signing_key_usage_is_refused(tmp_path: Path) -> None:
    p12, _root = brought_p12(tmp_path / "encrypt-only.p12", signing=False)
    with pytest.raises(KeyUsageError, match="not meant for signing"):
        import_identity(tmp_path / "identities", p12, PASS)
    with pytest.raises(KeyUsageError):
        load_signer(p12, PASS)
    assert list_identities(tmp_path / "identities") == []


def test_keystore_without_private_key_is_refused(tmp_path: Path) -> None:
    p12, _root = brought_p12(tmp_path / "cert-only.p12", with_key=False)
    with pytest.raises(MissingKeyError, match="holds no private key"):
        import_identity(tmp_path / "identities", p12, PASS)


def test_file_that_is_not_pkcs12_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "notes.p12"
    fake.write_text("just some notes")
    with pytest.raises(NotPkcs12Error, match=r"notes\.p12 is not a PKCS#12 file"):
        import_identity(tmp_path / "identities", fake, PASS)


def test_unknown_identity_id_is_reported(tmp_path: Path) -> None:
    with pytest.raises(IdentityNotFoundError):
        load_signer("0123456789abcdef", PASS, folder=tmp_path)
    with pytest.raises(IdentityNotFoundError):
        load_signer("../../etc/passwd", PASS, folder=tmp_path)
