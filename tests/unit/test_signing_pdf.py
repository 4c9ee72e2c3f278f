"""Minutes PDF signatures: prepare, sign twice, verify; and the tampering that must show."""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from PIL import Image, ImageDraw
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.embed import EmbeddedFileObject
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from evaluator_app.signing import (
    Issuer,
    OutputError,
    SignatureFieldError,
    SigningError,
    create_identity,
    ensure_local_issuer,
    import_identity,
    load_signer,
    prepare_for_signing,
    sign_pdf,
    verify_pdf,
)

SNAPSHOT = b'{"session": "demo", "sha256": "ab12"}'
FIELDS = {
    "lead_evaluator": (1, 72.0, 100.0, 272.0, 180.0),
    "city-signer": (1, 320.5, 100.0, 520.5, 180.0),
}
PASS_A, PASS_B = "rahasia-ani", "rahasia-budi"


@dataclass(frozen=True)
class Signed:
    folder: Path
    issuer: Issuer
    prepared: Path
    once: Path
    twice: Path


def minutes_pdf(path: Path) -> None:
    """Two A4 pages, uncompressed so a test can find and change a word."""
    pdf = canvas.Canvas(str(path), pagesize=A4, pageCompression=0)
    pdf.drawString(72, 800, "BERITA ACARA EVALUASI")
    pdf.showPage()
    pdf.drawString(72, 800, "Halaman 2 dari 2")
    for _page, x1, y1, x2, y2 in FIELDS.values():
        pdf.rect(x1, y1, x2 - x1, y2 - y1)
    pdf.showPage()
    pdf.save()


def drawn_signature() -> bytes:
    image = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(10, 80), (80, 10), (160, 90), (290, 20)], fill="navy", width=5)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Signed:
    base = tmp_path_factory.mktemp("signed")
    folder = base / "identities"
    issuer = ensure_local_issuer(folder)
    ani = create_identity(folder, "Ani Wijaya", "198703152010012003", "Kementerian", PASS_A)
    budi = create_identity(folder, "Budi Santoso", "197001011990031001", "Pemkot Uji", PASS_B)
    minutes_pdf(base / "minutes.pdf")
    prepared = base / "prepared.pdf"
    prepare_for_signing(
        base / "minutes.pdf",
        prepared,
        fields=FIELDS,
        attachments=[("snapshot.json", SNAPSHOT, "application/json")],
    )
    once, twice = base / "once.pdf", base / "twice.pdf"
    sign_pdf(
        prepared,
        once,
        field="lead_evaluator",
        signer=load_signer(ani.id, PASS_A, folder=folder),
        reason="Menyetujui berita acara",
        location="Kota Uji",
        signature_image=drawn_signature(),
        signer_name="Ani Wijaya",
    )
    shutil.copy(once, twice)
    sign_pdf(  # in place, as the app does for the second signer
        twice,
        twice,
        field="city-signer",
        signer=load_signer(budi.id, PASS_B, folder=folder),
        reason="Menyetujui berita acara",
        location="Kota Uji",
        signer_name="Budi Santoso",
    )
    return Signed(folder, issuer, prepared, once, twice)


def pdfsig(path: Path) -> list[str]:
    """The 'Signature Validation' verdict of each signature, as poppler prints it."""
    if shutil.which("pdfsig") is None:
        pytest.skip("poppler-utils (pdfsig) is not installed")
    result = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    return re.findall(r"Signature Validation: (.+)", result.stdout)


def test_two_incremental_signatures_are_intact_and_trusted_by_the_local_issuer(
    signed: Signed,
) -> None:
    report = verify_pdf(signed.twice, [signed.issuer.certificate])
    assert report.ok and report.all_trusted and report.problems == ()
    assert report.unsigned_fields == ()
    first, second = report.signatures
    assert (first.field, first.signer, first.signer_serial) == (
        "lead_evaluator",
        "Ani Wijaya",
        "198703152010012003",
    )
    assert (second.field, second.signer) == ("city-signer", "Budi Santoso")
    for check in report.signatures:
        assert check.intact and check.covers_revision and check.changes_allowed
        assert check.trust_root == signed.issuer.name and check.problems == ()
        assert check.signed_at is not None
    assert first.later_changes == "signatures and form filling only"
    assert second.covers_whole_file and second.later_changes == "none"
    assert report.snapshot_json == SNAPSHOT
    assert signed.twice.read_bytes().startswith(signed.once.read_bytes())  # incremental


def test_poppler_pdfsig_accepts_both_signatures(signed: Signed) -> None:
    assert pdfsig(signed.twice) == ["Signature is Valid.", "Signature is Valid."]


def test_attached_snapshot_comes_back_out_unchanged(signed: Signed, tmp_path: Path) -> None:
    assert verify_pdf(signed.prepared, []).snapshot_json == SNAPSHOT
    if shutil.which("pdfdetach") is None:
        pytest.skip("poppler-utils (pdfdetach) is not installed")
    out = tmp_path / "snapshot.json"
    subprocess.run(
        ["pdfdetach", "-savefile", "snapshot.json", "-o", str(out), str(signed.twice)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == SNAPSHOT


def test_unknown_roots_leave_signatures_intact_but_untrusted(signed: Signed) -> None:
    report = verify_pdf(signed.twice, [])
    assert report.ok and not report.all_trusted
    for check in report.signatures:
        assert check.intact and not check.trusted and check.trust_root is None
        assert check.chain_top == signed.issuer.name
        assert "does not lead to any trusted root" in check.problems[0]


def test_unsigned_pdf_is_not_ok(signed: Signed) -> None:
    report = verify_pdf(signed.prepared, [signed.issuer.certificate])
    assert not report.ok and report.signatures == ()
    assert report.problems == ("prepared.pdf carries no signatures",)
    assert sorted(report.unsigned_fields) == ["city-signer", "lead_evaluator"]
    assert verify_pdf(signed.once, []).unsigned_fields == ("city-signer",)


def test_one_byte_changed_in_the_second_signers_revision_breaks_only_that_signature(
    signed: Signed, tmp_path: Path
) -> None:
    data = signed.twice.read_bytes()
    at = data.rindex(b"/Name (Budi Santoso)") + len(b"/Name (")
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(data[:at] + b"X" + data[at + 1 :])

    report = verify_pdf(tampered, [signed.issuer.certificate])
    assert not report.ok
    first, second = report.signatures
    assert first.ok and first.intact
    assert second.field == "city-signer" and not second.intact
    assert "changed after signing" in second.problems[0]
    verdicts = pdfsig(tampered)
    assert verdicts[0] == "Signature is Valid." and verdicts[1] != "Signature is Valid."


def test_one_byte_changed_in_the_page_text_breaks_both_signatures(
    signed: Signed, tmp_path: Path
) -> None:
    data = signed.twice.read_bytes()
    at = data.index(b"BERITA ACARA")
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(data[:at] + b"P" + data[at + 1 :])

    report = verify_pdf(tampered, [signed.issuer.certificate])
    assert not report.ok
    assert [(c.field, c.intact) for c in report.signatures] == [
        ("lead_evaluator", False),
        ("city-signer", False),
    ]
    verdicts = pdfsig(tampered)
    assert len(verdicts) == 2 and "Signature is Valid." not in verdicts


def test_snapshot_swapped_after_signing_is_flagged(signed: Signed, tmp_path: Path) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(signed.twice.read_bytes()))
    names = writer.root["/Names"]["/EmbeddedFiles"]["/Names"]
    spec = names[1].get_object()
    forged = EmbeddedFileObject.from_file_data(
        writer, b'{"forged": true}', mime_type="application/json"
    )
    spec["/EF"] = generic.DictionaryObject(  # type: ignore[no-untyped-call]
        {
            generic.pdf_name("/F"): forged.ef_stream_ref,
            generic.pdf_name("/UF"): forged.ef_stream_ref,
        }
    )
    writer.update_container(spec)
    buffer = io.BytesIO()
    writer.write(buffer)  # type: ignore[no-untyped-call]
    swapped = tmp_path / "swapped.pdf"
    swapped.write_bytes(buffer.getvalue())

    report = verify_pdf(swapped, [signed.issuer.certificate])
    assert not report.ok
    assert report.snapshot_json == b'{"forged": true}'  # what a viewer would show...
    for check in report.signatures:  # ...and why it cannot be believed
        assert check.intact and not check.changes_allowed and check.later_changes == "other"
        assert any("not only by adding signatures" in p for p in check.problems)


def test_signing_a_missing_field_is_refused(signed: Signed, tmp_path: Path) -> None:
    signer = load_signer(next(signed.folder.glob("ani-wijaya-*.p12")), PASS_A, folder=signed.folder)
    out = tmp_path / "out.pdf"
    with pytest.raises(SignatureFieldError, match=r"no signature field 'walikota'.*city-signer"):
        sign_pdf(
            signed.prepared,
            out,
            field="walikota",
            signer=signer,
            reason="",
            location="",
            signer_name="Ani",
        )
    assert not out.exists()


def test_signing_an_already_signed_field_is_refused(signed: Signed, tmp_path: Path) -> None:
    signer = load_signer(next(signed.folder.glob("ani-wijaya-*.p12")), PASS_A, folder=signed.folder)
    before = signed.once.read_bytes()
    with pytest.raises(SignatureFieldError, match=r"'lead_evaluator' .* is already signed"):
        sign_pdf(
            signed.once,
            signed.once,
            field="lead_evaluator",
            signer=signer,
            reason="",
            location="",
            signer_name="Ani",
        )
    assert signed.once.read_bytes() == before


def test_bad_field_specifications_are_refused(tmp_path: Path) -> None:
    minutes_pdf(tmp_path / "m.pdf")
    for fields, words in [
        ({"a.b": (0, 1.0, 1.0, 50.0, 50.0)}, "may hold only letters"),
        ({"a": (2, 1.0, 1.0, 50.0, 50.0)}, "has 2 pages"),
        ({"a": (0, 50.0, 1.0, 10.0, 50.0)}, "x1 < x2"),
    ]:
        with pytest.raises(SignatureFieldError, match=words):
            prepare_for_signing(
                tmp_path / "m.pdf", tmp_path / "o.pdf", fields=fields, attachments=[]
            )
    prepare_for_signing(
        tmp_path / "m.pdf", tmp_path / "o.pdf", fields={"a": (0, 1, 1, 50, 50)}, attachments=[]
    )
    with pytest.raises(SignatureFieldError, match="already has a signature field 'a'"):
        prepare_for_signing(
            tmp_path / "o.pdf", tmp_path / "p.pdf", fields={"a": (0, 1, 1, 50, 50)}, attachments=[]
        )
    assert not (tmp_path / "p.pdf").exists()


def test_not_a_pdf_is_reported(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_text("hello")
    with pytest.raises(SigningError, match=r"junk\.pdf is not a readable PDF"):
        verify_pdf(junk, [])
    with pytest.raises(SigningError, match=r"junk\.pdf is not a readable PDF"):
        prepare_for_signing(junk, tmp_path / "o.pdf", fields={}, attachments=[])


def test_output_folder_that_cannot_be_written_leaves_nothing_behind(
    signed: Signed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # root ignores folder permissions; make the OS answer as it would for a user
        def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    signer = load_signer(next(signed.folder.glob("ani-wijaya-*.p12")), PASS_A)
    try:
        with pytest.raises(OutputError, match=r"cannot write .*locked.*not writable"):
            sign_pdf(
                signed.prepared,
                locked / "signed.pdf",
                field="lead_evaluator",
                signer=signer,
                reason="",
                location="",
                signer_name="Ani",
            )
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


def test_failure_while_writing_keeps_the_old_file_and_no_temporary(
    signed: Signed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "minutes.pdf"
    shutil.copy(signed.prepared, target)
    before = target.read_bytes()
    signer = load_signer(next(signed.folder.glob("ani-wijaya-*.p12")), PASS_A)

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OutputError, match="the disk is full"):
        sign_pdf(
            target,
            target,
            field="lead_evaluator",
            signer=signer,
            reason="",
            location="",
            signer_name="Ani",
        )
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.pdf"]


def test_signer_name_with_accents_and_no_image_signs(signed: Signed, tmp_path: Path) -> None:
    signer = load_signer(next(signed.folder.glob("budi-santoso-*.p12")), PASS_B)
    out = tmp_path / "accents.pdf"
    sign_pdf(
        signed.prepared,
        out,
        field="city-signer",
        signer=signer,
        reason="Setuju",
        location="Kota Uji",
        signer_name="Ñoman Wíjaya — Sekda",
        signature_image=None,
    )
    report = verify_pdf(out, [signed.issuer.certificate])
    assert report.ok and report.all_trusted


def test_a_signature_image_that_is_not_an_image_is_refused(signed: Signed, tmp_path: Path) -> None:
    signer = load_signer(next(signed.folder.glob("budi-santoso-*.p12")), PASS_B)
    with pytest.raises(SigningError, match="not a readable PNG"):
        sign_pdf(
            signed.prepared,
            tmp_path / "x.pdf",
            field="city-signer",
            signer=signer,
            reason="",
            location="",
            signer_name="B",
            signature_image=b"not a png",
        )


def rsa_p12(path: Path, passphrase: str) -> Path:
    """A brought RSA identity with a self-signed certificate, written as PKCS#12 and PEM."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Dewi Official")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    encryption = serialization.BestAvailableEncryption(passphrase.encode())
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"dewi", key, cert, None, encryption))
    path.with_suffix(".pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


def test_brought_rsa_identity_signs_and_is_trusted_only_with_its_root(
    signed: Signed, tmp_path: Path
) -> None:
    p12 = rsa_p12(tmp_path / "dewi.p12", "rahasia-dewi")
    info = import_identity(tmp_path / "identities", p12, "rahasia-dewi")
    out = tmp_path / "dewi.pdf"
    sign_pdf(
        signed.once,
        out,
        field="city-signer",
        signer=load_signer(info.id, "rahasia-dewi", folder=tmp_path / "identities"),
        reason="Setuju",
        location="Kota Uji",
        signer_name="Dewi",
    )
    local_only = verify_pdf(out, [signed.issuer.certificate])
    assert local_only.ok and not local_only.all_trusted
    assert [c.trusted for c in local_only.signatures] == [True, False]
    assert local_only.signatures[1].chain_top == "Dewi Official"
    both = verify_pdf(out, [signed.issuer.certificate, p12.with_suffix(".pem")])
    assert both.all_trusted
    assert both.signatures[1].trust_root == "Dewi Official"
    assert pdfsig(out) == ["Signature is Valid.", "Signature is Valid."]


def test_signature_from_another_installation_names_its_issuer(
    signed: Signed, tmp_path: Path
) -> None:
    other = tmp_path / "other-laptop"
    info = create_identity(other, "Eko Prasetyo", "1", "Bappeda", "rahasia-eko")
    out = tmp_path / "eko.pdf"
    sign_pdf(
        signed.once,
        out,
        field="city-signer",
        signer=load_signer(info.id, "rahasia-eko", folder=other),
        reason="Setuju",
        location="Kota Uji",
        signer_name="Eko Prasetyo",
    )
    report = verify_pdf(out, [signed.issuer.certificate])
    assert report.ok
    eko = report.signatures[1]
    assert not eko.trusted and eko.chain_top == ensure_local_issuer(other).name
    assert verify_pdf(
        out, [signed.issuer.certificate, ensure_local_issuer(other).certificate]
    ).all_trusted
