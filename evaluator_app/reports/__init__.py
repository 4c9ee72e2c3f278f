"""PDF minutes and other documents (issue 4).

Plain functions from a canonical session snapshot and its framework to a PDF
file; no Qt and no database here, so the command line, the GUI and the signing
module all get the same document.
"""

from evaluator_app.reports.agency_findings import render_agency_findings
from evaluator_app.reports.errors import ReportError
from evaluator_app.reports.minutes import MinutesLayout, render_minutes
from evaluator_app.reports.outstanding import render_outstanding_evidence
from evaluator_app.reports.signatures import SignerBlock, default_signers

__all__ = [
    "MinutesLayout",
    "ReportError",
    "SignerBlock",
    "default_signers",
    "render_agency_findings",
    "render_minutes",
    "render_outstanding_evidence",
]
