"""``frameworks import`` and ``frameworks export``: frameworks from and to spreadsheets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from evaluator_app.i18n import _, ngettext

if TYPE_CHECKING:  # the parser imports this module; pydantic loads only when a command runs
    from evaluator_app.domain.framework import Framework


def _count(framework: Framework) -> int:
    return sum(1 for _ in framework.indicators())


def _summary(framework: Framework) -> str:
    count = _count(framework)
    return ngettext(
        "{framework} {version}, {n} indicator, content hash {hash}",
        "{framework} {version}, {n} indicators, content hash {hash}",
        count,
    ).format(
        framework=framework.id, version=framework.version, n=count, hash=framework.content_hash[:12]
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
            print(
                _("error: {message}").format(
                    message=_("{path} is a version mapping: --out is for frameworks").format(
                        path=path
                    )
                ),
                file=sys.stderr,
            )
            return 1
        try:
            done = framework_mappings.install_mapping(folder, path)
        except FrameworkError as error:
            return _problems(path, error)
        mapping = done.mapping
        message = (
            _("{path}: replaced the mapping of {framework} {old} -> {new} ({n} codes) as {file}")
            if done.replaced
            else _(
                "{path}: installed the mapping of {framework} {old} -> {new} ({n} codes) as {file}"
            )
        )
        print(
            message.format(
                path=path,
                framework=mapping.framework,
                old=mapping.from_version,
                new=mapping.to_version,
                n=len(mapping.codes),
                file=done.path,
            )
        )
        return 0
    try:
        framework = read_framework_file(path)
    except FrameworkError as error:
        return _problems(path, error)
    if args.out:
        write_framework_yaml(framework, Path(args.out))
        print(
            _("{path}: valid ({summary}); written to {out}").format(
                path=path, summary=_summary(framework), out=args.out
            )
        )
        return 0
    installed = install_framework(folder, framework)
    if installed.new:
        message = _("{path}: installed ({summary}) as {file}")
    else:
        message = _("{path}: already available ({summary}) as {file}")
    print(message.format(path=path, summary=_summary(framework), file=installed.path))
    return 0


def _problems(path: Path, error: Exception) -> int:
    from evaluator_app.domain.framework import FrameworkError

    count = len(error.problems) if isinstance(error, FrameworkError) else 1
    print(
        ngettext(
            "{path}: {n} problem; nothing installed",
            "{path}: {n} problems; nothing installed",
            count,
        ).format(path=path, n=count),
        file=sys.stderr,
    )
    print(error, file=sys.stderr)
    return 1


def cmd_frameworks_export(args: argparse.Namespace) -> int:
    from evaluator_app.services.frameworks import export_framework_xlsx
    from evaluator_app.store.location import data_dir

    out = Path(args.out)
    framework = export_framework_xlsx(data_dir(args.data_dir), args.id, out, args.framework_version)
    print(_("{out}: written ({summary})").format(out=out, summary=_summary(framework)))
    return 0
