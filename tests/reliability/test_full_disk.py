"""Issue 10, item 2: a full disk and a read-only data folder.

The data folder lives on a small tmpfs mounted for the test (root, and a
system that allows mounting; else the tests skip saying why).  Filled up, or
remounted read-only, every operation that must write is refused with a clear
message (a ServiceError that says what happened and where), the same open
context keeps working for reading, and once space (or write access) is back
every acknowledged change is there, intact, and work goes on.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from evaluator_app.exchange.errors import BundleError
from evaluator_app.services import assessments, backups, clarifications, evidence, findings
from evaluator_app.services.audit import verify_chain
from evaluator_app.services.bundles import export_bundle
from evaluator_app.services.errors import ServiceError
from evaluator_app.services.findings import FindingDetails
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.sessions import SessionDetails, create_session, session_overview
from evaluator_app.store.database import StoreError
from tests.conftest import TINY_FRAMEWORK
from tests.reliability.kill_ops import State
from tests.reliability.test_kill import actual_state

SIZE = "12m"


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


@contextlib.contextmanager
def small_disk(folder: Path, size: str = SIZE) -> Iterator[Path]:
    """A tmpfs of ``size`` at ``folder``; skips the test where mounting is not possible."""
    if os.name != "posix" or shutil.which("mount") is None:
        pytest.skip("no mount command here")
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    folder.mkdir(parents=True, exist_ok=True)
    done = _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder))
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def fill(disk: Path) -> Path:
    """Write until the disk says it is full; return the filler to delete later."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    return filler


def prepare(disk: Path, outside: Path) -> tuple[Context, str, State]:
    data = disk / "data"
    (data / "frameworks").mkdir(parents=True)
    (data / "frameworks" / "tiny.yaml").write_text(TINY_FRAMEWORK, encoding="utf-8")
    ctx = open_context(str(data), "tester")
    sid = create_session(ctx, "tiny", SessionDetails(region="Kota Uji", year=2024))
    expected = State()
    assessments.set_agreed_level(ctx, sid, "GOV.1.1", 2)
    expected.levels["GOV.1.1"] = 2
    assessments.set_notes(ctx, sid, "ENV.1.1", "sebelum penuh")
    expected.notes["ENV.1.1"] = "sebelum penuh"
    clarifications.ask(ctx, sid, "GOV.1.2", "q-1")
    expected.questions["q-1"] = ""
    source = outside / "bukti.bin"
    source.write_bytes(os.urandom(200_000))
    evidence.attach_file(ctx, sid, "GOV.1.1", source, "ev-1")
    import hashlib

    expected.evidence["ev-1"] = hashlib.sha256(source.read_bytes()).hexdigest()
    findings.add_finding(ctx, sid, FindingDetails(text="finding-1"))
    expected.findings.add("finding-1")
    return ctx, sid, expected


def writes(ctx: Context, sid: str, outside: Path, tag: str) -> dict[str, Callable[[], object]]:
    """Every kind of operation that must write to the data folder."""
    big = outside / "besar.bin"
    if not big.exists():
        big.write_bytes(os.urandom(3_000_000))
    long_text = f"{tag} " + "kata " * 40_000
    return {
        "set level": lambda: assessments.set_agreed_level(ctx, sid, "GOV.1.2", 4),
        "notes": lambda: assessments.set_notes(ctx, sid, "GOV.1.1", long_text),
        "clarification": lambda: clarifications.ask(ctx, sid, "ENV.1.1", long_text),
        "evidence file": lambda: evidence.attach_file(ctx, sid, "ENV.1.1", big, "ev-besar"),
        "finding": lambda: findings.add_finding(ctx, sid, FindingDetails(text=long_text)),
        "promise": lambda: evidence.promise(ctx, sid, "GOV.1.2", long_text, dt.date(2025, 1, 1)),
        "backup": lambda: backups.back_up(ctx),
    }


def attempt(action: Callable[[], object]) -> str | None:
    """None if it worked, else the message it was refused with (a clear kind only)."""
    try:
        action()
    except (ServiceError, BundleError, StoreError) as error:
        return str(error)
    return None


def check_intact(ctx: Context, sid: str, expected: State) -> None:
    connection = sqlite3.connect(ctx.store.database_file)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
    found = actual_state(ctx, sid)
    for name in ("levels", "notes", "questions", "evidence"):
        part, wanted = getattr(found, name), getattr(expected, name)
        assert {k: part.get(k) for k in wanted} == wanted, name
    assert expected.findings <= found.findings
    assert verify_chain(ctx, sid).intact
    for sha256 in expected.evidence.values():
        ctx.store.evidence.read_bytes(sha256)


def test_a_full_disk_refuses_in_words_and_loses_nothing(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    with small_disk(tmp_path / "disk") as disk:
        ctx, sid, expected = prepare(disk, outside)
        try:
            filler = fill(disk)
            refused = {}
            for name, action in writes(ctx, sid, outside, "penuh").items():
                message = attempt(action)
                if message is not None:
                    refused[name] = message
            # the big ones cannot fit in whatever slack the files had
            assert {"notes", "evidence file", "finding", "backup"} <= set(refused), refused
            for name, message in refused.items():
                assert "full" in message or "space" in message, (name, message)
                assert str(disk) in message, f"{name}: does not say where: {message}"
            # reading still works, on the same open context
            assert session_overview(ctx, sid).region == "Kota Uji"
            with pytest.raises((BundleError, ServiceError), match=r"full|space"):
                export_bundle(ctx, sid, disk / "sesi.evpkg")

            filler.unlink()  # space is back
            check_intact(ctx, sid, expected)
            for name, action in writes(ctx, sid, outside, "lagi").items():
                assert attempt(action) is None, name
            check_intact(ctx, sid, expected)
            assert not list((disk / "data" / "evidence").glob(".incoming-*"))
        finally:
            ctx.store.close()
        reopened = open_context(str(disk / "data"), "tester")
        try:
            check_intact(reopened, sid, expected)
        finally:
            reopened.store.close()
        print(f"\nfull disk: refused {sorted(refused)}; e.g. {next(iter(refused.values()))}")


def test_a_read_only_data_folder_is_refused_in_words_and_loses_nothing(tmp_path: Path) -> None:
    """Found read-only at start (a locked-down share, a write-protected stick).

    Linux refuses to remount a file system read-only while files on it are open
    for writing (EBUSY), so the folder turns read-only between two runs here.
    """
    outside = tmp_path / "outside"
    outside.mkdir()
    with small_disk(tmp_path / "disk", "32m") as disk:
        ctx, sid, expected = prepare(disk, outside)
        ctx.store.close()
        done = _mount("-o", "remount,ro", str(disk))
        if done.returncode != 0:
            pytest.skip(f"remounting read-only is not permitted here: {done.stderr.strip()}")
        try:
            with pytest.raises(StoreError) as opening:
                open_context(str(disk / "data"), "tester").store.close()
            message = str(opening.value)
            assert str(disk / "data") in message, message
            assert "read-only" in message.lower() and "cannot be written" in message, message
            outside_copy = backups.backups_dir(outside)  # a copy can still be made elsewhere
            assert not outside_copy.exists()
        finally:
            assert _mount("-o", "remount,rw", str(disk)).returncode == 0
        ctx = open_context(str(disk / "data"), "tester")
        try:
            check_intact(ctx, sid, expected)
            for name, action in writes(ctx, sid, outside, "lagi").items():
                assert attempt(action) is None, name
            check_intact(ctx, sid, expected)
        finally:
            ctx.store.close()
        print(f"\nread-only: opening refused: {message}")


CHILD = """
import json, resource, signal, sys
from pathlib import Path
from tests.reliability.test_full_disk import attempt, writes
from evaluator_app.services.operation import open_context

data_dir, sid, outside, limit = sys.argv[1:5]
ctx = open_context(data_dir, "tester")
actions = writes(ctx, sid, Path(outside), "batas")  # besar.bin is there already
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), hard))
results = {}
for name, action in actions.items():
    try:
        results[name] = attempt(action)
    except Exception as error:  # anything but a clear refusal is a failure
        results[name] = "CRASH " + type(error).__name__ + ": " + str(error)
ctx.store.close()
print(json.dumps(results))
"""


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")
def test_a_file_size_limit_refuses_in_words_and_loses_nothing(tmp_path: Path) -> None:
    """Where mounting is not permitted: a limit on file sizes (as a quota would set)
    in a child process; no root needed."""
    import json
    import sys

    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "disk").mkdir()
    ctx, sid, expected = prepare(tmp_path / "disk", outside)
    data = tmp_path / "disk" / "data"
    ctx.store.close()
    (outside / "besar.bin").write_bytes(os.urandom(3_000_000))
    limit = max(p.stat().st_size for p in data.rglob("*") if p.is_file()) + 32_768
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(data), sid, str(outside), str(limit)],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(root)),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout.strip().splitlines()[-1])
    refused = {name: message for name, message in results.items() if message is not None}
    assert not [m for m in refused.values() if m.startswith("CRASH")], refused
    assert {"notes", "evidence file", "finding", "clarification"} <= set(refused), results
    for name, message in refused.items():
        assert str(data) in message, f"{name}: does not say where: {message}"
    reopened = open_context(str(data), "tester")
    try:
        check_intact(reopened, sid, expected)
        for name, action in writes(reopened, sid, outside, "lagi").items():
            assert attempt(action) is None, name
        check_intact(reopened, sid, expected)
    finally:
        reopened.store.close()
    print(f"\nfile size limit: refused {sorted(refused)}; e.g. {refused['notes']}")
