"""Code mappings between framework versions, kept in the data folder.

``<data folder>/frameworks/mappings/*.yaml``, one file per step from one
version to the next (``docs/frameworks.md``, "Mappings between versions").
Year over year looks a mapping up when the region's earlier session used
another version of the same framework; steps chain (2023 -> 2024 -> 2025).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from evaluator_app.domain.framework import Framework, FrameworkError
from evaluator_app.domain.framework_mapping import (
    CodeMapping,
    chain,
    code_map,
    is_mapping_data,
    load_code_mapping,
)
from evaluator_app.i18n import _, os_reason
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.frameworks import catalogue, installed_frameworks_dir, write_whole

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)


def mappings_dir(data_dir: Path) -> Path:
    return installed_frameworks_dir(data_dir) / "mappings"


@lru_cache(maxsize=64)
def _load_cached(path: Path, _mtime_ns: int, _size: int) -> CodeMapping:
    return load_code_mapping(path)


def installed_mappings(data_dir: Path) -> list[CodeMapping]:
    """Every mapping file in the data folder that validates (the others are
    logged and left out)."""
    folder = mappings_dir(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")):
        try:
            stat = path.stat()
            found.append(_load_cached(path, stat.st_mtime_ns, stat.st_size))
        except (FrameworkError, OSError) as error:
            log.warning("left out a mapping file that does not validate:\n%s", error)
    return found


def version_code_map(
    data_dir: Path | None, old: Framework, new: Framework
) -> dict[str, str | None] | None:
    """Old code -> new code (None: no counterpart) from ``old`` to ``new``, when they
    are two versions of one framework with mappings between them; else None."""
    if data_dir is None or old.id != new.id or old.version == new.version:
        return None
    steps = chain(installed_mappings(data_dir), old.id, old.version, new.version)
    if not steps:
        return None
    codes = {i.code for i in old.indicators()}
    stack = list(old.dimensions)
    while stack:
        group = stack.pop()
        codes.add(group.code)
        stack.extend(group.groups)
    return code_map(sorted(codes), steps)


def data_dir_of(db: Session) -> Path | None:
    """The data folder of the store ``db`` reads (the SQLite file's folder); None
    for a database elsewhere (a PostgreSQL archive has no mapping files)."""
    bind = db.get_bind()
    url = (bind if isinstance(bind, Engine) else bind.engine).url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database).parent


def is_mapping_file(path: Path) -> bool:
    """Whether a YAML file is a mapping (``codes``) rather than a framework."""
    try:
        from evaluator_app.domain.framework_yaml import read_yaml_with_lines  # not at start

        data, _ = read_yaml_with_lines(path)  # the strict reader: no aliases to expand
    except FrameworkError:
        return False  # the framework loader says what is wrong with it
    return is_mapping_data(data)


@dataclass(frozen=True)
class InstalledMapping:
    mapping: CodeMapping
    path: Path
    replaced: bool  # an earlier mapping for the same two versions was replaced


def install_mapping(data_dir: Path, path: Path) -> InstalledMapping:
    """Validate a mapping file (against both versions, where installed) and copy it
    into the data folder; nothing is written if anything is wrong."""
    entries = catalogue(data_dir).entries

    def framework(framework_id: str, version: str) -> Framework | None:
        return next(
            (
                e.framework
                for e in entries
                if (e.framework.id, e.framework.version) == (framework_id, version)
            ),
            None,
        )

    mapping = load_code_mapping(
        path,
        old=lambda m: framework(m.framework, m.from_version),
        new=lambda m: framework(m.framework, m.to_version),
    )
    folder = mappings_dir(data_dir)
    name = "-".join(
        re.sub(r"[^A-Za-z0-9._-]+", "_", part)
        for part in (mapping.framework, mapping.from_version, "to", mapping.to_version)
    )
    replaced = [
        m
        for m in installed_mappings(data_dir)
        if (m.framework, m.from_version, m.to_version)
        == (mapping.framework, mapping.from_version, mapping.to_version)
    ]
    target = Path(replaced[0].source) if replaced else folder / f"{name}.yaml"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = path.read_bytes()
    except OSError as error:
        raise InvalidInput(
            _("cannot install the mapping: {strerror}").format(strerror=os_reason(error))
        ) from None
    write_whole(target, data)
    return InstalledMapping(mapping, target, replaced=bool(replaced))
