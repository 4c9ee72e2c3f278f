"""Signing identities in the data folder: list, create, import, export.

A thin layer over ``signing.identities`` that turns its errors into service
refusals, so that the window and the command line show them alike.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from cryptography import x509

from evaluator_app import signing
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.operation import Context
from evaluator_app.signing import IdentityInfo, SigningError

T = TypeVar("T")


def identities_folder(ctx: Context) -> Path:
    return ctx.store.data_dir / "identities"


def _refusing(action: Callable[[], T]) -> T:
    try:
        return action()
    except SigningError as error:
        raise InvalidInput(str(error)) from None


def list_identities(ctx: Context) -> list[IdentityInfo]:
    folder = identities_folder(ctx)
    return _refusing(lambda: signing.list_identities(folder)) if folder.exists() else []


def create_identity(
    ctx: Context, name: str, nip: str | None, organisation: str, passphrase: str
) -> IdentityInfo:
    """A new identity issued by this installation's local issuer."""
    folder = identities_folder(ctx)
    return _refusing(
        lambda: signing.create_identity(folder, name, nip or "", organisation, passphrase)
    )


def import_identity(ctx: Context, p12_path: Path, passphrase: str) -> IdentityInfo:
    """An identity the signer brings (e.g. an official certificate), checked and copied in."""
    folder = identities_folder(ctx)
    return _refusing(lambda: signing.import_identity(folder, p12_path, passphrase))


def export_identity(ctx: Context, identity_id: str, out: Path) -> None:
    folder = identities_folder(ctx)
    _refusing(lambda: signing.export_identity(folder, identity_id, out))


def trust_roots(ctx: Context) -> list[x509.Certificate]:
    """Certificates a signature may chain to: this installation's local issuer."""
    certificate = signing.local_issuer_certificate(identities_folder(ctx))
    return [] if certificate is None else [certificate]
