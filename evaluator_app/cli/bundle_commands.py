"""Commands for session bundles: export a session to a file, import one."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evaluator_app.cli.commands import UsageError, _context, _print_json
from evaluator_app.cli.minutes_commands import _passphrase
from evaluator_app.i18n import _, format_size, os_reason

if TYPE_CHECKING:
    from evaluator_app.services.bundle_import import ImportPreview
    from evaluator_app.services.merge import Difference


def _export(args: argparse.Namespace) -> int:
    from evaluator_app.services.bundles import export_bundle

    if args.passphrase_file and not args.encrypt:
        raise UsageError(_("--passphrase-file goes with --encrypt"))
    passphrase = _passphrase(args, confirm=True) if args.encrypt else None
    if passphrase == "":
        raise UsageError(_("the passphrase must not be empty"))
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
        part.append(_("dimensions {codes}").format(codes=", ".join(result.scope["dimensions"])))
    if result.scope["evaluator"]:
        part.append(_("the work of participant {id}").format(id=result.scope["evaluator"][:8]))
    what = _(" and ").join(part) or _("the whole session")
    lock = _(", encrypted") if result.encrypted else ""
    print(
        _("{path}: {what}, {records} records, {files} evidence files, {size}").format(
            path=result.path,
            what=what,
            records=sum(result.records.values()),
            files=result.evidence_files,
            size=format_size(result.size),
        )
        + lock
    )
    return 0


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:59] + "…"


def _preview_lines(preview: ImportPreview) -> list[str]:
    where = _("session {id} ({region} {year})").format(
        id=preview.session_id[:8], region=preview.region, year=preview.year
    )
    who = preview.author or _("someone")
    if preview.outcome == "add":
        return [
            _("{who}'s bundle would add {where}, which this laptop does not have").format(
                who=who, where=where
            )
        ]
    if preview.outcome == "unchanged" or preview.plan is None:
        return [
            _("{where} already holds everything in {who}'s bundle; nothing would change").format(
                who=who, where=where
            )
        ]
    plan = preview.plan
    lines = [_("{who}'s bundle would be merged into {where}:").format(who=who, where=where)]
    sections: list[tuple[str, list[Difference], Any]] = [
        (_("records added"), plan.added, lambda d: d.label),
        (
            _("fields taken from the bundle"),
            plan.changed,
            lambda d: f"{d.label}: {d.field}: {_shown(d.ours)} → {_shown(d.theirs)}",
        ),
        (_("records removed (deleted there)"), plan.removed, lambda d: d.label),
        (_("fields changed here since (kept)"), plan.kept, lambda d: f"{d.label}: {d.field}"),
    ]
    for title, items, show in sections:
        if items:
            lines.append(f"  {title}: {len(items)}")
            lines += [f"    {show(d)}" for d in items]
    if plan.conflicts:
        lines.append("  " + _("conflicts: {n}").format(n=len(plan.conflicts)))
        for conflict in plan.conflicts:
            what = conflict.field or _("the record")
            lines.append(
                "    "
                + _("{label}: {what}: ours {ours} | theirs {theirs} ({kind})").format(
                    label=conflict.label,
                    what=what,
                    ours=_shown(conflict.ours),
                    theirs=_shown(conflict.theirs),
                    kind=conflict.kind.replace("_", " "),
                )
            )
    return lines


def _preview_json(preview: ImportPreview) -> dict[str, Any]:
    plan = preview.plan
    out: dict[str, Any] = {
        "session_id": preview.session_id,
        "region": preview.region,
        "year": preview.year,
        "author": preview.author,
        "outcome": preview.outcome,
    }
    if plan is not None:
        for name in ("added", "changed", "removed", "kept", "conflicts"):
            out[name] = [dataclasses.asdict(d) | {"key": d.key} for d in getattr(plan, name)]
    return out


def _import(args: argparse.Namespace) -> int:
    from evaluator_app.exchange.crypto import is_encrypted
    from evaluator_app.services.bundle_import import import_bundle, preview_bundle

    path = Path(args.file)
    try:
        encrypted = is_encrypted(path)
    except OSError as error:
        print(
            _("error: {message}").format(
                message=_("{path}: cannot read it: {reason}").format(
                    path=path, reason=os_reason(error)
                )
            ),
            file=sys.stderr,
        )
        return 1
    passphrase = _passphrase(args) if encrypted else None
    ctx = _context(args)
    preview = preview_bundle(ctx, path, passphrase)
    if args.preview:
        if args.json:
            _print_json(_preview_json(preview))
        else:
            print("\n".join(_preview_lines(preview)))
        return 0
    conflicts = preview.plan.conflicts if preview.plan else []
    if conflicts and not args.conflicts:
        print("\n".join(_preview_lines(preview)), file=sys.stderr)
        print(
            _("error: {message}").format(
                message=_(
                    "{n} conflict(s) need a choice: import again with --conflicts ours or "
                    "--conflicts theirs, or settle them one by one in the window"
                ).format(n=len(conflicts))
            ),
            file=sys.stderr,
        )
        return 1
    resolutions = {c.key: args.conflicts for c in conflicts}
    result = import_bundle(ctx, path, passphrase, resolutions=resolutions)
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
        print(_("error: {message}").format(message=error), file=sys.stderr)
        return 1
