"""The one error the report builders raise for anything a person can fix."""

from __future__ import annotations


class ReportError(Exception):
    """A document could not be made: says what and where (a path, a snapshot field)."""
