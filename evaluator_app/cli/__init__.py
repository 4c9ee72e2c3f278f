"""The command line: the same services as the window, for scripts and people.

``evaluator-app`` alone opens the window; subcommands work without Qt.
Exit codes: 0 done, 1 refused or failed (message on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import Any

from evaluator_app.cli.commands import UsageError
from evaluator_app.cli.parser import build_parser
from evaluator_app.i18n import _


def _is_utf8(text: str) -> bool:
    # Bytes that are not UTF-8 reach Python as lone surrogates.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _Console(logging.StreamHandler):  # type: ignore[type-arg]
    """The command line's stderr handler (one, however often ``main`` runs); it writes to
    whatever ``sys.stderr`` is at the time, never to one closed since."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def _log_to(args: argparse.Namespace) -> None:
    """Warnings (or ``--log-level``) on stderr; INFO and up also in the data folder's
    rotating log file, so a user's problem can be read afterwards."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _Console)]:
        root.removeHandler(old)
    console = _Console()
    console.setLevel(args.log_level)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(console)
    root.setLevel(min(logging.INFO, logging.getLevelName(args.log_level)))
    if not args.self_check:
        from evaluator_app.app_log import install_log
        from evaluator_app.store.location import data_dir

        install_log(data_dir(args.data_dir))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for name, value in vars(args).items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not _is_utf8(text):
                parser.error(_("the value of {name} is not valid UTF-8 text").format(name=name))
    _log_to(args)
    if args.self_check:
        from evaluator_app.self_check import run_self_check

        return run_self_check()
    if args.handler is None:
        parser.parse_args([*(argv or sys.argv[1:]), "--help"])
    from evaluator_app.domain.framework import FrameworkError
    from evaluator_app.services.errors import ServiceError
    from evaluator_app.store.database import StoreError

    log = logging.getLogger(__name__)
    log.info("command: %s", args.command or "window")
    try:
        code: int = args.handler(args)
    except UsageError as error:
        parser.error(str(error))
    except (ServiceError, StoreError, FrameworkError) as error:
        log.info("%s refused: %s", args.command, error)
        print(_("error: {message}").format(message=error), file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    return code
