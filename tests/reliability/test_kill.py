"""Issue 10, item 1: SIGKILL at random moments loses nothing acknowledged.

A child process (``kill_driver.py``) applies random operations (levels,
notes, clarifications and their answers, evidence files of up to 3 MB,
findings) and acknowledges each one once its service call has returned.  The
parent kills it with SIGKILL at a random moment, mostly mid-work and sometimes
while it starts (opening the store), then checks the data folder:

* ``PRAGMA integrity_check`` says ok;
* the session's audit chain verifies, records equal to their trail;
* the session holds exactly the acknowledged operations, plus at most the one
  in flight, whole (never half of it);
* every file in the evidence store hashes to its name (a partial write is
  only ever a ``.incoming-`` temporary, never served), and every evidence
  record's file reads back with its hash.

CI: 15 kills.  ``RELIABILITY_FULL=1`` (or ``run_long.py kill``): 200.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

import pytest
from sqlalchemy import select

from evaluator_app.services.audit import verify_chain
from evaluator_app.services.operation import Context, open_context, reading
from evaluator_app.services.sessions import SessionDetails, create_session
from evaluator_app.store.evidence_packs import read_index
from evaluator_app.store.evidence_store import EvidenceFileError
from evaluator_app.store.models import Assessment, Clarification, Evidence, Finding
from tests.reliability.conftest import scale
from tests.reliability.kill_ops import State, plan

DRIVER = Path(__file__).with_name("kill_driver.py")
ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("RELIABILITY_KILLS") or scale(15, 200))


def actual_state(ctx: Context, sid: str) -> State:
    with reading(ctx) as db:
        state = State()
        for code, level, notes in db.execute(
            select(Assessment.indicator_code, Assessment.agreed_level, Assessment.notes).where(
                Assessment.session_id == sid
            )
        ):
            if level is not None:
                state.levels[code] = level
            if notes:
                state.notes[code] = notes
        joined = select(Clarification.question, Clarification.answer).join(Assessment)
        for question, answer in db.execute(joined.where(Assessment.session_id == sid)):
            state.questions[question] = answer
        files = select(Evidence.title, Evidence.sha256).join(Assessment)
        for title, sha256 in db.execute(files.where(Assessment.session_id == sid)):
            state.evidence[title] = sha256
        state.findings = set(db.scalars(select(Finding.text).where(Finding.session_id == sid)))
    return state


def evidence_problems(ctx: Context, expected: State) -> tuple[list[str], int]:
    """Files at a final name that do not hash to it, records whose file fails; temporaries."""
    problems, temporaries = [], 0
    root = ctx.store.evidence.root
    for path in root.rglob("*") if root.is_dir() else []:
        if path.is_dir():
            continue
        if path.name.startswith(".incoming-"):
            temporaries += 1
            continue
        if path.parent.name == "packs":  # a pack is checked whole: its index and footer
            read_index(path)
            continue
        name = path.parent.name + path.name
        if hashlib.sha256(path.read_bytes()).hexdigest() != name:
            problems.append(f"{path} does not hash to its name (a partial file served)")
    for title, sha256 in expected.evidence.items():
        try:
            ctx.store.evidence.read_bytes(sha256)
        except EvidenceFileError as error:
            problems.append(f"{title}: {error}")
    return problems, temporaries


@dataclass
class Child:
    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    ready: threading.Event = field(default_factory=threading.Event)

    def read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.strip())
            if line.strip() == "ready":
                self.ready.set()


@dataclass
class Tally:
    kills: int = 0
    acknowledged: int = 0
    in_flight_committed: int = 0
    in_flight_absent: int = 0
    killed_starting: int = 0
    killed_in_evidence: int = 0
    temporaries_left: int = 0


def test_sigkill_at_random_moments_loses_nothing(tmp_path: Path, data_dir: Path) -> None:
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("SIGKILL is POSIX only")
    setup = open_context(str(data_dir), "penguji")
    sid = create_session(setup, "tiny", SessionDetails(region="Kota Uji", year=2024))
    setup.store.close()
    staging = tmp_path / "staging"
    staging.mkdir()
    seed = int(os.environ.get("RELIABILITY_SEED", "10"))
    rng = Random(seed)
    expected, next_n, tally = State(), 0, Tally()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.time()
    for cycle in range(KILLS):
        command = [sys.executable, str(DRIVER), str(data_dir), sid, str(seed), str(next_n)]
        errors = tmp_path / "driver-stderr.txt"
        with errors.open("w") as stderr_file:
            process = subprocess.Popen(
                [*command, str(staging)],
                stdout=subprocess.PIPE,
                stderr=stderr_file,
                text=True,
                env=env,
            )
        child = Child(process)
        reader = threading.Thread(target=child.read, daemon=True)
        reader.start()
        if rng.random() < 0.15:  # while it starts: imports, opening the store
            time.sleep(rng.uniform(0.2, 1.6))
        else:
            if not child.ready.wait(180):  # a loaded machine starts Python slowly
                process.send_signal(signal.SIGUSR1)  # its stack, to say where it waits
                time.sleep(2)
                process.kill()
                process.wait()
                pytest.fail(f"the driver did not start within 180 s:\n{errors.read_text()}")
            time.sleep(rng.uniform(0.02, 0.9))
        process.send_signal(signal.SIGKILL)
        process.wait()
        reader.join(10)
        assert process.stdout is not None
        process.stdout.close()
        stderr = errors.read_text()
        assert process.returncode == -signal.SIGKILL, f"the driver died by itself:\n{stderr}"
        tally.kills += 1
        if "ready" not in child.lines:
            tally.killed_starting += 1

        # what the child said it did
        in_flight: tuple[int, str] | None = None
        for line in child.lines:
            if line.startswith("B "):
                _, n, target = line.split(" ", 2)
                in_flight = (int(n), target)
            elif line.startswith("A "):
                _, n, target = line.split(" ", 2)
                assert in_flight is not None and in_flight[0] == int(n)
                expected.apply(seed, int(n), target)
                tally.acknowledged += 1
                next_n = int(n) + 1
                in_flight = None

        # the data folder, as the next start will find it
        connection = sqlite3.connect(data_dir / "evaluator.sqlite")
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",), cycle
        finally:
            connection.close()
        ctx = open_context(str(data_dir), "penguji")
        try:
            found = actual_state(ctx, sid)
            if in_flight is not None:
                with_it = expected.copy()
                with_it.apply(seed, *in_flight)
                if plan(seed, in_flight[0]).kind == "evidence":
                    tally.killed_in_evidence += 1
                if found == with_it and found != expected:
                    expected = with_it  # it committed; only the acknowledgement was lost
                    tally.in_flight_committed += 1
                    next_n = in_flight[0] + 1
                else:
                    tally.in_flight_absent += 1
                    next_n = in_flight[0] + 1  # never retried: its number stays unused
            assert found == expected, f"after kill {cycle + 1}: {found} != {expected}"
            report = verify_chain(ctx, sid)
            assert report.intact, f"after kill {cycle + 1}: {report}"
            problems, temporaries = evidence_problems(ctx, expected)
            assert not problems, problems
            tally.temporaries_left = temporaries
        finally:
            ctx.store.close()
        for leftover in staging.iterdir():
            leftover.unlink()
        if (cycle + 1) % 10 == 0:
            print(f"\n{cycle + 1} kills, {tally.acknowledged} acknowledged, all there", flush=True)
    seconds = time.time() - started
    print(
        f"\nkill test: {tally} in {seconds:.0f} s; final state {len(expected.questions)} "
        f"questions, {len(expected.evidence)} evidence files, {len(expected.findings)} findings"
    )
    assert tally.kills == KILLS
    assert tally.acknowledged > KILLS  # the children did work between kills


def test_copies_a_kill_cut_short_do_not_pile_up(data_dir: Path) -> None:
    """Found by the kill test: a kill mid-copy left its ``.incoming-`` temporary
    for ever (4 of them, up to 3 MB each, after 200 kills).  Opening the store
    removes those older than an hour; a younger one may be another window's."""
    evidence = data_dir / "evidence"
    evidence.mkdir(parents=True)
    old, young = evidence / ".incoming-old", evidence / ".incoming-young"
    old.write_bytes(b"cut short")
    young.write_bytes(b"in progress")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    open_context(str(data_dir), "tester").store.close()
    assert not old.exists() and young.exists()
