"""Issue 10, item 3: every parser of outside input, fed mutations of real files.

CI runs a few hundred inputs per parser; ``run_long.py fuzz`` runs 100,000
(see README.md here).  Allowed: success or the project's clear error; no
hang, no other exception, no file written outside the data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.conftest import scale
from tests.reliability.fuzz import Sandbox, Stats, make_input, run_one, targets
from tests.reliability.seeds import Seeds

TARGETS = targets()
EXAMPLES = {
    "framework-yaml": scale(200, 2000),
    "framework-xlsx": scale(80, 1000),
    "bundle": scale(300, 2000),
    "pdf-verify": scale(100, 1000),
    "pkcs12": scale(300, 2000),
}
OPS = st.lists(
    st.tuples(
        st.integers(0, 1 << 16),
        st.integers(0, 1 << 31),
        st.integers(0, 1 << 16),
        st.integers(0, 255),
    ),
    min_size=1,
    max_size=8,
)


@pytest.mark.skipif(os.name != "posix", reason="the per-input time limit uses SIGALRM")
@pytest.mark.parametrize("name", list(TARGETS))
def test_parser_refuses_mutated_input_clearly(name: str, seeds: Seeds, tmp_path: Path) -> None:
    target = TARGETS[name]
    seed_bytes = target.seeds(seeds)
    sandbox = Sandbox(tmp_path / "sandbox", seeds)
    stats = Stats()
    try:

        @settings(
            max_examples=EXAMPLES[name],
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            derandomize=os.environ.get("RELIABILITY_FULL") != "1",
        )
        @given(choice=st.integers(0, 7), ops=OPS)
        def feed(choice: int, ops: list[tuple[int, int, int, int]]) -> None:
            before = len(stats.failures)
            run_one(target, sandbox, make_input(target, seed_bytes, choice, ops), stats, tmp_path)
            assert len(stats.failures) == before, stats.failures[-1]

        feed()
    finally:
        sandbox.close()
    # the unchanged seed itself is accepted: the harness can tell success from refusal
    assert stats.inputs >= EXAMPLES[name] // 2
    print(f"{name}: {stats.inputs} inputs, {stats.ok} accepted, {stats.refused} refused")


def test_the_fuzzer_would_catch_a_crash_a_hang_and_a_stray_file(
    seeds: Seeds, tmp_path: Path
) -> None:
    """The harness itself can fail: a parser that crashes, hangs or writes outside."""
    import time

    from tests.reliability.fuzz import Target

    sandbox = Sandbox(tmp_path / "sandbox", seeds)
    stats = Stats()

    def crashes(_ctx: object, _path: Path) -> None:
        raise KeyError("boom")

    def hangs(_ctx: object, _path: Path) -> None:
        time.sleep(5)

    def strays(_ctx: object, _path: Path) -> None:
        (sandbox.tmp / "left-behind").write_bytes(b"x")

    try:
        for run in (crashes, hangs, strays):
            target = Target(run.__name__, ".bin", lambda s: [b""], run, (ValueError,), seconds=0.3)
            run_one(target, sandbox, b"x", stats, None)
    finally:
        sandbox.close()
    assert [f.kind for f in stats.failures] == ["exception", "hang", "outside write"]


def test_a_keystore_with_bytes_after_its_end_is_judged_not_warned_about(seeds: Seeds) -> None:
    """Found by the fuzzer: cryptography read such a file as BER with a UserWarning
    (asking the user to report the file to it), which escaped as an exception
    where warnings are errors; now the file is simply judged."""
    import warnings

    from evaluator_app.signing.errors import SigningError
    from evaluator_app.signing.keystore import open_keystore
    from tests.reliability.seeds import PASSPHRASE

    data = seeds.p12_fast.read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for extra in (b"\0\0", b"sampah"):
            try:
                keystore = open_keystore(data + extra, PASSPHRASE, label="bawaan.p12")
            except SigningError as error:
                assert "bawaan.p12" in str(error)
            else:
                assert keystore.certificate is not None


def test_an_encrypted_bundle_cannot_ask_for_gigabytes(seeds: Seeds, tmp_path: Path) -> None:
    """A forged 44-byte header asked scrypt for N = 2^20, r = 32 (4 GiB of memory,
    a minute of CPU) before the passphrase could be found wrong; now refused."""
    import time

    from evaluator_app.exchange.errors import BundleError
    from evaluator_app.services.bundle_import import import_bundle
    from evaluator_app.services.bundles import export_bundle
    from evaluator_app.services.operation import open_context
    from evaluator_app.services.sessions import list_sessions

    ctx = open_context(str(seeds.data_dir), "penguji")
    try:
        sid = next(s.id for s in list_sessions(ctx) if s.region == "Kota Uji")
        bundle = tmp_path / "rahasia.evpkg"
        export_bundle(ctx, sid, bundle, passphrase="kata-sandi-paket")
        data = bytearray(bundle.read_bytes())
        assert data[9:12] == bytes([15, 8, 1])  # log2 N, r, p as this app writes them
        data[9:12] = bytes([20, 32, 16])
        forged = tmp_path / "palsu.evpkg"
        forged.write_bytes(bytes(data))
        started = time.monotonic()
        with pytest.raises(BundleError, match="header is damaged"):
            import_bundle(ctx, forged, "kata-sandi-paket")
        assert time.monotonic() - started < 5
    finally:
        ctx.store.close()


@pytest.mark.parametrize("damage", ["name", "version"])
@pytest.mark.parametrize("suffix", [".xlsx", ".evpkg"])
def test_a_zip_with_a_bad_name_or_version_is_refused_in_words(
    suffix: str, damage: str, tmp_path: Path, seeds: Seeds
) -> None:
    """Found by the fuzzer: a member name flagged UTF-8 but not UTF-8 (zipfile:
    UnicodeDecodeError), or a member needing zip version 25.5 (zipfile:
    NotImplementedError), escaped the workbook check as a crash."""
    import io
    import zipfile

    from evaluator_app.domain.framework import FrameworkError
    from evaluator_app.exchange.errors import BundleError
    from evaluator_app.services.bundle_import import import_bundle
    from evaluator_app.services.frameworks import read_framework_file
    from evaluator_app.services.operation import open_context

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/\u00e9.xml", b"<a/>")  # a non-ASCII name: flagged UTF-8
    data = buffer.getvalue()
    if damage == "name":
        data = data.replace("\u00e9".encode(), b"\xb2\xb2")
    else:  # the central directory's "version needed to extract"
        at = data.index(b"PK\x01\x02") + 6
        data = data[:at] + bytes([255]) + data[at + 1 :]
    bad = tmp_path / f"rusak{suffix}"
    bad.write_bytes(data)
    if suffix == ".xlsx":
        with pytest.raises(FrameworkError, match="not an Excel workbook"):
            read_framework_file(bad)
    else:
        ctx = open_context(str(tmp_path / "data"), "penguji")
        try:
            with pytest.raises(BundleError):
                import_bundle(ctx, bad)
        finally:
            ctx.store.close()
