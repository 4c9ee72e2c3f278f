"""``results``: a session's results for the programme office, as XLSX or CSV."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from evaluator_app.cli.commands import _context, _print_json

if TYPE_CHECKING:
    from evaluator_app.services.results import ResultsFormat


def cmd_results(args: argparse.Namespace) -> int:
    from evaluator_app.services.results import export_results

    fmt: ResultsFormat = "xlsx" if args.xlsx is not None else "csv"
    shown: str = args.xlsx if args.xlsx is not None else args.csv
    summary = export_results(_context(args), args.id, Path(shown), fmt)
    if args.json:
        _print_json(summary.to_json())
    else:
        print(summary.line(shown))
    return 0
