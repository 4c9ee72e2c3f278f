"""``backup`` and ``restore``: copies of the database, and putting one back."""

from __future__ import annotations

import argparse
from pathlib import Path

from evaluator_app.cli.commands import _context
from evaluator_app.i18n import _


def cmd_backup(args: argparse.Namespace) -> int:
    from evaluator_app.services.backups import back_up

    ctx = _context(args)
    try:
        path = back_up(ctx, Path(args.out).expanduser() if args.out else None)
    finally:
        ctx.store.close()
    print(_("backed up to {path}").format(path=path))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from evaluator_app.services.backups import restore
    from evaluator_app.store.location import data_dir

    # Not through _context: opening the store would migrate or lock the very
    # database being replaced.
    safety = restore(data_dir(args.data_dir), Path(args.file).expanduser())
    print(_("restored from {file}").format(file=args.file))
    if safety is not None:
        print(_("the previous database was kept in {path}").format(path=safety))
    return 0
