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
