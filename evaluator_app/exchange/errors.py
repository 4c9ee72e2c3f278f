"""The one error a bundle raises: which member (or place in it) and what is wrong."""

from __future__ import annotations


class BundleError(Exception):
    """A bundle cannot be read or imported; nothing was written.

    ``member`` names the zip member, optionally with a path inside it
    (``session.json: assessments[3].agreed_level``); None when the problem is
    the file as a whole (not a zip, wrong passphrase, cut short).
    """

    def __init__(self, member: str | None, problem: str, source: str | None = None) -> None:
        self.member = member
        self.problem = problem
        self.source = source
        super().__init__(self._text())

    def _text(self) -> str:
        where = ": ".join(part for part in (self.source, self.member) if part)
        return f"{where}: {self.problem}" if where else self.problem

    def __str__(self) -> str:
        return self._text()

    def at(self, source: str) -> BundleError:
        """The same error, naming the bundle file it came from."""
        self.source = source
        self.args = (self._text(),)
        return self
