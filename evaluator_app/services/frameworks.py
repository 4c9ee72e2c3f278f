"""The framework catalogue: shipped files, files installed in the data folder,
and the exact definitions that sessions were started with.

Installing (from a spreadsheet or a YAML file) validates the whole file first
and writes nothing when anything is wrong.  An installed framework is a YAML
file in ``<data folder>/frameworks/``; the same id with a new version is a new
framework beside the old one, and a session keeps the definition it started
with whatever is installed later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from evaluator_app.bundled import shipped_frameworks_dir
from evaluator_app.domain.framework import (
    Framework,
    FrameworkError,
    Problem,
    framework_from_stored,
    load_framework,
)
from evaluator_app.domain.framework_xlsx.layout import SUFFIXES
from evaluator_app.i18n import _, os_reason
from evaluator_app.services.errors import InvalidInput, NotFound
from evaluator_app.store import models, tables

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from evaluator_app.services.operation import Reader

YAML_SUFFIXES = (".yaml", ".yml")


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
                    FrameworkError(
                        str(path), [Problem("", _("cannot be loaded: {error}").format(error=error))]
                    )
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
        raise NotFound(
            _("unknown framework {wanted!r}; available: {known}").format(wanted=wanted, known=known)
        )
    return max(matches, key=lambda f: _version_key(f.version))


def record_for(db: Session, framework: Framework) -> models.FrameworkRecord:
    """The stored copy of this exact definition, stored now if new."""
    digest = framework.content_hash
    record = db.scalars(
        select(models.FrameworkRecord).where(models.FrameworkRecord.content_hash == digest)
    ).first()
    if record is None:
        record = models.FrameworkRecord(
            code=framework.id,
            release=framework.version,
            title=framework.title.id,
            content_hash=digest,
            definition=framework.to_data(),
        )
        db.add(record)
    return record


_DEFINITIONS: dict[str, Framework] = {}


def framework_of(session: models.EvaluationSession) -> Framework:
    """The definition a session was started with (not whatever is on disk now)."""
    record = session.framework
    framework = _DEFINITIONS.get(record.content_hash)
    if framework is None:
        framework = framework_from_stored(record.definition)
        _DEFINITIONS[record.content_hash] = framework
    return framework


def framework_by_hash(db: Reader, framework_id: str, content_hash: str) -> Framework:
    """``framework_of`` for a session read as a row: the definition is read only
    when it is not parsed yet."""
    framework = _DEFINITIONS.get(content_hash)
    if framework is None:
        table = tables.framework_table  # Core: no mapper set-up (records.py)
        definition = db.execute(
            select(table.c.definition).where(table.c.id == framework_id)
        ).scalar_one()
        framework = framework_from_stored(definition)
        _DEFINITIONS[content_hash] = framework
    return framework


# --- importing and exporting ---------------------------------------------------


@dataclass(frozen=True)
class Installed:
    framework: Framework
    path: Path
    new: bool  # False: this exact definition was already available there


def read_framework_file(path: Path) -> Framework:
    """A framework spreadsheet (.xlsx) or YAML file, validated whole; FrameworkError
    lists every problem (``Sheet!A1: ...`` for a spreadsheet, the line for YAML)."""
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        from evaluator_app.domain.framework_xlsx.reader import read_framework_xlsx

        return read_framework_xlsx(path)
    if suffix in YAML_SUFFIXES:
        return load_framework(path)
    raise FrameworkError(
        str(path),
        [Problem("", _("not a framework file: give an Excel workbook (.xlsx) or a YAML file"))],
    )


def _file_name(framework: Framework) -> str:
    version = re.sub(r"[^A-Za-z0-9._-]+", "_", framework.version).strip("._") or "v"
    return f"{framework.id}-{version}.yaml"


def write_whole(path: Path, data: bytes) -> None:
    """``data`` at ``path``, written whole or not at all."""
    # Imported here: the signing package loads pyHanko, which listing frameworks
    # or sessions does not need.
    from evaluator_app.signing.atomic_write import write_atomically
    from evaluator_app.signing.errors import OutputError

    try:
        write_atomically(path, data)
    except OutputError as error:
        raise InvalidInput(str(error)) from None


def install_framework(data_dir: Path, framework: Framework) -> Installed:
    """Put ``framework`` in the data folder's frameworks, beside the others.

    Refused when the same id and version is already there with other content: a
    changed framework needs a new version, so that every session's framework
    stays what its id and version say."""
    for entry in catalogue(data_dir).entries:
        known = entry.framework
        if (known.id, known.version) != (framework.id, framework.version):
            continue
        if known.content_hash == framework.content_hash:
            return Installed(known, entry.path, new=False)
        raise InvalidInput(
            _(
                "{framework_id} {version} is already {source} ({path}) with "
                "different content: give the changed framework a new version"
            ).format(
                framework_id=framework.id,
                version=framework.version,
                source=entry.source,
                path=entry.path,
            )
        )
    folder = installed_frameworks_dir(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidInput(
            _("cannot create {folder}: {strerror}").format(folder=folder, strerror=os_reason(error))
        ) from None
    path = folder / _file_name(framework)
    counter = 1
    while path.exists():  # a file by that name holding something else: keep it
        counter += 1
        path = folder / f"{path.stem.rsplit('~', 1)[0]}~{counter}.yaml"
    write_framework_yaml(framework, path)
    if load_framework(path).content_hash != framework.content_hash:  # pragma: no cover
        path.unlink()
        raise InvalidInput(
            _("{path} did not read back as written; nothing was installed").format(path=path)
        )
    return Installed(framework, path, new=True)


def import_framework(data_dir: Path, path: Path) -> Installed:
    """Validate a framework file whole, then install it (nothing is written if any
    problem is found)."""
    return install_framework(data_dir, read_framework_file(path))


def write_framework_yaml(framework: Framework, out: Path) -> None:
    """The framework as a YAML file at ``out`` (written whole or not at all)."""
    from evaluator_app.domain.framework_yaml import dump_framework_yaml  # PyYAML: not at start

    write_whole(out, dump_framework_yaml(framework).encode("utf-8"))


def export_framework_xlsx(
    data_dir: Path, framework_id: str, out: Path, version: str | None = None
) -> Framework:
    """Write an available framework as a spreadsheet that imports back unchanged."""
    from evaluator_app.domain.framework_xlsx.writer import framework_xlsx_bytes

    framework = find_framework(data_dir, framework_id, version)
    write_whole(out, framework_xlsx_bytes(framework))
    return framework


def framework_template() -> Path:
    """The spreadsheet template (instructions on its first sheet, an example filled in)."""
    from evaluator_app.bundled import resources_dir

    return resources_dir() / "templates" / "framework-template.xlsx"


def save_framework_template(out: Path) -> None:
    """A copy of the template at ``out``, for someone to fill in."""
    try:
        data = framework_template().read_bytes()
    except OSError as error:
        raise InvalidInput(
            _("the template cannot be read: {strerror}").format(strerror=os_reason(error))
        ) from None
    write_whole(out, data)
