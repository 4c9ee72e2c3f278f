"""Shared by the bundle tests: rewriting a bundle's members, and what a data folder holds.

(No tests here; the other bundle test modules import these helpers.)
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evaluator_app.services.operation import Context
from evaluator_app.store.models import RECORD_TYPES

TABLES = (*RECORD_TYPES, "audit_event")


def members(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(
    source: Path,
    target: Path,
    *,
    replace: dict[str, bytes] | None = None,
    drop: tuple[str, ...] = (),
    manifest: Callable[[dict[str, Any]], None] | None = None,
    fix_manifest: bool = True,
) -> Path:
    """A copy of a bundle with members replaced or dropped.

    ``fix_manifest``: recompute the manifest's sizes and hashes for what is in
    the copy (so only the change under test is wrong); ``manifest`` edits it last.
    """
    found = members(source)
    for name in drop:
        del found[name]
    found.update(replace or {})
    listing = json.loads(found["manifest.json"])
    if fix_manifest and "manifest.json" not in (replace or {}):
        listing["members"] = [
            {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in found.items()
            if name != "manifest.json"
        ]
    if manifest is not None:
        manifest(listing)
    if "manifest.json" not in (replace or {}):
        found["manifest.json"] = json.dumps(listing).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in found.items():
            archive.writestr(name, data)
    return target


def session_json(bundle: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(members(bundle)["session.json"])
    return data


def with_session_json(source: Path, target: Path, edit: Callable[[dict[str, Any]], None]) -> Path:
    data = session_json(source)
    edit(data)
    return rezip(source, target, replace={"session.json": json.dumps(data).encode()})


def state(ctx: Context) -> dict[str, Any]:
    """Row counts and version sums per table, and every file of the data folder but
    the database's own: equal before and after means nothing was written."""
    connection = sqlite3.connect(ctx.store.database_file)
    try:
        rows = {
            table: connection.execute(
                f"SELECT count(*), total({'seq' if table == 'audit_event' else 'version'}) "
                f"FROM {table}"
            ).fetchone()
            for table in TABLES
        }
    finally:
        connection.close()
    folder = ctx.store.data_dir
    files = sorted(
        (str(p.relative_to(folder)), p.stat().st_size)
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith("evaluator.sqlite")
    )
    return {"rows": rows, "files": files}
