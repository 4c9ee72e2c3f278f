"""The framework catalogue: shipped files, files installed in the data folder,
and the exact definitions that sessions were started with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from evaluator_app.bundled import shipped_frameworks_dir
from evaluator_app.domain.framework import Framework, FrameworkError, Problem, load_framework
from evaluator_app.services.errors import NotFound
from evaluator_app.store.models import EvaluationSession, FrameworkRecord


@dataclass(frozen=True)
class CatalogueEntry:
    framework: Framework
    path: Path
    source: str  # shipped | installed


@dataclass(frozen=True)
class Catalogue:
    entries: list[CatalogueEntry]
    broken: list[FrameworkError]  # files that do not validate, left out


def installed_frameworks_dir(data_dir: Path) -> Path:
    return data_dir / "frameworks"


@lru_cache(maxsize=64)
def _load_cached(path: Path, _mtime_ns: int, _size: int) -> Framework:
    return load_framework(path)


def load_cached(path: Path) -> Framework:
    stat = path.stat()
    return _load_cached(path, stat.st_mtime_ns, stat.st_size)


def catalogue(data_dir: Path) -> Catalogue:
    entries: list[CatalogueEntry] = []
    broken: list[FrameworkError] = []
    for source, folder in (
        ("shipped", shipped_frameworks_dir()),
        ("installed", installed_frameworks_dir(data_dir)),
    ):
        files = (
            [p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")]
            if folder.is_dir()
            else []
        )
        for path in sorted(files):
            try:
                entries.append(CatalogueEntry(load_cached(path), path, source))
            except FrameworkError as error:
                broken.append(error)
            except Exception as error:  # one strange file must not hide the others
                broken.append(
                    FrameworkError(str(path), [Problem("", f"cannot be loaded: {error}")])
                )
    return Catalogue(entries, broken)


def _version_key(version: str) -> list[tuple[int, int | str]]:
    return [(0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\-]", version)]


def find_framework(data_dir: Path, framework_id: str, version: str | None = None) -> Framework:
    """The named framework (newest version unless one is given)."""
    entries = catalogue(data_dir).entries
    matches = [e.framework for e in entries if e.framework.id == framework_id]
    if version is not None:
        matches = [f for f in matches if f.version == version]
    if not matches:
        known = ", ".join(sorted({e.framework.id for e in entries})) or "none"
        wanted = f"{framework_id} {version}" if version else framework_id
        raise NotFound(f"unknown framework {wanted!r}; available: {known}")
    return max(matches, key=lambda f: _version_key(f.version))


def record_for(db: Session, framework: Framework) -> FrameworkRecord:
    """The stored copy of this exact definition, stored now if new."""
    digest = framework.content_hash
    record = db.scalars(
        select(FrameworkRecord).where(FrameworkRecord.content_hash == digest)
    ).first()
    if record is None:
        record = FrameworkRecord(
            code=framework.id,
            release=framework.version,
            title=framework.title.id,
            content_hash=digest,
            definition=framework.to_data(),
        )
        db.add(record)
    return record


_DEFINITIONS: dict[str, Framework] = {}


def framework_of(session: EvaluationSession) -> Framework:
    """The definition a session was started with (not whatever is on disk now)."""
    record = session.framework
    framework = _DEFINITIONS.get(record.content_hash)
    if framework is None:
        framework = Framework.model_validate(record.definition)
        _DEFINITIONS[record.content_hash] = framework
    return framework
