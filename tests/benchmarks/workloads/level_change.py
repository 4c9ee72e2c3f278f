"""One level change, stored with its audit event and committed, against raw sqlite3.

The app's figure is ``assessments.set_agreed_level`` on the large session.  The
baseline does what that change must do at the least, with the standard library
on a copy of the same database and the same pragmas: select the assessment,
update its level, read the chain head, insert one audit event, commit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sqlite3
import time
import uuid

from workloads.data import BenchData
from workloads.rows import Row, median, ms, percentile

CHANGES = 300


def _ours(data: BenchData, codes: list[str]) -> list[float]:
    from evaluator_app.services.assessments import set_agreed_level
    from evaluator_app.services.operation import open_context

    ctx = open_context(str(data.large_dir), "bench")
    times = []
    try:
        for n in range(CHANGES):
            code = codes[n % len(codes)]
            level = 1 + n % 4
            started = time.perf_counter()
            set_agreed_level(ctx, data.large_session, code, level)
            times.append(time.perf_counter() - started)
    finally:
        ctx.store.close()
    return times


def _raw(data: BenchData, codes: list[str]) -> list[float]:
    from evaluator_app.store.engine import DATABASE_FILE

    copy = data.work / "raw-level.sqlite"
    shutil.copyfile(data.large_dir / DATABASE_FILE, copy)
    db = sqlite3.connect(copy, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000"):
        db.execute(f"PRAGMA {pragma}")
    session = data.large_session
    times = []
    try:
        for n in range(CHANGES):
            code = codes[n % len(codes)]
            level = 1 + n % 4
            started = time.perf_counter()
            db.execute("BEGIN IMMEDIATE")
            assessment_id, old = db.execute(
                "SELECT id, agreed_level FROM assessment WHERE session_id = ? "
                "AND indicator_code = ?",
                (session, code),
            ).fetchone()
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(" ")
            db.execute(
                "UPDATE assessment SET agreed_level = ?, updated_by = ?, updated_at = ?, "
                "version = version + 1 WHERE id = ?",
                (level, "bench", now, assessment_id),
            )
            seq, prev = db.execute(
                "SELECT seq, hash FROM audit_event WHERE session_id = ? ORDER BY seq DESC LIMIT 1",
                (session,),
            ).fetchone()
            event = {
                "id": str(uuid.uuid4()),
                "session_id": session,
                "seq": seq + 1,
                "at": now,
                "actor": "bench",
                "operation_id": str(uuid.uuid4()),
                "action": "set_agreed_level",
                "target_operation_id": None,
                "record_type": "assessment",
                "record_id": assessment_id,
                "change": "update",
                "field": "agreed_level",
                "old_value": json.dumps(old),
                "new_value": json.dumps(level),
                "prev_hash": prev,
            }
            event["hash"] = hashlib.sha256(json.dumps(event, sort_keys=True).encode()).hexdigest()
            columns = ", ".join(event)
            marks = ", ".join("?" for _ in event)
            db.execute(
                f"INSERT INTO audit_event ({columns}) VALUES ({marks})", list(event.values())
            )
            db.execute("COMMIT")
            times.append(time.perf_counter() - started)
    finally:
        db.close()
    return times


def run(data: BenchData) -> list[Row]:
    from evaluator_app.services.demo_large import LARGE_FRAMEWORK_ID
    from evaluator_app.services.frameworks import find_framework

    framework = find_framework(data.large_dir, LARGE_FRAMEWORK_ID)
    codes = [i.code for i in framework.indicators()]
    raw = _raw(data, codes)  # first, while the copy is the untouched session
    ours = _ours(data, codes)
    ratio = median(ours) / median(raw)
    p99 = percentile(ours, 99)
    return [
        Row(
            f"level change + audit + commit ({CHANGES}×)",
            f"median {ms(median(ours))}, p99 {ms(p99)}",
            f"median {ms(median(raw))}, p99 {ms(percentile(raw, 99))}",
            ratio,
            "ratio ≤ 8; p99 ≤ 16 ms",
            ratio <= 8 and p99 <= 0.016,
            {"ours_median_s": median(ours), "ours_p99_s": p99, "raw_median_s": median(raw)},
        )
    ]
