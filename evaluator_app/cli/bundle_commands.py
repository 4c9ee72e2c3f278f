"""Commands for session bundles: export a session to a file, import one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from evaluator_app.cli.commands import UsageError, _context, _print_json
from evaluator_app.cli.minutes_commands import _passphrase


def _export(args: argparse.Namespace) -> int:
    from evaluator_app.services.bundles import export_bundle

    if args.passphrase_file and not args.encrypt:
        raise UsageError("--passphrase-file goes with --encrypt")
    passphrase = _passphrase(args, confirm=True) if args.encrypt else None
    if passphrase == "":
        raise UsageError("the passphrase must not be empty")
    result = export_bundle(
        _context(args),
        args.id,
        Path(args.out),
        dimensions=args.dimensions,
        evaluator_id=args.evaluator,
        passphrase=passphrase,
    )
    if getattr(args, "json", False):
        _print_json(result.to_json())
        return 0
    part = []
    if result.scope["dimensions"]:
        part.append("dimensions " + ", ".join(result.scope["dimensions"]))
    if result.scope["evaluator"]:
        part.append(f"the work of participant {result.scope['evaluator'][:8]}")
    what = " and ".join(part) or "the whole session"
    lock = ", encrypted" if result.encrypted else ""
    print(
        f"{result.path}: {what}, {sum(result.records.values())} records, "
        f"{result.evidence_files} evidence files, {result.size} bytes{lock}"
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    from evaluator_app.exchange.crypto import is_encrypted
    from evaluator_app.services.bundle_import import import_bundle

    path = Path(args.file)
    try:
        encrypted = is_encrypted(path)
    except OSError as error:
        print(f"error: {path}: cannot read it: {error.strerror or error}", file=sys.stderr)
        return 1
    passphrase = _passphrase(args) if encrypted else None
    result = import_bundle(_context(args), path, passphrase)
    if args.json:
        _print_json(result.to_json())
    else:
        print(result.message)
    return 0


def cmd_bundle(args: argparse.Namespace) -> int:
    """``bundle export`` and ``bundle import``; a refused bundle exits with 1."""
    from evaluator_app.exchange.errors import BundleError

    try:
        return _export(args) if args.bundle_command == "export" else _import(args)
    except BundleError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
