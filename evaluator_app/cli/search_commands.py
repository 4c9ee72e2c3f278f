"""``search``: where something was written, in every session on this laptop."""

from __future__ import annotations

import argparse

from evaluator_app.cli.commands import _context, _print_json
from evaluator_app.i18n import N_, _

# What each kind of hit is, as a line names it.
_KIND_NAMES = {
    "assessment.notes": N_("notes"),
    "assessment.rationale": N_("rationale"),
    "clarification.question": N_("question"),
    "clarification.answer": N_("answer"),
    "finding.text": N_("finding"),
    "finding.recommendation": N_("recommendation"),
}


def cmd_search(args: argparse.Namespace) -> int:
    from evaluator_app.services.search import search_notes

    hits = search_notes(_context(args), " ".join(args.words), args.limit)
    if args.json:
        _print_json([hit.__dict__ for hit in hits])
        return 0
    if not hits:
        print(_("nothing found"))
    for hit in hits:
        print(
            f"{hit.session_id[:8]}  {hit.region} {hit.year}  {hit.indicator_code or '—'}  "
            f"{_(_KIND_NAMES[hit.kind])}: {hit.excerpt}"
        )
    return 0
