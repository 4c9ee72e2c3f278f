"""Errors a service raises: each carries a message fit to show a person."""

from __future__ import annotations


class ServiceError(Exception):
    """An operation refused; nothing was changed."""


class NotFound(ServiceError):
    pass


class InvalidInput(ServiceError):
    pass


class SessionLocked(ServiceError):
    """The session is signed: reopen it with a reason to change it."""


class UndoConflict(ServiceError):
    pass


class StorageError(ServiceError):
    """The database could not be read or written (busy, damaged, disk full)."""
