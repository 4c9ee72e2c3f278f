"""``frameworks import`` and ``frameworks export``: frameworks from and to spreadsheets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser imports this module; pydantic loads only when a command runs
    from evaluator_app.domain.framework import Framework


def _count(framework: Framework) -> int:
    return sum(1 for _ in framework.indicators())


def _summary(framework: Framework) -> str:
    return (
        f"{framework.id} {framework.version}, {_count(framework)} indicators, "
        f"content hash {framework.content_hash[:12]}"
    )


def cmd_frameworks_import(args: argparse.Namespace) -> int:
    """Validate a framework spreadsheet (or YAML file, or version mapping) whole;
    install it, or with --out only write it as YAML.  Every problem is listed."""
    from evaluator_app.domain.framework import FrameworkError
    from evaluator_app.services import framework_mappings
    from evaluator_app.services.frameworks import (
        YAML_SUFFIXES,
        install_framework,
        read_framework_file,
        write_framework_yaml,
    )
    from evaluator_app.store.location import data_dir

    path = Path(args.file)
    folder = data_dir(args.data_dir)
    if path.suffix.lower() in YAML_SUFFIXES and framework_mappings.is_mapping_file(path):
        if args.out:
            print(f"error: {path} is a version mapping: --out is for frameworks", file=sys.stderr)
            return 1
        try:
            done = framework_mappings.install_mapping(folder, path)
        except FrameworkError as error:
            return _problems(path, error)
        mapping = done.mapping
        verb = "replaced" if done.replaced else "installed"
        print(
            f"{path}: {verb} the mapping of {mapping.framework} {mapping.from_version} -> "
            f"{mapping.to_version} ({len(mapping.codes)} codes) as {done.path}"
        )
        return 0
    try:
        framework = read_framework_file(path)
    except FrameworkError as error:
        return _problems(path, error)
    if args.out:
        write_framework_yaml(framework, Path(args.out))
        print(f"{path}: valid ({_summary(framework)}); written to {args.out}")
        return 0
    installed = install_framework(folder, framework)
    if installed.new:
        print(f"{path}: installed ({_summary(framework)}) as {installed.path}")
    else:
        print(f"{path}: already available ({_summary(framework)}) as {installed.path}")
    return 0


def _problems(path: Path, error: Exception) -> int:
    from evaluator_app.domain.framework import FrameworkError

    count = len(error.problems) if isinstance(error, FrameworkError) else 1
    print(f"{path}: {count} problem{'s' if count != 1 else ''}; nothing installed", file=sys.stderr)
    print(error, file=sys.stderr)
    return 1


def cmd_frameworks_export(args: argparse.Namespace) -> int:
    from evaluator_app.services.frameworks import export_framework_xlsx
    from evaluator_app.store.location import data_dir

    out = Path(args.out)
    framework = export_framework_xlsx(data_dir(args.data_dir), args.id, out, args.framework_version)
    print(f"{out}: written ({_summary(framework)})")
    return 0
