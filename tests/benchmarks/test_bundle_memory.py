"""Peak memory of exporting and importing a session with 200 MB of evidence.

Not part of the normal run (``tests/benchmarks`` is outside testpaths):

    python -m pytest tests/benchmarks/test_bundle_memory.py -s

Each step runs in its own child process, so that its peak resident set size
(``resource.getrusage(...).ru_maxrss``) is its own; a child that only opens the
store gives the baseline to compare with.  Streaming holds if the peak stays
near the baseline whatever the evidence size.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

EVIDENCE_MB = 200
FILES = 4
CHUNK = 1 << 20
PASSPHRASE = "kata sandi benchmark"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _step(step: str, folder: Path) -> dict[str, object]:
    from evaluator_app.services import evidence
    from evaluator_app.services.bundle_import import import_bundle
    from evaluator_app.services.bundles import export_bundle
    from evaluator_app.services.demo import create_demo
    from evaluator_app.services.operation import open_context
    from evaluator_app.services.sessions import list_sessions

    started = time.perf_counter()
    result: dict[str, object] = {"step": step}
    if step == "baseline":
        ctx = open_context(str(folder / "a"), "alice")
        list_sessions(ctx)
    elif step == "setup":
        ctx = open_context(str(folder / "a"), "alice")
        session_id = create_demo(ctx)
        for n in range(FILES):
            scan = folder / f"scan-{n}.bin"
            with scan.open("wb") as out:
                for _ in range(EVIDENCE_MB // FILES):
                    out.write(os.urandom(CHUNK))
            evidence.attach_file(ctx, session_id, "GOV.1.1", scan, f"Pindaian {n}")
            scan.unlink()
        result["session_id"] = session_id
    elif step.startswith("export"):
        ctx = open_context(str(folder / "a"), "alice")
        session_id = list_sessions(ctx)[0].id
        sealed = step == "export-encrypted"
        out = folder / ("sealed.evpkg" if sealed else "plain.evpkg")
        summary = export_bundle(ctx, session_id, out, passphrase=PASSPHRASE if sealed else None)
        result["bundle_mb"] = round(summary.size / 2**20, 1)
    else:
        sealed = step == "import-encrypted"
        ctx = open_context(str(folder / ("c" if sealed else "b")), "bob")
        bundle = folder / ("sealed.evpkg" if sealed else "plain.evpkg")
        summary = import_bundle(ctx, bundle, PASSPHRASE if sealed else None)
        result["outcome"] = summary.outcome
        result["evidence_files"] = summary.evidence_files
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["peak_rss_mb"] = round(_peak_mb(), 1)
    return result


def _run(step: str, folder: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, __file__, step, str(folder)],
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KiB on Linux only")
def test_200_mb_of_evidence_travels_without_being_held_in_memory(tmp_path: Path) -> None:
    steps = [
        "baseline",
        "setup",
        "export",
        "import",
        "export-encrypted",
        "import-encrypted",
    ]
    results = {step: _run(step, tmp_path) for step in steps}
    baseline = float(str(results["baseline"]["peak_rss_mb"]))
    print(f"\nbundle of {EVIDENCE_MB} MB of evidence in {FILES} files:")
    for step, result in results.items():
        extra = {k: v for k, v in result.items() if k not in ("step", "peak_rss_mb", "seconds")}
        peak, seconds = result["peak_rss_mb"], result["seconds"]
        print(f"  {step:<17} peak RSS {peak:>7} MB, {seconds:>6} s  {extra}")
    for step in ("export", "import", "export-encrypted", "import-encrypted"):
        growth = float(str(results[step]["peak_rss_mb"])) - baseline
        assert growth < 64, f"{step} held {growth:.0f} MB more than the baseline"


if __name__ == "__main__":
    print(json.dumps(_step(sys.argv[1], Path(sys.argv[2]))))
