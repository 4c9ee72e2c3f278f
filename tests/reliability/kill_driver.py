"""The kill test's child: applies operations until it is killed (SIGKILL).

    python kill_driver.py DATA_DIR SESSION_ID SEED FIRST_N STAGING_DIR

Prints ``ready`` once the store is open, then for each operation ``B n target``
before it and ``A n target`` after its service call returned, flushed at once.
"""

from __future__ import annotations

import faulthandler
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import select

from evaluator_app.services import assessments, clarifications, evidence, findings
from evaluator_app.services.findings import FindingDetails
from evaluator_app.services.operation import open_context, reading
from evaluator_app.store.models import Assessment, Clarification
from tests.reliability.kill_ops import evidence_bytes, note_text, plan


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def newest_question(ctx: object, sid: str) -> str:
    with reading(ctx) as db:  # type: ignore[arg-type]
        rows = db.execute(
            select(Clarification.question)
            .join(Assessment)
            .where(Assessment.session_id == sid, Clarification.question.like("q-%"))
        ).all()
    numbers = [int(q[2:]) for (q,) in rows]
    return f"q-{max(numbers)}" if numbers else "-"


def main() -> None:
    faulthandler.register(signal.SIGUSR1)  # the parent asks where a slow start is
    data_dir, sid, seed, first, staging = sys.argv[1:6]
    ctx = open_context(data_dir, "penguji")
    say("ready")
    n = int(first)
    while True:
        op = plan(int(seed), n)
        target = "-"
        if op.kind == "answer":
            target = newest_question(ctx, sid)
        say(f"B {n} {target}")
        if op.kind == "level":
            assessments.set_agreed_level(ctx, sid, op.code, op.level)
        elif op.kind == "notes":
            assessments.set_notes(ctx, sid, op.code, note_text(n))
        elif op.kind == "ask":
            clarifications.ask(ctx, sid, op.code, f"q-{n}")
        elif op.kind == "answer" and target != "-":
            with reading(ctx) as db:
                found = db.scalars(
                    select(Clarification.id)
                    .join(Assessment)
                    .where(Assessment.session_id == sid, Clarification.question == target)
                ).one()
            clarifications.answer(ctx, found, f"a-{n}")
        elif op.kind == "evidence":
            path = Path(staging) / f"ev-{n}.bin"
            path.write_bytes(evidence_bytes(int(seed), n, op.size))
            evidence.attach_file(ctx, sid, op.code, path, f"ev-{n}")
        elif op.kind == "finding":
            findings.add_finding(ctx, sid, FindingDetails(text=f"finding-{n}"))
        say(f"A {n} {target}")
        n += 1


if __name__ == "__main__":
    main()
