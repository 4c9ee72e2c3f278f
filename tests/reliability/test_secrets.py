"""Issue 10, item 6: keys never unencrypted on disk, passphrases never logged or
stored, the data folder private to its user.

One full signing run at DEBUG log level: identities created with a known
passphrase and one imported, the minutes signed by two people, exported and
verified, an encrypted bundle exported and imported, a backup.  Then every
file of the data folder (database and its WAL included) and the log are
searched for the passphrases and for private keys that open without one.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from evaluator_app.app_log import install_log
from evaluator_app.services import backups, identities, minutes
from evaluator_app.services.bundle_import import import_bundle
from evaluator_app.services.bundles import export_bundle
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.participants import ParticipantDetails, add_participant
from tests.reliability.seeds import small_session

PASSPHRASE = "Sandi-Rahasia-Unik-48213"
IMPORT_PASSPHRASE = "Impor-Rahasia-Lain-90817"
BUNDLE_PASSPHRASE = "Paket-Rahasia-Ketiga-5521"
SECRETS = (PASSPHRASE, IMPORT_PASSPHRASE, BUNDLE_PASSPHRASE)
UNENCRYPTED_PEM = re.compile(rb"-----BEGIN (RSA |EC |DSA |OPENSSH )?PRIVATE KEY-----")


@pytest.fixture
def debug_log(data_dir: Path) -> Iterator[Path]:
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.DEBUG)
    path = install_log(data_dir, logging.DEBUG)
    assert path is not None
    try:
        yield path
    finally:
        for handler in [h for h in root.handlers if type(h).__name__ == "_AppLogHandler"]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)


def full_signing_run(ctx: Context, tmp_path: Path) -> None:
    evidence = tmp_path / "sk.txt"
    evidence.write_bytes(b"Surat keputusan")
    sid = small_session(ctx, evidence)
    lead = add_participant(ctx, sid, ParticipantDetails(name="Rina", role="lead_evaluator"))
    signer = add_participant(ctx, sid, ParticipantDetails(name="Agus", role="signer"))
    rina = identities.create_identity(ctx, "Rina", None, "Tim", PASSPHRASE)
    # an identity brought from elsewhere, with its own passphrase
    outside = open_context(str(tmp_path / "elsewhere"), "lain")
    try:
        made = identities.create_identity(outside, "Agus", None, "Pemkot", IMPORT_PASSPHRASE)
        brought = tmp_path / "agus.p12"
        identities.export_identity(outside, made.id, brought)
    finally:
        outside.store.close()
    agus = identities.import_identity(ctx, brought, IMPORT_PASSPHRASE)
    with pytest.raises(minutes.InvalidInput):  # a wrong passphrase is refused, and not logged
        minutes.sign_minutes(ctx, sid, lead, rina.id, PASSPHRASE + "-salah")
    minutes.sign_minutes(ctx, sid, lead, rina.id, PASSPHRASE, signers=[lead, signer])
    minutes.sign_minutes(ctx, sid, signer, agus.id, IMPORT_PASSPHRASE)
    out = tmp_path / "berita-acara.pdf"
    minutes.export_signed(ctx, sid, out)
    assert minutes.verify_minutes(ctx, out).ok
    bundle = tmp_path / "sesi.evpkg"
    export_bundle(ctx, sid, bundle, passphrase=BUNDLE_PASSPHRASE)
    import_bundle(ctx, bundle, BUNDLE_PASSPHRASE)
    backups.back_up(ctx)


def every_file(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_no_passphrase_in_the_log_or_the_data_folder_and_no_bare_key(
    data_dir: Path, tmp_path: Path, debug_log: Path
) -> None:
    ctx = open_context(str(data_dir), "tester")
    try:
        full_signing_run(ctx, tmp_path)
        logging.getLogger("evaluator_app").debug("log check: the run is over")
    finally:
        ctx.store.close()
    logs = list(debug_log.parent.glob("evaluator.log*"))
    assert logs and "log check: the run is over" in debug_log.read_text(encoding="utf-8")
    files = every_file(data_dir)
    assert any(p.suffix == ".p12" for p in files) and len(files) > 10
    for path in files:  # the log folder is inside the data folder: searched too
        data = path.read_bytes()
        for secret in SECRETS:
            for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le")):
                assert encoded not in data, f"a passphrase is written in {path}"
        assert not UNENCRYPTED_PEM.search(data), f"an unencrypted private key in {path}"
        if b"-----BEGIN ENCRYPTED PRIVATE KEY-----" in data:
            with pytest.raises(TypeError):  # it needs a password
                serialization.load_pem_private_key(data, password=None)
        if path.suffix == ".p12":
            with pytest.raises(ValueError):  # no key comes out without the passphrase
                pkcs12.load_key_and_certificates(data, None)
        else:
            with pytest.raises((ValueError, TypeError)):
                serialization.load_der_private_key(data, password=None)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_data_folder_and_its_files_are_private(data_dir: Path, tmp_path: Path) -> None:
    # in a folder others may enter (pytest's own temporary folder is 0700, which
    # would make the probe below prove nothing)
    base = Path(tempfile.mkdtemp(prefix="evaluator-private-"))
    try:
        base.chmod(0o755)
        check_private(base, data_dir, tmp_path)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def check_private(base: Path, data_dir: Path, tmp_path: Path) -> None:
    fresh = base / "new-data"  # created by the app itself
    install_log(fresh)
    try:
        ctx = open_context(str(fresh), "tester")
        try:
            (fresh / "frameworks").mkdir(exist_ok=True)
            (fresh / "frameworks" / "tiny.yaml").write_text(
                (data_dir / "frameworks" / "tiny.yaml").read_text()
            )
            full_signing_run(ctx, tmp_path)
            backups.daily_backup(ctx)
            logging.getLogger("evaluator_app").warning("a line in the log")
        finally:
            ctx.store.close()
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if type(h).__name__ == "_AppLogHandler"]:
            root.removeHandler(handler)
            handler.close()
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
    # what holds records, copies of them, logs or keys is the user's alone
    sensitive = [
        *fresh.glob("evaluator.sqlite*"),
        *fresh.glob("backups/*"),
        *fresh.glob("logs/*"),
        *fresh.glob("identities/*.p12"),
        *fresh.glob("identities/*.json"),
        *fresh.glob("identities/local-issuer/issuer.key"),
        *fresh.glob("identities/local-issuer/issuer.passphrase"),
        *(p for p in fresh.glob("evidence/*/*") if p.is_file()),
    ]
    assert len(sensitive) >= 10
    loose = [
        f"{p.relative_to(fresh)} {oct(stat.S_IMODE(p.stat().st_mode))}"
        for p in sensitive
        if stat.S_IMODE(p.stat().st_mode) & 0o077
    ]
    for folder in ("backups", "logs", "identities", "identities/local-issuer"):
        if stat.S_IMODE((fresh / folder).stat().st_mode) & 0o077:
            loose.append(f"{folder}/ {oct(stat.S_IMODE((fresh / folder).stat().st_mode))}")
    assert not loose, "readable by others: " + ", ".join(loose)
    if os.getuid() == 0:  # and proven: another user can reach nothing in it
        probe = (
            "import os, sys\n"
            "os.setgid(65534); os.setuid(65534)\n"
            "for path in sys.argv[1:]:\n"
            "    try:\n"
            "        open(path, 'rb').read(1) if os.path.isfile(path) else os.listdir(path)\n"
            "    except PermissionError:\n"
            "        continue\n"
            "    print('reached', path)\n"
        )
        paths = [str(p) for p in [base, fresh, *fresh.rglob("*")]]
        result = subprocess.run(
            [sys.executable, "-c", probe, *paths], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
        # the folder around it is open (the probe can reach things), the data folder not
        assert result.stdout.splitlines() == [f"reached {base}"], result.stdout
