"""The large session and the archive, made once and cached between runs.

The cache lives under ``$XDG_CACHE_HOME/evaluator-bench`` (else
``~/.cache/evaluator-bench``), keyed by the generator's version; every run
works on a fresh copy in a temporary folder, so workloads that write (level
changes, imports) never change the cache.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from evaluator_app.services.demo_large import GENERATOR_VERSION, create_archive, create_large
from evaluator_app.services.operation import open_context


@dataclass(frozen=True)
class BenchData:
    large_dir: Path  # a data folder holding the large session
    large_session: str
    archive_dir: Path  # a data folder holding the 500 archive sessions
    work: Path  # scratch space for this run


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "evaluator-bench" / f"v{GENERATOR_VERSION}"


def _made(folder: Path, make: str) -> dict[str, str]:
    meta = folder / "meta.json"
    if meta.is_file():
        return dict(json.loads(meta.read_text("utf-8")))
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    started = time.perf_counter()
    ctx = open_context(str(partial / "data"), "bench")
    try:
        if make == "large":
            found = {"session": create_large(ctx)}
        else:
            found = {"sessions": str(len(create_archive(ctx)))}
    finally:
        ctx.store.close()
    found["seconds"] = f"{time.perf_counter() - started:.1f}"
    (partial / "meta.json").write_text(json.dumps(found), "utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    print(f"  made the {make} data in {found['seconds']} s (cached in {folder})", flush=True)
    return found


def prepare(work: Path, need_archive: bool = True) -> BenchData:
    """Copies of the cached data for this run (made first if missing)."""
    root = cache_root()
    root.mkdir(parents=True, exist_ok=True)
    large = _made(root / "large", "large")
    large_dir = work / "large"
    shutil.copytree(root / "large" / "data", large_dir)
    archive_dir = work / "archive"
    if need_archive:
        _made(root / "archive", "archive")
        shutil.copytree(root / "archive" / "data", archive_dir)
    return BenchData(large_dir, large["session"], archive_dir, work)
