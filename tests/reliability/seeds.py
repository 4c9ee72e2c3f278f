"""Valid inputs to mutate and to tamper with, made by the app itself.

A fuzzer that starts from real files (a bundle, a signed PDF, a keystore, the
shipped framework YAML, a framework workbook) reaches far deeper into the
parsers than random bytes, which are refused at their first byte.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import TINY_FRAMEWORK

PASSPHRASE = "Rahasia-Uji-7391-kunci"  # every seed identity's passphrase


@dataclass(frozen=True)
class Seeds:
    folder: Path
    data_dir: Path  # the data folder that made them (its local issuer is the trust root)
    yaml: Path  # a shipped framework
    tiny_yaml: Path
    xlsx: Path  # the tiny framework as a workbook
    bundle: Path  # a small session: levels, notes, a clarification, evidence, a finding
    pdf: Path  # the demo's minutes, signed by two people
    p12: Path  # an identity's keystore, as the app keeps it (passphrase PASSPHRASE)
    p12_fast: Path  # the same key and chain with few KDF rounds, to fuzz quickly
    evidence: Path  # an evidence file as stored


def seeds_in(folder: Path) -> Seeds:
    data = folder / "data"
    return Seeds(
        folder=folder,
        data_dir=data,
        yaml=folder / "framework.yaml",
        tiny_yaml=folder / "tiny.yaml",
        xlsx=folder / "framework.xlsx",
        bundle=folder / "session.evpkg",
        pdf=folder / "minutes-signed.pdf",
        p12=folder / "identity.p12",
        p12_fast=folder / "identity-fast.p12",
        evidence=folder / "evidence.bin",
    )


def small_session(ctx: object, evidence_file: Path) -> str:
    """The tiny framework's session with one record of every kind; returns its id."""
    from evaluator_app.services import assessments, clarifications, evidence, findings
    from evaluator_app.services.findings import FindingDetails
    from evaluator_app.services.operation import Context
    from evaluator_app.services.sessions import SessionDetails, create_session

    assert isinstance(ctx, Context)
    sid = create_session(ctx, "tiny", SessionDetails(region="Kota Uji", year=2024))
    assessments.set_agreed_level(ctx, sid, "GOV.1.1", 3)
    assessments.set_notes(ctx, sid, "GOV.1.2", "Catatan rapat")
    question = clarifications.ask(ctx, sid, "ENV.1.1", "Ada dokumen?")
    clarifications.answer(ctx, question, "Ada, disusulkan")
    evidence.attach_file(ctx, sid, "GOV.1.1", evidence_file, "SK Wali Kota")
    evidence.promise(ctx, sid, "ENV.1.1", "Laporan energi", dt.date(2025, 1, 31))
    findings.add_finding(ctx, sid, FindingDetails(text="Perlu SOP", agencies=["Diskominfo"]))
    return sid


def build_seeds(folder: Path) -> Seeds:
    """Make every seed under ``folder`` (some seconds); reuse them when already made."""
    seeds = seeds_in(folder)
    if seeds.evidence.is_file():
        return seeds
    import yaml
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    from evaluator_app.bundled import shipped_frameworks_dir
    from evaluator_app.domain.framework import framework_from_data
    from evaluator_app.domain.framework_xlsx.writer import framework_xlsx_bytes
    from evaluator_app.services import identities, minutes
    from evaluator_app.services.bundles import export_bundle
    from evaluator_app.services.demo import create_demo
    from evaluator_app.services.operation import open_context
    from evaluator_app.services.sessions import session_overview
    from evaluator_app.signing.identities import identity_path, load_keystore

    folder.mkdir(parents=True, exist_ok=True)
    shipped = sorted(shipped_frameworks_dir().glob("*.yaml"))[0]
    seeds.yaml.write_bytes(shipped.read_bytes())
    seeds.tiny_yaml.write_text(TINY_FRAMEWORK, encoding="utf-8")
    seeds.xlsx.write_bytes(
        framework_xlsx_bytes(framework_from_data(yaml.safe_load(TINY_FRAMEWORK)))
    )
    content = b"%PDF-1.4\nSK Wali Kota nomor 12 tahun 2024\n" + bytes(range(256)) * 8
    (folder / "sk.pdf").write_bytes(content)

    (seeds.data_dir / "frameworks").mkdir(parents=True, exist_ok=True)
    (seeds.data_dir / "frameworks" / "tiny.yaml").write_text(TINY_FRAMEWORK, encoding="utf-8")
    ctx = open_context(str(seeds.data_dir), "penguji")
    try:
        small = small_session(ctx, folder / "sk.pdf")
        export_bundle(ctx, small, seeds.bundle)
        sha = __import__("hashlib").sha256(content).hexdigest()
        seeds.evidence.write_bytes(ctx.store.evidence.read_bytes(sha))

        demo = create_demo(ctx)
        people = session_overview(ctx, demo).participants
        by_role = {p.role: p.id for p in people}
        rina = identities.create_identity(
            ctx, "Rina Wulandari", "198001012005012001", "Tim", PASSPHRASE
        )
        agus = identities.create_identity(ctx, "Agus Salim", None, "Pemkot", PASSPHRASE)
        minutes.sign_minutes(ctx, demo, by_role["lead_evaluator"], rina.id, PASSPHRASE)
        minutes.sign_minutes(ctx, demo, by_role["signer"], agus.id, PASSPHRASE)
        minutes.export_signed(ctx, demo, seeds.pdf)

        folder_ids = identities.identities_folder(ctx)
        p12 = identity_path(folder_ids, rina.id)
        seeds.p12.write_bytes(p12.read_bytes())
        keystore = load_keystore(p12, PASSPHRASE)
        fast = (
            serialization.PrivateFormat.PKCS12.encryption_builder()
            .kdf_rounds(64)
            .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
            .hmac_hash(hashes.SHA256())
            .build(PASSPHRASE.encode())
        )
        seeds.p12_fast.write_bytes(
            pkcs12.serialize_key_and_certificates(
                b"Rina", keystore.key, keystore.certificate, list(keystore.chain), fast
            )
        )
    finally:
        ctx.store.close()
    return seeds
